//! `/api/protocols.json` and `/api/protocols/<slug>.json`: the protocols'
//! own close codes for machines, with their sources and each language's
//! prose as Markdown (untranslated fields are absent).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::{ProtocolCode, Reconnect, Sender};
use crate::model::catalog::{Catalog, Protocol};
use crate::model::pages::PageKind;

use super::api::json;

#[derive(Serialize)]
struct ApiProtocols<'a> {
    protocols: Vec<ApiProtocol<'a>>,
}

/// A protocol in `/api/protocols.json`.
#[derive(Serialize)]
struct ApiProtocol<'a> {
    slug: &'a str,
    name: &'a str,
    owner: &'a str,
    source: &'a str,
    read: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    subprotocol: Option<&'a str>,
    url: String,
    codes: Vec<u16>,
}

/// `/api/protocols/<slug>.json`: the list's object with each code in full.
#[derive(Serialize)]
struct ApiProtocolDetail<'a> {
    slug: &'a str,
    name: &'a str,
    owner: &'a str,
    source: &'a str,
    read: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    subprotocol: Option<&'a str>,
    url: String,
    libraries: Vec<ApiLibrary<'a>>,
    text: BTreeMap<&'a str, BTreeMap<&'static str, &'a str>>,
    codes: Vec<ApiProtocolCode<'a>>,
}

#[derive(Serialize)]
struct ApiLibrary<'a> {
    id: &'a str,
    name: &'a str,
    language: &'a str,
    source: &'a str,
}

#[derive(Serialize)]
struct ApiProtocolCode<'a> {
    code: u16,
    name: &'a str,
    sent_by: Sender,
    reconnect: Reconnect,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
    /// The number page's section for this protocol.
    url: String,
    source: &'a str,
    libraries: Vec<ApiCodeInLibrary<'a>>,
    text: BTreeMap<&'a str, BTreeMap<&'static str, &'a str>>,
}

#[derive(Serialize)]
struct ApiCodeInLibrary<'a> {
    library: &'a str,
    version: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a str>,
    source: &'a str,
}

fn summary<'a>(catalog: &Catalog<'a>, protocol: Protocol<'a>) -> ApiProtocol<'a> {
    let urls = catalog.urls();
    let file = protocol.file;
    let mut codes: Vec<u16> = file.code.iter().map(ProtocolCode::number).collect();
    codes.sort_unstable();
    ApiProtocol {
        slug: protocol.slug,
        name: &file.name,
        owner: &file.owner,
        source: file.source.get_ref(),
        read: file.read.get_ref(),
        subprotocol: file.subprotocol.as_deref(),
        url: urls.absolute(&urls.page(catalog.default_lang(), PageKind::Protocol(protocol.slug))),
        codes,
    }
}

/// `/api/protocols.json`: every protocol, most met first.
pub(crate) fn protocols_json(catalog: &Catalog) -> String {
    json(&ApiProtocols {
        protocols: catalog
            .protocols()
            .iter()
            .map(|&p| summary(catalog, p))
            .collect(),
    })
}

/// `/api/protocols/<slug>.json`: one protocol with every code.
pub(crate) fn protocol_json(catalog: &Catalog, protocol: Protocol) -> String {
    let file = protocol.file;
    let urls = catalog.urls();
    let mut codes: Vec<&ProtocolCode> = file.code.iter().collect();
    codes.sort_by_key(|c| c.number());
    let codes = codes
        .into_iter()
        .map(|code| ApiProtocolCode {
            code: code.number(),
            name: &code.name,
            sent_by: code.sent_by,
            reconnect: code.reconnect,
            reason: code.reason.as_deref(),
            url: format!(
                "{}#{}",
                urls.absolute(&urls.code(catalog.default_lang(), code.number())),
                protocol.slug
            ),
            source: code.source.as_ref().unwrap_or(&file.source).get_ref(),
            libraries: code
                .library
                .iter()
                .map(|l| ApiCodeInLibrary {
                    library: l.library.get_ref(),
                    version: &l.version,
                    name: l.name.as_deref(),
                    message: l.message.as_deref(),
                    source: l.source.get_ref(),
                })
                .collect(),
            text: prose(code.text.get_ref()),
        })
        .collect();
    let head = summary(catalog, protocol);
    json(&ApiProtocolDetail {
        slug: head.slug,
        name: head.name,
        owner: head.owner,
        source: head.source,
        read: head.read,
        subprotocol: head.subprotocol,
        url: head.url,
        libraries: file
            .library
            .iter()
            .map(|l| ApiLibrary {
                id: l.id.get_ref(),
                name: &l.name,
                language: &l.language,
                source: l.source.get_ref(),
            })
            .collect(),
        text: prose(file.text.get_ref()),
        codes,
    })
}

/// Each language's prose fields, as written.
fn prose<T: crate::content::Translatable>(
    texts: &BTreeMap<String, toml::Spanned<T>>,
) -> BTreeMap<&str, BTreeMap<&'static str, &str>> {
    texts
        .iter()
        .map(|(lang, table)| {
            let fields = table
                .get_ref()
                .fields()
                .into_iter()
                .filter_map(|(name, value)| Some((name, value?.get_ref().as_str())))
                .collect();
            (lang.as_str(), fields)
        })
        .collect()
}
