//! The knowledge base: its model, how a file becomes a model (with every problem
//! found reported by file, line and column), and the copy embedded at build time.
//!
//! This module is also compiled into `build.rs`, which validates `data/` with the
//! same checks a user's file gets and stores the result in a compact binary form;
//! so it refers only to its own submodules, std, its serde crates (serde,
//! serde_json, serde-saphyr, schemars) and compact_str.

pub mod browse;
pub mod career;
pub mod jd;
pub mod load;
pub mod model;
pub mod problem;
pub mod text;
pub mod validate;
pub mod yaml;

pub use load::{MAX_FILE_BYTES, STDIN_ORIGIN, load_file, load_stdin};
pub use model::*;
pub use problem::{KbError, Location, Problem, Step};
pub use validate::validate;
