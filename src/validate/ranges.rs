//! Rules for range entries: exactly the four ranges of RFC 6455 §7.4.2, each
//! in the file named after it.

use crate::error::Problem;
use crate::model::catalog::Catalog;
use crate::model::ranges;

use super::{external_source, file_stem, texts};

pub(super) fn check(catalog: &Catalog, problems: &mut Vec<Problem>) {
    for entry in &catalog.content().ranges {
        let (file, value) = (&entry.file, &entry.value);
        let key = (*value.start.get_ref(), value.end);
        if !ranges::RANGES.contains(&key) {
            problems.push(
                file.problem(
                    value.start.span(),
                    format!("{}-{} is not a range of RFC 6455", key.0, key.1),
                )
                .with_hint("the ranges are 0-999, 1000-2999, 3000-3999 and 4000-4999"),
            );
        } else if file_stem(file) != format!("{}-{}", key.0, key.1) {
            problems.push(
                file.problem(
                    value.start.span(),
                    "the file name does not match the range inside",
                )
                .with_hint(format!("rename the file to {}-{}.toml", key.0, key.1)),
            );
        }
        external_source(file, &value.source, problems);
        texts::check(catalog, file, &value.text, true, problems);
    }
    for range in ranges::RANGES {
        if !catalog.ranges().contains_key(&range) {
            problems.push(Problem::at_file(
                &catalog
                    .content()
                    .content_dir
                    .join(format!("ranges/{}-{}.toml", range.0, range.1)),
                format!("range {}-{} has no entry", range.0, range.1),
            ));
        }
    }
}
