//! Two writers of one output: two builds started at once, and `serve`
//! rebuilding while a build runs. One waits for the other, saying so and
//! naming the lock; the result is always one whole site, never a mix.

use std::fs;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::process::{self, Run};
use crate::common::serve::{Serve, get};
use crate::common::{self, differences, snapshot};

/// Private codes of the synthetic site: builds long enough to overlap.
const CODES: u16 = 30;
const RACES: usize = 8;
const SERVE_RACES: usize = 4;

/// Whether a build waited for the lock (`before`: to check freshness or to
/// write; `""`: either), checking that the message names the lock.
fn waited(run: &Run, lock: &str, before: &str) -> bool {
    for line in run.stderr.lines().filter(|l| l.contains("waiting for it")) {
        assert!(
            line.contains(lock),
            "the wait does not name the lock: {line}"
        );
    }
    run.stderr
        .lines()
        .any(|l| l.contains(&format!("waiting for it before {before}")))
}

#[test]
fn two_builds_into_one_output_take_turns() {
    let temp = common::temp_dir();
    common::synth::write_site(&common::repo(), CODES, temp.path()).expect("synth site");
    let content = temp.path().join("content");
    let out = temp.path().join("public");
    let lock = temp.path().join(".public.lock").display().to_string();
    let bases = ["https://one.example/", "https://two.example/"];
    let sites: Vec<_> = bases
        .iter()
        .map(|base| {
            let run = process::build(&content, &out, base);
            assert!(run.status.success(), "{}", run.stderr);
            pages(&out)
        })
        .collect();

    let mut waits = 0;
    for race in 0..RACES {
        let order = if race % 2 == 0 { [0, 1] } else { [1, 0] };
        let runs: Vec<Run> = std::thread::scope(|s| {
            let handles: Vec<_> = order
                .iter()
                .map(|&i| {
                    let (content, out) = (&content, &out);
                    s.spawn(move || process::build(content, out, bases[i]))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("build thread"))
                .collect()
        });
        for run in &runs {
            assert!(run.status.success(), "race {race}: {}", run.stderr);
        }
        let seen = pages(&out);
        let which = sites.iter().position(|site| *site == seen);
        assert!(
            which.is_some(),
            "race {race}: a mix of the two builds: {}",
            differences(&seen, &sites[0])
        );
        // The one that waited to write wrote last; a wait to check
        // freshness may end before the other build writes.
        let waiting: Vec<bool> = runs.iter().map(|r| waited(r, &lock, "writing")).collect();
        if let [a, b] = waiting[..]
            && a != b
        {
            let last = if a { order[0] } else { order[1] };
            assert_eq!(
                which,
                Some(last),
                "race {race}: the waiting build did not write last"
            );
        }
        waits += runs.iter().filter(|r| waited(r, &lock, "")).count();
    }
    eprintln!("races: {RACES} pairs of builds at once, {waits} waited for the lock");
    assert!(
        waits > 0,
        "no build ever waited: the builds never overlapped, so nothing was tested"
    );
}

#[test]
fn a_serve_rebuild_and_a_build_take_turns() {
    let temp = common::temp_dir();
    common::synth::write_site(&common::repo(), CODES, temp.path()).expect("synth site");
    let content = temp.path().join("content");
    let out = temp.path().join("public");
    let lock = temp.path().join(".public.lock").display().to_string();
    let mut serve = Serve::start(&content, &out);
    let served = pages(&out);
    let base = "https://cli.example/";
    let edited = content.join("codes/4000.toml");
    let original = fs::read_to_string(&edited).expect("read code");

    let mut waits = 0;
    let mut cli_site = None;
    for race in 0..SERVE_RACES {
        let rebuilds = serve.stdout().matches("rebuilt in").count();
        // An edit sets off serve's rebuild 50 ms later; the build starts at
        // once and is still running then.
        fs::write(&edited, format!("{original}{}", "\n".repeat(race + 1))).expect("edit");
        let mut command = Command::new(process::bin());
        command
            .args(process::build_args(&content, &out, base))
            .stdin(Stdio::null());
        let run = process::run(&mut command, Duration::from_secs(120));
        assert!(run.status.success(), "race {race}: {}", run.stderr);
        waits += usize::from(waited(&run, &lock, ""));
        let site = cli_site.get_or_insert_with(|| {
            // The build's own site, alone: what a mix would differ from.
            let alone = temp.path().join("alone");
            let run = process::build(&content, &alone, base);
            assert!(run.status.success(), "{}", run.stderr);
            pages(&alone)
        });
        let started = Instant::now();
        while serve.stdout().matches("rebuilt in").count() == rebuilds {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "serve did not rebuild: {}",
                serve.stderr()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        let seen = pages(&out);
        assert!(
            seen == served || seen == *site,
            "race {race}: a mix of serve's build and the build: {}",
            differences(&seen, &served)
        );
        assert_eq!(get(serve.addr, "/4000/").status, 200);
    }
    let serve_waits = serve.stderr().matches("waiting").count();
    assert!(
        !serve.stderr().contains("still served"),
        "a rebuild of serve failed: {}",
        serve.stderr()
    );
    if serve_waits > 0 {
        assert!(serve.stderr().contains(&lock), "{}", serve.stderr());
    }
    serve.assert_healthy();
    eprintln!(
        "races: {SERVE_RACES} serve rebuilds against builds: the build waited {waits} times, serve {serve_waits}"
    );
    assert!(
        waits + serve_waits > 0,
        "serve and the build never overlapped, so nothing was tested"
    );
}

/// What readers get from `dir`: every file (the record of the inputs it was
/// built from, which differs when the pages do not, sits beside it).
fn pages(dir: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    snapshot(dir)
}
