//! Facts about close codes as numbers (RFC 6455 §7.4.2): the four ranges,
//! and which codes a site may document.

/// Whether `code` is in a registered range (below 4000) rather than private:
/// registered codes get every comparison and their own social image, so that
/// a site of many private codes grows linearly.
pub fn is_registered(code: u16) -> bool {
    code < 4000
}

/// The codes a site may document: 0-999 are never used, and nothing above
/// 4999 is a close code.
pub const DOCUMENTED: std::ops::RangeInclusive<u16> = 1000..=4999;

/// The ranges of RFC 6455 §7.4.2, each with a page.
pub const RANGES: [(u16, u16); 4] = [(0, 999), (1000, 2999), (3000, 3999), (4000, 4999)];

/// The range a code falls in.
pub fn range_of(code: u16) -> Option<(u16, u16)> {
    RANGES
        .into_iter()
        .find(|(start, end)| (*start..=*end).contains(&code))
}
