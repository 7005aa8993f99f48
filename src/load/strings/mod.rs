//! The words of one language: headings, labels and sentence patterns, loaded
//! from `i18n/<language>.toml`. One field per string, so a missing heading is a
//! load error rather than a blank on the page.

use serde::Deserialize;

use super::pattern::*;
use crate::content::{Reconnect, Sender};

/// The placeholders the string at a dotted path below a table may use (`[]`
/// for a plain string): what validation allows there. `None` for a path the
/// table does not have.
pub trait Table {
    fn placeholders_at(path: &[&str]) -> Option<&'static [&'static str]>;
}

impl Table for String {
    fn placeholders_at(path: &[&str]) -> Option<&'static [&'static str]> {
        path.is_empty().then_some(&[])
    }
}

impl<P: Placeholders> Table for Pattern<P> {
    fn placeholders_at(path: &[&str]) -> Option<&'static [&'static str]> {
        path.is_empty().then_some(P::NAMES)
    }
}

impl<T: Table> Table for Option<T> {
    fn placeholders_at(path: &[&str]) -> Option<&'static [&'static str]> {
        T::placeholders_at(path)
    }
}

/// A table of strings: one field per string or nested table, plain
/// strings unless a type is given.
macro_rules! string_table {
    (@ty) => { String };
    (@ty $ty:ty) => { $ty };
    ($(#[$doc:meta])* $name:ident { $($(#[$fdoc:meta])* $field:ident $(: $ty:ty)?),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Deserialize, serde::Serialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $($(#[$fdoc])* pub $field: string_table!(@ty $($ty)?),)*
        }
        impl Table for $name {
            fn placeholders_at(path: &[&str]) -> Option<&'static [&'static str]> {
                let (first, rest) = path.split_first()?;
                match *first {
                    $(stringify!($field) => <string_table!(@ty $($ty)?) as Table>::placeholders_at(rest),)*
                    _ => None,
                }
            }
        }
    };
}

mod sections;
pub use sections::*;

string_table!(
    /// The words of one language.
    Strings {
    /// The language's own name, shown in the language switch.
    language_name,
    site_title,
    site_description,
    nav: Nav,
    headings: Headings,
    facts: FactLabels,
    sent_by: PerSender,
    reconnect: PerReconnect,
    code_page: CodePageStrings,
    compare: CompareStrings,
    range_page: RangePageStrings,
    index: IndexStrings,
    lookup: LookupStrings,
    lookup_why: WhyStrings,
    /// The words of `/timeouts/`; needed only where `timeouts.toml` exists.
    timeouts: Option<TimeoutsStrings>,
    /// The words of the protocols' pages; needed only where `protocols/`
    /// has files.
    protocols: Option<ProtocolsStrings>,
    not_found: NotFoundStrings,
    redirect: RedirectStrings,
    fallback: FallbackStrings,
    share: ShareStrings,
});

string_table!(Nav {
    home,
    breadcrumb,
    contents,
    codes,
    repository,
    copy_code,
    code_copied,
    skip,
    /// The link back to a page's contents, at the foot of a phone's screen.
    back_to_contents,
    language,
    copy_link,
    link_copied,
    sources,
    footer,
    /// When a page's content last changed: `{date}`.
    updated: Pattern<When<'static>>,
    /// The link to a page's source file in the repository.
    edit,
    /// The name of the header's links to the site's sections.
    sections
});
string_table!(Headings {
    description,
    browser,
    choose,
    when,
    fix,
    differences,
    which,
    facts,
    related,
    comparisons,
    range_codes,
    ranges,
    lookup,
    constants,
    messages,
    examples,
    featured,
    choosing,
    documenting,
});
string_table!(FactLabels {
    code,
    library,
    constant,
    no_constant,
    verified,
    name,
    range,
    sendable,
    close_method,
    sent_by,
    reconnect,
    reference,
    yes,
    no,
    differs,
});
string_table!(CodePageStrings {
    title: Pattern<CodeNames<'static>>,
    meta_description: Pattern<CodeNames<'static>>,
    close_example: Pattern<Code<'static>>,
    read_example,
    not_sent: Pattern<Code<'static>>,
    browser_cannot,
    checked: Pattern<Version<'static>>,
    captured: Pattern<Version<'static>>,
    /// The collapsed list of log lines.
    lines_summary: Pattern<Lines<'static>>,
    /// Before the libraries that have no name for the code.
    without_name,
    /// The collapsed table of names: `{lines}` libraries of `{libraries}`.
    names_summary: Pattern<Lines<'static>>,
    /// The rest of a long section.
    read_more,
    /// The collapsed list of comparisons nobody wrote by hand.
    more_comparisons,
});
string_table!(RangePageStrings {
    title: Pattern<RangeNames<'static>>,
    meta_description: Pattern<RangeNames<'static>>,
    none_registered
});
string_table!(IndexStrings {
    title,
    intro,
    code_column,
    name_column,
    summary_column,
    picker,
    picker_hint,
    hand_written,
    /// The heading of the index's first block: where most readers start.
    start,
    /// The heading of the codes readers meet most.
    most_met,
    /// The names of the groups of comparisons (`theme` in a comparison).
    themes: ThemeNames
});
string_table!(ThemeNames {
    dropped,
    refused,
    server,
    access,
});

impl ThemeNames {
    /// The name of a group of comparisons.
    pub fn name(&self, theme: crate::content::Theme) -> &str {
        use crate::content::Theme;
        match theme {
            Theme::Dropped => &self.dropped,
            Theme::Refused => &self.refused,
            Theme::Server => &self.server,
            Theme::Access => &self.access,
        }
    }
}
string_table!(NotFoundStrings {
    title,
    body,
    redirecting,
    in_range: Pattern<InRange<'static>>,
    generated
});
string_table!(RedirectStrings { title, body });
string_table!(FallbackStrings { notice });
string_table!(
    /// What search engines and link previews read: Open Graph's locale
    /// (`en_US`) and the index's description.
    ShareStrings { locale, index_description: Pattern<Count<'static>> }
);

string_table!(CompareStrings {
    title: Pattern<Pair<'static>>,
    heading: Pattern<Pair<'static>>,
    meta_description: Pattern<PairSummaries<'static>>,
    /// The heading of the links to read on from a comparison.
    onward,
    intro: Pattern<Pair<'static>>,
    range_same: Pattern<SameRange<'static>>,
    range_differs: Pattern<Ranges<'static>>,
    both_sendable,
    neither_sendable,
    one_sendable: Pattern<OneSendable<'static>>,
    codes_table_caption: Pattern<Pair<'static>>,
    same_sender: PerSender,
    same_reconnect: PerReconnect,
    /// For pairs without a hand-written comparison: said when neither code
    /// names the other as related.
    rarely_confused: Pattern<Pair<'static>>,
    close_method_differs: Pattern<CloseMethod<'static>>,
    library_limits: Pattern<LimitCode<'static>>,
    /// One sentence per sender and per advice, about `{code}`.
    sender_clause: PerSender<Pattern<Code<'static>>>,
    reconnect_clause: PerReconnect<Pattern<Code<'static>>>,
});

/// One string for each [`Sender`].
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct PerSender<T = String> {
    pub either: T,
    pub server: T,
    pub client: T,
    pub library: T,
    pub gateway: T,
    pub nobody: T,
}

/// One string for each [`Reconnect`].
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct PerReconnect<T = String> {
    pub no: T,
    pub yes: T,
    pub backoff: T,
    pub after_fix: T,
}

impl<T: Table> Table for PerSender<T> {
    fn placeholders_at(path: &[&str]) -> Option<&'static [&'static str]> {
        let (first, rest) = path.split_first()?;
        ["either", "server", "client", "library", "gateway", "nobody"]
            .contains(first)
            .then(|| T::placeholders_at(rest))?
    }
}

impl<T: Table> Table for PerReconnect<T> {
    fn placeholders_at(path: &[&str]) -> Option<&'static [&'static str]> {
        let (first, rest) = path.split_first()?;
        ["no", "yes", "backoff", "after_fix"]
            .contains(first)
            .then(|| T::placeholders_at(rest))?
    }
}

impl<T> PerSender<T> {
    pub fn get(&self, sender: Sender) -> &T {
        match sender {
            Sender::Either => &self.either,
            Sender::Server => &self.server,
            Sender::Client => &self.client,
            Sender::Library => &self.library,
            Sender::Gateway => &self.gateway,
            Sender::Nobody => &self.nobody,
        }
    }
}

impl<T> PerReconnect<T> {
    pub fn get(&self, reconnect: Reconnect) -> &T {
        match reconnect {
            Reconnect::No => &self.no,
            Reconnect::Yes => &self.yes,
            Reconnect::Backoff => &self.backoff,
            Reconnect::AfterFix => &self.after_fix,
        }
    }
}
