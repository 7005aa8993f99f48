//! What is published: the output directory a Pages workflow uploads holds
//! the site's pages, its assets and the documented files for machines, and
//! nothing of the build's own bookkeeping.

use std::path::Path;

use crate::common;

/// Why a published file may be there, or `None` when nothing says so.
fn kind(rel: &str) -> Option<&'static str> {
    let name = Path::new(rel).file_name()?.to_str()?;
    let ext = Path::new(rel).extension().and_then(|e| e.to_str());
    let top = rel.split('/').next().unwrap_or_default();
    match (top, ext) {
        (_, Some("html")) => Some("page"),
        ("og", Some("png")) => Some("share image"),
        ("api", Some("json")) => Some("API"),
        ("static" | "js", Some("js")) => Some("script"),
        _ if name == "lookup.json" => Some("lookup data"),
        _ if name == "search.json" => Some("full-text index"),
        _ if ["sitemap.xml", "robots.txt", ".nojekyll"].contains(&rel) => {
            Some("for crawlers and Pages")
        }
        _ if ["style.css", "print.css", "site.js", "favicon.svg"].contains(&rel) => Some("asset"),
        (_, Some("txt")) if name.trim_end_matches(".txt").parse::<u16>().is_ok() => {
            Some("plain text of a code")
        }
        (_, Some("js")) if !rel.contains('/') => Some("script"),
        _ => None,
    }
}

#[test]
fn the_published_directory_holds_the_site_and_nothing_of_the_build() {
    let site = common::real_site();
    let files = common::snapshot(&site.out);
    assert!(files.len() > 500, "the site was built");
    let unexplained: Vec<&String> = files.keys().filter(|rel| kind(rel).is_none()).collect();
    assert!(
        unexplained.is_empty(),
        "published but not part of the site: {unexplained:?}"
    );
    let hidden: Vec<&String> = files
        .keys()
        .filter(|rel| rel.split('/').any(|part| part.starts_with('.')) && *rel != ".nojekyll")
        .collect();
    assert!(hidden.is_empty(), "hidden files are published: {hidden:?}");
    // The bookkeeping is beside the published directory.
    let slot = std::fs::canonicalize(&site.out).expect("the output link");
    for what in ["manifest", "keys", "inputs"] {
        let beside = format!("{}.{what}", slot.display());
        assert!(Path::new(&beside).is_file(), "{beside} is missing");
    }
}
