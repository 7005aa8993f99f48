//! Writes that fail: a file-size limit, a read-only directory and a full
//! filesystem. The build ends with exit 1 or 2 and a message naming the
//! path and the cause, and the site readers see stays exactly as it was.
//!
//! The read-only directory and the full filesystem are mounts in a private
//! mount namespace (`unshare -m`), which needs root: as root, permissions
//! do not stop a write. Where that is not allowed the two are skipped with
//! the reason.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::common::process::{self, Run, bin};
use crate::common::{Scratch, differences, snapshot};

const OLD: &str = "https://old.example/";
const NEW: &str = "https://new.example/";

/// A mini site built once for [`OLD`]: what must survive.
fn built() -> (Scratch, std::path::PathBuf) {
    let scratch = Scratch::mini();
    let out = scratch.out();
    let run = process::build(&scratch.content, &out, OLD);
    assert!(run.status.success(), "{}", run.stderr);
    (scratch, out)
}

fn assert_failed_cleanly(run: &Run, cause: &str, under: &Path) {
    assert!(
        matches!(run.code(), Some(1 | 2)),
        "exit {:?}, expected 1 or 2: {}",
        run.status,
        run.stderr
    );
    let line = run
        .stderr
        .lines()
        .find(|l| l.contains(cause))
        .unwrap_or_else(|| panic!("no message with {cause:?}: {}", run.stderr));
    let path = line.split(": ").next().unwrap_or_default();
    assert!(
        Path::new(path).starts_with(under),
        "the message names no path of the output: {line}"
    );
}

#[test]
fn a_file_size_limit_fails_the_build_and_keeps_the_site() {
    let (scratch, out) = built();
    let before = snapshot(&out);
    // 4 KiB per file: pages are larger. The signal the kernel sends on the
    // limit is ignored, as a full disk sends none: the write fails instead.
    let script = r#"trap '' XFSZ; exec prlimit --fsize=4096 -- "$@""#;
    let run = process::run(
        Command::new("sh")
            .args(["-c", script, "sh", bin()])
            .args(process::build_args(&scratch.content, &out, NEW)),
        Duration::from_secs(60),
    );
    assert_failed_cleanly(&run, "File too large", scratch.root());
    let after = snapshot(&out);
    assert!(after == before, "{}", differences(&after, &before));
    // Without the limit the next build recovers.
    let run = process::build(&scratch.content, &out, NEW);
    assert!(run.status.success(), "{}", run.stderr);
}

/// Runs `script` as root in a private mount namespace, with `$OUT`, `$BIN`,
/// `$CONTENT` set; `None` where that is not allowed.
fn in_private_mounts(scratch: &Scratch, script: &str) -> Option<Run> {
    let probe = Command::new("unshare")
        .args(["-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!(
            "skipping: this machine does not allow mounts in a private namespace (needs root)"
        );
        return None;
    }
    Some(process::run(
        Command::new("unshare")
            .args(["-m", "sh", "-ec", script])
            .env("OUT", scratch.out())
            .env("ROOT", scratch.root())
            .env("BIN", bin())
            .env("CONTENT", &scratch.content)
            .env("NEW", NEW),
        Duration::from_secs(60),
    ))
}

#[test]
#[ignore = "torture: .ci/run runs it (cargo test -- --include-ignored)"]
fn a_read_only_output_fails_the_build_and_keeps_the_site() {
    let (scratch, out) = built();
    let before = snapshot(&out);
    let script = r#"
        mount --bind "$ROOT" "$ROOT"
        mount -o remount,bind,ro "$ROOT"
        exec "$BIN" build --content "$CONTENT" --out "$OUT" --base-url "$NEW"
    "#;
    let Some(run) = in_private_mounts(&scratch, script) else {
        return;
    };
    assert_failed_cleanly(&run, "Read-only file system", scratch.root());
    let after = snapshot(&out);
    assert!(after == before, "{}", differences(&after, &before));
}

#[test]
#[ignore = "torture: .ci/run runs it (cargo test -- --include-ignored)"]
fn a_full_filesystem_fails_the_build_and_keeps_the_site() {
    let scratch = Scratch::mini();
    // The site is built on a small tmpfs that is then filled up; copies of
    // it, taken inside the namespace, come out for comparison.
    let script = r#"
        mkdir -p "$ROOT/disk" "$ROOT/before" "$ROOT/after"
        mount -t tmpfs -o size=8m tmpfs "$ROOT/disk"
        "$BIN" build --content "$CONTENT" --out "$ROOT/disk/public" --base-url https://old.example/ >/dev/null
        cp -a "$ROOT/disk/." "$ROOT/before/"
        head -c 16m /dev/zero > "$ROOT/disk/filler" 2>/dev/null || true
        set +e
        "$BIN" build --content "$CONTENT" --out "$ROOT/disk/public" --base-url "$NEW"
        status=$?
        rm -f "$ROOT/disk/filler"
        cp -a "$ROOT/disk/." "$ROOT/after/"
        exit $status
    "#;
    let Some(run) = in_private_mounts(&scratch, script) else {
        return;
    };
    assert_failed_cleanly(
        &run,
        "No space left on device",
        &scratch.root().join("disk"),
    );
    let before = snapshot(&scratch.root().join("before/public"));
    let after = snapshot(&scratch.root().join("after/public"));
    assert!(after == before, "{}", differences(&after, &before));
    assert!(before.contains_key("index.html"));
}
