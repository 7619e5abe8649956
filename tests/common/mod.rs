//! A small fluent driver for the `roles` binary, so each test reads like a
//! specification: `roles(&["compare"]).succeeds().stdout_json()`.
//!
//! Every run gets a fixed environment: `COLUMNS=80`, and no `ROLES_KB`,
//! `NO_COLOR`, `CLICOLOR`, `CLICOLOR_FORCE` or `TERM` from the host, so nothing
//! outside the test can change what the binary prints.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub mod child;

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

/// A run of `roles` being set up.
pub struct Roles {
    command: Command,
    shown: String,
}

/// Starts a run of `roles` with these arguments.
pub fn roles(args: &[&str]) -> Roles {
    let mut command = Command::cargo_bin("roles").expect("the `roles` binary is built");
    for name in HOST_VARIABLES {
        command.env_remove(name);
    }
    command.env("COLUMNS", "80").args(args);
    Roles {
        command,
        shown: format!("roles {}", args.join(" ")),
    }
}

impl Roles {
    /// Adds an argument.
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.shown.push(' ');
        self.shown.push_str(&arg.as_ref().to_string_lossy());
        self.command.arg(arg);
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
        self.shown = format!("{key}={} {}", value.as_ref().to_string_lossy(), self.shown);
        self.command.env(key, value);
        self
    }

    /// Sets the table width.
    pub fn columns(self, width: u16) -> Self {
        self.env("COLUMNS", width.to_string())
    }

    /// Runs in this directory.
    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.command.current_dir(dir);
        self
    }

    /// Runs it, whatever the outcome.
    pub fn run(mut self) -> Run {
        let output = self.command.output().expect("`roles` can be started");
        Run {
            shown: self.shown,
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Runs it and checks that it succeeded: exit 0, something on stdout, nothing on stderr.
    #[track_caller]
    pub fn succeeds(self) -> Run {
        let run = self.run();
        assert_eq!(run.code, Some(0), "`{}` should succeed\n{run}", run.shown);
        assert!(
            run.stderr.is_empty(),
            "`{}` wrote to stderr\n{run}",
            run.shown
        );
        assert!(
            !run.stdout.is_empty(),
            "`{}` printed nothing\n{run}",
            run.shown
        );
        run
    }

    /// Runs it and checks that it was refused as bad input: exit 2, nothing on
    /// stdout, and one `error: …` report on stderr, without a panic.
    #[track_caller]
    pub fn fails_as_bad_input(self) -> Run {
        let run = self.run();
        assert_eq!(run.code, Some(2), "`{}` should exit 2\n{run}", run.shown);
        assert!(
            run.stdout.is_empty(),
            "`{}` wrote to stdout\n{run}",
            run.shown
        );
        assert!(
            run.stderr.starts_with("error: "),
            "`{}` should report `error: …`\n{run}",
            run.shown
        );
        assert!(
            !run.stderr.contains("panicked"),
            "`{}` panicked\n{run}",
            run.shown
        );
        run
    }
}

/// What a run of `roles` did.
pub struct Run {
    /// The command line, for messages.
    pub shown: String,
    /// The exit code (`None` if killed by a signal).
    pub code: Option<i32>,
    /// Everything written to stdout.
    pub stdout: String,
    /// Everything written to stderr.
    pub stderr: String,
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

impl Run {
    /// Stdout parsed as JSON.
    #[track_caller]
    pub fn stdout_json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("`{}` printed invalid JSON: {e}\n{self}", self.shown))
    }

    /// Stdout parsed as YAML (by the binary's own reader), as a JSON tree.
    #[track_caller]
    pub fn stdout_yaml(&self) -> serde_json::Value {
        roles::kb::yaml::parse(&self.stdout)
            .unwrap_or_else(|e| panic!("`{}` printed invalid YAML: {e:?}\n{self}", self.shown))
    }

    /// Checks that stdout contains `text`.
    #[track_caller]
    pub fn stdout_has(self, text: &str) -> Self {
        assert!(
            self.stdout.contains(text),
            "`{}`: stdout should contain {text:?}\n{self}",
            self.shown
        );
        self
    }

    /// Checks that stdout does not contain `text`.
    #[track_caller]
    pub fn stdout_lacks(self, text: &str) -> Self {
        assert!(
            !self.stdout.contains(text),
            "`{}`: stdout should not contain {text:?}\n{self}",
            self.shown
        );
        self
    }

    /// Checks that stderr contains `text`.
    #[track_caller]
    pub fn stderr_has(self, text: &str) -> Self {
        assert!(
            self.stderr.contains(text),
            "`{}`: stderr should contain {text:?}\n{self}",
            self.shown
        );
        self
    }

    /// Checks that stderr does not contain `text`.
    #[track_caller]
    pub fn stderr_lacks(self, text: &str) -> Self {
        assert!(
            !self.stderr.contains(text),
            "`{}`: stderr should not contain {text:?}\n{self}",
            self.shown
        );
        self
    }
}

/// The path of a file under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
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

/// Width in characters (not bytes) of the widest line of `text`.
pub fn widest_line(text: &str) -> (usize, &str) {
    text.lines()
        .map(|line| (line.chars().count(), line))
        .max()
        .unwrap_or((0, ""))
}

impl Roles {
    /// Feeds `input` to the binary's stdin (otherwise stdin is empty and not a terminal).
    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Self {
        self.shown.push_str(" < (stdin)");
        self.command.write_stdin(input);
        self
    }
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
