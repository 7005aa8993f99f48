//! The content security policy as written: every page of the real site
//! carries the same one before any script, and it allows each inline script
//! the pages hold by that script's own SHA-256 hash, and nothing inline else.

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::common::{self, sel};

#[test]
fn every_page_allows_exactly_its_inline_scripts_by_their_hashes() {
    let site = common::real_site();
    let files = common::snapshot(&site.out);
    let mut policies = std::collections::BTreeSet::new();
    let mut inline = std::collections::BTreeSet::new();
    let mut pages = 0;
    for (rel, bytes) in &files {
        if !rel.ends_with(".html") {
            continue;
        }
        pages += 1;
        let html = String::from_utf8_lossy(bytes);
        let doc = scraper::Html::parse_document(&html);
        let head: Vec<_> = doc.select(&sel("head > *")).collect();
        let at = head
            .iter()
            .position(|el| el.value().attr("http-equiv") == Some("Content-Security-Policy"))
            .unwrap_or_else(|| panic!("{rel}: no policy"));
        let first_script = head
            .iter()
            .position(|el| el.value().name() == "script")
            .unwrap_or(usize::MAX);
        assert!(at < first_script, "{rel}: the policy comes after a script");
        let policy = head[at]
            .value()
            .attr("content")
            .expect("content")
            .to_string();
        for script in doc.select(&sel("script:not([src])")) {
            if script.value().attr("type") == Some("application/json") {
                continue;
            }
            let text: String = script.text().collect();
            let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(&text));
            let source = format!("'sha256-{hash}'");
            assert!(
                policy.contains(&source),
                "{rel}: an inline script not allowed"
            );
            inline.insert(source);
        }
        policies.insert(policy);
    }
    assert!(pages > 500, "{pages} pages");
    assert_eq!(
        policies.len(),
        1,
        "one policy for every page: {policies:#?}"
    );
    let policy = policies.into_iter().next().expect("policy");
    // Nothing is allowed inline but the scripts found: no 'unsafe-inline',
    // no 'unsafe-eval', and no hash of a script that is not there.
    assert_eq!(policy.matches("'sha256-").count(), inline.len(), "{policy}");
    for directive in [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "style-src 'self'",
        "img-src 'self'",
    ] {
        assert!(policy.contains(directive), "{directive} in {policy}");
    }
    assert!(!policy.contains("unsafe"), "{policy}");
}
