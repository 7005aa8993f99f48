//! The real site under `content/`: every URL of the spec exists in every
//! language, every link and anchor resolves, the Korean headings come from
//! the Korean strings, and comparison pages keep the seed page's structure.

use crate::common;

use std::collections::BTreeSet;
use std::fs;

use crate::common::{Built, attrs, sel, texts};
use scraper::Html;

/// Every code in the IANA registry: 1000-1015 and the registered 3xxx codes.
use crate::common::REGISTERED;

fn site() -> &'static Built {
    common::real_site()
}

fn korean_strings() -> toml::Table {
    let text = fs::read_to_string(common::real_content().join("i18n/ko.toml")).expect("ko.toml");
    toml::from_str(&text).expect("ko.toml parses")
}

fn heading(strings: &toml::Table, key: &str) -> String {
    strings["headings"][key]
        .as_str()
        .expect("heading")
        .to_string()
}

#[test]
fn every_url_of_the_spec_exists_in_every_language() {
    let site = site();
    for prefix in ["", "ko/"] {
        assert!(site.exists(&format!("{prefix}index.html")));
        for range in ["0-999", "1000-2999", "3000-3999", "4000-4999"] {
            assert!(
                site.exists(&format!("{prefix}{range}/index.html")),
                "{prefix}{range}"
            );
        }
        for (i, a) in REGISTERED.iter().enumerate() {
            assert!(
                site.exists(&format!("{prefix}{a}/index.html")),
                "{prefix}{a}"
            );
            for b in &REGISTERED[i + 1..] {
                assert!(
                    site.exists(&format!("{prefix}{a}-vs-{b}/index.html")),
                    "{prefix}{a}-vs-{b}"
                );
                let reversed = site.page(&format!("{prefix}{b}-vs-{a}/"));
                let canonical = attrs(&reversed, "link[rel=canonical]", "href");
                assert_eq!(canonical, [format!("{}{prefix}{a}-vs-{b}/", common::BASE)]);
            }
        }
    }
    for code in REGISTERED {
        assert!(site.exists(&format!("api/{code}.json")), "api/{code}.json");
        assert!(site.exists(&format!("{code}.txt")), "{code}.txt");
    }
    for rel in [
        "404.html",
        "api/codes.json",
        "sitemap.xml",
        "robots.txt",
        ".nojekyll",
    ] {
        assert!(site.exists(rel), "{rel}");
    }
}

#[test]
fn the_site_documents_exactly_the_registered_codes() {
    let json: serde_json::Value =
        serde_json::from_str(&site().read("api/codes.json")).expect("json");
    let codes: Vec<u64> = json["codes"]
        .as_array()
        .expect("codes")
        .iter()
        .map(|c| c["code"].as_u64().expect("code"))
        .collect();
    let expected: Vec<u64> = REGISTERED.iter().map(|&c| u64::from(c)).collect();
    assert_eq!(codes, expected);
}

#[test]
fn every_internal_link_anchor_and_hreflang_resolves() {
    let urls = closecodes::model::urls::Urls::new(common::BASE, "en").expect("urls");
    let problems = closecodes::check::check_site(&site().out, &urls);
    assert!(
        problems.is_empty(),
        "{} problems, first: {:#?}",
        problems.len(),
        &problems[..problems.len().min(10)]
    );
}

#[test]
fn korean_code_pages_use_the_korean_headings() {
    let ko = korean_strings();
    // The section names the project promises in Korean.
    for (key, expected) in [
        ("description", "설명"),
        ("when", "이 코드를 보게 되는 경우"),
        ("fix", "해결 방법"),
        ("differences", "주요 차이점"),
        ("which", "언제 어떤 것을 사용할지"),
    ] {
        assert_eq!(heading(&ko, key), expected);
    }
    let page = site().page("ko/1008/");
    assert_eq!(attrs(&page, "html", "lang"), ["ko"]);
    for anchor in ["description", "when", "fix"] {
        assert_eq!(
            common::heading_texts(&page, &format!("section#{anchor} > h2")),
            [heading(&ko, anchor)]
        );
    }
}

/// The headings of a comparison page in document order, with the id of the
/// section each one opens.
fn outline(page: &Html) -> Vec<(String, String)> {
    page.select(&sel("main h2, main h3"))
        .map(|h| {
            let section = h
                .ancestors()
                .filter_map(scraper::ElementRef::wrap)
                .find(|e| e.value().name() == "section")
                .and_then(|e| e.value().attr("id"))
                .unwrap_or("")
                .to_string();
            let mark: String = h
                .select(&sel("a.copy-link"))
                .flat_map(|a| a.text())
                .collect();
            let text: String = h.text().collect();
            (
                section,
                text.strip_suffix(&mark).unwrap_or(&text).trim().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_1002_vs_1008_page_has_the_sections_of_the_seed_page_answer_first() {
    let ko = korean_strings();
    let page = site().page("ko/1002-vs-1008/");
    let verdict = texts(&page, ".hero .verdict");
    assert!(
        verdict.len() == 1 && verdict[0].len() > 40,
        "the page opens with its verdict: {verdict:?}"
    );
    // A side-by-side table of both codes' facts.
    let columns = texts(&page, "table.facts thead th[scope=col]");
    assert_eq!(columns, ["1002", "1008"]);
    // The seed page's sections, with the answer first: what differs and
    // which to use, then each code's detail.
    let expected: Vec<(String, String)> = [
        ("differences", heading(&ko, "differences")),
        ("which", heading(&ko, "which")),
        ("c1002", heading(&ko, "description")),
        ("c1002", heading(&ko, "when")),
        ("c1002", heading(&ko, "fix")),
        ("c1008", heading(&ko, "description")),
        ("c1008", heading(&ko, "when")),
        ("c1008", heading(&ko, "fix")),
    ]
    .into_iter()
    .map(|(s, h)| (s.to_string(), h))
    .collect();
    let got: Vec<(String, String)> = outline(&page)
        .into_iter()
        .filter(|(section, _)| {
            ["c1002", "c1008", "differences", "which"].contains(&section.as_str())
        })
        .filter(|(_, text)| !text.starts_with("1002") && !text.starts_with("1008"))
        .collect();
    assert_eq!(got, expected);
    for id in ["c1002", "c1008", "differences", "which"] {
        let prose = texts(&page, &format!("section#{id} .prose"));
        assert!(
            !prose.is_empty() && prose.iter().all(|p| p.len() > 40),
            "#{id} has real prose: {prose:?}"
        );
    }
}

#[test]
fn every_page_links_its_other_language_version() {
    let site = site();
    for (rel, other) in [
        ("1008/", "/repo/ko/1008/"),
        ("ko/1008/", "/repo/1008/"),
        ("ko/1002-vs-1008/", "/repo/1002-vs-1008/"),
        ("", "/repo/ko/"),
        ("ko/3000-3999/", "/repo/3000-3999/"),
    ] {
        let page = site.page(rel);
        let links = attrs(&page, "nav.languages a[hreflang]", "href");
        assert_eq!(links, [other], "{rel}");
    }
}

#[test]
fn code_pages_link_related_codes_comparisons_and_range() {
    let page = site().page("1008/");
    let hrefs: BTreeSet<String> = attrs(&page, "main a", "href").into_iter().collect();
    assert!(hrefs.contains("/repo/1000-2999/"));
    for other in REGISTERED.iter().filter(|&&c| c != 1008) {
        let (a, b) = (other.min(&1008), other.max(&1008));
        assert!(
            hrefs.contains(&format!("/repo/{a}-vs-{b}/")),
            "1008 links {a}-vs-{b}"
        );
    }
    assert!(!texts(&page, "section#related li").is_empty());
}

#[test]
fn the_index_links_every_code_and_every_comparison() {
    let page = site().page("");
    let hrefs: BTreeSet<String> = attrs(&page, "main a", "href").into_iter().collect();
    for (i, a) in REGISTERED.iter().enumerate() {
        assert!(hrefs.contains(&format!("/repo/{a}/")), "index links {a}");
        for b in &REGISTERED[i + 1..] {
            assert!(
                hrefs.contains(&format!("/repo/{a}-vs-{b}/")),
                "index links {a}-vs-{b}"
            );
        }
    }
    assert_eq!(attrs(&page, "input[type=search]", "name"), ["q"]);
}

#[test]
fn facts_in_the_json_follow_rfc_6455_and_whatwg() {
    let json: serde_json::Value =
        serde_json::from_str(&site().read("api/codes.json")).expect("json");
    for code in json["codes"].as_array().expect("codes") {
        let n = code["code"].as_u64().expect("code");
        // RFC 6455 §7.4.1: 1004 is reserved; 1005, 1006 and 1015 must not be sent.
        assert_eq!(
            code["sendable"].as_bool(),
            Some(![1004, 1005, 1006, 1015].contains(&n)),
            "{n} sendable"
        );
        // WHATWG close(): only 1000 and 3000-4999.
        assert_eq!(
            code["close_method"].as_bool(),
            Some(n == 1000 || (3000..=4999).contains(&n)),
            "{n} close()"
        );
        assert_eq!(
            code["url"].as_str(),
            Some(format!("{}{n}/", common::BASE).as_str())
        );
    }
}

#[test]
fn korean_is_complete_and_current() {
    let report = closecodes::check(&common::real_content(), None).expect("check passes");
    let ko = report
        .coverage
        .iter()
        .find(|c| c.lang == "ko")
        .expect("Korean");
    let missing: Vec<String> = ko.missing.iter().map(|p| p.to_string()).collect();
    let stale: Vec<String> = ko.stale.iter().map(|p| p.to_string()).collect();
    assert!(missing.is_empty(), "{missing:#?}");
    assert!(stale.is_empty(), "{stale:#?}");
    assert_eq!(ko.translated, ko.fields);
}

#[test]
fn no_korean_page_shows_english_prose() {
    let site = site();
    for code in REGISTERED {
        let page = site.page(&format!("ko/{code}/"));
        // The registered name under the Korean heading, and beside a Korean
        // name in lists, is English on purpose: it is the name the registry
        // and the logs use.
        let fallback: Vec<_> = page
            .select(&sel("main [lang=en]:not(p.local-name):not(.official)"))
            .collect();
        assert!(fallback.is_empty(), "ko/{code}/ shows English prose");
    }
}

/// How many protocols the content has, how many numbers they define, and
/// how many hand-written comparisons are of a protocol's codes.
fn protocol_counts() -> (usize, usize, usize) {
    let dir = common::real_content();
    let read = |path: std::path::PathBuf| -> toml::Table {
        toml::from_str(&std::fs::read_to_string(path).expect("read")).expect("toml")
    };
    let files: Vec<_> = std::fs::read_dir(dir.join("protocols"))
        .expect("protocols/")
        .map(|e| e.expect("entry").path())
        .collect();
    let mut numbers = std::collections::BTreeSet::new();
    for file in &files {
        for code in read(file.clone())["code"].as_array().expect("codes") {
            numbers.insert(code["code"].as_integer().expect("number"));
        }
    }
    let pairs = std::fs::read_dir(dir.join("comparisons"))
        .expect("comparisons/")
        .filter(|e| read(e.as_ref().expect("entry").path()).contains_key("protocol"))
        .count();
    (files.len(), numbers.len(), pairs)
}

#[test]
fn the_sitemap_lists_every_page_with_its_alternates_under_the_sub_path() {
    let site = site();
    let sitemap = site.read("sitemap.xml");
    let doc = scraper::Html::parse_document(&sitemap);
    let locs = texts(&doc, "url > loc");
    // 19 codes, their 171 comparisons and the protocols' hand-written ones,
    // 4 ranges, the index, /timeouts/, /protocols/ and a page per protocol
    // and per number protocols define, in two languages.
    let (protocols, numbers, pairs) = protocol_counts();
    assert_eq!(
        locs.len(),
        (19 + 171 + pairs + 4 + 1 + 1 + 1 + protocols + numbers) * 2
    );
    for loc in &locs {
        let rel = loc
            .strip_prefix(common::BASE)
            .unwrap_or_else(|| panic!("{loc}"));
        assert!(site.exists(&format!("{rel}index.html")), "{loc}");
    }
    // The HTML parser does not nest `xhtml:link`: read each entry's alternates from the source.
    for entry in sitemap.split("<url>").skip(1) {
        let langs: Vec<&str> = entry
            .split("hreflang=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .collect();
        assert_eq!(langs, ["en", "ko", "x-default"], "{entry}");
    }
    assert_eq!(
        site.read("robots.txt")
            .lines()
            .find(|l| l.starts_with("Sitemap:")),
        Some(format!("Sitemap: {}sitemap.xml", common::BASE).as_str())
    );
    assert!(site.exists(".nojekyll"));
}

#[test]
fn each_code_has_json_with_every_language_and_plain_text_for_curl() {
    let site = site();
    for code in REGISTERED {
        let json: serde_json::Value =
            serde_json::from_str(&site.read(&format!("api/{code}.json"))).expect("json");
        assert_eq!(json["code"], code);
        for lang in ["en", "ko"] {
            for field in ["summary", "description", "when", "fix"] {
                assert!(
                    json["text"][lang][field]
                        .as_str()
                        .is_some_and(|t| t.len() > 10),
                    "{code} {lang} {field}"
                );
            }
        }
        let text = site.read(&format!("{code}.txt"));
        let name = json["name"].as_str().expect("name");
        assert_eq!(text.lines().next(), Some(format!("{code} {name}").as_str()));
        assert!(!text.contains('<'), "{code}.txt is plain text");
    }
}

#[test]
fn two_builds_of_the_real_site_are_byte_identical() {
    let a = common::build(&common::real_content(), Some(common::BASE));
    let b = common::build(&common::real_content(), Some(common::BASE));
    let files = |out: &std::path::Path| -> Vec<(String, Vec<u8>)> {
        let root = fs::canonicalize(out).expect("out");
        let mut all: Vec<_> = walkdir::WalkDir::new(&root)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path()
                        .strip_prefix(&root)
                        .expect("prefix")
                        .display()
                        .to_string(),
                    fs::read(e.path()).expect("read"),
                )
            })
            .collect();
        all.sort();
        all
    };
    assert_eq!(files(&a.out), files(&b.out));
}

#[test]
fn code_pages_show_each_library_constant_and_real_log_line() {
    let site = site();
    let libraries: toml::Table = toml::from_str(
        &fs::read_to_string(common::real_content().join("libraries.toml")).expect("read"),
    )
    .expect("parse");
    let messages: toml::Table = toml::from_str(
        &fs::read_to_string(common::real_content().join("messages.toml")).expect("read"),
    )
    .expect("parse");
    for prefix in ["", "ko/"] {
        for code in REGISTERED {
            let page = site.page(&format!("{prefix}{code}/"));
            let shown = texts(&page, "section#constants td code");
            for lib in libraries["library"].as_array().expect("libraries") {
                if let Some(name) = lib.get("constants").and_then(|c| c.get(code.to_string())) {
                    let symbol = lib["symbol"]
                        .as_str()
                        .expect("symbol")
                        .replace("{name}", name.as_str().expect("name"));
                    assert!(shown.contains(&symbol), "{prefix}{code} shows {symbol}");
                }
            }
            let lines = texts(&page, "section#messages li code");
            for m in messages["message"].as_array().expect("messages") {
                if m["code"].as_integer() == Some(i64::from(code)) {
                    // A page does not show a line's trailing space.
                    let text = m["text"].as_str().expect("text").trim().to_string();
                    assert!(lines.contains(&text), "{prefix}{code} shows {text:?}");
                }
            }
        }
    }
}
