//! The manifest of an output directory: each file the build wrote, with
//! the hash of its bytes. It marks the directory as the generator's, tells
//! the next build what is already there, and gives the change summary.
//!
//! It and the other bookkeeping files sit beside the directory they are
//! about (`.public.a.manifest` beside `.public.a`), never inside it: the
//! directory is what gets published, and holds the site and nothing else.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Result, io_error};

/// The file that marks a directory as written by the generator, listing each
/// file with its hash.
pub(crate) const MANIFEST: &str = "manifest";

/// Beside the manifest: the key of each file made by
/// [`super::Output::write_derived`], the hash of what it was made from.
pub(crate) const KEYS: &str = "keys";

/// The manifest an earlier generator kept inside an output it wrote as a
/// plain directory: it still marks the directory as the generator's.
pub(crate) const OLD_MANIFEST: &str = ".closecodes-manifest";

/// A bookkeeping file about `dir`, beside it: `.public.a.manifest`.
pub(crate) fn file_beside(dir: &Path, what: &str) -> PathBuf {
    let mut name = dir.file_name().unwrap_or_default().to_os_string();
    name.push(".");
    name.push(what);
    dir.with_file_name(name)
}

/// The hash a manifest lists for a file's bytes.
pub(crate) fn short_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..16].to_string()
}

/// `dir`'s manifest, when every file it lists is still there and none was
/// written after it. A file someone edited since cannot be trusted to hold
/// the bytes its hash says: then nothing in `dir` is. File times are
/// coarse (a few milliseconds), so a file stamped the same moment as the
/// manifest may have been edited just after the build: its bytes are hashed.
pub(crate) fn trusted_manifest(dir: &Path) -> Option<BTreeMap<String, String>> {
    let manifest = file_beside(dir, MANIFEST);
    let written = fs::metadata(&manifest).and_then(|m| m.modified()).ok()?;
    let files = read_manifest(&manifest);
    files
        .iter()
        .all(|(rel, hash)| {
            let path = dir.join(rel);
            let Ok(modified) = fs::symlink_metadata(&path).and_then(|m| {
                if m.is_file() {
                    m.modified()
                } else {
                    Err(std::io::ErrorKind::InvalidData.into())
                }
            }) else {
                return false;
            };
            modified < written
                || (modified == written
                    && fs::read(&path).is_ok_and(|bytes| short_hash(&bytes) == *hash))
        })
        .then_some(files)
}

/// Deletes the files of `dir` that the new build did not write, and the
/// directories left empty.
pub(crate) fn remove_stale(
    dir: &Path,
    known: Option<&BTreeMap<String, String>>,
    written: &BTreeMap<String, String>,
) -> Result<()> {
    let present: Vec<String> = match known {
        Some(files) => files.keys().cloned().collect(),
        None => walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| !e.file_type().is_dir())
            .filter_map(|e| {
                Some(
                    e.path()
                        .strip_prefix(dir)
                        .ok()?
                        .to_string_lossy()
                        .into_owned(),
                )
            })
            .collect(),
    };
    for rel in present.iter().filter(|rel| !written.contains_key(*rel)) {
        let path = dir.join(rel);
        match fs::remove_file(&path) {
            Ok(()) => {}
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => return Err(io_error(&path)(err)),
        }
        let mut parent = path.parent();
        while let Some(p) = parent.filter(|p| *p != dir) {
            if fs::remove_dir(p).is_err() {
                break;
            }
            parent = p.parent();
        }
    }
    Ok(())
}

pub(crate) fn read_manifest(path: &Path) -> BTreeMap<String, String> {
    fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| line.split_once("  "))
        .map(|(hash, path)| (path.to_string(), hash.to_string()))
        .collect()
}
