//! The questionnaire at a terminal: one question at a time on stderr, choices
//! picked with the arrow keys or by number, skip and back, `q`, Ctrl-C or
//! Ctrl-D to quit; then a review of every answer, and later the offer to save
//! them. Text wraps to the terminal's width and is drawn again when the window
//! changes size.
//!
//! What is drawn is erased by moving up as many rows as it takes at the width
//! the terminal has now (a terminal that narrows rewraps long lines), so going
//! back or resizing leaves no stale lines. A screen never takes more rows than
//! the terminal has: a long list shows the part around the cursor.
//!
//! Built on crossterm for raw mode and drawing; keys are read in [`keys`], so
//! that a terminal that hangs up ends the prompt instead of spinning and a
//! bracketed paste is never taken as keys, and [`terminal`] puts the terminal
//! back on SIGINT, SIGTERM, SIGHUP and SIGQUIT, and around a suspension.
//!
//! On a terminal that cannot move the cursor (`TERM=dumb`) the same screens
//! are asked line by line: each is printed whole, and a line typed and ended
//! with Enter is taken as its keys, then Enter.
//!
//! Tried instead (issue 20): inquire 0.7 reads keys with crossterm's reader,
//! which spins on a hung-up terminal, never turns on bracketed paste, has no
//! way back to an earlier prompt and filters a list by typing rather than
//! picking by number; dialoguer 0.11 (console) ends on a hang-up but has no
//! paste, suspend or going back either, and neither restores the terminal on a
//! signal. Each would need most of this module around it.

pub mod keys;
pub mod screens;
pub mod terminal;

use std::io::{self, Write};
use std::time::Duration;

use keys::{Input, Key, Keys};
use screens::{Action, Asking, Look, Naming, Reviewing, Screen};
use terminal::{RawMode, erase, rows, size};

use super::interview::{Ask, Prompter, Review, Revision, Step, answer_words};
use crate::error::{Interrupted, escape_controls};
use crate::render::wrap;

/// How long after the last digit a choice number in a list of ten or more is
/// taken, when Enter does not come first.
pub const PAUSE: Duration = Duration::from_millis(800);

/// Asks questions on the terminal, drawing on stderr and reading stdin, which
/// must both be the terminal.
#[derive(Debug)]
pub struct TerminalPrompter {
    look: Look,
    keys: Keys,
    /// Raw mode, from the first screen until the prompter is dropped, so keys
    /// typed between two questions are neither echoed nor held for a line.
    raw: Option<RawMode>,
    /// The display widths of the lines of each answer recorded on screen.
    records: Vec<Vec<usize>>,
    /// The display widths of the lines of the screen drawn last; the cursor is
    /// at the end of its last line. Empty when nothing is drawn.
    shown: Vec<usize>,
    /// Line by line, for a terminal that cannot move the cursor.
    plain: bool,
}

impl TerminalPrompter {
    /// A prompter, painting in colour or not. From now on SIGINT, SIGTERM and
    /// SIGHUP restore the terminal before `roles` exits.
    pub fn new(color: bool) -> io::Result<TerminalPrompter> {
        terminal::restore_on_signals()?;
        Ok(TerminalPrompter {
            look: Look { color },
            keys: Keys::new(),
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

    /// Runs a screen until it is done, drawing it after every key and resize.
    fn show<S: Screen>(&mut self, screen: &mut S) -> anyhow::Result<S::Done> {
        if self.plain {
            return self.show_plain(screen);
        }
        if self.raw.is_none() {
            self.raw = Some(RawMode::enable()?);
        }
        let mut redraw = true;
        loop {
            if redraw {
                self.draw(screen)?;
            }
            redraw = true;
            let timeout = screen.waiting().then_some(PAUSE);
            let action = match self.keys.next(timeout).map_err(lost)? {
                None => screen.pause(),
                Some(Input::Resize) => {
                    if terminal::resumed() {
                        self.records.clear();
                        self.shown.clear();
                    }
                    continue;
                }
                Some(Input::Key(Key::CtrlZ)) => {
                    // Drawn again on `fg`, through the resize that follows.
                    terminal::suspend();
                    redraw = false;
                    continue;
                }
                Some(Input::Key(key)) => screen.key(key),
            };
            match action {
                Action::Stay => {}
                Action::Done(done) => return Ok(done),
                Action::Quit => {
                    self.erase(0)?;
                    return Err(Interrupted.into());
                }
            }
        }
    }

    /// [`Self::show`] line by line: prints the screen whole, reads a line and
    /// gives the screen its characters and then Enter, until it is done.
    fn show_plain<S: Screen>(&mut self, screen: &mut S) -> anyhow::Result<S::Done> {
        loop {
            let lines = screen
                .frame(Self::width(), &self.look)
                .fit(usize::MAX, &self.look);
            self.print(&lines, "\n")?;
            let mut line = String::new();
            if io::stdin().read_line(&mut line).map_err(lost)? == 0 {
                return Err(lost(io::ErrorKind::UnexpectedEof.into()));
            }
            let keys = line.trim_end_matches(['\r', '\n']).chars().map(Key::Char);
            for key in keys.chain([Key::Enter]) {
                match screen.key(key) {
                    Action::Stay => {}
                    Action::Done(done) => return Ok(done),
                    Action::Quit => return Err(Interrupted.into()),
                }
            }
        }
    }

    /// Writes `lines` to stderr, each ended by `end`, with nothing in them
    /// that could act on the terminal or hide there.
    fn print(&self, lines: &[String], end: &str) -> io::Result<()> {
        let mut err = io::stderr().lock();
        for line in lines {
            write!(err, "{}{end}", escape_controls(line, self.look.color))?;
        }
        err.flush()
    }

    /// Replaces the screen drawn last with `screen` as it is now.
    fn draw(&mut self, screen: &impl Screen) -> io::Result<()> {
        let height = size().1.max(1);
        let lines = screen
            .frame(Self::width(), &self.look)
            .fit(height, &self.look);
        self.erase(0)?;
        let last = lines.len().saturating_sub(1);
        self.print(&lines[..last], "\r\n")?;
        self.print(&lines[last..], "")?;
        self.shown = lines.iter().map(|line| wrap::width(line)).collect();
        Ok(())
    }

    /// Erases the screen drawn last and the last `records` answers recorded
    /// above it, leaving the cursor where the first of them began.
    fn erase(&mut self, records: usize) -> io::Result<()> {
        let columns = size().0;
        let kept = self.records.len().saturating_sub(records);
        let recorded: usize = self
            .records
            .drain(kept..)
            .map(|widths| rows(&widths, columns))
            .sum();
        let shown = rows(&self.shown, columns);
        if shown + recorded == 0 || self.plain {
            return Ok(());
        }
        let mut err = io::stderr().lock();
        erase(&mut err, shown.saturating_sub(1) + recorded)?;
        err.flush()?;
        self.shown.clear();
        Ok(())
    }

    /// Replaces the screen drawn last with a record of an answer, kept above
    /// the next screen.
    fn record(&mut self, lines: Vec<String>) -> io::Result<()> {
        self.erase(0)?;
        self.print(&lines, if self.plain { "\n" } else { "\r\n" })?;
        self.records
            .push(lines.iter().map(|line| wrap::width(line)).collect());
        Ok(())
    }

    /// Asks for a file to save the answers to; `None` to skip saving.
    /// `command` is the command the file replays with, e.g. `advise`; after a
    /// name that would not do, `before` is that name, ready to edit, and
    /// `problem` says what was wrong with it.
    pub fn ask_file(
        &mut self,
        command: &str,
        before: &str,
        problem: Option<String>,
    ) -> anyhow::Result<Option<String>> {
        let mut screen = Naming {
            command: command.to_owned(),
            problem,
            text: before.to_owned(),
        };
        let name = self.show(&mut screen)?;
        self.erase(0)?;
        Ok(name)
    }
}

/// The terminal can no longer be read: the session ends as if interrupted.
fn lost(error: io::Error) -> anyhow::Error {
    let reason = if error.kind() == io::ErrorKind::UnexpectedEof {
        error.to_string()
    } else {
        format!("cannot read the terminal ({error})")
    };
    anyhow::Error::new(Interrupted).context(reason)
}

impl Prompter for TerminalPrompter {
    fn ask(&mut self, ask: &Ask<'_>) -> anyhow::Result<Step> {
        let mut screen = Asking::new(ask);
        let step = self.show(&mut screen)?;
        match &step {
            // The review is drawn again in the question's place.
            _ if ask.revising => self.erase(0)?,
            // The question before is asked again where its record was.
            Step::Back => self.erase(1)?,
            Step::Answer(values) => {
                let answer = match values.as_slice() {
                    [] => None,
                    [value] if !ask.question.multiple => Some(super::Answer::One(value.clone())),
                    _ => Some(super::Answer::Many(values.clone())),
                };
                let words = answer_words(ask.question, answer.as_ref());
                self.record(screen.record(&words, Self::width(), &self.look))?;
            }
            Step::Skip => {
                self.record(screen.record("no preference", Self::width(), &self.look))?;
            }
        }
        Ok(step)
    }

    fn review(&mut self, review: &Review<'_>) -> anyhow::Result<Revision> {
        // The review lists every answer itself.
        self.erase(self.records.len())?;
        let revision = self.show(&mut Reviewing::new(review))?;
        self.erase(0)?;
        if revision == Revision::Confirm {
            for row in &review.rows {
                let lines = screens::record(
                    row.number,
                    review.rows.len(),
                    &row.question.text,
                    &row.answer_words(),
                    Self::width(),
                    &self.look,
                );
                self.record(lines)?;
            }
        }
        Ok(revision)
    }
}
