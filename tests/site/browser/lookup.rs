//! The lookup in real Chromium: every case of `tests/lookup_cases.toml` and
//! every real log line of `content/messages.toml` and `content/captured/`
//! finds its page first; `/?q=` opens with results; Enter opens a page only
//! when the lookup is sure of it, and otherwise says so; the results close on
//! Escape, on blur and on a tap elsewhere without erasing the text; the box is
//! a complete combobox for screen readers, on every page and the 404 page.

use crate::common;

use crate::common::browser;
use fantoccini::{Locator, key::Key};

/// The cases of `tests/lookup_cases.toml`: (query, what comes first: a path
/// or `note`).
fn own_cases() -> Vec<(String, String)> {
    let text =
        std::fs::read_to_string(common::repo().join("tests/lookup_cases.toml")).expect("cases");
    let table: toml::Table = toml::from_str(&text).expect("parse cases");
    table["case"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| {
            let first = match c.get("expect").and_then(|e| e.as_str()) {
                Some(path) => path.to_string(),
                None if c.get("nothing").is_some() => NOTHING.to_string(),
                None => NOTE.to_string(),
            };
            (c["query"].as_str().expect("query").to_string(), first)
        })
        .collect()
}

/// What comes first when no page answers the text: an explanation.
const NOTE: &str = "note";
/// What the box shows for a text that says nothing: no result at all.
const NOTHING: &str = "nothing";

/// (query, expected path or `note`, where the query comes from): the cases,
/// then every real log line that no case reads its own way.
fn cases() -> Vec<(String, String, String)> {
    let own = own_cases();
    let mut cases: Vec<(String, String, String)> = own
        .iter()
        .map(|(q, e)| (q.clone(), e.clone(), "typed".to_string()))
        .collect();
    let messages =
        std::fs::read_to_string(common::real_content().join("messages.toml")).expect("messages");
    let messages: toml::Table = toml::from_str(&messages).expect("parse messages");
    for m in messages["message"].as_array().expect("messages") {
        let text = m["text"].as_str().expect("text").to_string();
        if own.iter().any(|(q, _)| *q == text) {
            continue;
        }
        cases.push((
            text,
            format!("/{}/", m["code"].as_integer().expect("code")),
            m["library"].as_str().expect("library").to_string(),
        ));
    }
    cases
}

/// What the box shows first for a query, as a script: the first option's
/// page, `note` for an explanation, or null.
const FIRST: &str = "function first(q) {
   const input = document.querySelector('input[name=q]');
   input.value = q;
   input.dispatchEvent(new Event('input'));
   const panel = document.getElementById(input.getAttribute('aria-controls')).parentNode;
   const note = panel.querySelector('.lookup-note:not([hidden])');
   if (note) return 'note';
   const option = panel.querySelector('[role=option]');
   return option ? option.getAttribute('data-page') : null;
 }";

/// The first result's path for a query typed into the box.
async fn first_result(client: &fantoccini::Client, query: &str) -> Option<String> {
    let href = client
        .execute(
            &format!("{FIRST} return first(arguments[0]);"),
            vec![serde_json::Value::String(query.to_string())],
        )
        .await
        .expect("run lookup");
    Some(
        href.as_str()
            .map_or(NOTHING, |h| h.trim_start_matches("/repo"))
            .to_string(),
    )
}

/// Waits until the box has its data: from then on its results follow each
/// keystroke at once.
async fn ready(client: &fantoccini::Client) {
    client
        .execute(
            "const input = document.querySelector('input[name=q]');
             input.value = '1006';
             input.dispatchEvent(new Event('input'));",
            vec![],
        )
        .await
        .expect("type");
    browser::wait_for("the lookup's data", || async {
        let v = client
            .execute(
                "return document.querySelector('[role=option]') ? true : null;",
                vec![],
            )
            .await
            .ok()?;
        v.as_bool()
    })
    .await;
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
    ready(client).await;
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
    ready(client).await;
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
    let first = browser::wait_for("results", || async {
        client
            .find(Locator::Css("#lookup-results [role=option]"))
            .await
            .ok()
    })
    .await;
    assert_eq!(
        first.attr("href").await.expect("href").as_deref(),
        Some("/repo/1006/#fix")
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
/// any of their pages, or by the range page that covers them all. A line of
/// a protocol's library is answered at the protocol's section of its
/// number's page, or, printed for several codes, by the protocol's page. A
/// text that a case of `tests/lookup_cases.toml` reads its own way is
/// answered as the case says.
fn captured_lines() -> Vec<(String, String, Vec<String>)> {
    let own = own_cases();
    let defined = protocol_numbers();
    let page = |code: i64| {
        if common::real_content()
            .join(format!("codes/{code}.toml"))
            .exists()
            || defined.contains(&code)
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
        let protocol = table.get("protocol").and_then(|p| p.as_str());
        for line in table["line"].as_array().expect("lines") {
            let mut codes = vec![line["code"].as_integer().expect("code")];
            if let Some(also) = line.get("also").and_then(|a| a.as_array()) {
                codes.extend(also.iter().map(|c| c.as_integer().expect("also")));
            }
            let text = line["text"].as_str().expect("text").to_string();
            let mut answers: Vec<String> = match protocol {
                Some(slug) if codes.len() > 1 => vec![format!("/protocols/{slug}/")],
                Some(slug) if codes[0] >= 3000 => vec![format!("/{}/#{slug}", codes[0])],
                _ => codes.iter().map(|&c| page(c)).collect(),
            };
            if protocol.is_none()
                && codes.len() > 1
                && codes.iter().all(|&c| range_page(c) == range_page(codes[0]))
            {
                answers.push(range_page(codes[0]));
            }
            if let Some((_, first)) = own.iter().find(|(q, _)| *q == text) {
                answers = vec![first.clone()];
            }
            lines.push((library.clone(), text, answers));
        }
    }
    lines
}

/// Every number some protocol of the content defines: each has a page.
fn protocol_numbers() -> std::collections::BTreeSet<i64> {
    let dir = common::real_content().join("protocols");
    let mut numbers = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(dir).expect("protocols") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
        let file: toml::Table = toml::from_str(&text).expect("parse");
        for code in file["code"].as_array().expect("codes") {
            numbers.insert(code["code"].as_integer().expect("code"));
        }
    }
    numbers
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
            &format!("{FIRST} return arguments[0].map(first);"),
            vec![serde_json::json!(queries)],
        )
        .await
        .expect("run lookup");
    got.as_array()
        .expect("array")
        .iter()
        .map(|h| {
            Some(
                h.as_str()
                    .map_or(NOTHING, |h| h.trim_start_matches("/repo"))
                    .to_string(),
            )
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
        ready(client).await;
        let got = first_results(client, &queries).await;
        for ((library, text, answers), got) in lines.iter().zip(got) {
            let answers: Vec<String> = answers
                .iter()
                .map(|a| {
                    if prefix.is_empty() || a == NOTE || a == NOTHING {
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
    ready(client).await;
    // (query, words the first result's reason must contain)
    for (query, words) in [
        ("StatusGoingAway", vec!["coder", "StatusGoingAway"]),
        ("Unexpected server response: 403", vec!["handshake", "ws"]),
        (
            "websocket: close 1006 (abnormal closure): unexpected EOF",
            vec!["gorilla"],
        ),
        ("1008", vec!["1008"]),
        ("policy", vec!["name or summary"]),
        ("my socket dies every 60 seconds", vec!["60 seconds"]),
    ] {
        let why = client
            .execute(
                "const input = document.querySelector('input[name=q]');
                 input.value = arguments[0];
                 input.dispatchEvent(new Event('input'));
                 const why = document.querySelector('#lookup-results [role=option] .why');
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

/// The panel of results under the box with `input_css`, as the page shows it:
/// (shown, the state line, options' pages, the search link, aria-expanded,
/// the box's text).
async fn panel(client: &fantoccini::Client, input_css: &str) -> serde_json::Value {
    client
        .execute(
            "const input = document.querySelector(arguments[0]);
             const list = document.getElementById(input.getAttribute('aria-controls'));
             const panel = list.parentNode;
             const state = panel.querySelector('.lookup-state');
             const more = panel.querySelector('.lookup-more a');
             return {
               shown: !panel.hidden && panel.getBoundingClientRect().height > 0,
               state: state && !state.hidden ? state.textContent : '',
               pages: Array.from(list.querySelectorAll('[role=option]')).map(o => o.getAttribute('data-page')),
               more: more && !panel.querySelector('.lookup-more').hidden ? more.getAttribute('href') : null,
               expanded: input.getAttribute('aria-expanded'),
               value: input.value,
             };",
            vec![serde_json::json!(input_css)],
        )
        .await
        .expect("read the panel")
}

async fn type_into(
    client: &fantoccini::Client,
    css: &str,
    text: &str,
) -> fantoccini::elements::Element {
    let input = client.find(Locator::Css(css)).await.expect("the box");
    input.clear().await.expect("clear");
    input.click().await.expect("focus");
    input.send_keys(text).await.expect("type");
    input
}

/// Waits until the panel under `css` shows something for the text typed.
async fn shown(client: &fantoccini::Client, css: &str) -> serde_json::Value {
    browser::wait_for("the results", || async {
        let p = panel(client, css).await;
        (p["shown"] == true).then_some(p)
    })
    .await
}

fn strings(lang: &str) -> toml::Table {
    let text = std::fs::read_to_string(common::real_content().join(format!("i18n/{lang}.toml")))
        .expect("strings");
    toml::from_str(&text).expect("parse strings")
}

fn lookup_string(lang: &str, key: &str) -> String {
    strings(lang)["lookup"][key]
        .as_str()
        .expect("string")
        .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn enter_opens_a_page_only_when_the_lookup_is_sure() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    let enter = char::from(Key::Enter).to_string();
    for (page, css) in [("", "#q"), ("1009/", "#site-q")] {
        // Words of a code's name, a topic, a send on a closed socket: the box
        // stays, says it is not sure (or explains), and offers the site's text.
        for (query, first) in [
            ("policy", Some("/repo/1008/")),
            ("idle timeout", Some("/repo/1006/")),
            ("WebSocket is already in CLOSING or CLOSED state.", None),
        ] {
            client.goto(&format!("{root}{page}")).await.expect("goto");
            let input = type_into(client, css, query).await;
            let before = shown(client, css).await;
            input.send_keys(&enter).await.expect("enter");
            tokio::time::sleep(std::time::Duration::from_millis(600)).await;
            let url = client.current_url().await.expect("url");
            assert_eq!(
                url.as_str(),
                format!("{root}{page}"),
                "{query:?} opened a page"
            );
            let p = panel(client, css).await;
            assert_eq!(p["shown"], true, "{query:?}: {p}");
            assert_eq!(
                p["pages"].get(0).and_then(|v| v.as_str()),
                first,
                "{query:?}: {p}"
            );
            if first.is_some() {
                assert_eq!(
                    p["state"],
                    lookup_string("en", "not_sure"),
                    "{query:?}: {p}"
                );
            } else {
                assert!(
                    p["state"]
                        .as_str()
                        .unwrap_or_default()
                        .contains("Not a close code"),
                    "{p}"
                );
            }
            let more = p["more"].as_str().unwrap_or_default();
            assert!(more.starts_with("/repo/?q="), "{query:?}: {more}");
            assert_eq!(before["value"], query);
        }
        // A code in a close context is sure: Enter opens its page.
        client.goto(&format!("{root}{page}")).await.expect("goto");
        let input = type_into(client, css, "close 1008").await;
        let p = shown(client, css).await;
        assert_eq!(
            p["more"],
            serde_json::Value::Null,
            "a sure answer needs no search: {p}"
        );
        input.send_keys(&enter).await.expect("enter");
        browser::wait_for_url(client, "/repo/1008/#fix").await;
    }
}

#[tokio::test(flavor = "multi_thread")]
#[cfg_attr(
    no_browser,
    ignore = "needs Chromium: apt-get install chromium chromium-driver"
)]
async fn a_protocols_line_or_number_opens_the_section_that_explains_it() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    let enter = char::from(Key::Enter).to_string();
    for (prefix, query, lands) in [
        ("", "Error: Sharding is required", "4011/#discord-gateway"),
        (
            "ko/",
            "code=4403 reason=\"Forbidden\"",
            "ko/4403/#graphql-ws",
        ),
        ("", "4004", "4004/"),
        ("", "close 4321", "4000-4999/"),
    ] {
        client.goto(&format!("{root}{prefix}")).await.expect("goto");
        let input = type_into(client, "#q", query).await;
        shown(client, "#q").await;
        input.send_keys(&enter).await.expect("enter");
        browser::wait_for_url(client, &format!("/repo/{lands}")).await;
        if let Some((_, slug)) = lands.split_once('#') {
            // The section is the protocol's, and it is on screen.
            let seen = client
                .execute(
                    "const s = document.getElementById(arguments[0]);
                     if (!s) return null;
                     const r = s.getBoundingClientRect();
                     return r.top >= -1 && r.top < innerHeight;",
                    vec![serde_json::json!(slug)],
                )
                .await
                .expect("section");
            assert_eq!(
                seen,
                serde_json::json!(true),
                "{query:?}: #{slug} not in view"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_results_close_on_escape_blur_and_a_tap_elsewhere_and_keep_the_text() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    let pasted = "websocket: close 1006 (abnormal closure): unexpected EOF";
    // (page, box, something outside the box to tap that is no link)
    for (page, css, elsewhere) in [
        ("1008/", "#site-q", "section#when h2"),
        ("", "#q", "h1"),
        ("ko/nowhere/", "#q", ".not-found:not([hidden]) p"),
    ] {
        client.goto(&format!("{root}{page}")).await.expect("goto");
        let input = type_into(client, css, pasted).await;
        shown(client, css).await;
        input
            .send_keys(&char::from(Key::Escape).to_string())
            .await
            .expect("escape");
        let p = panel(client, css).await;
        assert_eq!(p["shown"], false, "{page}: Escape closes: {p}");
        assert_eq!(p["value"], pasted, "{page}: Escape keeps the text");
        assert_eq!(p["expanded"], "false");
        // Down opens them again.
        input
            .send_keys(&char::from(Key::Down).to_string())
            .await
            .expect("down");
        let p = shown(client, css).await;
        assert_eq!(p["expanded"], "true");
        // Tab leaves the box: the results close.
        input
            .send_keys(&char::from(Key::Tab).to_string())
            .await
            .expect("tab");
        let p = panel(client, css).await;
        assert_eq!(p["shown"], false, "{page}: blur closes: {p}");
        assert_eq!(p["value"], pasted);
        // A tap elsewhere closes them too.
        let input = client.find(Locator::Css(css)).await.expect("box");
        input.send_keys(" ").await.expect("type");
        shown(client, css).await;
        client
            .find(Locator::Css(elsewhere))
            .await
            .expect("something else")
            .click()
            .await
            .expect("tap elsewhere");
        let p = panel(client, css).await;
        assert_eq!(p["shown"], false, "{page}: a tap elsewhere closes: {p}");
        assert_eq!(p["value"], format!("{pasted} "));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_box_is_a_combobox_with_a_listbox_and_a_count_for_screen_readers() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    for (page, css, lang) in [
        ("", "#q", "en"),
        ("ko/1006/", "#site-q", "ko"),
        ("4321/", "#q", "en"),
    ] {
        client.goto(&format!("{root}{page}")).await.expect("goto");
        let before = client
            .execute(
                "const i = document.querySelector(arguments[0]);
                 return [i.getAttribute('role'), i.getAttribute('aria-autocomplete'), i.getAttribute('aria-expanded')];",
                vec![serde_json::json!(css)],
            )
            .await
            .expect("attributes");
        assert_eq!(
            before,
            serde_json::json!(["combobox", "list", "false"]),
            "{page}"
        );
        let input = type_into(client, css, "1006 after exactly 55s").await;
        shown(client, css).await;
        input
            .send_keys(&char::from(Key::Down).to_string())
            .await
            .expect("down");
        let a = client
            .execute(
                "const i = document.querySelector(arguments[0]);
                 const list = document.getElementById(i.getAttribute('aria-controls'));
                 const options = Array.from(list.querySelectorAll('[role=option]'));
                 const status = list.parentNode.parentNode.querySelector('[role=status]');
                 return {
                   expanded: i.getAttribute('aria-expanded'),
                   listbox: list.getAttribute('role'),
                   label: list.getAttribute('aria-label'),
                   options: options.length,
                   ids: options.every(o => o.id && o.getAttribute('aria-selected')),
                   active: i.getAttribute('aria-activedescendant'),
                   first: options[0].id,
                   selected: options[0].getAttribute('aria-selected'),
                   tabbable: options.some(o => o.tabIndex >= 0),
                   live: status && status.getAttribute('aria-live'),
                 };",
                vec![serde_json::json!(css)],
            )
            .await
            .expect("aria");
        assert_eq!(a["expanded"], "true", "{page}: {a}");
        assert_eq!(a["listbox"], "listbox", "{page}: {a}");
        assert_eq!(a["label"], lookup_string(lang, "results"), "{page}: {a}");
        assert_eq!(a["ids"], true, "{page}: {a}");
        assert_eq!(a["active"], a["first"], "{page}: {a}");
        assert_eq!(a["selected"], "true", "{page}: {a}");
        assert_eq!(
            a["tabbable"], false,
            "options are reached with the arrows: {a}"
        );
        assert_eq!(a["live"], "polite", "{page}: {a}");
        // The live region counts the results once typing pauses.
        let n = a["options"].as_u64().expect("count");
        the_count_is_said(client, css, lang, n, page).await;
    }
}

/// The live region of the box at `css` says how many results there are.
async fn the_count_is_said(client: &fantoccini::Client, css: &str, lang: &str, n: u64, page: &str) {
    let pattern = lookup_string(lang, "count").replace("{n}", &n.to_string());
    let said = browser::wait_for("the count", || async {
        let v = client
            .execute(
                "const i = document.querySelector(arguments[0]);
                 return i.form.querySelector('[role=status]').textContent || null;",
                vec![serde_json::json!(css)],
            )
            .await
            .ok()?;
        v.as_str().map(str::to_string)
    })
    .await;
    assert!(
        said.contains(&pattern),
        "{page}: {said:?} does not say {pattern:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_empty_state_fits_the_page() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    // The index lists every code below its box; elsewhere the box offers it.
    for (page, css, lang, more) in [
        ("", "#q", "en", None),
        ("1006/", "#site-q", "en", Some("/repo/")),
        ("ko/1006/", "#site-q", "ko", Some("/repo/ko/")),
        ("ko/", "#q", "ko", None),
        ("ko/nowhere/", "#q", "ko", Some("/repo/ko/")),
    ] {
        client.goto(&format!("{root}{page}")).await.expect("goto");
        type_into(client, css, "zzqx vvwk").await;
        let p = browser::wait_for("the empty state", || async {
            let p = panel(client, css).await;
            (p["shown"] == true && p["state"] != "").then_some(p)
        })
        .await;
        let state = if more.is_some() {
            lookup_string(lang, "nothing").replace("{query}", "zzqx vvwk")
        } else {
            lookup_string(lang, "no_results_index")
        };
        assert_eq!(p["state"], state, "{page} {css}: {p}");
        assert_eq!(p["pages"], serde_json::json!([]));
        assert_eq!(p["more"].as_str(), more, "{page}: {p}");
    }
}
