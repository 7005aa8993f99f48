//! The comparison of two codes (`compare.html`): an intro, the facts side by
//! side, each code's part, then how they differ and which to use, written by
//! hand where a pair has a comparison entry.

use askama::Template;

use crate::content::{CodeEntry, ComparisonText, Sender};
use crate::load::pattern::{
    CloseMethod, Code, LimitCode, OneSendable, Pair, PairSummaries, Ranges, SameRange,
};
use crate::load::strings::CompareStrings;
use crate::model::catalog::Field;
use crate::model::pages::PageKind;
use crate::model::ranges;

use super::PageContext;
use super::facts::{self, FactRow};
use super::layout::{Layout, Link};
use super::prose::{self, Prose};
use super::sides::{Side, side, side_summary};

#[derive(Template)]
#[template(path = "compare.html")]
pub(crate) struct ComparePage<'a> {
    pub layout: Layout<'a>,
    pub heading: String,
    pub caption: String,
    /// One or two sentences that settle the question, written by hand.
    pub verdict: Prose,
    /// Hand-written intro, or the sentences generated from the facts.
    pub intro: Prose,
    pub intro_sentences: Vec<String>,
    pub facts: Vec<FactRow>,
    pub sides: [Side; 2],
    /// Hand-written differences and advice, when the pair has them.
    pub differences: Prose,
    /// Otherwise, differences derived from the typed facts, in sentences.
    pub derived: Vec<String>,
    /// Said when the pair is neither hand-written nor related.
    pub rarely_confused: Option<String>,
    pub which: Prose,
    pub index: Link,
    /// Where to read on: the hand-written comparisons of either code.
    pub onward: Vec<Link>,
}

pub(super) fn page<'a>(context: PageContext<'a>, a: u16, b: u16) -> ComparePage<'a> {
    let catalog = context.catalog;
    let t = context.language.strings;
    let lang = context.lang();
    let curated = catalog.comparisons().get(&(a, b));
    let protocol = curated
        .and_then(|c| c.protocol.as_ref())
        .map(|p| p.get_ref().as_str());
    let sides = [a, b].map(|code| side(context, code, protocol, curated.is_some()));
    let (sa, sb) = (a.to_string(), b.to_string());
    let names = Pair {
        a: &sa,
        b: &sb,
        a_name: &sides[0].name,
        b_name: &sides[1].name,
    };
    let summaries = [a, b].map(|code| side_summary(context, code, protocol));
    let described = PairSummaries {
        a: &sa,
        b: &sb,
        a_name: &sides[0].name,
        b_name: &sides[1].name,
        a_summary: &summaries[0],
        b_summary: &summaries[1],
    };
    let mut layout = Layout::new(
        catalog,
        context.language,
        t.compare.heading.fill(&names),
        t.compare.meta_description.fill(&described),
        context.rel_of(PageKind::Compare(a, b)),
    )
    .with_trust(context.trust(PageKind::Compare(a, b)));
    if curated.is_some() {
        let urls = catalog.urls();
        let card = super::social::comparison_card(catalog, lang, a, b);
        layout.image = urls.absolute(&urls.compare_image(lang, a, b));
        layout.image_alt = format!("{}: {}", layout.title, card.summary);
    }
    let curated_field = |field: Field<ComparisonText>| {
        curated
            .map(|c| prose::field(catalog, c.text.get_ref(), context.lang(), field))
            .unwrap_or_default()
    };
    let codes = catalog.codes();
    let (ea, eb) = (codes.get(&a).copied(), codes.get(&b).copied());
    let generated = |f: &dyn Fn(&CodeEntry, &CodeEntry) -> Vec<String>| match (ea, eb) {
        (Some(ea), Some(eb)) => f(ea, eb),
        _ => Vec::new(),
    };
    ComparePage {
        heading: t.compare.heading.fill(&names),
        caption: t.compare.codes_table_caption.fill(&names),
        verdict: curated_field(|t| t.verdict.as_ref()),
        intro: curated_field(|t| t.intro.as_ref()),
        intro_sentences: generated(&|ea, eb| intro_sentences(&t.compare, ea, eb, lang)),
        facts: match (ea, eb) {
            (Some(_), Some(_)) => facts::rows(&context, &[a, b]),
            _ => Vec::new(),
        },
        differences: curated_field(|t| t.differences.as_ref()),
        derived: generated(&|ea, eb| derived_differences(catalog, &t.compare, ea, eb)),
        rarely_confused: (curated.is_none() && !related(ea, b) && !related(eb, a))
            .then(|| t.compare.rarely_confused.fill(&names)),
        which: curated_field(|t| t.which.as_ref()),
        sides,
        index: Link {
            href: layout.home.clone(),
            label: t.nav.home.clone(),
        },
        onward: onward(context, a, b),
        layout,
    }
}

fn related(entry: Option<&CodeEntry>, other: u16) -> bool {
    entry.is_some_and(|e| e.related().any(|r| r == other))
}

/// Where to read on: the hand-written comparisons of either code with a
/// third, labelled "1006 vs 1001 Going Away".
fn onward(context: PageContext, a: u16, b: u16) -> Vec<Link> {
    [a, b]
        .iter()
        .filter(|code| context.catalog.codes().contains_key(code))
        .flat_map(|&code| {
            context
                .compare_links(code)
                .into_iter()
                .filter(|l| l.curated && l.code != a && l.code != b)
                .map(|l| Link {
                    label: format!("{} {}", l.label, l.name),
                    href: l.href,
                })
        })
        .collect()
}

/// What two codes have in common, and where they part, said in whole
/// sentences of the language.
fn intro_sentences(c: &CompareStrings, a: &CodeEntry, b: &CodeEntry, lang: &str) -> Vec<String> {
    let (sa, sb) = (a.number().to_string(), b.number().to_string());
    let range_label = |code| {
        ranges::range_of(code)
            .map(|(s, e)| format!("{s}-{e}"))
            .unwrap_or_default()
    };
    let (ra, rb) = (range_label(a.number()), range_label(b.number()));
    let mut out = vec![c.intro.fill(&Pair {
        a: &sa,
        b: &sb,
        a_name: a.local_name(lang),
        b_name: b.local_name(lang),
    })];
    out.push(if ra == rb {
        c.range_same.fill(&SameRange { range: &ra })
    } else {
        c.range_differs.fill(&Ranges {
            a: &sa,
            b: &sb,
            range_a: &ra,
            range_b: &rb,
        })
    });
    out.push(match (a.sendable, b.sendable) {
        (true, true) => c.both_sendable.clone(),
        (false, false) => c.neither_sendable.clone(),
        (true, false) => c.one_sendable.fill(&OneSendable {
            sent: &sa,
            local: &sb,
        }),
        (false, true) => c.one_sendable.fill(&OneSendable {
            sent: &sb,
            local: &sa,
        }),
    });
    // "Nobody sends either" would repeat the sentence about neither being sent.
    if a.sent_by == b.sent_by && !(a.sent_by == Sender::Nobody && !a.sendable && !b.sendable) {
        out.push(c.same_sender.get(a.sent_by).to_string());
    }
    if a.reconnect == b.reconnect {
        out.push(c.same_reconnect.get(a.reconnect).to_string());
    }
    out
}

/// How two codes differ in their typed facts (can a browser send it, who
/// sends it, what to do after it, which libraries end connections with it),
/// one sentence or two per fact that differs.
fn derived_differences(
    catalog: &crate::model::catalog::Catalog,
    c: &CompareStrings,
    a: &CodeEntry,
    b: &CodeEntry,
) -> Vec<String> {
    let (sa, sb) = (a.number().to_string(), b.number().to_string());
    let mut out = Vec::new();
    match (a.close_method, b.close_method) {
        (true, false) => out.push(
            c.close_method_differs
                .fill(&CloseMethod { yes: &sa, no: &sb }),
        ),
        (false, true) => out.push(
            c.close_method_differs
                .fill(&CloseMethod { yes: &sb, no: &sa }),
        ),
        _ => {}
    }
    if a.sent_by != b.sent_by {
        out.push(format!(
            "{} {}",
            c.sender_clause.get(a.sent_by).fill(&Code { code: &sa }),
            c.sender_clause.get(b.sent_by).fill(&Code { code: &sb })
        ));
    }
    if a.reconnect != b.reconnect {
        out.push(format!(
            "{} {}",
            c.reconnect_clause
                .get(a.reconnect)
                .fill(&Code { code: &sa }),
            c.reconnect_clause
                .get(b.reconnect)
                .fill(&Code { code: &sb })
        ));
    }
    for (code, label) in [(a.number(), &sa), (b.number(), &sb)] {
        let libraries: Vec<&str> = catalog
            .libraries()
            .iter()
            .filter(|l| {
                l.limit
                    .iter()
                    .any(|limit| limit.code.as_ref().is_some_and(|c| *c.get_ref() == code))
            })
            .map(|l| l.short_name())
            .collect();
        if !libraries.is_empty() {
            out.push(c.library_limits.fill(&LimitCode {
                code: label,
                libraries: &libraries.join(", "),
            }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_str;

    const STRINGS: &str = include_str!("../../content/i18n/en.toml");

    fn strings() -> CompareStrings {
        let all: crate::load::strings::Strings = parse_str("en.toml", STRINGS).expect("en strings");
        all.compare
    }

    /// A code entry with the facts that matter to the intro.
    fn entry(code: u16, sendable: bool, sent_by: &str, reconnect: &str) -> CodeEntry {
        let text = include_str!("../../tests/fixtures/code_1008.toml")
            .replace("code = 1008", &format!("code = {code}"))
            .replace("sendable = true", &format!("sendable = {sendable}"))
            .replace("sent_by = \"server\"", &format!("sent_by = \"{sent_by}\""))
            .replace(
                "reconnect = \"after-fix\"",
                &format!("reconnect = \"{reconnect}\""),
            );
        parse_str("entry.toml", &text).expect("entry")
    }

    #[test]
    fn codes_alike_in_everything_get_every_shared_sentence() {
        let c = strings();
        let out = intro_sentences(
            &c,
            &entry(1002, true, "either", "after-fix"),
            &entry(1008, true, "either", "after-fix"),
            "en",
        );
        assert_eq!(out.len(), 5, "{out:?}");
        assert!(out[1].contains("1000-2999"), "{}", out[1]);
        assert_eq!(out[2], c.both_sendable);
        assert_eq!(out[3], c.same_sender.either);
        assert_eq!(out[4], c.same_reconnect.after_fix);
    }

    #[test]
    fn different_ranges_name_both() {
        let c = strings();
        let out = intro_sentences(
            &c,
            &entry(1008, true, "server", "no"),
            &entry(4001, true, "client", "yes"),
            "en",
        );
        assert!(
            out[1].contains("1000-2999") && out[1].contains("4000-4999"),
            "{}",
            out[1]
        );
        assert_eq!(out.len(), 3, "no shared sender or advice: {out:?}");
    }

    #[test]
    fn the_code_that_is_sent_is_named_whichever_side_it_is_on() {
        let c = strings();
        for (a, b) in [
            (
                entry(1000, true, "either", "no"),
                entry(1006, false, "nobody", "backoff"),
            ),
            (
                entry(1005, false, "nobody", "no"),
                entry(1008, true, "server", "after-fix"),
            ),
        ] {
            let (sent, local) = if a.sendable { (&a, &b) } else { (&b, &a) };
            let expected = c.one_sendable.fill(&OneSendable {
                sent: &sent.number().to_string(),
                local: &local.number().to_string(),
            });
            assert_eq!(intro_sentences(&c, &a, &b, "en")[2], expected);
        }
    }

    #[test]
    fn nobody_sending_either_code_is_said_once() {
        let c = strings();
        let out = intro_sentences(
            &c,
            &entry(1005, false, "nobody", "no"),
            &entry(1006, false, "nobody", "backoff"),
            "en",
        );
        assert_eq!(out[2], c.neither_sendable);
        assert!(!out.contains(&c.same_sender.nobody), "{out:?}");
    }
}
