//! Passes the tungstenite version from Cargo.lock and the compiler's version
//! to the program, so its output names exactly what it ran.
use std::process::Command;

fn main() {
    let lock = std::fs::read_to_string("Cargo.lock").expect("Cargo.lock");
    let version = lock
        .split("[[package]]")
        .find(|p| p.contains("name = \"tungstenite\""))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = \"")))
        .map(|v| v.trim_end_matches('"').to_owned())
        .expect("tungstenite in Cargo.lock");
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let out = Command::new(rustc).arg("--version").output().expect("rustc --version");
    let rustc_version = String::from_utf8_lossy(&out.stdout).split_whitespace().nth(1).unwrap_or("").to_owned();
    println!("cargo:rustc-env=CAPTURE_TUNGSTENITE={version}");
    println!("cargo:rustc-env=CAPTURE_RUSTC={rustc_version}");
    println!("cargo:rerun-if-changed=Cargo.lock");
}
