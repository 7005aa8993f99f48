//! The URL lock: `content/urls.lock` lists every URL the site has published
//! and every anchor the spec promises. Error messages in other people's
//! programs link to them, so a build that would drop one fails; a build that
//! succeeds adds what is new.

use std::collections::BTreeSet;
use std::path::Path;

use crate::error::{Problem, Result, io_error};
use crate::model::catalog::Catalog;
use crate::project::LOCK_PART;

const HEADER: &str = "\
# Every URL this site has published, and every anchor the spec promises, one per line.
# The build adds new ones. A line may only go away together with a redirect in
# redirects.toml: links to these addresses live in other people's programs.
";

/// Every URL and anchor the catalog publishes, as site paths (`/ko/1008/#fix`).
pub(crate) fn published(catalog: &Catalog) -> BTreeSet<String> {
    let urls = catalog.urls();
    let mut out = BTreeSet::new();
    for &kind in catalog.page_kinds() {
        for language in catalog.languages() {
            let rel = urls.page(language.code, kind);
            out.insert(format!("/{rel}"));
            for anchor in catalog.anchors(kind) {
                out.insert(format!("/{rel}#{anchor}"));
            }
        }
    }
    for redirect in catalog.redirects() {
        out.insert(format!("/{}", redirect.from));
    }
    for code in catalog.codes().keys() {
        out.insert(format!("/api/{code}.json"));
        out.insert(format!("/{code}.txt"));
    }
    if catalog.timeouts().is_some() {
        out.insert("/api/timeouts.json".to_string());
    }
    if !catalog.protocols().is_empty() {
        out.insert("/api/protocols.json".to_string());
    }
    for protocol in catalog.protocols() {
        out.insert(format!("/api/protocols/{}.json", protocol.slug));
    }
    for fixed in [
        "/api/codes.json",
        "/404.html",
        "/sitemap.xml",
        "/robots.txt",
    ] {
        out.insert(fixed.to_string());
    }
    out
}

/// Locked lines the catalog would no longer publish.
pub(crate) fn verify(catalog: &Catalog, published: &BTreeSet<String>) -> Vec<Problem> {
    let Some(lock) = catalog.url_lock() else {
        return Vec::new();
    };
    // A redirect page carries any #anchor on to the page it sends to: moving a
    // page with a redirect is the deliberate way to retire its anchors.
    let redirected: BTreeSet<String> = catalog
        .redirects()
        .iter()
        .map(|r| format!("/{}", r.from))
        .collect();
    let mut offset = 0;
    let mut problems = Vec::new();
    for line in lock.text.split_inclusive('\n') {
        let entry = line.trim();
        let start = offset;
        offset += line.len();
        if entry.is_empty() || entry.starts_with('#') || published.contains(entry) {
            continue;
        }
        // A dropped page is reported once, not once more for each anchor on it.
        let Some((path, anchor)) = entry.split_once('#') else {
            problems.push(
                lock.problem(
                    start..start,
                    format!("{entry} was published and this build would drop it"),
                )
                .with_hint(
                    "keep the page, or add a redirect to content/redirects.toml: \
                     [[redirect]] from = \"/old/\" to = \"/new/\"",
                ),
            );
            continue;
        };
        if !published.contains(path) || redirected.contains(path) {
            continue;
        }
        let message =
            format!("{entry}: the page is still here but the anchor #{anchor} would disappear");
        problems.push(
            lock.problem(start..start, message)
                .with_hint("keep the anchor: the spec promises it never changes"),
        );
    }
    problems
}

/// Writes the lock: what it held plus what is published now.
pub(crate) fn update(path: &Path, catalog: &Catalog, published: &BTreeSet<String>) -> Result<()> {
    let mut lines: BTreeSet<String> = published.clone();
    if let Some(lock) = catalog.url_lock() {
        lines.extend(
            lock.text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_string),
        );
    }
    let mut text = String::from(HEADER);
    for line in lines {
        text.push_str(&line);
        text.push('\n');
    }
    if std::fs::read_to_string(path).ok().as_deref() == Some(text.as_str()) {
        return Ok(());
    }
    // Written beside and renamed over: a build killed halfway, or one that
    // reads the lock while another writes it, sees the old lock or the new
    // one, never a part that would seem to drop URLs.
    let part = path.with_file_name(LOCK_PART);
    std::fs::write(&part, text).map_err(io_error(path))?;
    std::fs::rename(&part, path).map_err(io_error(path))
}
