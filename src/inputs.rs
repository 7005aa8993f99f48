//! What a build is made from, as one hash: every content and static file,
//! the generator itself and the base URL. A build records it beside its
//! output; the next one whose inputs hash the same, and whose output nobody
//! touched since, has nothing to do.

use std::collections::BTreeMap;
use std::path::Path;

use crate::project::Project;

/// Each file's hash by its path under its directory.
pub type Files = BTreeMap<String, blake3::Hash>;

/// The content files as found on disk, walked as [`crate::load`] walks them;
/// `None` when one cannot be read whole (then the build decides).
pub fn content_on_disk(dir: &Path) -> Option<Files> {
    tree(dir, crate::load::walk(dir))
}

/// The site's `static/` files, walked as the build copies them.
pub fn static_on_disk(dir: &Path) -> Option<Files> {
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
        let bytes = crate::load::read_capped(entry.path()).ok()?;
        if bytes.len() as u64 > crate::load::MAX_FILE {
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
pub fn fingerprint(project: &Project, content: &Files, statics: &Files) -> Option<String> {
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
