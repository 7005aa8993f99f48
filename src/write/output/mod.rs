//! Stage 4, write. The output (`public`) is a symbolic link to one of two
//! directories beside it, `.public.a` and `.public.b`. A build updates the
//! other one, writing only the files whose bytes changed since that directory
//! was last built, then points the link at it in one atomic rename. A failed
//! or interrupted build never touches what the link points at.
//!
//! Beside each directory, a manifest of its files and their hashes
//! (`.public.a.manifest`) marks the directory as the generator's, tells the
//! next build what is already there, and gives the change summary; the
//! directory itself holds only the site. A directory the generator did not
//! create is never written into.
//!
//! One build at a time: a build holds the lock `.public.lock` beside the
//! link from start to end, and a second build into the same output waits
//! for it. The kernel releases the lock when its holder ends, however it
//! ends, so a killed build never blocks the next one.

pub(crate) mod fresh;
mod manifest;
mod place;

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Result, io_error};
use fresh::Record;
use manifest::{KEYS, MANIFEST, file_beside, read_manifest, remove_stale};
use manifest::{short_hash, trusted_manifest};

/// The ending of a file being written, renamed to its own name once whole.
const PART: &str = ".closecodes-part";

/// A build in progress.
pub(crate) struct Output {
    /// The link readers use, such as `public`.
    target: PathBuf,
    /// The directory being brought up to date (the one the link does not
    /// point at).
    staging: PathBuf,
    /// What `staging` holds, when its manifest could be trusted: files with
    /// the same hash are left as they are.
    in_staging: Option<BTreeMap<String, String>>,
    /// What readers see now, for the change summary.
    current: BTreeMap<String, String>,
    /// The directory readers see now, when there is one.
    active: Option<PathBuf>,
    /// The keys of derived files in `staging` and in `active`.
    keys_in_staging: BTreeMap<String, String>,
    keys_current: BTreeMap<String, String>,
    written: Mutex<BTreeMap<String, String>>,
    keys: Mutex<BTreeMap<String, String>>,
    /// The size of the site, summed as files are written.
    bytes: AtomicU64,
    /// Held until the build ends: see the module's documentation.
    _lock: fs::File,
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
    /// Prepares to update `target`; see [`place::claim`] for what it refuses.
    pub(crate) fn begin(target: &Path, root: &Path, sources: &[PathBuf]) -> Result<Output> {
        let place::Place {
            target,
            active,
            staging,
            lock,
        } = place::claim(target, root, sources)?;
        let current = active
            .as_ref()
            .map(|a| read_manifest(&file_beside(a, MANIFEST)))
            .unwrap_or_default();
        let keys_current = active
            .as_ref()
            .map(|a| read_manifest(&file_beside(a, KEYS)))
            .unwrap_or_default();
        // A directory made now is known to be empty; one without a manifest
        // (a build stopped halfway) holds files nobody knows: every file is
        // written again, and the rest are removed at the end.
        let manifest = file_beside(&staging, MANIFEST);
        let in_staging = match fs::create_dir(&staging) {
            Ok(()) => Some(BTreeMap::new()),
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
                trusted_manifest(&staging)
            }
            Err(err) => return Err(io_error(&staging)(err)),
        };
        let keys_in_staging = match in_staging {
            Some(_) => read_manifest(&file_beside(&staging, KEYS)),
            None => BTreeMap::new(),
        };
        // From here until commit the directory does not match any manifest,
        // nor the inputs it was once built from.
        for stale in [manifest, file_beside(&staging, fresh::RECORD)] {
            if stale.exists() {
                fs::remove_file(&stale).map_err(io_error(&stale))?;
            }
        }
        Ok(Output {
            target,
            staging,
            in_staging,
            current,
            active,
            keys_in_staging,
            keys_current,
            written: Mutex::new(BTreeMap::new()),
            keys: Mutex::new(BTreeMap::new()),
            bytes: AtomicU64::new(0),
            _lock: lock,
        })
    }

    /// Writes one file, `rel` being its path inside the output. A file that
    /// the directory already holds with the same bytes is left alone.
    pub(crate) fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let hash = short_hash(bytes);
        self.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        let already_there = self
            .in_staging
            .as_ref()
            .is_some_and(|files| files.get(rel) == Some(&hash));
        if !already_there {
            put(&self.staging.join(rel), bytes)?;
        }
        self.record(&self.written, rel, &hash);
        Ok(())
    }

    /// Writes a file that is slow to make, such as an image, keyed by the
    /// hash of what it is made from: when a previous build made `rel` from
    /// the same `key`, its bytes are reused and `make` is not called.
    pub(crate) fn write_derived(
        &self,
        rel: &str,
        key: &str,
        make: impl FnOnce() -> Result<Vec<u8>>,
    ) -> Result<()> {
        let same_key = |keys: &BTreeMap<String, String>| keys.get(rel).is_some_and(|k| k == key);
        let staged = self.in_staging.as_ref().and_then(|files| files.get(rel));
        let path = self.staging.join(rel);
        match (staged, &self.active) {
            (Some(hash), _) if same_key(&self.keys_in_staging) && path.is_file() => {
                let size = fs::metadata(&path).map_err(io_error(&path))?.len();
                self.bytes.fetch_add(size, Ordering::Relaxed);
                self.record(&self.written, rel, hash);
            }
            (_, Some(active)) if same_key(&self.keys_current) && active.join(rel).is_file() => {
                // Taken from what readers see only if it is still what the
                // last build wrote there: a file edited by hand is made anew.
                let from = active.join(rel);
                let bytes = fs::read(&from).map_err(io_error(&from))?;
                if self.current.get(rel) == Some(&short_hash(&bytes)) {
                    self.write(rel, &bytes)?;
                } else {
                    self.write(rel, &make()?)?;
                }
            }
            _ => self.write(rel, &make()?)?,
        }
        self.record(&self.keys, rel, key);
        Ok(())
    }

    fn record(&self, map: &Mutex<BTreeMap<String, String>>, rel: &str, value: &str) {
        map.lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(rel.to_string(), value.to_string());
    }

    /// The directory being written, for checks that read the built site.
    pub(crate) fn staging_dir(&self) -> &Path {
        &self.staging
    }

    /// Removes what the new build no longer has, records the manifest and
    /// points the output at the new build. The lock is held until `self` is
    /// dropped, so that the caller can finish what belongs to the build.
    pub(crate) fn commit(&self, record: Option<&Record>) -> Result<Changes> {
        let written = std::mem::take(
            &mut *self
                .written
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner()),
        );
        remove_stale(&self.staging, self.in_staging.as_ref(), &written)?;
        let manifest: String = written
            .iter()
            .map(|(path, hash)| format!("{hash}  {path}\n"))
            .collect();
        let keys: String = std::mem::take(
            &mut *self
                .keys
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner()),
        )
        .iter()
        .map(|(path, key)| format!("{key}  {path}\n"))
        .collect();
        let keys_path = file_beside(&self.staging, KEYS);
        fs::write(&keys_path, keys).map_err(io_error(&keys_path))?;
        let bytes = self.bytes.load(Ordering::Relaxed);
        if let Some(record) = record {
            fresh::write_record(&self.staging, record, &manifest, written.len(), bytes)?;
        }
        // Written last: no file of the directory is newer than its manifest
        // until someone edits one (see `up_to_date`).
        let manifest_path = file_beside(&self.staging, MANIFEST);
        fs::write(&manifest_path, manifest).map_err(io_error(&manifest_path))?;

        let slot_name = self.staging.file_name().unwrap_or_default();
        let link = self.staging.with_extension("link");
        let _ = fs::remove_file(&link);
        std::os::unix::fs::symlink(slot_name, &link).map_err(io_error(&link))?;
        fs::rename(&link, &self.target).map_err(io_error(&self.target))?;

        let mut changes = Changes {
            files: written.len(),
            bytes,
            ..Changes::default()
        };
        for (path, hash) in &written {
            match self.current.get(path) {
                None => changes.added += 1,
                Some(old) if old != hash => changes.changed += 1,
                Some(_) => {}
            }
        }
        changes.removed = self
            .current
            .keys()
            .filter(|p| !written.contains_key(*p))
            .count();
        Ok(changes)
    }

    /// Stops without publishing: what readers see stays as it was.
    pub(crate) fn abandon(self) {}
}

/// Writes `bytes` at `path`, making its directories. A file that exists is
/// written beside its place and renamed into it, so that a reader still in
/// this directory from before the last swap (`serve` answering a request it
/// began then) gets the old bytes or the new ones, never part of them. A new
/// file is written in place: readers reach this directory through the link,
/// which points here only once the build is committed, and a reader still
/// here from before had no such file to ask for. New files are most of a
/// fresh build, and this spares each of them a `mkdir` and a `rename`.
fn put(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::ErrorKind;
    let created = match fs::File::create_new(path) {
        Err(err) if err.kind() == ErrorKind::NotFound => {
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir).map_err(io_error(dir))?;
            }
            fs::File::create_new(path)
        }
        created => created,
    };
    match created {
        Ok(mut file) => file.write_all(bytes).map_err(io_error(path)),
        Err(err) if err.kind() == ErrorKind::AlreadyExists => {
            let mut part = path.as_os_str().to_owned();
            part.push(PART);
            let part = PathBuf::from(part);
            let mut file = fs::File::create(&part).map_err(io_error(path))?;
            file.write_all(bytes).map_err(io_error(path))?;
            drop(file);
            fs::rename(&part, path).map_err(io_error(path))
        }
        Err(err) => Err(io_error(path)(err)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn publish(out: &Path, files: &[(&str, &str)]) -> Changes {
        let output = Output::begin(out, Path::new("/nonexistent-root"), &[]).expect("begin");
        for (rel, text) in files {
            output.write(rel, text.as_bytes()).expect("write");
        }
        output.commit(None).expect("commit")
    }

    fn read(out: &Path, rel: &str) -> String {
        fs::read_to_string(out.join(rel)).unwrap_or_default()
    }

    #[test]
    fn an_interrupted_build_changes_nothing_readers_see_and_the_next_one_recovers() {
        let temp = tempfile::tempdir().expect("temp");
        let out = temp.path().join("public");
        publish(&out, &[("a.html", "one"), ("dir/b.html", "two")]);
        publish(&out, &[("a.html", "one"), ("dir/b.html", "two")]);

        // A build stops halfway: it wrote into the other directory, never committed.
        let stopped = Output::begin(&out, Path::new("/nonexistent-root"), &[]).expect("begin");
        stopped.write("a.html", b"half").expect("write");
        stopped.abandon();
        assert_eq!(read(&out, "a.html"), "one");
        assert_eq!(read(&out, "dir/b.html"), "two");

        // The next build cannot trust that directory, so it rewrites it whole.
        let changes = publish(&out, &[("a.html", "one"), ("c.html", "three")]);
        assert_eq!(read(&out, "a.html"), "one");
        assert_eq!(read(&out, "c.html"), "three");
        assert!(
            !out.join("dir").exists(),
            "files the build no longer makes are gone"
        );
        assert_eq!((changes.added, changes.removed, changes.changed), (1, 1, 0));
    }

    #[test]
    fn a_derived_file_is_made_again_only_when_its_key_changes() {
        let temp = tempfile::tempdir().expect("temp");
        let out = temp.path().join("public");
        let build = |key: &str, bytes: &[u8]| {
            let made = std::cell::Cell::new(false);
            let output = Output::begin(&out, Path::new("/nonexistent-root"), &[]).expect("begin");
            output
                .write_derived("og/1.png", key, || {
                    made.set(true);
                    Ok(bytes.to_vec())
                })
                .expect("write");
            let changes = output.commit(None).expect("commit");
            (made.get(), changes.bytes)
        };
        assert_eq!(build("k1", b"one"), (true, 3));
        // The other directory has no copy yet: it is taken from the first.
        assert_eq!(build("k1", b"ignored"), (false, 3));
        assert_eq!(read(&out, "og/1.png"), "one");
        // Both directories have it now.
        assert_eq!(build("k1", b"ignored"), (false, 3));
        assert_eq!(read(&out, "og/1.png"), "one");
        assert_eq!(build("k2", b"two!"), (true, 4));
        assert_eq!(read(&out, "og/1.png"), "two!");
        assert_eq!(build("k2", b"ignored"), (false, 4));
        assert_eq!(read(&out, "og/1.png"), "two!");
    }

    #[test]
    fn the_output_is_a_link_swapped_between_two_directories() {
        let temp = tempfile::tempdir().expect("temp");
        let out = temp.path().join("public");
        publish(&out, &[("a.html", "one")]);
        let first = fs::read_link(&out).expect("link");
        publish(&out, &[("a.html", "two")]);
        let second = fs::read_link(&out).expect("link");
        assert_ne!(first, second);
        assert_eq!(read(&out, "a.html"), "two");
        let mut names: Vec<String> = fs::read_dir(temp.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        // The bookkeeping sits beside each directory, never inside it.
        assert_eq!(
            names,
            [
                ".public.a",
                ".public.a.keys",
                ".public.a.manifest",
                ".public.b",
                ".public.b.keys",
                ".public.b.manifest",
                ".public.lock",
                "public"
            ]
        );
        for slot in [".public.a", ".public.b"] {
            let inside: Vec<String> = fs::read_dir(temp.path().join(slot))
                .expect("list")
                .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                .collect();
            assert_eq!(inside, ["a.html"], "{slot} holds the site and nothing else");
        }
    }
}
