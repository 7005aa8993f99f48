//! The foot of a content page: the day its content last changed, read from
//! the repository's history, and the link that edits its file; without a
//! repository the page simply shows no day.

use std::process::Command;

use scraper::Html;

use crate::common::{self, Scratch, attrs, sel, texts};

fn parse(path: &std::path::Path) -> Html {
    Html::parse_document(&std::fs::read_to_string(path).expect("page"))
}

/// The mini site with a repository to edit its files in.
fn with_repository() -> Scratch {
    let scratch = Scratch::of(&common::mini_content());
    let site = scratch.content.join("site.toml");
    let text = std::fs::read_to_string(&site).expect("site.toml");
    std::fs::write(
        &site,
        format!("repository = \"https://github.com/owner/site\"\n{text}"),
    )
    .expect("write site.toml");
    scratch
}

fn git(dir: &std::path::Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Site", "-c", "user.email=site@example.org"])
        .args(args)
        .env("GIT_AUTHOR_DATE", "2025-06-07T12:00:00Z")
        .env("GIT_COMMITTER_DATE", "2025-06-07T12:00:00Z")
        .status()
        .expect("git");
    assert!(status.success(), "git {args:?}");
}

#[test]
fn a_page_shows_its_files_last_commit_and_links_its_file() {
    let scratch = with_repository();
    let root = scratch.content.parent().expect("root").to_path_buf();
    git(&root, &["init", "-q"]);
    git(&root, &["add", "."]);
    git(&root, &["commit", "-q", "-m", "content"]);
    let out = scratch.out();
    closecodes::build(&scratch.options(&out, None)).expect("build");
    let page = parse(&out.join("1000/index.html"));
    assert_eq!(
        texts(&page, "main .page-meta span"),
        ["Last updated 2025-06-07"]
    );
    let edit = attrs(&page, "main .page-meta a", "href");
    assert_eq!(
        edit,
        ["https://github.com/owner/site/edit/main/content/codes/1000.toml"]
    );
    // The index is made of every file: no day, no edit link.
    let index = parse(&out.join("index.html"));
    assert!(index.select(&sel("main .page-meta")).next().is_none());
}

#[test]
fn without_a_repository_a_page_shows_no_day_and_still_builds() {
    let built = with_repository().build(None);
    let page = parse(&built.out.join("1000/index.html"));
    assert!(texts(&page, "main .page-meta span").is_empty());
    assert_eq!(attrs(&page, "main .page-meta a", "href").len(), 1);
}
