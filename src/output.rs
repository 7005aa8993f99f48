//! Stage 4, write: pages go into a staging directory beside the output, which
//! replaces the output only when the whole build succeeded. The output holds a
//! manifest of what the generator wrote; a directory without one is never
//! touched, and the manifest of the previous build gives the change summary.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result, io_error};

/// The file that marks a directory as written by the generator, listing each
/// file with its hash.
pub const MANIFEST: &str = ".closecodes-manifest";

/// A build in progress: files written to a staging directory.
pub struct Output {
    target: PathBuf,
    staging: PathBuf,
    written: Mutex<BTreeMap<String, String>>,
}

/// What a build changed compared with the previous output.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
    pub files: usize,
    pub bytes: u64,
}

impl Output {
    /// Prepares to replace `target`, refusing directories the generator did
    /// not create and the project's own directories: `sources` (content,
    /// templates, static), nothing inside them, and `root` itself.
    pub fn begin(target: &Path, root: &Path, sources: &[PathBuf]) -> Result<Output> {
        let refuse = |message: String| Error::Output {
            path: target.to_path_buf(),
            message,
        };
        let absolute = resolve(target);
        let root = resolve(root);
        let inside_source = sources
            .iter()
            .map(|d| resolve(d))
            .find(|dir| absolute.starts_with(dir));
        let replaces = std::iter::once(root.clone())
            .chain(sources.iter().map(|d| resolve(d)))
            .find(|dir| dir.starts_with(&absolute));
        if let Some(dir) = inside_source.or(replaces) {
            return Err(refuse(format!(
                "refusing to write the site here: it would replace or mix with {}; \
                 choose another --out, such as public",
                dir.display()
            )));
        }
        if target.exists() {
            if !target.is_dir() {
                return Err(refuse("the output exists and is not a directory".into()));
            }
            let empty = fs::read_dir(target)
                .map_err(io_error(target))?
                .next()
                .is_none();
            if !empty && !target.join(MANIFEST).is_file() {
                return Err(refuse(format!(
                    "refusing to replace a directory the generator did not create (it has no {MANIFEST}); \
                     choose another --out, or empty it first"
                )));
            }
        }
        let parent = absolute.parent().unwrap_or(Path::new("/")).to_path_buf();
        fs::create_dir_all(&parent).map_err(io_error(&parent))?;
        let name = absolute
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let staging = parent.join(format!(".{name}.building-{}", std::process::id()));
        if staging.exists() {
            fs::remove_dir_all(&staging).map_err(io_error(&staging))?;
        }
        fs::create_dir_all(&staging).map_err(io_error(&staging))?;
        Ok(Output {
            target: absolute,
            staging,
            written: Mutex::new(BTreeMap::new()),
        })
    }

    /// Writes one file, `rel` being its path inside the output.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let path = self.staging.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io_error(dir))?;
        }
        let file = fs::File::create(&path).map_err(io_error(&path))?;
        let mut writer = std::io::BufWriter::new(file);
        writer.write_all(bytes).map_err(io_error(&path))?;
        writer.flush().map_err(io_error(&path))?;
        let hash = blake3::hash(bytes).to_hex()[..16].to_string();
        self.written
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(rel.to_string(), hash);
        Ok(())
    }

    /// The directory being written, for checks that read the built site.
    pub fn staging_dir(&self) -> &Path {
        &self.staging
    }

    /// Swaps the staging directory in place of the output.
    pub fn commit(self) -> Result<Changes> {
        let written = self
            .written
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone();
        let manifest: String = written
            .iter()
            .map(|(path, hash)| format!("{hash}  {path}\n"))
            .collect();
        let manifest_path = self.staging.join(MANIFEST);
        fs::write(&manifest_path, manifest).map_err(io_error(&manifest_path))?;
        let previous = read_manifest(&self.target.join(MANIFEST));
        let mut changes = Changes {
            files: written.len(),
            bytes: dir_size(&self.staging),
            ..Changes::default()
        };
        for (path, hash) in &written {
            match previous.get(path) {
                None => changes.added += 1,
                Some(old) if old != hash => changes.changed += 1,
                Some(_) => {}
            }
        }
        changes.removed = previous
            .keys()
            .filter(|p| !written.contains_key(*p))
            .count();

        let old = self.staging.with_extension("old");
        if self.target.exists() {
            fs::rename(&self.target, &old).map_err(io_error(&self.target))?;
        }
        if let Err(err) = fs::rename(&self.staging, &self.target) {
            // Put the previous output back before reporting.
            let _ = fs::rename(&old, &self.target);
            return Err(io_error(&self.target)(err));
        }
        if old.exists() {
            fs::remove_dir_all(&old).map_err(io_error(&old))?;
        }
        Ok(changes)
    }

    /// Removes the staging directory, leaving the output as it was.
    pub fn abandon(self) {
        let _ = fs::remove_dir_all(&self.staging);
    }
}

fn read_manifest(path: &Path) -> BTreeMap<String, String> {
    fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| line.split_once("  "))
        .map(|(hash, path)| (path.to_string(), hash.to_string()))
        .collect()
}

fn dir_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// An absolute path with links and `..` resolved as far as the path exists.
fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    if let Ok(real) = fs::canonicalize(&absolute) {
        return real;
    }
    match (absolute.parent(), absolute.file_name()) {
        (Some(parent), Some(name)) => resolve(parent).join(name),
        _ => absolute,
    }
}
