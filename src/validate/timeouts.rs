//! Rules for `timeouts.toml`, the libraries' limits and `glossary.toml`:
//! hops have unique anchors and https sources, every language has the
//! page's words, limits name codes with pages, and Korean prose keeps to the
//! glossary's terms.

use std::collections::BTreeSet;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::error::Problem;
use crate::model::catalog::Catalog;

use super::{external_source, value_start};

pub(super) fn check(catalog: &Catalog, problems: &mut Vec<Problem>) {
    if let Some(loaded) = &catalog.content().timeouts {
        let file = &loaded.file;
        for language in catalog.languages() {
            if language.strings.timeouts.is_none() {
                problems.push(
                    file.problem(0..0, format!("i18n/{}.toml has no [timeouts] table", language.code))
                        .with_hint("the /timeouts/ page needs its words in every language; copy the table from i18n/en.toml"),
                );
            }
        }
        let mut ids = BTreeSet::new();
        for hop in &loaded.value.hop {
            let id = hop.id.get_ref();
            let kebab = !id.is_empty()
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !kebab {
                problems.push(file.problem(
                    hop.id.span(),
                    format!("hop id \"{id}\" is not kebab-case: it is an anchor"),
                ));
            }
            if !ids.insert(id.as_str()) {
                problems
                    .push(file.problem(hop.id.span(), format!("hop id \"{id}\" is used twice")));
            }
            external_source(file, &hop.source, problems);
        }
    }
    if let Some(loaded) = &catalog.content().libraries {
        for library in &loaded.value.library {
            for limit in &library.limit {
                external_source(&loaded.file, &limit.source, problems);
                if let Some(code) = &limit.code
                    && !catalog.codes().contains_key(code.get_ref())
                {
                    problems.push(
                        loaded
                            .file
                            .problem(code.span(), format!("code {} has no page", code.get_ref())),
                    );
                }
            }
        }
    }
}

/// Korean prose uses the glossary's terms: an `avoid` word outside code is
/// reported where it stands. Words match as written, so a product's name
/// ("Application Load Balancer") is not the generic term ("load balancer").
pub(super) fn check_glossary(catalog: &Catalog, problems: &mut Vec<Problem>) {
    let content = catalog.content();
    let Some(glossary) = &content.glossary else {
        return;
    };
    let avoid: Vec<String> = glossary
        .value
        .term
        .iter()
        .flat_map(|t| &t.avoid)
        .map(|w| w.get_ref().clone())
        .collect();
    for (file, field) in content.prose_where(|lang| lang == "ko") {
        let start = value_start(file, field);
        for (range, text) in prose_words(field.get_ref()) {
            // The longest avoided phrase wins: "close reason", not "reason" in it.
            let mut found: Vec<(usize, &str)> = avoid
                .iter()
                .filter_map(|word| Some((find_word(text, word)?, word.as_str())))
                .collect();
            found.sort_by_key(|(at, word)| (std::cmp::Reverse(word.len()), *at));
            let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
            for (at, word) in found {
                let span = at..at + word.len();
                if taken
                    .iter()
                    .any(|t| t.start < span.end && span.start < t.end)
                {
                    continue;
                }
                taken.push(span);
                let from = start + range.start + at;
                problems.push(
                    file.problem(
                        from..from + word.len(),
                        format!("\"{word}\" is not the glossary's term"),
                    )
                    .with_hint("glossary.toml names the term Korean prose uses instead"),
                );
            }
        }
    }
}

/// The text of a Markdown field outside code spans, code blocks and link
/// targets, with its byte range in the field.
fn prose_words(markdown: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut in_code = false;
    for (event, range) in Parser::new(markdown).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(_) if !in_code => out.push((range.clone(), &markdown[range])),
            _ => {}
        }
    }
    out
}

/// Where `word` stands as a whole word (ASCII words need a boundary; Korean
/// phrases are matched as they are).
fn find_word(text: &str, word: &str) -> Option<usize> {
    let ascii = word.is_ascii();
    text.match_indices(word).map(|(at, _)| at).find(|&at| {
        if !ascii {
            return true;
        }
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_ascii_alphanumeric() && c != '_');
        boundary(before) && boundary(after)
    })
}
