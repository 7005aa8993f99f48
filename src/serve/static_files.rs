//! Serving the built site as a static host does: a request path to the file
//! inside the output it names, never outside it, and the media type to send
//! it with. `serve` and the tests' Pages-like server share these.

use std::path::{Component, Path, PathBuf};

/// The path of a request URL, without query or fragment.
pub fn url_path(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or("/")
}

/// The file a URL path names inside `out`, or `None` when there is none or
/// the path would leave `out` (`..`, encoded or not, or a link outside).
pub fn resolve(out: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(url_path)
        .decode_utf8()
        .ok()?;
    if decoded.contains('\0') || decoded.contains('\\') {
        return None;
    }
    let rel = Path::new(decoded.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut path = out.join(rel);
    if path.is_dir() {
        path = path.join("index.html");
    }
    let real = std::fs::canonicalize(&path).ok()?;
    (real.starts_with(out) && real.is_file()).then_some(real)
}

/// The media type a file is served with.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("txt") => "text/plain; charset=utf-8",
        Some("xml") => "application/xml",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_never_leave_the_output_directory() {
        let dir = tempfile::tempdir().expect("temp");
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("1008")).expect("mkdir");
        std::fs::write(out.join("1008/index.html"), "page").expect("write");
        std::fs::write(dir.path().join("secret.txt"), "secret").expect("write");
        let out = std::fs::canonicalize(&out).expect("canonical");
        assert_eq!(resolve(&out, "/1008/"), Some(out.join("1008/index.html")));
        for evil in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/1008/..%2f..%2fsecret.txt",
            "/..%5csecret.txt",
            "/%00",
        ] {
            assert_eq!(resolve(&out, evil), None, "{evil}");
        }
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), out.join("link.txt"))
            .expect("symlink");
        assert_eq!(resolve(&out, "/link.txt"), None);
    }
}
