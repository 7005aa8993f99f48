//! The reading review's points on a phone (390×844) and a laptop (1280×800),
//! in both languages, in real Chromium: the timeouts and the protocols one
//! tap from the first screen, code pages short enough to read on a phone with
//! a way back to their contents, tables that keep to the column (cards on a
//! phone), and comparisons that open with their verdict.

use fantoccini::{Client, Locator};
use serde_json::Value;

use crate::common;
use crate::common::browser::{self, viewport};

const SCREENS: [(u32, u32); 2] = [(390, 844), (1280, 800)];
const LANGUAGES: [&str; 2] = ["", "ko/"];

/// Runs `script` (which returns an object) on the page and reads it.
async fn measure(client: &Client, script: &str) -> serde_json::Map<String, Value> {
    let value = client.execute(script, vec![]).await.expect("measure");
    value.as_object().expect("an object").clone()
}

fn number(m: &serde_json::Map<String, Value>, key: &str) -> f64 {
    m[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number: {m:?}"))
}

#[tokio::test(flavor = "multi_thread")]
#[cfg_attr(
    no_browser,
    ignore = "needs Chromium: apt-get install chromium chromium-driver"
)]
async fn the_timeouts_and_the_protocols_are_on_the_first_screen_and_one_tap_away() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    for (width, height) in SCREENS {
        viewport(client, width, height).await;
        for lang in LANGUAGES {
            client.goto(&format!("{root}{lang}")).await.expect("goto");
            let m = measure(
                client,
                "const box = e => e ? e.getBoundingClientRect() : { top: 1e9, bottom: 1e9, width: 0 };
                 const nav = [...document.querySelectorAll('header .site-nav a')].map(box);
                 const questions = [...document.querySelectorAll('#start .questions a')].map(box);
                 return { nav: nav.length, navBottom: Math.max(...nav.map(r => r.bottom)),
                          navShown: nav.every(r => r.width > 0),
                          questions: questions.length, questionsTop: Math.max(...questions.map(r => r.top)),
                          firstCode: box(document.querySelector('#start .code-list a')).top,
                          height: innerHeight, scroll: document.documentElement.scrollWidth, width: innerWidth };",
            )
            .await;
            let at = format!("{lang} at {width}px");
            assert_eq!(number(&m, "nav"), 2.0, "{at}: {m:?}");
            assert!(m["navShown"].as_bool() == Some(true), "{at}: {m:?}");
            assert!(
                number(&m, "navBottom") < number(&m, "height"),
                "{at}: {m:?}"
            );
            assert_eq!(number(&m, "questions"), 2.0, "{at}: {m:?}");
            assert!(
                number(&m, "questionsTop") < number(&m, "height"),
                "{at}: the timeouts and protocols entries are below the first screen: {m:?}"
            );
            assert!(number(&m, "scroll") <= number(&m, "width"), "{at}: {m:?}");
            if width > 1000 {
                assert!(
                    number(&m, "firstCode") < number(&m, "height"),
                    "{at}: the most-met codes start on a laptop's first screen: {m:?}"
                );
            }
            // The header's link takes a reader on a code page to the timeouts.
            client
                .goto(&format!("{root}{lang}1006/"))
                .await
                .expect("goto");
            client
                .find(Locator::Css("header .site-nav a"))
                .await
                .expect("the header links the timeouts")
                .click()
                .await
                .expect("click");
            let url = client.current_url().await.expect("url");
            assert!(
                url.path().ends_with(&format!("/{lang}timeouts/")),
                "{at}: {url}"
            );
            let current = client
                .find(Locator::Css("header .site-nav a[aria-current=page]"))
                .await
                .expect("the header marks the page the reader is on");
            assert!(current.attr("href").await.expect("href").is_some());
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
#[cfg_attr(
    no_browser,
    ignore = "needs Chromium: apt-get install chromium chromium-driver"
)]
async fn code_pages_tables_and_comparisons_fit_a_phone_and_a_laptop() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    for (width, height) in SCREENS {
        viewport(client, width, height).await;
        for lang in LANGUAGES {
            let at = format!("{lang} at {width}px");
            client
                .goto(&format!("{root}{lang}1006/"))
                .await
                .expect("goto");
            code_page_reads_on_this_screen(client, &at, width, lang).await;
            client
                .goto(&format!("{root}{lang}timeouts/"))
                .await
                .expect("goto");
            timeouts_table_keeps_to_the_column(client, &at, width).await;
            client
                .goto(&format!("{root}{lang}1002-vs-1008/"))
                .await
                .expect("goto");
            comparison_opens_with_its_verdict(client, &at, lang).await;
        }
    }
}

/// /1006/: short on a phone, with a way back to its contents; the contents
/// beside the text on a laptop; the Korean name in the Korean heading.
async fn code_page_reads_on_this_screen(client: &Client, at: &str, width: u32, lang: &str) {
    let m = measure(
        client,
        "const toc = document.querySelector('.toc').getBoundingClientRect();
         const back = document.querySelector('.to-contents');
         const main = document.querySelector('main').getBoundingClientRect();
         return { height: document.documentElement.scrollHeight, h1: document.querySelector('h1').textContent,
                  tocBeside: toc.left >= main.right - 1 && getComputedStyle(document.querySelector('.toc')).position === 'fixed',
                  back: back.getBoundingClientRect().bottom <= innerHeight && getComputedStyle(back).display !== 'none' };",
    )
    .await;
    println!("{at}: /1006/ is {} px high", number(&m, "height"));
    if width < 500 {
        assert!(number(&m, "height") <= 8000.0, "{at}: /1006/ {m:?}");
        assert_eq!(
            m["back"],
            Value::Bool(true),
            "{at}: no way back to the contents: {m:?}"
        );
    } else {
        assert_eq!(
            m["tocBeside"],
            Value::Bool(true),
            "{at}: contents beside the text: {m:?}"
        );
    }
    if lang == "ko/" {
        let h1 = m["h1"].as_str().expect("h1");
        assert!(h1.contains("1006") && h1.contains("비정상 종료"), "{h1}");
    }
}

/// /timeouts/: the table keeps to the column, rows are cards on a phone, and
/// no header breaks inside a word (Korean ones included).
async fn timeouts_table_keeps_to_the_column(client: &Client, at: &str, width: u32) {
    let m = measure(
        client,
        "const table = document.querySelector('table.hops');
         const column = document.querySelector('main').getBoundingClientRect();
         const row = table.querySelector('tbody tr');
         const split = [];
         for (const th of table.querySelectorAll('thead th')) {
           const walk = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
           for (let n; (n = walk.nextNode());) {
             for (const w of n.data.matchAll(/\\S+/g)) {
               const r = document.createRange(); r.setStart(n, w.index); r.setEnd(n, w.index + w[0].length);
               if (new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1) split.push(w[0]);
             }
           }
         }
         return { right: table.getBoundingClientRect().right, column: column.right,
                  row: getComputedStyle(row).display, split,
                  scroll: document.documentElement.scrollWidth, width: innerWidth };",
    )
    .await;
    assert!(
        number(&m, "right") <= number(&m, "column") + 0.5,
        "{at}: {m:?}"
    );
    assert!(number(&m, "scroll") <= number(&m, "width"), "{at}: {m:?}");
    assert_eq!(m["split"], Value::Array(vec![]), "{at}: {m:?}");
    let expected_row = if width < 500 { "block" } else { "table-row" };
    assert_eq!(m["row"].as_str(), Some(expected_row), "{at}: {m:?}");
}

/// A comparison opens with its verdict, on the first screen, and sends the
/// reader to the code pages for the rest.
async fn comparison_opens_with_its_verdict(client: &Client, at: &str, lang: &str) {
    let m = measure(
        client,
        "const verdict = document.querySelector('.verdict');
         const links = [...document.querySelectorAll('main a[href]')].map(a => new URL(a.href).pathname);
         return { bottom: verdict ? verdict.getBoundingClientRect().bottom : 1e9, inner: innerHeight, links };",
    )
    .await;
    assert!(number(&m, "bottom") < number(&m, "inner"), "{at}: {m:?}");
    let links: Vec<&str> = m["links"]
        .as_array()
        .expect("links")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for code in ["1002", "1008"] {
        let page = format!("/repo/{lang}{code}/");
        assert!(links.contains(&page.as_str()), "{at}: no link to {page}");
    }
}
