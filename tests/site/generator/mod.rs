//! The generator's promises: what a build writes, refuses and reports, on
//! the small fixture site and on edited copies of the real content.

mod artifact;
mod bad_input;
mod build_output;
mod check_site;
mod escaping;
mod languages;
mod navigation;
mod policy;
mod protocols;
mod scale;
mod sharing;
mod trust;
mod valid_html;
