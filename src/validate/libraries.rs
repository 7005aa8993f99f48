//! Rules for what libraries do: `libraries.toml` (ids, constants),
//! `messages.toml` (log lines) and the code examples of `examples.toml` and of
//! each code.

use std::collections::{BTreeMap, BTreeSet};

use toml::Spanned;

use crate::error::Problem;
use crate::load::source::SourceFile;
use crate::model::catalog::Catalog;
use crate::model::ranges;
use crate::text::highlight;

use super::{external_source, placeholders, value_start};

/// Library ids are unique and constants name codes with entries, each
/// constant one code; messages name a code and a library.
pub(super) fn check(catalog: &Catalog, problems: &mut Vec<Problem>) {
    if let Some(loaded) = &catalog.content().libraries {
        let file = &loaded.file;
        let mut ids = BTreeSet::new();
        for library in &loaded.value.library {
            if !ids.insert(library.id()) {
                problems.push(file.problem(
                    library.id.span(),
                    format!("library id \"{}\" is used twice", library.id()),
                ));
            }
            external_source(file, &library.source, problems);
            verified(file, &library.verified, library.id.span(), problems);
            let mut names = BTreeMap::new();
            for (code, name) in &library.constants {
                match code.parse::<u16>() {
                    Ok(n) if catalog.codes().contains_key(&n) => {}
                    _ => problems.push(file.problem(
                        name.span(),
                        format!("\"{code}\" is not a code with an entry"),
                    )),
                }
                if let Some(other) = names.insert(name.get_ref().as_str(), code) {
                    problems.push(file.problem(
                        name.span(),
                        format!(
                            "constant \"{}\" of {} names both {other} and {code}",
                            name.get_ref(),
                            library.id()
                        ),
                    ));
                }
            }
        }
    }
    if let Some(loaded) = &catalog.content().messages {
        for message in &loaded.value.message {
            let code = *message.code.get_ref();
            if !catalog.codes().contains_key(&code) {
                problems.push(loaded.file.problem(
                    message.code.span(),
                    format!("message for code {code}, which has no entry"),
                ));
            }
            known_library(catalog, &loaded.file, &message.library, problems);
            external_source(&loaded.file, &message.source, problems);
            // Where the harness ran, every line is one it printed, or says why not.
            let captured = catalog.captured(message.library.get_ref(), &message.text);
            // Protocols' clients print protocol codes, not these lines.
            let harness_ran = catalog
                .content()
                .captured
                .iter()
                .any(|c| c.value.protocol.is_none());
            if harness_ran && captured.is_none() && message.read_only.is_none() {
                problems.push(
                    loaded
                        .file
                        .problem(
                            message.code.span(),
                            format!("\"{}\" is in no captured run of {}", message.text, message.library.get_ref()),
                        )
                        .with_hint("copy the exact line from content/captured/, or say why the harness cannot print it: read_only = \"...\""),
                );
            }
            verified(
                &loaded.file,
                &message.verified,
                message.code.span(),
                problems,
            );
        }
    }
}

/// Captured files name a known library in their file name and inside, and
/// point each line at a code that can be documented.
pub(super) fn check_captured(catalog: &Catalog, problems: &mut Vec<Problem>) {
    for loaded in &catalog.content().captured {
        let (file, captured) = (&loaded.file, &loaded.value);
        // A protocol's client is one of its libraries (see protocols.rs).
        if captured.protocol.is_none() {
            known_library(catalog, file, &captured.library, problems);
        }
        if super::file_stem(file) != *captured.library.get_ref() {
            problems.push(
                file.problem(
                    captured.library.span(),
                    "the file name does not match the library inside",
                )
                .with_hint(format!(
                    "rename the file to {}.toml",
                    captured.library.get_ref()
                )),
            );
        }
        let mut scenarios = BTreeSet::new();
        for line in &captured.line {
            for code in std::iter::once(*line.code.get_ref()).chain(line.also.iter().copied()) {
                if !ranges::DOCUMENTED.contains(&code) {
                    problems.push(file.problem(
                        line.code.span(),
                        format!("code {code} has no page to answer this line"),
                    ));
                }
            }
            if !scenarios.insert(line.scenario.as_str()) {
                problems.push(file.problem(
                    line.code.span(),
                    format!("scenario \"{}\" is captured twice", line.scenario),
                ));
            }
        }
    }
}

/// Examples name a known library and grammar and only the placeholders
/// `{code}` and `{reason}`; a code's own read examples replace a library's
/// shared one, so that library must have examples.
pub(super) fn check_examples(catalog: &Catalog, problems: &mut Vec<Problem>) {
    if let Some(loaded) = &catalog.content().examples {
        let file = &loaded.file;
        for example in &loaded.value.example {
            known_library(catalog, file, &example.library, problems);
            verified(file, &example.verified, example.library.span(), problems);
            let syntax = example.syntax.get_ref();
            if !highlight::knows(syntax) {
                problems.push(
                    file.problem(
                        example.syntax.span(),
                        format!("no grammar colours \"{syntax}\""),
                    )
                    .with_hint("name a language the usual way: js, python, go, rust, toml"),
                );
            }
            for text in example.close.iter().chain(&example.read) {
                example_placeholders(file, text, problems);
            }
        }
    }
    let with_examples: BTreeSet<&str> = catalog
        .examples()
        .iter()
        .map(|e| e.library.get_ref().as_str())
        .collect();
    for loaded in &catalog.content().codes {
        for (library, text) in &loaded.value.examples.read {
            if !with_examples.contains(library.as_str()) {
                problems.push(
                    loaded
                        .file
                        .problem(
                            text.span(),
                            format!("read example for \"{library}\", which has no examples"),
                        )
                        .with_hint("use a library id that examples.toml has examples for"),
                );
            }
            example_placeholders(&loaded.file, text, problems);
        }
    }
}

/// A library fact holds for releases: it must say which one it was checked
/// against.
fn verified(
    file: &SourceFile,
    verified: &Option<Spanned<String>>,
    at: std::ops::Range<usize>,
    problems: &mut Vec<Problem>,
) {
    match verified {
        Some(v) if v.get_ref().trim().is_empty() => {
            problems.push(file.problem(v.span(), "\"verified\" is empty"));
        }
        Some(_) => {}
        None => problems.push(
            file.problem(
                at,
                "no \"verified\": which release was this checked against?",
            )
            .with_hint("add verified = \"8.23.0\", the release whose code you read or ran"),
        ),
    }
}

/// A library named by a message or an example must be in libraries.toml.
pub(super) fn known_library(
    catalog: &Catalog,
    file: &SourceFile,
    id: &Spanned<String>,
    problems: &mut Vec<Problem>,
) {
    if catalog.library(id.get_ref()).is_none() {
        problems.push(
            file.problem(id.span(), format!("unknown library \"{}\"", id.get_ref()))
                .with_hint("use an id from libraries.toml"),
        );
    }
}

/// An example may use `{code}` and `{reason}`; any other `{word}` is a typo
/// that would reach the page as it is.
fn example_placeholders(file: &SourceFile, text: &Spanned<String>, problems: &mut Vec<Problem>) {
    let base = value_start(file, text);
    for (at, word) in placeholders(text.get_ref()) {
        if word != "code" && word != "reason" {
            problems.push(
                file.problem(
                    base + at..base + at,
                    format!("unknown placeholder {{{word}}}"),
                )
                .with_hint("examples can use {code} and {reason}"),
            );
        }
    }
}
