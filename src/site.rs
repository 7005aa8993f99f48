//! Writes the whole site from a validated catalog: every page of every
//! language in parallel, the redirect and not-found pages, the data files and
//! the static assets.

use std::path::Path;

use rayon::prelude::*;

use crate::catalog::Catalog;
use crate::data;
use crate::error::{Error, Result, io_error};
use crate::output::Output;
use crate::pages::{self, PageKind};
use crate::prose::ProseCache;
use crate::render;
use crate::urls::file_for;

/// Every page of the site, in no particular language.
pub fn page_kinds(catalog: &Catalog) -> Vec<PageKind> {
    let codes = catalog.code_numbers();
    let mut kinds = vec![PageKind::Index];
    kinds.extend(catalog.ranges.keys().map(|&(s, e)| PageKind::Range(s, e)));
    kinds.extend(codes.iter().map(|&c| PageKind::Code(c)));
    kinds.extend(pages::pairs(&codes).map(|(a, b)| PageKind::Compare(a, b)));
    kinds
}

/// A page whose old address must keep working: (from, to), paths relative to
/// the base URL.
pub fn redirects(catalog: &Catalog) -> Vec<(String, String)> {
    let codes = catalog.code_numbers();
    let urls = &catalog.urls;
    let mut out = Vec::new();
    for language in &catalog.languages {
        let prefix = urls.lang_prefix(language.code);
        for (a, b) in pages::pairs(&codes) {
            out.push((
                format!("{prefix}{b}-vs-{a}/"),
                urls.compare(language.code, a, b),
            ));
        }
        for redirect in &catalog.redirects {
            let from = redirect.from.get_ref().trim_start_matches('/');
            let to = redirect.to.get_ref().trim_start_matches('/');
            out.push((format!("{prefix}{from}"), format!("{prefix}{to}")));
        }
    }
    out
}

/// How many files of each kind a build wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Written {
    pub pages: usize,
    pub redirects: usize,
}

/// Renders and writes everything into `output`.
pub fn write(catalog: &Catalog, output: &Output, static_dir: &Path) -> Result<Written> {
    let cache = ProseCache::new(catalog);
    let kinds = page_kinds(catalog);
    let jobs: Vec<_> = catalog
        .languages
        .iter()
        .flat_map(|&language| kinds.iter().map(move |&kind| (language, kind)))
        .collect();
    jobs.par_iter().try_for_each(|&(language, kind)| {
        let html = render::page(catalog, &cache, language, kind).map_err(template_error)?;
        let rel = catalog.urls.page(language.code, kind);
        output.write(&file_for(&rel), html.as_bytes())
    })?;

    let redirects = redirects(catalog);
    redirects.par_iter().try_for_each(|(from, to)| {
        let language = catalog
            .languages
            .iter()
            .find(|l| {
                from.starts_with(&catalog.urls.lang_prefix(l.code))
                    && !catalog.urls.lang_prefix(l.code).is_empty()
            })
            .copied()
            .unwrap_or(catalog.languages[0]);
        let html = render::redirect_page(catalog, language, from, to).map_err(template_error)?;
        output.write(&file_for(from), html.as_bytes())
    })?;

    let not_found = render::not_found_page(catalog).map_err(template_error)?;
    output.write("404.html", not_found.as_bytes())?;
    output.write("api/codes.json", data::codes_json(catalog).as_bytes())?;
    catalog.codes.values().par_bridge().try_for_each(|entry| {
        let code = entry.code.get_ref();
        output.write(
            &format!("api/{code}.json"),
            data::code_json(catalog, entry).as_bytes(),
        )?;
        output.write(
            &format!("{code}.txt"),
            data::code_text(catalog, entry).as_bytes(),
        )
    })?;
    output.write("sitemap.xml", data::sitemap(catalog, &kinds).as_bytes())?;
    output.write("robots.txt", data::robots(catalog).as_bytes())?;
    output.write(".nojekyll", b"")?;
    copy_static(static_dir, output)?;
    Ok(Written {
        pages: jobs.len(),
        redirects: redirects.len(),
    })
}

/// The stylesheet and script the templates are written for, built into the
/// binary so that any content directory gives a working site.
const BUILT_IN_ASSETS: [(&str, &str); 2] = [
    ("style.css", include_str!("../static/style.css")),
    ("site.js", include_str!("../static/site.js")),
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

fn template_error(err: askama::Error) -> Error {
    Error::Io {
        path: "templates".into(),
        source: std::io::Error::other(err.to_string()),
    }
}
