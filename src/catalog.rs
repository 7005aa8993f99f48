//! The validated site, indexed for rendering: every lookup that validation has
//! proven possible is a plain map access here.

use std::collections::BTreeMap;

use crate::content::{
    CodeEntry, ComparisonEntry, Example, Library, Message, RangeEntry, Redirect, SiteSource,
    Translatable,
};
use crate::load::Site;
use crate::strings::Strings;
use crate::urls::Urls;

/// What rendering works from: built by [`crate::validate::validate`] only.
#[derive(Debug)]
pub struct Catalog<'a> {
    pub site: &'a Site,
    pub urls: Urls,
    /// The default language first.
    pub languages: Vec<Language<'a>>,
    pub codes: BTreeMap<u16, &'a CodeEntry>,
    pub ranges: BTreeMap<(u16, u16), &'a RangeEntry>,
    pub comparisons: BTreeMap<(u16, u16), &'a ComparisonEntry>,
    pub libraries: Vec<&'a Library>,
    pub messages: Vec<&'a Message>,
    pub examples: Vec<&'a Example>,
    pub redirects: Vec<&'a Redirect>,
}

#[derive(Debug, Clone, Copy)]
pub struct Language<'a> {
    pub code: &'a str,
    pub strings: &'a Strings,
}

/// A prose field in the language asked for, or in the default language when
/// it is not translated: `lang` says which.
#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    pub text: &'a str,
    pub lang: &'a str,
}

impl<'a> Catalog<'a> {
    pub fn default_lang(&self) -> &'a str {
        self.languages[0].code
    }

    pub fn library(&self, id: &str) -> Option<&'a Library> {
        self.libraries
            .iter()
            .copied()
            .find(|l| l.id.get_ref() == id)
    }

    /// The specifications listed in `site.toml`.
    pub fn sources(&self) -> impl Iterator<Item = &'a SiteSource> {
        self.site.config.iter().flat_map(|c| &c.value.source)
    }

    pub fn code_numbers(&self) -> Vec<u16> {
        self.codes.keys().copied().collect()
    }

    /// A field of a translatable table in `lang`, falling back to the default
    /// language. Validation guarantees the default language has every field
    /// that is not optional.
    pub fn text<T: Translatable>(
        &self,
        texts: &'a BTreeMap<String, toml::Spanned<T>>,
        lang: &str,
        field: &str,
    ) -> Option<Text<'a>> {
        let find = |l: &str| {
            let (key, table) = texts.get_key_value(l)?;
            let (_, value) = table
                .get_ref()
                .fields()
                .into_iter()
                .find(|(name, _)| *name == field)?;
            value.map(|v| Text {
                text: v.get_ref().as_str(),
                lang: key.as_str(),
            })
        };
        find(lang).or_else(|| find(self.default_lang()))
    }
}
