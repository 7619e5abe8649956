//! The knowledge base: its parts' types, the checks they must pass, the whole,
//! and how a file becomes one (every problem reported by file, line and column).
//! Imports point one way: `text` and `problem` ← `model` ← `career`, `disputes`,
//! `jd` ← `knowledge_base` ← `validate` ← `load` (with `yaml`).
//!
//! `build.rs` compiles this module too, to validate `data/` with the checks a
//! user's file gets; so it refers only to its own submodules, std and its serde
//! crates (serde, serde_json, serde-saphyr).

pub mod career;
pub mod disputes;
pub mod jd;
pub mod knowledge_base;
pub mod load;
pub mod model;
pub mod problem;
pub mod text;
pub mod validate;
pub mod yaml;

pub use knowledge_base::{KB_SCHEMA_VERSION, KnowledgeBase};
pub use load::{MAX_FILE_BYTES, STDIN_ORIGIN, load_file, load_stdin};
pub use model::*;
pub use problem::{KbError, Location, Problem, Step};
pub use validate::validate;
