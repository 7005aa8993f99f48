//! Files for machines: the JSON API, plain-text pages for `curl`, the
//! sitemap with its hreflang alternates, and `robots.txt`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::catalog::{Catalog, Field};
use crate::content::{
    CodeEntry, CodeText, HopKind, LimitKind, Reconnect, ResetBy, RuleKind, Sender,
};
use crate::markdown;
use crate::pages::{self, PageKind};
use crate::render::prose::{Prose, RenderCache};
use crate::render::timeouts::duration;
use crate::strings::fill;

/// One code in `/api/codes.json`.
#[derive(Serialize)]
pub struct ApiCode<'a> {
    pub code: u16,
    pub name: &'a str,
    pub range: String,
    pub sendable: bool,
    pub close_method: bool,
    pub url: String,
    pub reference: &'a str,
    pub section: &'a str,
    pub source: &'a str,
    pub sent_by: Sender,
    pub reconnect: Reconnect,
    pub related: Vec<u16>,
    /// Library id to constant name, where the library has one.
    pub constants: BTreeMap<&'a str, &'a str>,
}

/// `/api/<code>.json`: the summary object plus the prose of every language.
#[derive(Serialize)]
struct ApiCodeDetail<'a> {
    #[serde(flatten)]
    code: ApiCode<'a>,
    text: BTreeMap<&'a str, ApiText<'a>>,
    /// Every language of the site, each field rendered as the pages show it.
    html: BTreeMap<&'a str, ApiHtml<'a>>,
}

/// One language's prose as HTML, made by the generator's Markdown renderer
/// with site links for that language. Each field falls back to the default
/// language on its own, as on the pages; empty fields are absent.
#[derive(Serialize)]
struct ApiHtml<'a> {
    /// The code's name in the language (plain text).
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<ApiProse<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<ApiProse<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    when: Option<ApiProse<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<ApiProse<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    choose: Option<ApiProse<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    browser: Option<ApiProse<'a>>,
}

/// A rendered field, and the language it is in when it is not the one it
/// was asked for (an untranslated field).
#[derive(Serialize)]
struct ApiProse<'a> {
    html: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    fallback: Option<&'a str>,
}

fn api_prose(prose: &Prose) -> Option<ApiProse<'_>> {
    (!prose.is_empty()).then(|| ApiProse {
        html: &prose.html,
        fallback: prose.fallback_lang.as_deref(),
    })
}

/// One language's prose, as Markdown. Untranslated fields are absent.
#[derive(Serialize)]
struct ApiText<'a> {
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    when: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    choose: Option<&'a str>,
}

fn api_code<'a>(catalog: &Catalog<'a>, entry: &'a CodeEntry) -> ApiCode<'a> {
    let code = entry.number();
    let (start, end) = pages::range_of(code).unwrap_or(pages::RANGES[3]);
    let urls = catalog.urls();
    ApiCode {
        code,
        name: entry.name(),
        range: format!("{start}-{end}"),
        sendable: entry.sendable,
        close_method: entry.close_method,
        url: urls.absolute(&urls.code(catalog.default_lang(), code)),
        reference: &entry.reference,
        section: &entry.section,
        source: entry.source_url(),
        sent_by: entry.sent_by,
        reconnect: entry.reconnect,
        related: entry.related().collect(),
        constants: catalog
            .libraries()
            .iter()
            .filter_map(|lib| Some((lib.id(), lib.constant_name(code)?)))
            .collect(),
    }
}

/// `/api/codes.json`.
#[derive(Serialize)]
struct ApiCodes {
    /// Each code's object with its keys sorted, as first published.
    codes: Vec<serde_json::Value>,
}

/// `/api/codes.json`.
pub fn codes_json(catalog: &Catalog) -> String {
    json(&ApiCodes {
        codes: catalog
            .codes()
            .values()
            .map(|e| serde_json::to_value(api_code(catalog, e)).expect("JSON of plain data"))
            .collect(),
    })
}

/// `/api/<code>.json`.
pub fn code_json(catalog: &Catalog, cache: &RenderCache, entry: &CodeEntry) -> String {
    let code = entry.number();
    let urls = catalog.urls();
    let text = entry
        .text
        .get_ref()
        .iter()
        .map(|(lang, t)| {
            let t = t.get_ref();
            (
                lang.as_str(),
                ApiText {
                    url: urls.absolute(&urls.code(lang, code)),
                    name: field(&t.name),
                    summary: field(&t.summary),
                    description: field(&t.description),
                    when: field(&t.when),
                    fix: field(&t.fix),
                    choose: field(&t.choose),
                },
            )
        })
        .collect();
    let html = catalog
        .languages()
        .iter()
        .map(|language| {
            let prose = cache.code(code, language.code);
            (
                language.code,
                ApiHtml {
                    name: entry.local_name(language.code),
                    summary: api_prose(&prose.summary),
                    description: api_prose(&prose.description),
                    when: api_prose(&prose.when),
                    fix: api_prose(&prose.fix),
                    choose: api_prose(&prose.choose),
                    browser: api_prose(&prose.browser),
                },
            )
        })
        .collect();
    json(&ApiCodeDetail {
        code: api_code(catalog, entry),
        text,
        html,
    })
}

fn field(value: &Option<toml::Spanned<String>>) -> Option<&str> {
    value.as_ref().map(|s| s.get_ref().as_str())
}

fn json(value: &impl Serialize) -> String {
    // Plain structs with string keys: serialising cannot fail.
    let mut out = serde_json::to_string_pretty(value).expect("JSON of plain data");
    out.push('\n');
    out
}

/// `/api/timeouts.json`: the hops of `/timeouts/` and the libraries'
/// defaults, with their sources. Times in seconds, sizes in bytes.
#[derive(Serialize)]
struct ApiTimeouts<'a> {
    url: String,
    hops: Vec<ApiHop<'a>>,
    libraries: Vec<ApiLibraryLimits<'a>>,
}

#[derive(Serialize)]
struct ApiHop<'a> {
    id: &'a str,
    name: &'a str,
    kind: HopKind,
    idle: Option<u32>,
    lifetime: Option<u32>,
    setting: Option<&'a str>,
    reset_by: Option<ResetBy>,
    source: &'a str,
    verified: &'a str,
}

#[derive(Serialize)]
struct ApiLibraryLimits<'a> {
    id: &'a str,
    name: &'a str,
    verified: &'a str,
    limits: Vec<ApiLimit<'a>>,
}

#[derive(Serialize)]
struct ApiLimit<'a> {
    kind: LimitKind,
    value: u64,
    setting: Option<&'a str>,
    code: Option<u16>,
    source: &'a str,
}

/// `/api/timeouts.json`, when the site has a timeouts page.
pub fn timeouts_json(catalog: &Catalog) -> Option<String> {
    let file = &catalog.content().timeouts.as_ref()?.value;
    let urls = catalog.urls();
    Some(json(&ApiTimeouts {
        url: urls.absolute(&urls.page(catalog.default_lang(), PageKind::Timeouts)),
        hops: file
            .hop
            .iter()
            .map(|hop| ApiHop {
                id: hop.id.get_ref(),
                name: &hop.name,
                kind: hop.kind,
                idle: hop.idle,
                lifetime: hop.lifetime,
                setting: hop.setting.as_deref(),
                reset_by: hop.reset_by,
                source: hop.source.get_ref(),
                verified: &hop.verified,
            })
            .collect(),
        libraries: catalog
            .libraries()
            .iter()
            .filter(|l| !l.limit.is_empty())
            .map(|l| ApiLibraryLimits {
                id: l.id(),
                name: &l.name,
                verified: l.verified(),
                limits: l
                    .limit
                    .iter()
                    .map(|limit| ApiLimit {
                        kind: limit.kind,
                        value: limit.value,
                        setting: limit.setting.as_deref(),
                        code: limit.code.as_ref().map(|c| *c.get_ref()),
                        source: limit.source.get_ref(),
                    })
                    .collect(),
            })
            .collect(),
    }))
}

/// `/<code>.txt`: the code's page in the default language as plain text.
pub fn code_text(catalog: &Catalog, entry: &CodeEntry) -> String {
    let lang = catalog.default_lang();
    let t = catalog.default_language().strings;
    let code = entry.number();
    let texts = entry.text.get_ref();
    let field = |pick: Field<CodeText>| {
        catalog
            .text(texts, lang, pick)
            .map(|t| t.text.trim().to_string())
            .unwrap_or_default()
    };
    let mut out = String::new();
    let _ = writeln!(out, "{code} {}\n", entry.name());
    let _ = writeln!(
        out,
        "{}\n",
        markdown::to_plain(&field(|t| t.summary.as_ref()))
    );
    for (heading, text) in [
        (&t.headings.description, field(|t| t.description.as_ref())),
        (&t.headings.when, field(|t| t.when.as_ref())),
        (&t.headings.fix, field(|t| t.fix.as_ref())),
    ] {
        let _ = writeln!(
            out,
            "{heading}\n{}\n\n{text}\n",
            "-".repeat(heading.chars().count()),
        );
    }
    let _ = writeln!(out, "{}: {}", t.nav.sources, entry.source_url());
    let urls = catalog.urls();
    let _ = writeln!(out, "{}", urls.absolute(&urls.code(lang, code)));
    out
}

/// `sitemap.xml` with an `xhtml:link` alternate per language and `x-default`.
pub fn sitemap(catalog: &Catalog, kinds: &[PageKind]) -> String {
    let urls = catalog.urls();
    let rel = |kind: PageKind, lang: &str| urls.page(lang, kind);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for &kind in kinds {
        for language in catalog.languages() {
            let _ = writeln!(
                out,
                "<url><loc>{}</loc>",
                urls.absolute(&rel(kind, language.code))
            );
            for alt in catalog.languages() {
                let _ = writeln!(
                    out,
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    alt.code,
                    urls.absolute(&rel(kind, alt.code))
                );
            }
            let _ = writeln!(
                out,
                "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n</url>",
                urls.absolute(&rel(kind, catalog.default_lang()))
            );
        }
    }
    out.push_str("</urlset>\n");
    out
}

pub fn robots(catalog: &Catalog) -> String {
    format!(
        "User-agent: *\nAllow: /\nSitemap: {}\n",
        catalog.urls().absolute("sitemap.xml")
    )
}

/// The lookup's data, the contract with `static/site.js`. Fields are in
/// alphabetical order, as the page has always carried them.
#[derive(Serialize)]
struct LookupData<'a> {
    /// The anchors of a code page: `1008#fix` lands on the section.
    anchors: [&'static str; 3],
    codes: Vec<LookupCode<'a>>,
    languages: Vec<&'a str>,
    #[serde(rename = "noResults")]
    no_results: &'a str,
    /// The language's path prefix: `""` or `"ko/"`.
    prefix: String,
    ranges: Vec<LookupRange<'a>>,
    #[serde(rename = "resultsLabel")]
    results_label: &'a str,
    /// The box's words: the empty state, the not-sure state, the count.
    text: &'a crate::strings::LookupStrings,
    /// How to read texts that name no code (`lookup.toml`).
    rules: Vec<LookupRuleData<'a>>,
    /// Each library's release and its names for codes, by id.
    libraries: BTreeMap<&'a str, LookupLibrary<'a>>,
    /// Why a result is offered, by kind of match.
    why: &'a crate::strings::WhyStrings,
    /// Headings for a comparison the 404 page puts together from `/api/`.
    compare: LookupCompare<'a>,
    /// `/timeouts/` and its hops, for texts that name a duration.
    #[serde(skip_serializing_if = "Option::is_none")]
    timeouts: Option<LookupTimeouts<'a>>,
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
struct LookupMessage<'a> {
    text: &'a str,
    /// The library that prints it, with its release.
    library: String,
}

#[derive(Serialize)]
struct LookupRange<'a> {
    end: u16,
    start: u16,
    title: &'a str,
}

/// The lookup's data for pages in `lang`, as JSON safe to put inside a
/// `<script type="application/json">` element.
pub fn lookup_json(catalog: &Catalog, lang: &str) -> String {
    let language = catalog.language(lang);
    let urls = catalog.urls();
    let codes = catalog
        .codes()
        .values()
        .map(|entry| {
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
                name: entry.name(),
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
                                format!(
                                    "{} {}",
                                    l.short_name(),
                                    m.verified.as_ref().map_or("", |v| v.get_ref())
                                )
                            },
                        ),
                    })
                    .collect(),
            }
        })
        .collect();
    let ranges = catalog
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
        .collect();
    let data = LookupData {
        languages: catalog.languages().iter().map(|l| l.code).collect(),
        prefix: urls.lang_prefix(lang),
        anchors: pages::CODE_ANCHORS,
        no_results: &language.strings.lookup.no_results,
        results_label: &language.strings.lookup.results,
        text: &language.strings.lookup,
        ranges,
        codes,
        rules: lookup_rules(catalog, lang),
        libraries: catalog
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
            .collect(),
        why: &language.strings.lookup_why,
        compare: {
            let t = language.strings;
            LookupCompare {
                title: &t.compare.title,
                heading: &t.compare.heading,
                fallback: &t.fallback.notice,
                differences: &t.headings.differences,
                which: &t.headings.which,
                description: &t.headings.description,
                when: &t.headings.when,
                fix: &t.headings.fix,
                generated: &t.not_found.generated,
            }
        },
        timeouts: catalog
            .content()
            .timeouts
            .as_ref()
            .map(|loaded| LookupTimeouts {
                url: urls.href(&urls.page(lang, PageKind::Timeouts)),
                title: catalog
                    .text(loaded.value.text.get_ref(), lang, |t| t.title.as_ref())
                    .map(|t| t.text)
                    .unwrap_or_default(),
                heartbeats: language
                    .strings
                    .timeouts
                    .as_ref()
                    .map_or("", |w| w.heartbeats.as_str()),
                hops: loaded
                    .value
                    .hop
                    .iter()
                    .map(|hop| LookupHop {
                        id: hop.id.get_ref(),
                        name: &hop.name,
                        idle: hop.idle,
                        lifetime: hop.lifetime,
                        setting: hop.setting.as_deref(),
                        facts: hop_facts(
                            language.strings,
                            hop.idle,
                            hop.lifetime,
                            hop.setting.as_deref(),
                        ),
                    })
                    .collect(),
            }),
    };
    script_safe(&serde_json::to_string(&data).expect("JSON of plain data"))
}

/// "60 s idle · proxy_read_timeout", in the page's words.
fn hop_facts(
    t: &crate::strings::Strings,
    idle: Option<u32>,
    lifetime: Option<u32>,
    setting: Option<&str>,
) -> String {
    let Some(words) = &t.timeouts else {
        return setting.unwrap_or_default().to_string();
    };
    let time = |pattern: &str, seconds: u32| {
        fill(pattern, &[("duration", &duration(words, seconds.into()))])
    };
    idle.map(|s| time(&t.lookup.idle, s))
        .into_iter()
        .chain(lifetime.map(|s| time(&t.lookup.lifetime, s)))
        .chain(setting.map(str::to_string))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn lookup_rules<'a>(catalog: &Catalog<'a>, lang: &str) -> Vec<LookupRuleData<'a>> {
    let Some(loaded) = &catalog.content().lookup else {
        return Vec::new();
    };
    let urls = catalog.urls();
    loaded
        .value
        .rule
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

/// Makes JSON safe inside a `<script>` element: no `</script>` or `<!--` can
/// end or confuse it.
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
