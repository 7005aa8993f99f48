//! Prose rendered once per language and shared by every page that shows it:
//! a code's text appears on its own page and on every comparison with it.

use std::collections::BTreeMap;

use rayon::prelude::*;

use toml::Spanned;

use crate::content::{CodeText, Translatable};
use crate::model::catalog::{Catalog, Field, Text};
use crate::text::highlight::Memo;
use crate::text::markdown;

use super::snippets::{self, CodeExamples};

/// A rendered prose field, and the language it is in when that is not the
/// page's (an untranslated field shown in the default language).
#[derive(Debug, Clone, Default)]
pub(crate) struct Prose {
    pub html: String,
    pub fallback_lang: Option<String>,
}

impl Prose {
    pub(crate) fn is_empty(&self) -> bool {
        self.html.is_empty()
    }

    /// The first paragraph, and the rest (empty when there is no more): a
    /// long section opens with its first paragraph and folds the rest.
    pub(crate) fn split_first(&self) -> (Prose, Prose) {
        let part = |html: &str| Prose {
            html: html.to_string(),
            fallback_lang: self.fallback_lang.clone(),
        };
        match self.html.find("</p>\n") {
            Some(end) if self.html.starts_with("<p>") && end + 5 < self.html.trim_end().len() => {
                let (head, rest) = self.html.split_at(end + 5);
                (part(head), part(rest))
            }
            _ => (self.clone(), Prose::default()),
        }
    }
}

/// A code's prose in one language.
#[derive(Debug, Default)]
pub(crate) struct CodeProse {
    /// One line, rendered without its paragraph.
    pub summary: Prose,
    pub description: Prose,
    pub when: Prose,
    pub fix: Prose,
    pub choose: Prose,
    /// What a web page sees; often empty.
    pub browser: Prose,
    /// A note above the code examples; often empty.
    pub examples: Prose,
}

/// What many pages show, rendered once: every code's prose in every
/// language, keyed by (code, language), its code examples, which are the
/// same in every language, and the lookup's data per language, which the
/// index, the 404 page and `lookup.json` all carry.
pub(crate) struct RenderCache {
    codes: BTreeMap<(u16, String), CodeProse>,
    examples: BTreeMap<u16, CodeExamples>,
    lookup: BTreeMap<String, String>,
}

impl RenderCache {
    pub(crate) fn new(catalog: &Catalog) -> Self {
        let keys: Vec<(u16, &str)> = catalog
            .codes()
            .keys()
            .flat_map(|&code| catalog.languages().iter().map(move |l| (code, l.code)))
            .collect();
        let codes = keys
            .into_par_iter()
            .map(|(code, lang)| {
                let texts = catalog.code(code).text.get_ref();
                let field = |pick: Field<CodeText>| field(catalog, texts, lang, pick);
                let prose = CodeProse {
                    summary: inline(field(|t| t.summary.as_ref())),
                    description: field(|t| t.description.as_ref()),
                    when: field(|t| t.when.as_ref()),
                    fix: field(|t| t.fix.as_ref()),
                    choose: field(|t| t.choose.as_ref()),
                    browser: field(|t| t.browser.as_ref()),
                    examples: field(|t| t.examples.as_ref()),
                };
                ((code, lang.to_string()), prose)
            })
            .collect();
        let memo = Memo::default();
        let examples = catalog
            .codes()
            .par_iter()
            .map(|(&code, entry)| (code, snippets::for_code(catalog, entry, &memo)))
            .collect();
        let lookup = catalog
            .languages()
            .iter()
            .map(|l| {
                (
                    l.code.to_string(),
                    crate::render::lookup_data::lookup_json(catalog, l.code),
                )
            })
            .collect();
        RenderCache {
            codes,
            examples,
            lookup,
        }
    }

    /// The lookup's data for pages in a language of the catalog.
    pub(crate) fn lookup_json(&self, lang: &str) -> &str {
        &self.lookup[lang]
    }

    /// The examples of a code of the catalog; any other code is a bug, as
    /// with [`Catalog::code`].
    pub(crate) fn examples(&self, code: u16) -> &CodeExamples {
        &self.examples[&code]
    }

    /// The prose of a code of the catalog in one of its languages.
    pub(crate) fn code(&self, code: u16, lang: &str) -> &CodeProse {
        &self.codes[&(code, lang.to_string())]
    }
}

/// Renders the field `pick` of a translatable table for a page in `lang`.
pub(crate) fn field<'a, T: Translatable>(
    catalog: &Catalog<'a>,
    texts: &'a BTreeMap<String, Spanned<T>>,
    lang: &str,
    pick: Field<T>,
) -> Prose {
    render(catalog, catalog.text(texts, lang, pick), lang)
}

/// Renders Markdown with its site links pointing at pages in `page_lang`.
pub(crate) fn render(catalog: &Catalog, text: Option<Text>, page_lang: &str) -> Prose {
    let Some(text) = text else {
        return Prose::default();
    };
    let urls = catalog.urls();
    Prose {
        html: markdown::to_html(text.text, |path| urls.content_link(page_lang, path)),
        fallback_lang: (text.lang != page_lang).then(|| text.lang.to_string()),
    }
}

/// Drops the paragraph around a one-line text.
pub(crate) fn inline(mut prose: Prose) -> Prose {
    let trimmed = prose.html.trim();
    if let Some(inner) = trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
        .filter(|inner| !inner.contains("<p>"))
    {
        prose.html = inner.to_string();
    }
    prose
}
