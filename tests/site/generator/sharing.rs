//! What a page gives to link previews, search results and browsers: Open
//! Graph and Twitter tags with the page's own title, description and image,
//! a social image per code and language, the icon, theme colours, and a
//! print stylesheet that Chromium applies.

use std::collections::BTreeMap;
use std::fs;

use scraper::Html;

use crate::common::{self, BASE, REGISTERED, attrs, browser, texts};

fn meta(page: &Html, key: &str) -> Vec<String> {
    let mut found = attrs(page, &format!("meta[property=\"{key}\"]"), "content");
    found.extend(attrs(page, &format!("meta[name=\"{key}\"]"), "content"));
    found
}

fn one(page: &Html, key: &str) -> String {
    let found = meta(page, key);
    assert_eq!(found.len(), 1, "{key}: {found:?}");
    found[0].clone()
}

/// Width and height of a PNG, from its header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().expect("4 bytes"));
    (be(16), be(20))
}

/// The Korean name of a code, from its content file.
fn korean_name(code: u16) -> String {
    let path = common::real_content().join(format!("codes/{code}.toml"));
    let table: toml::Table =
        toml::from_str(&fs::read_to_string(path).expect("code")).expect("toml");
    table["text"]["ko"]["name"]
        .as_str()
        .expect("a Korean name")
        .to_string()
}

#[test]
fn every_code_page_has_its_own_card_title_and_description_in_both_languages() {
    let site = common::real_site();
    for lang in ["", "ko/"] {
        for code in REGISTERED {
            let page = site.page(&format!("{lang}{code}/"));
            let title = texts(&page, "title").join("");
            assert_eq!(
                one(&page, "og:title"),
                title.split(" · ").next().unwrap_or("")
            );
            let description = one(&page, "description");
            assert_eq!(one(&page, "og:description"), description);
            let summary = texts(&page, ".lede").join("");
            assert!(
                !summary.is_empty() && description.contains(&summary),
                "/{lang}{code}/: the description {description:?} gives the summary {summary:?}"
            );
            if lang == "ko/" {
                let name = korean_name(code);
                assert!(title.contains(&name), "{title:?} has {name:?}");
                assert_eq!(one(&page, "og:locale"), "ko_KR");
                assert_eq!(meta(&page, "og:locale:alternate"), ["en_US"]);
            } else {
                assert_eq!(one(&page, "og:locale"), "en_US");
                assert_eq!(meta(&page, "og:locale:alternate"), ["ko_KR"]);
            }
            assert_eq!(one(&page, "og:url"), format!("{BASE}{lang}{code}/"));
            let image = one(&page, "og:image");
            assert_eq!(image, format!("{BASE}og/{lang}{code}.png"));
            let bytes = fs::read(site.out.join(image.trim_start_matches(BASE))).expect("image");
            let size = png_size(&bytes);
            assert_eq!(
                (size.0.to_string(), size.1.to_string()),
                (one(&page, "og:image:width"), one(&page, "og:image:height"))
            );
            assert!(one(&page, "og:image:alt").contains(&code.to_string()));
            assert_eq!(one(&page, "twitter:card"), "summary_large_image");
        }
    }
}

#[test]
fn every_hand_written_comparison_has_its_own_card_in_both_languages() {
    let site = common::real_site();
    let pairs: Vec<String> = fs::read_dir(common::real_content().join("comparisons"))
        .expect("comparisons")
        .map(|e| e.expect("entry").path())
        .map(|p| {
            p.file_stem()
                .expect("stem")
                .to_string_lossy()
                .replace('-', "-vs-")
        })
        .collect();
    assert!(pairs.len() >= 40);
    let mut images = std::collections::BTreeSet::new();
    for lang in ["", "ko/"] {
        for pair in &pairs {
            let page = site.page(&format!("{lang}{pair}/"));
            let image = one(&page, "og:image");
            assert_eq!(image, format!("{BASE}og/{lang}{pair}.png"));
            let bytes = fs::read(site.out.join(image.trim_start_matches(BASE))).expect("image");
            assert_eq!(png_size(&bytes), (1200, 630));
            assert!(
                images.insert(bytes),
                "{lang}{pair}: the same image as another page"
            );
            // The alternative text carries the verdict the page opens with.
            let verdict = texts(&page, ".verdict").join(" ");
            let alt = one(&page, "og:image:alt");
            let first_words: String = verdict
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                alt.contains(&first_words),
                "{lang}{pair}: {alt:?} lacks {first_words:?}"
            );
        }
    }
    // A comparison nobody wrote shares the site's image.
    assert_eq!(
        one(&site.page("1000-vs-1002/"), "og:image"),
        format!("{BASE}og/site.png")
    );
}

#[test]
fn no_two_pages_share_a_description_and_every_page_has_an_image() {
    let site = common::real_site();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&site.out).follow_links(true) {
        let entry = entry.expect("walk");
        let rel = entry.path().strip_prefix(&site.out).expect("prefix");
        let rel = rel.to_string_lossy().replace('\\', "/");
        if !rel.ends_with("index.html") {
            continue;
        }
        let text = fs::read_to_string(entry.path()).expect("page");
        let page = Html::parse_document(&text);
        if !attrs(&page, "meta[name=robots]", "content").is_empty() {
            continue; // redirects
        }
        let image = one(&page, "og:image");
        let file = site.out.join(image.trim_start_matches(BASE));
        assert!(file.is_file(), "{rel}: {image} was not written");
        let description = one(&page, "description");
        if let Some(other) = seen.insert(description.clone(), rel.clone()) {
            panic!("{rel} and {other} share the description {description:?}");
        }
    }
    assert!(seen.len() > 300, "only {} pages", seen.len());
}

#[test]
fn every_page_links_the_icon_theme_colours_and_print_stylesheet() {
    let site = common::real_site();
    for rel in ["", "ko/1008/", "1002-vs-1008/", "timeouts/", "404.html"] {
        let page = site.page(rel);
        let icon = attrs(&page, "link[rel=icon]", "href");
        assert_eq!(icon, ["/repo/favicon.svg"], "{rel}");
        assert!(site.read("favicon.svg").starts_with("<svg"));
        let themes = attrs(&page, "meta[name=theme-color]", "media");
        assert_eq!(
            themes,
            [
                "(prefers-color-scheme: light)",
                "(prefers-color-scheme: dark)"
            ],
            "{rel}"
        );
        let print = attrs(&page, "link[rel=stylesheet][media=print]", "href");
        assert_eq!(print, ["/repo/print.css"], "{rel}");
    }
    assert!(
        site.exists("print.css") && site.exists("og/site.png") && site.exists("og/ko/site.png")
    );
}

#[test]
fn an_edited_summary_redraws_only_its_own_image() {
    let first = common::Scratch::mini();
    let out = first.out();
    let content = first.content.clone();
    let build = || {
        closecodes::build(&closecodes::BuildOptions {
            content: content.clone(),
            out: out.clone(),
            base_url: None,
        })
        .expect("build")
    };
    build();
    let before = common::snapshot(&out);
    build();
    assert_eq!(common::snapshot(&out), before, "a rebuild changed nothing");
    first.edit(
        "codes/1006.toml",
        "The connection dropped without a Close frame.",
        "The network dropped the connection.",
    );
    build();
    let after = common::snapshot(&out);
    let changed: Vec<&String> = before
        .keys()
        .filter(|k| k.starts_with("og/") && before.get(*k) != after.get(*k))
        .collect();
    assert_eq!(changed, ["og/1006.png"]);
}

/// With its print stylesheet applied, a page is black on white, the
/// header and lookup are hidden, and a link shows where it goes.
#[tokio::test(flavor = "multi_thread")]
async fn the_print_stylesheet_is_black_on_white_and_shows_links() {
    let dark = ["--blink-settings=preferredColorScheme=0"];
    let Some(session) = browser::open_with(&common::real_site().out, &dark).await else {
        return;
    };
    let client = session.client();
    client
        .goto(&format!("{}1008/", session.root))
        .await
        .expect("goto");
    let result = client
        .execute(
            "for (const l of document.querySelectorAll('link[media=print]')) l.media = 'all';
             const style = (el, pseudo) => getComputedStyle(el, pseudo || null);
             const link = [...document.querySelectorAll('main a[href]')]
                 .find(a => !a.getAttribute('href').startsWith('#'));
             return {
                 color: style(document.body).color,
                 background: style(document.body).backgroundColor,
                 header: style(document.querySelector('.site-header')).display,
                 forms: [...document.querySelectorAll('form')].map(f => style(f).display),
                 after: style(link, '::after').content,
                 href: link.getAttribute('href'),
             };",
            vec![],
        )
        .await
        .expect("styles");
    assert_eq!(result["color"], "rgb(0, 0, 0)");
    assert_eq!(result["background"], "rgb(255, 255, 255)");
    assert_eq!(result["header"], "none");
    for form in result["forms"].as_array().expect("forms") {
        assert_eq!(form, "none");
    }
    let href = result["href"].as_str().expect("href");
    // Chromium resolves attr(href): the text printed after the link.
    assert_eq!(result["after"], format!("\" ({href})\""));
}
