//! `/timeouts/` (`timeouts.html`): the hops in between that cut idle
//! connections, what each side then sees, and how heartbeats keep a
//! connection alive, with the libraries' own defaults.

use askama::Template;

use crate::content::{Hop, HopKind, Library, LimitKind, ResetBy};
use crate::load::pattern::Amount;
use crate::load::strings::TimeoutsStrings;
use crate::model::catalog::Text;
use crate::model::pages::PageKind;

use super::PageContext;
use super::layout::Layout;
use super::prose::{self, Prose};

#[derive(Template)]
#[template(path = "timeouts.html")]
pub(crate) struct TimeoutsPage<'a> {
    pub layout: Layout<'a>,
    pub words: &'a TimeoutsStrings,
    pub heading: String,
    pub summary: Prose,
    pub intro: Prose,
    pub sees: Prose,
    pub heartbeats: Prose,
    pub hops: Vec<HopRow<'a>>,
    pub libraries: Vec<LibraryRow<'a>>,
}

pub(crate) struct HopRow<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: &'a str,
    pub idle: String,
    pub lifetime: String,
    /// The setting's name in pieces between which a narrow column may
    /// break the line: after `.`, `_`, `/` and `-`, and before a capital.
    pub setting: Option<Vec<&'a str>>,
    pub reset_by: &'a str,
    pub source: &'a str,
    pub verified: &'a str,
    pub note: Prose,
}

pub(crate) struct LibraryRow<'a> {
    pub name: &'a str,
    pub verified: &'a str,
    pub ping: String,
    pub pong: String,
    pub idle: String,
    pub message_size: String,
}

/// "60 s", "10 min", "2 h" (or "60초"): seconds up to a few minutes, as
/// the symptoms are counted, then the largest whole unit.
pub(super) fn duration(words: &TimeoutsStrings, seconds: u64) -> String {
    let (pattern, n) = match seconds {
        s if s >= 7200 && s % 3600 == 0 => (&words.hours, s / 3600),
        s if s >= 300 && s % 60 == 0 => (&words.minutes, s / 60),
        s => (&words.seconds, s),
    };
    pattern.fill(&Amount { n: &n.to_string() })
}

fn size(words: &TimeoutsStrings, bytes: u64) -> String {
    let (pattern, n) = match bytes {
        b if b >= 1 << 20 && b % (1 << 20) == 0 => (&words.mebibytes, b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => (&words.kibibytes, b >> 10),
        b => (&words.bytes, b),
    };
    pattern.fill(&Amount { n: &n.to_string() })
}

pub(super) fn page<'a>(context: PageContext<'a>) -> TimeoutsPage<'a> {
    let catalog = context.catalog;
    let lang = context.lang();
    let words = context
        .language
        .strings
        .timeouts
        .as_ref()
        .expect("validation requires the timeouts strings");
    let file = catalog.timeouts().expect("a page kind");
    let texts = file.text.get_ref();
    let title = catalog
        .text(texts, lang, |t| t.title.as_ref())
        .map(|t| t.text)
        .unwrap_or_default();
    let summary = catalog
        .text(texts, lang, |t| t.summary.as_ref())
        .map(|t| crate::text::markdown::to_plain(t.text))
        .unwrap_or_default();
    let layout = Layout::new(
        catalog,
        context.language,
        title.to_string(),
        summary,
        context.rel_of(PageKind::Timeouts),
    )
    .with_trust(context.trust(PageKind::Timeouts));
    let hops = file
        .hop
        .iter()
        .map(|hop| hop_row(context, words, hop))
        .collect();
    let libraries = catalog
        .libraries()
        .iter()
        .filter(|l| !l.limit.is_empty())
        .map(|library| library_row(words, library))
        .collect();
    TimeoutsPage {
        layout,
        words,
        heading: title.to_string(),
        summary: prose::inline(prose::field(catalog, texts, lang, |t| t.summary.as_ref())),
        intro: prose::field(catalog, texts, lang, |t| t.intro.as_ref()),
        sees: prose::field(catalog, texts, lang, |t| t.sees.as_ref()),
        heartbeats: prose::field(catalog, texts, lang, |t| t.heartbeats.as_ref()),
        hops,
        libraries,
    }
}

/// One hop of the table, with its note in the page's language.
fn hop_row<'a>(context: PageContext<'a>, words: &'a TimeoutsStrings, hop: &'a Hop) -> HopRow<'a> {
    let catalog = context.catalog;
    let lang = context.lang();
    // Absent: no source states it; 0: the source says there is none.
    let limit = |value: Option<u32>| match value {
        None => words.unknown.clone(),
        Some(0) => words.none.clone(),
        Some(s) => duration(words, s.into()),
    };
    let text = hop
        .text
        .get_key_value(lang)
        .or_else(|| hop.text.get_key_value(catalog.default_lang()));
    let idle = match (hop.idle, text.and_then(|(_, t)| t.idle.as_ref())) {
        (None, Some(said)) => said.clone(),
        (value, _) => limit(value),
    };
    let note = text.and_then(|(l, t)| {
        t.note.as_ref().map(|n| Text {
            text: n.get_ref(),
            lang: l,
        })
    });
    HopRow {
        id: hop.id.get_ref(),
        name: &hop.name,
        kind: match hop.kind {
            HopKind::Proxy => &words.proxy,
            HopKind::LoadBalancer => &words.load_balancer,
            HopKind::Cdn => &words.cdn,
            HopKind::Platform => &words.platform,
            HopKind::Network => &words.network,
        },
        idle,
        lifetime: limit(hop.lifetime),
        setting: hop.setting.as_deref().map(breakable),
        reset_by: match hop.reset_by {
            Some(ResetBy::Traffic) => &words.reset_traffic,
            Some(ResetBy::BackendTraffic) => &words.reset_backend,
            Some(ResetBy::ClientTraffic) => &words.reset_client,
            Some(ResetBy::Nothing) => &words.reset_nothing,
            None => "",
        },
        source: hop.source.get_ref(),
        verified: &hop.verified,
        note: prose::render(catalog, note, lang),
    }
}

/// One library's defaults that end connections.
fn library_row<'a>(words: &TimeoutsStrings, library: &'a Library) -> LibraryRow<'a> {
    let value = |kind: LimitKind| {
        library
            .limit
            .iter()
            .find(|l| l.kind == kind)
            .map(|l| match (l.value, kind.is_time()) {
                (0, _) => words.off.clone(),
                (v, true) => duration(words, v),
                (v, false) => size(words, v),
            })
            .unwrap_or_else(|| words.unknown.clone())
    };
    LibraryRow {
        name: &library.name,
        verified: library.verified(),
        ping: value(LimitKind::PingInterval),
        pong: value(LimitKind::PongTimeout),
        idle: value(LimitKind::Idle),
        message_size: value(LimitKind::MessageSize),
    }
}

/// Cuts an identifier where a line may break inside it: after `.`, `_`,
/// `/` and `-` before a letter or digit, and between a lower-case letter and
/// a capital.
fn breakable(name: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut previous = ' ';
    for (i, c) in name.char_indices() {
        let after_mark = matches!(previous, '.' | '_' | '/' | '-') && c.is_alphanumeric();
        let camel = previous.is_lowercase() && c.is_uppercase();
        if i > start && (after_mark || camel) {
            pieces.push(&name[start..i]);
            start = i;
        }
        previous = c;
    }
    pieces.push(&name[start..]);
    pieces
}

#[cfg(test)]
mod tests {
    use super::breakable;

    #[test]
    fn identifiers_break_after_punctuation_and_before_a_capital() {
        assert_eq!(
            breakable("proxy_read_timeout"),
            ["proxy_", "read_", "timeout"]
        );
        assert_eq!(
            breakable("tcpEstablishedIdleTimeoutSec"),
            ["tcp", "Established", "Idle", "Timeout", "Sec"]
        );
        assert_eq!(breakable("--conntrack-tcp"), ["--", "conntrack-", "tcp"]);
        assert_eq!(breakable("a.b/c"), ["a.", "b/", "c"]);
        assert_eq!(breakable("timeout tunnel").concat(), "timeout tunnel");
    }
}
