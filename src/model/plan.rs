//! The plan of the site, decided once per build: every page and every
//! redirect, in no particular language. Comparisons are where the plan
//! chooses: which pairs are pages, and which have a reverse-order redirect,
//! so that a site of many private codes grows about linearly.

use std::collections::{BTreeMap, BTreeSet};

use crate::content::{CodeEntry, ComparisonEntry, RedirectEntry};
use crate::load::source::SourceFile;
use crate::model::language::Language;
use crate::model::pages::{self, PageKind};
use crate::model::ranges;
use crate::model::urls::Urls;

/// What the plan is decided from: the indexed content.
pub(crate) struct Site<'s, 'a> {
    /// Numbers protocols define that are not codes of their own.
    pub numbers: Vec<u16>,
    /// The protocols' slugs.
    pub protocols: Vec<&'a str>,
    pub codes: &'s BTreeMap<u16, &'a CodeEntry>,
    pub comparisons: &'s BTreeMap<(u16, u16), &'a ComparisonEntry>,
    pub ranges: Vec<(u16, u16)>,
    pub has_timeouts: bool,
    pub url_lock: Option<&'a SourceFile>,
    /// The default language first.
    pub languages: &'s [Language<'a>],
    pub urls: &'s Urls,
    /// The moves of `redirects.toml`.
    pub moved: &'s [&'a RedirectEntry],
}

/// An address that sends the reader to another page of the same language,
/// both relative to the base URL.
#[derive(Debug, Clone)]
pub struct Redirect<'a> {
    pub language: Language<'a>,
    pub from: String,
    pub to: String,
}

/// Every page and redirect of the site.
#[derive(Debug, Default)]
pub struct Plan<'a> {
    pub pages: Vec<PageKind<'a>>,
    pub redirects: Vec<Redirect<'a>>,
    /// The comparisons written as pages; see [`static_pairs`].
    static_pairs: BTreeSet<(u16, u16)>,
}

impl<'a> Plan<'a> {
    /// The plan of an indexed site.
    pub(crate) fn new(site: &Site<'_, 'a>) -> Plan<'a> {
        let locked = locked_pairs(site);
        let static_pairs = static_pairs(site, &locked);
        let reverse = reverse_redirects(site, &static_pairs, &locked);
        let mut pages = vec![PageKind::Index];
        pages.extend(site.ranges.iter().map(|&(s, e)| PageKind::Range(s, e)));
        pages.extend(site.codes.keys().map(|&c| PageKind::Code(c)));
        pages.extend(static_pairs.iter().map(|&(a, b)| PageKind::Compare(a, b)));
        if site.has_timeouts {
            pages.push(PageKind::Timeouts);
        }
        pages.extend(site.numbers.iter().map(|&n| PageKind::Number(n)));
        if !site.protocols.is_empty() {
            pages.push(PageKind::Protocols);
        }
        pages.extend(site.protocols.iter().map(|&slug| PageKind::Protocol(slug)));
        Plan {
            pages,
            redirects: redirects(site, &reverse),
            static_pairs,
        }
    }

    /// Whether the comparison of `a` and `b` is a page of its own (lower
    /// code first), rather than put together by the 404 page.
    pub fn has_comparison_page(&self, a: u16, b: u16) -> bool {
        self.static_pairs.contains(&(a.min(b), a.max(b)))
    }
}

/// Every address that must keep working by sending the reader on: each
/// comparison in `reverse` at its reverse-order address, and the moves of
/// `redirects.toml`, in every language.
fn redirects<'a>(site: &Site<'_, 'a>, reverse: &BTreeSet<(u16, u16)>) -> Vec<Redirect<'a>> {
    let urls = site.urls;
    let mut out = Vec::new();
    for language in site.languages {
        let lang = language.code;
        let prefix = urls.lang_prefix(lang);
        for &(a, b) in reverse {
            out.push(Redirect {
                language: *language,
                from: urls.reverse_compare(lang, a, b),
                to: urls.compare(lang, a, b),
            });
        }
        for moved in site.moved {
            let from = moved.from.get_ref().trim_start_matches('/');
            let to = moved.to.get_ref().trim_start_matches('/');
            out.push(Redirect {
                language: *language,
                from: format!("{prefix}{from}"),
                to: format!("{prefix}{to}"),
            });
        }
    }
    out
}

/// Which comparisons are pages, so that the output grows about linearly with
/// the number of codes: every pair of registered codes (below 4000), every
/// hand-written pair, every pair in which one code names the other as
/// related, and every pair the URL lock says was published. Any other pair
/// is put together from `/api/` by the 404 page.
fn static_pairs(site: &Site, locked: &BTreeSet<(u16, u16)>) -> BTreeSet<(u16, u16)> {
    let registered: Vec<u16> = site
        .codes
        .keys()
        .copied()
        .filter(|&c| ranges::is_registered(c))
        .collect();
    let mut pairs: BTreeSet<(u16, u16)> = pages::pairs(&registered).collect();
    pairs.extend(site.comparisons.keys().copied());
    // A comparison once published stays a page: the URL lock holds.
    pairs.extend(locked.iter().map(|&(a, b)| (a.min(b), a.max(b))));
    for (&code, entry) in site.codes {
        for other in entry.related() {
            if other != code && site.codes.contains_key(&other) {
                pairs.insert((code.min(other), code.max(other)));
            }
        }
    }
    pairs
}

/// Which comparison pages have a redirect page at their reverse-order
/// address (`/1008-vs-1002/`): pairs of registered codes, hand-written
/// pairs, and any reverse-order address the URL lock lists. For the rest,
/// pairs with a private code, the 404 page sends the reader on with the
/// anchor, so that those sites write half as many files.
fn reverse_redirects(
    site: &Site,
    static_pairs: &BTreeSet<(u16, u16)>,
    locked: &BTreeSet<(u16, u16)>,
) -> BTreeSet<(u16, u16)> {
    static_pairs
        .iter()
        .copied()
        .filter(|&(a, b)| {
            (ranges::is_registered(a) && ranges::is_registered(b))
                || site.comparisons.contains_key(&(a, b))
                || locked.contains(&(b, a))
        })
        .collect()
}

/// The comparisons the URL lock lists, in any language, each in the order
/// of its address (`/ko/1008-vs-1002/` gives `(1008, 1002)`), where both
/// codes still exist.
fn locked_pairs(site: &Site) -> BTreeSet<(u16, u16)> {
    let Some(lock) = site.url_lock else {
        return BTreeSet::new();
    };
    lock.text
        .lines()
        .filter_map(|line| {
            let path = line.trim().split('#').next().unwrap_or_default();
            let path = site
                .languages
                .iter()
                .skip(1)
                .find_map(|l| {
                    path.strip_prefix(&format!("/{}/", l.code))
                        .map(|rest| format!("/{rest}"))
                })
                .unwrap_or_else(|| path.to_string());
            match PageKind::parse(&path) {
                Some(PageKind::Compare(a, b))
                    if a != b && site.codes.contains_key(&a) && site.codes.contains_key(&b) =>
                {
                    Some((a, b))
                }
                _ => None,
            }
        })
        .collect()
}
