//! Serving the built site as GitHub Pages does: a request to the file inside
//! the output it names (never outside it), a directory without its slash
//! redirected, anything else answered with `404.html`, and the media type.
//! `serve` and the tests' Pages-like server both answer through [`answer`].

use std::path::{Component, Path, PathBuf};

/// What a static host sends for one request: a status, the file whose
/// bytes are the body, and where a redirect points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub file: PathBuf,
    /// For a 301: the address with its slash.
    pub location: Option<String>,
}

/// How GitHub Pages answers a request for `url` when the site in `out` is
/// published under `prefix` (`/repo`, or `""` at the root): the file, a
/// redirect for a directory asked for without its slash, or `404.html` with
/// 404 for anything else.
pub fn answer(out: &Path, prefix: &str, url: &str) -> Answer {
    let path = url_path(url);
    let not_found = Answer {
        status: 404,
        file: out.join("404.html"),
        location: None,
    };
    let rest = match path.strip_prefix(prefix) {
        Some("") => "/",
        Some(rest) if rest.starts_with('/') => rest,
        _ => return not_found,
    };
    match resolve(out, rest) {
        Some(file) if !rest.ends_with('/') && out.join(rest.trim_start_matches('/')).is_dir() => {
            Answer {
                status: 301,
                file,
                location: Some(format!("{path}/")),
            }
        }
        Some(file) => Answer {
            status: 200,
            file,
            location: None,
        },
        None => not_found,
    }
}

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
    fn answers_are_those_of_pages_under_a_sub_path() {
        let dir = tempfile::tempdir().expect("temp");
        let out = std::fs::canonicalize(dir.path()).expect("canonical");
        std::fs::create_dir_all(out.join("1008")).expect("mkdir");
        std::fs::write(out.join("1008/index.html"), "page").expect("write");
        std::fs::write(out.join("404.html"), "missing").expect("write");
        let at = |url| {
            let a = answer(&out, "/repo", url);
            (a.status, a.file, a.location)
        };
        assert_eq!(
            at("/repo/1008/?q=1"),
            (200, out.join("1008/index.html"), None)
        );
        assert_eq!(
            at("/repo/1008"),
            (301, out.join("1008/index.html"), Some("/repo/1008/".into()))
        );
        assert_eq!(at("/repo/4001/"), (404, out.join("404.html"), None));
        assert_eq!(at("/1008/"), (404, out.join("404.html"), None));
        assert_eq!(at("/repository/1008/"), (404, out.join("404.html"), None));
    }

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
