//! Code snippets for one close code: how to close a connection with it and
//! how to read it when a connection closes, one per programming language,
//! from the shared examples of `examples.toml` and the code's own.

use crate::content::{CodeEntry, Example, Library};
use crate::model::catalog::Catalog;
use crate::text::highlight::{self, Memo};

/// One example, ready for a page.
#[derive(Debug, Clone)]
pub(crate) struct RenderedExample {
    /// The library's name, such as "gorilla/websocket".
    pub library: String,
    /// The programming language, such as "Go".
    pub language: String,
    /// A `<pre>` block of coloured code.
    pub html: String,
}

/// A code's examples; either list may be empty when the code cannot be sent
/// or never reaches an application.
#[derive(Debug, Clone, Default)]
pub(crate) struct CodeExamples {
    pub close: Vec<RenderedExample>,
    pub read: Vec<RenderedExample>,
}

/// The examples of `entry`: per grammar, the first library in
/// `examples.toml` that can do the job for this code.
pub(crate) fn for_code(catalog: &Catalog, entry: &CodeEntry, memo: &Memo) -> CodeExamples {
    let mut out = CodeExamples::default();
    let mut close_done = Vec::new();
    let mut read_done = Vec::new();
    for example in catalog.examples() {
        let syntax = example.syntax.get_ref().as_str();
        let Some(library) = catalog.library(example.library.get_ref()) else {
            continue;
        };
        if !close_done.contains(&syntax)
            && let Some(close) = &example.close
            && can_send(example, entry)
        {
            out.close
                .push(render(example, library, entry, close.get_ref(), memo));
            close_done.push(syntax);
        }
        let own = entry.examples.read.get(example.library.get_ref());
        let shared = example.read.as_ref().filter(|_| entry.examples.shared_read);
        if !read_done.contains(&syntax)
            && let Some(read) = own.or(shared)
        {
            out.read
                .push(render(example, library, entry, read.get_ref(), memo));
            read_done.push(syntax);
        }
    }
    out
}

/// Browsers' `close()` takes fewer codes than the protocol allows.
fn can_send(example: &Example, entry: &CodeEntry) -> bool {
    if example.browser {
        entry.close_method
    } else {
        entry.sendable
    }
}

/// Stand-ins for the placeholders while an example is coloured, so that one
/// colouring serves every code: identifiers in every language shown.
const CODE: &str = "__CLOSE_CODE__";
const REASON: &str = "__CLOSE_REASON__";

fn render(
    example: &Example,
    library: &Library,
    entry: &CodeEntry,
    text: &str,
    memo: &Memo,
) -> RenderedExample {
    let syntax = example.syntax.get_ref();
    let code = entry.number();
    let constant = library.constant(code);
    let code_expr = match &constant {
        Some(constant) => constant.clone(),
        None => example.number.replace("{number}", &code.to_string()),
    };
    let reason = entry.name().to_lowercase();
    let template = text
        .trim_end()
        .replace("{code}", CODE)
        .replace("{reason}", REASON);
    let mut html = memo
        .to_html(syntax, &template)
        .replace(CODE, &memo.to_html(syntax, &code_expr))
        .replace(REASON, &highlight::escape(&reason));
    if let (Some(import), Some(_)) = (&example.import, &constant)
        && template.contains(CODE)
    {
        // Beside the example's own imports, or set apart from its code.
        let keyword = import.split_whitespace().next().unwrap_or_default();
        let gap = if template.starts_with(keyword) {
            "\n"
        } else {
            "\n\n"
        };
        html = format!("{}{gap}{html}", memo.to_html(syntax, import));
    }
    html.push('\n');
    let language = &library.language;
    RenderedExample {
        // The caption names the language already: "Python · websockets".
        library: library.short_name().to_string(),
        language: language.clone(),
        html: highlight::block(&html),
    }
}
