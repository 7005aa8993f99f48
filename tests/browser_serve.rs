//! `closecodes serve` in real Chromium: an edit to the content reloads the
//! open page; a content error shows over the page with its position while the
//! last good site stays served.

mod common;

use std::fs;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};

use common::browser::{self, wait_for};
use fantoccini::Locator;

struct Serve(Child);

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn serve_reloads_on_edit_and_shows_content_errors() {
    let Some(browser) = browser::start().await else {
        return;
    };
    let temp = tempfile::tempdir().expect("temp");
    let content = temp.path().join("content");
    common::copy_dir(&common::mini_content(), &content);
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("port")
        .local_addr()
        .expect("addr")
        .port();
    let _serve = Serve(
        Command::new(env!("CARGO_BIN_EXE_closecodes"))
            .args(["serve", "--port", &port.to_string(), "--content"])
            .arg(&content)
            .arg("--out")
            .arg(temp.path().join("public"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start serve"),
    );
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

    let code = content.join("codes/1006.toml");
    let text = fs::read_to_string(&code).expect("read");
    fs::write(&code, text.replace("dropped without", "ended without")).expect("edit");
    wait_for("the page to reload with the edit", || async {
        lede().await.filter(|t| t.contains("ended without"))
    })
    .await;

    fs::write(&code, text.replace("code = 1006", "code = \"1006\"")).expect("break");
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
