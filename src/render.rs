//! Stage 3, render: one askama struct per page kind, built from the catalog
//! and the shared prose. Templates are compiled into the binary and hold no
//! human-language text: every word comes from the language's strings.

use askama::Template;

use crate::catalog::{Catalog, Language};
use crate::content::CodeEntry;
use crate::examples::CodeExamples;
use crate::layout::{Layout, Link};
use crate::pages::{self, PageKind};
use crate::prose::{self, CodeProse, Prose, ProseCache};
use crate::strings::fill;

/// One row of the facts table of a code, or of two codes side by side.
#[derive(Debug)]
pub struct FactRow {
    pub label: String,
    pub values: Vec<FactValue>,
    pub differs: bool,
    /// The row of code numbers, shown as column headings.
    pub header: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FactValue {
    pub text: String,
    pub href: Option<String>,
}

/// A code in a list: number, name, one-line summary.
#[derive(Debug)]
pub struct CodeRow<'a> {
    pub code: u16,
    pub name: &'a str,
    pub href: String,
    pub summary: &'a Prose,
}

#[derive(Template)]
#[template(path = "code.html")]
pub struct CodePage<'a> {
    pub layout: Layout<'a>,
    pub code: u16,
    pub name: &'a str,
    /// The name in the page's language, when it has one of its own.
    pub local_name: Option<&'a str>,
    pub prose: &'a CodeProse,
    pub facts: Vec<FactRow>,
    pub range: Link,
    pub related: Vec<CodeRow<'a>>,
    pub comparisons: Vec<Link>,
    pub sources: Vec<Link>,
    /// (library, where its constants are defined, the code's constant, if any)
    pub constants: Vec<(&'a str, &'a str, Option<String>)>,
    pub examples: &'a CodeExamples,
    /// Whether a browser can close with the code, so the JavaScript example
    /// is a browser's.
    pub close_method: bool,
    pub sendable: bool,
    pub close_heading: String,
    pub not_sent: String,
    /// (log line, library that prints it, where its format is)
    pub messages: Vec<(&'a str, &'a str, &'a str)>,
}

/// One code's part of a comparison page.
pub struct CompareSide<'a> {
    pub code: u16,
    pub name: &'a str,
    pub href: String,
    pub prose: &'a CodeProse,
}

#[derive(Template)]
#[template(path = "compare.html")]
pub struct ComparePage<'a> {
    pub layout: Layout<'a>,
    pub heading: String,
    pub caption: String,
    /// Hand-written intro, or the sentences generated from the facts.
    pub intro: Prose,
    pub intro_sentences: Vec<String>,
    pub facts: Vec<FactRow>,
    pub sides: [CompareSide<'a>; 2],
    /// Hand-written differences and advice, when the pair has them.
    pub differences: Prose,
    pub which: Prose,
    pub index: Link,
}

#[derive(Template)]
#[template(path = "range.html")]
pub struct RangePage<'a> {
    pub layout: Layout<'a>,
    pub heading: String,
    pub summary: Prose,
    pub body: Prose,
    /// How to pick and document codes of your own; empty for most ranges.
    pub choosing: Prose,
    pub documenting: Prose,
    pub codes: Vec<CodeRow<'a>>,
    pub source: Link,
}

/// A comparison the index features, with the two codes' names.
pub struct FeaturedPair<'a> {
    pub link: Link,
    pub names: [&'a str; 2],
}

/// A range and its codes, for the index.
pub struct RangeGroup<'a> {
    pub link: Link,
    pub summary: Prose,
    pub codes: Vec<CodeRow<'a>>,
}

/// The comparison matrix: a row per code, a cell per other code.
pub struct MatrixRow {
    pub code: u16,
    pub href: String,
    pub cells: Vec<Option<Link>>,
}

#[derive(Template)]
#[template(path = "index.html")]
pub struct IndexPage<'a> {
    pub layout: Layout<'a>,
    pub groups: Vec<RangeGroup<'a>>,
    pub columns: Vec<u16>,
    pub matrix: Vec<MatrixRow>,
    /// The pairs with a hand-written comparison.
    pub featured: Vec<FeaturedPair<'a>>,
    pub lookup_json: String,
}

#[derive(Template)]
#[template(path = "redirect.html")]
pub struct RedirectPage<'a> {
    pub layout: Layout<'a>,
    pub target: String,
}

#[derive(Template)]
#[template(path = "404.html")]
pub struct NotFoundPage<'a> {
    pub layout: Layout<'a>,
    /// The other languages' not-found text, each in its own language.
    pub others: Vec<(&'a str, &'a crate::strings::Strings)>,
    pub lookup_json: String,
}

/// Renders a page of the site in a language.
pub fn page(
    catalog: &Catalog,
    cache: &ProseCache,
    language: Language,
    kind: PageKind,
) -> askama::Result<String> {
    match kind {
        PageKind::Index => index_page(catalog, cache, language).render(),
        PageKind::Code(code) => code_page(catalog, cache, language, code).render(),
        PageKind::Compare(a, b) => compare_page(catalog, cache, language, a, b).render(),
        PageKind::Range(start, end) => range_page(catalog, cache, language, start, end).render(),
    }
}

fn rel_of<'c>(catalog: &'c Catalog<'_>, kind: PageKind) -> impl Fn(&str) -> String + 'c {
    move |lang| catalog.urls.page(lang, kind)
}

fn code_row<'a>(
    catalog: &Catalog<'a>,
    cache: &'a ProseCache,
    lang: &str,
    code: u16,
) -> CodeRow<'a> {
    let entry: &'a CodeEntry = catalog.codes[&code];
    CodeRow {
        code,
        name: entry.name.get_ref(),
        href: catalog.urls.href(&catalog.urls.code(lang, code)),
        summary: &cache.code(code, lang).summary,
    }
}

/// A code's name in `lang`'s words, or its registered name.
fn display_name<'a>(entry: &'a CodeEntry, lang: &str) -> &'a str {
    entry
        .text
        .get_ref()
        .get(lang)
        .and_then(|t| t.get_ref().name.as_ref())
        .map_or(entry.name.get_ref(), |n| n.get_ref())
}

fn range_link(catalog: &Catalog, lang: &str, code: u16) -> Link {
    let (start, end) = pages::range_of(code).unwrap_or(pages::RANGES[3]);
    Link {
        href: catalog.urls.href(&catalog.urls.range(lang, start, end)),
        label: format!("{start}-{end}"),
    }
}

/// Where a code's facts come from: its own entry's source and, for a code
/// in a registered range, the registry.
fn code_sources(catalog: &Catalog, entry: &CodeEntry) -> Vec<Link> {
    let own = source_link(&entry.reference, &entry.section, entry.source.get_ref());
    let registry: Vec<Link> = catalog
        .sources()
        .filter(|s| s.registry && *entry.code.get_ref() < 4000 && *s.url.get_ref() != own.href)
        .map(Link::from)
        .collect();
    std::iter::once(own).chain(registry).collect()
}

fn source_link(entry_reference: &str, section: &str, url: &str) -> Link {
    let label = if section.is_empty() {
        entry_reference.to_string()
    } else {
        format!("{entry_reference} {section}")
    };
    Link {
        href: url.to_string(),
        label,
    }
}

/// The facts of several codes, a row per fact, marked where they differ.
fn facts(catalog: &Catalog, language: Language, codes: &[u16]) -> Vec<FactRow> {
    let t = &language.strings.facts;
    let yes_no = |b: bool| if b { t.yes.clone() } else { t.no.clone() };
    let entries: Vec<&CodeEntry> = codes.iter().map(|c| catalog.codes[c]).collect();
    let plain = |text: String| FactValue { text, href: None };
    let rows: Vec<(&String, Vec<FactValue>)> = vec![
        (
            &t.code,
            entries
                .iter()
                .map(|e| plain(e.code.get_ref().to_string()))
                .collect(),
        ),
        (
            &t.name,
            entries
                .iter()
                .map(|e| plain(e.name.get_ref().clone()))
                .collect(),
        ),
        (
            &t.range,
            entries
                .iter()
                .map(|e| {
                    let link = range_link(catalog, language.code, *e.code.get_ref());
                    FactValue {
                        text: link.label,
                        href: Some(link.href),
                    }
                })
                .collect(),
        ),
        (
            &t.sendable,
            entries.iter().map(|e| plain(yes_no(e.sendable))).collect(),
        ),
        (
            &t.close_method,
            entries
                .iter()
                .map(|e| plain(yes_no(e.close_method)))
                .collect(),
        ),
        (
            &t.sent_by,
            entries
                .iter()
                .map(|e| plain(language.strings.sent_by.get(e.sent_by).to_string()))
                .collect(),
        ),
        (
            &t.reconnect,
            entries
                .iter()
                .map(|e| plain(language.strings.reconnect.get(e.reconnect).to_string()))
                .collect(),
        ),
        (
            &t.reference,
            entries
                .iter()
                .map(|e| {
                    let link = source_link(&e.reference, &e.section, e.source.get_ref());
                    FactValue {
                        text: link.label,
                        href: Some(link.href),
                    }
                })
                .collect(),
        ),
    ];
    // The code and name always differ: they head the columns instead.
    rows.into_iter()
        .enumerate()
        .map(|(i, (label, values))| FactRow {
            label: label.clone(),
            differs: i > 1 && values.windows(2).any(|w| w[0] != w[1]),
            header: i == 0,
            values,
        })
        .collect()
}

fn code_page<'a>(
    catalog: &Catalog<'a>,
    cache: &'a ProseCache,
    language: Language<'a>,
    code: u16,
) -> CodePage<'a> {
    let entry = catalog.codes[&code];
    let t = language.strings;
    let name = entry.name.get_ref().as_str();
    let lang = language.code;
    let title = fill(
        &t.code_page.title,
        &[("code", &code.to_string()), ("name", name)],
    );
    let description = fill(
        &t.code_page.meta_description,
        &[("code", &code.to_string()), ("name", name)],
    );
    let layout = Layout::new(
        catalog,
        language,
        title,
        description,
        rel_of(catalog, PageKind::Code(code)),
    );
    let urls = &catalog.urls;
    let local_name = Some(display_name(entry, lang)).filter(|n| *n != name);
    CodePage {
        layout,
        code,
        name,
        local_name,
        prose: cache.code(code, lang),
        facts: facts(catalog, language, &[code]),
        range: range_link(catalog, lang, code),
        related: entry
            .related
            .iter()
            .map(|r| code_row(catalog, cache, lang, *r.get_ref()))
            .collect(),
        comparisons: catalog
            .codes
            .keys()
            .filter(|&&other| other != code)
            .map(|&other| Link {
                href: urls.href(&urls.compare(lang, code, other)),
                label: fill(
                    &t.compare.title,
                    &[("a", &code.to_string()), ("b", &other.to_string())],
                ),
            })
            .collect(),
        sources: code_sources(catalog, entry),
        constants: catalog
            .libraries
            .iter()
            .map(|lib| {
                let constant = lib.constants.get(&code.to_string());
                (
                    lib.name.as_str(),
                    lib.source.get_ref().as_str(),
                    constant.map(|c| lib.symbol.replace("{name}", c.get_ref())),
                )
            })
            .collect(),
        messages: catalog
            .messages
            .iter()
            .filter(|m| *m.code.get_ref() == code)
            .map(|m| {
                let library = catalog
                    .library(m.library.get_ref())
                    .map_or(m.library.get_ref().as_str(), |l| l.name.as_str());
                (m.text.as_str(), library, m.source.get_ref().as_str())
            })
            .collect(),
        examples: cache.examples(code),
        close_method: entry.close_method,
        sendable: entry.sendable,
        close_heading: fill(&t.code_page.close_example, &[("code", &code.to_string())]),
        not_sent: fill(&t.code_page.not_sent, &[("code", &code.to_string())]),
    }
}

fn compare_page<'a>(
    catalog: &Catalog<'a>,
    cache: &'a ProseCache,
    language: Language<'a>,
    a: u16,
    b: u16,
) -> ComparePage<'a> {
    let t = language.strings;
    let lang = language.code;
    let (ea, eb) = (catalog.codes[&a], catalog.codes[&b]);
    let (sa, sb) = (a.to_string(), b.to_string());
    let names = [
        ("a", sa.as_str()),
        ("b", sb.as_str()),
        ("a_name", ea.name.get_ref().as_str()),
        ("b_name", eb.name.get_ref().as_str()),
    ];
    let layout = Layout::new(
        catalog,
        language,
        fill(&t.compare.title, &names),
        fill(&t.compare.meta_description, &names),
        rel_of(catalog, PageKind::Compare(a, b)),
    );
    let curated = catalog.comparisons.get(&(a, b));
    let curated_field = |name| {
        curated
            .map(|c| prose::field(catalog, c.text.get_ref(), lang, name))
            .unwrap_or_default()
    };
    let side = |code: u16, entry: &'a CodeEntry| CompareSide {
        code,
        name: entry.name.get_ref(),
        href: catalog.urls.href(&catalog.urls.code(lang, code)),
        prose: cache.code(code, lang),
    };
    ComparePage {
        heading: fill(&t.compare.heading, &names),
        caption: fill(&t.compare.codes_table_caption, &names),
        intro: curated_field("intro"),
        intro_sentences: intro_sentences(language, ea, eb),
        facts: facts(catalog, language, &[a, b]),
        sides: [side(a, ea), side(b, eb)],
        differences: curated_field("differences"),
        which: curated_field("which"),
        index: Link {
            href: layout.home.clone(),
            label: t.nav.home.clone(),
        },
        layout,
    }
}

/// What two codes have in common, said in whole sentences of the language.
fn intro_sentences(language: Language, a: &CodeEntry, b: &CodeEntry) -> Vec<String> {
    let c = &language.strings.compare;
    let (ca, cb) = (*a.code.get_ref(), *b.code.get_ref());
    let (sa, sb) = (ca.to_string(), cb.to_string());
    let range_label = |code| {
        pages::range_of(code)
            .map(|(s, e)| format!("{s}-{e}"))
            .unwrap_or_default()
    };
    let (ra, rb) = (range_label(ca), range_label(cb));
    let mut out = vec![fill(
        &c.intro,
        &[
            ("a", &sa),
            ("b", &sb),
            ("a_name", a.name.get_ref()),
            ("b_name", b.name.get_ref()),
        ],
    )];
    out.push(if ra == rb {
        fill(&c.range_same, &[("range", &ra)])
    } else {
        fill(
            &c.range_differs,
            &[("a", &sa), ("b", &sb), ("range_a", &ra), ("range_b", &rb)],
        )
    });
    out.push(match (a.sendable, b.sendable) {
        (true, true) => c.both_sendable.clone(),
        (false, false) => c.neither_sendable.clone(),
        (true, false) => fill(&c.one_sendable, &[("sent", &sa), ("local", &sb)]),
        (false, true) => fill(&c.one_sendable, &[("sent", &sb), ("local", &sa)]),
    });
    // "Nobody sends either" would repeat the sentence about neither being sent.
    if a.sent_by == b.sent_by
        && !(a.sent_by == crate::content::Sender::Nobody && !a.sendable && !b.sendable)
    {
        out.push(c.same_sender.get(a.sent_by).to_string());
    }
    if a.reconnect == b.reconnect {
        out.push(c.same_reconnect.get(a.reconnect).to_string());
    }
    out
}

fn range_page<'a>(
    catalog: &Catalog<'a>,
    cache: &'a ProseCache,
    language: Language<'a>,
    start: u16,
    end: u16,
) -> RangePage<'a> {
    let entry = catalog.ranges[&(start, end)];
    let t = language.strings;
    let lang = language.code;
    let range = format!("{start}-{end}");
    let texts = entry.text.get_ref();
    let title_text = catalog
        .text(texts, lang, "title")
        .map(|t| t.text.to_string())
        .unwrap_or_default();
    let layout = Layout::new(
        catalog,
        language,
        fill(&t.range_page.title, &[("range", &range)]),
        fill(&t.range_page.meta_description, &[("range", &range)]),
        rel_of(catalog, PageKind::Range(start, end)),
    );
    RangePage {
        layout,
        heading: format!("{range}: {title_text}"),
        summary: prose::inline(prose::field(catalog, texts, lang, "summary")),
        body: prose::field(catalog, texts, lang, "body"),
        choosing: prose::field(catalog, texts, lang, "choosing"),
        documenting: prose::field(catalog, texts, lang, "documenting"),
        codes: catalog
            .codes
            .range(start..=end)
            .map(|(&code, _)| code_row(catalog, cache, lang, code))
            .collect(),
        source: source_link(&entry.reference, &entry.section, entry.source.get_ref()),
    }
}

/// Above this many codes the index lists comparisons on the code pages only.
const MATRIX_MAX_CODES: usize = 40;

fn index_page<'a>(
    catalog: &Catalog<'a>,
    cache: &'a ProseCache,
    language: Language<'a>,
) -> IndexPage<'a> {
    let t = language.strings;
    let lang = language.code;
    let urls = &catalog.urls;
    let layout = Layout::new(
        catalog,
        language,
        t.index.title.clone(),
        t.site_description.clone(),
        rel_of(catalog, PageKind::Index),
    );
    let groups = catalog
        .ranges
        .iter()
        .map(|(&(start, end), entry)| {
            let texts = entry.text.get_ref();
            let title = catalog
                .text(texts, lang, "title")
                .map(|t| t.text)
                .unwrap_or_default();
            RangeGroup {
                link: Link {
                    href: urls.href(&urls.range(lang, start, end)),
                    label: format!("{start}-{end}: {title}"),
                },
                summary: prose::inline(prose::field(catalog, texts, lang, "summary")),
                codes: catalog
                    .codes
                    .range(start..=end)
                    .map(|(&code, _)| code_row(catalog, cache, lang, code))
                    .collect(),
            }
        })
        .collect();
    let columns = catalog.code_numbers();
    let matrix = if columns.len() <= MATRIX_MAX_CODES {
        columns
            .iter()
            .map(|&row| MatrixRow {
                code: row,
                href: urls.href(&urls.code(lang, row)),
                cells: columns
                    .iter()
                    .map(|&col| {
                        (col != row).then(|| Link {
                            href: urls.href(&urls.compare(lang, row, col)),
                            label: format!("{} vs {}", row.min(col), row.max(col)),
                        })
                    })
                    .collect(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let featured = catalog
        .comparisons
        .keys()
        .map(|&(a, b)| FeaturedPair {
            link: Link {
                href: urls.href(&urls.compare(lang, a, b)),
                label: fill(
                    &t.compare.title,
                    &[("a", &a.to_string()), ("b", &b.to_string())],
                ),
            },
            names: [a, b].map(|c| display_name(catalog.codes[&c], lang)),
        })
        .collect();
    IndexPage {
        layout,
        groups,
        columns,
        matrix,
        featured,
        lookup_json: crate::data::lookup_json(catalog, lang),
    }
}

/// A page that sends the reader to `target_rel`, keeping the `#anchor`.
pub fn redirect_page(
    catalog: &Catalog,
    language: Language,
    from_rel: &str,
    target_rel: &str,
) -> askama::Result<String> {
    let t = language.strings;
    let target = catalog.urls.absolute(target_rel);
    let mut layout = Layout::new(
        catalog,
        language,
        t.redirect.title.clone(),
        t.redirect.body.clone(),
        |_| from_rel.to_string(),
    );
    layout.canonical = target.clone();
    layout.alternates.clear();
    RedirectPage { layout, target }.render()
}

/// The not-found page, in the default language with the others beside it.
pub fn not_found_page(catalog: &Catalog) -> askama::Result<String> {
    let language = catalog.languages[0];
    let t = language.strings;
    let mut layout = Layout::new(
        catalog,
        language,
        t.not_found.title.clone(),
        t.not_found.body.clone(),
        |lang| catalog.urls.index(lang),
    );
    layout.alternates.clear();
    NotFoundPage {
        layout,
        others: catalog.languages[1..]
            .iter()
            .map(|l| (l.code, l.strings))
            .collect(),
        lookup_json: crate::data::lookup_json(catalog, language.code),
    }
    .render()
}
