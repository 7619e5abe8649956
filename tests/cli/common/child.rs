//! Running `roles` as a child process with a clean environment, a wall-clock
//! deadline and (where the system allows) a cap on its memory, for the hostile
//! file, convention and help tests. The fluent driver in `common` serves
//! everyday tests; this one gives the raw exit status, bytes and timing that
//! those tests need.

use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::HOST_VARIABLES;

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
pub struct Child {
    args: Vec<OsString>,
    env: Vec<(OsString, OsString)>,
    stdin: Option<Vec<u8>>,
    capped: bool,
    dir: Option<PathBuf>,
}

/// Starts setting up `roles ARGS` with `COLUMNS=80` and nothing from the host
/// that changes what it prints.
pub fn child<S: AsRef<OsStr>>(args: &[S]) -> Child {
    Child {
        args: args.iter().map(|a| a.as_ref().to_owned()).collect(),
        env: vec![("COLUMNS".into(), "80".into())],
        stdin: None,
        capped: false,
        dir: None,
    }
}

/// How a memory cap can be put on a child here.
enum Cap {
    Prlimit,
    Ulimit,
    None,
}

fn cap_tool() -> Cap {
    if Path::new("/usr/bin/prlimit").exists() || Path::new("/bin/prlimit").exists() {
        Cap::Prlimit
    } else if Path::new("/bin/sh").exists() && cfg!(unix) {
        Cap::Ulimit
    } else {
        Cap::None
    }
}

impl Child {
    /// Adds an argument.
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    /// Sets an environment variable.
    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Self {
        self.env.retain(|(k, _)| k != key);
        self.env.push((key.into(), value.as_ref().to_owned()));
        self
    }

    /// Feeds these bytes on stdin (otherwise stdin is empty).
    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(bytes.into());
        self
    }

    /// Runs in this working directory.
    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.dir = Some(dir.as_ref().to_owned());
        self
    }

    /// Caps the child's address space at [`MEMORY_CAP_BYTES`] (with `prlimit`,
    /// else `ulimit -v`), so a memory blow-up ends in a failed allocation.
    pub fn memory_capped(mut self) -> Self {
        self.capped = true;
        self
    }

    /// The command line, for messages.
    pub fn shown(&self) -> String {
        let mut shown = String::from("roles");
        for arg in &self.args {
            shown.push(' ');
            shown.push_str(&arg.to_string_lossy());
        }
        shown
    }

    fn command(&self) -> Command {
        let bin = binary();
        let mut command = match (self.capped, cap_tool()) {
            (true, Cap::Prlimit) => {
                let mut c = Command::new("prlimit");
                c.arg(format!("--as={MEMORY_CAP_BYTES}")).arg(&bin);
                c
            }
            (true, Cap::Ulimit) => {
                let mut c = Command::new("/bin/sh");
                c.arg("-c")
                    .arg(format!(
                        "ulimit -v {} && exec \"$0\" \"$@\"",
                        MEMORY_CAP_BYTES / 1024
                    ))
                    .arg(&bin);
                c
            }
            _ => Command::new(&bin),
        };
        command.args(&self.args);
        for name in HOST_VARIABLES {
            command.env_remove(name);
        }
        for (key, value) in &self.env {
            command.env(key, value);
        }
        if let Some(dir) = &self.dir {
            command.current_dir(dir);
        }
        command
    }

    /// Runs it to the end (or [`DEADLINE`]), collecting everything.
    pub fn run(self) -> Outcome {
        let shown = self.shown();
        let mut command = self.command();
        command
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let started = Instant::now();
        let mut process = command.spawn().expect("`roles` can be started");
        let feeder = process.stdin.take().map(|mut pipe| {
            let bytes = self.stdin.clone().unwrap_or_default();
            // The child may stop reading early (a size cap); that is not our error.
            std::thread::spawn(move || {
                let _ = pipe.write_all(&bytes);
            })
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
        if let Some(feeder) = feeder {
            let _ = feeder.join();
        }
        Outcome {
            shown,
            code: status.code(),
            timed_out,
            elapsed,
            stdout: String::from_utf8_lossy(&stdout.join().expect("stdout reader")).into_owned(),
            stderr: String::from_utf8_lossy(&stderr.join().expect("stderr reader")).into_owned(),
        }
    }

    /// Spawns it with stdout a pipe, for closed-pipe tests; stdin is empty and
    /// stderr piped.
    pub fn spawn_piped(self) -> std::process::Child {
        let mut command = self.command();
        command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command.spawn().expect("`roles` can be started")
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
pub struct Outcome {
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

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let clip = |text: &str| -> String {
            if text.len() > 2000 {
                let mut end = 2000;
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                format!("{}… ({} bytes)", &text[..end], text.len())
            } else {
                text.to_owned()
            }
        };
        write!(
            f,
            "`{}`: exit {:?}{} after {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.shown,
            self.code,
            if self.timed_out {
                " (killed at the deadline)"
            } else {
                ""
            },
            self.elapsed,
            clip(&self.stdout),
            clip(&self.stderr)
        )
    }
}

impl Outcome {
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
}

/// Whether `text` contains `{file}:LINE:COLUMN:` for some numbers.
pub fn has_location(text: &str, file: &str) -> bool {
    let prefix = format!("{file}:");
    text.match_indices(&prefix).any(|(at, _)| {
        let rest = &text[at + prefix.len()..];
        let mut parts = rest.splitn(3, ':');
        let numeric = |s: Option<&str>| {
            s.is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        };
        numeric(parts.next()) && numeric(parts.next()) && parts.next().is_some()
    })
}

/// The `(line, column)` of the first `{file}:LINE:COLUMN:` in `text`.
pub fn location(text: &str, file: &str) -> Option<(usize, usize)> {
    let prefix = format!("{file}:");
    text.match_indices(&prefix).find_map(|(at, _)| {
        let mut parts = text[at + prefix.len()..].splitn(3, ':');
        let line = parts.next()?.parse().ok()?;
        let column = parts.next()?.parse().ok()?;
        parts.next()?;
        Some((line, column))
    })
}
