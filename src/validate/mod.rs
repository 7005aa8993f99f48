//! Stage 2, validate: checks the indexed content as a whole and reports every
//! problem at once, sorted by file and line, like a compiler. Each family of
//! rules is a pass in its own file; adding a rule means adding it to a pass,
//! or a pass to [`PASSES`].

mod codes;
mod comparisons;
mod libraries;
mod links;
mod lookup;
mod protocols;
mod ranges;
mod strings;
mod texts;
mod timeouts;

use toml::Spanned;

use crate::error::{Error, Problem, Result};
use crate::load::Content;
use crate::load::source::SourceFile;
use crate::model::catalog::Catalog;
use crate::project::BaseUrl;

/// A family of rules over the whole catalog.
type Pass = fn(&Catalog, &mut Vec<Problem>);

/// The passes, in the order a reader would check things by hand.
const PASSES: [Pass; 13] = [
    site_config,
    strings::check,
    codes::check,
    ranges::check,
    comparisons::check,
    libraries::check,
    libraries::check_examples,
    libraries::check_captured,
    lookup::check,
    protocols::check,
    timeouts::check,
    timeouts::check_glossary,
    links::check,
];

/// Indexes `content` (with the problems its loading found), checks it, and
/// returns the catalog if nothing is wrong. `base_url` replaces the one in
/// `site.toml`.
pub(crate) fn validate<'a>(
    content: &'a Content,
    mut problems: Vec<Problem>,
    base_url: Option<&BaseUrl>,
) -> Result<Catalog<'a>> {
    let catalog = Catalog::index(content, base_url, &mut problems);
    if let Some(catalog) = &catalog {
        for pass in PASSES {
            pass(catalog, &mut problems);
        }
    }
    match catalog {
        Some(catalog) if problems.is_empty() => Ok(catalog),
        _ => {
            problems.sort();
            problems.dedup();
            Err(Error::Content(problems))
        }
    }
}

/// The specifications of `site.toml` are linked from every page; its
/// most-met codes open the index, so each needs a page.
fn site_config(catalog: &Catalog, problems: &mut Vec<Problem>) {
    if let Some(config) = &catalog.content().config {
        for source in &config.value.source {
            external_source(&config.file, &source.url, problems);
        }
        for code in &config.value.most_met {
            if !catalog.codes().contains_key(code.get_ref()) {
                problems.push(
                    config
                        .file
                        .problem(code.span(), format!("code {} has no entry", code.get_ref()))
                        .with_hint("list codes that have a file in codes/"),
                );
            }
        }
    }
}

fn file_stem(file: &SourceFile) -> String {
    file.path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn non_empty(file: &SourceFile, value: &Spanned<String>, name: &str, problems: &mut Vec<Problem>) {
    if value.get_ref().trim().is_empty() {
        problems.push(file.problem(value.span(), format!("\"{name}\" is empty")));
    }
}

fn external_source(file: &SourceFile, url: &Spanned<String>, problems: &mut Vec<Problem>) {
    if !url.get_ref().starts_with("https://") {
        problems.push(file.problem(
            url.span(),
            format!("source \"{}\" is not an https URL", url.get_ref()),
        ));
    }
}

/// Where the value of a TOML string starts in its file: after its opening
/// quotes (`"`, `"""`, `'`, `'''`) and the newline a multi-line string drops.
fn value_start(file: &SourceFile, text: &Spanned<String>) -> usize {
    let raw = &file.text[text.span()];
    let quote = ["\"\"\"\n", "'''\n", "\"\"\"", "'''", "\"", "'"]
        .into_iter()
        .find(|q| raw.starts_with(q))
        .map_or(0, str::len);
    text.span().start + quote
}

/// Every `{word}` in `text`, with its byte offset: the placeholders a
/// pattern or an example uses.
fn placeholders(text: &str) -> Vec<(usize, &str)> {
    text.match_indices('{')
        .filter_map(|(at, _)| {
            let rest = &text[at + 1..];
            let len = rest
                .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
                .unwrap_or(rest.len());
            (len > 0 && rest[len..].starts_with('}')).then(|| (at, &rest[..len]))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_lowercase_words_in_braces() {
        assert_eq!(
            placeholders("{a} vs {b_name}, {Not} {} {x"),
            [(0, "a"), (7, "b_name")]
        );
    }
}
