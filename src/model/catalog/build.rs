//! How a catalog is made: the content indexed by key, the protocols'
//! numbers, the captured lines, the languages, and the site's plan.

use std::collections::BTreeMap;

use super::*;
use crate::project::BaseUrl;

impl<'a> Catalog<'a> {
    /// Indexes `content`. Without `site.toml`, a valid language list and a
    /// base URL there is nothing to index: the problems say why. A later
    /// entry with the same key replaces an earlier one; validation reports
    /// the duplicate. `base_url` replaces the one in `site.toml`.
    pub fn index(
        content: &'a Content,
        base_url: Option<&BaseUrl>,
        problems: &mut Vec<Problem>,
    ) -> Option<Catalog<'a>> {
        let Some(config) = &content.config else {
            problems.push(Problem::at_file(
                &content.content_dir.join("site.toml"),
                "site.toml is missing",
            ));
            return None;
        };
        let languages = languages(content, problems)?;
        let base = match base_url {
            Some(base) => base.clone(),
            None => BaseUrl::parse(config.value.base_url.get_ref())
                .map_err(|message| {
                    problems.push(config.file.problem(config.value.base_url.span(), message))
                })
                .ok()?,
        };
        let mut catalog = Catalog {
            content,
            urls: Urls::with_base(base, languages[0].code),
            languages,
            codes: content
                .codes
                .iter()
                .map(|e| (e.value.number(), &e.value))
                .collect(),
            ranges: content
                .ranges
                .iter()
                .map(|e| ((*e.value.start.get_ref(), e.value.end), &e.value))
                .collect(),
            comparisons: content
                .comparisons
                .iter()
                .map(|e| {
                    let [a, b] = e.value.codes.get_ref();
                    ((*a.get_ref(), *b.get_ref()), &e.value)
                })
                .collect(),
            libraries: content
                .libraries
                .iter()
                .flat_map(|f| &f.value.library)
                .collect(),
            messages: content
                .messages
                .iter()
                .flat_map(|f| &f.value.message)
                .collect(),
            examples: content
                .examples
                .iter()
                .flat_map(|f| &f.value.example)
                .collect(),
            redirects: content
                .redirects
                .iter()
                .flat_map(|f| &f.value.redirect)
                .collect(),
            captured: captured_lines(content),
            protocols: protocols(content),
            numbers: BTreeMap::new(),
            plan: Plan::default(),
        };
        catalog.numbers = numbers(&catalog.protocols);
        catalog.plan = catalog.plan();
        Some(catalog)
    }

    /// The pages and redirects of the indexed site.
    fn plan(&self) -> Plan<'a> {
        Plan::new(&Site {
            numbers: self
                .numbers
                .keys()
                .copied()
                .filter(|n| !self.codes.contains_key(n))
                .collect(),
            protocols: self.protocols.iter().map(|p| p.slug).collect(),
            codes: &self.codes,
            comparisons: &self.comparisons,
            ranges: self.ranges.keys().copied().collect(),
            has_timeouts: self.content.timeouts.is_some(),
            url_lock: self.content.url_lock.as_deref(),
            languages: &self.languages,
            urls: &self.urls,
            moved: &self.redirects,
        })
    }
}

/// The protocols, most met first (by rank, then slug).
fn protocols(content: &Content) -> Vec<Protocol<'_>> {
    let mut out: Vec<Protocol> = content
        .protocols
        .iter()
        .map(|(slug, loaded)| Protocol {
            slug,
            file: &loaded.value,
        })
        .collect();
    out.sort_by_key(|p| (p.file.rank, p.slug));
    out
}

/// Each number the protocols define, with each use, most met first.
fn numbers<'a>(protocols: &[Protocol<'a>]) -> BTreeMap<u16, Vec<Use<'a>>> {
    let mut numbers: BTreeMap<u16, Vec<Use>> = BTreeMap::new();
    for &protocol in protocols {
        for code in &protocol.file.code {
            numbers
                .entry(code.number())
                .or_default()
                .push(Use { protocol, code });
        }
    }
    numbers
}

/// Every captured text by (library id, exact text), with its file.
fn captured_lines(content: &Content) -> BTreeMap<(&str, &str), &CapturedFile> {
    content
        .captured
        .iter()
        .flat_map(|f| {
            let file = &f.value;
            file.line
                .iter()
                .map(move |l| ((file.library.get_ref().as_str(), l.text.as_str()), file))
        })
        .collect()
}

/// The languages of `site.toml`, each with its strings; `None` when one is
/// unusable, since every page needs them all.
fn languages<'a>(content: &'a Content, problems: &mut Vec<Problem>) -> Option<Vec<Language<'a>>> {
    let config = content.config.as_ref()?;
    let file = &config.file;
    let listed = config.value.languages.get_ref();
    if listed.is_empty() {
        problems.push(file.problem(
            config.value.languages.span(),
            "the site needs at least one language",
        ));
        return None;
    }
    let mut languages: Vec<Language> = Vec::new();
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
        if languages.iter().any(|l| l.code == code) {
            problems
                .push(file.problem(lang.span(), format!("language \"{code}\" is listed twice")));
            continue;
        }
        match content.strings.get(code) {
            Some(strings) => languages.push(Language {
                code,
                strings: &strings.value,
            }),
            None if content.broken_languages.contains(code) => {}
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
