//! The site as the pipeline sees it once content is loaded: the catalog
//! (content indexed and planned into pages), the pages and their anchors,
//! the ranges of close codes, and every URL.

pub mod catalog;
pub mod language;
pub mod pages;
pub mod plan;
pub mod ranges;
pub mod urls;
