//! The content indexed for rendering: codes, ranges and comparisons by key,
//! the languages with their strings, the URLs, and the plan of the site (its
//! pages and redirects). Validation decides whether a catalog may be
//! rendered; every lookup it has proven possible is a plain map access here.

use std::collections::BTreeMap;

use toml::Spanned;

use crate::content::{
    CapturedFile, CodeEntry, ComparisonEntry, Example, Library, LookupRule, Message, ProtocolCode,
    ProtocolFile, RangeEntry, RedirectEntry, SiteSource, TimeoutsFile, Translatable,
};
use crate::error::Problem;
use crate::load::Content;
use crate::load::source::SourceFile;
pub use crate::model::language::Language;
use crate::model::pages::{PageKind, TIMEOUTS_ANCHORS};
use crate::model::plan::{Plan, Redirect, Site};
use crate::model::urls::Urls;

mod build;

/// What rendering works from. Made by [`Catalog::index`]; rendered only once
/// validation found no problem.
#[derive(Debug)]
pub struct Catalog<'a> {
    content: &'a Content,
    urls: Urls,
    /// The default language first.
    languages: Vec<Language<'a>>,
    codes: BTreeMap<u16, &'a CodeEntry>,
    ranges: BTreeMap<(u16, u16), &'a RangeEntry>,
    comparisons: BTreeMap<(u16, u16), &'a ComparisonEntry>,
    libraries: Vec<&'a Library>,
    messages: Vec<&'a Message>,
    examples: Vec<&'a Example>,
    redirects: Vec<&'a RedirectEntry>,
    /// Captured files by (library id, exact text) of each of their lines.
    captured: BTreeMap<(&'a str, &'a str), &'a CapturedFile>,
    /// The protocols of `protocols/`, most met first.
    protocols: Vec<Protocol<'a>>,
    /// Each number protocols define, with each use, most met first.
    numbers: BTreeMap<u16, Vec<Use<'a>>>,
    /// Every page and redirect, decided once the rest is indexed.
    plan: Plan<'a>,
}

/// A protocol with its own close codes, by its slug (the file name).
#[derive(Debug, Clone, Copy)]
pub struct Protocol<'a> {
    pub slug: &'a str,
    pub file: &'a ProtocolFile,
}

/// One protocol's use of a number.
#[derive(Debug, Clone, Copy)]
pub struct Use<'a> {
    pub protocol: Protocol<'a>,
    pub code: &'a ProtocolCode,
}

/// Picks one prose field of a text table: `|t| t.summary.as_ref()`.
pub type Field<T> = fn(&T) -> Option<&Spanned<String>>;

/// A prose field in the language asked for, or in the default language when
/// it is not translated: `lang` says which.
#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    pub text: &'a str,
    pub lang: &'a str,
}

impl<'a> Catalog<'a> {
    /// Whether the comparison of `a` and `b` is a page of its own (lower
    /// code first), rather than put together by the 404 page.
    pub fn has_comparison_page(&self, a: u16, b: u16) -> bool {
        self.plan.has_comparison_page(a, b)
    }

    /// Every page of the site, in no particular language.
    pub fn page_kinds(&self) -> &[PageKind<'a>] {
        &self.plan.pages
    }

    /// Every address that sends the reader on to another page.
    pub fn redirects(&self) -> &[Redirect<'a>] {
        &self.plan.redirects
    }

    /// Where the site's source is, for "edit this page" links.
    pub fn repository(&self) -> Option<&'a str> {
        let config = &self.content.config.as_ref()?.value;
        config.repository.as_ref().map(|r| r.get_ref().as_str())
    }

    /// The codes `site.toml` lists as the ones readers meet most; validation
    /// has checked that each has an entry.
    pub fn most_met(&self) -> impl Iterator<Item = u16> + 'a {
        let config = self.content.config.as_ref();
        config
            .into_iter()
            .flat_map(|c| c.value.most_met.iter().map(|code| *code.get_ref()))
    }

    /// The rules of `lookup.toml`.
    pub fn lookup_rules(&self) -> &'a [LookupRule] {
        self.content
            .lookup
            .as_ref()
            .map_or(&[], |loaded| loaded.value.rule.as_slice())
    }

    /// `urls.lock`: every URL and anchor ever published.
    pub fn url_lock(&self) -> Option<&'a SourceFile> {
        self.content.url_lock.as_deref()
    }

    /// Every captured file: what libraries printed when the harness ran them.
    pub fn captured_files(&self) -> impl Iterator<Item = &'a CapturedFile> + 'a {
        self.content.captured.iter().map(|f| &f.value)
    }

    /// The protocols with their own close codes, most met first.
    pub fn protocols(&self) -> &[Protocol<'a>] {
        &self.protocols
    }

    pub fn protocol(&self, slug: &str) -> Option<Protocol<'a>> {
        self.protocols.iter().copied().find(|p| p.slug == slug)
    }

    /// The protocols that define `number`, most met first.
    /// Every number some protocol defines, with its uses, most met first.
    pub fn protocol_numbers(&self) -> impl Iterator<Item = (u16, &[Use<'a>])> {
        self.numbers.iter().map(|(n, uses)| (*n, uses.as_slice()))
    }

    pub fn uses(&self, number: u16) -> &[Use<'a>] {
        self.numbers.get(&number).map_or(&[], Vec::as_slice)
    }

    /// What the protocol named by `slug` defines `number` as, if it does.
    pub fn use_of(&self, number: u16, slug: Option<&str>) -> Option<&Use<'a>> {
        self.uses(number)
            .iter()
            .find(|u| Some(u.protocol.slug) == slug)
    }

    /// The page a path names, now that the catalog knows which numbers are
    /// codes and which protocols define: `/4004/` is a number page.
    pub fn resolve<'p>(&self, kind: PageKind<'p>) -> PageKind<'p> {
        match kind {
            PageKind::Code(n) if !self.codes.contains_key(&n) && self.numbers.contains_key(&n) => {
                PageKind::Number(n)
            }
            kind => kind,
        }
    }

    /// The anchors the spec fixes for a page: on a number page, each
    /// protocol's section and its fix (`#discord-gateway-fix`); on the
    /// timeouts page, its sections, each hop's row and its note.
    pub fn anchors(&self, kind: PageKind) -> Vec<String> {
        match kind {
            PageKind::Number(n) => self
                .uses(n)
                .iter()
                .flat_map(|u| {
                    [
                        u.protocol.slug.to_string(),
                        format!("{}-fix", u.protocol.slug),
                    ]
                })
                .collect(),
            PageKind::Timeouts => TIMEOUTS_ANCHORS
                .iter()
                .map(|a| a.to_string())
                .chain(self.timeouts().into_iter().flat_map(|file| {
                    file.hop.iter().flat_map(|hop| {
                        let id = hop.id.get_ref();
                        [id.clone(), format!("{id}-note")]
                    })
                }))
                .collect(),
            kind => kind.anchors(),
        }
    }

    /// `timeouts.toml`, where the site has a timeouts page.
    pub fn timeouts(&self) -> Option<&'a TimeoutsFile> {
        self.content.timeouts.as_ref().map(|loaded| &loaded.value)
    }

    /// The parsed content the catalog indexes, with file positions.
    pub fn content(&self) -> &'a Content {
        self.content
    }

    pub fn urls(&self) -> &Urls {
        &self.urls
    }

    /// The default language first.
    pub fn languages(&self) -> &[Language<'a>] {
        &self.languages
    }

    pub fn default_lang(&self) -> &'a str {
        self.languages[0].code
    }

    pub fn default_language(&self) -> Language<'a> {
        self.languages[0]
    }

    /// The language `lang`, or the default one.
    pub fn language(&self, lang: &str) -> Language<'a> {
        self.languages
            .iter()
            .copied()
            .find(|l| l.code == lang)
            .unwrap_or(self.languages[0])
    }

    pub fn codes(&self) -> &BTreeMap<u16, &'a CodeEntry> {
        &self.codes
    }

    /// The entry of a code the catalog has; asking for another is a bug.
    pub fn code(&self, code: u16) -> &'a CodeEntry {
        self.codes[&code]
    }

    pub fn code_numbers(&self) -> Vec<u16> {
        self.codes.keys().copied().collect()
    }

    pub fn ranges(&self) -> &BTreeMap<(u16, u16), &'a RangeEntry> {
        &self.ranges
    }

    /// Hand-written comparisons, lower code first.
    pub fn comparisons(&self) -> &BTreeMap<(u16, u16), &'a ComparisonEntry> {
        &self.comparisons
    }

    pub fn libraries(&self) -> &[&'a Library] {
        &self.libraries
    }

    pub fn library(&self, id: &str) -> Option<&'a Library> {
        self.libraries.iter().copied().find(|l| l.id() == id)
    }

    pub fn messages(&self) -> &[&'a Message] {
        &self.messages
    }

    /// The log lines that point at `code`.
    pub fn messages_for(&self, code: u16) -> impl Iterator<Item = &'a Message> + '_ {
        self.messages
            .iter()
            .copied()
            .filter(move |m| *m.code.get_ref() == code)
    }

    pub fn examples(&self) -> &[&'a Example] {
        &self.examples
    }

    /// The run that printed exactly `text`, if the capture harness saw
    /// `library` print it.
    pub fn captured(&self, library: &str, text: &str) -> Option<&'a CapturedFile> {
        self.captured.get(&(library, text)).copied()
    }

    /// The specifications listed in `site.toml`.
    pub fn sources(&self) -> impl Iterator<Item = &'a SiteSource> {
        self.content.config.iter().flat_map(|c| &c.value.source)
    }

    /// Whether `code` has an entry, or a file that failed to load (and was
    /// reported already).
    pub fn knows_code(&self, code: u16) -> bool {
        self.codes.contains_key(&code) || self.content.broken_codes.contains(&code)
    }

    /// A field of a translatable table in `lang`, falling back to the
    /// default language: `field` picks it, so a misspelt field does not
    /// compile.
    pub fn text<T: Translatable>(
        &self,
        texts: &'a BTreeMap<String, Spanned<T>>,
        lang: &str,
        field: Field<T>,
    ) -> Option<Text<'a>> {
        let find = |l: &str| {
            let (key, table) = texts.get_key_value(l)?;
            field(table.get_ref()).map(|v| Text {
                text: v.get_ref().as_str(),
                lang: key.as_str(),
            })
        };
        find(lang).or_else(|| find(self.default_lang()))
    }
}
