//! The index (`index.html`): the lookup; where most readers start (the
//! timeouts, the protocols' codes, the codes met most); the hand-written
//! comparisons grouped by the question they answer; every code by range;
//! and a picker for any other pair.

use askama::Template;

use crate::content::Theme;
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
    /// The pages for the questions most readers come with.
    pub questions: Vec<Question<'a>>,
    /// The codes readers meet most.
    pub most_met: Vec<CodeRow<'a>>,
    /// The pairs with a hand-written comparison, by theme.
    pub themes: Vec<ThemeGroup<'a>>,
    pub lookup_json: &'a str,
}

/// An entry of the index's first block: a question and the page answering it.
pub(crate) struct Question<'a> {
    pub href: String,
    pub question: &'a str,
    pub answer: String,
}

/// Hand-written comparisons that answer the same kind of question.
pub(crate) struct ThemeGroup<'a> {
    /// Empty for the comparisons without a theme.
    pub name: &'a str,
    pub pairs: Vec<FeaturedPair<'a>>,
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
    let codes = catalog.code_numbers();
    let picker = if codes.len() <= PICKER_MAX_CODES {
        codes
            .iter()
            .map(|&code| PickerRow {
                code,
                name: catalog.code(code).local_name(context.lang()),
                pairs: context.compare_links(code),
            })
            .collect()
    } else {
        Vec::new()
    };
    IndexPage {
        layout,
        groups: range_groups(context),
        picker,
        questions: questions(context),
        most_met: catalog
            .most_met()
            .map(|code| context.code_row(code))
            .collect(),
        themes: theme_groups(context),
        lookup_json: context.cache.lookup_json(context.lang()),
    }
}

/// Each range, with its codes.
fn range_groups<'a>(context: PageContext<'a>) -> Vec<RangeGroup<'a>> {
    let catalog = context.catalog;
    let (lang, urls) = (context.lang(), catalog.urls());
    catalog
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
        .collect()
}

/// The hand-written comparisons of two registered codes, in their themes'
/// order and the rest last; a protocol's pairs are listed with it.
fn theme_groups<'a>(context: PageContext<'a>) -> Vec<ThemeGroup<'a>> {
    let catalog = context.catalog;
    let (t, lang, urls) = (context.language.strings, context.lang(), catalog.urls());
    let mut pairs: Vec<(Option<Theme>, FeaturedPair)> = catalog
        .comparisons()
        .iter()
        .filter(|((a, b), _)| catalog.codes().contains_key(a) && catalog.codes().contains_key(b))
        .map(|(&(a, b), entry)| {
            let pair = FeaturedPair {
                link: Link {
                    href: urls.href(&urls.compare(lang, a, b)),
                    label: t.compare.title.fill(&Pair {
                        a: &a.to_string(),
                        b: &b.to_string(),
                        a_name: catalog.code(a).local_name(lang),
                        b_name: catalog.code(b).local_name(lang),
                    }),
                },
                names: [a, b].map(|c| catalog.code(c).local_name(lang)),
            };
            (entry.theme, pair)
        })
        .collect();
    pairs.sort_by_key(|(theme, _)| (theme.is_none(), *theme));
    let mut groups: Vec<(Option<Theme>, ThemeGroup)> = Vec::new();
    for (theme, pair) in pairs {
        match groups.last_mut() {
            Some((last, group)) if *last == theme => group.pairs.push(pair),
            _ => groups.push((
                theme,
                ThemeGroup {
                    name: theme.map_or("", |theme| t.index.themes.name(theme)),
                    pairs: vec![pair],
                },
            )),
        }
    }
    groups.into_iter().map(|(_, group)| group).collect()
}

/// The index's entries to the timeouts and the protocols' codes, where the
/// site has them.
fn questions<'a>(context: PageContext<'a>) -> Vec<Question<'a>> {
    let catalog = context.catalog;
    let (t, lang, urls) = (context.language.strings, context.lang(), catalog.urls());
    let mut questions = Vec::new();
    if let Some(words) = t.timeouts.as_ref().filter(|_| catalog.timeouts().is_some()) {
        questions.push(Question {
            href: urls.href(&urls.page(lang, PageKind::Timeouts)),
            question: &words.question,
            answer: words.answer.clone(),
        });
    }
    if let Some(words) = t
        .protocols
        .as_ref()
        .filter(|_| !catalog.protocols().is_empty())
    {
        questions.push(Question {
            href: urls.href(&urls.page(lang, PageKind::Protocols)),
            question: &words.question,
            answer: words.answer.fill(&Count {
                count: &catalog.protocols().len().to_string(),
            }),
        });
    }
    questions
}
