//! A small fluent driver for the `roles` binary, so each test reads like a
//! specification: `roles(&["compare"]).succeeds().stdout_json()`.
//!
//! Every run gets a fixed environment: `COLUMNS=80`, and no `ROLES_KB`,
//! `NO_COLOR`, `CLICOLOR`, `CLICOLOR_FORCE` or `TERM` from the host, so nothing
//! outside the test can change what the binary prints.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

pub mod child;

pub use child::{Child, Outcome, child, fixture};

/// Variables the binary reads that must not leak in from the host.
pub const HOST_VARIABLES: &[&str] = &[
    "ROLES_KB",
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "TERM",
    "COLUMNS",
    "LINES",
];

/// The output formats every command supports.
pub const FORMATS: &[&str] = &["table", "json", "yaml", "markdown"];

/// A run of `roles` being set up: a fluent face on [`child::Child`], the one
/// way these tests start the binary.
pub struct Roles {
    child: Child,
}

/// What a run of `roles` did.
pub type Run = Outcome;

/// Starts a run of `roles` with these arguments, `COLUMNS=80` and nothing from
/// the host that changes what it prints.
pub fn roles(args: &[&str]) -> Roles {
    Roles { child: child(args) }
}

impl Roles {
    /// Adds an argument.
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.child = self.child.arg(arg);
        self
    }

    /// Adds `--kb FILE`.
    pub fn kb(self, file: impl AsRef<Path>) -> Self {
        self.arg("--kb").arg(file.as_ref())
    }

    /// Adds `--format FORMAT`.
    pub fn format(self, format: &str) -> Self {
        self.arg("--format").arg(format)
    }

    /// Sets an environment variable.
    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Self {
        self.child = self.child.env(key, value);
        self
    }

    /// Sets the table width.
    pub fn columns(self, width: u16) -> Self {
        self.env("COLUMNS", width.to_string())
    }

    /// Runs in this directory.
    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.child = self.child.current_dir(dir);
        self
    }

    /// Feeds `input` to the binary's stdin (otherwise stdin is empty and not a terminal).
    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Self {
        self.child = self.child.stdin(input);
        self
    }

    /// Runs it, whatever the outcome.
    pub fn run(self) -> Run {
        self.child.run()
    }

    /// Runs it and checks that it succeeded: exit 0, something on stdout, nothing on stderr.
    #[track_caller]
    pub fn succeeds(self) -> Run {
        let run = self.run();
        assert_eq!(run.code, Some(0), "should succeed\n{run}");
        assert!(run.stderr.is_empty(), "wrote to stderr\n{run}");
        assert!(!run.stdout.is_empty(), "printed nothing\n{run}");
        run
    }

    /// Runs it and checks that it was refused as bad input: exit 2, nothing on
    /// stdout, and one `error: …` report on stderr, without a panic.
    #[track_caller]
    pub fn fails_as_bad_input(self) -> Run {
        let run = self.run();
        assert_eq!(run.code, Some(2), "should exit 2\n{run}");
        assert!(run.stdout.is_empty(), "wrote to stdout\n{run}");
        assert!(
            run.stderr.starts_with("error: "),
            "should report `error: …`\n{run}"
        );
        assert!(!run.stderr.contains("panicked"), "panicked\n{run}");
        run
    }
}

impl Run {
    /// Stdout parsed as JSON.
    #[track_caller]
    pub fn stdout_json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("printed invalid JSON: {e}\n{self}"))
    }

    /// Stdout parsed as YAML (by the binary's own reader), as a JSON tree.
    #[track_caller]
    pub fn stdout_yaml(&self) -> serde_json::Value {
        roles::kb::yaml::parse(&self.stdout)
            .unwrap_or_else(|e| panic!("printed invalid YAML: {e:?}\n{self}"))
    }

    /// Checks that stdout contains `text`.
    #[track_caller]
    pub fn stdout_has(self, text: &str) -> Self {
        assert!(
            self.stdout.contains(text),
            "stdout should contain {text:?}\n{self}"
        );
        self
    }

    /// Checks that stdout does not contain `text`.
    #[track_caller]
    pub fn stdout_lacks(self, text: &str) -> Self {
        assert!(
            !self.stdout.contains(text),
            "stdout should not contain {text:?}\n{self}"
        );
        self
    }

    /// Checks that stderr contains `text`.
    #[track_caller]
    pub fn stderr_has(self, text: &str) -> Self {
        assert!(
            self.stderr.contains(text),
            "stderr should contain {text:?}\n{self}"
        );
        self
    }

    /// Checks that stderr does not contain `text`.
    #[track_caller]
    pub fn stderr_lacks(self, text: &str) -> Self {
        assert!(
            !self.stderr.contains(text),
            "stderr should not contain {text:?}\n{self}"
        );
        self
    }
}

/// Writes `roles kb dump` (in `format`) to a file in `dir` and returns its path.
pub fn dump_to(dir: &Path, format: &str) -> PathBuf {
    let text = roles(&["kb", "dump"]).format(format).succeeds().stdout;
    let path = dir.join(format!("kb.{format}"));
    std::fs::write(&path, text).expect("the dump can be written");
    path
}

/// Writes `text` to a file `name` in `dir` and returns its path.
pub fn write_file(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("the fixture can be written");
    path
}

/// A fresh temporary directory, removed when dropped.
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

/// The ids of the objects in a JSON array, e.g. `roles` or `dimensions`.
#[track_caller]
pub fn ids(items: &serde_json::Value) -> Vec<&str> {
    items
        .as_array()
        .expect("an array")
        .iter()
        .map(|item| item["id"].as_str().expect("an `id` string"))
        .collect()
}

/// Width in display columns (not bytes or characters) of the widest line of `text`.
pub fn widest_line(text: &str) -> (usize, &str) {
    text.lines()
        .map(|line| (unicode_width::UnicodeWidthStr::width(line), line))
        .max()
        .unwrap_or((0, ""))
}

/// The names of the entries of `dir`, sorted.
pub fn dir_entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the directory can be listed")
        .map(|entry| {
            entry
                .expect("a directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// Notes a test that cannot run here because `what` is missing from the machine
/// (a tool, the articles beside the repository). On a developer's machine the
/// test is skipped with a note; under `CI` a missing prerequisite fails, so CI
/// never passes a test it did not run.
#[track_caller]
#[allow(clippy::print_stderr, reason = "a skipped test says why")]
pub fn prerequisite_missing(what: &str) {
    if std::env::var_os("CI").is_some_and(|value| !value.is_empty()) {
        panic!("a test's prerequisite is missing under CI: {what}");
    }
    eprintln!("note: skipped a test: {what}");
}
