//! The index (`index.html`): the lookup, every code grouped by range, the
//! hand-written comparisons, and a matrix of every pair.

use askama::Template;

use crate::pages::PageKind;
use crate::strings::fill;

use super::layout::{Layout, Link};
use super::prose::{self, Prose};
use super::{CodeRow, PageContext};

#[derive(Template)]
#[template(path = "index.html")]
pub(crate) struct IndexPage<'a> {
    pub layout: Layout<'a>,
    pub groups: Vec<RangeGroup<'a>>,
    pub columns: Vec<u16>,
    pub matrix: Vec<MatrixRow>,
    /// The pairs with a hand-written comparison.
    pub featured: Vec<FeaturedPair<'a>>,
    pub lookup_json: String,
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

/// The comparison matrix: a row per code, a cell per other code.
pub(crate) struct MatrixRow {
    pub code: u16,
    pub href: String,
    pub cells: Vec<Option<Link>>,
}

/// Above this many codes the index lists comparisons on the code pages only.
const MATRIX_MAX_CODES: usize = 40;

pub(super) fn page<'a>(context: PageContext<'a>) -> IndexPage<'a> {
    let catalog = context.catalog;
    let t = context.language.strings;
    let lang = context.lang();
    let urls = catalog.urls();
    let layout = Layout::new(
        catalog,
        context.language,
        t.index.title.clone(),
        fill(
            &t.share.index_description,
            &[("count", &catalog.codes().len().to_string())],
        ),
        context.rel_of(PageKind::Index),
    );
    let compare_link = |a: u16, b: u16| Link {
        href: urls.href(&urls.compare(lang, a, b)),
        label: fill(
            &t.compare.title,
            &[("a", &a.min(b).to_string()), ("b", &a.max(b).to_string())],
        ),
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
    let columns = catalog.code_numbers();
    let matrix = if columns.len() <= MATRIX_MAX_CODES {
        columns
            .iter()
            .map(|&row| MatrixRow {
                code: row,
                href: urls.href(&urls.code(lang, row)),
                cells: columns
                    .iter()
                    .map(|&col| (col != row).then(|| compare_link(row, col)))
                    .collect(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let featured = catalog
        .comparisons()
        .keys()
        .map(|&(a, b)| FeaturedPair {
            link: compare_link(a, b),
            names: [a, b].map(|c| catalog.code(c).local_name(lang)),
        })
        .collect();
    IndexPage {
        layout,
        groups,
        columns,
        matrix,
        featured,
        lookup_json: crate::feeds::lookup_json(catalog, lang),
    }
}
