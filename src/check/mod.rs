//! Checks a built site as its readers will meet it: every internal link and
//! `#anchor` resolves to a file and an element, every page has its language,
//! a canonical link and reciprocal hreflang alternates.

pub mod coverage;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use scraper::{Html, Selector};

use crate::error::Problem;
use crate::load::source::line_col;
use crate::model::urls::{Urls, file_for};

/// What one page says about itself and where it points.
#[derive(Debug, Default)]
struct PageFacts {
    ids: BTreeSet<String>,
    /// Ids used more than once.
    duplicate_ids: Vec<String>,
    /// What the HTML parser had to repair: unclosed or stray tags, bad
    /// attributes, a missing doctype.
    parse_errors: Vec<String>,
    /// Every `href` and `src`, as written.
    links: Vec<String>,
    lang: Option<String>,
    canonical: Option<String>,
    /// hreflang → absolute URL
    alternates: BTreeMap<String, String>,
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|_| panic!("bad selector {css}"))
}

fn read_page(text: &str) -> PageFacts {
    let html = Html::parse_document(text);
    let mut facts = PageFacts {
        parse_errors: html.errors.iter().map(|e| e.to_string()).collect(),
        ..PageFacts::default()
    };
    for el in html.select(&selector("[id]")) {
        if let Some(id) = el.value().attr("id")
            && !facts.ids.insert(id.to_string())
        {
            facts.duplicate_ids.push(id.to_string());
        }
    }
    for (css, attr) in [
        ("a[href]", "href"),
        ("link[href]", "href"),
        ("script[src]", "src"),
        ("img[src]", "src"),
    ] {
        for el in html.select(&selector(css)) {
            if let Some(url) = el.value().attr(attr) {
                facts.links.push(url.to_string());
            }
        }
    }
    facts.lang = html
        .select(&selector("html[lang]"))
        .next()
        .and_then(|el| el.value().attr("lang"))
        .map(str::to_string);
    facts.canonical = html
        .select(&selector("link[rel=canonical]"))
        .next()
        .and_then(|el| el.value().attr("href"))
        .map(str::to_string);
    for el in html.select(&selector("link[rel=alternate][hreflang]")) {
        if let (Some(lang), Some(href)) = (el.value().attr("hreflang"), el.value().attr("href")) {
            facts.alternates.insert(lang.to_string(), href.to_string());
        }
    }
    facts
}

/// Checks every HTML file under `dir`, a site built for `urls`. Problems name
/// files by their path inside the site.
pub fn check_site(dir: &Path, urls: &Urls) -> Vec<Problem> {
    let files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    let pages: BTreeMap<String, (String, PageFacts)> = files
        .par_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .filter_map(|path| {
            let text = fs::read_to_string(path).ok()?;
            let rel = rel_path(dir, path);
            let facts = read_page(&text);
            Some((rel, (text, facts)))
        })
        .collect();
    let existing: BTreeSet<String> = files.iter().map(|p| rel_path(dir, p)).collect();
    let mut problems: Vec<Problem> = pages
        .par_iter()
        .flat_map_iter(|(rel, (text, facts))| {
            let path = PathBuf::from(rel);
            let mut out = Vec::new();
            let at = |needle: &str, message: String| {
                let offset = text.find(needle).unwrap_or(0);
                let (line, col) = line_col(text, offset);
                Problem {
                    path: path.clone(),
                    line,
                    col,
                    message,
                    hint: None,
                }
            };
            for error in &facts.parse_errors {
                out.push(at("<", format!("invalid HTML: {error}")));
            }
            for id in &facts.duplicate_ids {
                out.push(at(
                    &format!("id=\"{id}\""),
                    format!("the id \"{id}\" is used twice"),
                ));
            }
            if facts.lang.is_none() {
                out.push(at("<html", "the page has no <html lang>".into()));
            }
            let is_redirect = text.contains("http-equiv=\"refresh\"");
            if facts.canonical.is_none() && rel != "404.html" {
                out.push(at("<head", "the page has no canonical link".into()));
            }
            for link in &facts.links {
                if let Some(message) = check_link(urls, &existing, &pages, rel, link) {
                    out.push(at(&format!("\"{link}\""), message));
                }
            }
            if !is_redirect && rel != "404.html" {
                out.extend(
                    check_alternates(urls, &pages, rel, facts)
                        .into_iter()
                        .map(|m| at("hreflang", m)),
                );
            }
            out
        })
        .collect();
    problems.sort();
    problems
}

/// The file a site URL is served from, if it is internal.
fn target_file(urls: &Urls, link: &str, from_rel: &str) -> Option<(String, String)> {
    let (path, fragment) = link.split_once('#').unwrap_or((link, ""));
    let path = path.split('?').next().unwrap_or(path);
    let site_path = if let Some(rest) = path.strip_prefix(&urls.absolute("")) {
        rest.to_string()
    } else if path.is_empty() {
        from_rel.to_string()
    } else if let Some(rest) = path.strip_prefix(urls.base_path()) {
        rest.to_string()
    } else {
        return None;
    };
    Some((file_for(&site_path), fragment.to_string()))
}

fn check_link(
    urls: &Urls,
    existing: &BTreeSet<String>,
    pages: &BTreeMap<String, (String, PageFacts)>,
    from_rel: &str,
    link: &str,
) -> Option<String> {
    if link.starts_with("http://") || link.starts_with("https://") || link.starts_with("mailto:") {
        if !link.starts_with(&urls.absolute("")) {
            return None;
        }
    } else if !link.starts_with('/') && !link.starts_with('#') {
        return Some(format!(
            "link \"{link}\" is relative; the site links from its base path"
        ));
    }
    let Some((file, fragment)) = target_file(urls, link, from_rel) else {
        return Some(format!(
            "link \"{link}\" is outside the base path {}",
            urls.base_path()
        ));
    };
    if !existing.contains(&file) {
        return Some(format!("link \"{link}\" leads to no file ({file})"));
    }
    if !fragment.is_empty() {
        match pages.get(&file) {
            Some((_, facts)) if facts.ids.contains(&fragment) => {}
            Some(_) => {
                return Some(format!(
                    "link \"{link}\": {file} has no element with id \"{fragment}\""
                ));
            }
            None => {}
        }
    }
    None
}

/// Each alternate must exist and list the same alternates back.
fn check_alternates(
    urls: &Urls,
    pages: &BTreeMap<String, (String, PageFacts)>,
    rel: &str,
    facts: &PageFacts,
) -> Vec<String> {
    let mut out = Vec::new();
    if !facts.alternates.contains_key("x-default") {
        out.push("no hreflang=\"x-default\" alternate".to_string());
    }
    if facts
        .lang
        .as_ref()
        .is_some_and(|l| !facts.alternates.contains_key(l))
    {
        out.push("the page does not list itself among its hreflang alternates".to_string());
    }
    for (lang, href) in &facts.alternates {
        let Some((file, _)) = target_file(urls, href, rel) else {
            out.push(format!("hreflang {lang} points outside the site: {href}"));
            continue;
        };
        match pages.get(&file) {
            None => out.push(format!("hreflang {lang} points at a missing page: {href}")),
            Some((_, other)) if other.alternates != facts.alternates => out.push(format!(
                "hreflang {lang}: {file} does not list the same alternates back"
            )),
            Some(_) => {}
        }
    }
    out
}

fn rel_path(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}
