//! Content that is huge or hostile: a 50 MB Markdown field, 10,000 list
//! items, 10,000 levels of `>`, a TOML file with 100,000 keys, links out of
//! `content/` and a file name that is not UTF-8. Each ends in a correct page
//! or a clear `path:line:col: message`, within a stated bound on the peak
//! memory of the build process and on its time: never a crash or a hang.

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::time::Duration;

use crate::common::Scratch;
use crate::common::process::{self, Run};

/// Every case but the 50 MB field: the mini site alone peaks near 20 MB.
const SMALL_BOUND_MIB: u64 = 256;
/// The 50 MB field is on several pages (245 MB written): about 300 MB.
const BIG_BOUND_MIB: u64 = 1024;
const TIME_BOUND: Duration = Duration::from_secs(120);

const DESCRIPTION: &str = "description = \"A private code of one application.\"";
const WHEN: &str = "when = \"- The token is older than an hour.\"";

/// Builds `scratch` in a separate process, bounded in time and memory.
fn build(scratch: &Scratch, bound_mib: u64) -> Option<Run> {
    let out = scratch.out();
    let args = [
        OsStr::new("build"),
        OsStr::new("--content"),
        scratch.content.as_os_str(),
        OsStr::new("--out"),
        out.as_os_str(),
    ];
    let run = process::run_measured(&args, TIME_BOUND)?;
    let peak = run.peak_kib.unwrap_or_default() / 1024;
    eprintln!(
        "hostile content: exit {:?} in {:?}, peak {peak} MiB (bound {bound_mib} MiB)",
        run.code(),
        run.elapsed
    );
    assert!(
        run.code().is_some(),
        "the build crashed: {:?}\n{}",
        run.status,
        run.stderr
    );
    assert!(
        peak <= bound_mib,
        "peak memory {peak} MiB > {bound_mib} MiB"
    );
    Some(run)
}

/// The build succeeded and wrote `rel`.
fn page(scratch: &Scratch, run: &Run, rel: &str) -> String {
    assert_eq!(run.code(), Some(0), "{}", run.stderr);
    fs::read_to_string(scratch.out().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The build failed with exit 1 and a `path:line:col: message` line about
/// `file` that contains `message`.
fn error(run: &Run, file: &str, message: &str) {
    assert_eq!(run.code(), Some(1), "{}{}", run.stdout, run.stderr);
    let line = run
        .stderr
        .lines()
        .find(|l| l.contains(message))
        .unwrap_or_else(|| panic!("no {message:?} in: {}", run.stderr));
    let (path, rest) = line.split_once(':').expect("path:");
    assert!(path.ends_with(file), "{line}");
    let mut position = rest.splitn(3, ':');
    let numbers = [position.next(), position.next()];
    assert!(
        numbers
            .iter()
            .all(|n| n.is_some_and(|n| n.parse::<usize>().is_ok())),
        "no line and column: {line}"
    );
}

#[test]
#[ignore = "torture: .ci/run runs it (cargo test -- --include-ignored)"]
fn a_50_mb_markdown_field_builds_its_page() {
    let scratch = Scratch::mini();
    let paragraph = "The server closes the connection when its session ends.\n\n";
    let text = paragraph.repeat(50_000_000 / paragraph.len());
    scratch.edit(
        "codes/4001.toml",
        DESCRIPTION,
        &format!("description = '''\n{text}'''"),
    );
    let Some(run) = build(&scratch, BIG_BOUND_MIB) else {
        return;
    };
    let html = page(&scratch, &run, "4001/index.html");
    assert!(html.matches("<p>The server closes").count() >= text.len() / paragraph.len());
    assert!(html.trim_end().ends_with("</html>"));
}

#[test]
#[ignore = "torture: .ci/run runs it (cargo test -- --include-ignored)"]
fn ten_thousand_list_items_build_their_page() {
    let scratch = Scratch::mini();
    let items: String = (0..10_000).map(|i| format!("- item {i}\n")).collect();
    scratch.edit("codes/4001.toml", WHEN, &format!("when = '''\n{items}'''"));
    let Some(run) = build(&scratch, SMALL_BOUND_MIB) else {
        return;
    };
    let html = page(&scratch, &run, "4001/index.html");
    assert!(html.contains("<li>item 9999</li>"));
    assert!(html.matches("<li>item ").count() >= 10_000);
}

#[test]
#[ignore = "torture: .ci/run runs it (cargo test -- --include-ignored)"]
fn ten_thousand_levels_of_quotes_build_their_page() {
    let scratch = Scratch::mini();
    let deep = format!("{} the bottom\n", ">".repeat(10_000));
    scratch.edit(
        "codes/4001.toml",
        DESCRIPTION,
        &format!("description = '''\n{deep}'''"),
    );
    let Some(run) = build(&scratch, SMALL_BOUND_MIB) else {
        return;
    };
    let html = page(&scratch, &run, "4001/index.html");
    assert!(html.contains("the bottom"));
    assert!(html.matches("<blockquote>").count() >= 10_000);
}

#[test]
#[ignore = "torture: .ci/run runs it (cargo test -- --include-ignored)"]
fn a_toml_file_with_100000_keys_is_an_error_at_the_first_unknown_one() {
    let scratch = Scratch::mini();
    let keys: String = (0..100_000).map(|i| format!("key{i} = {i}\n")).collect();
    scratch.edit("codes/4001.toml", "[text.en]", &format!("{keys}[text.en]"));
    let Some(run) = build(&scratch, SMALL_BOUND_MIB) else {
        return;
    };
    error(&run, "codes/4001.toml", "unknown field \"key0\"");
}

#[test]
#[ignore = "torture: .ci/run runs it (cargo test -- --include-ignored)"]
fn a_link_to_a_content_file_outside_builds_its_page() {
    let scratch = Scratch::mini();
    let outside = scratch.root().join("outside.toml");
    let code = fs::read_to_string(scratch.path("codes/4001.toml")).expect("read");
    fs::write(&outside, code.replace("code = 4001", "code = 4002")).expect("write");
    std::os::unix::fs::symlink(&outside, scratch.path("codes/4002.toml")).expect("link");
    let Some(run) = build(&scratch, SMALL_BOUND_MIB) else {
        return;
    };
    assert!(page(&scratch, &run, "4002/index.html").contains("4002"));
}

#[test]
#[ignore = "torture: .ci/run runs it (cargo test -- --include-ignored)"]
fn links_out_to_the_root_or_a_device_are_errors_not_a_walk_or_a_read() {
    let scratch = Scratch::mini();
    let link = |target: &str, rel: &str| {
        std::os::unix::fs::symlink(target, scratch.path(rel)).expect("link");
    };
    link("/", "codes/root");
    link("/usr", "codes/usr");
    link("/dev/zero", "codes/4002.toml");
    let Some(run) = build(&scratch, SMALL_BOUND_MIB) else {
        return;
    };
    assert!(run.elapsed < Duration::from_secs(30), "{:?}", run.elapsed);
    // `/` holds the content directory: walking it would come back.
    error(&run, "codes/root", "symbolic link loop back to /");
    error(&run, "codes/usr", "unexpected directory");
    error(&run, "codes/4002.toml", "not a regular file");
}

#[test]
#[ignore = "torture: .ci/run runs it (cargo test -- --include-ignored)"]
fn a_file_name_that_is_not_utf8_is_an_error() {
    let scratch = Scratch::mini();
    let name = OsStr::from_bytes(b"40\xff1.toml");
    fs::copy(
        scratch.path("codes/4001.toml"),
        scratch.path("codes").join(name),
    )
    .expect("copy");
    let Some(run) = build(&scratch, SMALL_BOUND_MIB) else {
        return;
    };
    error(
        &run,
        "codes/40\u{fffd}1.toml",
        "the file name is not valid UTF-8",
    );
}
