//! What `serve` needs besides the build: a small HTTP/1.1 server with limits
//! on every request, and the rule that maps a request to a file of the site
//! as GitHub Pages does. The binary's `serve` and the browser tests share it.

pub mod http;
mod request;
pub mod static_files;
