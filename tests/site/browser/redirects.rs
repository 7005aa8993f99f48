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
#[cfg_attr(
    no_browser,
    ignore = "needs Chromium: apt-get install chromium chromium-driver"
)]
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
    ] {
        url_after_load(client, &format!("{root}{path}"), expected).await;
    }
    // A code without a page is explained, with a link to its range, rather
    // than silently sent somewhere else.
    for (path, range) in [("4050/", "/repo/4000-4999/"), ("2500", "/repo/1000-2999/")] {
        let (lang, text, href, query) = in_range(client, &format!("{root}{path}")).await;
        assert_eq!(lang, "en");
        assert!(
            text.contains(path.trim_end_matches('/')),
            "{path}: {text:?}"
        );
        assert_eq!(href, range);
        assert_eq!(query, "", "{path}: the box is not filled with path words");
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
#[cfg_attr(
    no_browser,
    ignore = "needs Chromium: apt-get install chromium chromium-driver"
)]
async fn the_404_page_keeps_the_language_of_the_address() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    for (path, expected) in [
        ("ko/1008", "/repo/ko/1008/"),
        ("ko/1008/fix", "/repo/ko/1008/#fix"),
        ("ko/1008-vs-1002", "/repo/ko/1002-vs-1008/"),
        ("1008-vs-1002/#which", "/repo/1002-vs-1008/#which"),
    ] {
        url_after_load(client, &format!("{root}{path}"), expected).await;
    }
    // Under /ko/ the page speaks Korean and links Korean pages.
    let (lang, text, href, query) = in_range(client, &format!("{root}ko/2500/")).await;
    assert_eq!(lang, "ko");
    assert!(text.contains("2500") && text.contains("범위"), "{text:?}");
    assert_eq!(href, "/repo/ko/1000-2999/");
    assert_eq!(query, "");
    let home = client
        .execute(
            "return document.querySelector('.home-link').getAttribute('href')",
            vec![],
        )
        .await
        .expect("home");
    assert_eq!(home.as_str(), Some("/repo/ko/"));
    // Wholly Korean: its heading is the one visible h1, and every word a
    // reader sees (title, skip link, site name, search box, links, footer)
    // is the Korean string, with no Latin word outside names and codes.
    let ko: toml::Table = toml::from_str(
        &std::fs::read_to_string(common::real_content().join("i18n/ko.toml")).expect("ko"),
    )
    .expect("parse ko");
    let seen = client
        .execute(
            "const visible = el => el && el.getClientRects().length > 0;
             const h1 = [...document.querySelectorAll('h1')].filter(visible).map(h => h.textContent);
             const q = document.querySelector('#q');
             return { h1, title: document.title, placeholder: q.placeholder,
                      label: document.querySelector('label[for=q]').textContent,
                      button: q.form.querySelector('button').textContent,
                      home: document.querySelector('.home-link').textContent,
                      skip: document.querySelector('.skip').textContent,
                      footer: document.querySelector('.site-footer [data-l10n=footer]').textContent };",
            vec![],
        )
        .await
        .expect("words");
    let word = |table: &str, key: &str| ko[table][key].as_str().expect("string").to_string();
    assert_eq!(seen["h1"], serde_json::json!([word("not_found", "title")]));
    assert!(
        seen["title"]
            .as_str()
            .unwrap_or_default()
            .starts_with(&word("not_found", "title"))
    );
    assert_eq!(seen["placeholder"], word("lookup", "placeholder"));
    assert_eq!(seen["label"], word("lookup", "label"));
    assert_eq!(seen["button"], word("lookup", "button"));
    assert_eq!(seen["home"], word("nav", "home"));
    assert_eq!(seen["skip"], word("nav", "skip"));
    assert_eq!(seen["footer"], word("nav", "footer"));
    // 4321 is a private code no protocol of the site defines: the page says
    // which range it is in and what that range is for.
    let (_, text, href, _) = in_range(client, &format!("{root}4321/")).await;
    assert!(
        text.contains("4321") && text.contains("4000-4999"),
        "{text:?}"
    );
    assert_eq!(href, "/repo/4000-4999/");
}

/// Opens a missing address and waits for the notice about its range:
/// (the page's language, the notice, its link, the search box's text).
async fn in_range(client: &fantoccini::Client, url: &str) -> (String, String, String, String) {
    client.goto(url).await.expect("goto");
    let found = browser::wait_for("the range notice", || async {
        let v = client
            .execute(
                "const p = Array.from(document.querySelectorAll('.in-range')).find(p => !p.hidden && !p.closest('[hidden]'));
                 if (!p) return null;
                 return [document.documentElement.lang, p.textContent, p.querySelector('a').getAttribute('href'),
                         document.querySelector('input[name=q]').value];",
                vec![],
            )
            .await
            .ok()?;
        let a = v.as_array()?.clone();
        Some(a.iter().map(|x| x.as_str().unwrap_or_default().to_string()).collect::<Vec<_>>())
    })
    .await;
    (
        found[0].clone(),
        found[1].clone(),
        found[2].clone(),
        found[3].clone(),
    )
}
