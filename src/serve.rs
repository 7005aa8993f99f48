//! `closecodes serve`: builds the site, serves it on loopback, rebuilds when
//! `content/` or `static/` change and reloads the open page. A content error
//! is shown over the page; the last good site stays served.

use std::net::IpAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use notify_debouncer_mini::{DebounceEventResult, new_debouncer, notify::RecursiveMode};
use tiny_http::{Header, Request, Response, Server};

use crate::error::{Error, Result};
use crate::{BuildOptions, build, project_dirs};

/// Where the live-reload script asks for the build's state.
const STATUS_PATH: &str = "/__closecodes/status";

/// Polls the status, reloads on a new build, shows a failed build's errors.
const RELOAD_SCRIPT: &str = r#"<script>
(function () {
  var seen = null, box = null;
  function poll() {
    fetch("/__closecodes/status", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.version !== seen && !s.error) { location.reload(); return; }
      seen = s.version;
      if (s.error) {
        if (!box) { box = document.createElement("pre"); box.id = "closecodes-error";
          box.style.cssText = "position:fixed;inset:1rem;z-index:99;overflow:auto;margin:0;padding:1rem;background:#2b0b0b;color:#ffd7d7;font:14px/1.5 monospace;white-space:pre-wrap;border:2px solid #ff6b6b";
          document.body.appendChild(box); }
        box.textContent = s.error;
      } else if (box) { box.remove(); box = null; }
    }).catch(function () {}).then(function () { setTimeout(poll, 300); });
  }
  poll();
})();
</script>"#;

pub struct ServeOptions {
    pub content: PathBuf,
    pub out: PathBuf,
    pub host: IpAddr,
    pub port: u16,
}

/// The build the browser sees: a counter that moves on every good build, and
/// the errors of the last build if it failed.
#[derive(Default)]
struct State {
    version: AtomicU64,
    error: Mutex<Option<String>>,
}

impl State {
    fn rebuild(&self, options: &BuildOptions) {
        match build(options) {
            Ok(report) => {
                let c = &report.changes;
                println!(
                    "rebuilt in {} ms: {} added, {} removed, {} changed",
                    report.elapsed.as_millis(),
                    c.added,
                    c.removed,
                    c.changed
                );
                *self.error.lock().unwrap_or_else(|p| p.into_inner()) = None;
                self.version.fetch_add(1, Ordering::SeqCst);
            }
            Err(err) => {
                eprintln!("{err}\n(the last good site is still served)");
                *self.error.lock().unwrap_or_else(|p| p.into_inner()) = Some(err.to_string());
            }
        }
    }

    fn status_json(&self) -> String {
        let error = self.error.lock().unwrap_or_else(|p| p.into_inner()).clone();
        serde_json::json!({ "version": self.version.load(Ordering::SeqCst), "error": error })
            .to_string()
    }
}

/// Builds, serves and watches until the process is stopped.
pub fn serve(options: &ServeOptions) -> Result<()> {
    let server = Server::http((options.host, options.port)).map_err(|err| Error::Output {
        path: options.out.clone(),
        message: format!("cannot listen on {}:{}: {err}", options.host, options.port),
    })?;
    let port = server
        .server_addr()
        .to_ip()
        .map_or(options.port, |a| a.port());
    let build_options = BuildOptions {
        content: options.content.clone(),
        out: options.out.clone(),
        base_url: Some(format!("http://{}:{port}/", display_host(options.host))),
    };
    let state = Arc::new(State::default());
    state.rebuild(&build_options);
    if !options.out.join("index.html").is_file() {
        return Err(Error::Output {
            path: options.out.clone(),
            message: "no site to serve: fix the content and run serve again".into(),
        });
    }

    let (root, _) = project_dirs(&options.content);
    let watched_state = Arc::clone(&state);
    let templates = root.join("templates");
    let mut debouncer = new_debouncer(
        Duration::from_millis(50),
        move |result: DebounceEventResult| {
            let Ok(events) = result else { return };
            if events.iter().any(|e| e.path.starts_with(&templates)) {
                println!(
                    "templates/ changed: templates are compiled into the binary, so restart serve \
                 (or run it under `cargo watch -x \"run -- serve\"`)"
                );
            }
            if events
                .iter()
                .any(|e| !e.path.starts_with(&templates) && !is_lock(&e.path))
            {
                watched_state.rebuild(&build_options);
            }
        },
    )
    .map_err(|err| Error::Io {
        path: options.content.clone(),
        source: std::io::Error::other(err),
    })?;
    for dir in [
        options.content.clone(),
        root.join("static"),
        root.join("templates"),
    ] {
        if dir.is_dir() {
            debouncer
                .watcher()
                .watch(&dir, RecursiveMode::Recursive)
                .map_err(|err| Error::Io {
                    path: dir.clone(),
                    source: std::io::Error::other(err),
                })?;
        }
    }

    println!(
        "serving {} at http://{}:{port}/ (Ctrl-C to stop)",
        options.out.display(),
        display_host(options.host)
    );
    for request in server.incoming_requests() {
        // The output is a link that each build moves: follow it per request.
        match std::fs::canonicalize(&options.out) {
            Ok(out) => respond(request, &out, &state),
            Err(err) => {
                let _ =
                    request.respond(Response::from_string(err.to_string()).with_status_code(500));
            }
        }
    }
    Ok(())
}

/// The lock file changes on every build; it is not an edit to react to.
fn is_lock(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n == crate::lock::LOCK_FILE)
}

fn display_host(host: IpAddr) -> String {
    match host {
        IpAddr::V6(v6) => format!("[{v6}]"),
        IpAddr::V4(v4) => v4.to_string(),
    }
}

fn respond(request: Request, out: &Path, state: &State) {
    let url = url_path(request.url()).to_string();
    if url == STATUS_PATH {
        let response = Response::from_string(state.status_json())
            .with_header(header("Content-Type", "application/json"));
        let _ = request.respond(response);
        return;
    }
    let (status, path) = match resolve(out, &url) {
        Some(path) => (200, path),
        None => (404, out.join("404.html")),
    };
    let Ok(mut bytes) = std::fs::read(&path) else {
        let _ = request.respond(Response::from_string("not found").with_status_code(404));
        return;
    };
    let content_type = content_type(&path);
    if content_type.starts_with("text/html") {
        let html = String::from_utf8_lossy(&bytes);
        let injected = match html.rfind("</body>") {
            Some(at) => format!("{}{RELOAD_SCRIPT}{}", &html[..at], &html[at..]),
            None => format!("{html}{RELOAD_SCRIPT}"),
        };
        bytes = injected.into_bytes();
    }
    let response = Response::from_data(bytes)
        .with_status_code(status)
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-store"));
    let _ = request.respond(response);
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

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap_or_else(|_| {
        Header::from_bytes(&b"X-Invalid"[..], &b"1"[..])
            .unwrap_or_else(|_| unreachable!("static header"))
    })
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
