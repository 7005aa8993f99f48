//! Prose rendered once per language and shared by every page that shows it:
//! a code's text appears on its own page and on every comparison with it.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::catalog::{Catalog, Text};
use crate::content::Translatable;
use crate::examples::{self, CodeExamples};
use crate::highlight::Memo;
use crate::markdown;

/// A rendered prose field, and the language it is in when that is not the
/// page's (an untranslated field shown in the default language).
#[derive(Debug, Clone, Default)]
pub struct Prose {
    pub html: String,
    pub fallback_lang: Option<String>,
}

impl Prose {
    pub fn is_empty(&self) -> bool {
        self.html.is_empty()
    }
}

/// A code's prose in one language.
#[derive(Debug, Default)]
pub struct CodeProse {
    /// One line, rendered without its paragraph.
    pub summary: Prose,
    pub description: Prose,
    pub when: Prose,
    pub fix: Prose,
    pub choose: Prose,
    /// A note above the code examples; often empty.
    pub examples: Prose,
}

/// Every code's prose in every language, keyed by (code, language), and its
/// code examples, which are the same in every language.
pub struct ProseCache {
    codes: BTreeMap<(u16, String), CodeProse>,
    examples: BTreeMap<u16, CodeExamples>,
}

impl ProseCache {
    pub fn new(catalog: &Catalog) -> Self {
        let keys: Vec<(u16, &str)> = catalog
            .codes
            .keys()
            .flat_map(|&code| catalog.languages.iter().map(move |l| (code, l.code)))
            .collect();
        let codes = keys
            .into_par_iter()
            .map(|(code, lang)| {
                let texts = catalog.codes[&code].text.get_ref();
                let field = |name| render(catalog, catalog.text(texts, lang, name), lang);
                let prose = CodeProse {
                    summary: inline(field("summary")),
                    description: field("description"),
                    when: field("when"),
                    fix: field("fix"),
                    choose: field("choose"),
                    examples: field("examples"),
                };
                ((code, lang.to_string()), prose)
            })
            .collect();
        let memo = Memo::default();
        let examples = catalog
            .codes
            .par_iter()
            .map(|(&code, entry)| (code, examples::for_code(catalog, entry, &memo)))
            .collect();
        ProseCache { codes, examples }
    }

    pub fn examples(&self, code: u16) -> &CodeExamples {
        static EMPTY: std::sync::OnceLock<CodeExamples> = std::sync::OnceLock::new();
        self.examples
            .get(&code)
            .unwrap_or_else(|| EMPTY.get_or_init(CodeExamples::default))
    }

    pub fn code(&self, code: u16, lang: &str) -> &CodeProse {
        static EMPTY: std::sync::OnceLock<CodeProse> = std::sync::OnceLock::new();
        self.codes
            .get(&(code, lang.to_string()))
            .unwrap_or_else(|| EMPTY.get_or_init(CodeProse::default))
    }
}

/// Renders a field of any translatable table for a page in `lang`.
pub fn field<T: Translatable>(
    catalog: &Catalog,
    texts: &std::collections::BTreeMap<String, toml::Spanned<T>>,
    lang: &str,
    name: &str,
) -> Prose {
    render(catalog, catalog.text(texts, lang, name), lang)
}

/// Renders Markdown with its site links pointing at pages in `page_lang`.
pub fn render(catalog: &Catalog, text: Option<Text>, page_lang: &str) -> Prose {
    let Some(text) = text else {
        return Prose::default();
    };
    let urls = &catalog.urls;
    Prose {
        html: markdown::to_html(text.text, |path| urls.content_link(page_lang, path)),
        fallback_lang: (text.lang != page_lang).then(|| text.lang.to_string()),
    }
}

/// Drops the paragraph around a one-line text.
pub fn inline(mut prose: Prose) -> Prose {
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
