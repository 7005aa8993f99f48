//! The rule shared by every prose table (`[text.<lang>]`): only the site's
//! languages, the default language complete, no field empty.

use std::collections::BTreeMap;

use toml::Spanned;

use crate::content::Translatable;
use crate::error::Problem;
use crate::load::source::SourceFile;
use crate::model::catalog::Catalog;

/// Checks one entry's text tables; `complete` asks the default language for
/// every field that is not optional.
pub(super) fn check<T: Translatable>(
    catalog: &Catalog,
    file: &SourceFile,
    texts: &Spanned<BTreeMap<String, Spanned<T>>>,
    complete: bool,
    problems: &mut Vec<Problem>,
) {
    let default = catalog.default_lang();
    for (lang, table) in texts.get_ref() {
        if !catalog.languages().iter().any(|l| l.code == lang) {
            problems.push(
                file.problem(
                    table.span(),
                    format!("text in \"{lang}\", which is not a language of site.toml"),
                )
                .with_hint("add the language to `languages` in site.toml, or remove this table"),
            );
            continue;
        }
        for (name, value) in table.get_ref().fields() {
            match value {
                Some(value) if value.get_ref().trim().is_empty() => {
                    problems.push(file.problem(value.span(), format!("\"{name}\" is empty")).with_hint("write the text, or remove the field to fall back to the default language"))
                }
                None if complete && lang == default && !T::OPTIONAL.contains(&name) => {
                    problems.push(file.problem(table.span(), format!("missing field \"{name}\" in [text.{lang}]")))
                }
                _ => {}
            }
        }
    }
    if !texts.get_ref().contains_key(default) {
        problems.push(file.problem(
            texts.span(),
            format!("missing [text.{default}]: the default language's text is required"),
        ));
    }
}
