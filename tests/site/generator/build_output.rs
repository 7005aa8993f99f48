//! The build as a whole on the mini fixture site: what it writes, that it
//! never loses the previous output, and that it refuses unsafe targets.

use crate::common;

use std::fs;

use crate::common::{attrs, sel, snapshot, texts};
use closecodes::{BuildOptions, Error, build};

#[test]
fn writes_every_page_kind_and_data_file() {
    let site = common::build(&common::mini_content(), None);
    for rel in [
        "index.html",
        "1000/index.html",
        "1006/index.html",
        "4001/index.html",
        "4100/index.html",
        "protocols/index.html",
        "protocols/example-chat/index.html",
        "api/protocols.json",
        "api/protocols/example-chat.json",
        "1000-vs-1006/index.html",
        "1000-vs-4001/index.html",
        "1006-vs-4001/index.html",
        "1006-vs-1000/index.html",
        "0-999/index.html",
        "1000-2999/index.html",
        "3000-3999/index.html",
        "4000-4999/index.html",
        "404.html",
        "api/codes.json",
        "api/1006.json",
        "1006.txt",
        "sitemap.xml",
        "robots.txt",
        ".nojekyll",
        "style.css",
        "site.js",
    ] {
        assert!(site.exists(rel), "{rel} was not written");
    }
    // 3 codes: index + 3 code pages + 3 comparisons + 4 ranges, and the
    // protocol's 2 numbers, the list of protocols and its page, one language.
    assert_eq!(site.report.written.pages, 11 + 2 + 1 + 1);
    assert_eq!(site.report.written.redirects, 3);
}

#[test]
fn the_built_site_has_no_broken_link_anchor_or_hreflang() {
    let site = common::build(&common::mini_content(), Some(common::BASE));
    let urls = closecodes::model::urls::Urls::new(common::BASE, "en").expect("urls");
    let problems = closecodes::check::check_site(&site.out, &urls);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn code_page_sections_carry_the_spec_anchors_and_the_toml_headings() {
    let strings: toml::Table = toml::from_str(
        &fs::read_to_string(common::mini_content().join("i18n/en.toml")).expect("en.toml"),
    )
    .expect("parse en.toml");
    let headings = strings["headings"].as_table().expect("headings");
    let page = common::build(&common::mini_content(), None).page("1006/");
    for (anchor, key) in [
        ("description", "description"),
        ("when", "when"),
        ("fix", "fix"),
    ] {
        let h2 = common::heading_texts(&page, &format!("section#{anchor} > h2"));
        assert_eq!(h2, [headings[key].as_str().expect("string")], "#{anchor}");
    }
    assert_eq!(texts(&page, "h1"), ["1006 Abnormal Closure"]);
}

#[test]
fn markup_in_content_is_shown_as_text() {
    let page = common::build(&common::mini_content(), None).page("1006/");
    assert!(page.select(&sel("main script")).next().is_none());
    let description = texts(&page, "section#description .prose");
    assert!(
        description[0].contains("<script>alert(1)</script>"),
        "{description:?}"
    );
}

#[test]
fn a_comparison_in_reverse_order_redirects_and_keeps_the_anchor() {
    let site = common::build(&common::mini_content(), None);
    let page = site.page("1006-vs-1000/");
    assert_eq!(
        attrs(&page, "link[rel=canonical]", "href"),
        ["https://example.org/1000-vs-1006/"]
    );
    let refresh = attrs(&page, "meta[http-equiv=refresh]", "content");
    assert_eq!(refresh, ["0; url=https://example.org/1000-vs-1006/"]);
    let script = texts(&page, "head script");
    assert!(
        script.iter().any(|s| s.contains("location.hash")),
        "{script:?}"
    );
}

#[test]
fn two_builds_of_the_same_content_are_identical() {
    let a = common::build(&common::mini_content(), None);
    let b = common::build(&common::mini_content(), None);
    assert_eq!(snapshot(&a.out), snapshot(&b.out));
}

#[test]
fn a_failed_build_leaves_the_previous_output_exactly_as_it_was() {
    let scratch = common::Scratch::mini();
    let (content, out) = (&scratch.content, scratch.out());
    build(&scratch.options(&out, None)).expect("first build");
    let before = snapshot(&out);
    let beside = || -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(scratch.root())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let beside_before = beside();

    fs::write(content.join("codes/1000.toml"), "code = \"oops\"\n").expect("break content");
    let err = build(&scratch.options(&out, None)).expect_err("broken content");
    assert!(matches!(err, Error::Content(_)), "{err}");
    assert_eq!(snapshot(&out), before);
    assert_eq!(
        beside(),
        beside_before,
        "the failed build left something beside the output"
    );
}

#[test]
fn the_change_summary_counts_what_a_rebuild_changed() {
    let scratch = common::Scratch::mini();
    let (content, out) = (&scratch.content, scratch.out());
    let first = build(&scratch.options(&out, None)).expect("first");
    assert_eq!(first.changes.added, first.changes.files);
    let again = build(&scratch.options(&out, None)).expect("again");
    assert_eq!(
        (
            again.changes.added,
            again.changes.removed,
            again.changes.changed
        ),
        (0, 0, 0)
    );

    let path = content.join("codes/4001.toml");
    common::edit_file(&path, "expired.", "ran out.");
    let edited = build(&scratch.options(&out, None)).expect("edited");
    assert_eq!((edited.changes.added, edited.changes.removed), (0, 0));
    assert!(edited.changes.changed > 0);

    fs::remove_file(&path).expect("remove 4001");
    // Dropping published pages on purpose means releasing them from the lock.
    fs::remove_file(content.join("urls.lock")).expect("remove lock");
    common::edit_file(&content.join("codes/1006.toml"), "[1000, 4001]", "[1000]");
    let smaller = build(&scratch.options(&out, None)).expect("smaller");
    assert!(smaller.changes.removed > 0);
    assert!(!out.join("4001/index.html").exists());
}

#[test]
fn a_build_from_the_same_inputs_writes_nothing_unless_the_output_was_touched() {
    let scratch = common::Scratch::mini();
    let out = scratch.out();
    let first = build(&scratch.options(&out, None)).expect("first");
    assert!(!first.up_to_date);
    let built = snapshot(&out);
    let slot = fs::read_link(&out).expect("the output is a link");

    let again = build(&scratch.options(&out, None)).expect("again");
    assert!(again.up_to_date, "nothing changed: {again:?}");
    assert_eq!(
        (
            again.written.pages,
            again.changes.files,
            again.changes.bytes
        ),
        (
            first.written.pages,
            first.changes.files,
            first.changes.bytes
        )
    );
    assert_eq!(fs::read_link(&out).expect("link"), slot, "nothing swapped");
    assert_eq!(snapshot(&out), built);

    // An edited page and a deleted one are put back.
    let page = out.join("1006/index.html");
    let mut edited = fs::read(&page).expect("read");
    edited.extend_from_slice(b"<p>edited by hand</p>");
    fs::write(&page, edited).expect("edit the output");
    let repaired = build(&scratch.options(&out, None)).expect("repair");
    assert!(!repaired.up_to_date, "an edited output is not up to date");
    assert_eq!(snapshot(&out), built);
    fs::remove_file(out.join("1000/index.html")).expect("delete a page");
    assert!(!build(&scratch.options(&out, None)).expect("b").up_to_date);
    assert_eq!(snapshot(&out), built);

    // Another base URL, or other content, is another site.
    let moved = build(&scratch.options(&out, Some("https://example.org/x/"))).expect("moved");
    assert!(!moved.up_to_date);
    assert!(moved.changes.changed > 0);
    scratch.edit("codes/4001.toml", "expired.", "ran out.");
    let edited = build(&scratch.options(&out, None)).expect("edited");
    assert!(!edited.up_to_date);
    assert!(edited.changes.changed > 0);

    // So is a new static file, and an edited URL lock.
    fs::create_dir_all(scratch.root().join("static")).expect("static dir");
    fs::write(scratch.root().join("static/extra.css"), "p { margin: 0 }").expect("static");
    let with_static = build(&scratch.options(&out, None)).expect("static");
    assert!(!with_static.up_to_date);
    assert!(out.join("extra.css").is_file());
    assert!(
        build(&scratch.options(&out, None))
            .expect("again")
            .up_to_date
    );
    let lock = scratch.path("urls.lock");
    let mut text = fs::read_to_string(&lock).expect("lock");
    text.push_str("# a note\n");
    fs::write(&lock, text).expect("edit lock");
    assert!(
        !build(&scratch.options(&out, None))
            .expect("lock")
            .up_to_date
    );
}

#[test]
fn an_image_edited_by_hand_is_drawn_again() {
    let scratch = common::Scratch::mini();
    let out = scratch.out();
    build(&scratch.options(&out, None)).expect("first");
    let image = out.join("og/1006.png");
    let drawn = fs::read(&image).expect("read image");
    fs::write(&image, b"not a picture").expect("edit the image");
    // The image's key has not changed, but its bytes are not the ones drawn:
    // the next build must not take them over into the new directory.
    let again = build(&scratch.options(&out, None)).expect("again");
    assert!(!again.up_to_date);
    assert_eq!(fs::read(&image).expect("read image"), drawn);
}

#[test]
fn a_file_edited_in_the_other_directory_is_written_again() {
    // The output swaps between two directories. A file edited by hand in
    // one of them still has the hash the manifest lists, but not its bytes:
    // the next build into that directory must not keep it.
    let scratch = common::Scratch::mini();
    let out = scratch.out();
    build(&scratch.options(&out, None)).expect("first");
    let page = out.join("1000/index.html");
    let original = fs::read(&page).expect("read");
    fs::write(&page, "<p>edited by hand</p>").expect("edit the output");
    build(&scratch.options(&out, None)).expect("into the other directory");
    scratch.edit("codes/4001.toml", "expired.", "ran out.");
    build(&scratch.options(&out, None)).expect("back into the edited one");

    let clean = common::temp_dir();
    let fresh = clean.path().join("public");
    build(&scratch.options(&fresh, None)).expect("fresh");
    assert_eq!(
        fs::read(fresh.join("1000/index.html")).expect("read"),
        original,
        "the page must come out the same, so that only the edit tells it apart"
    );
    assert_eq!(snapshot(&out), snapshot(&fresh));
}

#[test]
fn refuses_a_directory_it_did_not_create() {
    let temp = common::temp_dir();
    let out = temp.path().join("mine");
    fs::create_dir_all(&out).expect("mkdir");
    fs::write(out.join("notes.txt"), "keep me").expect("write");
    let options = BuildOptions {
        content: common::mini_content(),
        out: out.clone(),
        base_url: None,
    };
    let err = build(&options).expect_err("must refuse");
    assert!(matches!(err, Error::Output { .. }), "{err}");
    assert_eq!(err.exit_code(), 2);
    assert_eq!(
        fs::read_to_string(out.join("notes.txt")).expect("kept"),
        "keep me"
    );
}

#[test]
fn refuses_the_project_directories() {
    let scratch = common::Scratch::mini();
    let content = &scratch.content;
    for out in [
        content.clone(),
        content.join("codes"),
        scratch.root().to_path_buf(),
        scratch.root().join("templates"),
        scratch.root().join("static"),
    ] {
        let err = build(&scratch.options(&out, None)).expect_err("must refuse");
        assert!(
            matches!(err, Error::Output { .. }),
            "{}: {err}",
            out.display()
        );
    }
    assert!(content.join("codes/1000.toml").is_file());
}

#[test]
fn a_build_that_would_drop_a_published_url_fails_until_it_redirects() {
    let scratch = common::Scratch::mini();
    let (content, out) = (&scratch.content, scratch.out());
    build(&scratch.options(&out, None)).expect("first build");
    let lock = fs::read_to_string(content.join("urls.lock")).expect("lock written");
    assert!(
        lock.lines().any(|l| l == "/4001/#fix"),
        "the lock holds the spec anchors"
    );

    fs::remove_file(content.join("codes/4001.toml")).expect("remove 4001");
    common::edit_file(&content.join("codes/1006.toml"), "[1000, 4001]", "[1000]");
    let err = build(&scratch.options(&out, None)).expect_err("dropping /4001/ must fail");
    let message = err.to_string();
    assert!(
        message.contains("urls.lock:") && message.contains("/4001/ was published"),
        "{message}"
    );
    assert!(out.join("4001/index.html").exists(), "the old output stays");

    let dropped: Vec<&str> = message
        .lines()
        .filter(|l| l.contains("was published"))
        .collect();
    assert_eq!(
        dropped.len(),
        7,
        "one line per dropped URL, not per anchor: {message}"
    );

    // Pages get redirects; the data files are released from the lock by hand.
    let mut redirects = String::new();
    for (from, to) in [
        ("/4001/", "/1006/"),
        ("/1000-vs-4001/", "/1000-vs-1006/"),
        ("/1006-vs-4001/", "/1006/"),
        ("/4001-vs-1000/", "/1000-vs-1006/"),
        ("/4001-vs-1006/", "/1006/"),
    ] {
        redirects.push_str(&format!("[[redirect]]\nfrom = \"{from}\"\nto = \"{to}\"\n"));
    }
    fs::write(content.join("redirects.toml"), redirects).expect("redirects");
    let released: String = lock
        .lines()
        .filter(|l| !l.contains("4001.txt") && !l.contains("4001.json"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(content.join("urls.lock"), released).expect("release data files");
    build(&scratch.options(&out, None)).expect("with a redirect the build passes");
    let page = common::Built::page_at(&out, "4001/");
    assert_eq!(
        common::attrs(&page, "link[rel=canonical]", "href"),
        ["https://example.org/1006/"]
    );
}

#[test]
fn a_bad_base_url_is_a_command_line_error_before_any_content_is_read() {
    let scratch = common::Scratch::mini();
    // Broken content too: the command line is judged first.
    scratch.edit("codes/1000.toml", "code = 1000", "code = \"oops\"");
    let out = scratch.root().join("public");
    let err = build(&scratch.options(&out, Some("/repo/"))).expect_err("relative base URL");
    assert!(matches!(err, Error::Usage(_)), "{err}");
    assert_eq!(err.exit_code(), 2);
    assert!(err.to_string().starts_with("--base-url: "), "{err}");
    assert!(!out.exists());
}
