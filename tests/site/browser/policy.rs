//! The content security policy in real Chromium: every kind of page carries
//! it, its own scripts run under it (the redirect and not-found scripts here;
//! the lookup, search, copy buttons, tabs and `serve`'s live reload in their
//! own tests, on the same pages), and a script it does not allow is refused
//! and reported.

use crate::common::{self, browser};

#[tokio::test(flavor = "multi_thread")]
#[cfg_attr(
    no_browser,
    ignore = "needs Chromium: apt-get install chromium chromium-driver"
)]
async fn every_page_runs_its_own_scripts_and_refuses_any_other() {
    let Some(session) = browser::open(&common::real_site().out).await else {
        return;
    };
    let (client, root) = (session.client(), &session.root);
    // The redirect page's inline script keeps the anchor: it ran.
    client
        .goto(&format!("{root}1012-vs-1008/#which"))
        .await
        .expect("goto");
    browser::wait_for_url(client, "/repo/1008-vs-1012/#which").await;
    for page in [
        "",
        "1006/",
        "1002-vs-1008/",
        "timeouts/",
        "4004/",
        "protocols/discord-gateway/",
        "ko/3000-3999/",
        "ko/no/such/page/",
    ] {
        client.goto(&format!("{root}{page}")).await.expect("goto");
        let result = client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const meta = document.querySelector('meta[http-equiv=Content-Security-Policy]');
                 const seen = [];
                 document.addEventListener('securitypolicyviolation', e => seen.push(e.violatedDirective));
                 const s = document.createElement('script');
                 s.textContent = 'window.injected = true';
                 document.body.append(s);
                 const b = document.createElement('button');
                 b.setAttribute('onclick', 'window.clicked = true');
                 document.body.append(b);
                 b.click();
                 b.remove();
                 setTimeout(() => done({
                   policy: meta && meta.content,
                   injected: window.injected === true,
                   clicked: window.clicked === true,
                   seen,
                   // The not-found page's first-paint script ran: one block shows.
                   shown: [...document.querySelectorAll('.not-found[data-lang]')].filter(d => !d.hidden).length,
                 }), 200);",
                vec![],
            )
            .await
            .expect("try a script");
        let policy = result["policy"].as_str().unwrap_or_default();
        assert!(
            policy.contains("script-src 'self' 'sha256-")
                && policy.contains("object-src 'none'")
                && !policy.contains("unsafe"),
            "/{page}: {policy:?}"
        );
        assert_eq!(result["injected"], false, "/{page}: an inline script ran");
        assert_eq!(result["clicked"], false, "/{page}: an inline handler ran");
        let seen = result["seen"].to_string();
        assert!(
            seen.contains("script-src-elem") && seen.contains("script-src-attr"),
            "/{page}: violations not reported: {seen}"
        );
        if page.contains("no/such") {
            assert_eq!(
                result["shown"], 1,
                "/{page}: the first-paint script did not run"
            );
        }
    }
}
