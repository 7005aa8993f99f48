//! Is the output up to date? A build records what it was made from, as one
//! hash of every content and static file, the generator itself and the base
//! URL, beside what it wrote. The next build whose inputs hash the same, and
//! whose output nobody touched since, has nothing to do.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use super::Changes;
use super::manifest::{MANIFEST, file_beside, short_hash, trusted_manifest};
use super::place::{beside, lock, resolve_parent};
use crate::error::{Result, io_error};
use crate::load::source::{Files, MAX_FILE, read_capped, walk};
use crate::project::Project;

/// Beside the manifest: what the directory was built from, and what it
/// holds; see [`up_to_date`].
pub(crate) const RECORD: &str = "inputs";

/// What a build records about itself in its output: the hash of its inputs
/// ([`fingerprint`]) and what it wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub inputs: String,
    pub pages: usize,
    pub redirects: usize,
}

/// The content files as found on disk, walked as [`crate::load`] walks them;
/// `None` when one cannot be read whole (then the build decides).
pub(crate) fn content_on_disk(dir: &Path) -> Option<Files> {
    let mut files = tree(dir, walk(dir))?;
    let history = crate::load::history::History::read(dir);
    files.insert(crate::load::history::INPUT.to_string(), history.hash());
    Some(files)
}

/// The site's `static/` files, walked as the build copies them.
pub(crate) fn static_on_disk(dir: &Path) -> Option<Files> {
    if !dir.is_dir() {
        return Some(Files::new());
    }
    tree(dir, walkdir::WalkDir::new(dir))
}

fn tree(dir: &Path, walk: walkdir::WalkDir) -> Option<Files> {
    let mut files = Files::new();
    for entry in walk {
        let entry = entry.ok()?;
        if !entry.file_type().is_file() {
            continue;
        }
        let bytes = read_capped(entry.path()).ok()?;
        if bytes.len() as u64 > MAX_FILE {
            return None;
        }
        let rel = entry.path().strip_prefix(dir).ok()?.to_str()?;
        files.insert(rel.replace('\\', "/"), blake3::hash(&bytes));
    }
    Some(files)
}

/// The hash of a build's inputs; `None` when the generator's own binary
/// cannot be found: a build by another generator must never pass for this
/// one's.
pub(crate) fn fingerprint(project: &Project, content: &Files, statics: &Files) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let mut hasher = blake3::Hasher::new();
    // The generator: its binary, by file and times. The change time is the
    // kernel's own (no copy or packaging tool sets it), so two different
    // binaries never pass for one even when they share a size and a
    // modification time, as packaged ones often do.
    let binary = std::env::current_exe().and_then(std::fs::metadata).ok()?;
    for number in [
        binary.dev(),
        binary.ino(),
        binary.size(),
        binary.mtime() as u64,
        binary.mtime_nsec() as u64,
        binary.ctime() as u64,
        binary.ctime_nsec() as u64,
    ] {
        hasher.update(&number.to_le_bytes());
    }
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(format!("base {:?}\n", project.base_url).as_bytes());
    for (kind, files) in [("content", content), ("static", statics)] {
        for (rel, hash) in files {
            hasher.update(format!("{kind} {rel} {hash}\n").as_bytes());
        }
    }
    Some(hasher.finalize().to_hex().to_string())
}

/// The project's output, when it is up to date: built from the inputs on
/// disk now, and untouched since.
pub(crate) fn unchanged(project: &Project) -> Result<Option<(Record, Changes)>> {
    up_to_date(&project.out, || {
        let content = content_on_disk(&project.content)?;
        let statics = static_on_disk(&project.static_dir)?;
        fingerprint(project, &content, &statics)
    })
}

/// What a build that wrote `pages` and `redirects` from `content` (as loaded) and
/// `statics` (as hashed before the build copied them) records.
pub(crate) fn record(
    project: &Project,
    content: &Files,
    statics: Option<Files>,
    pages: usize,
    redirects: usize,
) -> Option<Record> {
    let inputs = fingerprint(project, content, &statics?)?;
    Some(Record {
        inputs,
        pages,
        redirects,
    })
}

/// When the output `target` was built from `inputs` (their hash, made on
/// demand) and none of its files
/// changed since (each still there, none newer than its manifest): what
/// that build recorded, and its size. Decided holding the build lock, so
/// never while another build is writing; `None` sends the caller on to
/// build.
fn up_to_date(
    target: &Path,
    inputs: impl FnOnce() -> Option<String>,
) -> Result<Option<(Record, Changes)>> {
    let absolute = resolve_parent(target);
    let (Some(parent), Some(name)) = (absolute.parent(), absolute.file_name()) else {
        return Ok(None);
    };
    let (lock_path, slots) = beside(parent, &name.to_string_lossy());
    let points_at = match fs::read_link(&absolute) {
        Ok(points_at) if lock_path.is_file() => points_at,
        _ => return Ok(None),
    };
    let Some(dir) = slots
        .iter()
        .find(|slot| slot.file_name() == Some(points_at.as_os_str()))
    else {
        return Ok(None);
    };
    let _lock = lock(&lock_path, &absolute, "checking whether it is up to date")?;
    // The link may have moved while this build waited for the lock.
    if fs::read_link(&absolute).ok().as_deref() != Some(points_at.as_path()) {
        return Ok(None);
    }
    // Hashed only now: a fresh build has no record to compare with.
    let Some(inputs) = inputs() else {
        return Ok(None);
    };
    Ok(read_record(dir, &inputs).filter(|_| untouched(dir)))
}

/// Records in `dir` what its build was made from (`record`) beside the
/// manifest it wrote, whose hash ties the record to that build's files: a
/// generator that knows no record may write there later and leave this one
/// behind.
pub(crate) fn write_record(
    dir: &Path,
    record: &Record,
    manifest: &str,
    files: usize,
    bytes: u64,
) -> Result<()> {
    let text = format!(
        "inputs {}\nmanifest {}\npages {}\nredirects {}\nfiles {files}\nbytes {bytes}\n",
        record.inputs,
        short_hash(manifest.as_bytes()),
        record.pages,
        record.redirects,
    );
    let path = file_beside(dir, RECORD);
    fs::write(&path, text).map_err(io_error(&path))
}

/// The record in `dir`, when it was made from `inputs`.
fn read_record(dir: &Path, inputs: &str) -> Option<(Record, Changes)> {
    let text = fs::read_to_string(file_beside(dir, RECORD)).ok()?;
    let fields: BTreeMap<&str, &str> = text.lines().filter_map(|l| l.split_once(' ')).collect();
    let manifest = fs::read(file_beside(dir, MANIFEST)).ok()?;
    if fields.get("inputs") != Some(&inputs)
        || fields.get("manifest") != Some(&short_hash(&manifest).as_str())
    {
        return None;
    }
    let number = |key: &str| fields.get(key)?.parse::<u64>().ok();
    let record = Record {
        inputs: inputs.to_string(),
        pages: number("pages")? as usize,
        redirects: number("redirects")? as usize,
    };
    let changes = Changes {
        files: number("files")? as usize,
        bytes: number("bytes")?,
        ..Changes::default()
    };
    Some((record, changes))
}

/// Whether every file of `dir`'s manifest is still as the build left it.
fn untouched(dir: &Path) -> bool {
    trusted_manifest(dir).is_some_and(|files| !files.is_empty())
}
