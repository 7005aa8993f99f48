//! The pages of the site, independent of language: which exist, their path
//! and the anchors on them that the spec promises never to change.

/// One page of the site, in no particular language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PageKind {
    Index,
    Code(u16),
    /// Lower code first.
    Compare(u16, u16),
    Range(u16, u16),
    /// `/timeouts/`: the hops in between and their idle limits.
    Timeouts,
}

/// Anchors on a code page: `/1008/#fix`.
pub const CODE_ANCHORS: [&str; 3] = ["description", "when", "fix"];
/// Anchors on a comparison page besides `#c<code>` for each code.
pub const COMPARE_ANCHORS: [&str; 2] = ["differences", "which"];

impl PageKind {
    /// The anchors the spec fixes for this page.
    pub fn anchors(self) -> Vec<String> {
        match self {
            PageKind::Index | PageKind::Range(..) | PageKind::Timeouts => Vec::new(),
            PageKind::Code(_) => CODE_ANCHORS.iter().map(|a| a.to_string()).collect(),
            PageKind::Compare(a, b) => COMPARE_ANCHORS
                .iter()
                .map(|a| a.to_string())
                .chain([format!("c{a}"), format!("c{b}")])
                .collect(),
        }
    }

    /// Reads a path as content writes it (`/1008/`, `/1002-vs-1008/`). A
    /// comparison in the wrong order is read as written: callers decide.
    pub fn parse(path: &str) -> Option<PageKind> {
        let inner = path.strip_prefix('/')?;
        if inner.is_empty() {
            return Some(PageKind::Index);
        }
        let inner = inner.strip_suffix('/')?;
        if inner == "timeouts" {
            return Some(PageKind::Timeouts);
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
