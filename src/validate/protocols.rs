//! Rules for `protocols/<slug>.toml`: a slug that can be an anchor, a source
//! and the release it was read in, codes of 3000-4999 that no code page and
//! no other code of the protocol already claims, libraries that exist, and
//! the words of the protocols' pages in every language.

use std::collections::BTreeSet;

use crate::content::ProtocolCode;
use crate::error::Problem;
use crate::load::source::SourceFile;
use crate::model::catalog::Catalog;
use crate::model::pages::{CODE_ANCHORS, is_slug};

use super::{external_source, non_empty, texts};

/// Anchors a number page has besides the protocols' sections.
const TAKEN: [&str; 3] = ["private", "contents", "main"];

pub(super) fn check(catalog: &Catalog, problems: &mut Vec<Problem>) {
    let content = catalog.content();
    for (slug, loaded) in &content.protocols {
        let (file, protocol) = (&loaded.file, &loaded.value);
        let taken = CODE_ANCHORS.contains(&slug.as_str()) || TAKEN.contains(&slug.as_str());
        if !is_slug(slug) || slug.ends_with("-fix") || taken {
            problems.push(
                file.problem(0..0, format!("\"{slug}\" cannot name a section of a page"))
                    .with_hint("name the file in lowercase letters, digits and hyphens, not ending in -fix, and not description, when, fix, private or contents"),
            );
        }
        external_source(file, &protocol.source, problems);
        non_empty(file, &protocol.read, "read", problems);
        texts::check(catalog, file, &protocol.text, true, problems);
        let ids: BTreeSet<&str> = protocol
            .library
            .iter()
            .map(|l| l.id.get_ref().as_str())
            .collect();
        let mut seen = BTreeSet::new();
        for library in &protocol.library {
            external_source(file, &library.source, problems);
            if !seen.insert(library.id.get_ref()) {
                let message = format!("library \"{}\" is listed twice", library.id.get_ref());
                problems.push(file.problem(library.id.span(), message));
            }
        }
        let mut numbers = BTreeSet::new();
        for code in &protocol.code {
            check_code(catalog, file, &ids, code, &mut numbers, problems);
        }
    }
    words(catalog, problems);
    captured(catalog, problems);
}

/// One code of a protocol: in 3000-4999, without a page of its own, once,
/// with its texts and known libraries.
fn check_code(
    catalog: &Catalog,
    file: &SourceFile,
    ids: &BTreeSet<&str>,
    code: &ProtocolCode,
    numbers: &mut BTreeSet<u16>,
    problems: &mut Vec<Problem>,
) {
    let n = code.number();
    let at = code.code.span();
    if !(3000..=4999).contains(&n) {
        let message = match catalog.codes().get(&n) {
            Some(entry) => format!(
                "{n} is registered as {}: a protocol cannot define it for itself",
                entry.name()
            ),
            None => format!("{n} is not a code a protocol can define for itself"),
        };
        problems.push(file.problem(at.clone(), message).with_hint(
            "protocols and applications use 3000-3999 (registered or not) and 4000-4999 (private)",
        ));
    } else if let Some(entry) = catalog.codes().get(&n) {
        let problem = if crate::model::ranges::is_registered(n) {
            file.problem(
                at.clone(),
                format!("{n} is registered as {} and has its own page", entry.name()),
            )
            .with_hint("say in the protocol's description how it uses the code, with a link to it")
        } else {
            file.problem(
                at.clone(),
                format!("{n} has a page of its own (content/codes/{n}.toml)"),
            )
            .with_hint("one number has one page: remove the code's file, or this protocol's code")
        };
        problems.push(problem);
    }
    if !numbers.insert(n) {
        problems.push(file.problem(at.clone(), format!("{n} is defined twice in this protocol")));
    }
    if let Some(source) = &code.source {
        external_source(file, source, problems);
    }
    texts::check(catalog, file, &code.text, true, problems);
    for used in &code.library {
        external_source(file, &used.source, problems);
        if !ids.contains(used.library.get_ref().as_str()) {
            problems.push(
                file.problem(
                    used.library.span(),
                    format!("unknown library \"{}\"", used.library.get_ref()),
                )
                .with_hint("list it under [[library]] in this file"),
            );
        }
    }
}

/// The protocols' pages need their words in every language.
fn words(catalog: &Catalog, problems: &mut Vec<Problem>) {
    if catalog.protocols().is_empty() {
        return;
    }
    for language in catalog.languages() {
        if language.strings.protocols.is_none() {
            let path = catalog
                .content()
                .content_dir
                .join(format!("i18n/{}.toml", language.code));
            problems.push(
                Problem::at_file(&path, format!("i18n/{}.toml has no [protocols] table", language.code))
                    .with_hint("the protocols' pages need their words in every language; copy the table from i18n/en.toml"),
            );
        }
    }
}

/// A captured file of a protocol's client names the protocol and one of its
/// libraries, and each line a code the protocol defines.
fn captured(catalog: &Catalog, problems: &mut Vec<Problem>) {
    for loaded in &catalog.content().captured {
        let (file, captured) = (&loaded.file, &loaded.value);
        let Some(slug) = &captured.protocol else {
            continue;
        };
        let Some(protocol) = catalog.protocol(slug.get_ref()) else {
            problems.push(file.problem(
                slug.span(),
                format!("unknown protocol \"{}\"", slug.get_ref()),
            ));
            continue;
        };
        let library = captured.library.get_ref();
        if !protocol
            .file
            .library
            .iter()
            .any(|l| l.id.get_ref() == library)
        {
            problems.push(
                file.problem(
                    captured.library.span(),
                    format!("{} lists no library \"{library}\"", protocol.slug),
                )
                .with_hint(format!(
                    "add it under [[library]] in protocols/{}.toml",
                    protocol.slug
                )),
            );
        }
        for line in &captured.line {
            let n = *line.code.get_ref();
            if !protocol.file.code.iter().any(|c| c.number() == n) {
                problems.push(file.problem(
                    line.code.span(),
                    format!("{} defines no code {n}", protocol.slug),
                ));
            }
        }
    }
}
