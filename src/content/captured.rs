//! `captured/<library>.toml`: what a library printed or reported when the
//! capture harness (`capture/run`) made it close, on loopback, with each code
//! and in each failure. Written by the harness, never by hand.

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapturedFile {
    /// An id from `libraries.toml`.
    pub library: Spanned<String>,
    /// The exact release that ran.
    pub version: String,
    /// The interpreter or compiler it ran on.
    pub runtime: Option<String>,
    /// A protocol's client library (`protocols/<slug>.toml`): its lines'
    /// codes are that protocol's, and `library` is one of its libraries.
    pub protocol: Option<Spanned<String>>,
    #[serde(default)]
    pub line: Vec<CapturedLine>,
}

/// One text, exactly as the library raised, logged or reported it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapturedLine {
    /// What was done, such as `server-close-1008`; unique in its file.
    pub scenario: String,
    /// The code whose page answers a reader who saw this text.
    pub code: Spanned<u16>,
    /// Other codes that make the library print exactly this text (a refusal
    /// that does not name the code): their pages answer it as well.
    #[serde(default)]
    pub also: Vec<u16>,
    pub side: Side,
    /// The close code this side reported, if any.
    pub seen: Option<u16>,
    pub kind: LineKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    Client,
    Server,
}

/// How the text reached the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineKind {
    Exception,
    Log,
    Console,
    CloseEvent,
    Value,
}
