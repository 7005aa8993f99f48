//! The page about the hops in between (`/timeouts/`), the answer-first code
//! pages, and the glossary that keeps Korean terms consistent.

use crate::common::{self, Scratch, sel, texts};

#[test]
fn the_timeouts_page_lists_fifteen_hops_with_sources_in_both_languages() {
    let site = common::real_site();
    for rel in ["timeouts/", "ko/timeouts/"] {
        let page = site.page(rel);
        let rows: Vec<_> = page.select(&sel("table.hops tbody tr")).collect();
        assert!(rows.len() >= 15, "{rel}: {} hops", rows.len());
        for row in &rows {
            let id = row.value().attr("id").expect("each hop is an anchor");
            // The note's summary carries the anchor; its sources follow it.
            let note = page
                .select(&sel(&format!("#{id}-note")))
                .next()
                .and_then(|summary| summary.parent())
                .and_then(scraper::ElementRef::wrap)
                .unwrap_or_else(|| panic!("{rel}#{id}: no note"));
            let source: Vec<_> = note
                .select(&sel(".sources a"))
                .filter_map(|a| a.value().attr("href"))
                .collect();
            assert!(
                source.len() == 1 && source[0].starts_with("https://"),
                "{rel}#{id}: no source"
            );
        }
        // Every hop with an idle limit says it in the table as a duration.
        let nginx: String = page
            .select(&sel("tr#nginx td"))
            .next()
            .expect("nginx row")
            .text()
            .collect();
        assert!(nginx.contains("60"), "{rel}: nginx idle limit {nginx:?}");
        for section in ["hops", "sees", "heartbeats"] {
            assert!(
                !texts(
                    &page,
                    &format!("section#{section} .prose, section#{section} table")
                )
                .is_empty(),
                "{rel}: section {section} is empty"
            );
        }
        let libraries = page.select(&sel("table.library-limits tbody tr")).count();
        assert!(
            libraries >= 10,
            "{rel}: {libraries} libraries with defaults"
        );
    }
    let ko = site.page("ko/timeouts/");
    assert!(
        texts(&ko, "h1")[0].contains("타임아웃"),
        "the Korean page has a Korean title"
    );
}

#[test]
fn a_code_page_answers_first_and_shows_the_advice_and_the_browser() {
    let page = common::real_site().page("1006/");
    let order: Vec<String> = page
        .select(&sel("article > section[id]"))
        .map(|s| s.value().attr("id").unwrap_or_default().to_string())
        .collect();
    let at = |id: &str| {
        order
            .iter()
            .position(|s| s == id)
            .unwrap_or_else(|| panic!("no #{id} in {order:?}"))
    };
    assert_eq!(at("fix"), 0, "how to fix it comes first: {order:?}");
    assert!(at("when") < at("description"));
    assert!(at("browser") < at("facts"));
    assert!(at("choose") < at("facts"));
    assert!(
        !texts(&page, "section#choose .prose")
            .join("")
            .trim()
            .is_empty()
    );
}

#[test]
fn korean_prose_that_uses_an_avoided_word_is_refused_where_it_stands() {
    let scratch = Scratch::of(&common::real_content());
    scratch.edit(
        "codes/1008.toml",
        "클라이언트가 서비스 규칙을 어겼는데",
        "close reason을 남기세요. `reason` 필드는 됩니다. 클라이언트가 서비스 규칙을 어겼는데",
    );
    let out = scratch.out();
    let err = closecodes::build(&scratch.options(&out, None)).expect_err("must not build");
    let message = err.to_string();
    // Line 109, column 1: where the word stands, not where the field starts.
    assert!(
        message.contains("codes/1008.toml:109:1: \"close reason\" is not the glossary's term"),
        "{message}"
    );
    assert!(
        !message.contains("\"reason\" is not"),
        "code spans are not prose: {message}"
    );
    assert!(!out.exists(), "a failed build writes nothing");
}

#[test]
fn a_generated_comparison_says_how_the_facts_differ_and_when_codes_are_rarely_confused() {
    let site = common::real_site();
    let page = site.page("1000-vs-1015/");
    let items = texts(&page, "section#differences li");
    // 1000 can be passed to close() and 1015 cannot; either side sends 1000,
    // nobody sends 1015; their reconnect advice differs.
    assert!(
        items
            .iter()
            .any(|i| i.contains("close()") && i.contains("1000") && i.contains("1015")),
        "{items:?}"
    );
    assert!(
        items.iter().any(|i| i.contains("Nobody sends 1015")),
        "{items:?}"
    );
    assert!(
        items
            .iter()
            .any(|i| i.starts_with("After 1000") && i.contains("After 1015")),
        "{items:?}"
    );
    assert!(
        !texts(&page, "section#differences .rarely").is_empty(),
        "unrelated codes are said to be rarely confused"
    );
    // 1002 and 1005 name each other as related: no such claim, and the same
    // kinds of sentences in Korean.
    let related = site.page("ko/1002-vs-1005/");
    assert!(texts(&related, "section#differences .rarely").is_empty());
    let items = texts(&related, "section#differences li");
    assert!(
        items
            .iter()
            .any(|i| i.contains("1005 코드는 아무도 보내지 않습니다")),
        "{items:?}"
    );
    // A hand-written pair keeps its own text.
    let curated = site.page("1002-vs-1008/");
    assert!(texts(&curated, "section#differences .rarely").is_empty());
}
