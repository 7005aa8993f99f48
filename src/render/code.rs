//! The page of one close code (`code.html`): what it means, when you see it,
//! how to fix it, the facts, how each library spells it, the log lines it
//! shows up in, and code that closes with it and reads it.

use askama::Template;

use crate::content::{CodeEntry, Library};
use crate::load::pattern::{Code, CodeNames, Lines, Version};
use crate::model::pages::PageKind;

use super::facts::{self, FactRow};
use super::layout::{Layout, Link};
use super::prose::{CodeProse, Prose};
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
    /// What a web page sees: its first paragraph, and the rest folded.
    pub browser: (Prose, Prose),
    pub facts: Vec<FactRow>,
    pub range: Link,
    pub related: Vec<CodeRow<'a>>,
    pub comparisons: Vec<super::index::CompareLink>,
    /// The codes before and after this one, for reading on.
    pub previous: Option<Link>,
    pub next: Option<Link>,
    pub sources: Vec<Link>,
    /// The libraries that have a name for the code.
    pub constants: Vec<ConstantRow<'a>>,
    /// The libraries that have none, as links to their constants.
    pub without_name: Vec<Link>,
    /// "Named in 12 of 31 libraries", for the collapsed table.
    pub constants_summary: String,
    pub examples: &'a CodeExamples,
    /// Whether a browser can close with the code, so the JavaScript example
    /// is a browser's.
    pub close_method: bool,
    pub sendable: bool,
    pub close_heading: String,
    pub not_sent: String,
    /// The log lines that point at the code, by library.
    pub messages: Vec<MessageGroup<'a>>,
    /// "17 log lines from 9 libraries", for the collapsed list.
    pub messages_summary: String,
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

/// The log lines one library prints that point at the code, with where
/// they come from said once.
pub(crate) struct MessageGroup<'a> {
    /// The name of the library that prints them.
    pub library: &'a str,
    /// Where the first one's format is.
    pub source: &'a str,
    /// "captured from ws 8.23.0", when the capture harness saw the library
    /// print them.
    pub captured: Option<String>,
    pub lines: Vec<MessageLine<'a>>,
}

/// One log line of a library.
pub(crate) struct MessageLine<'a> {
    pub text: &'a str,
    /// The releases that print it, when it is bound to some: `≥ 8.21.0`.
    pub releases: Option<String>,
    /// "checked with 8.23.0", for a line the harness did not print.
    pub checked: Option<String>,
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
    )
    .with_trust(context.trust(PageKind::Code(code)));
    let urls = catalog.urls();
    if crate::model::ranges::is_registered(code) {
        layout.image = urls.absolute(&urls.social_image(lang, Some(code)));
        layout.image_alt = format!("{code} {}: {summary}", entry.local_name(lang));
    }
    let (constants, without_name) = constants(context, code);
    let messages = messages(context, code);
    CodePage {
        layout,
        code,
        name,
        local_name: Some(entry.local_name(lang)).filter(|n| *n != name),
        prose: context.cache.code(code, lang),
        browser: context.cache.code(code, lang).browser.split_first(),
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
        constants_summary: t.code_page.names_summary.fill(&Lines {
            lines: &constants.len().to_string(),
            libraries: &(constants.len() + without_name.len()).to_string(),
        }),
        constants,
        without_name,
        messages_summary: t.code_page.lines_summary.fill(&Lines {
            lines: &messages
                .iter()
                .map(|g| g.lines.len())
                .sum::<usize>()
                .to_string(),
            libraries: &messages.len().to_string(),
        }),
        messages,
        examples: context.cache.examples(code),
        close_method: entry.close_method,
        sendable: entry.sendable,
        close_heading: t.code_page.close_example.fill(&Code { code: &number }),
        not_sent: t.code_page.not_sent.fill(&Code { code: &number }),
    }
}

/// Each library's name for the code, and the libraries without one.
fn constants<'a>(context: PageContext<'a>, code: u16) -> (Vec<ConstantRow<'a>>, Vec<Link>) {
    let (named, unnamed): (Vec<&Library>, Vec<&Library>) = context
        .catalog
        .libraries()
        .iter()
        .partition(|library| library.constant(code).is_some());
    let rows = named
        .into_iter()
        .map(|library| ConstantRow {
            library: &library.name,
            source: library.source.get_ref(),
            constant: library.constant(code),
            verified: library.verified(),
        })
        .collect();
    let without = unnamed
        .into_iter()
        .map(|library| Link {
            href: library.source.get_ref().clone(),
            label: library.name.clone(),
        })
        .collect();
    (rows, without)
}

/// The real log lines that point at the code, by library in the order
/// they first appear, each with the release it was checked against unless
/// the capture harness printed it.
fn messages<'a>(context: PageContext<'a>, code: u16) -> Vec<MessageGroup<'a>> {
    let catalog = context.catalog;
    let t = context.language.strings;
    let mut groups: Vec<MessageGroup<'a>> = Vec::new();
    for m in catalog.messages_for(code) {
        let id = m.library.get_ref();
        let library = catalog.library(id).map_or(id.as_str(), |l| l.name.as_str());
        let run = catalog.captured(id, &m.text);
        let line = MessageLine {
            text: &m.text,
            releases: m.releases(),
            checked: run.is_none().then(|| {
                t.code_page.checked.fill(&Version {
                    version: m.verified.as_ref().map_or("", |v| v.get_ref()),
                })
            }),
        };
        let captured = run.map(|run| {
            let release = format!("{} {}", run.library.get_ref(), run.version);
            t.code_page.captured.fill(&Version { version: &release })
        });
        match groups.iter_mut().find(|g| g.library == library) {
            Some(group) => {
                group.captured = group.captured.take().or(captured);
                group.lines.push(line);
            }
            None => groups.push(MessageGroup {
                library,
                source: m.source.get_ref(),
                captured,
                lines: vec![line],
            }),
        }
    }
    groups
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
