//! The site's full-text index, per language: every section of the pages a
//! reader searches by topic (code pages, hand-written comparisons, ranges,
//! `/timeouts/`, the protocols' pages), cut from the rendered HTML and
//! written in the serialization format of MiniSearch (version 2), the search
//! library the browser loads from `static/js/minisearch.js`. The browser
//! cuts a query into terms with `static/js/site-search.js`, which follows
//! [`terms`](super::search_terms::terms) rule for rule.

use std::collections::{BTreeMap, HashMap};

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Selector};
use serde::Serialize;

use super::search_terms::terms;

/// One searchable part of a page: a section, or the page's opening.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SearchDoc {
    /// The section's address: the page's path and the section's anchor.
    pub url: String,
    /// The page's heading.
    pub page: String,
    /// The section's heading; the page's for its opening.
    pub heading: String,
    pub text: String,
    /// The site's pages its prose links to, with the links' words: they
    /// describe the page linked to (`[backoff](/1006/#fix)`).
    pub links: Vec<(String, String)>,
}

/// The fields MiniSearch indexes, in its field-id order: `refs` holds the
/// words of the links to the section from the rest of the site.
const FIELDS: [&str; 4] = ["page", "heading", "text", "refs"];
/// How much of a section's text is kept for the result's snippet.
const SNIPPET_CHARS: usize = 180;

/// The sections of a rendered page at `url` (its path under the site).
/// A section is an element with an id that holds a heading: `section[id]`
/// with its `h2`, or a note's `summary[id]` with its `h3`. A nested one is
/// not repeated in its parent's text, and one marked `data-nosearch` (text
/// that many pages repeat from another) is left out.
pub(crate) fn documents(html: &str, url: &str) -> Vec<SearchDoc> {
    let doc = Html::parse_document(html);
    let select = |css: &str| Selector::parse(css).expect("a valid selector");
    let Some(main) = doc.select(&select("main")).next() else {
        return Vec::new();
    };
    let page = doc
        .select(&select("main h1"))
        .next()
        .map(|h| plain(h, &[]))
        .unwrap_or_default();
    let parts: Vec<(ElementRef, ElementRef)> = main
        .select(&select("section[id], summary[id]"))
        .filter(|el| el.value().attr("data-nosearch").is_none())
        .filter_map(|el| {
            let body = if el.value().name() == "summary" {
                ElementRef::wrap(el.parent()?)?
            } else {
                el
            };
            Some((el, body))
        })
        .collect();
    let bodies: Vec<ElementRef> = parts.iter().map(|(_, body)| *body).collect();
    let mut out = Vec::new();
    let opening = plain(main, &bodies);
    if !opening.is_empty() {
        out.push(SearchDoc {
            url: url.to_string(),
            page: page.clone(),
            heading: page.clone(),
            text: opening,
            links: links(main, &bodies),
        });
    }
    let heading = select("h2, h3");
    for (anchor, body) in &parts {
        let Some(title) = anchor.select(&heading).next() else {
            continue;
        };
        let title = plain(title, &[]);
        let nested: Vec<ElementRef> = bodies
            .iter()
            .copied()
            .filter(|other| other.id() != body.id())
            .collect();
        let text = plain(*body, &nested);
        let id = anchor.value().attr("id").unwrap_or_default();
        out.push(SearchDoc {
            url: format!("{url}#{id}"),
            page: page.clone(),
            text: text.trim_start_matches(title.as_str()).trim().to_string(),
            heading: title,
            links: links(*body, &nested),
        });
    }
    out
}

/// The links of `el`'s prose to the site's own pages, outside `skip`.
fn links(el: ElementRef, skip: &[ElementRef]) -> Vec<(String, String)> {
    let select = Selector::parse(".prose a[href^='/']").expect("a valid selector");
    el.select(&select)
        .filter(|a| !a.ancestors().any(|n| skip.iter().any(|s| s.id() == n.id())))
        .filter_map(|a| {
            let href = a.value().attr("href")?.to_string();
            Some((href, plain(a, &[])))
        })
        .collect()
}

/// The words a reader sees in `el`, without the parts in `skip`, scripts,
/// navigation, the page's heading and what stands above it, labels, and
/// the `#` links beside headings.
fn plain(el: ElementRef, skip: &[ElementRef]) -> String {
    let mut out = String::new();
    collect(el, skip, &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Walks `el` by its open and close edges, not by recursion, so that deeply
/// nested content cannot overflow the stack.
fn collect(el: ElementRef, skip: &[ElementRef], out: &mut String) {
    let mut hidden_under = None;
    for edge in el.traverse().skip(1) {
        match edge {
            Edge::Open(node) if hidden_under.is_none() => {
                if let Some(text) = node.value().as_text() {
                    out.push_str(text);
                } else if let Some(child) = ElementRef::wrap(node) {
                    if hidden(child, skip) {
                        hidden_under = Some(node.id());
                    } else {
                        out.push(' ');
                    }
                }
            }
            Edge::Open(_) => {}
            Edge::Close(node) if hidden_under == Some(node.id()) => hidden_under = None,
            Edge::Close(node) if hidden_under.is_none() && node.value().is_element() => {
                out.push(' ')
            }
            Edge::Close(_) => {}
        }
    }
}

/// Whether a reader's search skips `el`: labels every page repeats
/// (`Should the client reconnect?`) are no topic.
fn hidden(el: ElementRef, skip: &[ElementRef]) -> bool {
    let v = el.value();
    let class = |name| v.has_class(name, scraper::CaseSensitivity::CaseSensitive);
    matches!(
        v.name(),
        "script" | "style" | "template" | "nav" | "form" | "dt" | "thead" | "h1"
    ) || class("copy-link")
        || class("kicker")
        || class("to-contents")
        || v.attr("hidden").is_some()
        || v.attr("data-nosearch").is_some()
        || skip.iter().any(|s| s.id() == el.id())
}

/// A term's documents by field: `{fieldId: {docId: frequency}}`.
type Postings = BTreeMap<usize, BTreeMap<usize, usize>>;

/// MiniSearch's serialized index (`MiniSearch.loadJSON`), version 2.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Serialized {
    document_count: usize,
    next_id: usize,
    document_ids: BTreeMap<usize, String>,
    field_ids: BTreeMap<&'static str, usize>,
    field_length: BTreeMap<usize, [usize; 4]>,
    average_field_length: [f64; 4],
    stored_fields: BTreeMap<usize, Stored>,
    dirt_count: usize,
    /// `[term, {fieldId: {docId: frequency}}]`, in term order.
    index: Vec<(String, Postings)>,
    serialization_version: u8,
}

/// What a result shows beside its address (the document's id): the page,
/// the section's heading and the start of its text for the snippet.
#[derive(Serialize)]
struct Stored {
    p: String,
    h: String,
    s: String,
}

/// The index of `docs` as JSON for `MiniSearch.loadJSON` with the fields
/// `page`, `heading` and `text`.
pub(crate) fn index_json(docs: &[SearchDoc]) -> String {
    let mut index: HashMap<String, Postings> = HashMap::new();
    let mut field_length = BTreeMap::new();
    let mut refs: HashMap<&str, String> = HashMap::new();
    for doc in docs {
        for (href, words) in &doc.links {
            if *href != doc.url {
                let text = refs.entry(href.as_str()).or_default();
                text.push(' ');
                text.push_str(words);
            }
        }
    }
    let mut totals = [0usize; 4];
    for (id, doc) in docs.iter().enumerate() {
        let mut lengths = [0usize; 4];
        let linked = refs.get(doc.url.as_str()).map_or("", String::as_str);
        for (field, value) in [&doc.page, &doc.heading, &doc.text, linked]
            .into_iter()
            .enumerate()
        {
            let terms = terms(value);
            let mut unique: Vec<&String> = terms.iter().collect();
            unique.sort_unstable();
            unique.dedup();
            lengths[field] = unique.len();
            totals[field] += unique.len();
            for term in terms {
                *index
                    .entry(term)
                    .or_default()
                    .entry(field)
                    .or_default()
                    .entry(id)
                    .or_default() += 1;
            }
        }
        field_length.insert(id, lengths);
    }
    let count = docs.len().max(1) as f64;
    let mut index: Vec<_> = index.into_iter().collect();
    index.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let serialized = Serialized {
        document_count: docs.len(),
        next_id: docs.len(),
        document_ids: docs
            .iter()
            .enumerate()
            .map(|(i, d)| (i, d.url.clone()))
            .collect(),
        field_ids: FIELDS.iter().enumerate().map(|(i, f)| (*f, i)).collect(),
        field_length,
        average_field_length: totals.map(|t| t as f64 / count),
        stored_fields: docs
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let stored = Stored {
                    p: d.page.clone(),
                    h: d.heading.clone(),
                    s: d.text.chars().take(SNIPPET_CHARS).collect(),
                };
                (i, stored)
            })
            .collect(),
        dirt_count: 0,
        index,
        serialization_version: 2,
    };
    serde_json::to_string(&serialized).expect("JSON of plain data")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_cut_at_their_anchors_without_their_nested_notes() {
        let html = r##"<html><body><main><h1>Timeouts</h1><p>Opening words.</p>
            <section id="hops"><h2>Hops <a class="copy-link" href="#hops">#</a></h2><p>Table.</p>
            <details><summary id="nginx-note"><h3>nginx</h3></summary><p>Sixty seconds.</p></details>
            </section></main></body></html>"##;
        let docs = documents(html, "/timeouts/");
        let urls: Vec<&str> = docs.iter().map(|d| d.url.as_str()).collect();
        assert_eq!(
            urls,
            ["/timeouts/", "/timeouts/#hops", "/timeouts/#nginx-note"]
        );
        assert_eq!(docs[0].text, "Opening words.");
        assert_eq!(docs[1].heading, "Hops");
        assert_eq!(docs[1].text, "Table.");
        assert_eq!(docs[2].text, "Sixty seconds.");
    }
}
