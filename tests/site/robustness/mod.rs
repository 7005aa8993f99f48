//! Attacks on the build's promises: killed builds, racing builds, writes
//! that fail, and content that is huge, deep or hostile. Most are slow and
//! run in `.ci/run` (`cargo test -- --include-ignored`).

mod crash;
mod fuzz_inputs;
mod hostile_content;
mod races;
mod write_failures;
