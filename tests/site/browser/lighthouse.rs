//! Lighthouse (installed by `.ci/run` under `.ci/`) with its mobile profile,
//! in Debian's headless Chromium: the index, a code page, a comparison, the
//! not-found page and the timeouts, number, protocol and range pages, each
//! score at least 0.95 in performance, accessibility and SEO, and 1.00 in
//! best practices with no error in the console (the pages' content security
//! policy blocks nothing they need). Each page is measured
//! once, two at a time; the table of scores is printed. Lighthouse does not
//! measure a page that answers 404, so the not-found page is served with 200
//! here (other tests hold its status), and its SEO is scored without
//! `is-crawlable`: a not-found page must not be indexed, and the test checks
//! that it says so.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use crate::common::{self, browser};

const PAGES: [&str; 12] = [
    "",
    "1006/",
    "1002-vs-1008/",
    "no/such/page/",
    "timeouts/",
    "4004/",
    "ko/",
    "ko/1006/",
    "ko/1002-vs-1008/",
    "ko/no/such/page/",
    "ko/protocols/discord-gateway/",
    "ko/4000-4999/",
];
const CATEGORIES: [&str; 4] = ["performance", "accessibility", "best-practices", "seo"];
const LEAST: f64 = 0.95;
/// Lighthouse runs at once: each drives its own Chromium, and the machine
/// has two cores.
const AT_ONCE: usize = 2;

fn chromium() -> Option<PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
}

/// Lighthouse's report of the page at `url`, as JSON.
fn run(cli: &Path, chrome: &Path, url: &str) -> serde_json::Value {
    let report = common::temp_dir();
    let path = report.path().join("report.json");
    let status = Command::new("node")
        .arg(cli)
        .arg(url)
        .args([
            "--quiet",
            "--output=json",
            &format!("--output-path={}", path.display()),
            &format!("--only-categories={}", CATEGORIES.join(",")),
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        ])
        .env("CHROME_PATH", chrome)
        .status()
        .expect("run node");
    assert!(status.success(), "lighthouse failed on {url}");
    let text = std::fs::read_to_string(&path).expect("report");
    serde_json::from_str(&text).expect("report JSON")
}

/// A category's score, and the audits that lost it points; `skip` leaves an
/// audit out of the score, as Lighthouse leaves out one that does not apply.
fn score(report: &serde_json::Value, category: &str, skip: Option<&str>) -> (f64, Vec<String>) {
    let audits = &report["audits"];
    let refs = report["categories"][category]["auditRefs"]
        .as_array()
        .expect("auditRefs");
    let (mut sum, mut weights, mut lost) = (0.0, 0.0, Vec::new());
    for r in refs {
        let id = r["id"].as_str().unwrap_or_default();
        let weight = r["weight"].as_f64().unwrap_or(0.0);
        let Some(score) = audits[id]["score"].as_f64() else {
            continue;
        };
        if weight == 0.0 || skip == Some(id) {
            continue;
        }
        sum += score * weight;
        weights += weight;
        if score < 1.0 {
            lost.push(format!(
                "{id} {score:.2}: {}",
                audits[id]["displayValue"]
                    .as_str()
                    .or(audits[id]["explanation"].as_str())
                    .unwrap_or(audits[id]["title"].as_str().unwrap_or_default())
            ));
        }
    }
    let reported = report["categories"][category]["score"].as_f64();
    let score = match skip {
        None => reported.unwrap_or(0.0),
        Some(_) if weights > 0.0 => sum / weights,
        Some(_) => 0.0,
    };
    (score, lost)
}

// Scores of performance need an idle machine: `.ci/run` runs this alone, after
// the rest of the suite (`cargo test --test site lighthouse -- --ignored`).
#[test]
#[ignore = "run alone: cargo test --test site lighthouse -- --ignored"]
fn lighthouse_scores_each_kind_of_page_at_least_095_in_both_languages() {
    let cli = common::repo().join(".ci/node_modules/lighthouse/cli/index.js");
    let Some(cli) = common::require(
        cli.is_file().then_some(cli),
        "lighthouse is not installed (cd .ci && npm install)",
    ) else {
        return;
    };
    let Some(chrome) = common::require(chromium(), "chromium is not installed") else {
        return;
    };
    let root = browser::serve_with_missing_status(&common::real_site().out, "repo", 200);
    let reports = Mutex::new(Vec::new());
    let started = std::time::Instant::now();
    for chunk in PAGES.chunks(AT_ONCE) {
        std::thread::scope(|scope| {
            for &page in chunk {
                let (cli, chrome, root, reports) = (&cli, &chrome, &root, &reports);
                scope.spawn(move || {
                    let report = run(cli, chrome, &format!("{root}{page}"));
                    reports.lock().expect("lock").push((page, report));
                });
            }
        });
    }
    let mut reports = reports.into_inner().expect("reports");
    reports.sort_by_key(|(page, _)| PAGES.iter().position(|p| p == page));

    let mut table = format!(
        "Lighthouse, mobile ({:.0} s)\n{:<20} {:>11} {:>13} {:>14} {:>4}\n",
        started.elapsed().as_secs_f64(),
        "page",
        "performance",
        "accessibility",
        "best-practices",
        "seo"
    );
    let (mut failures, mut notes) = (Vec::new(), Vec::new());
    for (page, report) in &reports {
        let not_found = page.contains("no/such");
        if not_found {
            let crawlable = &report["audits"]["is-crawlable"];
            let items = crawlable["details"]["items"].to_string();
            assert!(
                crawlable["score"].as_f64() == Some(0.0) && items.contains("noindex"),
                "/{page}: the not-found page says noindex: {items}"
            );
        }
        let scores: Vec<f64> = CATEGORIES
            .iter()
            .map(|category| {
                let skip = (not_found && *category == "seo").then_some("is-crawlable");
                let (score, lost) = score(report, category, skip);
                let line = format!("/{page} {category} {score:.2}:\n  {}", lost.join("\n  "));
                if score < LEAST {
                    failures.push(line);
                } else if !lost.is_empty() {
                    notes.push(line);
                }
                score
            })
            .collect();
        let console = &report["audits"]["errors-in-console"];
        if console["score"].as_f64() != Some(1.0) || scores[2] < 1.0 {
            failures.push(format!(
                "/{page}: best practices {:.2}, console: {}",
                scores[2], console["details"]["items"]
            ));
        }
        table.push_str(&format!(
            "{:<20} {:>11.2} {:>13.2} {:>14.2} {:>4.2}\n",
            format!("/{page}"),
            scores[0],
            scores[1],
            scores[2],
            scores[3]
        ));
    }
    // Past the test harness's capture, so the table shows in every run.
    let _ = writeln!(std::io::stderr(), "{table}{}", notes.join("\n"));
    assert!(failures.is_empty(), "{table}\n{}", failures.join("\n"));
}
