//! The words of the lookup and of the site's sections beside the codes:
//! the timeouts page and the protocols' pages.

use serde::Deserialize;

use super::Table;
use crate::load::pattern::*;

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
