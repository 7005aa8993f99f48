//! What a reader sees and does in headless Chromium: reading on a phone and
//! a laptop, the lookup, the full-text search, the 404 page, the content
//! security policy, languages, the dark theme, axe,
//! `serve`'s live reload, and Lighthouse (which runs on its own).

mod a11y;
mod dark;
mod language;
mod lighthouse;
mod lookup;
mod policy;
mod reading;
mod redirects;
mod screens;
mod search;
mod serve;
