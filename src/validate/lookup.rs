//! Rules for `lookup.toml`: each rule is a pattern both the browser and the
//! build can read, names known libraries, and leads to exactly one kind of
//! answer that exists.

use onig::Regex;

use crate::catalog::Catalog;
use crate::content::RuleKind;
use crate::error::Problem;
use crate::pages;

use super::libraries::known_library;

/// The named groups a pattern may use to pick the code out of the text.
const GROUPS: [&str; 3] = ["code", "name", "char"];

pub(super) fn check(catalog: &Catalog, problems: &mut Vec<Problem>) {
    let Some(loaded) = &catalog.content().lookup else {
        return;
    };
    let file = &loaded.file;
    for rule in &loaded.value.rule {
        let span = rule.pattern.span();
        let groups: Vec<String> = match Regex::new(rule.pattern.get_ref()) {
            Ok(re) => {
                let mut names = Vec::new();
                re.foreach_name(|name, _| {
                    names.push(name.to_string());
                    true
                });
                names
            }
            Err(err) => {
                let first = err.to_string();
                let first = first.lines().last().unwrap_or_default().trim().to_string();
                problems.push(
                    file.problem(
                        span.clone(),
                        format!("the pattern does not compile: {first}"),
                    )
                    .with_hint("write it in the syntax JavaScript and Oniguruma share"),
                );
                continue;
            }
        };
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
            let known = pages::RANGES
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
