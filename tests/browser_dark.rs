//! Light and dark themes follow `prefers-color-scheme`, with no script.

mod common;

use common::browser;

async fn background(flags: &[&str]) -> Option<String> {
    let browser = browser::start_with(flags).await?;
    let site = common::build(
        &common::mini_content(),
        Some("https://example.github.io/repo/"),
    );
    let root = browser::serve_like_pages(&site.out, "repo");
    let client = &browser.client;
    client.goto(&format!("{root}1006/")).await.expect("goto");
    let value = client
        .execute(
            "return getComputedStyle(document.body).backgroundColor",
            vec![],
        )
        .await
        .expect("style");
    Some(value.as_str().expect("string").to_string())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dark_theme_follows_the_system_setting() {
    let Some(light) = background(&["--blink-settings=preferredColorScheme=1"]).await else {
        return;
    };
    let dark = background(&["--blink-settings=preferredColorScheme=0"])
        .await
        .expect("browser");
    assert_eq!(light, "rgb(255, 255, 255)");
    assert_eq!(dark, "rgb(15, 19, 24)");
}
