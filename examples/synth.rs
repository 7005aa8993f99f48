//! Writes a synthetic site of N private close codes, for benchmarks:
//! `cargo run --release --example synth -- N DIR`, then build it with
//! `cargo run --release -- --content DIR/content --out DIR/public`.

#[path = "../tests/site/common/synth.rs"]
#[allow(dead_code)] // this example only writes a site; the benchmark also copies
mod synth;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(dir)) = (
        args.first().and_then(|n| n.parse::<u16>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: synth N DIR   (N private codes, 1 to 1000)");
        return ExitCode::from(2);
    };
    if !(1..=1000).contains(&n) {
        eprintln!("N must be between 1 and 1000 (codes 4000-4999)");
        return ExitCode::from(2);
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = PathBuf::from(dir);
    match synth::write_site(repo, n, &dir) {
        Ok(()) => {
            println!("wrote {n} codes to {}", dir.join("content").display());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{}: {err}", dir.display());
            ExitCode::FAILURE
        }
    }
}
