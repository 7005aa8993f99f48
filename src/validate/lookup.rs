//! Rules for `lookup.toml`: each rule is a pattern both the browser and the
//! build can read, names known libraries, and leads to exactly one kind of
//! answer that exists.

use crate::content::RuleKind;
use crate::error::Problem;
use crate::model::catalog::Catalog;
use crate::model::ranges;

use super::libraries::known_library;

/// The names of a compiled pattern's groups, `(?<name>…)`, as JavaScript
/// writes them; `(?<=` and `(?<!` are look-behinds.
fn group_names(pattern: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut escaped = false;
    let mut in_class = false;
    for (at, c) in pattern.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => in_class = true,
            ']' => in_class = false,
            '(' if !in_class => {
                let rest = &pattern[at + 1..];
                if let Some(name) = rest.strip_prefix("?<").and_then(|r| r.split_once('>')) {
                    let name = name.0;
                    if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                        && !name.is_empty()
                    {
                        names.push(name.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    names
}

/// The named groups a pattern may use to pick the code out of the text.
const GROUPS: [&str; 3] = ["code", "name", "char"];

pub(super) fn check(catalog: &Catalog, problems: &mut Vec<Problem>) {
    let Some(loaded) = &catalog.content().lookup else {
        return;
    };
    let file = &loaded.file;
    for rule in &loaded.value.rule {
        let span = rule.pattern.span();
        let pattern = rule.pattern.get_ref();
        let flags = if rule.case_sensitive { "" } else { "i" };
        if let Err(err) = regress::Regex::with_flags(pattern, flags) {
            problems.push(
                file.problem(span.clone(), format!("the pattern does not compile: {err}"))
                    .with_hint(
                        "write it as a JavaScript regular expression: new RegExp(pattern, \"i\")",
                    ),
            );
            continue;
        }
        let groups = group_names(pattern);
        if let Some(odd) = groups.iter().find(|g| !GROUPS.contains(&g.as_str())) {
            problems.push(
                file.problem(
                    span.clone(),
                    format!("group \"{odd}\" means nothing to the lookup"),
                )
                .with_hint("name a group code, name or char, or leave it unnamed: (?:...)"),
            );
        }
        let targets = usize::from(rule.code.is_some())
            + usize::from(rule.range.is_some())
            + usize::from(!groups.is_empty());
        if rule.kind.explains() {
            if targets != 0 {
                problems.push(
                    file.problem(span.clone(), "an explanation leads to no page")
                        .with_hint("drop `code`, `range` and named groups from this kind of rule"),
                );
            }
        } else if targets != 1 {
            problems.push(
                file.problem(span.clone(), "a rule leads to one answer")
                    .with_hint("give it `code`, `range` or a named group, exactly one of them"),
            );
        }
        if let Some(code) = &rule.code
            && !catalog.codes().contains_key(code.get_ref())
        {
            problems
                .push(file.problem(code.span(), format!("code {} has no page", code.get_ref())));
        }
        if let Some(range) = &rule.range {
            let known = ranges::RANGES
                .iter()
                .any(|(start, end)| format!("{start}-{end}") == *range.get_ref());
            if !known {
                problems.push(
                    file.problem(range.span(), format!("no range \"{}\"", range.get_ref()))
                        .with_hint("name a range page: 0-999, 1000-2999, 3000-3999 or 4000-4999"),
                );
            }
        }
        if rule.libraries.is_empty() && rule.kind != RuleKind::Topic {
            problems.push(file.problem(span, "say which libraries print this text"));
        }
        for library in &rule.libraries {
            known_library(catalog, file, library, problems);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_names_skip_look_behinds_escapes_and_classes() {
        assert_eq!(
            group_names(r"(?<code>\d+) (?<=a)(?<!b) \(?<no>x) [(?<no2>)] (?:x)(?<name>[A-Z]+)"),
            ["code", "name"]
        );
    }

    #[test]
    fn patterns_are_read_as_javascript_reads_them() {
        // Oniguruma reads these; a browser rejects them.
        for pattern in [r"a++", r"(?i)abc", r"(?>ab)", r"\A(?<x>a)\z(?<x>b)"] {
            assert!(
                regress::Regex::with_flags(pattern, "i").is_err(),
                "{pattern}"
            );
        }
        assert!(regress::Regex::with_flags(r"close (?<code>\d{4})\b", "i").is_ok());
    }
}
