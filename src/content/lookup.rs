//! `lookup.toml`: how the lookup box reads a pasted text that names no code,
//! or names it in its own words: a failed handshake, a protocol-error phrase,
//! a status name, a refused `close()`. Data, so that a new library adds rules
//! rather than code.

use serde::{Deserialize, Serialize};
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LookupFile {
    #[serde(default)]
    pub rule: Vec<LookupRule>,
}

/// One kind of text and the page that answers it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LookupRule {
    pub kind: RuleKind,
    /// A regular expression, in the syntax JavaScript and Oniguruma share,
    /// matched without regard to case unless `case_sensitive`. Named groups
    /// pick the code out of the text: `code` (digits), `name` (a
    /// constant of one of `libraries`) or `char` (a code printed as one
    /// character, as Java's built-in client does).
    #[serde(rename = "match")]
    pub pattern: Spanned<String>,
    #[serde(default)]
    pub case_sensitive: bool,
    /// The code whose page answers the text, when no group names it.
    pub code: Option<Spanned<u16>>,
    /// Or the range page that does (`"1000-2999"`), for a text that stands
    /// for several codes.
    pub range: Option<Spanned<String>>,
    /// The libraries (ids from `libraries.toml`) that print it; the release
    /// is each library's `verified`. A `topic` names none.
    #[serde(default)]
    pub libraries: Vec<Spanned<String>>,
    /// Any networked program prints such a text (`connection refused`,
    /// `timed out`): the answer is only a candidate unless the text also
    /// shows that it is about a WebSocket.
    #[serde(default)]
    pub generic: bool,
}

/// What a rule recognises: it ranks the match and explains it to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleKind {
    /// A library's own name for a code (`StatusGoingAway`, `Close(None)`).
    Name,
    /// A `close()` call that refused the code it was given.
    Refused,
    /// A received Close frame whose code is not allowed: a 1002 when the
    /// code may never be sent, otherwise that code's page.
    Received,
    /// A code printed in a close context: `close 1006`, `code=1005`.
    Code,
    /// The TLS handshake failed.
    Tls,
    /// A frame broke the protocol: reserved bits, masking, opcodes, lengths.
    Protocol,
    /// A message or frame over a limit.
    Limit,
    /// The HTTP upgrade failed: a status other than 101.
    Handshake,
    /// A ping went unanswered or a read timed out.
    Timeout,
    /// The connection was refused, reset or ended without a Close frame.
    Network,
    /// Words a reader uses for a symptom ("keeps disconnecting", "끊겨요"):
    /// a candidate, never an answer.
    Topic,
    /// The closing handshake finished, whatever code it carried: the text
    /// names no code, so it is explained rather than answered with a page.
    CleanClose,
    /// A send on a socket that was already closing or closed: no close code
    /// at all, explained rather than answered with a page.
    ClosedSocket,
}

impl RuleKind {
    /// An explanation kind answers with words, not a page: its rules lead
    /// nowhere.
    pub fn explains(self) -> bool {
        matches!(self, RuleKind::CleanClose | RuleKind::ClosedSocket)
    }
}
