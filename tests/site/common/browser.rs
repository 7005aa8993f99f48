//! Real headless Chromium for tests: the generator's own server answering as
//! GitHub Pages does (a sub-path, `404.html` for missing files), and a
//! WebDriver session.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};

/// Serves `out` under `/<sub_path>/` on a free loopback port, as GitHub Pages
/// serves a project site. Runs until the test process ends.
pub fn serve_like_pages(out: &Path, sub_path: &str) -> String {
    serve_with_missing_status(out, sub_path, 404)
}

/// Like [`serve_like_pages`], answering `missing` with the not-found page
/// for a missing file under the sub-path (Lighthouse refuses to measure a
/// page that answers 404); anything outside the sub-path is always a 404.
pub fn serve_with_missing_status(out: &Path, sub_path: &str, missing: u16) -> String {
    use closecodes::serve::http::{self, Limits, Response};
    use closecodes::serve::static_files::{answer, content_type};
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    let out = std::fs::canonicalize(out).expect("out");
    let prefix = format!("/{}", sub_path.trim_matches('/'));
    let prefix = if prefix == "/" { String::new() } else { prefix };
    let root = format!("http://127.0.0.1:{port}{prefix}/");
    thread::spawn(move || {
        http::run(listener, Limits::default(), move |request| {
            let found = answer(&out, &prefix, &request.path);
            let status = match found.status {
                404 if request.path.starts_with(&format!("{prefix}/")) => missing,
                status => status,
            };
            Response {
                status,
                content_type: content_type(&found.file),
                body: if found.location.is_some() {
                    Vec::new()
                } else {
                    std::fs::read(&found.file).unwrap_or_default()
                },
                location: found.location,
            }
        })
    });
    root
}

fn find(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|p| p.is_file())
    })
}

/// A running ChromeDriver and a headless Chromium session.
pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Ending the session makes ChromeDriver quit Chromium.
        let client = self.client.clone();
        tokio::task::block_in_place(|| {
            tokio::runtime::Handle::current().block_on(async {
                let _ = client.close().await;
            })
        });
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &group])
            .status();
        let _ = self.driver.wait();
    }
}

/// A browser, and a built site served as GitHub Pages serves a project site.
pub struct Session {
    pub browser: Browser,
    /// The site's address: `http://127.0.0.1:PORT/repo/`.
    pub root: String,
}

impl Session {
    pub fn client(&self) -> &Client {
        &self.browser.client
    }
}

/// Serves the site in `out` under `/repo/` and starts Chromium; `None` when
/// Chromium is missing outside CI.
pub async fn open(out: &Path) -> Option<Session> {
    open_with(out, &[]).await
}

pub async fn open_with(out: &Path, extra: &[&str]) -> Option<Session> {
    let browser = start_with(extra).await?;
    Some(Session {
        root: serve_like_pages(out, "repo"),
        browser,
    })
}

/// Starts Chromium, or returns `None` (with the reason printed) when it is
/// not installed and the tests do not run under CI, where it must be.
pub async fn start() -> Option<Browser> {
    start_with(&[]).await
}

/// Starts Chromium with extra command-line switches.
pub async fn start_with(extra: &[&str]) -> Option<Browser> {
    let chromium = find("chromium").or_else(|| find("chromium-browser"));
    let driver = find("chromedriver");
    let (chromium, driver) = super::require(
        chromium.zip(driver),
        "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)",
    )?;
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("port")
        .local_addr()
        .expect("addr")
        .port();
    let child = Command::new(driver)
        .process_group(0)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let profile = tempfile::tempdir().expect("profile");
    let mut args: Vec<String> = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1200,900",
    ]
    .iter()
    .map(|a| a.to_string())
    .collect();
    args.push(format!("--user-data-dir={}", profile.path().display()));
    args.extend(extra.iter().map(|a| a.to_string()));
    let caps: serde_json::Map<String, serde_json::Value> =
        serde_json::from_value(serde_json::json!({
            "goog:chromeOptions": {
                "binary": chromium,
                "args": args
            }
        }))
        .expect("caps");
    let started = Instant::now();
    loop {
        match ClientBuilder::rustls()
            .expect("tls")
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(client) => {
                return Some(Browser {
                    client,
                    driver: child,
                    _profile: profile,
                });
            }
            Err(err) if started.elapsed() > Duration::from_secs(20) => {
                panic!("chromedriver: {err}")
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

/// Waits until `check` returns `Some`, or panics after a few seconds.
pub async fn wait_for<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let started = Instant::now();
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until the browser's address ends with `suffix`.
pub async fn wait_for_url(client: &Client, suffix: &str) {
    wait_for(&format!("the address to end with {suffix}"), || async {
        let url = client.current_url().await.ok()?.to_string();
        url.ends_with(suffix).then_some(())
    })
    .await
}

/// Sets the viewport to `width`×`height` CSS pixels.
pub async fn viewport(client: &Client, width: u32, height: u32) {
    client.set_window_size(width, height).await.expect("size");
    // The window includes the browser's frame: grow it until the viewport fits.
    let inner = client
        .execute("return [innerWidth, innerHeight]", vec![])
        .await
        .expect("inner");
    let (w, h) = (
        inner[0].as_u64().unwrap_or(0) as u32,
        inner[1].as_u64().unwrap_or(0) as u32,
    );
    client
        .set_window_size(2 * width - w, 2 * height - h)
        .await
        .expect("size");
}
