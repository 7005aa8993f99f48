//! `closecodes serve` in real Chromium: an edit to the content reloads the
//! open page; a content error shows over the page with its position while the
//! last good site stays served; nothing but an edit makes it rebuild.

use std::fs;
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::Scratch;
use crate::common::browser::{self, wait_for};
use fantoccini::Locator;

/// `closecodes serve` on a free port, stopped when dropped.
struct Serve {
    child: Child,
    port: u16,
}

impl Serve {
    fn start(scratch: &Scratch, stdout: Stdio) -> Serve {
        let port = TcpListener::bind("127.0.0.1:0")
            .expect("port")
            .local_addr()
            .expect("addr")
            .port();
        let child = Command::new(env!("CARGO_BIN_EXE_closecodes"))
            .args(["serve", "--port", &port.to_string(), "--content"])
            .arg(&scratch.content)
            .arg("--out")
            .arg(scratch.root().join("public"))
            .stdout(stdout)
            .stderr(Stdio::null())
            .spawn()
            .expect("start serve");
        Serve { child, port }
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test(flavor = "multi_thread")]
#[cfg_attr(
    no_browser,
    ignore = "needs Chromium: apt-get install chromium chromium-driver"
)]
async fn serve_reloads_on_edit_and_shows_content_errors() {
    let Some(browser) = browser::start().await else {
        return;
    };
    let scratch = Scratch::mini();
    let serve = Serve::start(&scratch, Stdio::null());
    let port = serve.port;
    let client = &browser.client;
    let page = format!("http://127.0.0.1:{port}/1006/");
    wait_for("serve to answer", || async {
        client.goto(&page).await.ok()
    })
    .await;
    let lede = || async {
        client
            .find(Locator::Css(".hero .lede"))
            .await
            .ok()?
            .text()
            .await
            .ok()
    };
    assert_eq!(
        lede().await.as_deref(),
        Some("The connection dropped without a Close frame.")
    );

    let code = scratch.path("codes/1006.toml");
    let text = fs::read_to_string(&code).expect("read");
    scratch.edit("codes/1006.toml", "dropped without", "ended without");
    wait_for("the page to reload with the edit", || async {
        lede().await.filter(|t| t.contains("ended without"))
    })
    .await;

    scratch.edit("codes/1006.toml", "code = 1006", "code = \"1006\"");
    let overlay = wait_for("the error overlay", || async {
        client
            .find(Locator::Id("closecodes-error"))
            .await
            .ok()?
            .text()
            .await
            .ok()
    })
    .await;
    assert!(overlay.contains("codes/1006.toml:1:8:"), "{overlay}");
    // The last good site is still what is served.
    client.goto(&page).await.expect("reload");
    assert!(lede().await.is_some_and(|t| t.contains("ended without")));

    fs::write(&code, &text).expect("fix");
    wait_for("the overlay to go once the content is fixed", || async {
        let gone = client.find(Locator::Id("closecodes-error")).await.is_err();
        let fixed = lede().await.is_some_and(|t| t.contains("dropped without"));
        (gone && fixed).then_some(())
    })
    .await;
}

/// The lines `serve` prints, as they come.
fn lines_of(serve: &mut Serve) -> mpsc::Receiver<String> {
    let stdout = serve.child.stdout.take().expect("stdout");
    let (send, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = send.send(line);
        }
    });
    lines
}

/// Rebuilds reported in `window`.
fn rebuilds(lines: &mpsc::Receiver<String>, window: Duration) -> usize {
    let until = Instant::now() + window;
    let mut count = 0;
    while let Some(left) = until.checked_duration_since(Instant::now()) {
        match lines.recv_timeout(left) {
            Ok(line) if line.starts_with("rebuilt") => count += 1,
            Ok(_) => {}
            Err(_) => break,
        }
    }
    count
}

#[test]
fn serve_rebuilds_once_per_edit_and_never_when_idle() {
    let scratch = Scratch::mini();
    let mut serve = Serve::start(&scratch, Stdio::piped());
    let lines = lines_of(&mut serve);
    let started = Instant::now();
    loop {
        let line = lines
            .recv_timeout(Duration::from_secs(30))
            .expect("serve starts");
        if line.starts_with("serving") {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "serve starts");
    }
    // The first build read every file: that must not start another.
    assert_eq!(
        rebuilds(&lines, Duration::from_secs(10)),
        0,
        "no rebuild in 10 s of idleness"
    );
    scratch.edit("codes/1006.toml", "dropped without", "ended without");
    assert_eq!(rebuilds(&lines, Duration::from_secs(3)), 1, "one edit");
    // Reading a file is not an edit.
    fs::read_to_string(scratch.path("codes/1000.toml")).expect("read");
    assert_eq!(rebuilds(&lines, Duration::from_secs(2)), 0, "a read");
}
