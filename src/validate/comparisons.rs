//! Rules for hand-written comparisons: two known codes (or numbers the named
//! protocol defines), lower first, in the file named after them, written once.

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
        let protocol = value.protocol.as_ref();
        if let Some(slug) = protocol.filter(|p| catalog.protocol(p.get_ref()).is_none()) {
            problems.push(
                file.problem(
                    slug.span(),
                    format!("unknown protocol \"{}\"", slug.get_ref()),
                )
                .with_hint("use the name of a file in protocols/, without .toml"),
            );
        }
        for code in [a, b] {
            let n = *code.get_ref();
            let of_protocol = protocol.is_some_and(|p| {
                catalog
                    .uses(n)
                    .iter()
                    .any(|u| u.protocol.slug == p.get_ref())
            });
            if !catalog.knows_code(n) && !of_protocol {
                let message = match protocol {
                    Some(p) => format!(
                        "{n} is neither a code of the site nor one that {} defines",
                        p.get_ref()
                    ),
                    None if !catalog.uses(n).is_empty() => format!(
                        "comparison names {n}, which protocols define: say whose, with protocol = \"…\""
                    ),
                    None => format!("comparison names code {n}, which has no entry"),
                };
                problems.push(file.problem(code.span(), message));
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
