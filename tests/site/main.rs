//! The test suite: one binary, so the real site is built once and shared.
//! The folders say what broke: `generator/` holds the generator's promises
//! (on the small fixture site and on any content), `content/` the facts of
//! the real site's content, `browser/` what a reader sees in Chromium,
//! `serve/` the preview server, and `robustness/` the attacks (kills,
//! races, failing writes, hostile input). `common/` is what they share.
//! See README.md for what each kind needs and how to run the slow ones.

mod common;

mod browser;
mod content;
mod generator;
mod robustness;
mod serve;
