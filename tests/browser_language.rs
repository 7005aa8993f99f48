//! The language switch keeps the page and the section, in real Chromium,
//! including a section chosen after the page loaded.

mod common;

use common::browser;
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread")]
async fn switching_language_keeps_the_page_and_the_anchor() {
    let Some(browser) = browser::start().await else {
        return;
    };
    let site = common::build(
        &common::real_content(),
        Some("https://example.github.io/repo/"),
    );
    let root = browser::serve_like_pages(&site.out, "repo");
    let client = &browser.client;

    client
        .goto(&format!("{root}1008/#fix"))
        .await
        .expect("goto");
    client
        .find(Locator::Css("nav.languages a[hreflang=ko]"))
        .await
        .expect("switch")
        .click()
        .await
        .expect("click");
    browser::wait_for_url(client, "/repo/ko/1008/#fix").await;

    // A section picked after loading, with its copy-link mark, is kept too.
    client
        .find(Locator::Css("section#when a.copy-link"))
        .await
        .expect("mark")
        .click()
        .await
        .expect("click");
    client
        .find(Locator::Css("nav.languages a[hreflang=en]"))
        .await
        .expect("switch")
        .click()
        .await
        .expect("click");
    browser::wait_for_url(client, "/repo/1008/#when").await;
}
