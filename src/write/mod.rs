//! Stage 4, write: renders the catalog's plan into an output, every page of
//! every language in parallel, then the redirect and not-found pages, the
//! files for machines and the static assets.

pub(crate) mod output;
pub(crate) mod url_lock;

use std::path::Path;

use rayon::prelude::*;

use crate::error::{Error, Result, io_error};
use crate::model::catalog::Catalog;
use crate::model::pages::PageKind;
use crate::model::urls::file_for;
use crate::render::social;
use crate::render::{self, PageContext, prose::RenderCache};
use crate::render::{api, protocols_api, search_index};
use output::Output;

/// How many files of each kind a build wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Written {
    pub pages: usize,
    pub redirects: usize,
}

/// Renders and writes everything into `output`.
pub(crate) fn write(catalog: &Catalog, output: &Output, static_dir: &Path) -> Result<Written> {
    let cache = RenderCache::new(catalog);
    let kinds = catalog.page_kinds();
    let jobs: Vec<_> = catalog
        .languages()
        .iter()
        .flat_map(|&language| kinds.iter().map(move |&kind| (language, kind)))
        .collect();
    let sections = jobs
        .par_iter()
        .map(|&(language, kind)| {
            let context = PageContext {
                catalog,
                cache: &cache,
                language,
            };
            let html = render::page(context, kind)?;
            let rel = catalog.urls().page(language.code, kind);
            output.write(&file_for(&rel), html.as_bytes())?;
            let docs = if searched(catalog, kind) {
                search_index::documents(&html, &catalog.urls().href(&rel))
            } else {
                Vec::new()
            };
            Ok((language.code, docs))
        })
        .collect::<Result<Vec<_>>>()?;
    write_search_indexes(catalog, output, &sections)?;

    let redirects = catalog.redirects();
    redirects.par_iter().try_for_each(|redirect| {
        let html = render::redirect_page(catalog, redirect)?;
        output.write(&file_for(&redirect.from), html.as_bytes())
    })?;

    social_images(catalog, output)?;

    let not_found = render::not_found_page(catalog, &cache)?;
    output.write("404.html", not_found.as_bytes())?;
    write_data_files(catalog, output, &cache)?;
    output.write("sitemap.xml", api::sitemap(catalog, kinds).as_bytes())?;
    output.write("robots.txt", api::robots(catalog).as_bytes())?;
    output.write(".nojekyll", b"")?;
    copy_static(static_dir, output)?;
    Ok(Written {
        pages: jobs.len(),
        redirects: redirects.len(),
    })
}

/// `search.json` of each language: the sections of its pages.
fn write_search_indexes(
    catalog: &Catalog,
    output: &Output,
    sections: &[(&str, Vec<search_index::SearchDoc>)],
) -> Result<()> {
    for language in catalog.languages() {
        let docs: Vec<_> = sections
            .iter()
            .filter(|(lang, _)| *lang == language.code)
            .flat_map(|(_, docs)| docs.iter().cloned())
            .collect();
        let path = format!("{}search.json", catalog.urls().lang_prefix(language.code));
        output.write(&path, search_index::index_json(&docs).as_bytes())?;
    }
    Ok(())
}

/// Is the page in the full-text index? Pages a reader searches by topic
/// are; the index page and comparisons put together from two code pages'
/// facts are not (their words are the code pages').
fn searched(catalog: &Catalog, kind: PageKind) -> bool {
    match kind {
        PageKind::Index | PageKind::Protocols => false,
        PageKind::Compare(a, b) => catalog.comparisons().contains_key(&(a, b)),
        _ => true,
    }
}

/// The files for machines: the JSON of every code, of the timeouts and of the
/// protocols, each code as plain text, and the lookup's data per language.
fn write_data_files(catalog: &Catalog, output: &Output, cache: &RenderCache) -> Result<()> {
    output.write("api/codes.json", api::codes_json(catalog).as_bytes())?;
    for language in catalog.languages() {
        let urls = catalog.urls();
        output.write(
            &format!("{}lookup.json", urls.lang_prefix(language.code)),
            cache.lookup_json(language.code).as_bytes(),
        )?;
    }
    if let Some(timeouts) = api::timeouts_json(catalog) {
        output.write("api/timeouts.json", timeouts.as_bytes())?;
    }
    catalog
        .codes()
        .values()
        .par_bridge()
        .try_for_each(|entry| {
            let code = entry.number();
            output.write(
                &format!("api/{code}.json"),
                api::code_json(catalog, cache, entry).as_bytes(),
            )?;
            output.write(
                &format!("{code}.txt"),
                api::code_text(catalog, entry).as_bytes(),
            )
        })?;
    if !catalog.protocols().is_empty() {
        let json = protocols_api::protocols_json(catalog);
        output.write("api/protocols.json", json.as_bytes())?;
        for &protocol in catalog.protocols() {
            let json = protocols_api::protocol_json(catalog, protocol);
            output.write(
                &format!("api/protocols/{}.json", protocol.slug),
                json.as_bytes(),
            )?;
        }
    }
    Ok(())
}

/// The image each page shows when shared: one per code and language, and
/// the site's own per language. Drawing one takes far longer than a page, so
/// each is keyed by what it says and drawn again only when that changes. Text the
/// embedded fonts cannot draw fails the build rather than showing boxes.
fn social_images(catalog: &Catalog, output: &Output) -> Result<()> {
    let cards = social::cards(catalog);
    let fonts = social::Fonts::default();
    cards.par_iter().try_for_each(|(rel, card)| {
        let missing = fonts.missing_glyphs(&card.text());
        if !missing.is_empty() {
            return Err(Error::Image {
                file: rel.clone(),
                message: format!(
                    "the embedded fonts cannot draw {missing:?}; fonts/subset.sh adds what the content uses"
                ),
            });
        }
        output.write_derived(rel, &fonts.key(card), || {
            fonts.png(card).map_err(|message| Error::Image {
                file: rel.clone(),
                message,
            })
        })
    })
}

/// The stylesheets, scripts and icon the templates are written for, built
/// into the binary so that any content directory gives a working site:
/// `site.js` is a module that imports the others from `js/`.
const BUILT_IN_ASSETS: [(&str, &str); 13] = [
    ("favicon.svg", include_str!("../../static/favicon.svg")),
    ("style.css", include_str!("../../static/style.css")),
    ("print.css", include_str!("../../static/print.css")),
    ("site.js", include_str!("../../static/site.js")),
    ("js/copy.js", include_str!("../../static/js/copy.js")),
    ("js/lookup.js", include_str!("../../static/js/lookup.js")),
    (
        "js/minisearch.js",
        include_str!("../../static/js/minisearch.js"),
    ),
    (
        "js/protocols.js",
        include_str!("../../static/js/protocols.js"),
    ),
    ("js/text.js", include_str!("../../static/js/text.js")),
    (
        "js/not-found.js",
        include_str!("../../static/js/not-found.js"),
    ),
    (
        "js/searchbox.js",
        include_str!("../../static/js/searchbox.js"),
    ),
    (
        "js/site-search.js",
        include_str!("../../static/js/site-search.js"),
    ),
    ("js/tabs.js", include_str!("../../static/js/tabs.js")),
];

/// Writes the built-in assets, then the site's own `static/` over them.
fn copy_static(dir: &Path, output: &Output) -> Result<()> {
    for (name, text) in BUILT_IN_ASSETS {
        if !dir.join(name).is_file() {
            output.write(name, text.as_bytes())?;
        }
    }
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|err| Error::Io {
            path: dir.to_path_buf(),
            source: err.into(),
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let bytes = std::fs::read(entry.path()).map_err(io_error(entry.path()))?;
        output.write(&rel.to_string_lossy().replace('\\', "/"), &bytes)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::BUILT_IN_ASSETS;

    /// Every file of `static/` is built in, as it is on disk, and nothing else.
    #[test]
    fn the_built_in_assets_are_the_files_of_static() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("static");
        let mut on_disk: Vec<(String, String)> = walkdir::WalkDir::new(&dir)
            .into_iter()
            .map(|e| e.expect("walk static/"))
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(&dir).expect("inside static/");
                let text = std::fs::read_to_string(e.path()).expect("read");
                (rel.to_string_lossy().replace('\\', "/"), text)
            })
            .collect();
        on_disk.sort();
        let mut built_in: Vec<(String, String)> = BUILT_IN_ASSETS
            .iter()
            .map(|(name, text)| (name.to_string(), text.to_string()))
            .collect();
        built_in.sort();
        let names =
            |list: &[(String, String)]| list.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(
            names(&built_in),
            names(&on_disk),
            "BUILT_IN_ASSETS lists every file of static/"
        );
        assert!(
            built_in == on_disk,
            "the built-in copies are the files of static/"
        );
    }
}
