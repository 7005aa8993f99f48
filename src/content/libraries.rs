//! What libraries do: how each spells the codes (`libraries.toml`), what
//! they print (`messages.toml`) and how to close and read a code with them
//! (`examples.toml`). Every fact records the release it was checked against.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// `libraries.toml`: how each library spells the codes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LibrariesFile {
    #[serde(default)]
    pub library: Vec<Library>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Library {
    pub id: Spanned<String>,
    pub name: String,
    pub language: String,
    /// How a constant is written in code; `{name}` stands for the constant.
    pub symbol: String,
    pub source: Spanned<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub constants: BTreeMap<String, Spanned<String>>,
    /// The release its constants and note were checked against, by running it or reading its
    /// source: `17.4`, `v1.5.3`, `Chromium 156`.
    pub verified: Option<Spanned<String>>,
    /// The commit of the source that was read.
    pub commit: Option<String>,
    /// Defaults that end connections: sizes, pings, idle times.
    #[serde(default)]
    pub limit: Vec<Limit>,
}

/// One default of a library that ends or keeps a connection.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    pub kind: LimitKind,
    /// Seconds for times, bytes for sizes; 0 is off, or no limit.
    pub value: u64,
    /// How code or configuration changes it.
    pub setting: Option<String>,
    /// The close code the library sends or reports when it is hit.
    pub code: Option<Spanned<u16>>,
    pub source: Spanned<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LimitKind {
    PingInterval,
    PongTimeout,
    Idle,
    MessageSize,
    FrameSize,
    CloseTimeout,
    HandshakeTimeout,
    SendQueue,
}

impl LimitKind {
    /// Whether the value is a time (seconds) rather than a size (bytes).
    pub fn is_time(self) -> bool {
        !matches!(
            self,
            LimitKind::MessageSize | LimitKind::FrameSize | LimitKind::SendQueue
        )
    }
}

impl Library {
    pub fn id(&self) -> &str {
        self.id.get_ref()
    }

    /// The library's constant for `code`, as code writes it
    /// (`websocket.CloseGoingAway`), if it has one.
    pub fn constant(&self, code: u16) -> Option<String> {
        self.constants
            .get(&code.to_string())
            .map(|name| self.symbol.replace("{name}", name.get_ref()))
    }

    /// The name without the language that a caption gives beside it:
    /// "websockets" for "websockets (Python)".
    pub fn short_name(&self) -> &str {
        self.name
            .strip_suffix(&format!(" ({})", self.language))
            .unwrap_or(&self.name)
    }

    /// The release its constants and note were checked against.
    pub fn verified(&self) -> &str {
        self.verified.as_ref().map_or("", |v| v.get_ref())
    }

    /// The bare name of the library's constant for `code`.
    pub fn constant_name(&self, code: u16) -> Option<&str> {
        self.constants
            .get(&code.to_string())
            .map(|name| name.get_ref().as_str())
    }
}

/// `examples.toml`: how each library closes with a code and reads the code
/// on close. `{code}` in an example becomes the library's constant for the
/// code, or its number; `{reason}` a short reason.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExamplesFile {
    #[serde(default)]
    pub example: Vec<Example>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// An id from `libraries.toml`: its name labels the example.
    pub library: Spanned<String>,
    /// The grammar that colours it, such as `js`, `python`, `go` or `rust`.
    pub syntax: Spanned<String>,
    /// What `{code}` becomes when the library has no constant for the code;
    /// `{number}` is the code.
    #[serde(default = "number")]
    pub number: String,
    /// A line put first when `{code}` became one of the library's constants.
    pub import: Option<String>,
    /// Runs in a browser, whose `close()` takes only the codes marked
    /// `close_method`.
    #[serde(default)]
    pub browser: bool,
    pub close: Option<Spanned<String>>,
    pub read: Option<Spanned<String>>,
    /// The release this was checked against, by running it or reading its
    /// source: `17.4`, `v1.5.3`, `Chromium 156`.
    pub verified: Option<Spanned<String>>,
}

fn number() -> String {
    "{number}".to_string()
}

/// `messages.toml`: what programs print when a connection closes with a code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessagesFile {
    #[serde(default)]
    pub message: Vec<Message>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Message {
    pub code: Spanned<u16>,
    pub library: Spanned<String>,
    pub text: String,
    pub source: Spanned<String>,
    /// The release this was checked against, by running it or reading its
    /// source: `17.4`, `v1.5.3`, `Chromium 156`.
    pub verified: Option<Spanned<String>>,
    /// The first release that prints this text.
    pub since: Option<String>,
    /// The last release that prints this text.
    pub until: Option<String>,
    /// The commit of the source that was read.
    pub commit: Option<String>,
    /// Why this line is not produced by the capture harness.
    pub read_only: Option<String>,
}

impl Message {
    /// The releases that print the text, when the text is bound to some:
    /// `≥ 8.21.0`, `≤ 13.1`, `4.1.55–4.2.0`.
    pub fn releases(&self) -> Option<String> {
        match (&self.since, &self.until) {
            (Some(since), Some(until)) => Some(format!("{since}–{until}")),
            (Some(since), None) => Some(format!("≥ {since}")),
            (None, Some(until)) => Some(format!("≤ {until}")),
            (None, None) => None,
        }
    }
}
