//! Rules for the UI strings of each language (`i18n/<lang>.toml`): no string
//! is empty, and a sentence pattern uses only the placeholders the generator
//! fills in. Both are reported at the string's own line and column.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::error::Problem;
use crate::load::source::SourceFile;
use crate::load::strings::{Strings, Table};
use crate::model::catalog::Catalog;

use super::placeholders;

pub(super) fn check(catalog: &Catalog, problems: &mut Vec<Problem>) {
    for language in catalog.languages() {
        let Some(loaded) = catalog.content().strings.get(language.code) else {
            continue;
        };
        // The file parsed into `Strings` already, so it parses here too.
        if let Ok(table) = DeTable::parse(&loaded.file.text) {
            walk(&loaded.file, table.get_ref(), "", problems);
        }
    }
}

fn walk(file: &SourceFile, table: &DeTable, prefix: &str, problems: &mut Vec<Problem>) {
    for (key, value) in table {
        let path = format!("{prefix}{}", key.get_ref());
        match value.get_ref() {
            DeValue::Table(inner) => walk(file, inner, &format!("{path}."), problems),
            DeValue::String(text) => check_string(file, &path, text, value, problems),
            _ => {}
        }
    }
}

fn check_string(
    file: &SourceFile,
    path: &str,
    text: &str,
    value: &Spanned<DeValue>,
    problems: &mut Vec<Problem>,
) {
    let span = value.span();
    if text.trim().is_empty() {
        problems.push(file.problem(span, format!("the string \"{path}\" is empty")));
        return;
    }
    let segments: Vec<&str> = path.split('.').collect();
    let allowed = Strings::placeholders_at(&segments).unwrap_or(&[]);
    // Offsets inside the value are offsets in the file for a one-line string
    // without escapes, which every pattern is.
    let start = span.start + 1;
    for (at, name) in placeholders(text) {
        if !allowed.contains(&name) {
            let hint = if allowed.is_empty() {
                format!("\"{path}\" takes no placeholders")
            } else {
                format!("\"{path}\" can use {{{}}}", allowed.join("}, {"))
            };
            problems.push(
                file.problem(
                    start + at..start + at,
                    format!("unknown placeholder {{{name}}}"),
                )
                .with_hint(hint),
            );
        }
    }
}
