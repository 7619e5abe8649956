//! The questionnaire at a terminal, on stderr: one question at a time, then a
//! review of every answer, and later the offer to save them. Each kind of
//! screen is data ([`screen`]) drawn by one function, again on each resize, in
//! a terminal that [`terminal`] puts back on every way out. What is drawn is
//! erased by as many rows as it takes at the width the terminal has now (one
//! that narrows rewraps long lines). With `TERM=dumb` each screen is printed
//! whole, and a line typed is taken as its keys, then Enter.
//!
//! Tried instead (issue 20): inquire 0.7 spins on a hung-up terminal and has no
//! bracketed paste, no way back, no picking by number; dialoguer 0.11 has no
//! paste, suspend or way back; neither restores the terminal on a signal.

mod screen;
mod terminal;

use std::io::{self, Write};
use std::time::Duration;

use anyhow::Result;
use signal_hook::consts::SIGTSTP;

use screen::{Action, Screen, record};
use terminal::{Key, Keys, RawMode, rows, size};

use super::interview::{Ask, Prompter, Step, answer_words};
use super::{Answer, Answers};
use crate::error::{Interrupted, escape_controls};
use crate::kb::Question;
use crate::render::wrap;

/// How long after the last digit a choice number in a list of ten or more is
/// taken, when Enter does not come first.
const PAUSE: Duration = Duration::from_millis(800);

/// Asks questions on the terminal, drawing on stderr and reading stdin, which
/// must both be the terminal.
#[derive(Debug)]
pub struct TerminalPrompter {
    color: bool,
    keys: Keys,
    /// Raw mode, from the first screen until the prompter is dropped, so keys
    /// typed between two questions are neither echoed nor held for a line.
    raw: Option<RawMode>,
    /// The display widths of the lines of each answer recorded on screen, and
    /// of the screen drawn last (the cursor at the end of its last line).
    records: Vec<Vec<usize>>,
    shown: Vec<usize>,
    /// Line by line, for a terminal that cannot move the cursor.
    plain: bool,
}

impl TerminalPrompter {
    /// A prompter, painting in colour or not. From now on SIGINT, SIGTERM,
    /// SIGHUP and SIGQUIT restore the terminal before `roles` exits.
    pub fn new(color: bool) -> io::Result<TerminalPrompter> {
        terminal::restore_on_signals()?;
        Ok(TerminalPrompter {
            color,
            keys: Keys::default(),
            raw: None,
            records: Vec::new(),
            shown: Vec::new(),
            plain: std::env::var_os("TERM").is_some_and(|term| term == "dumb"),
        })
    }

    /// The width text is wrapped to: one column short of the terminal's, so
    /// that no line ends exactly at the edge.
    fn width() -> usize {
        size().0.saturating_sub(1).max(20)
    }

    /// Runs a screen until a key ends it, drawing it again after every key
    /// and resize (on a dumb terminal, after every line).
    fn show(&mut self, screen: &mut Screen) -> Result<Action> {
        if !self.plain && self.raw.is_none() {
            self.raw = Some(RawMode::enable()?);
        }
        loop {
            let height = if self.plain { usize::MAX } else { size().1 };
            self.put(screen.lines(Self::width(), height, self.color), false)?;
            for key in self.keys(screen)? {
                match screen.key(key) {
                    Action::Stay => {}
                    Action::Quit => {
                        self.erase(0)?;
                        return Err(Interrupted.into());
                    }
                    done => return Ok(done),
                }
            }
        }
    }

    /// The next keys for `screen`: one, or none after a resize; on a dumb
    /// terminal, the characters of a line and then Enter.
    fn keys(&mut self, screen: &Screen) -> Result<Vec<Key>> {
        if self.plain {
            let mut line = String::new();
            if io::stdin().read_line(&mut line).map_err(lost)? == 0 {
                return Err(lost(io::ErrorKind::UnexpectedEof.into()));
            }
            let keys = line.trim_end_matches(['\r', '\n']).chars().map(Key::Char);
            return Ok(keys.chain([Key::Enter]).collect());
        }
        loop {
            match self.keys.next(screen.waiting().then_some(PAUSE)) {
                Err(error) => return Err(lost(error)),
                Ok(Key::Resize) => {
                    if terminal::resumed() {
                        self.records.clear();
                        self.shown.clear();
                    }
                    return Ok(Vec::new());
                }
                // As Ctrl-Z does in cooked mode (raw mode makes it a key): the
                // signal thread puts the terminal back and stops; on `fg` the
                // resize that follows has the screen drawn again.
                Ok(Key::CtrlZ) => drop(signal_hook::low_level::raise(SIGTSTP)),
                Ok(key) => return Ok(vec![key]),
            }
        }
    }

    /// Replaces the screen drawn last with `lines`: a screen (the cursor left at
    /// its end) or, with `record`, an answer's record kept above the next one.
    fn put(&mut self, lines: Vec<String>, record: bool) -> io::Result<()> {
        self.erase(0)?;
        let mut err = io::stderr().lock();
        for (index, line) in lines.iter().enumerate() {
            let end = match record || index + 1 < lines.len() {
                _ if self.plain => "\n",
                true => "\r\n",
                false => "",
            };
            write!(err, "{}{end}", escape_controls(line, self.color))?;
        }
        err.flush()?;
        let widths = lines.iter().map(|line| wrap::width(line)).collect();
        match record {
            true => self.records.push(widths),
            false => self.shown = widths,
        }
        Ok(())
    }

    /// Erases the screen drawn last and the last `records` answers recorded
    /// above it, leaving the cursor where the first of them began.
    fn erase(&mut self, records: usize) -> io::Result<()> {
        let columns = size().0;
        let kept = self.records.len().saturating_sub(records);
        let rows_of = |widths: Vec<usize>| rows(&widths, columns);
        let recorded: usize = self.records.drain(kept..).map(rows_of).sum();
        let shown = rows(&self.shown, columns);
        if shown + recorded == 0 || self.plain {
            return Ok(());
        }
        let mut err = io::stderr().lock();
        terminal::erase(&mut err, shown.saturating_sub(1) + recorded)?;
        err.flush()?;
        self.shown.clear();
        Ok(())
    }

    /// Asks for a file to save the answers to (`None`: skip saving) that
    /// replays with `command`; `before` is the name typed last, which would
    /// not do because of `problem`.
    pub fn ask_file(
        &mut self,
        command: &str,
        before: &str,
        problem: Option<String>,
    ) -> Result<Option<String>> {
        let action = self.show(&mut Screen::name(command, before, problem))?;
        self.erase(0)?;
        Ok(match action {
            Action::Typed(name) => Some(name),
            _ => None,
        })
    }
}

/// The terminal can no longer be read: the session ends as if interrupted.
fn lost(error: io::Error) -> anyhow::Error {
    let reason = match error.kind() {
        io::ErrorKind::UnexpectedEof => error.to_string(),
        _ => format!("cannot read the terminal ({error})"),
    };
    anyhow::Error::new(Interrupted).context(reason)
}

impl Prompter for TerminalPrompter {
    fn ask(&mut self, ask: &Ask<'_>) -> Result<Step> {
        let mut screen = Screen::ask(ask);
        let value = |&i: &usize| ask.question.choices[i].value.clone();
        let step = match self.show(&mut screen)? {
            Action::Back => Step::Back,
            Action::Chosen(picked) => Step::Answer(picked.iter().map(value).collect()),
            Action::Typed(number) => Step::Answer(vec![number]),
            _ => Step::Answer(Vec::new()),
        };
        match &step {
            // The review is drawn again in the question's place.
            _ if ask.revising => self.erase(0)?,
            // The question before is asked again where its record was.
            Step::Back => self.erase(1)?,
            Step::Answer(values) => {
                let answer = (!values.is_empty()).then(|| Answer::Many(values.clone()));
                let words = answer_words(ask.question, answer.as_ref());
                let record = record(&screen.title, &words, Self::width(), self.color);
                self.put(record, true)?;
            }
        }
        Ok(step)
    }

    fn review(&mut self, questions: &[Question], answers: &Answers) -> Result<Option<usize>> {
        // The review lists every answer itself.
        self.erase(self.records.len())?;
        let action = self.show(&mut Screen::review(questions, answers))?;
        self.erase(0)?;
        // A row picked to change (never none, as nothing is toggled here).
        if let Action::Chosen(rows) = action {
            return Ok(rows.first().copied());
        }
        for (index, question) in questions.iter().enumerate() {
            let title = format!("[{} of {}] {}", index + 1, questions.len(), question.text);
            let words = answer_words(question, answers.get(&question.id));
            self.put(record(&title, &words, Self::width(), self.color), true)?;
        }
        Ok(None)
    }
}
