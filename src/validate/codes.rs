//! Rules for code entries: numbers that can be documented, file names that
//! match, no code twice, related codes that exist.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};

use crate::content::CodeEntry;
use crate::error::Problem;
use crate::load::Loaded;
use crate::model::catalog::Catalog;
use crate::model::ranges;

use super::{external_source, file_stem, non_empty, texts};

pub(super) fn check(catalog: &Catalog, problems: &mut Vec<Problem>) {
    let mut seen = BTreeMap::new();
    for entry in &catalog.content().codes {
        let (file, value) = (&entry.file, &entry.value);
        let code = value.number();
        let span = value.code.span();
        if !ranges::DOCUMENTED.contains(&code) {
            problems.push(file.problem(span.clone(), format!("code {code} cannot be documented here")).with_hint(
                "close codes are 1000-4999: 0-999 are never used, and nothing above 4999 is a close code",
            ));
        }
        if file_stem(file) != code.to_string() {
            problems.push(
                file.problem(
                    span.clone(),
                    format!(
                        "the file is named {}.toml but holds code {code}",
                        file_stem(file)
                    ),
                )
                .with_hint(format!("rename the file to {code}.toml")),
            );
        }
        match seen.entry(code) {
            Entry::Vacant(first) => {
                first.insert(&file.path);
            }
            Entry::Occupied(first) => problems.push(
                file.problem(span, format!("code {code} is defined twice"))
                    .with_hint(format!("it is also defined in {}", first.get().display())),
            ),
        }
        non_empty(file, &value.name, "name", problems);
        external_source(file, &value.source, problems);
        texts::check(catalog, file, &value.text, true, problems);
        related(catalog, entry, problems);
    }
}

/// Related codes exist, differ from the code itself and appear once.
fn related(catalog: &Catalog, entry: &Loaded<CodeEntry>, problems: &mut Vec<Problem>) {
    let mut seen = BTreeSet::new();
    for related in &entry.value.related {
        let code = *related.get_ref();
        let problem = |message: String| entry.file.problem(related.span(), message);
        if !catalog.codes().contains_key(&code) {
            // A code whose file did not load is reported already.
            if !catalog.knows_code(code) {
                problems.push(problem(format!("related code {code} has no entry")));
            }
        } else if code == entry.value.number() {
            problems.push(problem("a code cannot be related to itself".to_string()));
        } else if !seen.insert(code) {
            problems.push(problem(format!("related code {code} is listed twice")));
        }
    }
}
