//! The page of a range of codes (`range.html`): what the range is for, its
//! registered codes, and for the private range how to choose and document
//! codes of your own.

use askama::Template;

use crate::load::pattern::RangeNames;
use crate::model::pages::PageKind;

use super::layout::{Layout, Link};
use super::prose::{self, Prose};
use super::{CodeRow, PageContext, source_link};

#[derive(Template)]
#[template(path = "range.html")]
pub(crate) struct RangePage<'a> {
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

pub(super) fn page<'a>(context: PageContext<'a>, start: u16, end: u16) -> RangePage<'a> {
    let catalog = context.catalog;
    let entry = catalog.ranges()[&(start, end)];
    let t = context.language.strings;
    let lang = context.lang();
    let range = format!("{start}-{end}");
    let texts = entry.text.get_ref();
    let title = catalog
        .text(texts, lang, |t| t.title.as_ref())
        .map(|t| t.text)
        .unwrap_or_default();
    let summary_text = catalog
        .text(texts, lang, |t| t.summary.as_ref())
        .map(|t| crate::text::markdown::to_plain(t.text))
        .unwrap_or_default();
    let names = RangeNames {
        range: &range,
        title,
        summary: &summary_text,
    };
    let layout = Layout::new(
        catalog,
        context.language,
        t.range_page.title.fill(&names),
        t.range_page.meta_description.fill(&names),
        context.rel_of(PageKind::Range(start, end)),
    )
    .with_trust(context.trust(PageKind::Range(start, end)));
    RangePage {
        layout,
        heading: format!("{range}: {title}"),
        summary: prose::inline(prose::field(catalog, texts, lang, |t| t.summary.as_ref())),
        body: prose::field(catalog, texts, lang, |t| t.body.as_ref()),
        choosing: prose::field(catalog, texts, lang, |t| t.choosing.as_ref()),
        documenting: prose::field(catalog, texts, lang, |t| t.documenting.as_ref()),
        codes: catalog
            .codes()
            .range(start..=end)
            .map(|(&code, _)| context.code_row(code))
            .collect(),
        source: source_link(&entry.reference, &entry.section, entry.source.get_ref()),
    }
}
