//! `roles`: a command-line advisor on the CIO and CTO roles.
//!
//! Data flows one way: a knowledge-base file (or the copy embedded at build time)
//! becomes the model in [`kb`], a command turns it into a view in [`view`] (or an
//! [`advise::Advice`]), and a renderer in [`render`] writes it to stdout. [`run()`]
//! wires it together and maps errors to exit codes; `main.rs` only calls it.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod advise;
pub mod career;
pub mod cli;
pub mod embedded;
pub mod error;
pub mod kb;
pub mod render;
pub mod run;
pub mod terminal;
pub mod view;

pub use run::run;
