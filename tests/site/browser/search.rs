//! The full-text search in real Chromium: topics typed into the box of a
//! page find the sections that answer them in both languages, the results
//! work from the keyboard and for screen readers, a query that matches
//! nothing says so, and the 404 page searches too.

use fantoccini::{Locator, key::Key};

use crate::common::{self, browser};

/// The results for `query` typed into the box `css` of the page open now,
/// the lookup's and then the site's text, as the box lists them: their
/// addresses without the base path, once the text index has answered.
async fn results(client: &fantoccini::Client, css: &str, query: &str) -> Vec<String> {
    client
        .execute(
            "const input = document.querySelector(arguments[0]);
             input.value = arguments[1];
             input.dispatchEvent(new Event('input'));",
            vec![serde_json::json!(css), serde_json::json!(query)],
        )
        .await
        .expect("type");
    let found = browser::wait_for("the text results", || async {
        let v = client
            .execute(
                "const input = document.querySelector(arguments[0]);
                 if (input.value !== arguments[1]) return null;
                 const panel = document.getElementById(input.getAttribute('aria-controls')).parentNode;
                 if (panel.getAttribute('data-text') !== 'done') return null;
                 return [...panel.querySelectorAll('[role=option]')].map(a => a.getAttribute('href'));",
                vec![serde_json::json!(css), serde_json::json!(query)],
            )
            .await
            .ok()?;
        serde_json::from_value::<Vec<String>>(v).ok()
    })
    .await;
    found
        .iter()
        .map(|h| h.trim_start_matches("/repo").to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
#[cfg_attr(
    no_browser,
    ignore = "needs Chromium: apt-get install chromium chromium-driver"
)]
async fn topics_in_both_languages_find_the_section_that_answers_them() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    let text = std::fs::read_to_string(common::repo().join("tests/search_cases.toml"))
        .expect("search cases");
    let cases: toml::Table = toml::from_str(&text).expect("parse");
    let cases = cases["case"].as_array().expect("cases");
    let mut failures = Vec::new();
    for lang in ["en", "ko"] {
        let of_lang: Vec<_> = cases
            .iter()
            .filter(|c| c["lang"].as_str() == Some(lang))
            .collect();
        assert!(of_lang.len() >= 30, "{lang}: {} topics", of_lang.len());
        // The header's box of a code page, as a reader would use it.
        let page = if lang == "en" { "1008/" } else { "ko/1008/" };
        client.goto(&format!("{root}{page}")).await.expect("goto");
        for case in of_lang {
            let query = case["query"].as_str().expect("query");
            let expect: Vec<&str> = case["expect"]
                .as_array()
                .expect("expect")
                .iter()
                .filter_map(|e| e.as_str())
                .collect();
            let got = results(client, "#site-q", query).await;
            if !got.iter().take(3).any(|h| expect.contains(&h.as_str())) {
                failures.push(format!("{lang} {query:?}: {got:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test(flavor = "multi_thread")]
#[cfg_attr(
    no_browser,
    ignore = "needs Chromium: apt-get install chromium chromium-driver"
)]
async fn a_text_result_is_chosen_with_the_arrows_and_opened_with_enter() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    client.goto(&format!("{root}1006/")).await.expect("goto");
    let input = client.find(Locator::Css("#site-q")).await.expect("box");
    input.click().await.expect("focus");
    input.send_keys("proxy_read_timeout").await.expect("type");
    browser::wait_for("a text result", || async {
        client.find(Locator::Css(".result-text")).await.ok()
    })
    .await;
    // Escape closes the results and keeps the text; a key opens them again.
    input
        .send_keys(&char::from(Key::Escape).to_string())
        .await
        .expect("escape");
    let closed = client
        .execute(
            "const list = document.getElementById(document.querySelector('#site-q').getAttribute('aria-controls'));
             return [list.parentNode.hidden, document.querySelector('#site-q').value];",
            vec![],
        )
        .await
        .expect("state");
    assert_eq!(closed, serde_json::json!([true, "proxy_read_timeout"]));
    // Down to the first text result: it is the active option the box names.
    let down = char::from(Key::Down).to_string();
    let mut chosen = None;
    for _ in 0..12 {
        input.send_keys(&down).await.expect("down");
        let active = client
            .execute(
                "const input = document.querySelector('#site-q');
                 const id = input.getAttribute('aria-activedescendant');
                 const el = id && document.getElementById(id);
                 return el && el.classList.contains('result-text') && el.getAttribute('aria-selected') === 'true'
                   ? el.getAttribute('href') : null;",
                vec![],
            )
            .await
            .expect("active");
        if let Some(href) = active.as_str() {
            chosen = Some(href.to_string());
            break;
        }
    }
    let chosen = chosen.expect("the arrows reach a text result");
    input
        .send_keys(&char::from(Key::Enter).to_string())
        .await
        .expect("enter");
    browser::wait_for_url(client, &chosen).await;
    assert!(
        chosen.contains("#"),
        "a text result opens its section: {chosen}"
    );
}

#[tokio::test(flavor = "multi_thread")]
#[cfg_attr(
    no_browser,
    ignore = "needs Chromium: apt-get install chromium chromium-driver"
)]
async fn a_query_that_matches_nothing_says_so_and_offers_the_list_of_codes() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    for (page, home, nothing) in [
        (
            "1006/",
            "/repo/",
            "Nothing on the site matches “zzqx vvwk”.",
        ),
        (
            "ko/1006/",
            "/repo/ko/",
            "사이트에서 “zzqx vvwk”에 맞는 내용을 찾지 못했습니다.",
        ),
    ] {
        client.goto(&format!("{root}{page}")).await.expect("goto");
        let got = results(client, "#site-q", "zzqx vvwk").await;
        assert!(got.is_empty(), "{page}: {got:?}");
        let shown = client
            .execute(
                "const panel = document.getElementById(document.querySelector('#site-q').getAttribute('aria-controls')).parentNode;
                 return [panel.querySelector('.lookup-state').textContent,
                         panel.querySelectorAll('[role=option]').length,
                         panel.querySelector('.lookup-more a').getAttribute('href')];",
                vec![],
            )
            .await
            .expect("panel");
        assert_eq!(shown, serde_json::json!([nothing, 0, home]), "{page}");
    }
}

#[tokio::test(flavor = "multi_thread")]
#[cfg_attr(
    any(no_browser, no_checker),
    ignore = "needs Chromium and axe-core: apt-get install chromium chromium-driver; cd .ci && npm ci"
)]
async fn the_open_results_pass_axe_and_the_404_page_searches_too() {
    let Some(axe) = super::a11y::axe_source() else {
        return;
    };
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    for (page, css) in [("1006/", "#site-q"), ("ko/no/such/page/", "#q")] {
        client.goto(&format!("{root}{page}")).await.expect("goto");
        let got = results(client, css, "nginx").await;
        assert!(
            got.iter().any(|h| h.ends_with("timeouts/#nginx-note")),
            "{page}: {got:?}"
        );
        let violations = super::a11y::violations(client, &axe).await;
        assert!(violations.is_empty(), "{page}: {violations:#?}");
    }
}
