//! The typed shape of every file under `content/`. Each struct rejects unknown
//! fields; values that validation may complain about keep their position.

mod captured;
mod glossary;
mod libraries;
mod lookup;
mod protocols;
mod timeouts;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use toml::Spanned;

pub use captured::{CapturedFile, CapturedLine, Side};
pub use glossary::GlossaryFile;
pub use libraries::{
    Example, ExamplesFile, LibrariesFile, Library, Limit, LimitKind, Message, MessagesFile,
};
pub use lookup::{LookupFile, LookupRule, RuleKind};
pub use protocols::{
    CodeInLibrary, ProtocolCode, ProtocolCodeText, ProtocolFile, ProtocolLibrary, ProtocolText,
};
pub use timeouts::{Hop, HopKind, ResetBy, TimeoutsFile, TimeoutsText};

/// `site.toml`: the site as a whole.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub base_url: Spanned<String>,
    /// The first language is the default one, served at the root.
    pub languages: Spanned<Vec<Spanned<String>>>,
    /// The specifications the site's facts come from, linked on every page.
    #[serde(default)]
    pub source: Vec<SiteSource>,
    /// Where the site's content and generator live, linked from every page.
    pub repository: Option<Spanned<String>>,
    /// The codes readers meet most, first on the index, most met first.
    #[serde(default)]
    pub most_met: Vec<Spanned<u16>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteSource {
    pub label: String,
    pub url: Spanned<String>,
    /// The registry of codes: code pages of registered codes link it too.
    #[serde(default)]
    pub registry: bool,
}

/// `codes/NNNN.toml`: one close code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeEntry {
    pub code: Spanned<u16>,
    pub name: Spanned<String>,
    pub reference: String,
    #[serde(default)]
    pub section: String,
    pub source: Spanned<String>,
    pub sendable: bool,
    pub close_method: bool,
    pub sent_by: Sender,
    pub reconnect: Reconnect,
    #[serde(default)]
    pub related: Vec<Spanned<u16>>,
    #[serde(default)]
    pub examples: CodeExamples,
    pub text: Spanned<BTreeMap<String, Spanned<CodeText>>>,
}

impl CodeEntry {
    pub fn number(&self) -> u16 {
        *self.code.get_ref()
    }

    /// The registered name, in English.
    pub fn name(&self) -> &str {
        self.name.get_ref()
    }

    pub fn source_url(&self) -> &str {
        self.source.get_ref()
    }

    /// The name in `lang`'s words, or the registered name.
    pub fn local_name(&self, lang: &str) -> &str {
        self.text
            .get_ref()
            .get(lang)
            .and_then(|t| t.get_ref().name.as_ref())
            .map_or(self.name(), |n| n.get_ref())
    }

    pub fn related(&self) -> impl Iterator<Item = u16> + '_ {
        self.related.iter().map(|r| *r.get_ref())
    }
}

/// `[examples]` of a code: where the shared examples of `examples.toml` do
/// not fit it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeExamples {
    /// False when the shared read examples cannot meet this code at all.
    #[serde(default = "yes")]
    pub shared_read: bool,
    /// Read examples for this code only, by library id; they replace the
    /// shared one of that library.
    #[serde(default)]
    pub read: BTreeMap<String, Spanned<String>>,
}

impl Default for CodeExamples {
    fn default() -> Self {
        Self {
            shared_read: true,
            read: BTreeMap::new(),
        }
    }
}

fn yes() -> bool {
    true
}

/// Who usually puts a code in a Close frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sender {
    Either,
    Server,
    Client,
    Library,
    Gateway,
    /// Never on the wire: an endpoint reports it locally.
    Nobody,
}

/// Whether a client should open a new connection after this code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reconnect {
    No,
    Yes,
    Backoff,
    AfterFix,
}

/// The prose of a code in one language. Every field is Markdown; a field that
/// is absent in a translation falls back to the default language.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeText {
    /// Hash of the default-language text this translation was written from.
    pub source: Option<Spanned<String>>,
    /// The registered name in this language's words, for readers and the
    /// lookup; the registered (English) name stays the code's name.
    pub name: Option<Spanned<String>>,
    pub summary: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
    pub when: Option<Spanned<String>>,
    pub fix: Option<Spanned<String>>,
    pub choose: Option<Spanned<String>>,
    /// What a web page sees: the CloseEvent, the console, per engine.
    pub browser: Option<Spanned<String>>,
    /// A note above the code examples, for codes they need explaining for.
    pub examples: Option<Spanned<String>>,
}

/// `ranges/A-B.toml`: one range of codes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RangeEntry {
    pub start: Spanned<u16>,
    pub end: u16,
    pub reference: String,
    #[serde(default)]
    pub section: String,
    pub source: Spanned<String>,
    pub text: Spanned<BTreeMap<String, Spanned<RangeText>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RangeText {
    pub source: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub summary: Option<Spanned<String>>,
    pub body: Option<Spanned<String>>,
    /// How to pick codes of your own in this range.
    pub choosing: Option<Spanned<String>>,
    /// How to document them with this generator.
    pub documenting: Option<Spanned<String>>,
}

/// `comparisons/A-B.toml`: a hand-written comparison of two codes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComparisonEntry {
    pub codes: Spanned<[Spanned<u16>; 2]>,
    /// Whose meaning of a 3000-4999 number it compares: a protocol's slug.
    pub protocol: Option<Spanned<String>>,
    /// The question it answers, by which the index groups comparisons.
    pub theme: Option<Theme>,
    pub text: Spanned<BTreeMap<String, Spanned<ComparisonText>>>,
}

/// What a reader asking "A or B?" is going through; the index groups
/// comparisons by it, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    /// The connection ended or dropped: 1000, 1001, 1005, 1006 and what 1006 hides.
    Dropped,
    /// A frame or message was refused: 1002, 1003, 1007, 1008, 1009, 1010.
    Refused,
    /// The server failed, restarts or is overloaded: 1011 to 1014.
    Server,
    /// Access and time limits of applications: 1008 beside 3000, 3003, 3008.
    Access,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComparisonText {
    pub source: Option<Spanned<String>>,
    /// One or two sentences that settle the question: the page opens with it.
    pub verdict: Option<Spanned<String>>,
    pub intro: Option<Spanned<String>>,
    pub differences: Option<Spanned<String>>,
    pub which: Option<Spanned<String>>,
}

/// A translatable text table: lets coverage and fallback treat every kind of
/// entry alike.
pub trait Translatable {
    /// The source hash the translation was written from, if recorded.
    fn source_hash(&self) -> Option<&Spanned<String>>;
    /// Every prose field by name, present or not.
    fn fields(&self) -> Vec<(&'static str, Option<&Spanned<String>>)>;
    /// Fields that even the default language may leave out.
    const OPTIONAL: &'static [&'static str] = &[];
}

impl Translatable for CodeText {
    fn source_hash(&self) -> Option<&Spanned<String>> {
        self.source.as_ref()
    }
    fn fields(&self) -> Vec<(&'static str, Option<&Spanned<String>>)> {
        // Named in full: a new field fails to compile until it is listed.
        let CodeText {
            source: _,
            name: _,
            summary,
            description,
            when,
            fix,
            choose,
            browser,
            examples,
        } = self;
        vec![
            ("summary", summary.as_ref()),
            ("description", description.as_ref()),
            ("when", when.as_ref()),
            ("fix", fix.as_ref()),
            ("choose", choose.as_ref()),
            ("browser", browser.as_ref()),
            ("examples", examples.as_ref()),
        ]
    }
    const OPTIONAL: &'static [&'static str] = &["browser", "examples"];
}

impl Translatable for RangeText {
    fn source_hash(&self) -> Option<&Spanned<String>> {
        self.source.as_ref()
    }
    fn fields(&self) -> Vec<(&'static str, Option<&Spanned<String>>)> {
        let RangeText {
            source: _,
            title,
            summary,
            body,
            choosing,
            documenting,
        } = self;
        vec![
            ("title", title.as_ref()),
            ("summary", summary.as_ref()),
            ("body", body.as_ref()),
            ("choosing", choosing.as_ref()),
            ("documenting", documenting.as_ref()),
        ]
    }
    const OPTIONAL: &'static [&'static str] = &["choosing", "documenting"];
}

impl Translatable for ComparisonText {
    fn source_hash(&self) -> Option<&Spanned<String>> {
        self.source.as_ref()
    }
    fn fields(&self) -> Vec<(&'static str, Option<&Spanned<String>>)> {
        let ComparisonText {
            source: _,
            verdict,
            intro,
            differences,
            which,
        } = self;
        vec![
            ("verdict", verdict.as_ref()),
            ("intro", intro.as_ref()),
            ("differences", differences.as_ref()),
            ("which", which.as_ref()),
        ]
    }
}

/// `redirects.toml`: pages that moved. Old paths keep working forever.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedirectsFile {
    #[serde(default)]
    pub redirect: Vec<RedirectEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedirectEntry {
    /// Site path without language prefix, such as `/old-name/`.
    pub from: Spanned<String>,
    /// Site path it now lives at, such as `/1008/`.
    pub to: Spanned<String>,
}

impl Translatable for TimeoutsText {
    fn source_hash(&self) -> Option<&Spanned<String>> {
        self.source.as_ref()
    }
    fn fields(&self) -> Vec<(&'static str, Option<&Spanned<String>>)> {
        let TimeoutsText {
            source: _,
            title,
            summary,
            intro,
            sees,
            heartbeats,
        } = self;
        vec![
            ("title", title.as_ref()),
            ("summary", summary.as_ref()),
            ("intro", intro.as_ref()),
            ("sees", sees.as_ref()),
            ("heartbeats", heartbeats.as_ref()),
        ]
    }
}
