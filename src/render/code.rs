//! The page of one close code (`code.html`): what it means, when you see it,
//! how to fix it, the facts, how each library spells it, the log lines it
//! shows up in, and code that closes with it and reads it.

use askama::Template;

use crate::content::CodeEntry;
use crate::load::pattern::{Code, CodeNames, Version};
use crate::model::pages::PageKind;

use super::facts::{self, FactRow};
use super::layout::{Layout, Link};
use super::prose::CodeProse;
use super::snippets::CodeExamples;
use super::{CodeRow, PageContext, source_link};

#[derive(Template)]
#[template(path = "code.html")]
pub(crate) struct CodePage<'a> {
    pub layout: Layout<'a>,
    pub code: u16,
    pub name: &'a str,
    /// The name in the page's language, when it has one of its own.
    pub local_name: Option<&'a str>,
    pub prose: &'a CodeProse,
    pub facts: Vec<FactRow>,
    pub range: Link,
    pub related: Vec<CodeRow<'a>>,
    pub comparisons: Vec<super::index::CompareLink>,
    /// The codes before and after this one, for reading on.
    pub previous: Option<Link>,
    pub next: Option<Link>,
    pub sources: Vec<Link>,
    pub constants: Vec<ConstantRow<'a>>,
    pub examples: &'a CodeExamples,
    /// Whether a browser can close with the code, so the JavaScript example
    /// is a browser's.
    pub close_method: bool,
    pub sendable: bool,
    pub close_heading: String,
    pub not_sent: String,
    pub messages: Vec<MessageRow<'a>>,
}

/// How one library spells the code.
pub(crate) struct ConstantRow<'a> {
    pub library: &'a str,
    /// Where the library's constants are defined.
    pub source: &'a str,
    pub constant: Option<String>,
    /// The release the constants were checked against.
    pub verified: &'a str,
}

/// A log line that points at the code.
pub(crate) struct MessageRow<'a> {
    pub text: &'a str,
    /// The name of the library that prints it.
    pub library: &'a str,
    /// Where its format is.
    pub source: &'a str,
    /// The releases that print it, when it is bound to some: `≥ 8.21.0`.
    pub releases: Option<String>,
    /// "checked with 8.23.0", in the page's language.
    pub checked: String,
    /// "captured from ws 8.23.0", when the capture harness saw the library
    /// print exactly this text.
    pub captured: Option<String>,
}

pub(super) fn page<'a>(context: PageContext<'a>, code: u16) -> CodePage<'a> {
    let catalog = context.catalog;
    let entry = catalog.code(code);
    let t = context.language.strings;
    let lang = context.lang();
    let name = entry.name();
    let number = code.to_string();
    let summary = super::summary_text(catalog, code, lang);
    let named = CodeNames {
        code: &number,
        name,
        local_name: entry.local_name(lang),
        summary: &summary,
    };
    let mut layout = Layout::new(
        catalog,
        context.language,
        t.code_page.title.fill(&named),
        t.code_page.meta_description.fill(&named),
        context.rel_of(PageKind::Code(code)),
    );
    let urls = catalog.urls();
    if crate::model::ranges::is_registered(code) {
        layout.image = urls.absolute(&urls.social_image(lang, Some(code)));
        layout.image_alt = format!("{code} {}: {summary}", entry.local_name(lang));
    }
    CodePage {
        layout,
        code,
        name,
        local_name: Some(entry.local_name(lang)).filter(|n| *n != name),
        prose: context.cache.code(code, lang),
        facts: facts::rows(&context, &[code]),
        range: context.range_link(code),
        related: entry.related().map(|r| context.code_row(r)).collect(),
        comparisons: context.compare_links(code),
        previous: catalog
            .codes()
            .range(..code)
            .next_back()
            .map(|(&c, e)| neighbour(urls, lang, c, e.local_name(lang))),
        next: catalog
            .codes()
            .range(code + 1..)
            .next()
            .map(|(&c, e)| neighbour(urls, lang, c, e.local_name(lang))),
        sources: sources(context, entry),
        constants: constants(context, code),
        messages: messages(context, code),
        examples: context.cache.examples(code),
        close_method: entry.close_method,
        sendable: entry.sendable,
        close_heading: t.code_page.close_example.fill(&Code { code: &number }),
        not_sent: t.code_page.not_sent.fill(&Code { code: &number }),
    }
}

/// Each library's name for the code, or its lack of one.
fn constants<'a>(context: PageContext<'a>, code: u16) -> Vec<ConstantRow<'a>> {
    context
        .catalog
        .libraries()
        .iter()
        .map(|library| ConstantRow {
            library: &library.name,
            source: library.source.get_ref(),
            constant: library.constant(code),
            verified: library.verified(),
        })
        .collect()
}

/// The real log lines that point at the code, each with the release it was
/// checked against and the run that printed it.
fn messages<'a>(context: PageContext<'a>, code: u16) -> Vec<MessageRow<'a>> {
    let catalog = context.catalog;
    let t = context.language.strings;
    catalog
        .messages_for(code)
        .map(|m| MessageRow {
            text: &m.text,
            library: catalog
                .library(m.library.get_ref())
                .map_or(m.library.get_ref().as_str(), |l| l.name.as_str()),
            source: m.source.get_ref(),
            releases: m.releases(),
            checked: t.code_page.checked.fill(&Version {
                version: m.verified.as_ref().map_or("", |v| v.get_ref()),
            }),
            captured: catalog.captured(m.library.get_ref(), &m.text).map(|run| {
                let release = format!("{} {}", run.library.get_ref(), run.version);
                t.code_page.captured.fill(&Version { version: &release })
            }),
        })
        .collect()
}

fn neighbour(urls: &crate::model::urls::Urls, lang: &str, code: u16, name: &str) -> Link {
    Link {
        href: urls.href(&urls.code(lang, code)),
        label: format!("{code} {name}"),
    }
}

/// Where a code's facts come from: its own entry's source and, for a code
/// in a registered range, the registry.
fn sources(context: PageContext, entry: &CodeEntry) -> Vec<Link> {
    let own = source_link(&entry.reference, &entry.section, entry.source_url());
    let registry: Vec<Link> = context
        .catalog
        .sources()
        .filter(|s| s.registry && entry.number() < 4000 && *s.url.get_ref() != own.href)
        .map(Link::from)
        .collect();
    std::iter::once(own).chain(registry).collect()
}
