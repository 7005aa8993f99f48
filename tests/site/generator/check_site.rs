//! The checker of built sites finds what would break for a reader: a link to
//! a missing page or anchor, invalid HTML, an id used twice, hreflang that is
//! not reciprocal.

use crate::common;

use std::fs;

use closecodes::check::check_site;
use closecodes::model::urls::Urls;

fn urls() -> Urls {
    Urls::new("https://example.org/", "en").expect("urls")
}

fn problems_after(edit: impl Fn(&std::path::Path)) -> Vec<String> {
    let site = common::build(&common::mini_content(), None);
    // Edit a copy of what the output link points at.
    let copy = site.temp.path().join("edited");
    common::copy_dir(&fs::canonicalize(&site.out).expect("out"), &copy);
    edit(&copy);
    check_site(&copy, &urls())
        .iter()
        .map(|p| p.to_string())
        .collect()
}

#[test]
fn a_clean_build_has_no_problem() {
    assert!(problems_after(|_| {}).is_empty());
}

#[test]
fn a_missing_page_and_a_missing_anchor_are_found_where_they_are_linked() {
    let problems = problems_after(|dir| {
        fs::remove_file(dir.join("1000-vs-1006/index.html")).expect("remove");
        common::edit_file(&dir.join("1006/index.html"), "id=\"fix\"", "id=\"repair\"");
    });
    assert!(
        problems.iter().any(|p| p.starts_with("1006/index.html:")
            && p.contains("/1000-vs-1006/")
            && p.contains("leads to no file")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("1000/index.html:") && p.contains("no element with id \"fix\"")),
        "{problems:#?}"
    );
}

#[test]
fn invalid_html_and_duplicate_ids_are_reported() {
    let problems = problems_after(|dir| {
        let page = dir.join("4001/index.html");
        let html = fs::read_to_string(&page).expect("read");
        let broken = html.replacen(
            "<main id=\"main\">",
            "<main id=\"main\"></span><p id=\"when\">",
            1,
        );
        fs::write(&page, broken).expect("write");
    });
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("4001/index.html:") && p.contains("invalid HTML")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("the id \"when\" is used twice")),
        "{problems:#?}"
    );
}

#[test]
fn hreflang_that_is_not_reciprocal_is_reported() {
    let problems = problems_after(|dir| {
        let page = dir.join("1000/index.html");
        let html = fs::read_to_string(&page).expect("read");
        let broken = html.replace(
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/1000/\">",
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/1006/\">",
        );
        assert_ne!(
            broken, html,
            "the page has an x-default alternate to change"
        );
        fs::write(&page, broken).expect("write");
    });
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("1000/index.html:") && p.contains("hreflang")),
        "{problems:#?}"
    );
}
