//! closecodes: the generator of a reference site about WebSocket close codes.
//!
//! The pipeline: [`load`] reads `content/`, [`validate`] checks it and builds
//! a [`catalog::Catalog`], [`site`] renders every page into an
//! [`output::Output`], which replaces the previous site only on success.

pub mod catalog;
pub mod check;
pub mod content;
pub mod coverage;
pub mod data;
pub mod error;
pub mod examples;
pub mod highlight;
pub mod layout;
pub mod load;
pub mod lock;
pub mod markdown;
pub mod output;
pub mod pages;
pub mod prose;
pub mod render;
pub mod serve;
pub mod site;
pub mod source;
pub mod strings;
pub mod urls;
pub mod validate;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use error::{Error, Problem, Result};

/// Where to read the content and write the site.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub content: PathBuf,
    pub out: PathBuf,
    /// Overrides `base_url` of `site.toml`.
    pub base_url: Option<String>,
}

/// What a build did.
#[derive(Debug)]
pub struct BuildReport {
    pub written: site::Written,
    pub changes: output::Changes,
    pub elapsed: Duration,
}

/// The project's directories beside `content/`: its parent is the root, and
/// `templates/` and `static/` sit next to it.
pub fn project_dirs(content: &Path) -> (PathBuf, Vec<PathBuf>) {
    let root = std::path::absolute(content)
        .ok()
        .and_then(|c| c.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from("."));
    let sources = vec![
        content.to_path_buf(),
        root.join("templates"),
        root.join("static"),
    ];
    (root, sources)
}

/// Builds the site: load, validate, render, write; the previous output stays
/// as it was unless every step succeeded.
pub fn build(options: &BuildOptions) -> Result<BuildReport> {
    let started = Instant::now();
    let (site, problems) = load::load(&options.content);
    let catalog = validate::validate(&site, problems, options.base_url.as_deref())?;
    let published = lock::published(&catalog);
    let dropped = lock::verify(&catalog, &published);
    if !dropped.is_empty() {
        return Err(Error::Content(dropped));
    }
    let (root, sources) = project_dirs(&options.content);
    let output = output::Output::begin(&options.out, &root, &sources)?;
    match site::write(&catalog, &output, &root.join("static")) {
        Ok(written) => {
            let changes = output.commit()?;
            lock::update(&options.content, &catalog, &published)?;
            Ok(BuildReport {
                written,
                changes,
                elapsed: started.elapsed(),
            })
        }
        Err(err) => {
            output.abandon();
            Err(err)
        }
    }
}

/// What `check` found, when the content itself is valid.
#[derive(Debug)]
pub struct CheckReport {
    pub pages: usize,
    pub files: usize,
    /// Translation coverage of every language but the default.
    pub coverage: Vec<coverage::Coverage>,
}

/// Builds into a temporary directory and checks the result; writes nothing
/// the user can see.
pub fn check(content: &Path, base_url: Option<&str>) -> Result<CheckReport> {
    let (site, problems) = load::load(content);
    let catalog = validate::validate(&site, problems, base_url)?;
    let dropped = lock::verify(&catalog, &lock::published(&catalog));
    if !dropped.is_empty() {
        return Err(Error::Check(dropped));
    }
    let temp = tempfile::tempdir().map_err(error::io_error(&std::env::temp_dir()))?;
    let (root, sources) = project_dirs(content);
    let output = output::Output::begin(&temp.path().join("site"), &root, &sources)?;
    let written = site::write(&catalog, &output, &root.join("static"));
    let problems = check::check_site(output.staging_dir(), &catalog.urls);
    let files = walkdir::WalkDir::new(output.staging_dir())
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .count();
    output.abandon();
    let written = written?;
    if !problems.is_empty() {
        return Err(Error::Check(problems));
    }
    Ok(CheckReport {
        pages: written.pages,
        files,
        coverage: coverage::coverage(&catalog),
    })
}
