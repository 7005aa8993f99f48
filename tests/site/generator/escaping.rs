//! Text from TOML and Markdown never becomes markup: names and prose with
//! script tags, attribute breakouts and `</script>` are shown as text on
//! every page, and the JSON inside the index stays one intact script.

use crate::common;

use crate::common::{attrs, sel, texts};

const EVIL: &str = r#"Evil</script><script>alert(1)</script>" onload="alert(2)"#;

fn evil_site() -> common::Built {
    let scratch = common::Scratch::mini();
    scratch
        .edit(
            "codes/4001.toml",
            "name = \"Session Expired\"",
            &format!("name = '{EVIL}'"),
        )
        .edit(
            "codes/4001.toml",
            "reference = \"This application\"",
            &format!("reference = '{EVIL}'"),
        )
        .edit(
            "codes/4001.toml",
            "summary = \"The application's session token expired.\"",
            &format!("summary = '''{EVIL} <img src=x onerror=alert(3)>'''"),
        );
    scratch.build(None)
}

#[test]
fn names_and_prose_are_text_on_every_page() {
    let site = evil_site();
    for rel in ["", "4001/", "1000-vs-4001/", "4000-4999/", "1006/"] {
        let page = site.page(rel);
        // Only the site's own scripts: site.js, plus the lookup data on the index.
        let scripts = attrs(&page, "script", "src");
        assert_eq!(scripts, ["/site.js"], "{rel}");
        let inline: Vec<_> = page.select(&sel("script:not([src])")).collect();
        assert!(
            inline
                .iter()
                .all(|s| s.value().attr("type") == Some("application/json")),
            "{rel}"
        );
        for el in page.select(&sel("*")) {
            for (name, value) in el.value().attrs() {
                assert!(!name.starts_with("on"), "{rel}: {name}={value}");
                assert!(
                    !value.to_ascii_lowercase().contains("javascript:"),
                    "{rel}: {name}={value}"
                );
            }
        }
        assert!(page.select(&sel("img")).next().is_none(), "{rel}");
    }
    let page = site.page("4001/");
    assert_eq!(texts(&page, "h1"), [format!("4001 {EVIL}")]);
    let title = texts(&page, "title");
    assert!(title[0].starts_with(&format!("4001 {EVIL}")), "{title:?}");
}

#[test]
fn the_lookup_json_survives_a_closing_script_tag_in_the_content() {
    let site = evil_site();
    let page = site.page("");
    let json = texts(&page, "script#lookup-data");
    assert_eq!(json.len(), 1);
    let data: serde_json::Value = serde_json::from_str(&json[0]).expect("the JSON parses whole");
    let names: Vec<&str> = data["codes"]
        .as_array()
        .expect("codes")
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    assert!(names.contains(&EVIL), "{names:?}");
}
