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
#[cfg_attr(
    no_browser,
    ignore = "needs Chromium: apt-get install chromium chromium-driver"
)]
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
        ("60초마다 연결이 끊겨요", "/ko/timeouts/#nginx"),
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
#[cfg_attr(
    no_browser,
    ignore = "needs Chromium: apt-get install chromium chromium-driver"
)]
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
    browser::wait_for_url(client, "/repo/1006/#fix").await;
}

/// Every line the capture harness recorded: (library, text, the paths that
/// answer it). A code with a page is answered there, a private code on its
/// range's page. A text that several codes produce (`also`) is answered by
/// any of their pages, or by the range page that covers them all.
fn captured_lines() -> Vec<(String, String, Vec<String>)> {
    let page = |code: i64| {
        if common::real_content()
            .join(format!("codes/{code}.toml"))
            .exists()
        {
            format!("/{code}/")
        } else {
            range_page(code)
        }
    };
    let dir = common::real_content().join("captured");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("captured")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let mut lines = Vec::new();
    for path in files {
        let table: toml::Table =
            toml::from_str(&std::fs::read_to_string(&path).expect("read")).expect("parse");
        let library = table["library"].as_str().expect("library").to_string();
        for line in table["line"].as_array().expect("lines") {
            let mut codes = vec![line["code"].as_integer().expect("code")];
            if let Some(also) = line.get("also").and_then(|a| a.as_array()) {
                codes.extend(also.iter().map(|c| c.as_integer().expect("also")));
            }
            let mut answers: Vec<String> = codes.iter().map(|&c| page(c)).collect();
            if codes.len() > 1 && codes.iter().all(|&c| range_page(c) == range_page(codes[0])) {
                answers.push(range_page(codes[0]));
            }
            lines.push((
                library.clone(),
                line["text"].as_str().expect("text").to_string(),
                answers,
            ));
        }
    }
    lines
}

fn range_page(code: i64) -> String {
    let (start, end) = match code {
        0..=999 => (0, 999),
        1000..=2999 => (1000, 2999),
        3000..=3999 => (3000, 3999),
        _ => (4000, 4999),
    };
    format!("/{start}-{end}/")
}

/// The first result of each query, typed into the box of the page open now.
async fn first_results(client: &fantoccini::Client, queries: &[&str]) -> Vec<Option<String>> {
    let got = client
        .execute(
            "const input = document.querySelector('input[name=q]');
             return arguments[0].map(function (q) {
               input.value = q;
               input.dispatchEvent(new Event('input'));
               const first = document.querySelector('#lookup-results a');
               return first ? first.getAttribute('href') : null;
             });",
            vec![serde_json::json!(queries)],
        )
        .await
        .expect("run lookup");
    got.as_array()
        .expect("array")
        .iter()
        .map(|h| {
            h.as_str()
                .map(|h| h.trim_start_matches("/repo").to_string())
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
#[cfg_attr(
    no_browser,
    ignore = "needs Chromium: apt-get install chromium chromium-driver"
)]
async fn every_captured_line_lands_on_its_page_in_every_language() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    let lines = captured_lines();
    assert!(
        lines.len() >= 80,
        "at least 80 captured lines, got {}",
        lines.len()
    );
    let queries: Vec<&str> = lines.iter().map(|(_, text, _)| text.as_str()).collect();
    let mut failures = Vec::new();
    let mut per_library = std::collections::BTreeMap::<&str, (usize, usize)>::new();
    for prefix in ["", "ko"] {
        client
            .goto(&format!(
                "{root}{prefix}{}",
                if prefix.is_empty() { "" } else { "/" }
            ))
            .await
            .expect("goto");
        let got = first_results(client, &queries).await;
        for ((library, text, answers), got) in lines.iter().zip(got) {
            let answers: Vec<String> = answers
                .iter()
                .map(|a| {
                    if prefix.is_empty() {
                        a.clone()
                    } else {
                        format!("/{prefix}{a}")
                    }
                })
                .collect();
            let counts = per_library.entry(library).or_default();
            counts.0 += 1;
            if !got.as_ref().is_some_and(|g| answers.contains(g)) {
                counts.1 += 1;
                failures.push(format!(
                    "{library}: {text:?}: expected {answers:?}, got {got:?}"
                ));
            }
        }
    }
    failures.sort();
    failures.dedup();
    assert!(
        failures.is_empty(),
        "{} of {} lookups failed ({per_library:?} as (lookups, failures)):\n{}",
        failures.len(),
        lines.len() * 2,
        failures.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread")]
#[cfg_attr(
    no_browser,
    ignore = "needs Chromium: apt-get install chromium chromium-driver"
)]
async fn each_result_says_why_it_was_offered() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    client.goto(root).await.expect("goto");
    // (query, words the first result's reason must contain)
    for (query, words) in [
        ("StatusGoingAway", vec!["coder", "StatusGoingAway"]),
        ("Unexpected server response: 403", vec!["handshake", "ws"]),
        (
            "websocket: close 1006 (abnormal closure): unexpected EOF",
            vec!["gorilla"],
        ),
        ("1008", vec!["1008"]),
    ] {
        let why = client
            .execute(
                "const input = document.querySelector('input[name=q]');
                 input.value = arguments[0];
                 input.dispatchEvent(new Event('input'));
                 const why = document.querySelector('#lookup-results li .why');
                 return why ? why.textContent : null;",
                vec![serde_json::json!(query)],
            )
            .await
            .expect("lookup");
        let why = why.as_str().unwrap_or_default().to_string();
        for word in words {
            assert!(
                why.contains(word),
                "{query:?}: the reason {why:?} does not say {word:?}"
            );
        }
    }
}
