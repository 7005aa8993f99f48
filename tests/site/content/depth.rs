//! The depth of the real site: every registered code has its explanation,
//! library constants, log lines, code examples and sources in every
//! language; curated comparisons are written in both languages and featured;
//! the guide to private codes shows an entry that really builds.

use crate::common;

use std::collections::BTreeSet;
use std::fs;

use crate::common::{Built, attrs, sel, texts};
use scraper::{ElementRef, Html};

use crate::common::REGISTERED;
const LANGUAGES: [&str; 2] = ["", "ko/"];
/// The programming languages the issue asks examples for, as captions name them.
const EXAMPLE_LANGUAGES: [&str; 4] = ["JavaScript", "Python", "Go", "Rust"];

fn site() -> &'static Built {
    common::real_site()
}

fn content(rel: &str) -> toml::Table {
    let path = common::real_content().join(rel);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn libraries() -> Vec<toml::Table> {
    content("libraries.toml")["library"]
        .as_array()
        .expect("[[library]]")
        .iter()
        .map(|l| l.as_table().expect("table").clone())
        .collect()
}

fn text_of(el: ElementRef) -> String {
    el.text().collect()
}

/// The programming language of each example figure inside `css`.
fn example_languages(page: &Html, css: &str) -> Vec<String> {
    texts(page, &format!("{css} figure.example figcaption"))
        .iter()
        .map(|c| c.split(" · ").next().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn every_code_page_has_every_part_in_both_languages() {
    let site = site();
    let library_count = libraries().len();
    for prefix in LANGUAGES {
        for code in REGISTERED {
            let at = format!("{prefix}{code}/");
            let page = site.page(&at);
            for section in ["description", "when", "fix"] {
                let prose = texts(&page, &format!("section#{section} .prose"));
                assert!(
                    prose.iter().any(|t| t.len() > 40),
                    "{at}#{section} has no prose"
                );
            }
            assert!(
                page.select(&sel(".fallback-notice")).next().is_none(),
                "{at} shows text in another language"
            );
            let messages = attrs(&page, "section#messages li a.message-source", "href");
            assert!(!messages.is_empty(), "{at} shows no log line");
            assert!(messages.iter().all(|h| h.starts_with("https://")), "{at}");
            let rows = page
                .select(&sel("section#constants tbody tr"))
                .collect::<Vec<_>>();
            let named = libraries().iter().any(|l| {
                l.get("constants")
                    .and_then(|c| c.as_table())
                    .is_some_and(|c| c.contains_key(&code.to_string()))
            });
            let unnamed = page
                .select(&sel("section#constants p.without-name a"))
                .count();
            if named {
                assert_eq!(
                    rows.len() + unnamed,
                    library_count,
                    "{at}: every library is in the table or in the line of those without a name"
                );
            } else {
                assert_eq!(rows.len() + unnamed, 0, "{at}: a name no library gives");
            }
            for row in rows {
                let link = row.select(&sel("th a")).next().expect("library link");
                let href = link.value().attr("href").unwrap_or_default();
                assert!(href.starts_with("https://"), "{at}: {href}");
            }
            let sources = attrs(&page, "p.sources a", "href");
            assert!(
                sources
                    .iter()
                    .any(|h| h.starts_with("https://www.rfc-editor.org/")
                        || h.starts_with("https://www.iana.org/")
                        || h.starts_with("https://websockets.spec.whatwg.org/")),
                "{at} links no specification: {sources:?}"
            );
            assert!(
                page.select(&sel("section#examples")).next().is_some(),
                "{at} has no examples"
            );
        }
    }
}

#[test]
fn each_code_has_examples_in_four_languages_where_it_can_occur() {
    let site = site();
    let all: Vec<String> = EXAMPLE_LANGUAGES.map(String::from).to_vec();
    for code in REGISTERED {
        let entry = content(&format!("codes/{code}.toml"));
        let sendable = entry["sendable"].as_bool().expect("sendable");
        let shared_read = entry
            .get("examples")
            .and_then(|e| e.get("shared_read"))
            .and_then(|v| v.as_bool())
            .unwrap_or(true);
        for prefix in LANGUAGES {
            let at = format!("{prefix}{code}/");
            let page = site.page(&at);
            let close = example_languages(&page, ".examples-close");
            let read = example_languages(&page, ".examples-read");
            if sendable {
                assert_eq!(close, all, "{at}: closing examples");
            } else {
                assert!(
                    close.is_empty(),
                    "{at} shows how to send a code nobody sends"
                );
            }
            if shared_read {
                assert_eq!(read, all, "{at}: reading examples");
            } else {
                // Only the code's own read examples, where it has some.
                let own = entry
                    .get("examples")
                    .and_then(|e| e.get("read"))
                    .and_then(|r| r.as_table())
                    .map_or(0, |r| r.len());
                assert_eq!(read.len(), own, "{at}: {read:?}");
                let note = texts(&page, "section#examples .prose");
                assert!(note.iter().any(|t| !t.is_empty()), "{at} explains nothing");
            }
        }
    }
}

#[test]
fn examples_use_each_library_constant_and_are_coloured_without_script() {
    let site = site();
    let libraries = libraries();
    for code in REGISTERED {
        let entry = content(&format!("codes/{code}.toml"));
        // Read examples a code replaces with its own need not name the code.
        let own: BTreeSet<String> = entry
            .get("examples")
            .and_then(|e| e.get("read"))
            .and_then(|r| r.as_table())
            .map(|t| {
                t.keys()
                    .filter_map(|id| libraries.iter().find(|l| l["id"].as_str() == Some(id)))
                    .map(|l| l["language"].as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default();
        // Whatever a library calls the code, or the number itself.
        let mut spellings = vec![code.to_string()];
        for library in &libraries {
            if let Some(name) = library
                .get("constants")
                .and_then(|c| c.get(code.to_string()))
            {
                let symbol = library["symbol"].as_str().expect("symbol");
                spellings.push(symbol.replace("{name}", name.as_str().expect("name")));
            }
        }
        let page = site.page(&format!("{code}/"));
        for figure in page.select(&sel("section#examples figure.example")) {
            let caption = text_of(figure.select(&sel("figcaption")).next().expect("caption"));
            let pre = figure.select(&sel("pre.code")).next().expect("code block");
            let text = text_of(pre);
            for leftover in ["{code}", "{reason}", "__CLOSE_", "&quot;", "&amp;"] {
                assert!(!text.contains(leftover), "{code} {caption}: {leftover}");
            }
            assert!(
                pre.select(&sel("span[class^=hl-]")).count() >= 3,
                "{code} {caption} is not coloured"
            );
            let language = caption.split(" · ").next().unwrap_or_default();
            let is_read = figure.parent().and_then(ElementRef::wrap).is_some_and(|p| {
                p.value()
                    .has_class("examples-read", scraper::CaseSensitivity::CaseSensitive)
            });
            if is_read && own.contains(language) {
                continue;
            }
            assert!(
                spellings.iter().any(|s| text.contains(s.as_str())),
                "{code} {caption} names the code nowhere:\n{text}"
            );
        }
    }
}

#[test]
fn constants_are_unique_within_each_library() {
    for library in libraries() {
        let Some(constants) = library.get("constants").and_then(|c| c.as_table()) else {
            continue;
        };
        let mut seen = BTreeSet::new();
        for (code, name) in constants {
            let name = name.as_str().expect("constant");
            assert!(
                seen.insert(name),
                "{} spells two codes {name} (one is {code})",
                library["id"]
            );
            assert!(
                REGISTERED.contains(&code.parse().expect("code")),
                "{code} is not registered"
            );
        }
    }
}

#[test]
fn at_least_25_curated_comparisons_in_both_languages_are_featured() {
    let site = site();
    let dir = common::real_content().join("comparisons");
    let mut pairs = Vec::new();
    for file in fs::read_dir(&dir).expect("comparisons/") {
        let name = file
            .expect("entry")
            .file_name()
            .into_string()
            .expect("utf-8");
        let entry = content(&format!("comparisons/{name}"));
        let codes: Vec<i64> = entry["codes"]
            .as_array()
            .expect("codes")
            .iter()
            .map(|c| c.as_integer().expect("code"))
            .collect();
        for lang in ["en", "ko"] {
            for field in ["differences", "which"] {
                let text = entry["text"][lang][field].as_str().unwrap_or_default();
                assert!(
                    text.len() > 100,
                    "{name}: {lang}.{field} is missing or thin"
                );
            }
        }
        pairs.push((codes[0], codes[1], entry));
    }
    assert!(
        pairs.len() >= 25,
        "only {} curated comparisons",
        pairs.len()
    );
    for prefix in LANGUAGES {
        let index = attrs(&site.page(prefix), "section#featured a", "href");
        for (a, b, entry) in &pairs {
            let at = format!("{prefix}{a}-vs-{b}/");
            // A protocol's pairs are featured on the protocol's page.
            let (featured, place) = match entry.get("protocol").and_then(|p| p.as_str()) {
                Some(slug) => {
                    let rel = format!("{prefix}protocols/{slug}/");
                    (
                        attrs(&site.page(&rel), "section#comparisons a", "href"),
                        rel,
                    )
                }
                None => (index.clone(), format!("{prefix} index")),
            };
            assert!(
                featured.iter().any(|h| h.ends_with(&format!("/{at}"))),
                "{place} does not feature {a}/{b}"
            );
            // The page shows the hand-written text, not the generated one:
            // each bold label of the curated bullets is on the page.
            let lang = if prefix.is_empty() { "en" } else { "ko" };
            let curated = entry["text"][lang]["differences"].as_str().expect("text");
            let shown = texts(&site.page(&at), "section#differences strong");
            let labels: Vec<&str> = curated.split("**").skip(1).step_by(2).collect();
            assert!(!labels.is_empty(), "{at}: bullets have bold labels");
            for label in labels {
                assert!(shown.iter().any(|s| s == label), "{at} lacks {label:?}");
            }
        }
    }
}

/// The guide shows a private code's entry in the site's own format; that
/// entry, dropped into `content/codes/`, builds into a full code page.
#[test]
fn the_private_code_guide_shows_an_entry_that_builds() {
    let range = content("ranges/4000-4999.toml");
    let mut samples = BTreeSet::new();
    for lang in ["en", "ko"] {
        let guide = range["text"][lang]["documenting"]
            .as_str()
            .expect("documenting");
        let start = guide.find("```toml\n").expect("a TOML block") + "```toml\n".len();
        let end = start + guide[start..].find("\n```").expect("its end");
        samples.insert(guide[start..end].to_string());
    }
    for sample in samples {
        let entry: toml::Table = toml::from_str(&sample).expect("the sample is TOML");
        let code = entry["code"].as_integer().expect("code");
        assert!(
            (4000..=4999).contains(&code),
            "the sample is a private code"
        );
        let scratch = common::Scratch::of(&common::real_content());
        fs::write(scratch.path(&format!("codes/{code}.toml")), &sample).expect("write");
        let built = scratch.build(None);
        let page = built.page(&format!("{code}/"));
        let h1 = texts(&page, "h1").join(" ");
        assert!(h1.contains(&code.to_string()), "{h1}");
        assert!(h1.contains(entry["name"].as_str().expect("name")), "{h1}");
        assert!(page.select(&sel("section#fix .prose li")).next().is_some());
        let range_page = built.page("4000-4999/");
        let listed = attrs(&range_page, "section#codes a", "href");
        assert!(listed.iter().any(|h| h.ends_with(&format!("/{code}/"))));
        assert!(built.exists(&format!("api/{code}.json")));
    }
    let site = site();
    for prefix in LANGUAGES {
        let page = site.page(&format!("{prefix}4000-4999/"));
        for id in ["choosing", "documenting"] {
            assert!(page.select(&sel(&format!("section#{id}"))).next().is_some());
        }
        let coloured = page
            .select(&sel("section#documenting pre.code span.hl-k"))
            .count();
        assert!(coloured > 5, "the sample entry is not coloured");
    }
}
