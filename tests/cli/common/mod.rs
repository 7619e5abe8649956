//! The one driver for the `roles` binary, so each test reads like a
//! specification: `roles(&["compare"]).succeeds().stdout_json()`.
//!
//! Every run gets a fixed environment (`COLUMNS=80`, nothing from the host that
//! changes what the binary prints), a wall-clock deadline, and on request a cap
//! on its memory; it reports the exit status, output and timing.

#![allow(dead_code)]

use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Variables the binary reads that must not leak in from the host.
#[rustfmt::skip]
pub const HOST_VARIABLES: [&str; 7] =
    ["ROLES_KB", "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM", "COLUMNS", "LINES"];

/// The output formats every command supports.
pub const FORMATS: &[&str] = &["table", "json", "yaml", "markdown"];

/// The address-space cap a hostile run gets: a blow-up fails inside it rather
/// than swapping the machine.
pub const MEMORY_CAP_BYTES: u64 = 1024 * 1024 * 1024;

/// How long any run may take before it is killed (a hang fails the test
/// instead of stalling the suite).
pub const DEADLINE: Duration = Duration::from_secs(30);

/// The `roles` binary under test.
pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_roles"))
}

/// A committed fixture under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A run of `roles` being set up.
pub struct Roles {
    args: Vec<OsString>,
    env: Vec<(OsString, OsString)>,
    stdin: Option<Vec<u8>>,
    capped: bool,
    dir: Option<PathBuf>,
}

/// Starts a run of `roles` with these arguments, `COLUMNS=80` and nothing from
/// the host that changes what it prints.
pub fn roles<S: AsRef<OsStr>>(args: &[S]) -> Roles {
    Roles {
        args: args.iter().map(|a| a.as_ref().to_owned()).collect(),
        env: vec![("COLUMNS".into(), "80".into())],
        stdin: None,
        capped: false,
        dir: None,
    }
}

impl Roles {
    /// Adds an argument.
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    /// Adds arguments.
    pub fn args<S: AsRef<OsStr>>(self, args: &[S]) -> Self {
        args.iter().fold(self, |run, arg| run.arg(arg))
    }

    /// Adds `--kb FILE`.
    pub fn kb(self, file: impl AsRef<Path>) -> Self {
        self.arg("--kb").arg(file.as_ref())
    }

    /// Adds `--answer A` for each space-separated answer in `answers`.
    pub fn answers(self, answers: &str) -> Self {
        let each = answers.split_whitespace();
        each.fold(self, |run, answer| run.arg("--answer").arg(answer))
    }

    /// Adds `--format FORMAT`.
    pub fn format(self, format: &str) -> Self {
        self.arg("--format").arg(format)
    }

    /// Sets an environment variable.
    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Self {
        self.env.retain(|(k, _)| k != key);
        self.env.push((key.into(), value.as_ref().to_owned()));
        self
    }

    /// Sets the table width.
    pub fn columns(self, width: u16) -> Self {
        self.env("COLUMNS", width.to_string())
    }

    /// Runs in this working directory.
    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.dir = Some(dir.as_ref().to_owned());
        self
    }

    /// Feeds these bytes on stdin (otherwise stdin is empty and not a terminal).
    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(bytes.into());
        self
    }

    /// Caps the address space at [`MEMORY_CAP_BYTES`] (with `ulimit -v`), so a
    /// memory blow-up ends in a failed allocation.
    pub fn memory_capped(mut self) -> Self {
        self.capped = true;
        self
    }

    /// The command line, for messages.
    pub fn shown(&self) -> String {
        let args = self
            .args
            .iter()
            .map(|arg| format!(" {}", arg.to_string_lossy()));
        format!("roles{}", args.collect::<String>())
    }

    /// The command, its stdout and stderr piped and its stdin empty.
    fn command(&self) -> Command {
        let mut command = match self.capped {
            false => Command::new(binary()),
            true => {
                let mut sh = Command::new("/bin/sh");
                let limit = MEMORY_CAP_BYTES / 1024;
                sh.args(["-c", &format!("ulimit -v {limit} && exec \"$0\" \"$@\"")]);
                sh.arg(binary());
                sh
            }
        };
        command.args(&self.args);
        for name in HOST_VARIABLES {
            command.env_remove(name);
        }
        command.envs(self.env.iter().map(|(k, v)| (k, v)));
        if let Some(dir) = &self.dir {
            command.current_dir(dir);
        }
        command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command
    }

    /// Runs it to the end (or [`DEADLINE`]), whatever the outcome.
    pub fn run(self) -> Run {
        let mut command = self.command();
        if self.stdin.is_some() {
            command.stdin(Stdio::piped());
        }
        let started = Instant::now();
        let mut process = command.spawn().expect("`roles` can be started");
        let feeder = process.stdin.take().map(|mut pipe| {
            let bytes = self.stdin.clone().unwrap_or_default();
            // The child may stop reading early (a size cap); that is not our error.
            std::thread::spawn(move || drop(pipe.write_all(&bytes)))
        });
        let stdout = drain(process.stdout.take().expect("stdout is piped"));
        let stderr = drain(process.stderr.take().expect("stderr is piped"));
        let (status, timed_out) = loop {
            if let Some(status) = process.try_wait().expect("`roles` can be waited for") {
                break (status, false);
            }
            if started.elapsed() > DEADLINE {
                let _ = process.kill();
                break (process.wait().expect("killed `roles` ends"), true);
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        let elapsed = started.elapsed();
        feeder.map(std::thread::JoinHandle::join);
        let text = |pipe: std::thread::JoinHandle<Vec<u8>>| pipe.join().expect("a pipe reader");
        let (stdout, stderr) = (text(stdout), text(stderr));
        let (stdout, stderr) = (
            String::from_utf8_lossy(&stdout),
            String::from_utf8_lossy(&stderr),
        );
        let (shown, code) = (self.shown(), status.code());
        let (stdout, stderr) = (stdout.into_owned(), stderr.into_owned());
        Run {
            shown,
            code,
            timed_out,
            elapsed,
            stdout,
            stderr,
        }
    }

    /// Runs it and checks it succeeded: exit 0, output, nothing on stderr.
    #[track_caller]
    pub fn succeeds(self) -> Run {
        let run = self.run().succeeded();
        assert!(!run.stdout.is_empty(), "printed nothing\n{run}");
        run
    }

    /// Runs it and checks that it was refused as bad input: exit 2, nothing on
    /// stdout, and one `error: …` report on stderr, without a panic.
    #[track_caller]
    pub fn fails_as_bad_input(self) -> Run {
        let run = self.run();
        let (code, stderr) = (run.code, &run.stderr);
        let refused = code == Some(2) && run.stdout.is_empty() && stderr.starts_with("error: ");
        assert!(refused && !stderr.contains("panicked"), "{run}");
        run
    }

    /// Runs it with `--format json`, checks it succeeded and parses the output.
    #[track_caller]
    pub fn json(self) -> serde_json::Value {
        self.format("json").succeeds().stdout_json()
    }

    /// Runs it with `--format markdown`, checks it succeeded, and gives the output.
    #[track_caller]
    pub fn markdown(self) -> String {
        self.format("markdown").succeeds().stdout
    }

    /// Spawns it with stdout a pipe, for closed-pipe tests; stdin is empty and
    /// stderr piped.
    pub fn spawn_piped(self) -> std::process::Child {
        self.command().spawn().expect("`roles` can be started")
    }
}

fn drain(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        bytes
    })
}

/// What a run of `roles` did.
pub struct Run {
    /// The command line, for messages.
    pub shown: String,
    /// The exit code (`None` if ended by a signal, e.g. an abort on a failed allocation).
    pub code: Option<i32>,
    /// Whether it was killed at [`DEADLINE`].
    pub timed_out: bool,
    /// Wall-clock time from spawn to exit.
    pub elapsed: Duration,
    /// Everything written to stdout (lossy UTF-8).
    pub stdout: String,
    /// Everything written to stderr (lossy UTF-8).
    pub stderr: String,
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let clip = |text: &str| match text.char_indices().nth(2000) {
            Some((end, _)) => format!("{}… ({} bytes)", &text[..end], text.len()),
            None => text.to_owned(),
        };
        let killed = ["", " (killed at the deadline)"][usize::from(self.timed_out)];
        let (out, err) = (clip(&self.stdout), clip(&self.stderr));
        let (shown, code, elapsed) = (&self.shown, self.code, self.elapsed);
        let streams = format!("--- stdout ---\n{out}\n--- stderr ---\n{err}");
        write!(
            f,
            "`{shown}`: exit {code:?}{killed} after {elapsed:?}\n{streams}"
        )
    }
}

impl Run {
    /// Checks exit 0 and nothing on stderr.
    #[track_caller]
    pub fn succeeded(self) -> Self {
        assert_eq!(self.code, Some(0), "should succeed\n{self}");
        assert!(self.stderr.is_empty(), "wrote to stderr\n{self}");
        self
    }

    /// Whether stdout or stderr holds an ANSI escape sequence.
    pub fn has_escapes(&self) -> bool {
        self.stdout.contains('\x1b') || self.stderr.contains('\x1b')
    }

    /// Stdout parsed as JSON.
    #[track_caller]
    pub fn stdout_json(&self) -> serde_json::Value {
        let json = serde_json::from_str(&self.stdout);
        json.unwrap_or_else(|e| panic!("printed invalid JSON: {e}\n{self}"))
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
        assert!(self.stdout.contains(text), "{text:?}\n{self}");
        self
    }

    /// Checks that stdout does not contain `text`.
    #[track_caller]
    pub fn stdout_lacks(self, text: &str) -> Self {
        assert!(!self.stdout.contains(text), "{text:?}\n{self}");
        self
    }

    /// Checks that stderr contains `text`.
    #[track_caller]
    pub fn stderr_has(self, text: &str) -> Self {
        assert!(self.stderr.contains(text), "{text:?}\n{self}");
        self
    }

    /// Checks that stderr does not contain `text`.
    #[track_caller]
    pub fn stderr_lacks(self, text: &str) -> Self {
        assert!(!self.stderr.contains(text), "{text:?}\n{self}");
        self
    }
}

/// Refuses `roles LINE` (split as a shell would) as bad input, saying each of
/// `says` (`|` between them) on stderr.
#[track_caller]
pub fn refused(line: &str, says: &str) -> Run {
    let args = shell_words::split(line).expect("words");
    let run = roles(&args).fails_as_bad_input();
    for text in says.split('|') {
        assert!(run.stderr.contains(text), "{text:?}\n{run}");
    }
    run
}

/// `roles ARGS --format json`, which must succeed, parsed.
#[track_caller]
pub fn json(args: &[&str]) -> serde_json::Value {
    roles(args).json()
}

/// Compares `actual` with `tests/snapshots/NAME`, or rewrites the snapshot when
/// `UPDATE_SNAPSHOTS=1` (then review the diff of `tests/snapshots/`).
#[track_caller]
pub fn assert_snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    let shown = path.display();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("the directory");
        return std::fs::write(&path, actual).expect("the snapshot can be written");
    }
    let expected = std::fs::read_to_string(&path);
    let expected =
        expected.unwrap_or_else(|e| panic!("{shown}: {e} (UPDATE_SNAPSHOTS=1 writes it)"));
    let diff = format!("--- expected ---\n{expected}\n--- actual ---\n{actual}");
    assert!(actual == expected, "output differs from {shown}\n{diff}");
}

/// Writes `roles kb dump` (in `format`) to a file in `dir` and returns its path.
pub fn dump_to(dir: &Path, format: &str) -> PathBuf {
    let dump = roles(&["kb", "dump"]).format(format).succeeds().stdout;
    write_file(dir, &format!("kb.{format}"), dump)
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
pub fn ids<'a>(items: &'a serde_json::Value) -> Vec<&'a str> {
    let id = |item: &'a serde_json::Value| item["id"].as_str().expect("an `id` string");
    items.as_array().expect("an array").iter().map(id).collect()
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
    let entries = std::fs::read_dir(dir).expect("the directory can be listed");
    let name = |entry: std::io::Result<std::fs::DirEntry>| entry.expect("an entry").file_name();
    let mut names: Vec<String> = entries.map(|e| name(e).to_string_lossy().into()).collect();
    names.sort();
    names
}

/// The `(line, column)` of the first `{file}:LINE:COLUMN:` in `text`.
pub fn location(text: &str, file: &str) -> Option<(usize, usize)> {
    let prefix = format!("{file}:");
    text.match_indices(&prefix).find_map(|(at, _)| {
        let mut parts = text[at + prefix.len()..].splitn(3, ':');
        let mut number = || {
            parts
                .next()
                .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
        };
        let (line, column) = (number()?.parse().ok()?, number()?.parse().ok()?);
        parts.next()?;
        Some((line, column))
    })
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

/// The items of a JSON array.
#[track_caller]
pub fn items(value: &serde_json::Value) -> &Vec<serde_json::Value> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {value}"))
}

/// `roles ARGS --format markdown`, which must succeed.
#[track_caller]
pub fn markdown(args: &[&str]) -> String {
    roles(args).markdown()
}

/// A JSON string's text, or "" for anything else.
pub fn string(value: &serde_json::Value) -> &str {
    value.as_str().unwrap_or_default()
}

/// The embedded knowledge base, decoded once.
pub fn embedded() -> &'static roles::kb::KnowledgeBase {
    static KB: std::sync::OnceLock<roles::kb::KnowledgeBase> = std::sync::OnceLock::new();
    KB.get_or_init(|| roles::library::Library::embedded().kb)
}
