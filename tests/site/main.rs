//! The test suite: one binary, so the real site is built once and shared.
//! Each module holds the tests of one promise; `common` holds what they
//! share. Browser tests need Chromium and ChromeDriver, the HTML tests the
//! Nu HTML Checker: outside CI they are skipped with a message when missing.

mod common;

mod bad_input;
mod browser_a11y;
mod browser_dark;
mod browser_language;
mod browser_lookup;
mod browser_reading;
mod browser_redirects;
mod browser_serve;
mod build_output;
mod check_site;
mod claims;
mod crash;
mod depth;
mod escaping;
mod fuzz_inputs;
mod hostile_content;
mod languages;
mod lighthouse;
mod navigation;
mod races;
mod real_site;
mod scale;
mod serve_fuzz;
mod serve_hostile;
mod serve_load;
mod sharing;
mod timeouts;
mod valid_html;
mod write_failures;
