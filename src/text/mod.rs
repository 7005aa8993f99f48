//! Prose and code as text: Markdown rendered and read for links, and code
//! coloured at build time. Shared by validation, which reads links and
//! languages, and rendering.

pub mod highlight;
pub mod markdown;
