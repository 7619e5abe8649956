//! `roles`: a command-line advisor on the CIO and CTO roles.
//!
//! Data flows one way: a knowledge-base file (or the copy embedded at build time)
//! becomes the model in [`kb`]; a command in [`commands`] turns it into a view and
//! draws that view with the shared tools in [`render`]; [`run()`] parses the
//! arguments, dispatches, writes the output and maps errors to exit codes. The
//! guided questionnaires share [`questionnaire`]. `main.rs` only calls [`run()`].

pub mod cli;
pub mod commands;
pub mod error;
pub mod kb;
pub mod library;
pub mod questionnaire;
pub mod render;
pub mod run;

pub use run::run;
