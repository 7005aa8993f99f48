//! The language switch keeps the page and the section, in real Chromium,
//! including a section chosen after the page loaded.

use crate::common;

use crate::common::browser;
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread")]
#[cfg_attr(
    no_browser,
    ignore = "needs Chromium: apt-get install chromium chromium-driver"
)]
async fn switching_language_keeps_the_page_and_the_anchor() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);

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
