//! The index (`index.html`): the lookup, every code grouped by range, the
//! hand-written comparisons, and a picker for any other pair.

use askama::Template;

use crate::load::pattern::{Count, Pair};
use crate::model::pages::PageKind;

use super::layout::{Layout, Link};
use super::prose::{self, Prose};
use super::{CodeRow, PageContext};

#[derive(Template)]
#[template(path = "index.html")]
pub(crate) struct IndexPage<'a> {
    pub layout: Layout<'a>,
    pub groups: Vec<RangeGroup<'a>>,
    /// Per code, its comparisons with every other code.
    pub picker: Vec<PickerRow<'a>>,
    /// The pairs with a hand-written comparison.
    pub featured: Vec<FeaturedPair<'a>>,
    pub lookup_json: &'a str,
}

/// A comparison the index features, with the two codes' names.
pub(crate) struct FeaturedPair<'a> {
    pub link: Link,
    pub names: [&'a str; 2],
}

/// A range and its codes.
pub(crate) struct RangeGroup<'a> {
    pub link: Link,
    pub summary: Prose,
    pub codes: Vec<CodeRow<'a>>,
}

/// One code of the picker and its comparisons, each labelled by name.
pub(crate) struct PickerRow<'a> {
    pub code: u16,
    pub name: &'a str,
    pub pairs: Vec<CompareLink>,
}

/// A comparison labelled by the other code's name; `curated` when it is
/// written by hand.
pub(crate) struct CompareLink {
    pub href: String,
    /// "1006 vs 1000", by the language's pattern.
    pub label: String,
    pub code: u16,
    pub name: String,
    pub curated: bool,
}

/// Above this many codes the index lists comparisons on the code pages only.
const PICKER_MAX_CODES: usize = 40;

pub(super) fn page<'a>(context: PageContext<'a>) -> IndexPage<'a> {
    let catalog = context.catalog;
    let t = context.language.strings;
    let lang = context.lang();
    let urls = catalog.urls();
    let layout = Layout::new(
        catalog,
        context.language,
        t.index.title.clone(),
        t.share.index_description.fill(&Count {
            count: &catalog.codes().len().to_string(),
        }),
        context.rel_of(PageKind::Index),
    )
    .without_header_search();
    let compare_link = |a: u16, b: u16| {
        let (low, high) = (a.min(b), a.max(b));
        Link {
            href: urls.href(&urls.compare(lang, a, b)),
            label: t.compare.title.fill(&Pair {
                a: &low.to_string(),
                b: &high.to_string(),
                a_name: catalog.code(low).name(),
                b_name: catalog.code(high).name(),
            }),
        }
    };
    let groups = catalog
        .ranges()
        .iter()
        .map(|(&(start, end), entry)| {
            let texts = entry.text.get_ref();
            let title = catalog
                .text(texts, lang, |t| t.title.as_ref())
                .map(|t| t.text)
                .unwrap_or_default();
            RangeGroup {
                link: Link {
                    href: urls.href(&urls.range(lang, start, end)),
                    label: format!("{start}-{end}: {title}"),
                },
                summary: prose::inline(prose::field(catalog, texts, lang, |t| t.summary.as_ref())),
                codes: catalog
                    .codes()
                    .range(start..=end)
                    .map(|(&code, _)| context.code_row(code))
                    .collect(),
            }
        })
        .collect();
    let codes = catalog.code_numbers();
    let picker = if codes.len() <= PICKER_MAX_CODES {
        codes
            .iter()
            .map(|&code| PickerRow {
                code,
                name: catalog.code(code).local_name(lang),
                pairs: context.compare_links(code),
            })
            .collect()
    } else {
        Vec::new()
    };
    // Protocols' pairs are listed with their protocols.
    let featured = catalog
        .comparisons()
        .keys()
        .filter(|(a, b)| catalog.codes().contains_key(a) && catalog.codes().contains_key(b))
        .map(|&(a, b)| FeaturedPair {
            link: compare_link(a, b),
            names: [a, b].map(|c| catalog.code(c).local_name(lang)),
        })
        .collect();
    IndexPage {
        layout,
        groups,
        picker,
        featured,
        lookup_json: context.cache.lookup_json(lang),
    }
}
