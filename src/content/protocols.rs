//! `protocols/<slug>.toml`: a protocol or service that defines close codes of
//! its own in 3000–4999 (Discord's gateway, graphql-ws, Pusher…), with its
//! source, its client libraries and each code it defines. The file name is
//! the slug: the anchor of its section on every number page it uses.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::{Reconnect, Sender, Translatable};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtocolFile {
    /// As the owner writes it.
    pub name: String,
    /// Who runs or maintains it.
    pub owner: String,
    /// How often readers meet it, 1 the most: orders the sections of a
    /// number page and the list of protocols.
    pub rank: u32,
    /// The owner's page of its close codes.
    pub source: Spanned<String>,
    /// The release, protocol version or date the codes were read in.
    pub read: Spanned<String>,
    /// Its `Sec-WebSocket-Protocol`, where it has one.
    pub subprotocol: Option<String>,
    /// Words that show, in a log line, that a text is this protocol's.
    #[serde(default)]
    pub aliases: Vec<String>,
    pub text: Spanned<BTreeMap<String, Spanned<ProtocolText>>>,
    /// The client libraries its codes' names and messages come from.
    #[serde(default)]
    pub library: Vec<ProtocolLibrary>,
    #[serde(default)]
    pub code: Vec<ProtocolCode>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtocolText {
    pub source: Option<Spanned<String>>,
    pub summary: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtocolLibrary {
    pub id: Spanned<String>,
    pub name: String,
    pub language: String,
    pub source: Spanned<String>,
}

/// One code the protocol defines.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtocolCode {
    pub code: Spanned<u16>,
    /// The owner's own name for it.
    pub name: String,
    pub sent_by: Sender,
    pub reconnect: Reconnect,
    /// The reason text the server sends with it, where documented or seen.
    pub reason: Option<String>,
    /// Where this code is documented, when not on the protocol's page.
    pub source: Option<Spanned<String>>,
    pub text: Spanned<BTreeMap<String, Spanned<ProtocolCodeText>>>,
    /// What client libraries call it or print for it.
    #[serde(default)]
    pub library: Vec<CodeInLibrary>,
}

impl ProtocolCode {
    pub fn number(&self) -> u16 {
        *self.code.get_ref()
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtocolCodeText {
    pub source: Option<Spanned<String>>,
    pub meaning: Option<Spanned<String>>,
    pub fix: Option<Spanned<String>>,
    /// The protocol's own rule on reconnecting after this code.
    pub reconnect: Option<Spanned<String>>,
}

/// A client library's constant for a code, or the text it prints for it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeInLibrary {
    /// An id from the file's `[[library]]`.
    pub library: Spanned<String>,
    /// The release this holds for.
    pub version: String,
    pub name: Option<String>,
    pub message: Option<String>,
    pub source: Spanned<String>,
}

impl Translatable for ProtocolText {
    fn source_hash(&self) -> Option<&Spanned<String>> {
        self.source.as_ref()
    }
    fn fields(&self) -> Vec<(&'static str, Option<&Spanned<String>>)> {
        let ProtocolText {
            source: _,
            summary,
            description,
        } = self;
        vec![
            ("summary", summary.as_ref()),
            ("description", description.as_ref()),
        ]
    }
}

impl Translatable for ProtocolCodeText {
    fn source_hash(&self) -> Option<&Spanned<String>> {
        self.source.as_ref()
    }
    fn fields(&self) -> Vec<(&'static str, Option<&Spanned<String>>)> {
        let ProtocolCodeText {
            source: _,
            meaning,
            fix,
            reconnect,
        } = self;
        vec![
            ("meaning", meaning.as_ref()),
            ("fix", fix.as_ref()),
            ("reconnect", reconnect.as_ref()),
        ]
    }
    const OPTIONAL: &'static [&'static str] = &["reconnect"];
}
