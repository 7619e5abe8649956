//! A screen of the prompt as plain data (a title, a hint, entries to pick from,
//! a line to type on), what each key does to it, and the lines it shows at a
//! given width and height. Nothing here touches the terminal.
//!
//! Choices are picked by number. In a list of up to nine a digit acts at once;
//! in a longer one digits collect into a number that is taken at Enter or after
//! a pause ([`super::PAUSE`]), so `1` `2` is 12 while a lone `1` is still 1.
//! A number question takes typed digits and Enter instead, and offers its
//! choices, if any, unnumbered, by arrow keys and Enter.

use anstyle::{AnsiColor, Color, Style};

use super::terminal::Key;
use crate::kb::{Choice, Question};
use crate::questionnaire::interview::{Ask, answer_words};
use crate::questionnaire::{Answer, Answers};
use crate::render::{paint::paint, wrap};

const TITLE: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const CURRENT: Style = Style::new()
    .fg_color(Some(Color::Ansi(AnsiColor::Cyan)))
    .bold();
const DONE: Style = Style::new().fg_color(Some(Color::Ansi(AnsiColor::Green)));
const PROBLEM: Style = Style::new().fg_color(Some(Color::Ansi(AnsiColor::Red)));

/// The longest file name accepted, in characters.
const LONGEST_NAME: usize = 4096;

/// What a screen asks for: one choice, any number of them (toggled), a whole
/// number (or one of the choices), a change at the review, or a file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Pick,
    Toggle,
    Number,
    Review,
    Name,
}

/// What a key did: nothing that ends the screen (`Stay`), or how it ended:
/// entries picked, by index, or a number or file name typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Stay,
    Quit,
    Skip,
    Back,
    Confirm,
    Chosen(Vec<usize>),
    Typed(String),
}

/// A screen of the prompt: a title (the question, `[1 of 8] …`, or a heading),
/// a hint, entries (each a label and, at the review, the answer under it),
/// and what the person did so far.
#[derive(Debug, Default)]
pub struct Screen {
    kind: Kind,
    pub title: String,
    hint: String,
    problem: Option<String>,
    entries: Vec<(String, Option<String>)>,
    picked: Vec<bool>,
    /// The entry under the cursor; at the review `entries.len()` is the confirm line.
    cursor: usize,
    /// A number or a name typed, or a choice number half typed.
    typed: String,
    /// The key help for going back, when there is somewhere to go.
    back: Option<&'static str>,
}

impl Screen {
    /// A question, with its earlier answer, if any, shown: picked choices
    /// marked and the cursor on the first, or a typed number in its field.
    pub fn ask(ask: &Ask<'_>) -> Screen {
        let question = ask.question;
        let choices = question.choices.iter();
        let previous = ask.previous.map(Answer::values).unwrap_or_default();
        let was_picked = |c: &Choice| previous.contains(&c.value.as_str());
        let picked: Vec<bool> = choices.clone().map(was_picked).collect();
        let typed = match previous.as_slice() {
            [value] if question.number && !picked.contains(&true) => (*value).to_owned(),
            _ => String::new(),
        };
        let back = ["b: back", "b: back to the review"][usize::from(ask.revising)];
        Screen {
            kind: match (question.number, question.multiple) {
                (true, _) => Kind::Number,
                (false, true) => Kind::Toggle,
                (false, false) => Kind::Pick,
            },
            title: format!("[{} of {}] {}", ask.number, ask.total, question.text),
            hint: question.hint.clone(),
            entries: choices.map(|c| (c.label.clone(), None)).collect(),
            cursor: picked.iter().position(|&p| p).unwrap_or(0),
            picked,
            typed,
            back: ask.can_go_back.then_some(back),
            ..Screen::default()
        }
    }

    /// The review of every answer, with the cursor on the confirm line.
    pub fn review(questions: &[Question], answers: &Answers) -> Screen {
        let row = |q: &Question| (q.text.clone(), Some(answer_words(q, answers.get(&q.id))));
        Screen {
            kind: Kind::Review,
            title: "Review your answers".to_owned(),
            hint: "Change any that is not right, then confirm to see the result.".to_owned(),
            entries: questions.iter().map(row).collect(),
            cursor: questions.len(),
            ..Screen::default()
        }
    }

    /// The line where a file name is typed; `before` is the name typed last
    /// time, ready to edit, and `problem` what was wrong with it.
    pub fn name(command: &str, before: &str, problem: Option<String>) -> Screen {
        Screen {
            kind: Kind::Name,
            title: "Save these answers?".to_owned(),
            hint: format!("A file you can replay with `roles {command} --answers FILE`."),
            problem,
            typed: before.to_owned(),
            ..Screen::default()
        }
    }

    /// Whether choice numbers are digits that wait for more.
    fn long_list(&self) -> bool {
        self.kind != Kind::Number && self.entries.len() >= 10
    }

    /// Whether a half-typed number waits for a pause.
    pub fn waiting(&self) -> bool {
        self.long_list() && !self.typed.is_empty()
    }

    /// The pause came: takes a half-typed number.
    fn pause(&mut self) -> Action {
        if !self.waiting() {
            return Action::Stay;
        }
        let number = self.typed.parse::<usize>().unwrap_or(0);
        self.typed.clear();
        self.choose(number.wrapping_sub(1))
    }

    /// Picks entry `index` (toggles it, when several may be picked).
    fn choose(&mut self, index: usize) -> Action {
        if index >= self.entries.len() {
            return Action::Stay;
        }
        self.cursor = index;
        if self.kind != Kind::Toggle {
            return Action::Chosen(vec![index]);
        }
        self.picked[index] = !self.picked[index];
        Action::Stay
    }

    fn digit(&mut self, digit: char) -> Action {
        let count = self.entries.len();
        if self.kind == Kind::Number {
            // At most nine digits, so the number fits a u32.
            self.typed.extend((self.typed.len() < 9).then_some(digit));
            return Action::Stay;
        }
        let number = digit.to_digit(10).unwrap_or(0) as usize;
        if !self.long_list() {
            return self.choose(number.wrapping_sub(1));
        }
        // Digits collect while they make a number in the list; one that
        // cannot extend it takes the number so far and starts another.
        let extended = format!("{}{digit}", self.typed);
        let fits = extended.parse().is_ok_and(|n| (1..=count).contains(&n));
        let mut action = Action::Stay;
        if fits && !extended.starts_with('0') {
            self.typed = extended;
        } else {
            // Takes the number so far, and leaves nothing typed.
            action = self.pause();
            if (1..=count).contains(&number) {
                self.typed.push(digit);
            }
        }
        if let Ok(number @ 1..) = self.typed.parse::<usize>() {
            self.cursor = number - 1;
        }
        action
    }

    /// Handles one key.
    pub fn key(&mut self, key: Key) -> Action {
        let count = self.entries.len();
        if key == Key::Pause {
            return self.pause();
        }
        if self.kind == Kind::Name {
            match key {
                Key::CtrlC | Key::CtrlD | Key::Esc => return Action::Skip,
                Key::Enter if self.typed.trim().is_empty() => return Action::Skip,
                Key::Enter => return Action::Typed(self.typed.trim().to_owned()),
                Key::Backspace => drop(self.typed.pop()),
                Key::Char(c) if self.typed.chars().count() < LONGEST_NAME => self.typed.push(c),
                _ => {}
            }
            return Action::Stay;
        }
        let key = match key {
            Key::Char('k') => Key::Up,
            Key::Char('j') => Key::Down,
            Key::CtrlC | Key::CtrlD | Key::Char('q') => return Action::Quit,
            Key::Char(digit @ '0'..='9') => return self.digit(digit),
            key => key,
        };
        if !self.typed.is_empty() {
            let number = self.kind == Kind::Number;
            match key {
                Key::Enter if number => return Action::Typed(self.typed.clone()),
                Key::Enter => return self.pause(),
                Key::Backspace => drop(self.typed.pop()),
                Key::Esc => self.typed.clear(),
                // Moving to a choice drops the typed number, so Enter picks it.
                Key::Up | Key::Down if count > 0 => self.typed.clear(),
                // In a list, any other key drops a half-typed number and acts.
                _ if !number => self.typed.clear(),
                _ => {}
            }
            // Editing what is typed does nothing else.
            if matches!(key, Key::Backspace | Key::Esc) {
                return Action::Stay;
            }
        }
        let review = self.kind == Kind::Review;
        let lines = count + usize::from(review);
        match key {
            Key::Up if lines > 0 => self.cursor = (self.cursor + lines - 1) % lines,
            Key::Down if lines > 0 => self.cursor = (self.cursor + 1) % lines,
            Key::Char('c') if review => return Action::Confirm,
            Key::Enter if review && self.cursor == count => return Action::Confirm,
            // None toggled is no preference.
            Key::Enter if self.kind == Kind::Toggle => {
                return Action::Chosen((0..count).filter(|&i| self.picked[i]).collect());
            }
            Key::Enter => return self.choose(self.cursor),
            Key::Char(' ') if self.kind != Kind::Number => return self.choose(self.cursor),
            _ if review => {}
            Key::Char('s') => return Action::Skip,
            Key::Char('b') | Key::Left | Key::Esc | Key::Backspace if self.back.is_some() => {
                return Action::Back;
            }
            _ => {}
        }
        Action::Stay
    }

    /// What the keys do now, on one line.
    fn keys_help(&self) -> String {
        let count = self.entries.len();
        let range = format!("1-{count}");
        let range = if count == 1 { "1" } else { &range };
        let verb = match self.kind {
            Kind::Toggle => "toggle that one",
            Kind::Review => "change that answer",
            _ => "pick that one",
        };
        // In a list of ten or more, how a longer number is typed.
        let spelled: Vec<String> = count.to_string().chars().map(String::from).collect();
        let spelled = spelled.join(" then ");
        let numbers = match count {
            ..10 => format!("{range}: {verb}"),
            _ => format!(
                "{range}: {verb} (a number is taken at enter or after a pause, so {spelled} is {count})"
            ),
        };
        let back = self.back.map_or(String::new(), |back| format!(" · {back}"));
        let rest = format!("s: skip{back} · q: quit");
        match self.kind {
            Kind::Name => "enter: save · esc, ctrl-c or enter with no name: skip".to_owned(),
            Kind::Review => format!(
                "↑↓ move · enter: change the answer at ❯, or confirm on the last line · {numbers} · \
                 c: confirm · q: quit"
            ),
            Kind::Number => {
                let typed = match self.typed.as_str() {
                    "" => "type a number, then enter".to_owned(),
                    typed => format!("enter: answer {typed} · backspace: delete a digit"),
                };
                let choices = [" · or ↑↓ and enter: pick a choice", ""][usize::from(count == 0)];
                format!("{typed}{choices} · {rest}")
            }
            _ if count == 0 => rest,
            Kind::Toggle => format!("↑↓ move · space: toggle · {numbers} · enter: done · {rest}"),
            _ if count < 10 => format!("↑↓ move · {range} or enter: pick · {rest}"),
            _ => format!("↑↓ move · enter: pick · {numbers} · {rest}"),
        }
    }

    /// The lines the screen shows, wrapped to `width` and fitted in `height` rows.
    pub fn lines(&self, width: usize, height: usize, color: bool) -> Vec<String> {
        let hang = |first: &str, text: &str, width, style| hang(first, text, width, style, color);
        let mut head = hang("", &self.title, width, TITLE);
        head.extend(hang("  ", &self.hint, width, DIM));
        head.extend((self.problem.iter()).flat_map(|problem| hang("  ", problem, width, PROBLEM)));
        let (count, inner) = (self.entries.len(), width.saturating_sub(2));
        let mut body: Vec<Vec<String>> = (self.entries.iter().enumerate())
            .map(|(index, (label, answer))| {
                let first = match self.kind {
                    Kind::Number => "• ".to_owned(),
                    Kind::Toggle if self.picked[index] => format!("[x] {}. ", index + 1),
                    Kind::Toggle => format!("[ ] {}. ", index + 1),
                    _ => format!("{}. ", index + 1),
                };
                let mut lines = hang(&first, label, inner, Style::new());
                if let Some(words) = answer {
                    let indent = " ".repeat(wrap::width(&first));
                    lines.extend(hang(&indent, words, inner, answered(words)));
                }
                let current = index == self.cursor && (self.typed.is_empty() || self.long_list());
                entry(lines, current, color)
            })
            .collect();
        // A number question's field is where the keys go once typing starts,
        // or always when there are no choices.
        let typing = self.kind == Kind::Number && (!self.typed.is_empty() || count == 0);
        let typed = |label: &str| vec![format!("{label}: {}_", self.typed)];
        let confirm = vec!["These are right: show the result".to_owned()];
        body.push(match self.kind {
            Kind::Review => entry(confirm, self.cursor == count, color),
            Kind::Number => entry(typed("Type a number"), typing, color),
            Kind::Name => typed("File (enter to skip)"),
            Kind::Pick | Kind::Toggle => Vec::new(),
        });
        let mut foot = Vec::new();
        if self.waiting() {
            let number: usize = self.typed.parse().unwrap_or(0);
            let verb = match self.kind {
                Kind::Toggle => "toggles",
                Kind::Review => "changes",
                _ => "picks",
            };
            let (low, high) = (number * 10, (number * 10 + 9).min(count));
            let more = match low <= count {
                true if low == high => format!("; another digit makes {low}"),
                true => format!("; another digit makes {low}-{high}"),
                false => String::new(),
            };
            let help = format!("typed {number}: enter or a pause {verb} {number}{more}");
            foot = hang("", &help, width, CURRENT);
        }
        foot.extend(hang("", &self.keys_help(), width, DIM));
        let current = if typing { count } else { self.cursor };
        fit(head, body, current, foot, height, color)
    }
}

/// How an answer in words is painted: dim when there is none.
fn answered(words: &str) -> Style {
    if words == "no preference" { DIM } else { DONE }
}

/// The record of an answer left on screen once it is given.
pub fn record(title: &str, words: &str, width: usize, color: bool) -> Vec<String> {
    let tick = paint(color, "✔", DONE);
    let line = format!("{tick} {title} {}", paint(color, words, answered(words)));
    hang("", &line, width, Style::new(), color)
}

/// `text` wrapped to `width` and painted, the first line after `first` and the
/// others after as many spaces.
fn hang(first: &str, text: &str, width: usize, style: Style, color: bool) -> Vec<String> {
    let rest = " ".repeat(wrap::width(first));
    let filled = wrap::fill(text, width.max(rest.len() + 10), first, &rest);
    let paint = |line| paint(color, line, style);
    filled.split('\n').map(paint).collect()
}

/// An entry of a list, marked when it is under the cursor.
fn entry(lines: Vec<String>, current: bool, color: bool) -> Vec<String> {
    let mark = |(index, line): (usize, String)| {
        let marked = paint(color, &line, CURRENT);
        match (current, index) {
            (true, 0) => format!("{} {marked}", paint(color, "❯", CURRENT)),
            (true, _) => format!("  {marked}"),
            (false, _) => format!("  {line}"),
        }
    };
    lines.into_iter().enumerate().map(mark).collect()
}

/// The lines to draw in at most `height` rows: all of them when they fit;
/// otherwise the head, the foot, and as much of the body around the `current`
/// entry as fits, with how many lines are left out above and below.
pub fn fit(
    mut lines: Vec<String>,
    body: Vec<Vec<String>>,
    current: usize,
    foot: Vec<String>,
    height: usize,
    color: bool,
) -> Vec<String> {
    let flat: Vec<String> = body.iter().flatten().cloned().collect();
    if lines.len() + flat.len() + foot.len() <= height {
        lines.extend(flat);
    } else {
        let entry = current.min(body.len().saturating_sub(1));
        let first: usize = body[..entry].iter().map(Vec::len).sum();
        let last = first + body.get(entry).map_or(0, Vec::len);
        let room = height.saturating_sub(lines.len() + foot.len() + 2).max(1);
        let start = (first.saturating_sub(room.saturating_sub(last - first) / 2))
            .min(flat.len().saturating_sub(room));
        let end = (start + room).min(flat.len());
        if start > 0 {
            lines.push(paint(color, &format!("  ↑ {start} more"), DIM));
        }
        lines.extend_from_slice(&flat[start..end]);
        if end < flat.len() {
            lines.push(paint(color, &format!("  ↓ {} more", flat.len() - end), DIM));
        }
    }
    lines.extend(foot);
    // On a terminal too small even for the head and foot, the top goes.
    let excess = lines.len().saturating_sub(height.max(1));
    lines.drain(..excess);
    lines
}

#[cfg(test)]
mod tests;
