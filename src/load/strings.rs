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
string_table!(
    /// The lookup box's words; the browser reads them from `lookup.json`.
    LookupStrings {
        label,
        placeholder,
        button,
        /// Nothing answers the query, neither the lookup nor the site's text.
        nothing: Pattern<Query<'static>>,
        /// On the index, whose list of codes is below the box.
        no_results_index,
        /// The heading of the sections of the site's text that match.
        text_results,
        /// The link to the index when nothing matches.
        browse_all,
        results,
        /// Said above candidates when no answer is sure.
        not_sure,
        /// The link that searches the site's text for the query.
        search_text: Pattern<Query<'static>>,
        /// The live region's count of results.
        count_one,
        count: Pattern<Amount<'static>>,
        /// A hop's facts beside its name: "60 s idle", "2 h at most".
        idle: Pattern<Duration<'static>>,
        lifetime: Pattern<Duration<'static>>,
    }
);
string_table!(
    /// Why the lookup offers a result, one per kind of match.
    WhyStrings {
        message: Pattern<Library<'static>>,
        name: Pattern<LibraryName<'static>>,
        refused: Pattern<Library<'static>>,
        received: Pattern<Library<'static>>,
        code,
        tls: Pattern<Library<'static>>,
        protocol: Pattern<Library<'static>>,
        limit: Pattern<Library<'static>>,
        handshake: Pattern<Library<'static>>,
        timeout: Pattern<Library<'static>>,
        network: Pattern<Library<'static>>,
        number: Pattern<Code<'static>>,
        words,
        duration: Pattern<Duration<'static>>,
        /// A number that is an HTTP status: the handshake was refused.
        http_status: Pattern<Code<'static>>,
        /// The code a received Close frame carried, beside the 1002 it caused.
        arrived: Pattern<Code<'static>>,
        /// The 1002 a receiver answers a code that no Close frame may carry with.
        answered: Pattern<Library<'static>>,
        /// How to keep a connection alive, beside a ping that went unanswered.
        heartbeat,
        /// A hop whose default matches a duration in the text.
        hop_idle: Pattern<Duration<'static>>,
        hop_lifetime: Pattern<Duration<'static>>,
        /// A hop the text names, or its setting.
        hop_named: Pattern<Name<'static>>,
        topic,
        clean_close: Pattern<Library<'static>>,
        closed_socket: Pattern<Library<'static>>,
        /// A protocol's code the text shows.
        own_code: Pattern<OwnCode<'static>>,
        /// The reason text a protocol sends with a code, without more.
        own_reason: Pattern<OwnCode<'static>>,
        /// A protocol the text names, without a code.
        own_named: Pattern<ProtocolName<'static>>,
    }
);
string_table!(TimeoutsStrings {
    nav,
    /// The header's short link to the page.
    menu,
    /// The index's entry to the page: the reader's question, and its answer.
    question,
    answer,
    hops,
    /// The heading of each hop's note.
    notes,
    hop,
    kind,
    idle,
    lifetime,
    setting,
    reset_by,
    source,
    sees,
    heartbeats,
    libraries,
    library,
    ping,
    pong,
    idle_limit,
    message_size,
    /// A limit the source says there is none of.
    none,
    /// A limit no source states.
    unknown,
    off,
    seconds: Pattern<Amount<'static>>,
    minutes: Pattern<Amount<'static>>,
    hours: Pattern<Amount<'static>>,
    bytes: Pattern<Amount<'static>>,
    kibibytes: Pattern<Amount<'static>>,
    mebibytes: Pattern<Amount<'static>>,
    proxy,
    load_balancer,
    cdn,
    platform,
    network,
    reset_traffic,
    reset_backend,
    reset_client,
    reset_nothing
});
string_table!(
    /// The pages of protocols' own codes: `/protocols/`, one protocol's
    /// page and the number pages (`/4004/`).
    ProtocolsStrings {
        /// The link to `/protocols/` from the index and breadcrumbs.
        nav,
        /// The header's short link to `/protocols/`.
        menu,
        /// The index's entry to `/protocols/`: the reader's question, and
        /// an answer with the number of protocols.
        question,
        answer: Pattern<Count<'static>>,
        title,
        intro,
        meta_description,
        /// One protocol's page.
        protocol_title: Pattern<ProtocolName<'static>>,
        protocol_meta: Pattern<ProtocolName<'static>>,
        /// `{codes}` is how many codes it defines.
        code_count: Pattern<Count<'static>>,
        /// A number page: `{names}` lists each protocol's name for it.
        number_title: Pattern<NumberNames<'static>>,
        number_meta: Pattern<NumberNames<'static>>,
        /// What a number in 4000-4999 is, and one in 3000-3999 that is not
        /// registered, before the protocols' sections.
        number_private: Pattern<Code<'static>>,
        number_unregistered: Pattern<Code<'static>>,
        /// The heading of the general explanation after the sections.
        general,
        /// "Defined by", before the list of protocols on a number page.
        defined_by,
        protocol,
        owner,
        code,
        name,
        meaning,
        reason,
        reconnect,
        libraries,
        library,
        constant,
        message,
        captured,
        source,
        /// "Read in {read}": the release or date the codes were read in.
        read: Pattern<Read<'static>>,
        subprotocol,
        all_codes,
    }
);
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
