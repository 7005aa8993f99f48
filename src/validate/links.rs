//! Rules for links: every site link in prose reaches a page and anchor, no
//! prose shows an image or links an unsafe scheme, and every redirect leads
//! to a page without hiding one.

use toml::Spanned;

use crate::error::Problem;
use crate::load::source::SourceFile;
use crate::model::catalog::Catalog;
use crate::model::pages::PageKind;
use crate::text::markdown::{self, LinkKind};

use super::value_start;

pub(super) fn check(catalog: &Catalog, problems: &mut Vec<Problem>) {
    let content = catalog.content();
    for (file, text) in content.prose() {
        prose_links(catalog, file, text, problems);
    }
    if let Some(redirects) = &content.redirects {
        for redirect in &redirects.value.redirect {
            if resolve_site_link(catalog, redirect.from.get_ref()).is_ok() {
                problems.push(redirects.file.problem(
                    redirect.from.span(),
                    format!(
                        "{} is a page of the site; a redirect would hide it",
                        redirect.from.get_ref()
                    ),
                ));
            }
            if let Err(message) = resolve_site_link(catalog, redirect.to.get_ref()) {
                problems.push(redirects.file.problem(redirect.to.span(), message));
            }
        }
    }
}

fn prose_links(
    catalog: &Catalog,
    file: &SourceFile,
    text: &Spanned<String>,
    problems: &mut Vec<Problem>,
) {
    // The span covers the quotes of the TOML string; offsets inside the
    // Markdown are close to offsets in the file for links on one line.
    let base = value_start(file, text);
    for link in markdown::links(text.get_ref()) {
        let (dest, at) = (link.dest, base + link.offset..base + link.offset);
        if link.image {
            problems.push(
                file.problem(at, format!("image \"{dest}\": prose cannot show images"))
                    .with_hint(
                        "the site loads nothing from elsewhere; describe it in words or link to it",
                    ),
            );
            continue;
        }
        match markdown::classify(&dest) {
            LinkKind::External => {}
            LinkKind::Unsafe => problems.push(file.problem(at, format!("link \"{dest}\" is not allowed"))
                .with_hint("link pages of the site as /1008/ or /1008/#fix, and other sites with https://")),
            LinkKind::Site => {
                if let Err(message) = resolve_site_link(catalog, &dest) {
                    problems.push(file.problem(at, message));
                }
            }
        }
    }
}

/// Resolves a content link such as `/1008/#fix` to a page of the site.
pub(crate) fn resolve_site_link<'d>(
    catalog: &Catalog,
    dest: &'d str,
) -> Result<PageKind<'d>, String> {
    let (path, anchor) = dest.split_once('#').unwrap_or((dest, ""));
    let kind = PageKind::parse(path)
        .map(|kind| catalog.resolve(kind))
        .ok_or_else(|| format!("link \"{dest}\" is not a page of the site"))?;
    // A code whose file did not load is reported already; links to it are not.
    let exists = match kind {
        PageKind::Index => true,
        PageKind::Code(code) => catalog.knows_code(code),
        PageKind::Compare(a, b) if a > b => {
            return Err(format!(
                "link \"{dest}\" puts the higher code first; use /{b}-vs-{a}/"
            ));
        }
        // Only comparisons written as pages can be linked; a code that did
        // not load has its problem reported already.
        PageKind::Compare(a, b) => {
            let known = |n| catalog.knows_code(n) || !catalog.uses(n).is_empty();
            let loaded = catalog.codes().contains_key(&a) && catalog.codes().contains_key(&b);
            a != b && known(a) && known(b) && (!loaded || catalog.has_comparison_page(a, b))
        }
        PageKind::Number(_) => true,
        PageKind::Protocols => !catalog.protocols().is_empty(),
        PageKind::Protocol(slug) => catalog.protocol(slug).is_some(),
        PageKind::Range(start, end) => catalog.ranges().contains_key(&(start, end)),
        PageKind::Timeouts => catalog.content().timeouts.is_some(),
    };
    if !exists {
        return Err(format!(
            "link \"{dest}\" points at a page that does not exist"
        ));
    }
    let known = catalog.anchors(kind);
    if !anchor.is_empty() && !known.iter().any(|a| a == anchor) {
        let hint = if known.is_empty() {
            String::new()
        } else {
            format!(" (it has #{})", known.join(", #"))
        };
        return Err(format!(
            "link \"{dest}\": the page has no anchor #{anchor}{hint}"
        ));
    }
    Ok(kind)
}
