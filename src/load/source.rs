//! A content file as text, able to turn byte offsets from the TOML parser into
//! `line:col` positions for error messages.

use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::Problem;

/// Each file's hash by its path under its directory: what a build was made
/// from.
pub type Files = std::collections::BTreeMap<String, blake3::Hash>;

/// The text of one content file and where it came from.
#[derive(Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
}

impl SourceFile {
    pub fn new(path: &Path, text: String) -> Self {
        SourceFile {
            path: path.to_path_buf(),
            text,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        line_col(&self.text, offset)
    }

    /// A problem at the start of a span of this file.
    pub fn problem(&self, span: Range<usize>, message: impl Into<String>) -> Problem {
        let (line, col) = self.line_col(span.start);
        Problem {
            path: self.path.clone(),
            line,
            col,
            message: message.into(),
            hint: None,
        }
    }
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The walk of `content/`. Files sit at most one directory down
/// (`codes/1000.toml`): the walk goes no deeper, so a link to `/` is one
/// unexpected directory, not a walk of the whole disk.
pub fn walk(dir: &Path) -> WalkDir {
    WalkDir::new(dir).follow_links(true).max_depth(2)
}

/// A file's bytes, at most [`MAX_FILE`] and one more: a longer result means
/// the file is too large.
pub fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_FILE + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The largest content file read: the real ones are tens of kilobytes, and
/// a build holds a few copies of each text, so this bounds its memory.
pub const MAX_FILE: u64 = 64 << 20;

/// A content file as text: at most [`MAX_FILE`] bytes of UTF-8.
pub fn read(path: &Path) -> Result<SourceFile, Problem> {
    let bytes = read_capped(path)
        .map_err(|err| Problem::at_file(path, format!("cannot read the file: {err}")))?;
    if bytes.len() as u64 > MAX_FILE {
        return Err(Problem::at_file(
            path,
            format!("the file is larger than {} MB", MAX_FILE >> 20),
        )
        .with_hint(
            "content files are small TOML files: split the text, or check where a link points",
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(path, text)),
        Err(err) => {
            let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
            let file = SourceFile::new(path, String::from_utf8_lossy(valid).into_owned());
            Err(file
                .problem(valid.len()..valid.len(), "the file is not valid UTF-8")
                .with_hint("save it as UTF-8"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_one_based_lines_and_character_columns() {
        let file = SourceFile::new(Path::new("a.toml"), "x = 1\n설명 = 2\n".into());
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(6), (2, 1));
        // "설명" is two characters of three bytes each.
        assert_eq!(file.line_col(6 + 6 + 1), (2, 4));
    }
}
