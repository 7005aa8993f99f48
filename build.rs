//! Tells the test suite which outside tools this machine lacks, so that a
//! test that needs one is reported by `cargo test` as ignored, saying what
//! to install, instead of passing without having run. Under CI (`CI` set)
//! `.ci/run` installs every tool and nothing is ignored: a missing tool
//! fails its test there.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo::rustc-check-cfg=cfg(no_browser)");
    println!("cargo::rustc-check-cfg=cfg(no_checker)");
    println!("cargo::rerun-if-env-changed=CI");
    println!("cargo::rerun-if-env-changed=PATH");
    if std::env::var_os("CI").is_some() {
        return;
    }
    let path_dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).filter(|d| d.is_dir()).collect())
        .unwrap_or_default();
    // A tool installed or removed later changes its directory.
    for dir in &path_dirs {
        println!("cargo::rerun-if-changed={}", dir.display());
    }
    let on_path = |program: &str| path_dirs.iter().any(|d| d.join(program).is_file());
    if !(on_path("chromium") && on_path("chromedriver")) {
        println!("cargo::rustc-cfg=no_browser");
    }
    // The Nu HTML Checker, axe-core and Lighthouse come from npm in .ci/.
    let tools = Path::new(".ci/node_modules");
    let installed = tools.join(".package-lock.json");
    // Until `npm ci` has run, .ci/ holds two files; after it, watch npm's
    // own record rather than thousands of installed files.
    let watch = if installed.is_file() {
        installed.as_path()
    } else {
        Path::new(".ci")
    };
    println!("cargo::rerun-if-changed={}", watch.display());
    if !(installed.is_file() && on_path("java")) {
        println!("cargo::rustc-cfg=no_checker");
    }
}
