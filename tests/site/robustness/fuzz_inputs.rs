//! Random TOML and Markdown fed to the loader and the renderer: each input
//! gives an error or safe output, never a panic. `FUZZ_CASES` sets how many
//! inputs the properties get between them (see [`crate::common::fuzz_cases`]).

use closecodes::content::CodeEntry;
use closecodes::load::parse_str;
use closecodes::text::markdown;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::common::fuzz_cases as cases;

/// A valid entry the random edits start from.
const VALID: &str = include_str!("../../fixtures/code_1008.toml");

/// Markdown made of the pieces that matter: markup, links of every scheme,
/// raw HTML, entities, code spans, nesting.
fn markdown_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-z 가-힣]{0,12}",
        Just("<script>alert(1)</script>".to_string()),
        Just("</script><img src=x onerror=alert(1)>".to_string()),
        Just("\" onmouseover=\"alert(1)".to_string()),
        Just("[x](javascript:alert(1))".to_string()),
        Just("[x](JaVaScRiPt:alert(1))".to_string()),
        Just("[x]( javascript:alert(1))".to_string()),
        Just("[x](data:text/html,<b>)".to_string()),
        Just("![i](javascript:alert(1))".to_string()),
        Just("<a href=\"javascript:x\">x</a>".to_string()),
        Just("[x](/1008/#fix)".to_string()),
        Just("[x]: javascript:alert(1)\n\n[x]".to_string()),
        Just("<!-- c -->".to_string()),
        Just("&lt;&#x3C;&amp;".to_string()),
        Just("`<b>`".to_string()),
        Just("**".to_string()),
        Just("\n\n- ".to_string()),
        Just("\n```\n<script>\n```\n".to_string()),
        // Coloured by a grammar, which must never let markup through.
        Just("\n```js\nx = \"</span><script>\"; // <img onerror=x>\n```\n".to_string()),
        Just("\n```toml \"><script>\nk = '<b>'\n```\n".to_string()),
        Just("\n~~~python\n'''<iframe>\n".to_string()),
        Just("| a | b |\n|---|---|\n| <i> | x |\n".to_string()),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

/// What must never appear in rendered prose.
fn assert_safe(html: &str) {
    let doc = scraper::Html::parse_fragment(html);
    for el in doc
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        let name = el.value().name();
        assert!(
            !matches!(
                name,
                "script" | "iframe" | "object" | "embed" | "style" | "img" | "svg" | "form"
            ),
            "element <{name}> in {html:?}"
        );
        for (attr, value) in el.value().attrs() {
            assert!(!attr.starts_with("on"), "event handler {attr} in {html:?}");
            let value = value.trim().to_ascii_lowercase();
            assert!(
                !value.starts_with("javascript:")
                    && !value.starts_with("data:")
                    && !value.starts_with("vbscript:"),
                "{attr}={value:?} in {html:?}"
            );
        }
    }
}

#[test]
fn random_markdown_renders_to_safe_html() {
    let mut runner = TestRunner::new(Config {
        cases: cases() / 2,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&markdown_strategy(), |md| {
            let html = markdown::to_html(&md, |p| format!("/base{p}"));
            assert_safe(&html);
            let _ = markdown::to_plain(&md);
            let _ = markdown::links(&md);
            Ok(())
        })
        .expect("property");
}

/// A valid entry with random edits: bytes replaced, lines dropped or doubled.
fn toml_strategy() -> impl Strategy<Value = String> {
    let lines: Vec<String> = VALID.lines().map(str::to_string).collect();
    let n = lines.len();
    let edit = prop_oneof![
        (0..n, "[ -~가-힣]{0,20}").prop_map(|(i, s)| (i, 0u8, s)),
        (0..n).prop_map(|i| (i, 1u8, String::new())),
        (0..n).prop_map(|i| (i, 2u8, String::new())),
        (0..n, 0..40usize, any::<char>()).prop_map(|(i, at, c)| (i, 3u8, format!("{at}:{c}"))),
    ];
    proptest::collection::vec(edit, 1..5).prop_map(move |edits| {
        let mut lines = lines.clone();
        for (i, kind, text) in edits {
            let i = i % lines.len().max(1);
            if lines.is_empty() {
                break;
            }
            match kind {
                0 => lines[i] = text,
                1 => {
                    lines.remove(i);
                }
                2 => {
                    let line = lines[i].clone();
                    lines.insert(i, line);
                }
                _ => {
                    let (at, c) = text.split_once(':').unwrap_or(("0", "x"));
                    let at: usize = at.parse().unwrap_or(0);
                    let line = &mut lines[i];
                    let at = line.char_indices().nth(at).map_or(line.len(), |(b, _)| b);
                    line.insert_str(at, c);
                }
            }
        }
        lines.join("\n")
    })
}

#[test]
fn random_toml_loads_or_fails_with_a_position_inside_the_file() {
    let mut runner = TestRunner::new(Config {
        cases: cases() / 2,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&toml_strategy(), |text| {
            if let Err(problem) = parse_str::<CodeEntry>("1008.toml", &text) {
                let lines = text.lines().count().max(1);
                prop_assert!(
                    problem.line >= 1 && problem.line <= lines + 1,
                    "line {} of {lines}",
                    problem.line
                );
                prop_assert!(problem.col >= 1);
                prop_assert!(!problem.message.is_empty());
            }
            Ok(())
        })
        .expect("property");
}
