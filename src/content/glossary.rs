//! `glossary.toml`: one term per concept in each translation. `check` and the
//! build refuse the words a term lists under `avoid` in that language's prose.

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    #[serde(default)]
    pub term: Vec<Term>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub en: String,
    /// The Korean term prose uses.
    pub ko: Option<String>,
    /// Words that must not appear in Korean prose outside code.
    #[serde(default)]
    pub avoid: Vec<Spanned<String>>,
}
