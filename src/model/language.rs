//! A language of the site and its words.

use crate::load::strings::Strings;

/// A language of the site: its code and its words.
#[derive(Debug, Clone, Copy)]
pub struct Language<'a> {
    pub code: &'a str,
    pub strings: &'a Strings,
}
