//! A third language costs only content: its strings file and a line in
//! `site.toml`. Untranslated prose falls back honestly, hreflang stays
//! reciprocal, and coverage reports what is missing or stale.

use crate::common;

use std::fs;

use crate::common::{Scratch, attrs, texts};

/// The mini site plus a made-up language "xx" whose words are the English
/// ones wrapped in brackets; only 1006's summary is translated.
fn site_with_a_third_language() -> Scratch {
    let scratch = Scratch::mini();
    let content = &scratch.content;
    let en = fs::read_to_string(content.join("i18n/en.toml")).expect("en.toml");
    let mut table: toml::Table = toml::from_str(&en).expect("parse");
    fn bracket(value: &mut toml::Value) {
        match value {
            toml::Value::String(s) => *s = format!("[{s}]"),
            toml::Value::Table(t) => t.iter_mut().for_each(|(_, v)| bracket(v)),
            _ => {}
        }
    }
    table.iter_mut().for_each(|(_, v)| bracket(v));
    table.insert("language_name".into(), "Xish".into());
    fs::write(
        content.join("i18n/xx.toml"),
        toml::to_string(&table).expect("toml"),
    )
    .expect("xx.toml");
    fs::write(
        content.join("site.toml"),
        "base_url = \"https://example.org/\"\nlanguages = [\"en\", \"xx\"]\n",
    )
    .expect("site.toml");
    let code = content.join("codes/1006.toml");
    let text = fs::read_to_string(&code).expect("1006");
    fs::write(
        &code,
        format!("{text}\n[text.xx]\nsummary = \"Xish summary of 1006.\"\n"),
    )
    .expect("write");
    scratch
}

#[test]
fn a_third_language_needs_only_its_strings_and_a_line_in_site_toml() {
    let scratch = site_with_a_third_language();
    let xx: toml::Table =
        toml::from_str(&fs::read_to_string(scratch.path("i18n/xx.toml")).expect("read"))
            .expect("parse");
    let site = scratch.build(None);

    let page = site.page("xx/1006/");
    assert_eq!(attrs(&page, "html", "lang"), ["xx"]);
    assert_eq!(
        common::heading_texts(&page, "section#fix > h2"),
        [xx["headings"]["fix"].as_str().expect("fix heading")]
    );
    // The translated summary is in the page's language; untranslated prose is
    // the English text, marked as English, under a notice in the language.
    assert_eq!(texts(&page, ".hero .lede"), ["Xish summary of 1006."]);
    assert!(
        page.select(&common::sel(".hero .lede [lang]"))
            .next()
            .is_none()
    );
    assert_eq!(attrs(&page, "section#description .prose", "lang"), ["en"]);
    assert_eq!(
        texts(&page, "section#description .fallback-notice"),
        [xx["fallback"]["notice"].as_str().expect("notice")]
    );

    let alternates = attrs(&page, "link[rel=alternate][hreflang]", "hreflang");
    assert_eq!(alternates, ["en", "xx", "x-default"]);
    let urls = closecodes::model::urls::Urls::new("https://example.org/", "en").expect("urls");
    let problems = closecodes::check::check_site(&site.out, &urls);
    assert!(problems.is_empty(), "{problems:#?}");
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains(r#"hreflang="xx" href="https://example.org/xx/1006/""#));
}

#[test]
fn coverage_counts_missing_and_stale_translations() {
    let scratch = site_with_a_third_language();
    let content = &scratch.content;
    let report = closecodes::check(content, None).expect("check");
    let xx = &report.coverage[0];
    assert_eq!(xx.lang, "xx");
    // 3 codes × 5 fields, 4 ranges × 3, 1 comparison × 2, and the protocol
    // (summary and description) with its two codes (meaning, fix and, for
    // one, its reconnect rule).
    assert_eq!(xx.fields, 15 + 12 + 2 + 2 + 3 + 2);
    assert_eq!(xx.translated, 1);
    assert_eq!(xx.missing.len(), xx.fields - 1);
    // The one translation records no source hash yet.
    assert_eq!(xx.stale.len(), 1);
    let hint = xx.stale[0].hint.clone().expect("hint");
    let hash = hint.split('"').nth(1).expect("hash in hint").to_string();

    // Recording the hash makes it current; changing the English makes it stale.
    let code = content.join("codes/1006.toml");
    let text = fs::read_to_string(&code).expect("read");
    fs::write(
        &code,
        text.replace("[text.xx]\n", &format!("[text.xx]\nsource = \"{hash}\"\n")),
    )
    .expect("write");
    assert!(
        closecodes::check(content, None).expect("check").coverage[0]
            .stale
            .is_empty()
    );
    common::edit_file(&code, "dropped without", "ended without");
    let stale = &closecodes::check(content, None).expect("check").coverage[0].stale;
    assert_eq!(stale.len(), 1);
    assert!(stale[0].message.contains("stale"), "{}", stale[0]);
}

/// `/api/<code>.json` carries every language's prose as the pages show it:
/// rendered by the generator, each field falling back to the default language
/// on its own, with site links for the language. The 404 page's generated
/// comparisons show exactly this.
#[test]
fn the_api_carries_each_languages_prose_as_the_pages_render_it() {
    let site = site_with_a_third_language().build(None);
    let api: serde_json::Value = serde_json::from_str(&site.read("api/1006.json")).expect("json");
    let page = site.page("xx/1006/");
    let html = &api["html"]["xx"];
    // The translated field is in the language; the others are English.
    assert_eq!(html["summary"]["html"], "Xish summary of 1006.");
    assert!(html["summary"].get("fallback").is_none(), "{html}");
    for field in ["description", "when", "fix"] {
        assert_eq!(html[field]["fallback"], "en", "{field}");
        let shown = page
            .select(&common::sel(&format!("section#{field} .prose")))
            .next()
            .expect("section")
            .inner_html();
        // Both read by the same HTML parser, so that only the markup counts.
        let api_html = html[field]["html"].as_str().expect("html");
        let reparsed = scraper::Html::parse_fragment(api_html)
            .root_element()
            .inner_html();
        assert_eq!(reparsed.trim(), shown.trim(), "{field}");
    }
    // Every field that was there before is still there.
    for key in ["code", "name", "url", "text", "constants", "related"] {
        assert!(api.get(key).is_some(), "{key}");
    }
    assert!(
        api["html"]["en"]["fix"]["html"]
            .as_str()
            .expect("en")
            .contains("<")
    );
}
