//! `roles advise` in a util-linux `script` pseudo-terminal (without it, the
//! tests say so and pass): keystrokes in, the questionnaire on the terminal,
//! the result in a file. A key is sent only once its question is on screen
//! (before raw mode, Ctrl-C would be a signal); every step waits for text or
//! an exit, with a deadline, never a fixed time. Signals and resizes go to
//! `roles` itself, found in `/proc`; a hang-up is `script` killed.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
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
    let mut script = Command::new("script");
    let run = script
        .args(["-qec", "true", "/dev/null"])
        .stdin(Stdio::null());
    let works = run.output().is_ok_and(|out| out.status.success());
    if !works {
        prerequisite_missing("util-linux `script`, to make a pseudo-terminal");
    }
    works
}

/// `Terminal::launch(dir, first, args)`, or a return from the test where no
/// pseudo-terminal can be made here.
macro_rules! launch {
    ($dir:expr, $first:expr, $args:expr) => {{
        if !script_works() {
            return;
        }
        Terminal::launch($dir, $first, $args)
    }};
}

/// `roles ARGS` in a new terminal, or a return from the test (see `launch!`).
macro_rules! start {
    ($args:expr) => {
        launch!(temp_dir(), "", $args)
    };
}

/// How many questions `roles advise` (or `roles career`) asks, from the data.
fn questions(command: &str) -> usize {
    let kb = embedded();
    match command {
        "career" => kb.career.questions.len(),
        _ => kb.questionnaire.questions.len(),
    }
}

/// `[n of N]`: how `roles advise` heads its question `n`.
fn nth(n: usize) -> String {
    format!("[{n} of {}]", questions("advise"))
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
    /// How many questions the command asks.
    total: usize,
    /// The thread copying the terminal's output to `screen`, done at its end.
    reader: std::thread::JoinHandle<()>,
}

impl Terminal {
    /// Starts `roles ARGS` (a shell word list) in `dir`, after the shell commands
    /// `first`, in a terminal 100 columns wide, recording the terminal settings
    /// before and after it.
    fn launch(dir: tempfile::TempDir, first: &str, args: &str) -> Terminal {
        let command = format!(
            "{first} stty cols 100 rows 50; stty -g > before.stty; \
             \"$ROLES\" --color never {args} > out.json; code=$?; echo $code > code.txt; \
             stty -g > after.stty; exit $code"
        );
        let mut script = Command::new("script");
        for name in ["ROLES_KB", "NO_COLOR", "CLICOLOR_FORCE", "COLUMNS"] {
            script.env_remove(name);
        }
        script
            .args(["-qec", &command, "/dev/null"])
            .current_dir(dir.path());
        script.env("ROLES", binary()).env("SHELL", "/bin/sh");
        script
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        let mut child = script.spawn().expect("`script` can be started");
        let screen = Arc::new(Mutex::new(Vec::new()));
        let mut output = child.stdout.take().expect("stdout is piped");
        let sink = Arc::clone(&screen);
        let reader = std::thread::spawn(move || {
            let mut buffer = [0; 4096];
            while let Ok(n @ 1..) = output.read(&mut buffer) {
                let mut screen = sink.lock().expect("screen lock");
                screen.extend_from_slice(&buffer[..n]);
            }
        });
        Terminal {
            keys: child.stdin.take(),
            child,
            screen,
            read_to: 0,
            reader,
            dir,
            total: questions(args.split(' ').next().unwrap_or_default()),
        }
    }

    /// Everything the terminal showed so far.
    fn transcript(&self) -> String {
        String::from_utf8_lossy(&self.screen.lock().expect("screen lock")).into_owned()
    }

    /// Waits until the terminal shows `text` after what was matched before.
    #[track_caller]
    fn expect(&mut self, text: &str) {
        let (screen, from) = (Arc::clone(&self.screen), self.read_to);
        let found = within_patience(|| {
            let screen = screen.lock().expect("screen lock");
            screen[from..]
                .windows(text.len())
                .position(|w| w == text.as_bytes())
        });
        match found {
            Some(at) => self.read_to += at + text.len(),
            None => self.give_up(&format!("the terminal never showed {text:?}")),
        }
    }

    /// Waits for each of `texts` in turn.
    #[track_caller]
    fn see(&mut self, texts: &[&str]) {
        texts.iter().for_each(|text| self.expect(text));
    }

    /// Kills `script` and fails the test, showing the transcript.
    #[track_caller]
    fn give_up(&mut self, what: &str) -> ! {
        let _ = self.child.kill();
        let _ = self.child.wait();
        panic!("{what}; the terminal showed:\n{}", self.transcript());
    }

    /// Types `keys`.
    fn send(&mut self, keys: &str) {
        let stdin = self.keys.as_mut().expect("the terminal is open");
        stdin.write_all(keys.as_bytes()).expect("keys can be typed");
        stdin.flush().expect("keys can be typed");
    }

    /// Waits for the question `[number of total]`, then types `keys`.
    #[track_caller]
    fn answer(&mut self, number: usize, keys: &str) {
        self.expect(&format!("[{number} of {}]", self.total));
        self.send(keys);
    }

    /// Skips the questions `numbers`, each once it is on screen.
    #[track_caller]
    fn skip(&mut self, numbers: std::ops::RangeInclusive<usize>) {
        numbers.for_each(|number| self.answer(number, "s"));
    }

    /// Waits for the review of every answer, then confirms it.
    #[track_caller]
    fn confirm(&mut self) {
        self.see(&["Review your answers", "These are right: show the result"]);
        self.send("c");
    }

    /// Confirms the review, declines to save, and returns the JSON result.
    #[track_caller]
    fn confirm_and_finish(mut self) -> Value {
        self.confirm();
        self.decline_to_save();
        self.finish().json()
    }

    /// Waits for the offer to save the answers, then declines it.
    #[track_caller]
    fn decline_to_save(&mut self) {
        self.expect("File (enter to skip): ");
        self.send(ENTER);
    }

    /// The process id of `roles`: the process running its binary under `script`.
    #[track_caller]
    fn roles_pid(&mut self) -> u32 {
        let binary = binary().canonicalize().expect("the binary exists");
        let script = self.child.id();
        let ours = |pid: &u32| {
            let exe = std::fs::read_link(format!("/proc/{pid}/exe"));
            exe.is_ok_and(|exe| exe == binary) && descends_from(*pid, script)
        };
        let found = within_patience(|| {
            let pids = std::fs::read_dir("/proc").expect("/proc can be listed");
            let mut pids = pids.filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok());
            pids.find(ours)
        });
        found.unwrap_or_else(|| self.give_up("`roles` never ran under `script`"))
    }

    /// Sends `roles` the signal `name` (e.g. `TERM`).
    #[track_caller]
    fn signal(&mut self, name: &str) {
        let pid = self.roles_pid().to_string();
        let status = Command::new("kill").args(["-s", name, &pid]).status();
        assert!(status.is_ok_and(|s| s.success()), "kill -s {name} {pid}");
    }

    /// `stty -F TTY ARGS` on the terminal of `roles`, and its output.
    #[track_caller]
    fn stty(&mut self, args: &[&str]) -> String {
        let pid = self.roles_pid();
        let tty = std::fs::read_link(format!("/proc/{pid}/fd/0")).expect("roles has a terminal");
        let out = Command::new("stty").arg("-F").arg(&tty).args(args).output();
        let out = out.expect("`stty` runs");
        assert!(out.status.success(), "stty -F {} {args:?}", tty.display());
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Hangs up the terminal by killing `script`, which holds its master side,
    /// and waits until `roles` has ended.
    #[track_caller]
    fn hang_up(mut self) -> HungUp {
        let pid = self.roles_pid();
        self.child.kill().expect("`script` can be killed");
        let _ = self.child.wait();
        let transcript = self.transcript();
        if within_patience(|| (!running(pid)).then_some(())).is_none() {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("`roles` still ran after the hang-up:\n{transcript}");
        }
        HungUp {
            transcript,
            dir: self.dir,
        }
    }

    /// Waits for `roles` to end.
    #[track_caller]
    fn finish(mut self) -> Finished {
        let status = within_patience(|| self.child.try_wait().expect("`script` can be waited for"));
        let status = status.unwrap_or_else(|| self.give_up("`roles` did not end"));
        drop(self.keys.take());
        // The reader ends with the terminal's last output.
        within_patience(|| self.reader.is_finished().then_some(()));
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

/// A session whose terminal hung up.
struct HungUp {
    transcript: String,
    dir: tempfile::TempDir,
}

impl HungUp {
    /// The exit code of `roles`, as the shell that ran it recorded it, once the
    /// shell outlived the hang-up.
    #[track_caller]
    fn code(&self) -> String {
        let file = self.dir.path().join("code.txt");
        let read = || {
            std::fs::read_to_string(&file)
                .ok()
                .filter(|c| c.ends_with('\n'))
        };
        let code = within_patience(read).map(|code| code.trim().to_owned());
        code.unwrap_or_else(|| panic!("no exit code was recorded:\n{}", self.transcript))
    }
}

/// Field `n` after the command in `/proc/PID/stat` (`PID (COMMAND) STATE PPID
/// …`; the command may hold spaces and parentheses): 0 the state (`R`, `S`,
/// `T` for stopped, `Z`…), 1 the parent.
fn stat(pid: u32, n: usize) -> Option<String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let fields = stat[stat.rfind(')')? + 1..].split_whitespace();
    fields.map(str::to_owned).nth(n)
}

/// Whether process `pid` has `ancestor` above it.
fn descends_from(mut pid: u32, ancestor: u32) -> bool {
    while let Some(up) = stat(pid, 1).and_then(|p| p.parse().ok()) {
        if up == ancestor || up <= 1 {
            return up == ancestor;
        }
        pid = up;
    }
    false
}

/// Whether process `pid` is still running (not gone, not a zombie).
fn running(pid: u32) -> bool {
    !matches!(stat(pid, 0).as_deref(), Some("Z" | "X") | None)
}

/// Polls `ready` every 5 ms until it gives a value, or gives up after `PATIENCE`.
fn within_patience<T>(mut ready: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Some(value) = ready() {
            return Some(value);
        }
        if Instant::now() > deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
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
        let (code, stdout, screen) = (self.code, &self.stdout, &self.transcript);
        write!(
            f,
            "exit: {code:?}\n--- stdout ---\n{stdout}\n--- terminal ---\n{screen}"
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
        let (before, after) = (&self.settings_before, &self.settings_after);
        let ok = before.is_some() && before == after;
        assert!(ok, "settings changed\n{self}");
        // The cursor was shown again after it was last hidden.
        let hidden = self.transcript.rfind("\x1b[?25l");
        let shown = self.transcript.rfind("\x1b[?25h");
        assert!(shown >= hidden, "the cursor is still hidden\n{self}");
    }

    /// Checks the terminal never showed any of `texts`.
    #[track_caller]
    fn never_showed(&self, texts: &[&str]) {
        for text in texts {
            assert!(!self.transcript.contains(text), "showed {text:?}\n{self}");
        }
    }

    /// The terminal output from the first time it showed `text`.
    #[track_caller]
    fn after(&self, text: &str) -> &str {
        let at = self.transcript.find(text);
        &self.transcript[at.unwrap_or_else(|| panic!("never showed {text:?}\n{self}"))..]
    }
}

/// `roles advise --no-input --format json` with these space-separated `--answer`s.
fn advise_json(answers: &str) -> Value {
    roles(&["advise", "--no-input"]).answers(answers).json()
}

/// Ctrl-C, Ctrl-D and `q`, at a question or at the review (after the last): exit
/// 130, no result, nothing saved, the terminal restored. Ctrl-C is a handled
/// key, not a signal: `roles` says so before it exits.
#[test]
fn every_way_to_quit_exits_130_with_no_result_and_restores_the_terminal() {
    let review = questions("advise") + 1;
    for (keys, at, says) in [
        (CTRL_C, 2, "error: interrupted"),
        (CTRL_D, 1, ""),
        ("q", 2, "error: interrupted"),
        ("q", review, ""),
    ] {
        let mut terminal = start!("advise --save answers.yaml --format json");
        (1..at).for_each(|number| terminal.answer(number, if at == review { "s" } else { "2" }));
        match at == review {
            true => terminal.expect("Review your answers"),
            false => terminal.expect(&nth(at)),
        }
        terminal.send(keys);
        let done = terminal.finish();
        assert_eq!(done.code, Some(130), "{keys:?} at {at}\n{done}");
        let ok = done.stdout.is_empty() && done.transcript.contains(says);
        assert!(ok, "{done}");
        assert!(!done.dir.join("answers.yaml").exists(), "{done}");
        done.assert_terminal_restored();
    }
}

#[test]
fn answering_every_question_by_number_gives_the_same_verdict_as_flags() {
    let mut terminal = start!("advise --format json");
    terminal.answer(1, "2"); // aim: product
    terminal.answer(2, "2"); // audience: external
    terminal.answer(3, "2"); // finance: top-line
    terminal.answer(4, "2"); // team: engineering
    // needs has twelve choices, so a typed number is taken after a pause or at enter.
    terminal.answer(5, "7"); // needs: toggle product-strategy,
    terminal.expect("[x] 7.");
    terminal.send("9\r"); //      toggle innovation (enter takes the number),
    terminal.expect("[x] 9.");
    terminal.send(ENTER); //      done
    terminal.answer(6, ENTER); // size, a number question: the first band, startup
    terminal.answer(7, "1"); // tech-company: yes
    terminal.answer(8, "1"); // budget: part-time
    terminal.answer(9, "2"); // first: the CTO
    terminal.confirm();
    terminal.decline_to_save();
    let done = terminal.finish();
    let flags = "aim=product audience=external finance=top-line team=engineering \
        needs=product-strategy,innovation size=startup tech-company=yes budget=part-time first=cto";
    assert_eq!(done.json(), advise_json(flags), "{done}");
    done.assert_terminal_restored();
}

#[test]
fn arrow_keys_and_enter_pick_a_choice() {
    let mut terminal = start!("advise --format json");
    terminal.answer(1, DOWN); // from process to product
    terminal.expect("❯ 2.");
    terminal.send(ENTER);
    terminal.skip(2..=questions("advise"));
    let json = terminal.confirm_and_finish();
    assert_eq!(json["answers"], json!({"aim": "product"}));
}

#[test]
fn going_back_shows_the_earlier_answer_and_skip_leaves_no_preference() {
    let mut terminal = start!("advise --format json");
    terminal.answer(1, "2"); // aim: product
    terminal.answer(2, "b"); // back to aim
    terminal.see(&[&nth(1), "❯ 2. The products we sell"]); // the earlier answer is selected
    terminal.send(ENTER); // keep it
    terminal.answer(2, "1"); // audience: internal
    terminal.skip(3..=questions("advise"));
    let json = terminal.confirm_and_finish();
    let unanswered = [
        "finance",
        "team",
        "needs",
        "size",
        "tech-company",
        "budget",
        "first",
    ];
    let expected = json!({"aim": "product", "audience": "internal"});
    assert_eq!(json["answers"], expected);
    assert_eq!(json["unanswered"], json!(unanswered));
}

/// Questions 1 and 5, answered by flags, are never put (their hints never
/// shown), though the review lists them.
#[test]
fn only_unanswered_questions_are_asked_at_the_terminal() {
    let mut terminal = start!("advise -a aim=process -a needs=infrastructure --format json");
    terminal.answer(2, "1"); // the first question asked is the second
    terminal.skip(3..=4);
    terminal.answer(6, "s"); // needs (5) was answered
    terminal.skip(7..=questions("advise"));
    terminal.confirm();
    terminal.decline_to_save();
    let done = terminal.finish();
    done.never_showed(&[
        "The first of the two guiding questions",
        "Most needs are ones the articles",
    ]);
    assert!(done.transcript.contains(&format!("✔ {}", nth(1))), "{done}");
    let answers = json!({"aim": "process", "audience": "internal", "needs": ["infrastructure"]});
    assert_eq!(done.json()["answers"], answers);
}

#[test]
fn the_prompt_shows_the_hint_and_the_numbered_choices() {
    let mut terminal = start!("advise --format json");
    terminal.see(&[
        &format!("{} Do you mainly want to improve or digitise", nth(1)),
        "The first of the two guiding questions",
        "1. Business processes",
        "2. The products we sell",
        "3. Both, equally",
    ]);
    terminal.send(CTRL_C);
    assert_eq!(terminal.finish().code, Some(130));
}

/// Neither with `--no-input`, nor with stderr not the terminal (stdin is, but
/// there is nowhere to draw the questions).
#[test]
fn no_prompt_with_no_input_or_when_stderr_is_not_the_terminal() {
    let done = start!("advise --no-input --answer aim=process --format json").finish();
    assert_eq!(done.json()["recommendation"], "cio");
    done.never_showed(&[&format!(" of {}]", questions("advise"))]);
    let done = start!("advise --format json 2> err.txt").finish();
    assert_eq!(done.code, Some(2), "{done}");
    assert!(done.stdout.is_empty(), "{done}");
    let stderr = std::fs::read_to_string(done.dir.join("err.txt")).expect("stderr file");
    let ok = stderr.starts_with("error: ") && stderr.contains("`--answers");
    assert!(ok, "{stderr}");
    done.never_showed(&[&format!(" of {}]", questions("advise"))]);
}

/// A typed head count is echoed as typed, shown in the review, counts as its
/// band, is given back as a flag and saved as a number.
#[test]
fn a_number_question_takes_a_typed_head_count_and_saves_it_as_a_number() {
    let mut terminal = start!("advise --save answers.yaml --format json");
    terminal.answer(1, "2"); // aim: product
    terminal.skip(2..=5);
    terminal.see(&[&nth(6), "Type a number: _", "type a number, then enter"]);
    terminal.send("5000");
    terminal.expect("Type a number: 5000_");
    terminal.send(ENTER);
    terminal.expect("How many people does the company employ? 5000");
    terminal.answer(7, "1"); // tech-company: yes
    terminal.answer(8, "3"); // budget: two
    terminal.skip(9..=questions("advise"));
    let review = "6. How many people does the company employ?";
    terminal.see(&[
        "Review your answers",
        review,
        "5000",
        "These are right: show the result",
    ]);
    terminal.send("c");
    let done = terminal.finish();
    let flags = "aim=product size=5000 tech-company=yes budget=two";
    assert_eq!(done.json(), advise_json(flags), "{done}");
    let given = done
        .after("without the questions:")
        .contains("--answer size=5000");
    assert!(given, "{done}");
    let saved = std::fs::read_to_string(done.dir.join("answers.yaml")).expect("saved");
    assert!(saved.contains("size: 5000\n"), "{saved}");
}

/// `roles advise --answers FILE --format json`, which must succeed.
fn replay(file: &Path) -> Value {
    roles(&["advise", "--answers"]).arg(file).json()
}

#[test]
fn answers_given_at_the_terminal_can_be_saved_and_replayed() {
    let mut terminal = start!("advise --save answers.yaml --format json");
    terminal.answer(1, "1"); // aim: process
    terminal.answer(2, "s");
    terminal.answer(3, "1"); // finance: bottom-line
    terminal.skip(4..=7);
    terminal.answer(8, "1"); // budget: part-time
    terminal.skip(9..=questions("advise"));
    terminal.confirm();
    let done = terminal.finish();
    let json = done.json();
    // No offer to save when `--save` was given.
    done.never_showed(&["File (enter to skip)"]);
    let given = "roles advise --answer aim=process --answer finance=bottom-line \
        --answer budget=part-time --no-input";
    let shown = done.after("To give the same answers without the questions:");
    assert!(shown.contains(given), "{done}");
    assert_eq!(replay(&done.dir.join("answers.yaml")), json);
    let answers = json!({"aim": "process", "finance": "bottom-line", "budget": "part-time"});
    assert_eq!(json["answers"], answers);
}

// --- quitting, signals and hang-ups -------------------------------------------------

#[test]
fn every_ending_signal_restores_the_terminal_and_exits_128_plus_its_number() {
    for (signal, code) in [("TERM", 143), ("INT", 130), ("HUP", 129), ("QUIT", 131)] {
        let mut terminal = start!("advise --format json");
        terminal.answer(1, "2");
        terminal.expect(&nth(2));
        terminal.signal(signal);
        let done = terminal.finish();
        assert_eq!(done.code, Some(code), "SIG{signal}\n{done}");
        assert!(done.stdout.is_empty(), "{done}");
        done.assert_terminal_restored();
        assert!(done.transcript.ends_with("\x1b[?2004l\x1b[?25h"), "{done}");
    }
}

#[test]
fn a_suspension_restores_the_terminal_and_fg_draws_the_question_again() {
    for suspend in ["Ctrl-Z", "TSTP"] {
        let mut terminal = start!("advise --format json");
        terminal.answer(1, "2");
        terminal.expect(&nth(2));
        match suspend {
            "Ctrl-Z" => terminal.send("\x1a"),
            signal => terminal.signal(signal),
        }
        // Stopped, with the cursor shown and the terminal cooked again.
        terminal.expect("\x1b[?2004l\x1b[?25h");
        let pid = terminal.roles_pid();
        let stopped = within_patience(|| (stat(pid, 0).as_deref() == Some("T")).then_some(()));
        assert!(stopped.is_some(), "{suspend}: roles never stopped");
        let settings = terminal.stty(&["-a"]);
        let ok = settings.contains(" icanon") && settings.contains(" echo ");
        assert!(ok, "{settings}");
        terminal.signal("CONT");
        terminal.see(&["\x1b[?25l\x1b[?2004h", &nth(2)]);
        terminal.send("2");
        terminal.answer(3, CTRL_C);
        let done = terminal.finish();
        assert_eq!(done.code, Some(130), "{suspend}\n{done}");
        done.assert_terminal_restored();
    }
}

#[test]
fn a_paste_is_never_taken_as_keys() {
    let mut terminal = start!("advise --format json");
    terminal.expect("\x1b[?2004h");
    terminal.answer(1, "\x1b[200~aim product\rthe quick fox\r2\x1b[201~");
    terminal.send("3");
    terminal.answer(2, CTRL_C);
    let done = terminal.finish();
    assert_eq!(done.code, Some(130), "{done}");
    // The question was answered by the key typed after the paste, not by it.
    assert!(!done.after(&nth(2)).contains(&nth(3)), "{done}");
    assert!(done.transcript.contains("\x1b[?2004l"), "{done}");
}

#[test]
fn a_dumb_terminal_gets_a_plain_prompt_line_by_line() {
    let mut terminal = launch!(
        temp_dir(),
        "TERM=dumb; export TERM;",
        "advise --format json"
    );
    terminal.answer(1, "2\r");
    terminal.answer(2, "s\r");
    terminal.answer(3, "q\r");
    let done = terminal.finish();
    assert_eq!(done.code, Some(130), "{done}");
    assert!(done.stdout.is_empty(), "{done}");
    assert!(!done.after(&nth(1)).contains('\x1b'), "{done}");
    done.assert_terminal_restored();
}

/// A hang-up ends `roles`, also when the shell ignores SIGHUP, so it outlives
/// the hang-up and sends none on: then `roles` sees only its terminal end, and
/// ends as an interruption, not by a signal.
#[test]
fn a_hang_up_ends_roles_even_when_no_sighup_reaches_it() {
    for first in ["", "trap '' HUP;"] {
        let mut terminal = launch!(temp_dir(), first, "advise --format json");
        terminal.answer(1, "2");
        terminal.expect(&nth(2));
        let hung = terminal.hang_up();
        if !first.is_empty() {
            assert_eq!(hung.code(), "130", "{}", hung.transcript);
        }
    }
}

// --- picking by number, the review, resizing ---------------------------------------------

#[test]
fn choices_ten_to_twelve_are_picked_by_typing_two_digits() {
    let mut terminal = start!("advise --format json");
    terminal.skip(1..=4);
    terminal.see(&[&nth(5), "1-12: toggle that one"]);
    terminal.send("12"); // together: twelve, taken after a pause
    terminal.expect("[x] 12. Customer experience");
    terminal.send("1"); // alone: one, taken after a pause
    terminal.expect("[x] 1. IT infrastructure");
    terminal.send("11\r"); // 1 1 enter: eleven
    terminal.expect("[x] 11. Intellectual property");
    terminal.send(ENTER); // done
    terminal.skip(6..=questions("advise"));
    let json = terminal.confirm_and_finish();
    let needs = [
        "infrastructure",
        "intellectual-property",
        "customer-experience",
    ];
    assert_eq!(json["answers"], json!({ "needs": needs }));
}

#[test]
fn an_answer_can_be_changed_at_the_review() {
    let mut terminal = start!("advise --format json");
    terminal.answer(1, "2"); // aim: product
    terminal.skip(2..=questions("advise"));
    terminal.see(&[
        "Review your answers",
        "The products we sell",
        "no preference",
    ]);
    terminal.expect("These are right: show the result");
    terminal.send("1"); // change the first answer
    terminal.see(&[&nth(1), "b: back to the review"]);
    terminal.send("3"); // aim: both
    terminal.see(&["Review your answers", "Both, equally"]);
    terminal.send("c");
    terminal.decline_to_save();
    let done = terminal.finish();
    assert_eq!(done.json()["answers"], json!({"aim": "both"}), "{done}");
    done.assert_terminal_restored();
}

#[test]
fn the_question_is_drawn_again_at_the_new_width_when_the_terminal_narrows() {
    let mut terminal = start!("advise --format json");
    terminal.see(&[&nth(1), "q: quit"]);
    terminal.stty(&["cols", "40"]); // the kernel tells `roles` with SIGWINCH
    // Wrapped at 39 columns, between words.
    terminal.expect(&format!("{} Do you mainly want to improve\r\nor digitise your business processes, or\r\nthe products you sell?", nth(1)));
    terminal.expect("q: quit");
    terminal.send("2");
    terminal.skip(2..=questions("advise"));
    let json = terminal.confirm_and_finish();
    assert_eq!(json["answers"], json!({"aim": "product"}));
}

// --- after the result --------------------------------------------------------------------

/// The same answers as a command, then an offer to save them: a path in a
/// missing directory is refused and kept for editing, then a good one saves.
#[test]
fn after_the_result_the_same_answers_as_a_command_and_an_offer_to_save_them() {
    let mut terminal = start!("advise --format json");
    terminal.answer(1, "2"); // aim: product
    terminal.skip(2..=4);
    terminal.answer(5, "9"); // needs: innovation
    terminal.send("12"); //       and customer experience
    terminal.expect("[x] 12.");
    terminal.send(ENTER);
    terminal.skip(6..=questions("advise"));
    terminal.confirm();
    terminal.expect("To give the same answers without the questions:");
    terminal.expect("roles advise --answer aim=product --answer needs=innovation,customer-experience --no-input");
    terminal.expect("File (enter to skip): ");
    terminal.send("missing/mine.yaml\r");
    let kept = "File (enter to skip): missing/mine.yaml_";
    terminal.see(&["there is no directory `missing`", kept]);
    terminal.send(&"\x7f".repeat("missing/mine.yaml".len()));
    terminal.send("mine.yaml\r");
    terminal.expect("Saved to `mine.yaml`");
    let done = terminal.finish();
    let json = done.json();
    assert_eq!(replay(&done.dir.join("mine.yaml")), json);
    assert_eq!(
        advise_json("aim=product needs=innovation,customer-experience"),
        json
    );
    done.assert_terminal_restored();
}

// --- a --save path that cannot be used -------------------------------------------------------

#[test]
fn a_save_path_that_cannot_be_written_fails_before_the_first_question() {
    for (path, why) in [
        ("missing/answers.yaml", "there is no directory `missing`"),
        ("saved", "it is a directory"),
        ("link.yaml", "it is a symbolic link"),
    ] {
        let dir = temp_dir();
        std::fs::create_dir(dir.path().join("saved")).expect("made");
        let link = dir.path().join("link.yaml");
        std::os::unix::fs::symlink(Path::new("elsewhere.yaml"), link).expect("linked");
        let done = launch!(dir, "", &format!("advise --save {path} --format json")).finish();
        assert_eq!(done.code, Some(2), "{done}");
        done.never_showed(&[&format!(" of {}]", questions("advise"))]);
        let says = format!("error: cannot save answers to `{path}`: {why}");
        let ok = done.transcript.contains(&says) && done.stdout.is_empty();
        assert!(ok, "{done}");
    }
}

#[test]
fn roles_career_shares_the_prompt_with_its_number_question() {
    let mut terminal = start!("career --format json");
    terminal.skip(1..=3);
    terminal.see(&[
        &format!("[4 of {}] How many years", questions("career")),
        "❯ Type a number: _",
    ]);
    terminal.send("12\r");
    terminal.skip(5..=questions("career"));
    terminal.confirm();
    let given = [
        "roles career --answer years=12 --no-input",
        "roles career --answers FILE",
    ];
    terminal.see(&given);
    terminal.decline_to_save();
    let done = terminal.finish();
    assert_eq!(done.code, Some(0), "{done}");
    done.assert_terminal_restored();
}
