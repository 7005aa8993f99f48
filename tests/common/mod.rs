//! Helpers shared by the integration tests: fixture paths, building a site
//! into a temporary directory, reading its pages with an HTML parser.
#![allow(dead_code)]

pub mod browser;

use std::fs;
use std::path::{Path, PathBuf};

use closecodes::{BuildOptions, BuildReport};
use scraper::{Html, Selector};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn mini_content() -> PathBuf {
    repo().join("tests/fixtures/mini/content")
}

pub fn real_content() -> PathBuf {
    repo().join("content")
}

/// A built site in a temporary directory, removed when dropped.
pub struct Built {
    pub temp: tempfile::TempDir,
    pub out: PathBuf,
    pub report: BuildReport,
}

impl Built {
    pub fn page(&self, rel: &str) -> Html {
        Self::page_at(&self.out, rel)
    }

    /// A page of any built site directory.
    pub fn page_at(out: &Path, rel: &str) -> Html {
        let file = if rel.is_empty() || rel.ends_with('/') {
            format!("{rel}index.html")
        } else {
            rel.to_string()
        };
        let text = fs::read_to_string(out.join(&file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        Html::parse_document(&text)
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.out.join(rel).exists()
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }
}

/// Builds a copy of `content` (the build updates its URL lock) into a
/// temporary directory under `target/`: sites kept for a whole test binary
/// in statics are never dropped, and must not pile up in the system's /tmp.
pub fn build(content: &Path, base_url: Option<&str>) -> Built {
    let temp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir");
    let copy = temp.path().join("content");
    copy_dir(content, &copy);
    let out = temp.path().join("public");
    let report = closecodes::build(&BuildOptions {
        content: copy,
        out: out.clone(),
        base_url: base_url.map(str::to_string),
    })
    .unwrap_or_else(|e| panic!("build failed:\n{e}"));
    Built { temp, out, report }
}

pub fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e}"))
}

/// The text of every element matching `css`, trimmed.
pub fn texts(html: &Html, css: &str) -> Vec<String> {
    html.select(&sel(css))
        .map(|el| el.text().collect::<String>().trim().to_string())
        .collect()
}

pub fn attrs(html: &Html, css: &str, attr: &str) -> Vec<String> {
    html.select(&sel(css))
        .filter_map(|el| el.value().attr(attr).map(str::to_string))
        .collect()
}

/// Copies a directory tree.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let target = to.join(entry.path().strip_prefix(from).expect("prefix"));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("mkdir");
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// The text of headings matching `css`, without their copy-link mark.
pub fn heading_texts(html: &Html, css: &str) -> Vec<String> {
    html.select(&sel(css))
        .map(|el| {
            let mark: String = el
                .select(&sel("a.copy-link"))
                .map(|a| a.text().collect::<String>())
                .collect();
            let all: String = el.text().collect();
            all.strip_suffix(&mark).unwrap_or(&all).trim().to_string()
        })
        .collect()
}
