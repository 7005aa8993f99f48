//! What a content page says of itself at its foot: when its content last
//! changed (from the repository's history) and where to edit it.

use crate::load::pattern::When;
use crate::model::pages::PageKind;

use super::PageContext;

/// The line at the foot of a content page.
#[derive(Debug)]
pub(crate) struct Trust {
    /// "Last updated 2026-11-30".
    pub updated: Option<String>,
    /// The file's edit page in the repository, when one file makes the page.
    pub edit: Option<String>,
}

/// The branch an edit link opens the file on.
const BRANCH: &str = "main";

/// The trust line of the page `kind`, for pages made from content files.
pub(crate) fn trust(context: PageContext, kind: PageKind) -> Option<Trust> {
    let files = files(context, kind);
    if files.is_empty() {
        return None;
    }
    let content = context.catalog.content();
    let t = context.language.strings;
    let updated = files
        .iter()
        .filter_map(|rel| content.history.date(rel))
        .max()
        .map(|date| t.nav.updated.fill(&When { date }));
    let edit = match (context.catalog.repository(), files.as_slice()) {
        (Some(repository), [only]) => Some(format!(
            "{}/edit/{BRANCH}/content/{only}",
            repository.trim_end_matches('/')
        )),
        _ => None,
    };
    Some(Trust { updated, edit })
}

/// The content files a page is made from, by their paths under `content/`.
fn files(context: PageContext, kind: PageKind) -> Vec<String> {
    let content = context.catalog.content();
    let rel = |path: &std::path::Path| {
        path.strip_prefix(&content.content_dir)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/")
    };
    let code_file = |n: u16| {
        content
            .codes
            .iter()
            .find(|c| c.value.number() == n)
            .map(|c| rel(&c.file.path))
    };
    match kind {
        PageKind::Index | PageKind::Protocols => Vec::new(),
        PageKind::Code(n) => code_file(n).into_iter().collect(),
        PageKind::Compare(a, b) => match content.comparisons.iter().find(|c| {
            let [x, y] = c.value.codes.get_ref();
            let (x, y) = (*x.get_ref(), *y.get_ref());
            (x.min(y), x.max(y)) == (a, b)
        }) {
            Some(written) => vec![rel(&written.file.path)],
            None => [a, b].into_iter().filter_map(code_file).collect(),
        },
        PageKind::Range(start, end) => content
            .ranges
            .iter()
            .filter(|r| (*r.value.start.get_ref(), r.value.end) == (start, end))
            .map(|r| rel(&r.file.path))
            .collect(),
        PageKind::Timeouts => content.timeouts.iter().map(|t| rel(&t.file.path)).collect(),
        PageKind::Protocol(slug) => content
            .protocols
            .iter()
            .filter(|(s, _)| s == slug)
            .map(|(_, p)| rel(&p.file.path))
            .collect(),
        PageKind::Number(n) => content
            .protocols
            .iter()
            .filter(|(_, p)| p.value.code.iter().any(|c| c.number() == n))
            .map(|(_, p)| rel(&p.file.path))
            .collect(),
    }
}
