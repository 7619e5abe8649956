//! The questionnaire at a terminal: one question at a time on stderr, choices
//! picked with the arrow keys or by number, skip and back, Ctrl-C or Ctrl-D to
//! quit. Built on crossterm because the prompt crates we tried offer neither
//! Ctrl-D nor a back step.

use std::io::{self, Write};

use anstyle::{AnsiColor, Effects};
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::{cursor, queue, terminal};

use super::interview::{Ask, Prompter, Step};
use crate::error::Interrupted;
use crate::render::wrap;

/// Asks questions on the terminal, drawing on stderr.
pub struct TerminalPrompter {
    /// Whether to colour the prompt.
    pub color: bool,
}

/// Raw mode for as long as it lives, so every exit path restores the terminal.
struct RawMode;

impl RawMode {
    fn enable() -> io::Result<RawMode> {
        terminal::enable_raw_mode()?;
        queue!(io::stderr(), cursor::Hide)?;
        Ok(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = queue!(io::stderr(), cursor::Show);
        let _ = io::stderr().flush();
        let _ = terminal::disable_raw_mode();
    }
}

/// The state of one question on screen.
struct Screen<'a, 'q> {
    ask: &'a Ask<'q>,
    cursor: usize,
    picked: Vec<bool>,
    drawn: u16,
}

impl TerminalPrompter {
    fn paint(&self, text: &str, look: anstyle::Style) -> String {
        crate::render::paint::paint(self.color, text, look)
    }

    fn lines(&self, screen: &Screen<'_, '_>, width: usize) -> Vec<String> {
        let ask = screen.ask;
        let question = ask.question;
        let bold = anstyle::Style::new().effects(Effects::BOLD);
        let dim = anstyle::Style::new().effects(Effects::DIMMED);
        let current = anstyle::Style::new()
            .fg_color(Some(AnsiColor::Cyan.into()))
            .effects(Effects::BOLD);
        let mut lines = Vec::new();
        let title = format!("[{} of {}] {}", ask.number, ask.total, question.text);
        for line in wrap::wrap(&title, width) {
            lines.push(self.paint(line, bold));
        }
        for line in wrap::wrap(&question.hint, width.saturating_sub(2).max(20)) {
            lines.push(format!("  {}", self.paint(line, dim)));
        }
        for (index, choice) in question.choices.iter().enumerate() {
            let mark = match (question.multiple, screen.picked[index]) {
                (false, _) => "",
                (true, true) => "[x] ",
                (true, false) => "[ ] ",
            };
            let text = format!("{mark}{}. {}", index + 1, choice.label);
            let text: String = wrap::wrap(&text, width.saturating_sub(2).max(20))
                .first()
                .map(|line| line.to_string())
                .unwrap_or_default();
            lines.push(if index == screen.cursor {
                format!(
                    "{} {}",
                    self.paint("❯", current),
                    self.paint(&text, current)
                )
            } else {
                format!("  {text}")
            });
        }
        let count = question.choices.len();
        let mut keys = vec!["↑↓ move".to_owned()];
        if question.multiple {
            keys.push("space or number: toggle".into());
            keys.push("enter: done".into());
        } else {
            keys.push(format!("1-{count} or enter: pick"));
        }
        keys.push("s: skip".into());
        if ask.can_go_back {
            keys.push("b: back".into());
        }
        keys.push("ctrl-c: quit".into());
        for line in wrap::wrap(&keys.join(" · "), width) {
            lines.push(self.paint(line, dim));
        }
        lines
    }

    fn draw(&self, screen: &mut Screen<'_, '_>) -> io::Result<()> {
        let width = terminal::size().map_or(80, |(w, _)| usize::from(w)).max(20) - 1;
        let lines = self.lines(screen, width);
        let mut err = io::stderr().lock();
        clear(&mut err, screen.drawn)?;
        write!(err, "{}", lines.join("\r\n"))?;
        err.flush()?;
        screen.drawn = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        Ok(())
    }

    /// Replaces the question on screen with a one-line record of the reply.
    fn finish(&self, screen: &Screen<'_, '_>, step: Step) -> anyhow::Result<Step> {
        let mut err = io::stderr().lock();
        clear(&mut err, screen.drawn)?;
        let ask = screen.ask;
        let reply = match &step {
            Step::Answer(values) => ask
                .question
                .choices
                .iter()
                .filter(|c| values.iter().any(|v| c.value == *v))
                .map(|c| c.label.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            Step::Skip => "no preference".to_owned(),
            Step::Back => return Ok(step),
        };
        let done = anstyle::Style::new().fg_color(Some(AnsiColor::Green.into()));
        write!(
            err,
            "{} [{} of {}] {} {}\r\n",
            self.paint("✔", done),
            ask.number,
            ask.total,
            ask.question.text,
            self.paint(&reply, done)
        )?;
        err.flush()?;
        Ok(step)
    }
}

/// Erases `lines` lines drawn before, leaving the cursor where they began.
fn clear(err: &mut impl Write, lines: u16) -> io::Result<()> {
    queue!(err, cursor::MoveToColumn(0))?;
    if lines > 1 {
        queue!(err, cursor::MoveUp(lines - 1))?;
    }
    queue!(err, terminal::Clear(terminal::ClearType::FromCursorDown))
}

impl Prompter for TerminalPrompter {
    fn ask(&mut self, ask: &Ask<'_>) -> anyhow::Result<Step> {
        let _raw = RawMode::enable()?;
        let choices = &ask.question.choices;
        let picked: Vec<bool> = choices
            .iter()
            .map(|c| ask.previous.iter().any(|v| c.value == *v))
            .collect();
        let mut screen = Screen {
            ask,
            cursor: picked.iter().position(|&p| p).unwrap_or(0),
            picked,
            drawn: 0,
        };
        loop {
            self.draw(&mut screen)?;
            let Event::Key(KeyEvent {
                code,
                modifiers,
                kind,
                ..
            }) = event::read()?
            else {
                continue;
            };
            if kind == KeyEventKind::Release {
                continue;
            }
            let count = choices.len();
            let multiple = ask.question.multiple;
            match code {
                KeyCode::Char('c' | 'd') if modifiers.contains(KeyModifiers::CONTROL) => {
                    clear(&mut io::stderr(), screen.drawn)?;
                    return Err(Interrupted.into());
                }
                KeyCode::Up | KeyCode::Char('k') | KeyCode::BackTab => {
                    screen.cursor = (screen.cursor + count - 1) % count;
                }
                KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => {
                    screen.cursor = (screen.cursor + 1) % count;
                }
                KeyCode::Char(digit @ '1'..='9') => {
                    let index = digit as usize - '1' as usize;
                    if index < count {
                        screen.cursor = index;
                        if multiple {
                            screen.picked[index] = !screen.picked[index];
                        } else {
                            let value = choices[index].value.to_string();
                            return self.finish(&screen, Step::Answer(vec![value]));
                        }
                    }
                }
                KeyCode::Char(' ') if multiple => {
                    screen.picked[screen.cursor] = !screen.picked[screen.cursor];
                }
                KeyCode::Enter if multiple => {
                    let values: Vec<String> = choices
                        .iter()
                        .zip(&screen.picked)
                        .filter(|(_, p)| **p)
                        .map(|(c, _)| c.value.to_string())
                        .collect();
                    let step = if values.is_empty() {
                        Step::Skip
                    } else {
                        Step::Answer(values)
                    };
                    return self.finish(&screen, step);
                }
                KeyCode::Enter | KeyCode::Char(' ') => {
                    let value = choices[screen.cursor].value.to_string();
                    return self.finish(&screen, Step::Answer(vec![value]));
                }
                KeyCode::Char('s') => return self.finish(&screen, Step::Skip),
                KeyCode::Char('b') | KeyCode::Left | KeyCode::Esc | KeyCode::Backspace
                    if ask.can_go_back =>
                {
                    return self.finish(&screen, Step::Back);
                }
                _ => {}
            }
        }
    }
}
