//! `serve` under load: 50 clients make 5,000 requests in all on loopback,
//! half of them on kept-alive connections, while the content is edited and
//! the site rebuilt again and again. No request fails, every page is the old
//! one or the new one and never part of one, and the memory of the server
//! stays flat.

use std::collections::BTreeMap;
use std::io::{BufReader, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::common::serve::{self, Serve, get};
use crate::common::{Scratch, snapshot};

const CLIENTS: usize = 50;
const REQUESTS: usize = 5_000;
/// Growth of the server's resident memory allowed over the 5,000 requests,
/// after a warm-up that has started as many threads as the load does.
const GROWTH_BOUND_KIB: u64 = 16 * 1024;

const SUMMARY: &str = "The application's session token expired.";
const EDITED: &str = "The application's session token expired, as edited.";

type Site = BTreeMap<String, Vec<u8>>;

/// The URL of each file of a site.
fn urls(site: &Site) -> Vec<String> {
    site.keys()
        .filter(|rel| !rel.starts_with('.'))
        .map(|rel| format!("/{}", rel.strip_suffix("index.html").unwrap_or(rel)))
        .collect()
}

/// The file behind `url` in `site`, as serve sends it: HTML gets the
/// live-reload `script` before `</body>`.
fn served(site: &Site, url: &str, script: &[u8]) -> Option<Vec<u8>> {
    let rel = url.trim_start_matches('/');
    let rel = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    };
    let file = site.get(&rel)?;
    if !rel.ends_with(".html") {
        return Some(file.clone());
    }
    let text = String::from_utf8_lossy(file);
    let at = text.rfind("</body>")?;
    let mut out = file[..at].to_vec();
    out.extend_from_slice(script);
    out.extend_from_slice(&file[at..]);
    Some(out)
}

/// Clients requesting every URL of the site from serve, each reply checked
/// against the old and the new site.
struct Load {
    addr: std::net::SocketAddr,
    urls: Vec<String>,
    /// The site before the first edit and after it.
    sites: [Site; 2],
    /// What serve adds to each HTML page.
    script: Vec<u8>,
    failures: AtomicUsize,
}

impl Load {
    /// `requests` from all clients at once; returns how many were served.
    fn run(&self, requests: usize) -> usize {
        let served_count = AtomicUsize::new(0);
        std::thread::scope(|s| {
            for client in 0..CLIENTS {
                let served_count = &served_count;
                s.spawn(move || self.client(client, requests / CLIENTS, served_count));
            }
        });
        served_count.into_inner()
    }

    /// One client's requests: odd clients keep their connection alive.
    fn client(&self, client: usize, requests: usize, served_count: &AtomicUsize) {
        let mut kept: Option<BufReader<std::net::TcpStream>> = None;
        let keep_alive = client % 2 == 1;
        for i in 0..requests {
            let url = &self.urls[(client * 7 + i * 13) % self.urls.len()];
            let mut reader = kept
                .take()
                .unwrap_or_else(|| BufReader::new(serve::connect(self.addr)));
            let connection = if keep_alive { "keep-alive" } else { "close" };
            let request = format!(
                "GET {url} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: {connection}\r\n\r\n"
            );
            let reply = reader
                .get_mut()
                .write_all(request.as_bytes())
                .and_then(|()| serve::read_reply(&mut reader, false));
            let ok = reply.as_ref().is_ok_and(|reply| {
                reply.status == 200
                    && self
                        .sites
                        .iter()
                        .any(|site| served(site, url, &self.script).as_ref() == Some(&reply.body))
            });
            if !ok {
                let what = reply.map(|r| (r.status, r.body.len()));
                eprintln!("GET {url} failed: {what:?}");
                self.failures.fetch_add(1, Ordering::SeqCst);
            }
            served_count.fetch_add(1, Ordering::SeqCst);
            if keep_alive {
                kept = Some(reader);
            }
        }
    }
}

/// Edits the summary of 4001 and waits until serve has rebuilt.
fn edit_and_wait(serve: &Serve, scratch: &Scratch, from: &str, to: &str) {
    let rebuilds = serve.stdout().matches("rebuilt in").count();
    scratch.edit("codes/4001.toml", from, to);
    let started = Instant::now();
    while serve.stdout().matches("rebuilt in").count() == rebuilds {
        assert!(started.elapsed() < Duration::from_secs(30), "no rebuild");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
#[ignore = "torture: .ci/run runs it (cargo test -- --include-ignored)"]
fn serve_answers_5000_requests_from_50_clients_while_it_rebuilds() {
    let scratch = Scratch::mini();
    let out = scratch.out();
    let serve = Serve::start(&scratch.content, &out);
    let old = snapshot(&out);
    edit_and_wait(&serve, &scratch, SUMMARY, EDITED);
    let new = snapshot(&out);
    assert_ne!(old, new);
    // The injected script: what the served index has before `</body>`
    // beyond the file.
    let page = get(serve.addr, "/").body;
    let file = String::from_utf8_lossy(&new["index.html"]).into_owned();
    let at = file.rfind("</body>").expect("</body>");
    let script = page[at..at + page.len() - file.len()].to_vec();
    assert_eq!(served(&new, "/", &script), Some(page));
    let load = Load {
        addr: serve.addr,
        urls: urls(&new),
        sites: [old, new],
        script,
        failures: AtomicUsize::new(0),
    };
    let done = AtomicBool::new(false);
    let run_load = |requests: usize| load.run(requests);
    run_load(500);
    let before = serve.rss_kib();
    let rebuilds_before = serve.stdout().matches("rebuilt in").count();
    let (served_count, edits) = std::thread::scope(|s| {
        let editor = s.spawn(|| {
            let mut edits = 0;
            while !done.load(Ordering::SeqCst) {
                let (from, to) = if edits % 2 == 0 {
                    (EDITED, SUMMARY)
                } else {
                    (SUMMARY, EDITED)
                };
                edit_and_wait(&serve, &scratch, from, to);
                edits += 1;
                std::thread::sleep(Duration::from_millis(100));
            }
            edits
        });
        let started = Instant::now();
        let count = run_load(REQUESTS);
        eprintln!("serve load: {count} requests in {:?}", started.elapsed());
        done.store(true, Ordering::SeqCst);
        (count, editor.join().expect("editor"))
    });
    let after = serve.rss_kib();
    let rebuilds = serve.stdout().matches("rebuilt in").count() - rebuilds_before;
    eprintln!(
        "serve load: {served_count} requests by {CLIENTS} clients, {} failed, {rebuilds} rebuilds \
         ({edits} edits) during the load; resident memory {before} KiB before, {after} KiB after",
        load.failures.load(Ordering::SeqCst)
    );
    assert_eq!(served_count, REQUESTS);
    assert_eq!(load.failures.load(Ordering::SeqCst), 0, "requests failed");
    assert!(rebuilds >= 2, "the site was not rebuilt during the load");
    assert!(
        after <= before + GROWTH_BOUND_KIB,
        "memory grew from {before} KiB to {after} KiB"
    );
}
