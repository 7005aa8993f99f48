//! Files for machines: the JSON API, plain-text pages for `curl`, the
//! sitemap with its hreflang alternates, and `robots.txt`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::content::{CodeEntry, CodeText, HopKind, LimitKind, Reconnect, ResetBy, Sender};
use crate::model::catalog::{Catalog, Field};
use crate::model::pages::PageKind;
use crate::model::ranges;
use crate::render::prose::{Prose, RenderCache};
use crate::text::markdown;

/// One code in `/api/codes.json`.
#[derive(Serialize)]
pub(crate) struct ApiCode<'a> {
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
    let (start, end) = ranges::range_of(code).unwrap_or(ranges::RANGES[3]);
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
pub(crate) fn codes_json(catalog: &Catalog) -> String {
    json(&ApiCodes {
        codes: catalog
            .codes()
            .values()
            .map(|e| serde_json::to_value(api_code(catalog, e)).expect("JSON of plain data"))
            .collect(),
    })
}

/// `/api/<code>.json`.
pub(crate) fn code_json(catalog: &Catalog, cache: &RenderCache, entry: &CodeEntry) -> String {
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
            let html = ApiHtml {
                name: entry.local_name(language.code),
                summary: api_prose(&prose.summary),
                description: api_prose(&prose.description),
                when: api_prose(&prose.when),
                fix: api_prose(&prose.fix),
                choose: api_prose(&prose.choose),
                browser: api_prose(&prose.browser),
            };
            (language.code, html)
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

pub(super) fn json(value: &impl Serialize) -> String {
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
pub(crate) fn timeouts_json(catalog: &Catalog) -> Option<String> {
    let file = catalog.timeouts()?;
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
pub(crate) fn code_text(catalog: &Catalog, entry: &CodeEntry) -> String {
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
pub(crate) fn sitemap(catalog: &Catalog, kinds: &[PageKind]) -> String {
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

pub(crate) fn robots(catalog: &Catalog) -> String {
    format!(
        "User-agent: *\nAllow: /\nSitemap: {}\n",
        catalog.urls().absolute("sitemap.xml")
    )
}

/// Makes JSON safe inside a `<script>` element: no `</script>` or `<!--` can
/// end or confuse it.
pub(crate) fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
