//! Markdown prose to HTML. Raw HTML in the source is shown as text, never
//! passed through; site links (`/1008/#fix`) get the base path and language;
//! links with any scheme but http, https and mailto are dropped; images are
//! shown as their text (the site loads nothing from elsewhere); fenced code
//! is coloured by its language.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd, html};

use crate::text::highlight;

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Renders Markdown, passing each site link through `site_link`.
pub fn to_html(markdown: &str, site_link: impl Fn(&str) -> String) -> String {
    let events = Parser::new_ext(markdown, options()).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: rewrite(dest_url, &site_link),
            title,
            id,
        }),
        other => other,
    });
    let events = events.filter(|event| {
        !matches!(
            event,
            Event::Start(Tag::Image { .. }) | Event::End(pulldown_cmark::TagEnd::Image)
        )
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, highlight_code_blocks(events).into_iter());
    out
}

/// Replaces each code block with one HTML event holding its coloured code.
fn highlight_code_blocks<'a>(events: impl Iterator<Item = Event<'a>>) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    let mut block: Option<(CowStr, String)> = None;
    for event in events {
        match (&mut block, event) {
            (None, Event::Start(Tag::CodeBlock(kind))) => {
                let language = match kind {
                    CodeBlockKind::Fenced(info) => info,
                    CodeBlockKind::Indented => "".into(),
                };
                block = Some((language, String::new()));
            }
            (Some((_, code)), Event::Text(text)) => code.push_str(&text),
            (Some((language, code)), Event::End(TagEnd::CodeBlock)) => {
                let language = language.split_whitespace().next().unwrap_or("");
                out.push(Event::Html(code_block(language, code).into()));
                block = None;
            }
            (_, event) => out.push(event),
        }
    }
    out
}

fn code_block(language: &str, code: &str) -> String {
    highlight::block(&highlight::to_html(language, code))
}

fn rewrite<'a>(dest: CowStr<'a>, site_link: &impl Fn(&str) -> String) -> CowStr<'a> {
    match classify(&dest) {
        LinkKind::Site => site_link(&dest).into(),
        LinkKind::External => dest,
        LinkKind::Unsafe => "#".into(),
    }
}

/// What a link in content points at.
#[derive(Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// A page of this site, written as a root path: `/1008/#fix`.
    Site,
    /// An http, https or mailto link.
    External,
    /// Anything else (`javascript:`, `data:`, relative paths): not allowed.
    Unsafe,
}

pub fn classify(dest: &str) -> LinkKind {
    let lower = dest.trim().to_ascii_lowercase();
    if dest.starts_with('/') && !dest.starts_with("//") {
        LinkKind::Site
    } else if lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
    {
        LinkKind::External
    } else {
        LinkKind::Unsafe
    }
}

/// A link or image in Markdown, and its byte offset in the text.
#[derive(Debug, PartialEq, Eq)]
pub struct MarkdownLink {
    pub dest: String,
    pub offset: usize,
    pub image: bool,
}

/// Every link and image in a Markdown text.
pub fn links(markdown: &str) -> Vec<MarkdownLink> {
    Parser::new_ext(markdown, options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. }) => Some(MarkdownLink {
                dest: dest_url.to_string(),
                offset: range.start,
                image: false,
            }),
            Event::Start(Tag::Image { dest_url, .. }) => Some(MarkdownLink {
                dest: dest_url.to_string(),
                offset: range.start,
                image: true,
            }),
            _ => None,
        })
        .collect()
}

/// The Markdown of the first item of the first list in `markdown`, without
/// its marker: a comparison quotes a code's first symptom and first step.
pub fn first_item(markdown: &str) -> Option<String> {
    let range = Parser::new_ext(markdown, options())
        .into_offset_iter()
        .find_map(|(event, range)| matches!(event, Event::Start(Tag::Item)).then_some(range))?;
    let item = markdown[range].trim();
    let item = item
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['-', '*', '+', '.', ')'])
        .trim_start();
    let lines: Vec<&str> = item.lines().map(str::trim).collect();
    Some(lines.join("\n"))
}

/// The text of Markdown without its markup, for plain-text output and search.
pub fn to_plain(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                out.push_str(&text)
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(_) if !out.ends_with(' ') && !out.is_empty() => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(md: &str) -> String {
        to_html(md, |path| format!("/base{path}"))
    }

    #[test]
    fn the_first_item_is_taken_whole_without_its_marker() {
        let md = "Intro.\n\n1. Read the **reason**,\n   then log it.\n2. Second.\n";
        assert_eq!(
            first_item(md).as_deref(),
            Some("Read the **reason**,\nthen log it.")
        );
        assert_eq!(first_item("- one\n- two").as_deref(), Some("one"));
        assert_eq!(first_item("No list."), None);
    }

    #[test]
    fn raw_html_is_escaped() {
        let html = render("a <script>alert(1)</script> b\n\n<div onclick=x>");
        assert!(!html.contains("<script>"));
        assert!(!html.contains("<div"));
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn site_links_are_rewritten_and_unsafe_links_dropped() {
        let html = render("[a](/1008/#fix) [b](javascript:alert(1)) [c](https://x.org/)");
        assert!(html.contains(r#"href="/base/1008/#fix""#));
        assert!(!html.contains("javascript"));
        assert!(html.contains(r#"href="https://x.org/""#));
    }

    #[test]
    fn fenced_code_is_coloured_and_still_escaped() {
        let html = render("```toml\ncode = 4001 # <b>\n```\n\n    <i>indented</i>\n");
        assert!(html.contains(r#"<span class="hl-n">4001</span>"#), "{html}");
        assert!(
            html.contains("&lt;b&gt;") && html.contains("&lt;i&gt;"),
            "{html}"
        );
        assert!(!html.contains("<b>") && !html.contains("<i>"), "{html}");
    }
}
