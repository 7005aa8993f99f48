//! closecodes: the generator of a reference site about WebSocket close codes.
//!
//! The pipeline, one folder per stage: `load/` reads `content/` into the
//! typed values of [`content`]; `validate/` checks the whole and yields a
//! [`Catalog`] (`model/`: the site as later stages see it, with its plan of
//! pages); `render/` turns each page into HTML and the files for machines;
//! `write/` puts them into an output that replaces the previous site only
//! when everything succeeded. [`build`] runs them in order, [`mod@check`]
//! reads a built site as its readers will, and [`serve`] holds what the
//! preview server shares with the tests. ARCHITECTURE.md is the map.

// Items are as public as their module: a `pub` inside a private module
// would say what is not true.
#![warn(unreachable_pub)]

// The ground: what every stage may use.
#[doc(hidden)]
pub mod content;
mod error;
mod project;

// Stage 1, load: files into typed values with positions.
#[doc(hidden)]
pub mod load;

// The site as the later stages see it, and the text they share.
#[doc(hidden)]
pub mod model;
#[doc(hidden)]
pub mod text;

// Stage 2, validate: the whole checked at once, and indexed.
mod validate;

// Stage 3, render: pages, prose, code, images and the files for machines.
mod render;

// Stage 4, write: the output, its freshness and the URL lock.
mod write;

// Beside the pipeline: `check`'s reading of a built site, and what `serve`
// shares with the tests.
#[doc(hidden)]
pub mod check;
#[doc(hidden)]
pub mod serve;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

pub use check::coverage::Coverage;
pub use error::{Error, Problem, Result};
pub use model::catalog::Catalog;
pub use project::{BuildOptions, LOCK_FILE, LOCK_PART, Project};
pub use write::Written;
pub use write::output::Changes;
use write::output::{Output, fresh};

/// What a build did.
#[derive(Debug)]
pub struct BuildReport {
    pub written: Written,
    pub changes: Changes,
    pub elapsed: Duration,
    /// The output was already built from these very inputs and nobody
    /// touched it since: nothing was rendered or written.
    pub up_to_date: bool,
}

/// Validates the project's content and makes sure no published URL would be
/// dropped: everything a build or a check needs before writing. Returns the
/// catalog and every URL it publishes, for the lock.
fn prepare<'a>(
    project: &Project,
    content: &'a load::Content,
    problems: Vec<Problem>,
) -> Result<(Catalog<'a>, BTreeSet<String>)> {
    let catalog = validate::validate(content, problems, project.base_url.as_ref())?;
    let published = write::url_lock::published(&catalog);
    let dropped = write::url_lock::verify(&catalog, &published);
    if !dropped.is_empty() {
        return Err(Error::Content(dropped));
    }
    Ok((catalog, published))
}

/// Builds the site: load, validate, render, write; the previous output stays
/// as it was unless every step succeeded. When the output was built from the
/// same inputs and is as that build left it, nothing is done.
pub fn build(options: &BuildOptions) -> Result<BuildReport> {
    let started = Instant::now();
    let project = Project::new(options)?;
    if let Some((record, changes)) = fresh::unchanged(&project)? {
        let written = Written {
            pages: record.pages,
            redirects: record.redirects,
        };
        return Ok(BuildReport {
            written,
            changes,
            elapsed: started.elapsed(),
            up_to_date: true,
        });
    }
    // Hashed before the build copies them: should one change meanwhile, the
    // record is older than the output, and the next build builds again.
    let statics = fresh::static_on_disk(&project.static_dir);
    let (content, problems) = load::load(&project.content);
    let (catalog, published) = prepare(&project, &content, problems)?;
    let output = Output::begin(&project.out, &project.root, &project.sources())?;
    let written = match write::write(&catalog, &output, &project.static_dir) {
        Ok(written) => written,
        Err(err) => {
            output.abandon();
            return Err(err);
        }
    };
    // What this build was made from: the content as it was read (the URL
    // lock too, before this build adds to it: the next build reads the new
    // lock and builds again, once) and the static files as they were.
    let record = fresh::record(
        &project,
        &content.inputs,
        statics,
        written.pages,
        written.redirects,
    );
    let changes = output.commit(record.as_ref())?;
    write::url_lock::update(&project.lock_file, &catalog, &published)?;
    Ok(BuildReport {
        written,
        changes,
        elapsed: started.elapsed(),
        up_to_date: false,
    })
}

/// What `check` found, when the content itself is valid.
#[derive(Debug)]
pub struct CheckReport {
    pub pages: usize,
    pub files: usize,
    /// Translation coverage of every language but the default.
    pub coverage: Vec<Coverage>,
}

/// Builds into a temporary directory and checks the result; writes nothing
/// the user can see.
pub fn check(content_dir: &std::path::Path, base_url: Option<&str>) -> Result<CheckReport> {
    let temp = tempfile::tempdir().map_err(error::io_error(&std::env::temp_dir()))?;
    let project = Project::new(&BuildOptions {
        content: content_dir.to_path_buf(),
        out: temp.path().join("site"),
        base_url: base_url.map(str::to_string),
    })?;
    let (content, problems) = load::load(&project.content);
    let (catalog, _) = prepare(&project, &content, problems)?;
    let output = Output::begin(&project.out, &project.root, &project.sources())?;
    let written = write::write(&catalog, &output, &project.static_dir);
    let problems = check::check_site(output.staging_dir(), catalog.urls());
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
        coverage: check::coverage::coverage(&catalog),
    })
}
