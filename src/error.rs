//! The one error type of the generator. Content problems carry the file and the
//! line and column of the offending key or value, and are reported all at once.

use std::fmt;
use std::path::{Path, PathBuf};

/// Everything that can stop a build or a check.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The content is wrong; each problem says where.
    #[error("{}", display_problems(.0))]
    Content(Vec<Problem>),
    /// Reading or writing a file failed.
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The output directory is not one the generator may write into.
    #[error("{}: {message}", .path.display())]
    Output { path: PathBuf, message: String },
    /// The built site breaks a promise of the site: a dead link, an invalid
    /// page, an hreflang that does not point back.
    #[error("{}", display_problems(.0))]
    Check(Vec<Problem>),
    /// A template failed to render a page: a bug in the generator, not in
    /// the content.
    #[error("templates: rendering {page} failed: {source}")]
    Template { page: String, source: askama::Error },
    /// A social image could not be drawn: a bug in the generator, not in
    /// the content.
    #[error("rendering {file} failed: {message}")]
    Image { file: String, message: String },
    /// The command line asks for something impossible, such as a base URL
    /// that is not absolute.
    #[error("{0}")]
    Usage(String),
    /// `serve` cannot listen where it was asked to.
    #[error("cannot listen on {addr}: {source}")]
    Serve {
        addr: String,
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

impl Error {
    /// The process exit status the spec gives this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Output { .. } | Error::Usage(_) | Error::Serve { .. } => 2,
            _ => 1,
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// One thing wrong with one place in the content or the built site.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    /// A problem about a whole file, reported at its first character.
    pub fn at_file(path: &Path, message: impl Into<String>) -> Self {
        Problem {
            path: path.to_path_buf(),
            line: 1,
            col: 1,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.col,
            self.message
        )?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

fn display_problems(problems: &[Problem]) -> String {
    let lines: Vec<String> = problems.iter().map(Problem::to_string).collect();
    lines.join("\n")
}

/// Adds the path to an I/O error.
pub(crate) fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}
