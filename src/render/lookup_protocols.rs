//! The protocols' part of the lookup's data: the numbers they define, and
//! for each protocol the words that name it and what its codes are called
//! and print, so that a text showing the protocol lands on the number's
//! page at that protocol's section.

use serde::Serialize;

use crate::model::catalog::{Catalog, Protocol};
use crate::model::pages::PageKind;

/// A number that only protocols define: its page and what each calls it.
#[derive(Serialize)]
pub(super) struct LookupNumber {
    code: u16,
    url: String,
    /// "Authentication failed (Discord Gateway) · …", most met first.
    summary: String,
}

#[derive(Serialize)]
pub(super) struct LookupProtocol<'a> {
    slug: &'a str,
    name: &'a str,
    /// `/protocols/<slug>/`.
    url: String,
    /// Words that name the protocol in a text: its name, aliases,
    /// subprotocol, and its client libraries' names.
    aliases: Vec<&'a str>,
    codes: Vec<LookupProtocolCode<'a>>,
    /// Lines its libraries print for several codes: they show the protocol,
    /// not the code.
    shared: Vec<super::lookup_data::LookupMessage<'a>>,
}

#[derive(Serialize)]
struct LookupProtocolCode<'a> {
    code: u16,
    name: &'a str,
    /// The reason text the server sends with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
    /// The client libraries' names for it.
    names: Vec<&'a str>,
    /// What client libraries print for it: documented and captured lines.
    messages: Vec<super::lookup_data::LookupMessage<'a>>,
}

/// Every number that a protocol defines and no registry does.
pub(super) fn numbers(catalog: &Catalog, lang: &str) -> Vec<LookupNumber> {
    let urls = catalog.urls();
    catalog
        .protocol_numbers()
        .filter(|(n, _)| !catalog.codes().contains_key(n))
        .map(|(code, uses)| LookupNumber {
            code,
            url: urls.href(&urls.code(lang, code)),
            summary: uses
                .iter()
                .map(|u| format!("{} ({})", u.code.name, u.protocol.file.name))
                .collect::<Vec<_>>()
                .join(" · "),
        })
        .collect()
}

pub(super) fn protocols<'a>(catalog: &Catalog<'a>, lang: &str) -> Vec<LookupProtocol<'a>> {
    let urls = catalog.urls();
    catalog
        .protocols()
        .iter()
        .map(|&protocol| {
            let file = protocol.file;
            let mut aliases: Vec<&str> = vec![&file.name];
            aliases.extend(file.aliases.iter().map(String::as_str));
            aliases.extend(file.subprotocol.as_deref());
            aliases.extend(file.library.iter().map(|l| l.id.get_ref().as_str()));
            aliases.extend(captured_libraries(catalog, protocol.slug));
            aliases.sort_unstable();
            aliases.dedup();
            LookupProtocol {
                slug: protocol.slug,
                name: &file.name,
                url: urls.href(&urls.page(lang, PageKind::Protocol(protocol.slug))),
                aliases,
                codes: file
                    .code
                    .iter()
                    .map(|code| protocol_code(catalog, protocol, code))
                    .collect(),
                shared: shared_lines(catalog, protocol),
            }
        })
        .collect()
}

fn protocol_code<'a>(
    catalog: &Catalog<'a>,
    protocol: Protocol<'a>,
    code: &'a crate::content::ProtocolCode,
) -> LookupProtocolCode<'a> {
    let n = code.number();
    LookupProtocolCode {
        code: n,
        name: &code.name,
        reason: code.reason.as_deref(),
        names: code
            .library
            .iter()
            .filter_map(|l| l.name.as_deref())
            .collect(),
        messages: lines(catalog, protocol)
            .into_iter()
            .filter(|(codes, _)| codes.as_slice() == [n])
            .map(|(_, message)| message)
            .collect(),
    }
}

fn shared_lines<'a>(
    catalog: &Catalog<'a>,
    protocol: Protocol<'a>,
) -> Vec<super::lookup_data::LookupMessage<'a>> {
    lines(catalog, protocol)
        .into_iter()
        .filter(|(codes, _)| codes.len() > 1)
        .map(|(_, message)| message)
        .collect()
}

/// Every line the protocol's libraries print, documented or captured, once,
/// with the codes it is printed for.
fn lines<'a>(
    catalog: &Catalog<'a>,
    protocol: Protocol<'a>,
) -> Vec<(Vec<u16>, super::lookup_data::LookupMessage<'a>)> {
    let file = protocol.file;
    let library_name = |id: &'a String| {
        file.library
            .iter()
            .find(|l| l.id.get_ref() == id)
            .map_or(id.as_str(), |l| l.name.as_str())
    };
    let documented = file.code.iter().flat_map(|code| {
        code.library.iter().filter_map(move |l| {
            let text = l.message.as_deref()?;
            let library = format!("{} {}", library_name(l.library.get_ref()), l.version);
            Some((vec![code.number()], text, library))
        })
    });
    let captured = catalog
        .captured_files()
        .filter(|f| f.protocol.as_ref().map(|p| p.get_ref().as_str()) == Some(protocol.slug))
        .flat_map(|f| {
            f.line.iter().map(move |line| {
                let mut codes = vec![*line.code.get_ref()];
                codes.extend(&line.also);
                let library = format!("{} {}", f.library.get_ref(), f.version);
                (codes, line.text.as_str(), library)
            })
        });
    let mut out: Vec<(Vec<u16>, super::lookup_data::LookupMessage<'a>)> = Vec::new();
    for (codes, text, library) in documented.chain(captured) {
        match out.iter_mut().find(|(_, m)| m.text == text) {
            Some((known, _)) => known.extend(codes),
            None => out.push((codes, super::lookup_data::LookupMessage { text, library })),
        }
    }
    for (codes, _) in &mut out {
        codes.sort_unstable();
        codes.dedup();
    }
    out
}

/// The libraries whose runs of the protocol were captured.
fn captured_libraries<'a>(catalog: &Catalog<'a>, slug: &str) -> Vec<&'a str> {
    catalog
        .captured_files()
        .filter(|f| f.protocol.as_ref().map(|p| p.get_ref().as_str()) == Some(slug))
        .map(|f| f.library.get_ref().as_str())
        .collect()
}
