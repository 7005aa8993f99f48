//! Sentence patterns: UI strings with `{name}` placeholders, typed by the
//! values that fill them. A pattern field is a `Pattern<A>`, and only an `A`
//! fills it, so the placeholders validation allows (`A`'s names) are the ones
//! every caller fills.

use std::marker::PhantomData;

use serde::{Deserialize, Serialize};

/// The placeholders a kind of pattern may use.
pub trait Placeholders {
    const NAMES: &'static [&'static str];
}

/// Values for the placeholders of `P`.
pub trait Fill<P> {
    fn value(&self, name: &str) -> Option<&str>;
}

/// A sentence with placeholders that only `P`'s values fill.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Pattern<P> {
    text: String,
    #[serde(skip)]
    placeholders: PhantomData<fn() -> P>,
}

impl<P: Placeholders> Pattern<P> {
    /// The sentence with each `{name}` replaced in one pass: a value that
    /// holds a placeholder is not filled again.
    pub fn fill(&self, values: &impl Fill<P>) -> String {
        let mut out = String::with_capacity(self.text.len() + 32);
        let mut rest = self.text.as_str();
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let name_len = after
                .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
                .unwrap_or(after.len());
            let name = &after[..name_len];
            match values.value(name) {
                Some(value) if after[name_len..].starts_with('}') => {
                    out.push_str(value);
                    rest = &after[name_len + 1..];
                }
                _ => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The sentence as written, for the browser, which fills it itself.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// The sentence as written, for a template that hands it to the browser.
impl<P> std::fmt::Display for Pattern<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// Defines the values of one kind of pattern: a struct of borrowed strings
/// whose field names are the placeholders.
macro_rules! placeholders {
    ($($(#[$doc:meta])* $name:ident { $($field:ident),+ $(,)? })*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name<'a> {
            $(pub $field: &'a str,)+
        }
        impl Placeholders for $name<'static> {
            const NAMES: &'static [&'static str] = &[$(stringify!($field)),+];
        }
        impl<'a> Fill<$name<'static>> for $name<'a> {
            fn value(&self, name: &str) -> Option<&str> {
                match name {
                    $(stringify!($field) => Some(self.$field),)+
                    _ => None,
                }
            }
        }
    )*};
}

placeholders! {
    /// A code: its number, registered name, name in the page's language and
    /// one-line meaning.
    CodeNames { code, name, local_name, summary }
    /// A code's number alone.
    Code { code }
    /// A library's release.
    Version { version }
    /// Two codes compared, lower first, with their names in the page's
    /// language.
    Pair { a, b, a_name, b_name }
    /// Two codes compared, with their one-line meanings too.
    PairSummaries { a, b, a_name, b_name, a_summary, b_summary }
    /// The range two codes share.
    SameRange { range }
    /// The ranges of two codes.
    Ranges { a, b, range_a, range_b }
    /// One code that travels in a Close frame and one that never does.
    OneSendable { sent, local }
    /// One code the browser's close() accepts and one it refuses.
    CloseMethod { yes, no }
    /// A code and the libraries that send it when a limit is hit.
    LimitCode { code, libraries }
    /// A range page: the range, its title and its one-line meaning.
    RangeNames { range, title, summary }
    /// How many codes the site documents.
    Count { count }
    /// A number of a unit.
    Amount { n }
    /// The library, with its release, that prints a text.
    Library { library }
    /// A library's own name for a code.
    LibraryName { library, name }
    /// A time found in a text.
    Duration { duration }
    /// A code without a page of its own and its range.
    InRange { code, range, title }
    /// A protocol's name.
    ProtocolName { protocol }
    /// A protocol's code: the protocol, the number and the protocol's name for it.
    OwnCode { protocol, code, name }
    /// A number and what each protocol that uses it calls it.
    NumberNames { code, names }
    /// The release, version or date a source was read in.
    Read { read }
    /// How many log lines, from how many libraries.
    Lines { lines, libraries }
    /// What the reader typed.
    Query { query }
    /// A name the text uses: a hop's or its setting's.
    Name { name }
    /// A day, written `YYYY-MM-DD`.
    When { date }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern<P>(text: &str) -> Pattern<P> {
        Pattern {
            text: text.to_string(),
            placeholders: PhantomData,
        }
    }

    #[test]
    fn fill_replaces_every_placeholder_once_and_leaves_other_braces() {
        let vs: Pattern<Pair<'static>> = pattern("{a} vs {b} ({a_name}), {a}, {c} {");
        let values = Pair {
            a: "1002",
            b: "{a}",
            a_name: "Protocol Error",
            b_name: "",
        };
        assert_eq!(
            vs.fill(&values),
            "1002 vs {a} (Protocol Error), 1002, {c} {"
        );
    }
}
