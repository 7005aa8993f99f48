//! Where a build writes: the output is a symbolic link (`public`) to one of
//! two directories beside it, `.public.a` and `.public.b`, and a lock file
//! `.public.lock` beside them lets one build at a time write. This module
//! refuses any place the generator did not make, and holds the lock.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::manifest::OLD_MANIFEST;
use crate::error::{Error, Result, io_error};

/// How long a build waits for another one writing the same output before it
/// gives up: longer than any real build takes.
const LOCK_WAIT: Duration = Duration::from_secs(120);

/// The output's two directories, which one readers see now and which one
/// this build brings up to date, with the lock held until it is dropped.
pub(crate) struct Place {
    /// The link readers use, such as `public`, made absolute.
    pub target: PathBuf,
    /// The directory readers see now, when there is one.
    pub active: Option<PathBuf>,
    /// The directory being brought up to date (the one the link does not
    /// point at).
    pub staging: PathBuf,
    pub lock: fs::File,
}

/// Takes the output `target` for a build, refusing anything the generator did
/// not create and the project's own directories: `sources` (content,
/// templates, static), anything inside them, and `root` itself.
pub(crate) fn claim(target: &Path, root: &Path, sources: &[PathBuf]) -> Result<Place> {
    let refuse = |message: String| Error::Output {
        path: target.to_path_buf(),
        message,
    };
    let absolute = resolve_parent(target);
    let root = resolve(root);
    let sources: Vec<PathBuf> = sources.iter().map(|d| resolve(d)).collect();
    let inside_source = sources.iter().find(|dir| absolute.starts_with(dir));
    let replaces = std::iter::once(&root)
        .chain(&sources)
        .find(|dir| dir.starts_with(&absolute));
    if let Some(dir) = inside_source.or(replaces) {
        return Err(refuse(format!(
            "refusing to write the site here: it would replace or mix with {}; \
             choose another --out, such as public",
            dir.display()
        )));
    }
    let (parent, name) = match (absolute.parent(), absolute.file_name()) {
        (Some(parent), Some(name)) => (parent.to_path_buf(), name.to_string_lossy().into_owned()),
        _ => return Err(refuse("the output needs a name, such as public".into())),
    };
    fs::create_dir_all(&parent).map_err(io_error(&parent))?;
    let (lock_path, slots) = beside(&parent, &name);
    let lock = lock(&lock_path, &absolute, "writing")?;
    let active = active_slot(&absolute, &slots).map_err(refuse)?;
    let staging = match &active {
        Some(active) if *active == slots[0] => slots[1].clone(),
        _ => slots[0].clone(),
    };
    Ok(Place {
        target: absolute,
        active,
        staging,
        lock,
    })
}

/// The slot the output link points at now, if any. An empty directory in
/// the link's place is removed, and an output written as a plain directory
/// by the generator becomes the first slot; anything else is refused (`Err`
/// holds why). An I/O error is refused too, with its message.
fn active_slot(
    absolute: &Path,
    slots: &[PathBuf; 2],
) -> std::result::Result<Option<PathBuf>, String> {
    let io = |err: std::io::Error| format!("{}: {err}", absolute.display());
    let meta = match fs::symlink_metadata(absolute) {
        Err(_) => return Ok(None),
        Ok(meta) => meta,
    };
    if meta.file_type().is_symlink() {
        let points_at = fs::read_link(absolute).map_err(io)?;
        return match slots
            .iter()
            .find(|s| s.file_name() == points_at.file_name())
        {
            Some(slot) if points_at.parent().is_none_or(|p| p.as_os_str().is_empty()) => {
                Ok(Some(slot.clone()))
            }
            _ => Err(format!(
                "refusing to replace a link the generator did not create (it points at {})",
                points_at.display()
            )),
        };
    }
    if !meta.is_dir() {
        return Err("the output exists and is not a directory".into());
    }
    let empty = fs::read_dir(absolute).map_err(io)?.next().is_none();
    if empty {
        fs::remove_dir(absolute).map_err(io)?;
        Ok(None)
    } else if absolute.join(OLD_MANIFEST).is_file() {
        if slots[0].exists() {
            fs::remove_dir_all(&slots[0]).map_err(io)?;
        }
        fs::rename(absolute, &slots[0]).map_err(io)?;
        Ok(Some(slots[0].clone()))
    } else {
        Err(format!(
            "refusing to replace a directory the generator did not create (it has no {OLD_MANIFEST}); \
             choose another --out, or empty it first"
        ))
    }
}

/// What sits beside the output link `parent/name`: the build lock and the
/// two directories the link points at in turn.
pub(crate) fn beside(parent: &Path, name: &str) -> (PathBuf, [PathBuf; 2]) {
    let dot = |ending: &str| parent.join(format!(".{name}.{ending}"));
    (dot("lock"), [dot("a"), dot("b")])
}

/// Takes the lock at `path`, waiting while another build holds it, and
/// writes this process's id into it for the message the other one shows;
/// `before` says what this build waits to do.
pub(crate) fn lock(path: &Path, output: &Path, before: &str) -> Result<fs::File> {
    let mut file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(path)
        .map_err(io_error(path))?;
    let started = Instant::now();
    let mut told = false;
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(fs::TryLockError::Error(err)) => return Err(io_error(path)(err)),
            Err(fs::TryLockError::WouldBlock) => {}
        }
        let holder = fs::read_to_string(path).unwrap_or_default();
        let holder = match holder.trim() {
            "" => "another build".to_string(),
            pid => format!("another build (process {pid})"),
        };
        if started.elapsed() > LOCK_WAIT {
            return Err(Error::Output {
                path: path.to_path_buf(),
                message: format!(
                    "{holder} has held this lock for {} s while writing {}; \
                     run again when it ends",
                    LOCK_WAIT.as_secs(),
                    output.display()
                ),
            });
        }
        if !told {
            eprintln!(
                "{}: {holder} is writing {}; waiting for it before {before}",
                path.display(),
                output.display()
            );
            told = true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    // Only a message uses the id: failing to write it stops nothing.
    let _ = file.set_len(0);
    let _ = write!(file, "{}", std::process::id());
    Ok(file)
}

/// An absolute path with links and `..` resolved as far as the path exists.
fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    if let Ok(real) = fs::canonicalize(&absolute) {
        return real;
    }
    resolve_parent(&absolute)
}

/// Like [`resolve`], but keeps the last component as it is: the output is a
/// link whose own path matters, not where it points.
pub(crate) fn resolve_parent(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (absolute.parent(), absolute.file_name()) {
        (Some(parent), Some(name)) => resolve(parent).join(name),
        _ => absolute,
    }
}
