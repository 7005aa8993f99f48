//! The pages that are not content: a redirect (`redirect.html`) that sends
//! the reader on with the `#anchor`, and the not-found page (`404.html`),
//! which reads the address and offers the lookup.

use askama::Template;

use crate::error::Result;
use crate::load::strings::Strings;
use crate::model::catalog::Catalog;
use crate::model::plan::Redirect;

use super::layout::Layout;
use super::named;
use super::prose::RenderCache;

#[derive(Template)]
#[template(path = "redirect.html")]
pub(crate) struct RedirectPage<'a> {
    pub layout: Layout<'a>,
    pub target: String,
}

#[derive(Template)]
#[template(path = "404.html")]
pub(crate) struct NotFoundPage<'a> {
    pub layout: Layout<'a>,
    /// The other languages' not-found text and home page, each in its own
    /// language; the page shows the one its address is in.
    pub others: Vec<(&'a str, String, &'a Strings)>,
    pub lookup_json: &'a str,
    /// The page's own words in every language, for the address's (see
    /// [`NotFoundWords`]).
    pub words_json: String,
}

/// The words of the not-found page outside its text, in one language: the
/// page's first-paint script puts them in place for an address in that
/// language, on the elements marked `data-l10n` with their names.
#[derive(serde::Serialize)]
struct NotFoundWords<'a> {
    title: String,
    skip: &'a str,
    site_title: &'a str,
    footer: &'a str,
    repository: &'a str,
    label: &'a str,
    placeholder: &'a str,
    button: &'a str,
    home: &'a str,
    redirecting: &'a str,
}

fn words_json(catalog: &Catalog) -> String {
    let words: std::collections::BTreeMap<&str, NotFoundWords> = catalog
        .languages()
        .iter()
        .map(|l| {
            let t = l.strings;
            let words = NotFoundWords {
                title: format!("{} · {}", t.not_found.title, t.site_title),
                skip: &t.nav.skip,
                site_title: &t.site_title,
                footer: &t.nav.footer,
                repository: &t.nav.repository,
                label: &t.lookup.label,
                placeholder: &t.lookup.placeholder,
                button: &t.lookup.button,
                home: &t.nav.home,
                redirecting: &t.not_found.redirecting,
            };
            (l.code, words)
        })
        .collect();
    super::api::script_safe(&serde_json::to_string(&words).expect("JSON of plain data"))
}

/// A page at `redirect.from` that sends the reader to `redirect.to`.
pub(crate) fn redirect_page(catalog: &Catalog, redirect: &Redirect) -> Result<String> {
    let t = redirect.language.strings;
    let target = catalog.urls().absolute(&redirect.to);
    let mut layout = Layout::new(
        catalog,
        redirect.language,
        t.redirect.title.clone(),
        t.redirect.body.clone(),
        |_| redirect.from.clone(),
    );
    layout.canonical = target.clone();
    let layout = layout.without_alternates();
    named(RedirectPage { layout, target }.render(), || {
        redirect.from.clone()
    })
}

/// The not-found page, in the default language with the others beside it.
pub(crate) fn not_found_page(catalog: &Catalog, cache: &RenderCache) -> Result<String> {
    let language = catalog.default_language();
    let t = language.strings;
    let layout = Layout::new(
        catalog,
        language,
        t.not_found.title.clone(),
        t.not_found.body.clone(),
        |lang| catalog.urls().index(lang),
    )
    .without_alternates()
    .without_header_search();
    let page = NotFoundPage {
        layout,
        others: catalog.languages()[1..]
            .iter()
            .map(|l| {
                let urls = catalog.urls();
                (l.code, urls.href(&urls.index(l.code)), l.strings)
            })
            .collect(),
        lookup_json: cache.lookup_json(language.code),
        words_json: words_json(catalog),
    };
    named(page.render(), || "404.html".to_string())
}
