//! In real Chromium, against the site served under a sub-path as GitHub Pages
//! serves it: the 404 page sends old and mistyped addresses to the right
//! page and anchor, and redirect pages keep the anchor.

use crate::common;

use crate::common::browser;

async fn url_after_load(client: &fantoccini::Client, start: &str, expected_suffix: &str) {
    client.goto(start).await.expect("goto");
    browser::wait_for_url(client, expected_suffix).await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_404_page_and_redirects_lead_to_the_right_page_and_anchor() {
    let site = common::build(&common::mini_content(), Some(common::BASE));
    let Some(session) = browser::open(&site.out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    for (path, expected) in [
        ("4001", "/repo/4001/"),
        ("1006/fix", "/repo/1006/#fix"),
        ("1006#when", "/repo/1006/#when"),
        ("1006-vs-1000", "/repo/1000-vs-1006/"),
        (
            "1006-vs-1000/#differences",
            "/repo/1000-vs-1006/#differences",
        ),
        ("4050/", "/repo/4000-4999/"),
        ("2500", "/repo/1000-2999/"),
    ] {
        url_after_load(client, &format!("{root}{path}"), expected).await;
    }
    // A deep unknown path stays on the not-found page, which offers the lookup.
    let deep = format!("{root}a/b/c/1006/");
    client.goto(&deep).await.expect("goto");
    let input = client
        .find(fantoccini::Locator::Css("input[name=q]"))
        .await
        .expect("lookup box");
    assert!(input.is_displayed().await.expect("shown"));
    assert_eq!(client.current_url().await.expect("url").as_str(), deep);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_404_page_keeps_the_language_of_the_address() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    for (path, expected) in [
        ("ko/2500/", "/repo/ko/1000-2999/"),
        ("ko/1008", "/repo/ko/1008/"),
        ("ko/1008/fix", "/repo/ko/1008/#fix"),
        ("ko/1008-vs-1002", "/repo/ko/1002-vs-1008/"),
        ("1008-vs-1002/#which", "/repo/1002-vs-1008/#which"),
        ("4001/", "/repo/4000-4999/"),
    ] {
        url_after_load(client, &format!("{root}{path}"), expected).await;
    }
}
