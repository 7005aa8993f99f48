//! How fast the search box answers a topic on a slow phone:
//! `cargo run --release --example search_latency`.
//!
//! Builds the real site, serves it as GitHub Pages would, and opens a code
//! page in headless Chromium (`apt-get install chromium chromium-driver`)
//! at 390×844 with the CPU slowed down 4× through the DevTools protocol
//! (`Emulation.setCPUThrottlingRate`, Lighthouse's mobile setting). For each
//! language it types every topic of `tests/search_cases.toml` into the
//! header's box, one query at a time, and times from the input event to the
//! frame after the site's text results are in (`data-text="done"`). The
//! first query also fetches and reads the language's `search.json`; it is
//! shown apart. It prints the size of each index, as sent and gzipped, and
//! the first, median, 95th percentile and slowest times.

#[allow(dead_code)]
#[path = "../tests/site/common/browser.rs"]
mod browser;

use std::io::Write;
use std::path::Path;

use fantoccini::wd::WebDriverCompatibleCommand;

/// What `browser.rs` asks of its test harness: here a missing Chromium
/// ends the example with the reason.
fn require<T>(tool: Option<T>, reason: &str) -> Option<T> {
    if tool.is_none() {
        eprintln!("search_latency: {reason}");
    }
    tool
}

/// How much slower than this machine the phone is.
const CPU_SLOWDOWN: u32 = 4;

/// A DevTools command sent through ChromeDriver (`goog/cdp/execute`).
#[derive(Debug)]
struct Cdp(serde_json::Value);

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.0.to_string()))
    }
}

/// Types `query` into the header's box and resolves with the milliseconds
/// until the frame after its text results are in.
const TIME_QUERY: &str = "
const [query, done] = [arguments[0], arguments[arguments.length - 1]];
const input = document.getElementById('site-q');
const panel = input.closest('form').querySelector('.lookup-results');
input.focus();
input.value = query;
const start = performance.now();
input.dispatchEvent(new Event('input', { bubbles: true }));
const wait = () => panel.getAttribute('data-text') === 'done'
  ? requestAnimationFrame(() => done(performance.now() - start))
  : requestAnimationFrame(wait);
wait();";

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let temp = tempfile::tempdir().expect("temp dir");
    let out = temp.path().join("site");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    closecodes::build(&closecodes::BuildOptions {
        content: root.join("content"),
        out: out.clone(),
        base_url: Some("https://example.github.io/repo/".to_string()),
    })
    .expect("the real site builds");
    let cases: toml::Table = std::fs::read_to_string(root.join("tests/search_cases.toml"))
        .expect("tests/search_cases.toml")
        .parse()
        .expect("cases parse");
    let site = browser::serve_like_pages(&out, "repo");
    let Some(chromium) = browser::start().await else {
        std::process::exit(1);
    };
    let client = &chromium.client;
    browser::viewport(client, 390, 844).await;
    let slow = serde_json::json!({"cmd": "Emulation.setCPUThrottlingRate", "params": {"rate": CPU_SLOWDOWN}});
    client.issue_cmd(Cdp(slow)).await.expect("CPU throttling");
    println!(
        "Chromium, 390x844, CPU slowed {CPU_SLOWDOWN}x; times from typing to the frame with the results"
    );
    for (lang, prefix) in [("en", ""), ("ko", "ko/")] {
        let index = std::fs::read(out.join(prefix).join("search.json")).expect("search.json");
        let queries: Vec<&str> = cases["case"]
            .as_array()
            .expect("cases")
            .iter()
            .filter(|c| c["lang"].as_str() == Some(lang))
            .filter_map(|c| c["query"].as_str())
            .collect();
        client
            .goto(&format!("{site}{prefix}1006/"))
            .await
            .expect("goto");
        let mut times = Vec::new();
        for query in &queries {
            let ms = client
                .execute_async(TIME_QUERY, vec![serde_json::json!(query)])
                .await
                .expect("timed query");
            times.push(ms.as_f64().expect("milliseconds"));
        }
        let first = times.remove(0);
        times.sort_by(f64::total_cmp);
        let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        println!(
            "{lang}: search.json {} KB ({} KB gzipped); first query {first:.0} ms (index fetched and read); \
             {} more: median {:.0} ms, p95 {:.0} ms, slowest {:.0} ms",
            index.len() / 1024,
            gzipped(&index) / 1024,
            times.len(),
            at(0.5),
            at(0.95),
            at(1.0)
        );
    }
}

/// The size of `bytes` gzipped, as a server would send them (`gzip -6`).
fn gzipped(bytes: &[u8]) -> usize {
    let mut child = std::process::Command::new("gzip")
        .arg("-6")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("gzip");
    let mut stdin = child.stdin.take().expect("stdin");
    let data = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data).expect("write"));
    let output = child.wait_with_output().expect("gzip output");
    writer.join().expect("writer");
    output.stdout.len()
}
