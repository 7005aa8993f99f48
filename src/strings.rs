//! The words of one language: headings, labels and sentence patterns, loaded
//! from `i18n/<language>.toml`. One field per string, so a missing heading is a
//! load error rather than a blank on the page.

use serde::Deserialize;

use crate::content::{Reconnect, Sender};

macro_rules! string_table {
    ($(#[$doc:meta])* $name:ident { $($(#[$field_doc:meta])* $field:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Deserialize, serde::Serialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $($(#[$field_doc])* pub $field: String,)*
        }
    };
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strings {
    /// The language's own name, shown in the language switch.
    pub language_name: String,
    pub site_title: String,
    pub site_description: String,
    pub nav: Nav,
    pub headings: Headings,
    pub facts: FactLabels,
    pub sent_by: PerSender,
    pub reconnect: PerReconnect,
    pub code_page: CodePageStrings,
    pub compare: CompareStrings,
    pub range_page: RangePageStrings,
    pub index: IndexStrings,
    pub lookup: LookupStrings,
    pub lookup_why: WhyStrings,
    /// The words of `/timeouts/`; needed only where `timeouts.toml` exists.
    #[serde(default)]
    pub timeouts: Option<TimeoutsStrings>,
    pub not_found: NotFoundStrings,
    pub redirect: RedirectStrings,
    pub fallback: FallbackStrings,
    pub share: ShareStrings,
}

string_table!(Nav {
    home,
    breadcrumb,
    contents,
    codes,
    repository,
    copy_code,
    code_copied,
    skip,
    language,
    copy_link,
    link_copied,
    sources,
    footer
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
string_table!(
    /// One string for each [`Sender`].
    PerSender { either, server, client, library, gateway, nobody }
);
string_table!(
    /// One string for each [`Reconnect`].
    PerReconnect { no, yes, backoff, after_fix }
);
string_table!(CodePageStrings {
    title,
    meta_description,
    close_example,
    read_example,
    not_sent,
    browser_cannot,
    checked,
    captured
});
string_table!(RangePageStrings {
    title,
    meta_description,
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
    hand_written
});
string_table!(
    /// The lookup box's words; the browser reads them from `lookup.json`.
    LookupStrings {
        label,
        placeholder,
        button,
        no_results,
        /// On the index, whose list of codes is below the box.
        no_results_index,
        results,
        /// Said above candidates when no answer is sure.
        not_sure,
        /// The link that searches the site's text for the query.
        search_text,
        /// The live region's count of results.
        count_one,
        count,
        /// A hop's facts beside its name: "60 s idle", "2 h at most".
        idle,
        lifetime
    }
);
string_table!(
    /// Why the lookup offers a result, one per kind of match.
    WhyStrings {
        message,
        name,
        refused,
        received,
        code,
        tls,
        protocol,
        limit,
        handshake,
        timeout,
        network,
        number,
        words,
        duration,
        /// A number that is an HTTP status: the handshake was refused.
        http_status,
        /// The code a received Close frame carried, beside the 1002 it caused.
        arrived,
        /// The 1002 a receiver answers a code that no Close frame may carry with.
        answered,
        /// How to keep a connection alive, beside a ping that went unanswered.
        heartbeat,
        /// A hop whose default matches a duration in the text.
        hop_idle,
        hop_lifetime,
        /// A hop the text names, or its setting.
        hop_named,
        topic,
        clean_close,
        closed_socket
    }
);
string_table!(TimeoutsStrings {
    nav,
    hops,
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
    none,
    off,
    seconds,
    minutes,
    hours,
    bytes,
    kibibytes,
    mebibytes,
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
string_table!(NotFoundStrings {
    title,
    body,
    redirecting,
    in_range,
    generated
});
string_table!(RedirectStrings { title, body });
string_table!(FallbackStrings { notice });
string_table!(
    /// What search engines and link previews read: Open Graph's locale
    /// (`en_US`) and the index's description.
    ShareStrings { locale, index_description }
);

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompareStrings {
    pub title: String,
    pub heading: String,
    pub meta_description: String,
    /// The heading of the links to read on from a comparison.
    pub onward: String,
    pub intro: String,
    pub range_same: String,
    pub range_differs: String,
    pub both_sendable: String,
    pub neither_sendable: String,
    pub one_sendable: String,
    pub codes_table_caption: String,
    pub same_sender: PerSender,
    pub same_reconnect: PerReconnect,
    /// For pairs without a hand-written comparison: said when neither code
    /// names the other as related.
    pub rarely_confused: String,
    pub close_method_differs: String,
    pub library_limits: String,
    /// One sentence per sender and per advice, about `{code}`.
    pub sender_clause: PerSender,
    pub reconnect_clause: PerReconnect,
}

impl PerSender {
    pub fn get(&self, sender: Sender) -> &str {
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

impl PerReconnect {
    pub fn get(&self, reconnect: Reconnect) -> &str {
        match reconnect {
            Reconnect::No => &self.no,
            Reconnect::Yes => &self.yes,
            Reconnect::Backoff => &self.backoff,
            Reconnect::AfterFix => &self.after_fix,
        }
    }
}

/// The placeholders each sentence pattern may use, by its dotted key; every
/// other string takes none. Validation holds `i18n/*.toml` to this list.
const PATTERNS: [(&str, &[&str]); 53] = [
    ("code_page.title", &["code", "name", "local_name"]),
    (
        "code_page.meta_description",
        &["code", "name", "local_name", "summary"],
    ),
    ("code_page.close_example", &["code"]),
    ("code_page.not_sent", &["code"]),
    ("code_page.checked", &["version"]),
    ("code_page.captured", &["version"]),
    ("compare.title", &["a", "b", "a_name", "b_name"]),
    ("compare.heading", &["a", "b", "a_name", "b_name"]),
    (
        "compare.meta_description",
        &["a", "b", "a_name", "b_name", "a_summary", "b_summary"],
    ),
    ("compare.intro", &["a", "b", "a_name", "b_name"]),
    (
        "compare.codes_table_caption",
        &["a", "b", "a_name", "b_name"],
    ),
    ("compare.range_same", &["range"]),
    ("compare.range_differs", &["a", "b", "range_a", "range_b"]),
    ("compare.one_sendable", &["sent", "local"]),
    ("range_page.title", &["range"]),
    (
        "range_page.meta_description",
        &["range", "title", "summary"],
    ),
    ("share.index_description", &["count"]),
    ("lookup_why.message", &["library"]),
    ("lookup_why.name", &["library", "name"]),
    ("lookup_why.refused", &["library"]),
    ("lookup_why.received", &["library"]),
    ("lookup_why.tls", &["library"]),
    ("lookup_why.protocol", &["library"]),
    ("lookup_why.limit", &["library"]),
    ("lookup_why.handshake", &["library"]),
    ("lookup_why.timeout", &["library"]),
    ("lookup_why.network", &["library"]),
    ("lookup_why.number", &["code"]),
    ("lookup_why.duration", &["duration"]),
    ("lookup_why.http_status", &["code"]),
    ("lookup_why.arrived", &["code"]),
    ("lookup_why.answered", &["library"]),
    ("lookup_why.hop_idle", &["duration"]),
    ("lookup_why.hop_lifetime", &["duration"]),
    ("lookup_why.hop_named", &["name"]),
    ("lookup_why.clean_close", &["library"]),
    ("lookup_why.closed_socket", &["library"]),
    ("lookup.search_text", &["query"]),
    ("lookup.count", &["n"]),
    ("lookup.idle", &["duration"]),
    ("lookup.lifetime", &["duration"]),
    ("compare.rarely_confused", &["a", "b"]),
    ("not_found.in_range", &["code", "range", "title"]),
    ("compare.close_method_differs", &["yes", "no"]),
    ("compare.library_limits", &["code", "libraries"]),
    ("compare.sender_clause.", &["code"]),
    ("compare.reconnect_clause.", &["code"]),
    ("timeouts.seconds", &["n"]),
    ("timeouts.minutes", &["n"]),
    ("timeouts.hours", &["n"]),
    ("timeouts.bytes", &["n"]),
    ("timeouts.kibibytes", &["n"]),
    ("timeouts.mebibytes", &["n"]),
];

/// The placeholders the string at `key` (`compare.title`) may use; a
/// pattern key ending in `.` covers every string of that table.
pub fn placeholders_of(key: &str) -> &'static [&'static str] {
    PATTERNS
        .iter()
        .find(|(k, _)| *k == key || (k.ends_with('.') && key.starts_with(k)))
        .map_or(&[], |(_, names)| *names)
}

/// Fills `{name}` placeholders in a sentence pattern.
pub fn fill(pattern: &str, values: &[(&str, &str)]) -> String {
    let mut out = pattern.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_every_named_placeholder() {
        assert_eq!(
            fill("{a} vs {b}, {a}", &[("a", "1002"), ("b", "1008")]),
            "1002 vs 1008, 1002"
        );
    }
}
