//! Rules for hand-written comparisons: two known codes, lower first, in the
//! file named after them, written once.

use std::collections::BTreeSet;

use crate::error::Problem;
use crate::model::catalog::Catalog;

use super::{file_stem, texts};

pub(super) fn check(catalog: &Catalog, problems: &mut Vec<Problem>) {
    let mut seen = BTreeSet::new();
    for entry in &catalog.content().comparisons {
        let (file, value) = (&entry.file, &entry.value);
        let [a, b] = value.codes.get_ref();
        let pair = (*a.get_ref(), *b.get_ref());
        for code in [a, b] {
            if !catalog.knows_code(*code.get_ref()) {
                problems.push(file.problem(
                    code.span(),
                    format!(
                        "comparison names code {}, which has no entry",
                        code.get_ref()
                    ),
                ));
            }
        }
        if pair.0 >= pair.1 {
            problems.push(file.problem(
                value.codes.span(),
                "a comparison names the lower code first, and two different codes",
            ));
        } else if file_stem(file) != format!("{}-{}", pair.0, pair.1) {
            problems.push(
                file.problem(
                    value.codes.span(),
                    "the file name does not match the codes inside",
                )
                .with_hint(format!("rename the file to {}-{}.toml", pair.0, pair.1)),
            );
        }
        texts::check(catalog, file, &value.text, false, problems);
        if !seen.insert(pair) {
            problems.push(file.problem(
                value.codes.span(),
                format!(
                    "the comparison of {} and {} is written twice",
                    pair.0, pair.1
                ),
            ));
        }
    }
}
