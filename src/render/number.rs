//! A number that protocols define for themselves (`number.html`, `/4004/`):
//! what it means in each protocol that uses it, the most met first, one
//! section each (`#discord-gateway`, its fix `#discord-gateway-fix`), then
//! what any code of its range is.

use askama::Template;

use crate::content::ProtocolCodeText;
use crate::load::pattern::{Code, NumberNames, Read};
use crate::load::strings::ProtocolsStrings;
use crate::model::catalog::{Field, Use};
use crate::model::pages::PageKind;
use crate::model::ranges;

use super::PageContext;
use super::layout::{Layout, Link};
use super::prose::{self, Prose};
use super::protocols::{CodeLibraryRow, captured_rows, library_rows};

#[derive(Template)]
#[template(path = "number.html")]
pub(crate) struct NumberPage<'a> {
    pub layout: Layout<'a>,
    pub words: &'a ProtocolsStrings,
    pub code: u16,
    /// What kind of number it is, before the sections.
    pub intro: String,
    pub sections: Vec<Section<'a>>,
    /// What any code of the range is, and the range's page.
    pub general: Prose,
    pub range: Link,
    pub protocols: Link,
}

/// One protocol's meaning of the number.
pub(crate) struct Section<'a> {
    pub slug: &'a str,
    pub protocol: &'a str,
    pub protocol_href: String,
    /// The protocol's own name for the code.
    pub name: &'a str,
    pub meaning: Prose,
    pub fix: Prose,
    /// The protocol's rule on reconnecting after it; often empty.
    pub reconnect_rule: Prose,
    pub sent_by: &'a str,
    pub reconnect: &'a str,
    pub reason: Option<&'a str>,
    pub libraries: Vec<CodeLibraryRow<'a>>,
    pub captured: Vec<(String, &'a str)>,
    pub source: Link,
    pub read: String,
}

pub(super) fn page<'a>(context: PageContext<'a>, code: u16) -> NumberPage<'a> {
    let catalog = context.catalog;
    let t = context.language.strings;
    let words = t
        .protocols
        .as_ref()
        .expect("validation requires the protocol strings");
    let uses = catalog.uses(code);
    let number = code.to_string();
    let names: Vec<String> = uses
        .iter()
        .map(|u| format!("{} ({})", u.code.name, u.protocol.file.name))
        .collect();
    let names = NumberNames {
        code: &number,
        names: &names.join(" · "),
    };
    let layout = Layout::new(
        catalog,
        context.language,
        words.number_title.fill(&names),
        words.number_meta.fill(&names),
        context.rel_of(PageKind::Number(code)),
    )
    .with_trust(context.trust(PageKind::Number(code)));
    let (start, end) = ranges::range_of(code).unwrap_or(ranges::RANGES[3]);
    let intro = if start == 4000 {
        &words.number_private
    } else {
        &words.number_unregistered
    };
    let range_texts = catalog
        .ranges()
        .get(&(start, end))
        .map(|r| r.text.get_ref());
    NumberPage {
        intro: intro.fill(&Code { code: &number }),
        sections: uses.iter().map(|u| section(context, *u)).collect(),
        general: range_texts
            .map(|texts| prose::field(catalog, texts, context.lang(), |t| t.body.as_ref()))
            .unwrap_or_default(),
        range: context.range_link(code),
        protocols: Link {
            href: catalog
                .urls()
                .href(&catalog.urls().page(context.lang(), PageKind::Protocols)),
            label: words.nav.clone(),
        },
        layout,
        words,
        code,
    }
}

fn section<'a>(context: PageContext<'a>, used: Use<'a>) -> Section<'a> {
    let catalog = context.catalog;
    let t = context.language.strings;
    let words = t
        .protocols
        .as_ref()
        .expect("validation requires the protocol strings");
    let urls = catalog.urls();
    let (protocol, code) = (used.protocol, used.code);
    let texts = code.text.get_ref();
    let field = |pick: Field<ProtocolCodeText>| prose::field(catalog, texts, context.lang(), pick);
    Section {
        slug: protocol.slug,
        protocol: &protocol.file.name,
        protocol_href: urls.href(&urls.page(context.lang(), PageKind::Protocol(protocol.slug))),
        name: &code.name,
        meaning: field(|t| t.meaning.as_ref()),
        fix: field(|t| t.fix.as_ref()),
        reconnect_rule: field(|t| t.reconnect.as_ref()),
        sent_by: t.sent_by.get(code.sent_by),
        reconnect: t.reconnect.get(code.reconnect),
        reason: code.reason.as_deref(),
        libraries: library_rows(protocol, code),
        captured: captured_rows(catalog, protocol.slug, code.number()),
        source: Link {
            href: code
                .source
                .as_ref()
                .unwrap_or(&protocol.file.source)
                .get_ref()
                .clone(),
            label: protocol.file.owner.clone(),
        },
        read: words.read.fill(&Read {
            read: protocol.file.read.get_ref(),
        }),
    }
}
