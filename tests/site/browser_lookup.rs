//! The lookup on the index, in real Chromium: every case of
//! `tests/lookup_cases.toml` and every real log line of
//! `content/messages.toml` finds its page first; `/?q=` opens with results;
//! Enter goes to the best match.

use crate::common;

use crate::common::browser;
use fantoccini::{Locator, key::Key};

/// (query, expected path, where the query comes from)
fn cases() -> Vec<(String, String, String)> {
    let text =
        std::fs::read_to_string(common::repo().join("tests/lookup_cases.toml")).expect("cases");
    let table: toml::Table = toml::from_str(&text).expect("parse cases");
    let mut cases: Vec<(String, String, String)> = table["case"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| {
            (
                c["query"].as_str().expect("query").to_string(),
                c["expect"].as_str().expect("expect").to_string(),
                c.get("source")
                    .and_then(|s| s.as_str())
                    .unwrap_or("typed")
                    .to_string(),
            )
        })
        .collect();
    let messages =
        std::fs::read_to_string(common::real_content().join("messages.toml")).expect("messages");
    let messages: toml::Table = toml::from_str(&messages).expect("parse messages");
    for m in messages["message"].as_array().expect("messages") {
        cases.push((
            m["text"].as_str().expect("text").to_string(),
            format!("/{}/", m["code"].as_integer().expect("code")),
            m["library"].as_str().expect("library").to_string(),
        ));
    }
    cases
}

/// The first result's path for a query typed into the box.
async fn first_result(client: &fantoccini::Client, query: &str) -> Option<String> {
    let href = client
        .execute(
            "const input = document.querySelector('input[name=q]');
             input.value = arguments[0];
             input.dispatchEvent(new Event('input'));
             const first = document.querySelector('#lookup-results a');
             return first ? first.getAttribute('href') : null;",
            vec![serde_json::Value::String(query.to_string())],
        )
        .await
        .expect("run lookup");
    href.as_str()
        .map(|h| h.trim_start_matches("/repo").to_string())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_case_and_every_real_log_line_finds_its_page_first() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    client.goto(root).await.expect("goto");
    let cases = cases();
    assert!(cases.len() >= 40, "at least 40 cases, got {}", cases.len());
    let mut failures = Vec::new();
    for (query, expect, source) in &cases {
        let got = first_result(client, query).await;
        if got.as_deref() != Some(expect.as_str()) {
            failures.push(format!(
                "{query:?} ({source}): expected {expect}, got {got:?}"
            ));
        }
    }
    // The Korean index finds the same pages, in Korean.
    client.goto(&format!("{root}ko/")).await.expect("goto ko");
    for (query, expect) in [
        ("정책 위반", "/ko/1008/"),
        ("1002 vs 1008", "/ko/1002-vs-1008/"),
        ("PolicyViolation", "/ko/1008/"),
    ] {
        let got = first_result(client, query).await;
        if got.as_deref() != Some(expect) {
            failures.push(format!("ko {query:?}: expected {expect}, got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_query_in_the_address_opens_with_results_and_enter_goes_to_the_best() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    client
        .goto(&format!(
            "{root}?q=websocket%3A%20close%201006%20(abnormal%20closure)"
        ))
        .await
        .expect("goto");
    let input = client
        .find(Locator::Css("input[name=q]"))
        .await
        .expect("box");
    assert_eq!(
        input.prop("value").await.expect("value").as_deref(),
        Some("websocket: close 1006 (abnormal closure)")
    );
    let first = client
        .find(Locator::Css("#lookup-results a"))
        .await
        .expect("results shown");
    assert_eq!(
        first.attr("href").await.expect("href").as_deref(),
        Some("/repo/1006/")
    );

    input
        .send_keys(&char::from(Key::Enter).to_string())
        .await
        .expect("enter");
    browser::wait_for_url(client, "/repo/1006/").await;
}
