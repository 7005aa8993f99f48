//! The content security policy every page carries in a `<meta>` element
//! (GitHub Pages sets no headers): scripts only from the site's own files,
//! and the two inline scripts the pages need, allowed by their hashes; no
//! plugins, no `<base>` from elsewhere, forms only to the site itself.

use std::sync::LazyLock;

use base64::Engine;
use sha2::{Digest, Sha256};

/// The not-found page's first-paint script: it shows the address's language.
pub(crate) const NOT_FOUND_SCRIPT: &str = include_str!("../../templates/inline/not-found.js");
/// A redirect page's script: it keeps the `#anchor` on the way.
pub(crate) const REDIRECT_SCRIPT: &str = include_str!("../../templates/inline/redirect.js");

static POLICY: LazyLock<String> = LazyLock::new(|| {
    let hashes: Vec<String> = [NOT_FOUND_SCRIPT, REDIRECT_SCRIPT]
        .iter()
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    format!(
        "default-src 'self'; script-src 'self' {}; style-src 'self'; img-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'",
        hashes.join(" ")
    )
});

/// The policy, the same on every page.
pub(crate) fn policy() -> &'static str {
    &POLICY
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_each_inline_script_by_its_hash_and_nothing_inline_else() {
        let policy = policy();
        // `openssl dgst -sha256 -binary templates/inline/redirect.js | base64`,
        // computed outside the generator when the script was last changed.
        assert!(
            policy.contains("'sha256-KHyI5B+QMV3TWabgv2B/xzj904tfGWIeDW9o8mU7pOs='"),
            "{policy}"
        );
        assert_eq!(policy.matches("'sha256-").count(), 2, "{policy}");
        for forbidden in ["unsafe-inline", "unsafe-eval", "data:", "*"] {
            assert!(!policy.contains(forbidden), "{forbidden} in {policy}");
        }
        assert!(policy.contains("object-src 'none'") && policy.contains("base-uri 'self'"));
    }
}
