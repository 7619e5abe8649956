//! The integration tests: one crate, so one build and one link. Each module
//! covers a command or a concern and runs the real binary through [`common`].

mod common;

mod advise;
mod advise_terminal;
mod bad_kb;
mod career;
mod closed_pipe;
mod colour;
mod compare;
mod completions;
mod conventions;
mod custom_role;
mod disputes;
mod flags;
mod formats;
mod help;
mod hostile;
mod html;
mod jd;
mod kb;
mod man;
mod pager;
mod paraphrase;
mod properties;
mod readme;
mod search;
mod show;
mod sources;
mod split;
mod topics;
mod widths;
mod yaml11;
