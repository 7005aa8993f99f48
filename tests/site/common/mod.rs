//! What the tests share: fixture paths, the real site built once, scratch
//! copies of the content to edit, and reading pages with an HTML parser.

pub mod browser;
pub mod process;
pub mod serve;
pub mod synth;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use closecodes::{BuildOptions, BuildReport};
use scraper::{Html, Selector};

/// The address test sites are built for: a project site under a sub-path.
pub const BASE: &str = "https://example.github.io/repo/";

/// Every code of the IANA registry the real site documents.
pub const REGISTERED: [u16; 19] = [
    1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 1015,
    3000, 3003, 3008,
];

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn mini_content() -> PathBuf {
    repo().join("tests/fixtures/mini/content")
}

pub fn real_content() -> PathBuf {
    repo().join("content")
}

/// The real site built for [`BASE`], once for every test that reads it.
pub fn real_site() -> &'static Built {
    static SITE: OnceLock<Built> = OnceLock::new();
    SITE.get_or_init(|| build(&real_content(), Some(BASE)))
}

/// Skips a test that needs `tool` outside CI, with the reason printed; under
/// CI (`CI` set), where `.ci/run` installs everything, a missing tool fails.
pub fn require<T>(tool: Option<T>, reason: &str) -> Option<T> {
    if tool.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "this test must run in CI: {reason}"
        );
        eprintln!("skipping: {reason}");
    }
    tool
}

/// How many random inputs the fuzz tests try between them: `FUZZ_CASES`, or
/// 2,000 so that `cargo test` stays quick; `.ci/run` asks for 100,000.
pub fn fuzz_cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000)
}

/// An empty directory under `target/`, removed when dropped.
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir")
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
        let file = closecodes::model::urls::file_for(rel);
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
    Scratch::of(content).build(base_url)
}

/// A copy of a content directory to edit, under `target/`, removed when
/// dropped. Its parent holds nothing else, so the build may write beside it.
pub struct Scratch {
    pub temp: tempfile::TempDir,
    pub content: PathBuf,
}

impl Scratch {
    pub fn of(content: &Path) -> Scratch {
        let temp = temp_dir();
        let copy = temp.path().join("content");
        copy_dir(content, &copy);
        Scratch {
            temp,
            content: copy,
        }
    }

    pub fn mini() -> Scratch {
        Self::of(&mini_content())
    }

    pub fn root(&self) -> &Path {
        self.temp.path()
    }

    /// A file of the copied content.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.content.join(rel)
    }

    /// Replaces `from` with `to` in a content file; fails when `from` is not
    /// there, so an edit can never silently do nothing.
    pub fn edit(&self, rel: &str, from: &str, to: &str) -> &Self {
        edit_file(&self.path(rel), from, to);
        self
    }

    pub fn options(&self, out: &Path, base_url: Option<&str>) -> BuildOptions {
        BuildOptions {
            content: self.content.clone(),
            out: out.to_path_buf(),
            base_url: base_url.map(str::to_string),
        }
    }

    /// Where [`Scratch::build`] writes: `public/` beside the content.
    pub fn out(&self) -> PathBuf {
        self.root().join("public")
    }

    /// Builds the copy into `public/` beside it.
    pub fn build(self, base_url: Option<&str>) -> Built {
        let out = self.out();
        let report = closecodes::build(&self.options(&out, base_url))
            .unwrap_or_else(|e| panic!("build failed:\n{e}"));
        Built {
            temp: self.temp,
            out,
            report,
        }
    }
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

/// Replaces the first `from` with `to` in a file; fails when `from` is not
/// there, so an edit can never silently do nothing.
pub fn edit_file(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        text.contains(from),
        "{} no longer contains {from:?}: update the test",
        path.display()
    );
    fs::write(path, text.replacen(from, to, 1))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

pub use synth::copy_dir;

/// Every file under `dir` (following the output link) and its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let dir = fs::canonicalize(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    walkdir::WalkDir::new(&dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(&dir).expect("prefix");
            (
                rel.to_string_lossy().into_owned(),
                fs::read(e.path()).expect("read"),
            )
        })
        .collect()
}

/// Names the files that differ between two snapshots, for a failure message.
pub fn differences(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> String {
    let differing: Vec<&String> = a
        .keys()
        .chain(b.keys())
        .filter(|k| a.get(*k) != b.get(*k))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let shown: Vec<&str> = differing.iter().take(5).map(|s| s.as_str()).collect();
    format!("{} files differ, such as {shown:?}", differing.len())
}

/// The names in a directory, sorted.
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
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
