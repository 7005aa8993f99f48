//! The pages of the site, independent of language: which exist, their path
//! and the anchors on them that the spec promises never to change.

/// One page of the site, in no particular language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PageKind<'a> {
    Index,
    Code(u16),
    /// A number in 3000-4999 that protocols define for themselves
    /// (`/4004/`): a section for each protocol that uses it.
    Number(u16),
    /// Lower code first.
    Compare(u16, u16),
    Range(u16, u16),
    /// `/timeouts/`: the hops in between and their idle limits.
    Timeouts,
    /// `/protocols/`: the protocols whose own codes the site explains.
    Protocols,
    /// `/protocols/<slug>/`: one protocol's codes.
    Protocol(&'a str),
}

/// Anchors on a code page: `/1008/#fix`.
pub const CODE_ANCHORS: [&str; 3] = ["description", "when", "fix"];
/// Sections of the timeouts page; each hop adds `#nginx` and `#nginx-note`.
pub const TIMEOUTS_ANCHORS: [&str; 4] = ["sees", "hops", "heartbeats", "notes"];
/// Anchors on a comparison page besides `#c<code>` for each code.
pub const COMPARE_ANCHORS: [&str; 2] = ["differences", "which"];

impl<'a> PageKind<'a> {
    /// The anchors the spec fixes for this page; a number page's depend on
    /// its protocols (see `Catalog::anchors`).
    pub fn anchors(self) -> Vec<String> {
        match self {
            PageKind::Index
            | PageKind::Range(..)
            | PageKind::Timeouts
            | PageKind::Number(_)
            | PageKind::Protocols
            | PageKind::Protocol(_) => Vec::new(),
            PageKind::Code(_) => CODE_ANCHORS.iter().map(|a| a.to_string()).collect(),
            PageKind::Compare(a, b) => COMPARE_ANCHORS
                .iter()
                .map(|a| a.to_string())
                .chain([format!("c{a}"), format!("c{b}")])
                .collect(),
        }
    }

    /// Reads a path as content writes it (`/1008/`, `/1002-vs-1008/`). A
    /// comparison in the wrong order is read as written, and any number as
    /// a code: callers decide (`Catalog::resolve`).
    pub fn parse(path: &'a str) -> Option<PageKind<'a>> {
        let inner = path.strip_prefix('/')?;
        if inner.is_empty() {
            return Some(PageKind::Index);
        }
        let inner = inner.strip_suffix('/')?;
        match inner {
            "timeouts" => return Some(PageKind::Timeouts),
            "protocols" => return Some(PageKind::Protocols),
            _ => {}
        }
        if let Some(slug) = inner.strip_prefix("protocols/") {
            return is_slug(slug).then_some(PageKind::Protocol(slug));
        }
        if let Some((a, b)) = inner.split_once("-vs-") {
            return Some(PageKind::Compare(number(a)?, number(b)?));
        }
        if let Some((start, end)) = inner.split_once('-') {
            return Some(PageKind::Range(number(start)?, number(end)?));
        }
        Some(PageKind::Code(number(inner)?))
    }
}

/// Whether `text` may name a protocol: lowercase ASCII letters, digits and
/// inner hyphens.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn number(text: &str) -> Option<u16> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Every comparison pair of a sorted list of codes, lower code first.
pub fn pairs(codes: &[u16]) -> impl Iterator<Item = (u16, u16)> + '_ {
    codes
        .iter()
        .enumerate()
        .flat_map(move |(i, &a)| codes[i + 1..].iter().map(move |&b| (a, b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_paths_name_their_page() {
        for (path, kind) in [
            ("/", PageKind::Index),
            ("/1008/", PageKind::Code(1008)),
            ("/1002-vs-1008/", PageKind::Compare(1002, 1008)),
            ("/1008-vs-1002/", PageKind::Compare(1008, 1002)),
            ("/3000-3999/", PageKind::Range(3000, 3999)),
        ] {
            assert_eq!(PageKind::parse(path), Some(kind), "{path}");
        }
        assert_eq!(PageKind::parse("/1008"), None);
        assert_eq!(PageKind::parse("/abc/"), None);
    }

    #[test]
    fn every_pair_once() {
        let all: Vec<_> = pairs(&[1, 2, 3]).collect();
        assert_eq!(all, [(1, 2), (1, 3), (2, 3)]);
    }
}
