//! When each content file last changed, from the repository's history: the
//! date a page shows as last updated. Read with the `git` program (one
//! `git log` for the whole directory); content outside a repository, or on
//! a machine without git, simply has no dates.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

/// The name under which the history joins the build's inputs: a new commit
/// that changes no file still changes the dates pages show.
pub const INPUT: &str = "(history)";

/// The date (`YYYY-MM-DD`) of the last commit of each file, by its path
/// under `content/`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct History(BTreeMap<String, String>);

impl History {
    /// The history of the files under `dir`; empty when git cannot tell.
    pub fn read(dir: &Path) -> History {
        let output = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args([
                "log",
                "--format=%x00%cs",
                "--name-only",
                "--relative",
                "--",
                ".",
            ])
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output();
        match output {
            Ok(out) if out.status.success() => {
                History::parse(&String::from_utf8_lossy(&out.stdout))
            }
            _ => History::default(),
        }
    }

    /// `git log` prints the newest commit first: a file's first date is its
    /// last change.
    fn parse(log: &str) -> History {
        let mut dates = BTreeMap::new();
        let mut date = "";
        for line in log.lines() {
            if let Some(d) = line.strip_prefix('\0') {
                date = d.trim();
            } else if !line.trim().is_empty() && !date.is_empty() {
                dates
                    .entry(line.trim().to_string())
                    .or_insert_with(|| date.to_string());
            }
        }
        History(dates)
    }

    /// The last change of the file at `rel` under `content/`.
    pub fn date(&self, rel: &str) -> Option<&str> {
        self.0.get(rel).map(String::as_str)
    }

    /// A hash of every date, for the build's inputs.
    pub fn hash(&self) -> blake3::Hash {
        let mut hasher = blake3::Hasher::new();
        for (file, date) in &self.0 {
            hasher.update(format!("{file} {date}\n").as_bytes());
        }
        hasher.finalize()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_takes_the_date_of_its_newest_commit() {
        let log =
            "\0 2026-12-01\ncodes/1006.toml\n\n\0 2026-11-02\ncodes/1006.toml\ncodes/1000.toml\n";
        let history = History::parse(log);
        assert_eq!(history.date("codes/1006.toml"), Some("2026-12-01"));
        assert_eq!(history.date("codes/1000.toml"), Some("2026-11-02"));
        assert_eq!(history.date("codes/1001.toml"), None);
    }
}
