//! `serve`'s HTTP server under strange, slow, random and heavy requests.

mod fuzz;
mod hostile;
mod load;
