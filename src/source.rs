//! A content file as text, able to turn byte offsets from the TOML parser into
//! `line:col` positions for error messages.

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::error::Problem;

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
