//! Running the program as a separate process, as readers and CI do: bounded
//! in time, with its peak memory, and a random source whose seed is printed
//! so that a failure can be repeated.

use std::ffi::OsStr;
use std::fs;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The `closecodes` binary of this build.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_closecodes")
}

/// How a run ended.
#[derive(Debug)]
pub struct Run {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
    /// The peak resident memory of the program, in KiB, when measured.
    pub peak_kib: Option<u64>,
}

impl Run {
    pub fn code(&self) -> Option<i32> {
        self.status.code()
    }
}

/// `closecodes build` of `content` into `out` for `base`, waited for.
pub fn build(content: &Path, out: &Path, base: &str) -> Run {
    let args = build_args(content, out, base);
    run(Command::new(bin()).args(&args), Duration::from_secs(300))
}

pub fn build_args(content: &Path, out: &Path, base: &str) -> Vec<std::ffi::OsString> {
    vec![
        "build".into(),
        "--content".into(),
        content.into(),
        "--out".into(),
        out.into(),
        "--base-url".into(),
        base.into(),
    ]
}

/// Runs `command` to its end, killing it (and failing the test) after
/// `limit`: a hang is a failure, never a stuck suite.
pub fn run(command: &mut Command, limit: Duration) -> Run {
    let logs = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp");
    let (out, err) = (logs.path().join("stdout"), logs.path().join("stderr"));
    let started = Instant::now();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out).expect("stdout file"))
        .stderr(fs::File::create(&err).expect("stderr file"))
        .process_group(0)
        .spawn()
        .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    let status = wait_or_kill(&mut child, limit)
        .unwrap_or_else(|| panic!("{command:?} still ran after {limit:?}: it hangs"));
    Run {
        status,
        stdout: fs::read_to_string(&out).unwrap_or_default(),
        stderr: fs::read_to_string(&err).unwrap_or_default(),
        elapsed: started.elapsed(),
        peak_kib: None,
    }
}

/// Like [`run`], under GNU time, which reports the program's peak resident
/// memory. `None` (with the reason printed) where GNU time is missing
/// outside CI; in CI, `.ci/run` installs it.
pub fn run_measured(args: &[&OsStr], limit: Duration) -> Option<Run> {
    let time = Path::new("/usr/bin/time");
    super::require(
        time.exists().then_some(()),
        "GNU time is not installed (apt-get install time)",
    )?;
    let report = tempfile::NamedTempFile::new_in(env!("CARGO_TARGET_TMPDIR")).expect("temp");
    let mut command = Command::new(time);
    command
        .args(["-f", "%M", "-o"])
        .arg(report.path())
        .arg(bin())
        .args(args);
    let mut run = run(&mut command, limit);
    let text = fs::read_to_string(report.path()).unwrap_or_default();
    run.peak_kib = text.lines().last().and_then(|l| l.trim().parse().ok());
    assert!(run.peak_kib.is_some(), "GNU time reported nothing: {text}");
    Some(run)
}

/// Waits for `child` up to `limit`; kills its whole process group when the
/// time runs out and returns `None`.
pub fn wait_or_kill(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return Some(status);
        }
        if started.elapsed() > limit {
            kill_group(child);
            return None;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// SIGKILL to the process group `child` leads (spawned with
/// `process_group(0)`), then reaps it.
pub fn kill_group(child: &mut Child) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{}", child.id())])
        .status();
    let _ = child.kill();
    let _ = child.wait();
}

/// The numbers of the `changes: A added, R removed, C changed` line.
pub fn reported_changes(stdout: &str) -> Option<(usize, usize, usize)> {
    let line = stdout.lines().find_map(|l| l.strip_prefix("changes: "))?;
    let numbers: Vec<usize> = line
        .split(", ")
        .filter_map(|part| part.split(' ').next()?.parse().ok())
        .collect();
    match numbers[..] {
        [added, removed, changed] => Some((added, removed, changed)),
        _ => None,
    }
}

/// A small random source (xorshift64*): tests that pick moments or bytes at
/// random print the seed, and `CLOSECODES_SEED=N` repeats a run.
pub struct Rng(u64);

impl Rng {
    pub fn new(test: &str) -> Rng {
        let seed = std::env::var("CLOSECODES_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map_or(1, |d| d.as_nanos() as u64)
            })
            | 1;
        eprintln!("{test}: random seed {seed} (CLOSECODES_SEED={seed} repeats it)");
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    pub fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next() as u8).collect()
    }
}
