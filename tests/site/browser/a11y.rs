//! Accessibility: axe-core (installed by `.ci/run` under `.ci/`) reports no
//! violation on the index, a code page, a comparison page and the 404 page,
//! in every language, and the lookup works from the keyboard alone.

use crate::common;

use crate::common::browser;
use fantoccini::{Locator, key::Key};

pub(super) fn axe_source() -> Option<String> {
    let path = common::repo().join(".ci/node_modules/axe-core/axe.min.js");
    common::require(
        std::fs::read_to_string(path).ok(),
        "axe-core is not installed (cd .ci && npm install)",
    )
}

/// axe's violations on each page, in a browser started with `extra`.
async fn axe_failures(extra: &[&str], paths: &[&str]) -> Option<Vec<String>> {
    let axe = axe_source()?;
    let session = browser::open_with(&common::real_site().out, extra).await?;
    let (client, root) = (session.client(), &session.root);
    let mut failures = Vec::new();
    for path in paths {
        client.goto(&format!("{root}{path}")).await.expect("goto");
        let violations = violations(client, &axe).await;
        if !violations.is_empty() {
            failures.push(format!("/{path}: {violations:#?}"));
        }
    }
    Some(failures)
}

#[tokio::test(flavor = "multi_thread")]
#[cfg_attr(
    any(no_browser, no_checker),
    ignore = "needs Chromium and axe-core: apt-get install chromium chromium-driver; cd .ci && npm ci"
)]
async fn axe_finds_no_violation_on_each_kind_of_page_in_both_languages() {
    let paths = [
        "",
        "1008/",
        "1002-vs-1008/",
        "1000-2999/",
        "4000-4999/",
        "ko/",
        "ko/1008/",
        "ko/1002-vs-1008/",
        "ko/3000-3999/",
        "no/such/page/",
    ];
    let Some(failures) = axe_failures(&[], &paths).await else {
        return;
    };
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Coloured code and muted text must stay readable on the dark background.
#[tokio::test(flavor = "multi_thread")]
#[cfg_attr(
    any(no_browser, no_checker),
    ignore = "needs Chromium and axe-core: apt-get install chromium chromium-driver; cd .ci && npm ci"
)]
async fn axe_finds_no_violation_in_the_dark_theme() {
    let dark = ["--blink-settings=preferredColorScheme=0"];
    let paths = ["", "1006/", "ko/1015/", "4000-4999/"];
    let Some(failures) = axe_failures(&dark, &paths).await else {
        return;
    };
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test(flavor = "multi_thread")]
#[cfg_attr(
    any(no_browser, no_checker),
    ignore = "needs Chromium and axe-core: apt-get install chromium chromium-driver; cd .ci && npm ci"
)]
async fn the_lookup_works_from_the_keyboard() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let client = session.client();
    client.goto(&session.root).await.expect("goto");
    // Tab from the top of the page reaches the lookup box.
    let body = client.find(Locator::Css("body")).await.expect("body");
    let mut reached = false;
    for _ in 0..10 {
        body.send_keys(&char::from(Key::Tab).to_string())
            .await
            .expect("tab");
        let active = client.active_element().await.expect("active");
        if active.attr("name").await.expect("attr").as_deref() == Some("q") {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab reaches the lookup box");
    // Words of a name are a candidate, not an answer: the arrow picks it and
    // Enter opens it.
    let active = client.active_element().await.expect("active");
    active.send_keys("policy violation").await.expect("type");
    browser::wait_for("a candidate", || async {
        let n = client
            .execute(
                "return document.querySelectorAll('#lookup-results [role=option]').length",
                vec![],
            )
            .await
            .ok()?;
        (n.as_u64()? > 0).then_some(())
    })
    .await;
    active
        .send_keys(&format!(
            "{}{}",
            char::from(Key::Down),
            char::from(Key::Enter)
        ))
        .await
        .expect("choose");
    browser::wait_for_url(client, "/repo/1008/#fix").await;
}

/// What axe (its source in `axe`) finds wrong on the page open in `client`.
pub(super) async fn violations(client: &fantoccini::Client, axe: &str) -> Vec<String> {
    client.execute(axe, vec![]).await.expect("load axe");
    let result = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] })
                .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await
        .expect("axe.run");
    serde_json::from_value(result).expect("list")
}
