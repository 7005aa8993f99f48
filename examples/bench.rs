//! The build benchmark: `cargo run --release --example bench`.
//!
//! Builds the real site and synthetic sites of 100, 200 and 1,000 private codes,
//! each build in a fresh child process so that its peak memory is its own, and
//! prints pages, bytes, wall time, pages per second and peak memory (the
//! kernel's high-water mark of resident memory, VmHWM). Times are of the
//! whole child process, start to exit. Each site is built `RUNS` times
//! (default 5) and the median time is shown: fresh (no previous output),
//! "no-op", rebuilt with nothing changed (the build finds its output up to
//! date and renders nothing; Hugo renders and writes its site again), and
//! rebuilt after one code's file changed (everything is rendered again and
//! what changed is written); beside them, the time `cp -r` takes to copy that
//! site's output, the floor for writing it.
//!
//! When `hugo` is installed, each synthetic site is also written as the same
//! Hugo project (a page per code and language with the same prose, the same
//! comparisons, the ranges, an index, a 404 page, and each code as plain text
//! and JSON: about as many files as the generator writes) and both are built in turn, `RUNS`
//! times each, fresh, with the previous output and nothing changed, and after
//! the same edit of one code: the second table gives the medians side by
//! side and their ratios, with peak memory.
//!
//! Everything is written under one directory in the system's temporary
//! directory and removed at the end; nothing is deleted while it runs.
//!
//! Last, `serve` runs on the 100-code site: the time from saving one code's
//! file to the moment the open page learns that the new build is ready.

#[path = "common/hugo.rs"]
mod hugo;
#[path = "../tests/site/common/synth.rs"]
mod synth;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering as AtomicOrdering};
use std::time::Instant;

/// One build in this process, then its figures on stdout: the child's half.
fn child(content: &Path, out: &Path) {
    let report = closecodes::build(&closecodes::BuildOptions {
        content: content.to_path_buf(),
        out: out.to_path_buf(),
        base_url: None,
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak_kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0);
    println!(
        "{} {} {} {peak_kib}",
        report.written.pages, report.written.redirects, report.changes.bytes
    );
}

struct Figures {
    pages: usize,
    redirects: usize,
    bytes: u64,
    wall: f64,
    peak_mib: f64,
}

/// A directory never used before, for a fresh build or a copy. Nothing is
/// deleted until the benchmark ends: ext4 allocates inodes more slowly while
/// many were deleted in the last minutes, which would time the benchmark's
/// own clean-up rather than the builds.
fn fresh_dir() -> PathBuf {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    fresh_root().join(COUNT.fetch_add(1, AtomicOrdering::Relaxed).to_string())
}

/// Everything this run of the benchmark writes, removed when it ends.
fn run_root() -> PathBuf {
    std::env::temp_dir().join(format!("closecodes-bench-{}", std::process::id()))
}

fn fresh_root() -> PathBuf {
    run_root().join("fresh")
}

/// Builds `content` in a child process: into a new directory when `fresh`,
/// else into `out` over its previous output.
fn measure(content: &Path, out: &Path, fresh: bool) -> Figures {
    let fresh_out = fresh.then(|| fresh_dir().join("public"));
    let out = fresh_out.as_deref().unwrap_or(out);
    let exe = std::env::current_exe().expect("exe");
    let started = Instant::now();
    let output = Command::new(exe)
        .arg("--child")
        .arg(content)
        .arg(out)
        .output()
        .expect("run child");
    let wall = started.elapsed().as_secs_f64();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    let f: Vec<&str> = text.split_whitespace().collect();
    Figures {
        pages: f[0].parse().unwrap_or(0),
        redirects: f[1].parse().unwrap_or(0),
        bytes: f[2].parse().unwrap_or(0),
        wall,
        peak_mib: f[3].parse::<f64>().unwrap_or(0.0) / 1024.0,
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values[values.len() / 2]
}

/// Changes the prose of one code (a word at the start of its summary, put
/// in and taken out in turn), so that the next build renders and writes
/// what a real edit changes: the code's page, its comparisons and the index.
/// `marker` is how the summary starts in that file's format.
fn touch_code(file: &Path, marker: &str) {
    let old = std::fs::read_to_string(file).expect("read code");
    let edited = format!("{marker}Edited ");
    let new = if old.contains(&edited) {
        old.replacen(&edited, marker, 1)
    } else {
        old.replacen(marker, &edited, 1)
    };
    assert_ne!(new, old, "{} has no {marker}", file.display());
    std::fs::write(file, new).expect("write code");
}

/// The code file the benchmark edits: a private code of a synthetic site,
/// 1006 on the real one.
fn edited_code(content: &Path) -> PathBuf {
    let private = content.join("codes/4050.toml");
    if private.exists() {
        private
    } else {
        content.join("codes/1006.toml")
    }
}

/// A rebuild after one code's file changed.
fn measure_edit(content: &Path, out: &Path) -> Figures {
    touch_code(&edited_code(content), "summary = \"");
    measure(content, out, false)
}

fn copy_time(from: &Path, runs: usize) -> f64 {
    let from = std::fs::canonicalize(from).expect("built output");
    median(
        (0..runs)
            .map(|_| {
                let to = fresh_dir();
                let started = Instant::now();
                let status = Command::new("cp")
                    .arg("-r")
                    .arg(&from)
                    .arg(&to)
                    .status()
                    .expect("cp");
                assert!(status.success());
                started.elapsed().as_secs_f64()
            })
            .collect(),
    )
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--child") {
        child(Path::new(&args[2]), Path::new(&args[3]));
        return;
    }
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let work = run_root();
    std::fs::create_dir_all(&work).expect("work dir");

    let mut sites: Vec<(String, PathBuf)> = Vec::new();
    let real = work.join("real");
    synth::copy_dir(&repo.join("content"), &real.join("content"));
    sites.push(("real site".into(), real.join("content")));
    for n in [100u16, 200, 1000] {
        let dir = work.join(format!("synth-{n}"));
        synth::write_site(&repo, n, &dir).expect("synth");
        sites.push((format!("{n} codes"), dir.join("content")));
    }

    println!(
        "{:<10} {:>7} {:>9} {:>7} {:>9} {:>9} {:>9} {:>10} {:>8} {:>9} {:>10}",
        "site",
        "pages",
        "redirects",
        "MB",
        "fresh ms",
        "files/s",
        "peak MiB",
        "no-op ms",
        "edit ms",
        "cp -r ms",
        "fresh/cp"
    );
    for (name, content) in &sites {
        let out = content.parent().expect("parent").join("public");
        // A fresh build writes everything; a rebuild with nothing changed
        // finds its output up to date; after an edit everything is rendered
        // and what changed is written.
        let fresh: Vec<Figures> = (0..runs).map(|_| measure(content, &out, true)).collect();
        let _ = measure(content, &out, false);
        let rebuild: Vec<Figures> = (0..runs).map(|_| measure(content, &out, false)).collect();
        let edit: Vec<Figures> = (0..runs).map(|_| measure_edit(content, &out)).collect();
        let wall = median(fresh.iter().map(|f| f.wall).collect());
        let rebuild_wall = median(rebuild.iter().map(|f| f.wall).collect());
        let edit_wall = median(edit.iter().map(|f| f.wall).collect());
        let peak = median(fresh.iter().map(|f| f.peak_mib).collect());
        let first = &fresh[0];
        let cp = copy_time(&out, runs);
        println!(
            "{:<10} {:>7} {:>9} {:>7.1} {:>9.1} {:>9.0} {:>9.1} {:>10.1} {:>8.1} {:>9.1} {:>10.2}",
            name,
            first.pages,
            first.redirects,
            first.bytes as f64 / 1e6,
            wall * 1000.0,
            (first.pages + first.redirects) as f64 / wall,
            peak,
            rebuild_wall * 1000.0,
            edit_wall * 1000.0,
            cp * 1000.0,
            wall / cp
        );
    }
    against_hugo(&sites, runs);
    if let Some((_, content)) = sites.iter().find(|(n, _)| n == "100 codes") {
        serve_reload(content, runs);
    }
    let _ = std::fs::remove_dir_all(run_root());
}

/// One Hugo build of `site`: wall seconds and peak resident memory in MiB,
/// from `/usr/bin/time`.
fn hugo_build(site: &Path, fresh: bool) -> (f64, f64) {
    let destination = if fresh {
        fresh_dir()
    } else {
        site.join("public")
    };
    let started = Instant::now();
    let output = Command::new("/usr/bin/time")
        .args(["-f", "%M", "hugo", "--quiet", "--source"])
        .arg(site)
        .arg("--destination")
        .arg(&destination)
        .output()
        .expect("run hugo");
    let wall = started.elapsed().as_secs_f64();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let kib: f64 = String::from_utf8_lossy(&output.stderr)
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or(0.0);
    (wall, kib / 1024.0)
}

/// The synthetic sites built by this generator and by Hugo, in turn.
fn against_hugo(sites: &[(String, PathBuf)], runs: usize) {
    let has_hugo = Command::new("hugo")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_hugo || !Path::new("/usr/bin/time").exists() {
        println!("\n(hugo or /usr/bin/time is not installed: no comparison with Hugo)");
        return;
    }
    println!(
        "\n{:<10} {:>9} {:>9} {:>6} {:>10} {:>9} {:>6} {:>8} {:>9} {:>6} {:>9} {:>9}",
        "site",
        "fresh ms",
        "hugo ms",
        "ratio",
        "no-op ms",
        "hugo ms",
        "ratio",
        "edit ms",
        "hugo ms",
        "ratio",
        "peak MiB",
        "hugo MiB"
    );
    for (name, content) in sites.iter().filter(|(n, _)| n.ends_with("codes")) {
        let dir = content.parent().expect("parent");
        hugo::write_site(content, dir).expect("hugo site");
        let site = dir.join("hugo");
        let out = dir.join("public");
        let hugo_page = site.join("content/en/codes/4050.md");
        let (mut fresh, mut rebuild, mut edit) =
            (Pair::default(), Pair::default(), Pair::default());
        let (mut peaks, mut hugo_peaks) = (vec![], vec![]);
        for _ in 0..runs {
            let f = measure(content, &out, true);
            fresh.ours.push(f.wall);
            peaks.push(f.peak_mib);
            let (wall, peak) = hugo_build(&site, true);
            fresh.theirs.push(wall);
            hugo_peaks.push(peak);
        }
        let _ = measure(content, &out, false);
        let _ = hugo_build(&site, false);
        for _ in 0..runs {
            rebuild.ours.push(measure(content, &out, false).wall);
            rebuild.theirs.push(hugo_build(&site, false).0);
        }
        for _ in 0..runs {
            edit.ours.push(measure_edit(content, &out).wall);
            touch_code(&hugo_page, "summary: \"");
            edit.theirs.push(hugo_build(&site, false).0);
        }
        let mut row = format!("{name:<10}");
        for (pair, width) in [(fresh, 9), (rebuild, 10), (edit, 8)] {
            let (a, b) = (median(pair.ours), median(pair.theirs));
            row += &format!(
                " {:>width$.1} {:>9.1} {:>6.3}",
                a * 1000.0,
                b * 1000.0,
                a / b
            );
        }
        println!("{row} {:>9.1} {:>9.1}", median(peaks), median(hugo_peaks));
    }
}

/// Times of the same builds by this generator and by Hugo.
#[derive(Default)]
struct Pair {
    ours: Vec<f64>,
    theirs: Vec<f64>,
}

/// `GET path` on 127.0.0.1:`port`, the body as a string.
fn http_get(port: u16, path: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    response
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_string())
        .unwrap_or_default()
}

/// From saving one code's file to the answer of the status request the page
/// keeps open, which is when the page reloads: median of `runs` edits.
fn serve_reload(content: &Path, runs: usize) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let built = Command::new(cargo)
        .args(["build", "--release", "--quiet", "--bin", "closecodes"])
        .status()
        .is_ok_and(|s| s.success());
    let exe = std::env::current_exe().expect("exe");
    let binary = exe
        .parent()
        .and_then(Path::parent)
        .map(|d| d.join("closecodes"));
    let Some(binary) = binary.filter(|b| built && b.is_file()) else {
        println!("\n(the closecodes binary could not be built: no serve figure)");
        return;
    };
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("port");
    let out = content.parent().expect("parent").join("serve-public");
    let mut child = Command::new(binary)
        .args(["serve", "--port", &port.to_string(), "--content"])
        .arg(content)
        .arg("--out")
        .arg(&out)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("serve");
    let status = move |after: Option<u64>| -> u64 {
        let path = after.map_or("/__closecodes/status".to_string(), |n| {
            format!("/__closecodes/status?after={n}")
        });
        let body = http_get(port, &path);
        let json: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
        json["build"].as_u64().unwrap_or(0)
    };
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(started.elapsed().as_secs() < 60, "serve did not start");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let file = content.join("codes/4050.toml");
    let times: Vec<f64> = (0..runs.max(5))
        .map(|i| {
            let seen = status(None);
            let waiter = std::thread::spawn(move || {
                status(Some(seen));
                Instant::now()
            });
            std::thread::sleep(std::time::Duration::from_millis(300));
            let text = std::fs::read_to_string(&file).expect("read");
            let edited = text.replacen("summary = \"", &format!("summary = \"{i} "), 1);
            let saved = Instant::now();
            std::fs::write(&file, edited).expect("write");
            let answered = waiter.join().expect("status");
            answered.duration_since(saved).as_secs_f64()
        })
        .collect();
    let _ = child.kill();
    let _ = child.wait();
    println!(
        "\nserve, 100 codes: from saving 4050.toml to the page's reload signal, median of {}: {:.0} ms",
        times.len(),
        median(times) * 1000.0
    );
}
