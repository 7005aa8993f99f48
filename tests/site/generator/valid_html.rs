//! Every built page, checked by the Nu HTML Checker (the `vnu-jar` package
//! that `.ci/run` installs with npm under `.ci/`), must have no error.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn vnu_jar() -> Option<PathBuf> {
    let jar = std::env::var_os("VNU_JAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| common::repo().join(".ci/node_modules/vnu-jar/build/dist/vnu.jar"));
    let java = Command::new("java").arg("-version").output().is_ok();
    common::require(
        (jar.is_file() && java).then_some(jar),
        "the Nu HTML Checker is not installed (cd .ci && npm ci; it needs java)",
    )
}

/// Runs the checker over every page of a built site.
fn validate(out: &Path) {
    let Some(jar) = vnu_jar() else { return };
    let output = Command::new("java")
        .args(["-jar"])
        .arg(&jar)
        .args(["--errors-only", "--skip-non-html", "--format", "json"])
        .arg(out)
        .output()
        .expect("run vnu");
    let report: serde_json::Value = serde_json::from_slice(&output.stderr).unwrap_or_else(|e| {
        panic!(
            "vnu output: {e}: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let errors: Vec<String> = report["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .filter(|m| m["type"] == "error" || m["subType"] == "fatal")
        .map(|m| format!("{}:{}: {}", m["url"], m["lastLine"], m["message"]))
        .collect();
    let pages = walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count();
    assert!(pages > 10, "the checker saw the pages");
    assert!(
        errors.is_empty(),
        "{} validator errors, first: {:#?}",
        errors.len(),
        &errors[..errors.len().min(10)]
    );
}

#[test]
#[cfg_attr(
    no_checker,
    ignore = "needs the Nu HTML Checker: apt-get install default-jre-headless; cd .ci && npm ci"
)]
fn every_page_of_the_real_site_is_valid_html() {
    validate(&common::real_site().out);
}

#[test]
#[cfg_attr(
    no_checker,
    ignore = "needs the Nu HTML Checker: apt-get install default-jre-headless; cd .ci && npm ci"
)]
fn every_page_of_the_fixture_site_is_valid_html() {
    let site = common::build(&common::mini_content(), Some(common::BASE));
    validate(&site.out);
}
