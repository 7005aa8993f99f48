//! Facts of the real site's content: a failure here means a sentence, a
//! value or a page of `content/` is wrong or missing, not the generator.

mod claims;
mod depth;
mod real_site;
mod timeouts;
