//! Each code's part of a comparison: a code of the site, or a protocol's
//! meaning of a number it defines. A comparison leads with what differs, so
//! a side shows only the start of each section of the code's own page (its
//! summary, first symptom and first step) and links the whole; beside a
//! hand-written comparison, whose own sections say when and how for the
//! pair, a side gives the summary and links the rest.

use crate::model::catalog::Text;
use crate::model::pages::PageKind;
use crate::text::markdown::{first_item, to_plain};

use super::PageContext;
use super::layout::Link;
use super::prose::{self, Prose};

/// One code's part of a comparison.
pub(crate) struct Side {
    pub code: u16,
    pub name: String,
    pub href: String,
    /// A line of meaning, for the list of what differs.
    pub summary: Prose,
    /// The start of each section of the code's page, with a link to it.
    pub parts: Vec<Part>,
    /// When to choose it, for pairs nobody wrote a comparison of.
    pub choose: Prose,
    /// The protocol whose meaning of the number this is.
    pub protocol: Option<Link>,
}

/// A section of a code's page, begun: its heading, its first lines and a
/// link to the rest.
pub(crate) struct Part {
    pub heading: String,
    pub prose: Prose,
    pub more: Link,
}

/// `curated`: the pair has a hand-written comparison.
pub(super) fn side(context: PageContext, code: u16, protocol: Option<&str>, curated: bool) -> Side {
    let catalog = context.catalog;
    let t = context.language.strings;
    let urls = catalog.urls();
    let lang = context.lang();
    let href = urls.href(&urls.code(lang, code));
    let part = |heading: &str, text: Option<Text>, first: bool, anchor: &str| {
        let item = text.and_then(|t| first_item(t.text).map(|item| (item, t.lang)));
        let prose = match (first, &item) {
            (true, _) if curated => Prose::default(),
            (true, Some((item, from))) => prose::render(
                catalog,
                Some(Text {
                    text: item,
                    lang: from,
                }),
                lang,
            ),
            _ => prose::render(catalog, text, lang),
        };
        Part {
            heading: heading.to_string(),
            prose,
            more: Link {
                href: format!("{href}#{anchor}"),
                label: heading.to_string(),
            },
        }
    };
    if let Some(entry) = catalog.codes().get(&code) {
        let texts = entry.text.get_ref();
        let field = |pick: crate::model::catalog::Field<_>| catalog.text(texts, lang, pick);
        return Side {
            code,
            name: entry.local_name(lang).to_string(),
            summary: prose::inline(prose::field(catalog, texts, lang, |t| t.summary.as_ref())),
            parts: vec![
                part(
                    &t.headings.description,
                    field(|t| t.summary.as_ref()),
                    false,
                    "description",
                ),
                part(&t.headings.when, field(|t| t.when.as_ref()), true, "when"),
                part(&t.headings.fix, field(|t| t.fix.as_ref()), true, "fix"),
            ],
            choose: prose::field(catalog, texts, lang, |t| t.choose.as_ref()),
            protocol: None,
            href,
        };
    }
    let used = catalog
        .use_of(code, protocol)
        .expect("validation ties a protocol comparison to the protocol's codes");
    let slug = used.protocol.slug;
    let texts = used.code.text.get_ref();
    let meaning = catalog.text(texts, lang, |t| t.meaning.as_ref());
    Side {
        code,
        name: used.code.name.clone(),
        summary: prose::inline(prose::render(catalog, meaning, lang)),
        parts: vec![
            part(&t.headings.description, meaning, false, slug),
            part(
                &t.headings.fix,
                catalog.text(texts, lang, |t| t.fix.as_ref()),
                true,
                &format!("{slug}-fix"),
            ),
        ],
        choose: Prose::default(),
        protocol: Some(Link {
            href: urls.href(&urls.page(lang, PageKind::Protocol(slug))),
            label: used.protocol.file.name.clone(),
        }),
        href: format!("{href}#{slug}"),
    }
}

/// A side's one line of meaning, as plain text, for the page's description.
pub(super) fn side_summary(context: PageContext, code: u16, protocol: Option<&str>) -> String {
    let catalog = context.catalog;
    if catalog.codes().contains_key(&code) {
        return super::summary_text(catalog, code, context.lang());
    }
    catalog
        .use_of(code, protocol)
        .and_then(|u| {
            catalog.text(u.code.text.get_ref(), context.lang(), |t| {
                t.meaning.as_ref()
            })
        })
        .map(|t| to_plain(t.text))
        .unwrap_or_default()
}
