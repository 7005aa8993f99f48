//! The facts table of one code, or of two side by side: a row per fact, each
//! row saying how to label and show it, and whether a difference matters.

use crate::content::CodeEntry;
use crate::load::strings::FactLabels;

use super::{PageContext, source_link};

/// One row of the facts table.
#[derive(Debug)]
pub(crate) struct FactRow {
    pub label: String,
    pub values: Vec<FactValue>,
    pub differs: bool,
    /// The row of code numbers, shown as column headings.
    pub header: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FactValue {
    pub text: String,
    pub href: Option<String>,
}

/// How one fact is labelled and shown.
struct Fact {
    label: fn(&FactLabels) -> &String,
    value: fn(&PageContext, &CodeEntry) -> FactValue,
    /// Shown as the column headings.
    header: bool,
    /// Marked when the codes differ. The code and name always differ: they
    /// head the columns instead.
    compared: bool,
}

fn plain(text: impl Into<String>) -> FactValue {
    FactValue {
        text: text.into(),
        href: None,
    }
}

fn yes_no(context: &PageContext, value: bool) -> FactValue {
    let t = &context.language.strings.facts;
    plain(if value { &t.yes } else { &t.no })
}

const FACTS: [Fact; 8] = [
    Fact {
        label: |t| &t.code,
        value: |_, e| plain(e.number().to_string()),
        header: true,
        compared: false,
    },
    Fact {
        label: |t| &t.name,
        value: |_, e| plain(e.name()),
        header: false,
        compared: false,
    },
    Fact {
        label: |t| &t.range,
        value: |c, e| {
            let link = c.range_link(e.number());
            FactValue {
                text: link.label,
                href: Some(link.href),
            }
        },
        header: false,
        compared: true,
    },
    Fact {
        label: |t| &t.sendable,
        value: |c, e| yes_no(c, e.sendable),
        header: false,
        compared: true,
    },
    Fact {
        label: |t| &t.close_method,
        value: |c, e| yes_no(c, e.close_method),
        header: false,
        compared: true,
    },
    Fact {
        label: |t| &t.sent_by,
        value: |c, e| plain(c.language.strings.sent_by.get(e.sent_by)),
        header: false,
        compared: true,
    },
    Fact {
        label: |t| &t.reconnect,
        value: |c, e| plain(c.language.strings.reconnect.get(e.reconnect)),
        header: false,
        compared: true,
    },
    Fact {
        label: |t| &t.reference,
        value: |_, e| {
            let link = source_link(&e.reference, &e.section, e.source_url());
            FactValue {
                text: link.label,
                href: Some(link.href),
            }
        },
        header: false,
        compared: true,
    },
];

/// The facts of `codes`, a row per fact, marked where they differ.
pub(crate) fn rows(context: &PageContext, codes: &[u16]) -> Vec<FactRow> {
    let entries: Vec<&CodeEntry> = codes.iter().map(|&c| context.catalog.code(c)).collect();
    FACTS
        .iter()
        .map(|fact| {
            let values: Vec<FactValue> = entries.iter().map(|e| (fact.value)(context, e)).collect();
            FactRow {
                label: (fact.label)(&context.language.strings.facts).clone(),
                differs: fact.compared && values.windows(2).any(|w| w[0] != w[1]),
                header: fact.header,
                values,
            }
        })
        .collect()
}
