//! How much of a comparison repeats its two code pages:
//! `cargo run --release --example repetition [PAIR…]`.
//!
//! Builds the real site into a temporary directory, then for each pair
//! (default `1002-vs-1008`, `1006-vs-1011`, `1000-vs-1001`) and language reads
//! the text of the comparison's `<main>` and of both codes' pages (without
//! the header, navigation, forms and the share of every page that is a
//! label). Two figures:
//!
//! - sentences: the share of the comparison's words that sit in a sentence
//!   found word for word on either code page;
//! - 8-word runs: the share of the comparison's runs of eight words that
//!   occur on either code page, which also catches a sentence copied with a
//!   word changed.
//!
//! A comparison that leads with its verdict and links to the code pages
//! should stay under a third on both.

use std::collections::HashSet;
use std::path::Path;

use scraper::{ElementRef, Html, Selector};

const DEFAULT_PAIRS: [&str; 3] = ["1002-vs-1008", "1006-vs-1011", "1000-vs-1001"];
const RUN: usize = 8;

fn main() {
    let pairs: Vec<String> = std::env::args().skip(1).collect();
    let pairs: Vec<&str> = if pairs.is_empty() {
        DEFAULT_PAIRS.to_vec()
    } else {
        pairs.iter().map(String::as_str).collect()
    };
    let temp = tempfile::tempdir().expect("temp dir");
    let out = temp.path().join("site");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    closecodes::build(&closecodes::BuildOptions {
        content,
        out: out.clone(),
        base_url: None,
    })
    .expect("the real site builds");
    println!(
        "{:<16} {:<4} {:>7} {:>11} {:>11}",
        "comparison", "lang", "words", "sentences", "8-word runs"
    );
    for pair in pairs {
        let (a, b) = pair
            .split_once("-vs-")
            .expect("a pair such as 1002-vs-1008");
        for lang in ["", "ko/"] {
            let text = |rel: &str| main_text(&out.join(format!("{lang}{rel}/index.html")));
            let compared = text(pair);
            let sources = [text(a), text(b)];
            let (words, sentences) = repeated_sentences(&compared, &sources);
            let runs = repeated_runs(&compared, &sources);
            println!(
                "{:<16} {:<4} {:>7} {:>10.1}% {:>10.1}%",
                pair,
                if lang.is_empty() { "en" } else { "ko" },
                words,
                100.0 * sentences,
                100.0 * runs
            );
        }
    }
}

/// The words a reader reads in the page's `<main>`, without navigation,
/// forms, scripts and the `#` beside headings.
fn main_text(file: &Path) -> String {
    let html = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let page = Html::parse_document(&html);
    let main = Selector::parse("main").expect("selector");
    let mut out = String::new();
    if let Some(main) = page.select(&main).next() {
        collect(main, &mut out);
    }
    out
}

fn collect(el: ElementRef, out: &mut String) {
    for node in el.traverse() {
        if let ego_tree::iter::Edge::Open(node) = node {
            let skipped = node.ancestors().filter_map(ElementRef::wrap).any(|a| {
                matches!(a.value().name(), "nav" | "form" | "script" | "template")
                    || a.value()
                        .classes()
                        .any(|c| c == "copy-link" || c == "to-contents")
            });
            if let Some(text) = node.value().as_text().filter(|_| !skipped) {
                out.push_str(text);
                out.push(' ');
            }
        }
    }
}

/// Sentences: cut after `.`, `?`, `!` followed by a space, or at a line
/// break; whitespace made single.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        current.push(c);
        let end =
            matches!(c, '.' | '?' | '!') && chars.get(i + 1).is_none_or(|n| n.is_whitespace());
        if end || c == '\n' {
            push_sentence(&mut out, &current);
            current.clear();
        }
    }
    push_sentence(&mut out, &current);
    out
}

fn push_sentence(out: &mut Vec<String>, text: &str) {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() >= 3 {
        out.push(words.join(" "));
    }
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The comparison's words, and the share of them in sentences that either
/// code page has word for word.
fn repeated_sentences(compared: &str, sources: &[String]) -> (usize, f64) {
    let sources: Vec<String> = sources.iter().map(|s| squeeze(s)).collect();
    let all = sentences(compared);
    let words = |s: &String| s.split_whitespace().count();
    let total: usize = all.iter().map(words).sum();
    let repeated: usize = all
        .iter()
        .filter(|s| sources.iter().any(|source| source.contains(s.as_str())))
        .map(words)
        .sum();
    let total_words = compared.split_whitespace().count();
    (total_words, repeated as f64 / total.max(1) as f64)
}

/// The share of the comparison's runs of [`RUN`] words that occur on either
/// code page.
fn repeated_runs(compared: &str, sources: &[String]) -> f64 {
    let runs = |text: &str| -> Vec<String> {
        let words: Vec<&str> = text.split_whitespace().collect();
        words.windows(RUN).map(|w| w.join(" ")).collect()
    };
    let known: HashSet<String> = sources.iter().flat_map(|s| runs(s)).collect();
    let own = runs(compared);
    let repeated = own.iter().filter(|r| known.contains(*r)).count();
    repeated as f64 / own.len().max(1) as f64
}
