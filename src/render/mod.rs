//! Stage 3, render: one askama struct per page kind, each in its own file
//! beside its template (`code.rs` ↔ `code.html`), built from the catalog and
//! the prose rendered once for all pages. Templates are compiled into the
//! binary and hold no human-language text: every word comes from the
//! language's strings.

pub(crate) mod api;
mod code;
mod compare;
pub(crate) mod csp;
mod facts;
mod index;
pub(crate) mod layout;
pub(crate) mod lookup_data;
mod lookup_protocols;
mod number;
pub(crate) mod prose;
mod protocols;
pub(crate) mod protocols_api;
mod range;
pub(crate) mod search_index;
mod search_terms;
mod sides;
pub(crate) mod snippets;
pub(crate) mod social;
mod special;
pub(crate) mod timeouts;
mod trust;

use askama::Template;

use crate::error::{Error, Result};
use crate::load::pattern::Pair;
use crate::model::catalog::{Catalog, Language};
use crate::model::pages::PageKind;
use crate::model::ranges;
use layout::Link;
use prose::{CodeProse, RenderCache};

pub(crate) use special::{not_found_page, redirect_page};

/// What every page builder works from: the catalog, the prose rendered once,
/// and the language of the page.
#[derive(Clone, Copy)]
pub(crate) struct PageContext<'a> {
    pub catalog: &'a Catalog<'a>,
    pub cache: &'a RenderCache,
    pub language: Language<'a>,
}

impl<'a> PageContext<'a> {
    fn lang(&self) -> &'a str {
        self.language.code
    }

    /// A code in a list or on one side of a comparison: number, name, link
    /// and its prose in the page's language.
    fn code_row(&self, code: u16) -> CodeRow<'a> {
        let urls = self.catalog.urls();
        let entry = self.catalog.code(code);
        let name = entry.local_name(self.lang());
        CodeRow {
            code,
            name,
            official: (name != entry.name()).then(|| entry.name()),
            href: urls.href(&urls.code(self.lang(), code)),
            prose: self.cache.code(code, self.lang()),
        }
    }

    /// The link to the range page a code belongs to.
    fn range_link(&self, code: u16) -> Link {
        let (start, end) = ranges::range_of(code).unwrap_or(ranges::RANGES[3]);
        let urls = self.catalog.urls();
        Link {
            href: urls.href(&urls.range(self.lang(), start, end)),
            label: format!("{start}-{end}"),
        }
    }

    /// The comparisons of `code` with every other code, labelled by the
    /// other code's name, hand-written ones first.
    fn compare_links(&self, code: u16) -> Vec<index::CompareLink> {
        let catalog = self.catalog;
        let lang = self.lang();
        let urls = catalog.urls();
        let link = |other: u16, name: String| index::CompareLink {
            href: urls.href(&urls.compare(lang, code, other)),
            label: self.language.strings.compare.title.fill(&Pair {
                a: &code.to_string(),
                b: &other.to_string(),
                a_name: catalog.code(code).name(),
                b_name: &name,
            }),
            code: other,
            name,
            curated: catalog
                .comparisons()
                .contains_key(&(code.min(other), code.max(other))),
        };
        let mut links: Vec<index::CompareLink> = catalog
            .codes()
            .keys()
            .filter(|&&other| other != code && catalog.has_comparison_page(code, other))
            .map(|&other| link(other, catalog.code(other).local_name(lang).to_string()))
            .collect();
        // Hand-written comparisons with a protocol's meaning of a number.
        for (&(a, b), entry) in catalog.comparisons() {
            let other = if a == code { b } else { a };
            let slug = entry.protocol.as_ref().map(|p| p.get_ref().as_str());
            let used = catalog.use_of(other, slug);
            if (a == code || b == code)
                && !catalog.codes().contains_key(&other)
                && let Some(used) = used
            {
                let name = format!("{} ({})", used.code.name, used.protocol.file.name);
                links.push(link(other, name));
            }
        }
        links.sort_by_key(|l| (!l.curated, l.code));
        links
    }

    /// When the page's content last changed, and where to edit it.
    fn trust(self, kind: PageKind) -> Option<trust::Trust> {
        trust::trust(self, kind)
    }

    /// The page's path in each language, for its canonical and hreflang links.
    fn rel_of(&self, kind: PageKind<'a>) -> impl Fn(&str) -> String + 'a {
        let urls = self.catalog.urls();
        move |lang| urls.page(lang, kind)
    }
}

/// A code in a list, or one code's part of a comparison.
#[derive(Debug)]
pub(crate) struct CodeRow<'a> {
    pub code: u16,
    /// The name in the page's language.
    pub name: &'a str,
    /// The registry's name, where the page's language names it otherwise.
    pub official: Option<&'a str>,
    pub href: String,
    pub prose: &'a CodeProse,
}

/// Renders a page of the site in a language.
pub(crate) fn page(context: PageContext, kind: PageKind) -> Result<String> {
    let rendered = match kind {
        PageKind::Index => index::page(context).render(),
        PageKind::Code(code) => code::page(context, code).render(),
        PageKind::Compare(a, b) => compare::page(context, a, b).render(),
        PageKind::Range(start, end) => range::page(context, start, end).render(),
        PageKind::Timeouts => timeouts::page(context).render(),
        PageKind::Number(code) => number::page(context, code).render(),
        PageKind::Protocols => protocols::index(context).render(),
        PageKind::Protocol(slug) => protocols::page(context, slug).render(),
    };
    named(rendered, || {
        context.catalog.urls().page(context.lang(), kind)
    })
}

/// A template's error, named by the page it was rendering.
fn named(rendered: askama::Result<String>, page: impl FnOnce() -> String) -> Result<String> {
    rendered.map_err(|source| Error::Template {
        page: page(),
        source,
    })
}

/// A code's one-line meaning in `lang` (or the default language) as plain
/// text, for meta descriptions and social images.
pub(crate) fn summary_text(catalog: &Catalog, code: u16, lang: &str) -> String {
    let texts = catalog.code(code).text.get_ref();
    catalog
        .text(texts, lang, |t| t.summary.as_ref())
        .map(|t| crate::text::markdown::to_plain(t.text))
        .unwrap_or_default()
}

/// A link to a specification: "RFC 6455 §7.4.1".
fn source_link(reference: &str, section: &str, url: &str) -> Link {
    let label = if section.is_empty() {
        reference.to_string()
    } else {
        format!("{reference} {section}")
    };
    Link {
        href: url.to_string(),
        label,
    }
}
