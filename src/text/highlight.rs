//! Colours code at build time, so examples read well without any script.
//! Each token gets at most one short class (`hl-k` keyword, `hl-s` string,
//! `hl-n` number or constant, `hl-c` comment, `hl-f` function, `hl-t` type);
//! the stylesheet gives them colours for light and dark.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use syntect::parsing::{ParseState, Scope, ScopeStack, SyntaxSet};
use syntect::util::LinesWithEndings;

/// Scope prefixes and the class they get; the innermost scope that matches
/// one decides, and earlier rows win within a scope.
const CLASSES: &[(&str, &str)] = &[
    ("comment", "c"),
    ("keyword.operator.accessor", ""),
    ("punctuation.accessor", ""),
    ("string", "s"),
    ("constant.numeric", "n"),
    ("constant.language", "n"),
    ("keyword", "k"),
    ("storage.modifier", "k"),
    ("storage.type", "k"),
    ("entity.name.function", "f"),
    ("variable.function", "f"),
    ("support.function", "f"),
    ("entity.name.type", "t"),
    ("entity.name.class", "t"),
    ("support.type", "t"),
    ("support.class", "t"),
    ("entity.name.tag", "k"),
    ("entity.name.table", "t"),
];

struct Grammars {
    syntaxes: SyntaxSet,
    classes: Vec<(Scope, &'static str)>,
}

fn grammars() -> &'static Grammars {
    static GRAMMARS: OnceLock<Grammars> = OnceLock::new();
    GRAMMARS.get_or_init(|| Grammars {
        syntaxes: two_face::syntax::extra_newlines(),
        classes: CLASSES
            .iter()
            .filter_map(|(prefix, class)| Some((Scope::new(prefix).ok()?, *class)))
            .collect(),
    })
}

/// Whether `language` (a fence name such as `rust`, `go` or `toml`) can be coloured.
pub fn knows(language: &str) -> bool {
    grammars().syntaxes.find_syntax_by_token(language).is_some()
}

/// The code as escaped HTML with coloured tokens; plain escaped text when the
/// language is unknown.
pub fn to_html(language: &str, code: &str) -> String {
    let grammars = grammars();
    let Some(syntax) = grammars.syntaxes.find_syntax_by_token(language) else {
        return escape(code);
    };
    let mut state = ParseState::new(syntax);
    let mut stack = ScopeStack::new();
    let mut out = Spans::default();
    for line in LinesWithEndings::from(code) {
        let Ok(ops) = state.parse_line(line, &grammars.syntaxes) else {
            out.push("", line);
            continue;
        };
        let mut at = 0;
        for (offset, op) in ops {
            out.push(class_of(&stack, &grammars.classes), &line[at..offset]);
            at = offset;
            // A grammar error only loses colour, never text.
            let _ = stack.apply(&op);
        }
        out.push(class_of(&stack, &grammars.classes), &line[at..]);
    }
    out.finish()
}

/// A `<pre>` block around coloured code.
pub fn block(html: &str) -> String {
    format!("<pre class=\"code\" tabindex=\"0\"><code>{html}</code></pre>\n")
}

/// Remembers coloured code, for text that many pages share: grammars are
/// slow to run, and code examples differ between pages in one token only.
#[derive(Default)]
pub struct Memo(Mutex<HashMap<(String, String), Arc<str>>>);

impl Memo {
    pub fn to_html(&self, language: &str, code: &str) -> Arc<str> {
        let key = (language.to_string(), code.to_string());
        if let Some(html) = self.lock().get(&key) {
            return html.clone();
        }
        let html: Arc<str> = to_html(language, code).into();
        self.lock().insert(key, html.clone());
        html
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(String, String), Arc<str>>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

fn class_of(stack: &ScopeStack, classes: &[(Scope, &'static str)]) -> &'static str {
    for scope in stack.as_slice().iter().rev() {
        if let Some((_, class)) = classes.iter().find(|(p, _)| p.is_prefix_of(*scope)) {
            return class;
        }
    }
    ""
}

/// Builds the HTML, merging neighbouring text of the same class into one
/// span; whitespace between two tokens of a class stays inside their span.
#[derive(Default)]
struct Spans {
    html: String,
    open: &'static str,
    /// Whitespace not yet written: inside the open span or after it.
    blank: String,
}

impl Spans {
    fn push(&mut self, class: &'static str, text: &str) {
        let lead = text.len() - text.trim_start().len();
        self.blank.push_str(&text[..lead]);
        let text = &text[lead..];
        if text.is_empty() {
            return;
        }
        if class != self.open {
            self.close();
            self.html
                .push_str(&escape(&std::mem::take(&mut self.blank)));
            if !class.is_empty() {
                self.html.push_str("<span class=\"hl-");
                self.html.push_str(class);
                self.html.push_str("\">");
            }
            self.open = class;
        }
        let body = text.trim_end();
        self.html
            .push_str(&escape(&std::mem::take(&mut self.blank)));
        self.html.push_str(&escape(body));
        self.blank = text[body.len()..].to_string();
    }

    fn close(&mut self) {
        if !self.open.is_empty() {
            self.html.push_str("</span>");
        }
        self.open = "";
    }

    fn finish(mut self) -> String {
        self.close();
        self.html.push_str(&escape(&self.blank));
        self.html
    }
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_get_classes_and_text_survives() {
        let code = "// note\nlet s = \"a<b\"; f(1008);\n";
        let html = to_html("rust", code);
        assert!(html.contains(r#"<span class="hl-c">// note"#), "{html}");
        assert!(html.contains(r#"<span class="hl-k">let</span>"#), "{html}");
        assert!(html.contains(r#"<span class="hl-n">1008</span>"#), "{html}");
        assert!(html.contains("a&lt;b"), "{html}");
        let text = scraper::Html::parse_fragment(&html)
            .root_element()
            .text()
            .collect::<String>();
        assert_eq!(text, code);
    }

    #[test]
    fn unknown_languages_are_escaped_text() {
        assert_eq!(to_html("no-such", "<b>"), "&lt;b&gt;");
        assert!(knows("toml") && knows("go") && knows("python") && knows("js"));
    }
}
