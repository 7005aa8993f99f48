//! Which comparisons are pages: every registered pair, every hand-written,
//! related or once-published pair; any other pair of private codes is put
//! together by the 404 page from `/api/`, with the same anchors.

use crate::common::{self, Scratch, browser};

/// The mini site with two more private codes: 4002 names 4001 as related,
/// 4003 names nothing.
fn site_with_private_codes() -> common::Built {
    let scratch = Scratch::mini();
    let template = std::fs::read_to_string(scratch.path("codes/4001.toml")).expect("4001");
    for (code, name, related) in [
        (4002, "Quota Exceeded", "related = [4001]\n"),
        (4003, "Maintenance", ""),
    ] {
        let text = template
            .replace("code = 4001", &format!("code = {code}"))
            .replace("name = \"Session Expired\"", &format!("name = \"{name}\""))
            .replace(
                "reconnect = \"after-fix\"\n",
                &format!("reconnect = \"after-fix\"\n{related}"),
            );
        std::fs::write(scratch.path(&format!("codes/{code}.toml")), text).expect("write");
    }
    scratch.build(Some(common::BASE))
}

#[test]
fn unrelated_private_pairs_and_private_codes_have_no_files_of_their_own() {
    let site = site_with_private_codes();
    for (rel, exists) in [
        ("4001-vs-4002/index.html", true),
        // Its reverse order was never published: the 404 page sends readers on.
        ("4002-vs-4001/index.html", false),
        ("1000-vs-4001/index.html", true), // published before: the lock keeps it
        ("1006-vs-4001/index.html", true), // 1006 names 4001 as related
        ("4001-vs-4003/index.html", false),
        ("4003-vs-4001/index.html", false),
        ("1000-vs-4003/index.html", false),
        ("1000-vs-1006/index.html", true),
        // Registered codes have their own social image; private ones share
        // the site's.
        ("og/1006.png", true),
        ("og/4001.png", false),
        ("og/site.png", true),
    ] {
        assert_eq!(site.exists(rel), exists, "{rel}");
    }
    let page = site.page("4001/");
    let image = common::attrs(&page, "meta[property='og:image']", "content");
    assert!(
        image.len() == 1 && image[0].ends_with("/og/site.png"),
        "{image:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
#[cfg_attr(
    no_browser,
    ignore = "needs Chromium: apt-get install chromium chromium-driver"
)]
async fn the_404_page_puts_an_unwritten_pair_together_and_sends_a_reversed_one_on() {
    let site = site_with_private_codes();
    let Some(session) = browser::open(&site.out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    client
        .goto(&format!("{root}4003-vs-4001/#which"))
        .await
        .expect("goto");
    browser::wait_for_url(client, "/repo/4001-vs-4003/#which").await;
    let shown = browser::wait_for("the generated comparison", || async {
        let v = client
            .execute(
                "const a = document.querySelector('article.generated-compare');
                 if (!a) return null;
                 return [a.querySelector('h1').textContent, a.querySelector('.generated').textContent,
                         Array.from(a.querySelectorAll('section[id]')).map(s => s.id),
                         a.querySelector('#c4001 h2 a').getAttribute('href')];",
                vec![],
            )
            .await
            .ok()?;
        (!v.is_null()).then_some(v)
    })
    .await;
    let h1 = shown[0].as_str().unwrap_or_default();
    assert!(
        h1.contains("Session Expired") && h1.contains("Maintenance"),
        "{h1}"
    );
    assert!(
        !shown[1].as_str().unwrap_or_default().is_empty(),
        "it says it is generated"
    );
    assert_eq!(
        shown[2],
        serde_json::json!(["differences", "which", "c4001", "c4003"])
    );
    assert_eq!(shown[3].as_str(), Some("/repo/4001/"));

    // A written comparison asked for in the reverse order, which has no
    // redirect page: the 404 page sends the reader to it, anchor and all.
    client
        .goto(&format!("{root}4002-vs-4001/#c4002"))
        .await
        .expect("goto");
    browser::wait_for_url(client, "/repo/4001-vs-4002/#c4002").await;
    let written = browser::wait_for("the written comparison", || async {
        let v = client
            .execute(
                "if (document.readyState !== 'complete'
                     || document.querySelector('article.generated-compare')
                     || !document.getElementById('c4002')) return null;
                 return document.querySelector('h1').textContent;",
                vec![],
            )
            .await
            .ok()?;
        v.as_str().map(str::to_string)
    })
    .await;
    assert!(
        written.contains("Session Expired") && written.contains("Quota Exceeded"),
        "{written}"
    );
}
