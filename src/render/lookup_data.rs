//! The lookup's data, the contract with `static/site.js`: every code with
//! its names, constants and known log lines, the ranges, the rules of
//! `lookup.toml`, the libraries' names for codes and the hops of
//! `/timeouts/`, per language. The index and the 404 page carry it inline;
//! other pages load `lookup.json` when the search box is first used.

use std::collections::BTreeMap;

use serde::Serialize;

use super::api::script_safe;
use crate::content::{CodeEntry, CodeText, RuleKind};
use crate::load::pattern::{Duration, Pattern};
use crate::model::catalog::Catalog;
use crate::model::catalog::Field;
use crate::model::pages::{self, PageKind};
use crate::render::timeouts::duration;
use crate::text::markdown;

/// The lookup's data, the contract with `static/site.js`. Fields are in
/// alphabetical order, as the page has always carried them.
#[derive(Serialize)]
struct LookupData<'a> {
    /// The anchors of a code page: `1008#fix` lands on the section.
    anchors: [&'static str; 3],
    codes: Vec<LookupCode<'a>>,
    languages: Vec<&'a str>,
    /// The language's path prefix: `""` or `"ko/"`.
    prefix: String,
    ranges: Vec<LookupRange<'a>>,
    #[serde(rename = "resultsLabel")]
    results_label: &'a str,
    /// The box's words: the empty state, the not-sure state, the count.
    text: &'a crate::load::strings::LookupStrings,
    /// How to read texts that name no code (`lookup.toml`).
    rules: Vec<LookupRuleData<'a>>,
    /// Each library's release and its names for codes, by id.
    libraries: BTreeMap<&'a str, LookupLibrary<'a>>,
    /// Why a result is offered, by kind of match.
    why: &'a crate::load::strings::WhyStrings,
    /// Headings for a comparison the 404 page puts together from `/api/`.
    compare: LookupCompare<'a>,
    /// `/timeouts/` and its hops, for texts that name a duration.
    #[serde(skip_serializing_if = "Option::is_none")]
    timeouts: Option<LookupTimeouts<'a>>,
    /// Numbers that only protocols define, each with its page.
    numbers: Vec<super::lookup_protocols::LookupNumber>,
    /// The protocols, for texts that show which one closed the connection.
    protocols: Vec<super::lookup_protocols::LookupProtocol<'a>>,
}

#[derive(Serialize)]
struct LookupCompare<'a> {
    title: &'a str,
    /// The page's heading: `{a} {a_name} vs {b} {b_name}`.
    heading: &'a str,
    /// Said above a field shown in the default language.
    fallback: &'a str,
    differences: &'a str,
    which: &'a str,
    description: &'a str,
    when: &'a str,
    fix: &'a str,
    generated: &'a str,
}

#[derive(Serialize)]
struct LookupTimeouts<'a> {
    url: String,
    title: &'a str,
    /// The heading of the page's section `#heartbeats`.
    heartbeats: &'a str,
    hops: Vec<LookupHop<'a>>,
}

#[derive(Serialize)]
struct LookupHop<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    idle: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lifetime: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    setting: Option<&'a str>,
    /// What the page's table says of it, in one line: "60 s idle ·
    /// proxy_read_timeout".
    facts: String,
}

#[derive(Serialize)]
struct LookupRuleData<'a> {
    kind: RuleKind,
    /// The pattern, for `new RegExp(re, cs ? "" : "i")`.
    re: &'a str,
    cs: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<u16>,
    /// The range page's path, when a range answers the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    range: Option<String>,
    libraries: Vec<&'a str>,
    /// Any networked program prints such a text: only a candidate unless
    /// the text shows a WebSocket.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    generic: bool,
}

#[derive(Serialize)]
struct LookupLibrary<'a> {
    /// Name and release, as the explanation shows it: "ws 8.23.0".
    label: String,
    /// Constant name to code.
    names: BTreeMap<&'a str, u16>,
}

#[derive(Serialize)]
struct LookupCode<'a> {
    code: u16,
    /// The name, every library's constant and the localized names first,
    /// then the summaries.
    keywords: Vec<String>,
    /// Real log lines that point at the code.
    messages: Vec<LookupMessage<'a>>,
    name: &'a str,
    /// The sections of its page, in order: `browser` holds what a page sees
    /// before `open`.
    sections: Vec<&'static str>,
    /// May a Close frame carry it? A received one that may not is a 1002.
    sendable: bool,
    /// How many of `keywords` are strong: a match on one is a match on the code.
    strong: usize,
    summary: String,
    url: String,
}

#[derive(Serialize)]
pub(super) struct LookupMessage<'a> {
    pub(super) text: &'a str,
    /// The library that prints it, with its release.
    pub(super) library: String,
}

#[derive(Serialize)]
struct LookupRange<'a> {
    end: u16,
    start: u16,
    title: &'a str,
}

/// The lookup's data for pages in `lang`, as JSON safe to put inside a
/// `<script type="application/json">` element.
pub(crate) fn lookup_json(catalog: &Catalog, lang: &str) -> String {
    let language = catalog.language(lang);
    let urls = catalog.urls();
    let t = language.strings;
    let data = LookupData {
        languages: catalog.languages().iter().map(|l| l.code).collect(),
        prefix: urls.lang_prefix(lang),
        anchors: pages::CODE_ANCHORS,
        results_label: &t.lookup.results,
        text: &t.lookup,
        ranges: lookup_ranges(catalog, lang),
        codes: catalog
            .codes()
            .values()
            .map(|entry| lookup_code(catalog, entry, lang))
            .collect(),
        rules: lookup_rules(catalog, lang),
        libraries: lookup_libraries(catalog),
        why: &t.lookup_why,
        compare: LookupCompare {
            title: t.compare.title.as_str(),
            heading: t.compare.heading.as_str(),
            fallback: &t.fallback.notice,
            differences: &t.headings.differences,
            which: &t.headings.which,
            description: &t.headings.description,
            when: &t.headings.when,
            fix: &t.headings.fix,
            generated: &t.not_found.generated,
        },
        timeouts: lookup_timeouts(catalog, lang),
        numbers: super::lookup_protocols::numbers(catalog, lang),
        protocols: super::lookup_protocols::protocols(catalog, lang),
    };
    script_safe(&serde_json::to_string(&data).expect("JSON of plain data"))
}

/// A code with everything a text may call it by: its names and constants
/// (strong), its summaries, and the real log lines that point at it.
fn lookup_code<'a>(catalog: &Catalog<'a>, entry: &'a CodeEntry, lang: &str) -> LookupCode<'a> {
    let urls = catalog.urls();
    let code = entry.number();
    let texts = entry.text.get_ref();
    let mut keywords = vec![entry.name().to_string()];
    keywords.extend(catalog.libraries().iter().filter_map(|l| l.constant(code)));
    keywords.extend(
        texts
            .values()
            .filter_map(|t| t.get_ref().name.as_ref().map(|n| n.get_ref().clone())),
    );
    let strong = keywords.len();
    keywords.extend(texts.values().filter_map(|t| {
        t.get_ref()
            .summary
            .as_ref()
            .map(|s| markdown::to_plain(s.get_ref()))
    }));
    let has = |pick: Field<CodeText>| catalog.text(texts, lang, pick).is_some();
    let sections = [
        ("fix", true),
        ("when", true),
        ("browser", has(|t| t.browser.as_ref())),
        ("description", true),
        ("choose", has(|t| t.choose.as_ref())),
    ]
    .into_iter()
    .filter_map(|(id, shown)| shown.then_some(id))
    .collect();
    LookupCode {
        code,
        name: entry.local_name(lang),
        sections,
        url: urls.href(&urls.code(lang, code)),
        summary: catalog
            .text(texts, lang, |t| t.summary.as_ref())
            .map(|t| markdown::to_plain(t.text))
            .unwrap_or_default(),
        keywords,
        sendable: entry.sendable,
        strong,
        messages: catalog
            .messages_for(code)
            .map(|m| LookupMessage {
                text: m.text.as_str(),
                library: catalog.library(m.library.get_ref()).map_or_else(
                    || m.library.get_ref().clone(),
                    |l| {
                        let release = m.verified.as_ref().map_or("", |v| v.get_ref());
                        format!("{} {release}", l.short_name())
                    },
                ),
            })
            .collect(),
    }
}

fn lookup_ranges<'a>(catalog: &Catalog<'a>, lang: &str) -> Vec<LookupRange<'a>> {
    catalog
        .ranges()
        .iter()
        .map(|(&(start, end), entry)| LookupRange {
            start,
            end,
            title: catalog
                .text(entry.text.get_ref(), lang, |t| t.title.as_ref())
                .map(|t| t.text)
                .unwrap_or_default(),
        })
        .collect()
}

/// Each library's release and its names for codes, by id.
fn lookup_libraries<'a>(catalog: &Catalog<'a>) -> BTreeMap<&'a str, LookupLibrary<'a>> {
    catalog
        .libraries()
        .iter()
        .map(|library| {
            let names = library
                .constants
                .iter()
                .filter_map(|(code, name)| Some((name.get_ref().as_str(), code.parse().ok()?)))
                .collect();
            let label = format!("{} {}", library.short_name(), library.verified());
            (library.id(), LookupLibrary { label, names })
        })
        .collect()
}

/// `/timeouts/` and its hops, for texts that name a duration.
fn lookup_timeouts<'a>(catalog: &Catalog<'a>, lang: &str) -> Option<LookupTimeouts<'a>> {
    let file = catalog.timeouts()?;
    let urls = catalog.urls();
    let t = catalog.language(lang).strings;
    Some(LookupTimeouts {
        heartbeats: t.timeouts.as_ref().map_or("", |w| w.heartbeats.as_str()),
        url: urls.href(&urls.page(lang, PageKind::Timeouts)),
        title: catalog
            .text(file.text.get_ref(), lang, |t| t.title.as_ref())
            .map(|t| t.text)
            .unwrap_or_default(),
        hops: file
            .hop
            .iter()
            .map(|hop| LookupHop {
                id: hop.id.get_ref(),
                name: &hop.name,
                idle: hop.idle,
                lifetime: hop.lifetime,
                setting: hop.setting.as_deref(),
                facts: hop_facts(t, hop.idle, hop.lifetime, hop.setting.as_deref()),
            })
            .collect(),
    })
}

/// "60 s idle · proxy_read_timeout", in the page's words; a limit the
/// source says there is none of (0) is left out.
fn hop_facts(
    t: &crate::load::strings::Strings,
    idle: Option<u32>,
    lifetime: Option<u32>,
    setting: Option<&str>,
) -> String {
    let Some(words) = &t.timeouts else {
        return setting.unwrap_or_default().to_string();
    };
    let time = |pattern: &Pattern<Duration<'static>>, seconds: u32| {
        pattern.fill(&Duration {
            duration: &duration(words, seconds.into()),
        })
    };
    idle.filter(|&s| s > 0)
        .map(|s| time(&t.lookup.idle, s))
        .into_iter()
        .chain(
            lifetime
                .filter(|&s| s > 0)
                .map(|s| time(&t.lookup.lifetime, s)),
        )
        .chain(setting.map(str::to_string))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn lookup_rules<'a>(catalog: &Catalog<'a>, lang: &str) -> Vec<LookupRuleData<'a>> {
    let urls = catalog.urls();
    catalog
        .lookup_rules()
        .iter()
        .map(|rule| LookupRuleData {
            kind: rule.kind,
            re: rule.pattern.get_ref(),
            cs: rule.case_sensitive,
            code: rule.code.as_ref().map(|c| *c.get_ref()),
            range: rule.range.as_ref().and_then(|r| {
                let (start, end) = r.get_ref().split_once('-')?;
                Some(urls.href(&urls.page(
                    lang,
                    PageKind::Range(start.parse().ok()?, end.parse().ok()?),
                )))
            }),
            libraries: rule
                .libraries
                .iter()
                .map(|l| l.get_ref().as_str())
                .collect(),
            generic: rule.generic,
        })
        .collect()
}
