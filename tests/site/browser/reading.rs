//! Reading from an error message, in real Chromium: the answer on the first
//! screen at laptop and phone sizes, nothing breaking inside a number or
//! forcing the page sideways, search from any page's header by keyboard, and
//! example tabs that keep the reader's language across pages.

use fantoccini::{Locator, key::Key};

use crate::common;
use crate::common::browser::{self, viewport};

#[tokio::test(flavor = "multi_thread")]
#[cfg_attr(
    no_browser,
    ignore = "needs Chromium: apt-get install chromium chromium-driver"
)]
async fn the_first_screen_shows_the_code_its_meaning_and_how_to_fix_it() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    for (width, height) in [(1280, 800), (390, 844)] {
        viewport(client, width, height).await;
        for page in ["1006/", "1008/", "ko/1006/", "1015/"] {
            client.goto(&format!("{root}{page}")).await.expect("goto");
            let v = client
                .execute(
                    "const top = s => { const e = document.querySelector(s); return e ? e.getBoundingClientRect().top : 1e9; };
                     const bottom = s => document.querySelector(s).getBoundingClientRect().bottom;
                     return [innerWidth, innerHeight, bottom('h1'), bottom('.hero .lede'), top('#fix h2'),
                             top('.toc a[href=\"#fix\"]'), document.documentElement.scrollHeight,
                             document.documentElement.scrollWidth];",
                    vec![],
                )
                .await
                .expect("measure");
            let n: Vec<f64> = v
                .as_array()
                .expect("array")
                .iter()
                .map(|x| x.as_f64().unwrap_or(1e9))
                .collect();
            let (w, h) = (n[0], n[1]);
            println!(
                "{page} at {w}x{h}: lede ends at {}, #fix at {}, page {} px high",
                n[3], n[4], n[6]
            );
            assert_eq!(w, f64::from(width), "viewport");
            assert!(
                n[2] < h && n[3] < h,
                "{page} at {width}px: the name and meaning are on the first screen"
            );
            assert!(
                n[4] < h || n[5] < h,
                "{page} at {width}px: neither how to fix it nor a jump to it is on the first screen"
            );
            assert!(
                n[7] <= w,
                "{page} at {width}px: the page scrolls sideways ({} > {w})",
                n[7]
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
#[cfg_attr(
    no_browser,
    ignore = "needs Chromium: apt-get install chromium chromium-driver"
)]
async fn nothing_breaks_inside_a_number_and_no_page_scrolls_sideways_on_a_phone() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    viewport(client, 390, 844).await;
    for page in [
        "",
        "ko/",
        "1002-vs-1008/",
        "timeouts/",
        "ko/timeouts/",
        "1006/",
        "4000-4999/",
    ] {
        client.goto(&format!("{root}{page}")).await.expect("goto");
        let v = client
            .execute(
                "const broken = Array.from(document.querySelectorAll('.num, td, th'))
                   .filter(e => /^\\d{3,4}$/.test(e.textContent.trim()) && e.getClientRects().length > 0)
                   .filter(e => { const r = document.createRange(); r.selectNodeContents(e); return r.getClientRects().length > 1; })
                   .map(e => e.textContent);
                 return [getComputedStyle(document.body).overflowWrap, broken.length,
                         document.documentElement.scrollWidth, innerWidth];",
                vec![],
            )
            .await
            .expect("measure");
        assert_eq!(
            v[0].as_str(),
            Some("normal"),
            "{page}: body may break words anywhere"
        );
        assert_eq!(
            v[1].as_u64(),
            Some(0),
            "{page}: a number breaks across lines"
        );
        assert!(
            v[2].as_f64() <= v[3].as_f64(),
            "{page}: scrolls sideways: {v:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
#[cfg_attr(
    no_browser,
    ignore = "needs Chromium: apt-get install chromium chromium-driver"
)]
async fn the_header_search_works_from_any_page_by_keyboard() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    client.goto(&format!("{root}1009/")).await.expect("goto");
    let input = client
        .find(Locator::Css("header input[name=q]"))
        .await
        .expect("header search");
    input.send_keys("StatusGoingAway").await.expect("type");
    let why = browser::wait_for("results in the header", || async {
        let v = client
            .execute("const w = document.querySelector('header [role=option] .why'); return w && w.textContent;", vec![])
            .await
            .ok()?;
        v.as_str().map(str::to_string)
    })
    .await;
    assert!(why.contains("StatusGoingAway"), "{why}");
    input
        .send_keys(&char::from(Key::Down).to_string())
        .await
        .expect("down");
    let selected = client
        .execute("return document.querySelector('header [role=option][aria-selected=true]').getAttribute('href')", vec![])
        .await
        .expect("selected");
    assert_eq!(selected.as_str(), Some("/repo/1001/#fix"));
    input
        .send_keys(&char::from(Key::Enter).to_string())
        .await
        .expect("enter");
    browser::wait_for_url(client, "/repo/1001/#fix").await;
    // Escape closes the results and keeps what was typed.
    let input = client
        .find(Locator::Css("header input[name=q]"))
        .await
        .expect("header search");
    input.send_keys("1006").await.expect("type");
    browser::wait_for("results", || async {
        let n = client
            .execute(
                "return document.querySelectorAll('header [role=option]').length",
                vec![],
            )
            .await
            .ok()?;
        (n.as_u64()? > 0).then_some(())
    })
    .await;
    input
        .send_keys(&char::from(Key::Escape).to_string())
        .await
        .expect("escape");
    let left = client
        .execute("return [document.querySelector('header input[name=q]').value, document.querySelector('header .lookup-results').hidden]", vec![])
        .await
        .expect("after escape");
    assert_eq!(left, serde_json::json!(["1006", true]));
}

#[tokio::test(flavor = "multi_thread")]
#[cfg_attr(
    no_browser,
    ignore = "needs Chromium: apt-get install chromium chromium-driver"
)]
async fn example_tabs_keep_the_language_and_every_code_block_can_be_copied() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    client.goto(&format!("{root}1008/")).await.expect("goto");
    let counts = client
        .execute("return [document.querySelectorAll('pre').length, document.querySelectorAll('.code-block > button.copy-code').length, document.querySelectorAll('pre[tabindex=\"0\"]').length]", vec![])
        .await
        .expect("count");
    assert_eq!(counts[0], counts[1], "a copy button on every code block");
    assert_eq!(
        counts[0], counts[2],
        "every code block is reachable by keyboard"
    );
    let python = client
        .find(Locator::XPath(
            "//section[@id='examples']//button[@role='tab' and text()='Python']",
        ))
        .await
        .expect("a Python tab");
    python.click().await.expect("click");
    let visible = client
        .execute(
            "return Array.from(document.querySelectorAll('.examples-read [role=tabpanel]')).filter(p => !p.hidden).map(p => p.querySelector('figcaption').textContent)",
            vec![],
        )
        .await
        .expect("visible");
    assert_eq!(visible.as_array().map(Vec::len), Some(1), "{visible}");
    assert!(
        visible[0]
            .as_str()
            .unwrap_or_default()
            .starts_with("Python"),
        "{visible}"
    );
    // Another page opens on the same language.
    client.goto(&format!("{root}1006/")).await.expect("goto");
    let selected = client
        .execute("return Array.from(document.querySelectorAll('[role=tab][aria-selected=true]')).map(t => t.textContent)", vec![])
        .await
        .expect("selected");
    let selected: Vec<&str> = selected
        .as_array()
        .expect("tabs")
        .iter()
        .filter_map(|t| t.as_str())
        .collect();
    assert!(
        !selected.is_empty() && selected.iter().all(|t| *t == "Python"),
        "{selected:?}"
    );
}
