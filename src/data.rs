//! Files for machines: the JSON API, plain-text pages for `curl`, the
//! sitemap with its hreflang alternates, and `robots.txt`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::catalog::Catalog;
use crate::content::{CodeEntry, Reconnect, Sender};
use crate::markdown;
use crate::pages::{self, PageKind};

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
}

impl Serialize for Sender {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(match self {
            Sender::Either => "either",
            Sender::Server => "server",
            Sender::Client => "client",
            Sender::Library => "library",
            Sender::Gateway => "gateway",
            Sender::Nobody => "nobody",
        })
    }
}

impl Serialize for Reconnect {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(match self {
            Reconnect::No => "no",
            Reconnect::Yes => "yes",
            Reconnect::Backoff => "backoff",
            Reconnect::AfterFix => "after-fix",
        })
    }
}

pub fn api_code<'a>(catalog: &Catalog<'a>, entry: &'a CodeEntry) -> ApiCode<'a> {
    let code = *entry.code.get_ref();
    let (start, end) = pages::range_of(code).unwrap_or(pages::RANGES[3]);
    let key = code.to_string();
    ApiCode {
        code,
        name: entry.name.get_ref(),
        range: format!("{start}-{end}"),
        sendable: entry.sendable,
        close_method: entry.close_method,
        url: catalog
            .urls
            .absolute(&catalog.urls.code(catalog.default_lang(), code)),
        reference: &entry.reference,
        section: &entry.section,
        source: entry.source.get_ref(),
        sent_by: entry.sent_by,
        reconnect: entry.reconnect,
        related: entry.related.iter().map(|r| *r.get_ref()).collect(),
        constants: catalog
            .libraries
            .iter()
            .filter_map(|lib| {
                let name = lib.constants.get(&key)?;
                Some((lib.id.get_ref().as_str(), name.get_ref().as_str()))
            })
            .collect(),
    }
}

/// `/api/codes.json`.
pub fn codes_json(catalog: &Catalog) -> String {
    let codes: Vec<ApiCode> = catalog
        .codes
        .values()
        .map(|e| api_code(catalog, e))
        .collect();
    json(&serde_json::json!({ "codes": codes }))
}

/// `/api/<code>.json`.
pub fn code_json(catalog: &Catalog, entry: &CodeEntry) -> String {
    let code = *entry.code.get_ref();
    let text = entry
        .text
        .get_ref()
        .iter()
        .map(|(lang, t)| {
            let t = t.get_ref();
            (
                lang.as_str(),
                ApiText {
                    url: catalog.urls.absolute(&catalog.urls.code(lang, code)),
                    name: field(&t.name),
                    summary: field(&t.summary),
                    description: field(&t.description),
                    when: field(&t.when),
                    fix: field(&t.fix),
                },
            )
        })
        .collect();
    json(&ApiCodeDetail {
        code: api_code(catalog, entry),
        text,
    })
}

fn field(value: &Option<toml::Spanned<String>>) -> Option<&str> {
    value.as_ref().map(|s| s.get_ref().as_str())
}

fn json(value: &impl Serialize) -> String {
    let mut out = serde_json::to_string_pretty(value).unwrap_or_default();
    out.push('\n');
    out
}

/// `/<code>.txt`: the code's page in the default language as plain text.
pub fn code_text(catalog: &Catalog, entry: &CodeEntry) -> String {
    let lang = catalog.default_lang();
    let t = catalog.languages[0].strings;
    let code = *entry.code.get_ref();
    let texts = entry.text.get_ref();
    let field = |name| {
        catalog
            .text(texts, lang, name)
            .map(|t| t.text.trim().to_string())
            .unwrap_or_default()
    };
    let mut out = String::new();
    let _ = writeln!(out, "{code} {}\n", entry.name.get_ref());
    let _ = writeln!(out, "{}\n", markdown::to_plain(&field("summary")));
    for (heading, name) in [
        (&t.headings.description, "description"),
        (&t.headings.when, "when"),
        (&t.headings.fix, "fix"),
    ] {
        let _ = writeln!(
            out,
            "{heading}\n{}\n\n{}\n",
            "-".repeat(heading.chars().count()),
            field(name)
        );
    }
    let _ = writeln!(out, "{}: {}", t.nav.sources, entry.source.get_ref());
    let _ = writeln!(
        out,
        "{}",
        catalog.urls.absolute(&catalog.urls.code(lang, code))
    );
    out
}

/// `sitemap.xml` with an `xhtml:link` alternate per language and `x-default`.
pub fn sitemap(catalog: &Catalog, kinds: &[PageKind]) -> String {
    let urls = &catalog.urls;
    let rel = |kind: PageKind, lang: &str| urls.page(lang, kind);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for &kind in kinds {
        for language in &catalog.languages {
            let _ = writeln!(
                out,
                "<url><loc>{}</loc>",
                urls.absolute(&rel(kind, language.code))
            );
            for alt in &catalog.languages {
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
        catalog.urls.absolute("sitemap.xml")
    )
}

/// The lookup's data for pages in `lang`, as JSON safe to put inside a
/// `<script type="application/json">` element.
pub fn lookup_json(catalog: &Catalog, lang: &str) -> String {
    let language = catalog
        .languages
        .iter()
        .find(|l| l.code == lang)
        .unwrap_or(&catalog.languages[0]);
    let urls = &catalog.urls;
    let plain = |texts, name| {
        catalog
            .text(texts, lang, name)
            .map(|t| markdown::to_plain(t.text))
            .unwrap_or_default()
    };
    let codes: Vec<serde_json::Value> = catalog
        .codes
        .values()
        .map(|entry| {
            let code = *entry.code.get_ref();
            let key = code.to_string();
            let texts = entry.text.get_ref();
            // Strong keywords first: the name and the constants of every library.
            let mut keywords = vec![entry.name.get_ref().clone()];
            for library in &catalog.libraries {
                if let Some(name) = library.constants.get(&key) {
                    keywords.push(library.symbol.replace("{name}", name.get_ref()));
                }
            }
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
            let messages: Vec<&str> = catalog
                .messages
                .iter()
                .filter(|m| *m.code.get_ref() == code)
                .map(|m| m.text.as_str())
                .collect();
            serde_json::json!({
                "code": code,
                "name": entry.name.get_ref(),
                "url": urls.href(&urls.code(lang, code)),
                "summary": plain(texts, "summary"),
                "keywords": keywords,
                "strong": strong,
                "messages": messages,
            })
        })
        .collect();
    let ranges: Vec<serde_json::Value> = catalog
        .ranges
        .iter()
        .map(|(&(start, end), entry)| {
            serde_json::json!({
                "start": start,
                "end": end,
                "title": catalog.text(entry.text.get_ref(), lang, "title").map(|t| t.text).unwrap_or_default(),
            })
        })
        .collect();
    let value = serde_json::json!({
        "languages": catalog.languages.iter().map(|l| l.code).collect::<Vec<_>>(),
        "prefix": urls.lang_prefix(lang),
        "anchors": pages::CODE_ANCHORS,
        "noResults": language.strings.lookup.no_results,
        "resultsLabel": language.strings.lookup.results,
        "ranges": ranges,
        "codes": codes,
    });
    script_safe(&serde_json::to_string(&value).unwrap_or_default())
}

/// Makes JSON safe inside a `<script>` element: no `</script>` or `<!--` can
/// end or confuse it.
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
