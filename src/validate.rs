//! Stage 2, validate: checks the loaded content as a whole (codes, links,
//! languages, translations) and indexes it into a [`Catalog`]. Every problem
//! is reported, sorted by file and line, like a compiler.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use toml::Spanned;

use crate::catalog::{Catalog, Language};
use crate::content::{Example, Translatable};
use crate::error::{Error, Problem, Result};
use crate::highlight;
use crate::load::Site;
use crate::markdown::{self, LinkKind};
use crate::pages::{self, PageKind};
use crate::source::SourceFile;
use crate::urls::Urls;

/// Checks `site` (with the problems its loading found) and indexes it.
/// `base_url` overrides the one in `site.toml`.
pub fn validate<'a>(
    site: &'a Site,
    mut problems: Vec<Problem>,
    base_url: Option<&str>,
) -> Result<Catalog<'a>> {
    let catalog = index(site, base_url, &mut problems);
    if let Some(catalog) = &catalog {
        check_links(catalog, &mut problems);
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

fn index<'a>(
    site: &'a Site,
    base_url: Option<&str>,
    problems: &mut Vec<Problem>,
) -> Option<Catalog<'a>> {
    let Some(config) = &site.config else {
        problems.push(Problem::at_file(
            &site.content_dir.join("site.toml"),
            "site.toml is missing",
        ));
        return None;
    };
    let file = &config.file;
    let languages = languages(site, problems)?;
    let url_span = config.value.base_url.span();
    let urls = match Urls::new(
        base_url.unwrap_or(config.value.base_url.get_ref()),
        languages[0].code,
    ) {
        Ok(urls) => urls,
        Err(message) => {
            problems.push(file.problem(url_span, message));
            return None;
        }
    };
    let lang_codes: BTreeSet<&str> = languages.iter().map(|l| l.code).collect();
    let default = languages[0].code;
    for source in &config.value.source {
        external_source(file, &source.url, problems);
    }

    let mut codes = BTreeMap::new();
    for entry in &site.codes {
        let (file, value) = (&entry.file, &entry.value);
        let code = *value.code.get_ref();
        let span = value.code.span();
        if !(1000..=4999).contains(&code) {
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
        if codes.insert(code, value).is_some() {
            let earlier = site
                .codes
                .iter()
                .find(|e| *e.value.code.get_ref() == code)
                .map(|e| e.file.path.display().to_string())
                .unwrap_or_default();
            problems.push(
                file.problem(span, format!("code {code} is defined twice"))
                    .with_hint(format!("it is also defined in {earlier}")),
            );
        }
        non_empty(file, &value.name, "name", problems);
        external_source(file, &value.source, problems);
        check_texts(file, &value.text, &lang_codes, default, true, problems);
    }
    let broken = |code: u16| site.broken.contains(&code.to_string());
    for entry in &site.codes {
        let value = &entry.value;
        let mut seen = BTreeSet::new();
        for related in &value.related {
            let code = *related.get_ref();
            if !codes.contains_key(&code) {
                if !broken(code) {
                    problems.push(
                        entry
                            .file
                            .problem(related.span(), format!("related code {code} has no entry")),
                    );
                }
            } else if code == *value.code.get_ref() {
                problems.push(
                    entry
                        .file
                        .problem(related.span(), "a code cannot be related to itself"),
                );
            } else if !seen.insert(code) {
                problems.push(entry.file.problem(
                    related.span(),
                    format!("related code {code} is listed twice"),
                ));
            }
        }
    }

    let mut ranges = BTreeMap::new();
    for entry in &site.ranges {
        let (file, value) = (&entry.file, &entry.value);
        let key = (*value.start.get_ref(), value.end);
        if !pages::RANGES.contains(&key) {
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
        check_texts(file, &value.text, &lang_codes, default, true, problems);
        ranges.insert(key, value);
    }
    for range in pages::RANGES {
        if !ranges.contains_key(&range) {
            problems.push(Problem::at_file(
                &site
                    .content_dir
                    .join(format!("ranges/{}-{}.toml", range.0, range.1)),
                format!("range {}-{} has no entry", range.0, range.1),
            ));
        }
    }

    let mut comparisons = BTreeMap::new();
    for entry in &site.comparisons {
        let (file, value) = (&entry.file, &entry.value);
        let [a, b] = value.codes.get_ref();
        let pair = (*a.get_ref(), *b.get_ref());
        for code in [a, b] {
            if !codes.contains_key(code.get_ref()) && !broken(*code.get_ref()) {
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
        check_texts(file, &value.text, &lang_codes, default, false, problems);
        if comparisons.insert(pair, value).is_some() {
            problems.push(file.problem(
                value.codes.span(),
                format!(
                    "the comparison of {} and {} is written twice",
                    pair.0, pair.1
                ),
            ));
        }
    }

    let libraries = site
        .libraries
        .as_ref()
        .map(|l| l.value.library.iter().collect::<Vec<_>>())
        .unwrap_or_default();
    if let Some(loaded) = &site.libraries {
        check_libraries(&loaded.file, &libraries, &codes, problems);
    }
    let library_ids: BTreeSet<&str> = libraries.iter().map(|l| l.id.get_ref().as_str()).collect();
    let messages = site
        .messages
        .as_ref()
        .map(|m| m.value.message.iter().collect::<Vec<_>>())
        .unwrap_or_default();
    if let Some(loaded) = &site.messages {
        for message in &messages {
            if !codes.contains_key(message.code.get_ref()) {
                problems.push(loaded.file.problem(
                    message.code.span(),
                    format!(
                        "message for code {}, which has no entry",
                        message.code.get_ref()
                    ),
                ));
            }
            check_library_id(&loaded.file, &message.library, &library_ids, problems);
            external_source(&loaded.file, &message.source, problems);
        }
    }
    let examples = site
        .examples
        .as_ref()
        .map(|e| e.value.example.iter().collect::<Vec<_>>())
        .unwrap_or_default();
    if let Some(loaded) = &site.examples {
        check_examples(&loaded.file, &examples, &library_ids, problems);
    }
    let example_libraries: BTreeSet<&str> = examples
        .iter()
        .map(|e| e.library.get_ref().as_str())
        .collect();
    for loaded in &site.codes {
        for (library, text) in &loaded.value.examples.read {
            if !example_libraries.contains(library.as_str()) {
                problems.push(
                    loaded
                        .file
                        .problem(
                            text.span(),
                            format!("read example for \"{library}\", which has no examples"),
                        )
                        .with_hint("use a library id that examples.toml has examples for"),
                );
            }
            check_placeholders(&loaded.file, text, problems);
        }
    }
    let redirects = site
        .redirects
        .as_ref()
        .map(|r| r.value.redirect.iter().collect())
        .unwrap_or_default();

    Some(Catalog {
        site,
        urls,
        languages,
        codes,
        ranges,
        comparisons,
        libraries,
        messages,
        examples,
        redirects,
    })
}

/// The languages of `site.toml`, each with its strings.
fn languages<'a>(site: &'a Site, problems: &mut Vec<Problem>) -> Option<Vec<Language<'a>>> {
    let config = site.config.as_ref()?;
    let file = &config.file;
    let listed = config.value.languages.get_ref();
    if listed.is_empty() {
        problems.push(file.problem(
            config.value.languages.span(),
            "the site needs at least one language",
        ));
        return None;
    }
    let mut languages = Vec::new();
    let mut seen = BTreeSet::new();
    for lang in listed {
        let code = lang.get_ref().as_str();
        let valid = !code.is_empty()
            && code.len() <= 8
            && code.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
        if !valid {
            problems.push(
                file.problem(lang.span(), format!("\"{code}\" is not a language code"))
                    .with_hint("use a lowercase code such as \"en\" or \"ko\""),
            );
            continue;
        }
        if !seen.insert(code) {
            problems
                .push(file.problem(lang.span(), format!("language \"{code}\" is listed twice")));
            continue;
        }
        match site.strings.get(code) {
            Some(strings) => {
                check_strings(&strings.file, &strings.value, problems);
                languages.push(Language {
                    code,
                    strings: &strings.value,
                });
            }
            None if site.broken.iter().any(|b| b == code) => {}
            None => problems.push(
                file.problem(lang.span(), format!("language \"{code}\" has no strings"))
                    .with_hint(format!(
                        "add i18n/{code}.toml with the headings and labels of the language"
                    )),
            ),
        }
    }
    (languages.len() == listed.len()).then_some(languages)
}

/// Every UI string must say something.
fn check_strings(
    file: &SourceFile,
    strings: &crate::strings::Strings,
    problems: &mut Vec<Problem>,
) {
    let Ok(value) = toml::Value::try_from(strings) else {
        return;
    };
    let mut empty = Vec::new();
    find_empty(&value, String::new(), &mut empty);
    for key in empty {
        let leaf = key.rsplit('.').next().unwrap_or(&key);
        let offset = file.text.find(&format!("{leaf} =")).unwrap_or(0);
        problems.push(file.problem(offset..offset, format!("the string \"{key}\" is empty")));
    }
}

fn find_empty(value: &toml::Value, path: String, out: &mut Vec<String>) {
    match value {
        toml::Value::String(s) if s.trim().is_empty() => out.push(path),
        toml::Value::Table(table) => {
            for (key, value) in table {
                let path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                find_empty(value, path, out);
            }
        }
        _ => {}
    }
}

/// Languages of a text table must be the site's; the default language must
/// have every field when `complete` says so; no field may be empty.
fn check_texts<T: Translatable>(
    file: &SourceFile,
    texts: &Spanned<BTreeMap<String, Spanned<T>>>,
    languages: &BTreeSet<&str>,
    default: &str,
    complete: bool,
    problems: &mut Vec<Problem>,
) {
    for (lang, table) in texts.get_ref() {
        if !languages.contains(lang.as_str()) {
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

fn check_libraries(
    file: &Arc<SourceFile>,
    libraries: &[&crate::content::Library],
    codes: &BTreeMap<u16, &crate::content::CodeEntry>,
    problems: &mut Vec<Problem>,
) {
    let mut ids = BTreeSet::new();
    for library in libraries {
        if !ids.insert(library.id.get_ref().as_str()) {
            problems.push(file.problem(
                library.id.span(),
                format!("library id \"{}\" is used twice", library.id.get_ref()),
            ));
        }
        external_source(file, &library.source, problems);
        let mut names = BTreeMap::new();
        for (code, name) in &library.constants {
            match code.parse::<u16>() {
                Ok(n) if codes.contains_key(&n) => {}
                _ => problems.push(file.problem(
                    name.span(),
                    format!("\"{code}\" is not a code with an entry"),
                )),
            }
            if let Some(other) = names.insert(name.get_ref().as_str(), code) {
                problems.push(file.problem(
                    name.span(),
                    format!(
                        "constant \"{}\" of {} names both {other} and {code}",
                        name.get_ref(),
                        library.id.get_ref()
                    ),
                ));
            }
        }
    }
}

/// A library named by a message or an example must be in libraries.toml.
fn check_library_id(
    file: &SourceFile,
    id: &Spanned<String>,
    library_ids: &BTreeSet<&str>,
    problems: &mut Vec<Problem>,
) {
    if !library_ids.contains(id.get_ref().as_str()) {
        problems.push(
            file.problem(id.span(), format!("unknown library \"{}\"", id.get_ref()))
                .with_hint("use an id from libraries.toml"),
        );
    }
}

fn check_examples(
    file: &SourceFile,
    examples: &[&Example],
    library_ids: &BTreeSet<&str>,
    problems: &mut Vec<Problem>,
) {
    for example in examples {
        check_library_id(file, &example.library, library_ids, problems);
        let syntax = example.syntax.get_ref();
        if !highlight::knows(syntax) {
            problems.push(
                file.problem(
                    example.syntax.span(),
                    format!("no grammar colours \"{syntax}\""),
                )
                .with_hint("name a language the usual way: js, python, go, rust, toml"),
            );
        }
        for text in example.close.iter().chain(&example.read) {
            check_placeholders(file, text, problems);
        }
    }
}

/// An example may use `{code}` and `{reason}`; any other `{word}` is a typo
/// that would reach the page as it is.
fn check_placeholders(file: &SourceFile, text: &Spanned<String>, problems: &mut Vec<Problem>) {
    let base = value_start(file, text);
    let value = text.get_ref();
    for (at, _) in value.match_indices('{') {
        let word: String = value[at + 1..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
            .collect();
        let closed = value[at + 1 + word.len()..].starts_with('}');
        if closed && !word.is_empty() && word != "code" && word != "reason" {
            problems.push(
                file.problem(
                    base + at..base + at,
                    format!("unknown placeholder {{{word}}}"),
                )
                .with_hint("examples can use {code} and {reason}"),
            );
        }
    }
}

/// Every site link in every prose field must reach a page and anchor.
fn check_links(catalog: &Catalog, problems: &mut Vec<Problem>) {
    let site = catalog.site;
    let mut check = |file: &SourceFile, text: &Spanned<String>| {
        // The span covers the quotes of the TOML string; offsets inside the
        // Markdown are close to offsets in the file for links on one line.
        let base = value_start(file, text);
        for link in markdown::links(text.get_ref()) {
            let (dest, at) = (link.dest, base + link.offset..base + link.offset);
            if link.image {
                problems.push(file.problem(at, format!("image \"{dest}\": prose cannot show images"))
                    .with_hint("the site loads nothing from elsewhere; describe it in words or link to it"));
                continue;
            }
            match markdown::classify(&dest) {
                LinkKind::External => {}
                LinkKind::Unsafe => problems.push(file.problem(at, format!("link \"{dest}\" is not allowed"))
                    .with_hint("link pages of the site as /1008/ or /1008/#fix, and other sites with https://")),
                LinkKind::Site => {
                    if let Err(message) = resolve_site_link(catalog, &dest) {
                        problems.push(file.problem(at, message));
                    }
                }
            }
        }
    };
    for (file, text) in site.prose() {
        check(file, text);
    }
    if let Some(redirects) = &site.redirects {
        for redirect in &redirects.value.redirect {
            if resolve_site_link(catalog, redirect.from.get_ref()).is_ok() {
                problems.push(redirects.file.problem(
                    redirect.from.span(),
                    format!(
                        "{} is a page of the site; a redirect would hide it",
                        redirect.from.get_ref()
                    ),
                ));
            }
            if let Err(message) = resolve_site_link(catalog, redirect.to.get_ref()) {
                problems.push(redirects.file.problem(redirect.to.span(), message));
            }
        }
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

/// Resolves a content link such as `/1008/#fix` to a page of the site.
pub fn resolve_site_link(catalog: &Catalog, dest: &str) -> std::result::Result<PageKind, String> {
    let (path, anchor) = dest.split_once('#').unwrap_or((dest, ""));
    let kind = PageKind::parse(path)
        .ok_or_else(|| format!("link \"{dest}\" is not a page of the site"))?;
    // A code whose file did not parse is reported already; links to it are not.
    let known = |code: u16| {
        catalog.codes.contains_key(&code) || catalog.site.broken.contains(&code.to_string())
    };
    let exists = match kind {
        PageKind::Index => true,
        PageKind::Code(code) => known(code),
        PageKind::Compare(a, b) if a > b => {
            return Err(format!(
                "link \"{dest}\" puts the higher code first; use /{b}-vs-{a}/"
            ));
        }
        PageKind::Compare(a, b) => a != b && known(a) && known(b),
        PageKind::Range(start, end) => catalog.ranges.contains_key(&(start, end)),
    };
    if !exists {
        return Err(format!(
            "link \"{dest}\" points at a page that does not exist"
        ));
    }
    if !anchor.is_empty() && !kind.anchors().iter().any(|a| a == anchor) {
        let known = kind.anchors();
        let hint = if known.is_empty() {
            String::new()
        } else {
            format!(" (it has #{})", known.join(", #"))
        };
        return Err(format!(
            "link \"{dest}\": the page has no anchor #{anchor}{hint}"
        ));
    }
    Ok(kind)
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
