//! A build killed at any moment: SIGKILL at random times spread over the
//! whole build of a large synthetic site. After each kill `public` is a
//! complete site, byte for byte the old one or the new one; the next build
//! succeeds, reports the changes from what readers saw, is not held up by
//! the killed build's lock, and leaves nothing of the killed build behind.

use std::collections::BTreeMap;
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::common::process::{self, Rng};
use crate::common::{self, differences, names_in, snapshot};

/// Kills, each followed by a complete build.
const KILLS: usize = 30;
/// Private codes of the synthetic site: 30 make about 2,500 files.
const CODES: u16 = 200;

type Site = BTreeMap<String, Vec<u8>>;

/// What a build going from `from` to `to` must report, as (added, removed,
/// changed): every file readers get is a file of the site.
fn changes(from: &Site, to: &Site) -> (usize, usize, usize) {
    let added = to.keys().filter(|k| !from.contains_key(*k)).count();
    let removed = from.keys().filter(|k| !to.contains_key(*k)).count();
    let changed = to
        .keys()
        .filter(|k| from.get(*k).is_some_and(|v| Some(v) != to.get(*k)))
        .count();
    (added, removed, changed)
}

#[test]
#[ignore = "torture: .ci/run runs it (cargo test -- --include-ignored)"]
fn a_build_killed_at_any_moment_leaves_the_old_or_the_new_site() {
    let temp = common::temp_dir();
    common::synth::write_site(&common::repo(), CODES, temp.path()).expect("synth site");
    let content = temp.path().join("content");
    let out = temp.path().join("public");
    // Each build is for another address, so that every page changes and the
    // build rewrites every file: the slot it writes never holds it already.
    let base = |n: usize| format!("https://v{n}.example/");
    // The first build also draws the social images, which later builds
    // reuse: time a second one, as every build below is.
    let run = process::build(&content, &out, &base(KILLS + 1));
    assert!(run.status.success(), "{}", run.stderr);
    let run = process::build(&content, &out, &base(0));
    assert!(run.status.success(), "{}", run.stderr);
    let full = run.elapsed;
    let mut old = snapshot(&out);
    let files = old.len();

    let mut rng = Rng::new("crash");
    let (mut landed, mut kept_old, mut got_new) = (0, 0, 0);
    for kill in 1..=KILLS {
        // From the start of the process to well past a whole build.
        let delay = full.mul_f64(rng.below(1_300) as f64 / 1_000.0);
        let mut child = Command::new(process::bin())
            .args(process::build_args(&content, &out, &base(kill)))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start build");
        std::thread::sleep(delay);
        if child.try_wait().expect("wait").is_none() {
            landed += 1;
        }
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        let seen = snapshot(&out);

        // The next build, for the same address: the new site.
        let new = next_build_recovers(&temp, &content, &base(kill), full, &seen);
        if seen == old {
            kept_old += 1;
        } else if seen == new {
            got_new += 1;
        } else {
            panic!(
                "kill {kill} after {delay:?}: public is neither the old site ({}) nor the new one ({})",
                differences(&seen, &old),
                differences(&seen, &new)
            );
        }
        old = new;
    }
    eprintln!(
        "crash: {KILLS} builds of {files} files ({full:?} each) killed, {landed} while running: \
         {kept_old} left the old site, {got_new} the new one; every next build recovered"
    );
    assert!(landed >= KILLS / 2, "most kills must land during the build");
}

/// Builds again after a kill that left `seen`: the build must succeed
/// without waiting for the dead one, report what readers saw change, leave
/// nothing beside the output and take about as long as a whole build.
/// Returns the new site.
fn next_build_recovers(
    temp: &tempfile::TempDir,
    content: &std::path::Path,
    base: &str,
    full: std::time::Duration,
    seen: &Site,
) -> Site {
    let out = temp.path().join("public");
    let started = Instant::now();
    let run = process::build(content, &out, base);
    assert!(
        run.status.success(),
        "the build after a kill failed: {}",
        run.stderr
    );
    let new = snapshot(&out);
    assert!(
        !run.stderr.contains("waiting"),
        "the killed build's lock held up the next one: {}",
        run.stderr
    );
    assert_eq!(
        process::reported_changes(&run.stdout),
        Some(changes(seen, &new)),
        "the build reports other changes than readers saw\n{}",
        run.stdout
    );
    assert_eq!(
        names_in(temp.path()),
        [
            ".public.a",
            ".public.a.inputs",
            ".public.a.keys",
            ".public.a.manifest",
            ".public.b",
            ".public.b.inputs",
            ".public.b.keys",
            ".public.b.manifest",
            ".public.lock",
            "content",
            "public"
        ],
        "leftovers beside the output"
    );
    assert!(
        !content.join(closecodes::LOCK_PART).exists(),
        "a half-written URL lock was left in content/"
    );
    assert!(
        started.elapsed() < full * 10,
        "the build after a kill is slow"
    );
    new
}
