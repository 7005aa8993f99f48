//! Markdown prose to HTML. Raw HTML in the source is shown as text, never
//! passed through; site links (`/1008/#fix`) get the base path and language;
//! links with any scheme but http, https and mailto are dropped; images are
//! shown as their text (the site loads nothing from elsewhere).

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, html};

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
    html::push_html(&mut out, events);
    out
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
}
