//! `roles advise` in a real pseudo-terminal: keystrokes in, the questionnaire on
//! the terminal, the result in a file. The terminal comes from util-linux
//! `script`; where it is missing (or is another `script`), these tests say so on
//! stderr and pass without running.
//!
//! Each keystroke is sent only once the question it answers is on screen, so a
//! key never reaches the terminal before `roles` has put it in raw mode (where
//! Ctrl-C would be a signal, not a key).

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::*;
use serde_json::{Value, json};

/// How long to wait for the terminal to show something, or for `roles` to end.
const PATIENCE: Duration = Duration::from_secs(15);

const CTRL_C: &str = "\x03";
const CTRL_D: &str = "\x04";
const ENTER: &str = "\r";
const DOWN: &str = "\x1b[B";

/// Whether util-linux `script` can run a command in a pseudo-terminal here.
fn script_works() -> bool {
    let works = Command::new("script")
        .args(["-qec", "true", "/dev/null"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !works {
        crate::common::prerequisite_missing("util-linux `script`, to make a pseudo-terminal");
    }
    works
}

/// `roles` running in a pseudo-terminal: stdin and stderr are the terminal,
/// stdout goes to `out.json` in a temporary directory.
struct Terminal {
    child: Child,
    keys: Option<ChildStdin>,
    screen: Arc<Mutex<Vec<u8>>>,
    /// How much of the screen output has been matched so far.
    read_to: usize,
    dir: tempfile::TempDir,
}

impl Terminal {
    /// Starts `roles ARGS` (a shell word list) in a terminal 100 columns wide,
    /// recording the terminal settings before and after it.
    fn start(args: &str) -> Terminal {
        let dir = temp_dir();
        let command = format!(
            "stty cols 100 rows 50; stty -g > before.stty; \
             \"$ROLES\" --color never {args} > out.json; code=$?; \
             stty -g > after.stty; exit $code"
        );
        let mut child = Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .env("ROLES", crate::common::child::binary())
            .env("SHELL", "/bin/sh")
            .env_remove("ROLES_KB")
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("COLUMNS")
            .current_dir(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("`script` can be started");
        let screen = Arc::new(Mutex::new(Vec::new()));
        let mut output = child.stdout.take().expect("stdout is piped");
        let sink = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buffer = [0; 4096];
            while let Ok(n) = output.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .expect("screen lock")
                    .extend_from_slice(&buffer[..n]);
            }
        });
        Terminal {
            keys: child.stdin.take(),
            child,
            screen,
            read_to: 0,
            dir,
        }
    }

    /// Everything the terminal showed so far.
    fn transcript(&self) -> String {
        String::from_utf8_lossy(&self.screen.lock().expect("screen lock")).into_owned()
    }

    /// Waits until the terminal shows `text` after what was matched before.
    #[track_caller]
    fn expect(&mut self, text: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            {
                let screen = self.screen.lock().expect("screen lock");
                let rest = &screen[self.read_to..];
                if let Some(at) = rest
                    .windows(text.len())
                    .position(|window| window == text.as_bytes())
                {
                    self.read_to += at + text.len();
                    return;
                }
            }
            if Instant::now() > deadline {
                let transcript = self.transcript();
                let _ = self.child.kill();
                panic!("the terminal never showed {text:?}; it showed:\n{transcript}");
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Types `keys`.
    fn send(&mut self, keys: &str) {
        let stdin = self.keys.as_mut().expect("the terminal is open");
        stdin.write_all(keys.as_bytes()).expect("keys can be typed");
        stdin.flush().expect("keys can be typed");
    }

    /// Waits for the question `[number of 8]`, then types `keys`.
    #[track_caller]
    fn answer(&mut self, number: usize, keys: &str) {
        self.expect(&format!("[{number} of 8]"));
        self.send(keys);
    }

    /// Waits for `roles` to end.
    #[track_caller]
    fn finish(mut self) -> Finished {
        let deadline = Instant::now() + PATIENCE;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("`script` can be waited for") {
                break status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!("`roles` did not end; it showed:\n{}", self.transcript());
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        drop(self.keys.take());
        // Let the reader catch the last output.
        std::thread::sleep(Duration::from_millis(50));
        let read = |name: &str| std::fs::read_to_string(self.dir.path().join(name)).ok();
        Finished {
            code: status.code(),
            transcript: self.transcript(),
            stdout: read("out.json").unwrap_or_default(),
            settings_before: read("before.stty"),
            settings_after: read("after.stty"),
            dir: self.dir.path().to_path_buf(),
            _dir: self.dir,
        }
    }
}

/// What a terminal session left behind.
struct Finished {
    code: Option<i32>,
    transcript: String,
    stdout: String,
    settings_before: Option<String>,
    settings_after: Option<String>,
    dir: PathBuf,
    _dir: tempfile::TempDir,
}

impl std::fmt::Display for Finished {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit: {:?}\n--- stdout ---\n{}\n--- terminal ---\n{}",
            self.code, self.stdout, self.transcript
        )
    }
}

impl Finished {
    #[track_caller]
    fn json(&self) -> Value {
        assert_eq!(self.code, Some(0), "{self}");
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("invalid JSON: {e}\n{self}"))
    }

    #[track_caller]
    fn assert_terminal_restored(&self) {
        assert!(self.settings_before.is_some(), "{self}");
        assert_eq!(
            self.settings_before, self.settings_after,
            "terminal settings changed\n{self}"
        );
    }
}

/// `roles advise --no-input --format json` with these `--answer` flags.
fn advise_json(answers: &[&str]) -> Value {
    let mut run = roles(&["advise", "--no-input"]);
    for answer in answers {
        run = run.arg("--answer").arg(answer);
    }
    run.format("json").succeeds().stdout_json()
}

#[test]
fn ctrl_c_exits_130_with_no_result_and_restores_the_terminal() {
    if !script_works() {
        return;
    }
    let mut terminal = Terminal::start("advise --format json");
    terminal.answer(1, "1");
    terminal.answer(2, CTRL_C);
    let done = terminal.finish();
    assert_eq!(done.code, Some(130), "{done}");
    assert!(done.stdout.is_empty(), "{done}");
    // A handled key, not a signal: roles says so before it exits.
    assert!(done.transcript.contains("error: interrupted"), "{done}");
    done.assert_terminal_restored();
}

#[test]
fn ctrl_d_exits_130_with_no_result() {
    if !script_works() {
        return;
    }
    let mut terminal = Terminal::start("advise --format json");
    terminal.answer(1, CTRL_D);
    let done = terminal.finish();
    assert_eq!(done.code, Some(130), "{done}");
    assert!(done.stdout.is_empty(), "{done}");
    done.assert_terminal_restored();
}

#[test]
fn ctrl_c_saves_nothing() {
    if !script_works() {
        return;
    }
    let mut terminal = Terminal::start("advise --save answers.yaml --format json");
    terminal.answer(1, "2");
    terminal.answer(2, CTRL_C);
    let done = terminal.finish();
    assert_eq!(done.code, Some(130), "{done}");
    assert!(!done.dir.join("answers.yaml").exists(), "{done}");
}

#[test]
fn answering_every_question_by_number_gives_the_same_verdict_as_flags() {
    if !script_works() {
        return;
    }
    let mut terminal = Terminal::start("advise --format json");
    terminal.answer(1, "2"); // aim: product
    terminal.answer(2, "2"); // audience: external
    terminal.answer(3, "2"); // finance: top-line
    terminal.answer(4, "2"); // team: engineering
    terminal.answer(5, "7"); // needs: toggle product-strategy,
    terminal.send("9"); //        toggle innovation,
    terminal.send(ENTER); //      done
    terminal.answer(6, "1"); // size: startup
    terminal.answer(7, "1"); // tech-company: yes
    terminal.answer(8, "1"); // budget: part-time
    let done = terminal.finish();
    let json = done.json();
    assert_eq!(
        json,
        advise_json(&[
            "aim=product",
            "audience=external",
            "finance=top-line",
            "team=engineering",
            "needs=product-strategy,innovation",
            "size=startup",
            "tech-company=yes",
            "budget=part-time",
        ]),
        "{done}"
    );
    done.assert_terminal_restored();
}

#[test]
fn arrow_keys_and_enter_pick_a_choice() {
    if !script_works() {
        return;
    }
    let mut terminal = Terminal::start("advise --format json");
    terminal.answer(1, DOWN); // from process to product
    terminal.expect("❯ 2.");
    terminal.send(ENTER);
    for number in 2..=8 {
        terminal.answer(number, "s");
    }
    let json = terminal.finish().json();
    assert_eq!(json["answers"], json!({"aim": "product"}));
}

#[test]
fn going_back_shows_the_earlier_answer_and_skip_leaves_no_preference() {
    if !script_works() {
        return;
    }
    let mut terminal = Terminal::start("advise --format json");
    terminal.answer(1, "2"); // aim: product
    terminal.answer(2, "b"); // back to aim
    terminal.expect("[1 of 8]");
    terminal.expect("❯ 2. The products we sell"); // the earlier answer is selected
    terminal.send(ENTER); // keep it
    terminal.answer(2, "1"); // audience: internal
    for number in 3..=8 {
        terminal.answer(number, "s");
    }
    let json = terminal.finish().json();
    assert_eq!(
        json["answers"],
        json!({"aim": "product", "audience": "internal"})
    );
    assert_eq!(
        json["unanswered"],
        json!(["finance", "team", "needs", "size", "tech-company", "budget"])
    );
}

#[test]
fn only_unanswered_questions_are_asked_at_the_terminal() {
    if !script_works() {
        return;
    }
    let mut terminal =
        Terminal::start("advise --answer aim=process --answer needs=infrastructure --format json");
    terminal.answer(2, "1"); // the first question asked is the second
    terminal.answer(3, "s");
    terminal.answer(4, "s");
    terminal.answer(6, "s"); // needs (5) was answered
    terminal.answer(7, "s");
    terminal.answer(8, "s");
    let done = terminal.finish();
    let json = done.json();
    assert!(!done.transcript.contains("[1 of 8]"), "{done}");
    assert!(!done.transcript.contains("[5 of 8]"), "{done}");
    assert_eq!(
        json["answers"],
        json!({"aim": "process", "audience": "internal", "needs": ["infrastructure"]})
    );
}

#[test]
fn the_prompt_shows_the_hint_and_the_numbered_choices() {
    if !script_works() {
        return;
    }
    let mut terminal = Terminal::start("advise --format json");
    terminal.expect("[1 of 8] Do you mainly want to improve or digitise");
    terminal.expect("The first of the two guiding questions");
    terminal.expect("1. Business processes");
    terminal.expect("2. The products we sell");
    terminal.expect("3. Both, equally");
    terminal.send(CTRL_C);
    assert_eq!(terminal.finish().code, Some(130));
}

#[test]
fn no_input_never_prompts_even_at_a_terminal() {
    if !script_works() {
        return;
    }
    let terminal = Terminal::start("advise --no-input --answer aim=process --format json");
    let done = terminal.finish();
    let json = done.json();
    assert_eq!(json["recommendation"], "cio");
    assert!(!done.transcript.contains(" of 8]"), "{done}");
}

#[test]
fn answers_given_at_the_terminal_can_be_saved_and_replayed() {
    if !script_works() {
        return;
    }
    let mut terminal = Terminal::start("advise --save answers.yaml --format json");
    terminal.answer(1, "1"); // aim: process
    terminal.answer(2, "s");
    terminal.answer(3, "1"); // finance: bottom-line
    for number in 4..=7 {
        terminal.answer(number, "s");
    }
    terminal.answer(8, "1"); // budget: part-time
    let done = terminal.finish();
    let json = done.json();
    let replay = roles(&["advise", "--answers"])
        .arg(done.dir.join("answers.yaml"))
        .format("json")
        .succeeds()
        .stdout_json();
    assert_eq!(replay, json);
    assert_eq!(
        json["answers"],
        json!({"aim": "process", "finance": "bottom-line", "budget": "part-time"})
    );
}

#[test]
fn no_prompt_when_stderr_is_not_the_terminal() {
    if !script_works() {
        return;
    }
    // stdin is the terminal but stderr goes to a file: nowhere to draw questions.
    let terminal = Terminal::start("advise --format json 2> err.txt");
    let done = terminal.finish();
    assert_eq!(done.code, Some(2), "{done}");
    assert!(done.stdout.is_empty(), "{done}");
    let stderr = std::fs::read_to_string(done.dir.join("err.txt")).expect("stderr file");
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(stderr.contains("`--answers"), "{stderr}");
    assert!(!done.transcript.contains(" of 8]"), "{done}");
}
