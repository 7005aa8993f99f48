//! The corpus of bad content: each `tests/bad/<case>.toml` is placed into a
//! copy of the mini fixture site at the path its first line names, and the
//! build must fail with exactly the lines of `tests/bad/<case>.err`.
//!
//! Header lines: `# path: codes/1000.toml` (where the file goes), and
//! `# symlink: TARGET` to place a symbolic link there instead of the file.
//! Set `UPDATE_EXPECTED=1` to write missing `.err` files for review.

use crate::common;

use std::fs;
use std::path::Path;

fn run_case(case: &Path) -> (String, u8) {
    let bytes = fs::read(case).expect("case");
    let header = String::from_utf8_lossy(&bytes);
    let field = |name: &str| {
        header
            .lines()
            .take_while(|l| l.starts_with('#'))
            .find_map(|l| l.strip_prefix(&format!("# {name}: ")))
            .map(str::to_string)
    };
    let path = field("path").expect("a case names its path");
    let scratch = common::Scratch::mini();
    let target = scratch.path(&path);
    fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
    match field("symlink") {
        Some(link) => std::os::unix::fs::symlink(link, &target).expect("symlink"),
        None => fs::write(&target, &bytes).expect("write case"),
    }
    let out = scratch.root().join("public");
    let err =
        closecodes::build(&scratch.options(&out, None)).expect_err("bad content must not build");
    assert!(!out.exists(), "a failed build wrote output");
    let shown = err
        .to_string()
        .replace(&format!("{}/", scratch.root().display()), "");
    (shown, err.exit_code())
}

#[test]
fn every_bad_input_gives_its_exact_message() {
    let dir = common::repo().join("tests/bad");
    let mut cases: Vec<_> = fs::read_dir(&dir)
        .expect("tests/bad")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 15, "the corpus lost cases");
    let mut failures = Vec::new();
    for case in &cases {
        let (shown, code) = run_case(case);
        assert_eq!(code, 1, "{}: content errors exit with 1", case.display());
        let expected_path = case.with_extension("err");
        match fs::read_to_string(&expected_path) {
            Ok(expected) if expected.trim_end() == shown.trim_end() => {}
            Ok(expected) => failures.push(format!(
                "{}:\n--- expected\n{}\n--- got\n{}",
                case.display(),
                expected.trim_end(),
                shown.trim_end()
            )),
            Err(_) if std::env::var_os("UPDATE_EXPECTED").is_some() => {
                fs::write(&expected_path, format!("{}\n", shown.trim_end()))
                    .expect("write expected");
            }
            Err(_) => failures.push(format!("{}: no .err file; got\n{shown}", case.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
