//! The protocols whose own close codes the site explains: `/protocols/`
//! (`protocols.html`) and one protocol's page (`protocol.html`), with the
//! rows the number pages share.

use askama::Template;

use crate::content::{ProtocolCode, ProtocolText};
use crate::load::pattern::{Count, Pair, ProtocolName, Read};
use crate::load::strings::ProtocolsStrings;
use crate::model::catalog::{Catalog, Protocol};
use crate::model::pages::PageKind;
use crate::text::markdown;

use super::PageContext;
use super::layout::{Layout, Link};
use super::prose::{self, Prose};

#[derive(Template)]
#[template(path = "protocols.html")]
pub(crate) struct ProtocolsPage<'a> {
    pub layout: Layout<'a>,
    pub words: &'a ProtocolsStrings,
    pub protocols: Vec<ProtocolCard<'a>>,
}

/// A protocol in the list.
pub(crate) struct ProtocolCard<'a> {
    pub href: String,
    pub name: &'a str,
    pub owner: &'a str,
    pub summary: Prose,
    pub count: String,
}

#[derive(Template)]
#[template(path = "protocol.html")]
pub(crate) struct ProtocolPage<'a> {
    pub layout: Layout<'a>,
    pub words: &'a ProtocolsStrings,
    pub heading: String,
    pub summary: Prose,
    pub description: Prose,
    pub owner: &'a str,
    pub source: Link,
    pub read: String,
    pub subprotocol: Option<&'a str>,
    pub codes: Vec<CodeRow<'a>>,
    pub libraries: Vec<Link>,
    /// The hand-written comparisons of its codes.
    pub comparisons: Vec<Link>,
    pub protocols: Link,
}

/// One code of a protocol, linking its section on the number page.
pub(crate) struct CodeRow<'a> {
    pub code: u16,
    pub href: String,
    pub name: &'a str,
    /// The meaning's first sentence, as plain text.
    pub meaning: String,
    pub sent_by: &'a str,
    pub reconnect: &'a str,
}

/// What one client library calls a code or prints for it.
pub(crate) struct CodeLibraryRow<'a> {
    pub library: &'a str,
    pub version: &'a str,
    pub name: Option<&'a str>,
    pub message: Option<&'a str>,
    pub source: &'a str,
}

fn words<'a>(context: &PageContext<'a>) -> &'a ProtocolsStrings {
    let t = context.language.strings;
    t.protocols
        .as_ref()
        .expect("validation requires the protocol strings")
}

fn texts_field(
    catalog: &Catalog,
    protocol: Protocol,
    lang: &str,
    pick: crate::model::catalog::Field<ProtocolText>,
) -> Prose {
    prose::field(catalog, protocol.file.text.get_ref(), lang, pick)
}

pub(super) fn index<'a>(context: PageContext<'a>) -> ProtocolsPage<'a> {
    let catalog = context.catalog;
    let words = words(&context);
    let urls = catalog.urls();
    let layout = Layout::new(
        catalog,
        context.language,
        words.title.clone(),
        words.meta_description.clone(),
        context.rel_of(PageKind::Protocols),
    );
    let protocols = catalog
        .protocols()
        .iter()
        .map(|&protocol| ProtocolCard {
            href: urls.href(&urls.page(context.lang(), PageKind::Protocol(protocol.slug))),
            name: &protocol.file.name,
            owner: &protocol.file.owner,
            summary: prose::inline(texts_field(catalog, protocol, context.lang(), |t| {
                t.summary.as_ref()
            })),
            count: words.code_count.fill(&Count {
                count: &protocol.file.code.len().to_string(),
            }),
        })
        .collect();
    ProtocolsPage {
        layout,
        words,
        protocols,
    }
}

pub(super) fn page<'a>(context: PageContext<'a>, slug: &str) -> ProtocolPage<'a> {
    let catalog = context.catalog;
    let words = words(&context);
    let urls = catalog.urls();
    let lang = context.lang();
    let protocol = catalog.protocol(slug).expect("a page of the plan");
    let file = protocol.file;
    let name = ProtocolName {
        protocol: &file.name,
    };
    let summary = texts_field(catalog, protocol, lang, |t| t.summary.as_ref());
    let layout = Layout::new(
        catalog,
        context.language,
        words.protocol_title.fill(&name),
        words.protocol_meta.fill(&name),
        context.rel_of(PageKind::Protocol(protocol.slug)),
    )
    .with_trust(context.trust(PageKind::Protocol(protocol.slug)));
    let codes = code_rows(context, protocol);
    ProtocolPage {
        layout,
        words,
        heading: words.protocol_title.fill(&name),
        summary: prose::inline(summary),
        description: texts_field(catalog, protocol, lang, |t| t.description.as_ref()),
        owner: &file.owner,
        source: Link {
            href: file.source.get_ref().clone(),
            label: file.owner.clone(),
        },
        read: words.read.fill(&Read {
            read: file.read.get_ref(),
        }),
        subprotocol: file.subprotocol.as_deref(),
        codes,
        libraries: file
            .library
            .iter()
            .map(|l| Link {
                href: l.source.get_ref().clone(),
                label: format!("{} ({})", l.name, l.language),
            })
            .collect(),
        comparisons: comparisons(context, protocol),
        protocols: Link {
            href: urls.href(&urls.page(lang, PageKind::Protocols)),
            label: words.nav.clone(),
        },
    }
}

/// The protocol's codes in order, each linking its section.
fn code_rows<'a>(context: PageContext<'a>, protocol: Protocol<'a>) -> Vec<CodeRow<'a>> {
    let catalog = context.catalog;
    let t = context.language.strings;
    let urls = catalog.urls();
    let lang = context.lang();
    let mut codes: Vec<CodeRow> = protocol
        .file
        .code
        .iter()
        .map(|code| CodeRow {
            code: code.number(),
            href: format!(
                "{}#{}",
                urls.href(&urls.code(lang, code.number())),
                protocol.slug
            ),
            name: &code.name,
            meaning: catalog
                .text(code.text.get_ref(), lang, |t| t.meaning.as_ref())
                .map(|t| first_sentence(&markdown::to_plain(t.text)))
                .unwrap_or_default(),
            sent_by: t.sent_by.get(code.sent_by),
            reconnect: t.reconnect.get(code.reconnect),
        })
        .collect();
    codes.sort_by_key(|c| c.code);
    codes
}

/// The hand-written comparisons of the protocol's codes.
fn comparisons(context: PageContext, protocol: Protocol) -> Vec<Link> {
    let catalog = context.catalog;
    let t = context.language.strings;
    let urls = catalog.urls();
    let lang = context.lang();
    let name = |n: u16| match catalog.codes().get(&n) {
        Some(entry) => entry.local_name(lang).to_string(),
        None => protocol
            .file
            .code
            .iter()
            .find(|c| c.number() == n)
            .map_or(String::new(), |c| c.name.clone()),
    };
    catalog
        .comparisons()
        .iter()
        .filter(|(_, c)| {
            c.protocol
                .as_ref()
                .is_some_and(|p| p.get_ref() == protocol.slug)
        })
        .map(|(&(a, b), _)| {
            let (a_name, b_name) = (name(a), name(b));
            let pair = Pair {
                a: &a.to_string(),
                b: &b.to_string(),
                a_name: &a_name,
                b_name: &b_name,
            };
            Link {
                href: urls.href(&urls.compare(lang, a, b)),
                label: t.compare.heading.fill(&pair),
            }
        })
        .collect()
}

/// The first sentence of a plain text: up to the first ". " or the end.
fn first_sentence(text: &str) -> String {
    let text = text.trim();
    match text.find(". ") {
        Some(end) => text[..=end].to_string(),
        None => text.to_string(),
    }
}

/// What each client library of `protocol` calls `code` or prints for it.
pub(super) fn library_rows<'a>(
    protocol: Protocol<'a>,
    code: &'a ProtocolCode,
) -> Vec<CodeLibraryRow<'a>> {
    code.library
        .iter()
        .map(|entry| CodeLibraryRow {
            library: protocol
                .file
                .library
                .iter()
                .find(|l| l.id.get_ref() == entry.library.get_ref())
                .map_or(entry.library.get_ref().as_str(), |l| l.name.as_str()),
            version: &entry.version,
            name: entry.name.as_deref(),
            message: entry.message.as_deref(),
            source: entry.source.get_ref(),
        })
        .collect()
}

/// What the capture harness saw the protocol's client libraries print when
/// a server closed with `code`: each text once, with the library and release
/// that printed it.
pub(super) fn captured_rows<'a>(
    catalog: &Catalog<'a>,
    slug: &str,
    code: u16,
) -> Vec<(String, &'a str)> {
    let mut rows: Vec<(String, &'a str)> = Vec::new();
    for file in catalog.captured_files() {
        if file.protocol.as_ref().map(|p| p.get_ref().as_str()) != Some(slug) {
            continue;
        }
        for line in file.line.iter().filter(|l| *l.code.get_ref() == code) {
            if !rows.iter().any(|(_, text)| *text == line.text) {
                let release = format!("{} {}", file.library.get_ref(), file.version);
                rows.push((release, &line.text));
            }
        }
    }
    rows
}
