//! Translation coverage: for every language but the default, which prose
//! fields are translated, which are missing, and which are stale because the
//! default-language text changed after the translation was written (each
//! translation keeps `source`, a hash of the text it was written from).

use std::collections::BTreeMap;

use toml::Spanned;

use crate::content::Translatable;
use crate::error::Problem;
use crate::load::Loaded;
use crate::model::catalog::Catalog;

/// The coverage of one language.
#[derive(Debug, Default)]
pub struct Coverage {
    pub lang: String,
    /// Prose fields that exist in the default language.
    pub fields: usize,
    pub translated: usize,
    /// A field not translated yet: shown in the default language.
    pub missing: Vec<Problem>,
    /// A translation whose source text has changed since.
    pub stale: Vec<Problem>,
    /// Words written in the language, in translated fields.
    pub words: usize,
}

impl Coverage {
    pub fn percent(&self) -> f64 {
        if self.fields == 0 {
            100.0
        } else {
            self.translated as f64 * 100.0 / self.fields as f64
        }
    }
}

/// The hash a translation records: of every default-language field, in order.
pub fn source_hash<T: Translatable>(default_text: &T) -> String {
    let mut hasher = blake3::Hasher::new();
    for (name, value) in default_text.fields() {
        if let Some(value) = value {
            hasher.update(name.as_bytes());
            hasher.update(b"\0");
            hasher.update(value.get_ref().trim().as_bytes());
            hasher.update(b"\0");
        }
    }
    hasher.finalize().to_hex()[..16].to_string()
}

/// Coverage of every language but the default.
pub fn coverage(catalog: &Catalog) -> Vec<Coverage> {
    let content = catalog.content();
    let default = catalog.default_lang();
    catalog.languages()[1..]
        .iter()
        .map(|language| {
            let mut coverage = Coverage {
                lang: language.code.to_string(),
                ..Coverage::default()
            };
            for entry in &content.codes {
                measure(&mut coverage, entry, |e| &e.text, default);
            }
            for entry in &content.ranges {
                measure(&mut coverage, entry, |e| &e.text, default);
            }
            for entry in &content.comparisons {
                measure(&mut coverage, entry, |e| &e.text, default);
            }
            if let Some(entry) = &content.timeouts {
                measure(&mut coverage, entry, |e| &e.text, default);
            }
            for (_, entry) in &content.protocols {
                measure(&mut coverage, entry, |p| &p.text, default);
                for i in 0..entry.value.code.len() {
                    measure(&mut coverage, entry, |p| &p.code[i].text, default);
                }
            }
            coverage
        })
        .collect()
}

fn measure<E, T: Translatable>(
    coverage: &mut Coverage,
    entry: &Loaded<E>,
    texts: impl Fn(&E) -> &Spanned<BTreeMap<String, Spanned<T>>>,
    default: &str,
) {
    let file = &entry.file;
    let texts = texts(&entry.value);
    let Some(source) = texts.get_ref().get(default) else {
        return;
    };
    let expected = source_hash(source.get_ref());
    let translation = texts.get_ref().get(&coverage.lang);
    let lang = coverage.lang.clone();
    for (name, value) in source.get_ref().fields() {
        if value.is_none() {
            continue;
        }
        coverage.fields += 1;
        let translated = translation.and_then(|t| {
            t.get_ref()
                .fields()
                .into_iter()
                .find(|(n, _)| *n == name)
                .and_then(|(_, v)| v)
        });
        match translated {
            Some(text) => {
                coverage.translated += 1;
                coverage.words += text.get_ref().split_whitespace().count();
            }
            None => {
                let span = translation.map_or(texts.span(), |t| t.span());
                coverage.missing.push(file.problem(
                    span,
                    format!("\"{name}\" is not translated into \"{lang}\" yet"),
                ));
            }
        }
    }
    if let Some(translation) = translation {
        match translation.get_ref().source_hash() {
            Some(hash) if *hash.get_ref() == expected => {}
            Some(hash) => coverage.stale.push(
                file.problem(hash.span(), format!("the \"{lang}\" text is stale: the \"{default}\" text changed after it was written"))
                    .with_hint(format!("update the translation, then set source = \"{expected}\"")),
            ),
            None => coverage.stale.push(
                file.problem(translation.span(), format!("the \"{lang}\" text does not say which \"{default}\" text it translates"))
                    .with_hint(format!("once it matches the current text, add source = \"{expected}\"")),
            ),
        }
    }
}
