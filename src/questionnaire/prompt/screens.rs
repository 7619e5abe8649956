//! The prompt's screens as plain state: what each key does at a question, at
//! the review and at the file-name line, and the lines each shows at a given
//! width. Nothing here touches the terminal, so all of it is unit-tested.
//!
//! Choices are picked by number. In a list of up to nine a digit acts at once;
//! in a longer one digits collect into a number that is taken at Enter or after
//! a pause ([`super::PAUSE`]), so `1` `2` is 12 while a lone `1` is still 1.
//! A number question (`number: true`) takes typed digits and Enter instead,
//! and offers its choices, if any, unnumbered, by arrow keys and Enter.

use anstyle::{AnsiColor, Effects, Style};

use super::keys::Key;
use crate::questionnaire::interview::{Ask, Review, Revision, Row, Step};
use crate::render::{paint, wrap};

/// What a key did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action<T> {
    /// Nothing that ends the screen: draw it again.
    Stay,
    /// The screen is done with this result.
    Done(T),
    /// The person quit (`q`, Ctrl-C or Ctrl-D).
    Quit,
}

/// A screen of the prompt.
pub trait Screen {
    /// What the screen ends with.
    type Done;

    /// Handles one key.
    fn key(&mut self, key: Key) -> Action<Self::Done>;

    /// Whether a half-typed number waits for a pause to be taken.
    fn waiting(&self) -> bool {
        false
    }

    /// The pause came: takes a half-typed number.
    fn pause(&mut self) -> Action<Self::Done> {
        Action::Stay
    }

    /// What the screen shows, wrapped to `width` columns.
    fn frame(&self, width: usize, look: &Look) -> Frame;
}

/// How the prompt is painted: in colour or not.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    /// Whether to colour.
    pub color: bool,
}

impl Look {
    fn paint(&self, text: &str, style: Style) -> String {
        paint::paint(self.color, text, style)
    }

    /// A question or a heading.
    pub fn title(&self, text: &str) -> String {
        self.paint(text, Style::new().effects(Effects::BOLD))
    }

    /// Hints, key help and "no preference".
    pub fn dim(&self, text: &str) -> String {
        self.paint(text, Style::new().effects(Effects::DIMMED))
    }

    /// The line under the cursor.
    pub fn current(&self, text: &str) -> String {
        self.paint(
            text,
            Style::new()
                .fg_color(Some(AnsiColor::Cyan.into()))
                .effects(Effects::BOLD),
        )
    }

    /// An answer given.
    pub fn done(&self, text: &str) -> String {
        self.paint(text, Style::new().fg_color(Some(AnsiColor::Green.into())))
    }

    /// Something that went wrong.
    pub fn problem(&self, text: &str) -> String {
        self.paint(text, Style::new().fg_color(Some(AnsiColor::Red.into())))
    }
}

/// A screen's lines, each narrower than the width they were made for: a head,
/// a body of entries (one per choice or row, one line or more each), and a foot.
#[derive(Debug, Default)]
pub struct Frame {
    /// The question or heading, and its hint.
    pub head: Vec<String>,
    /// The entries.
    pub body: Vec<Vec<String>>,
    /// The entry under the cursor, kept in view.
    pub current: usize,
    /// What the keys do.
    pub foot: Vec<String>,
}

impl Frame {
    /// The lines to draw in at most `height` rows: all of them when they fit;
    /// otherwise the head, the foot, and as much of the body around the current
    /// entry as fits, with how many lines are left out above and below.
    pub fn fit(self, height: usize, look: &Look) -> Vec<String> {
        let body: Vec<String> = self.body.iter().flatten().cloned().collect();
        let mut lines = self.head;
        if lines.len() + body.len() + self.foot.len() <= height {
            lines.extend(body);
        } else {
            let start_of = |entry: usize| self.body[..entry].iter().map(Vec::len).sum::<usize>();
            let entry = self.current.min(self.body.len().saturating_sub(1));
            let (first, last) = (
                start_of(entry),
                start_of(entry) + self.body.get(entry).map_or(0, Vec::len),
            );
            let room = height
                .saturating_sub(lines.len() + self.foot.len() + 2)
                .max(1);
            let start = first
                .saturating_sub(room.saturating_sub(last - first) / 2)
                .min(body.len().saturating_sub(room));
            let end = (start + room).min(body.len());
            if start > 0 {
                lines.push(look.dim(&format!("  ↑ {start} more")));
            }
            lines.extend(body[start..end].iter().cloned());
            if end < body.len() {
                lines.push(look.dim(&format!("  ↓ {} more", body.len() - end)));
            }
        }
        lines.extend(self.foot);
        // On a terminal too small even for the head and foot, the top goes.
        let excess = lines.len().saturating_sub(height.max(1));
        lines.drain(..excess);
        lines
    }
}

/// `text` wrapped to `width`, the first line after `first` and the others
/// after as many spaces.
fn hang(first: &str, text: &str, width: usize) -> Vec<String> {
    let indent = wrap::width(first);
    let room = width.saturating_sub(indent).max(10);
    wrap::wrap(text, room)
        .into_iter()
        .enumerate()
        .map(|(index, line)| {
            if index == 0 {
                format!("{first}{line}")
            } else {
                format!("{}{line}", " ".repeat(indent))
            }
        })
        .collect()
}

/// An entry of a list, marked when it is under the cursor.
fn entry(lines: Vec<String>, current: bool, look: &Look) -> Vec<String> {
    lines
        .into_iter()
        .enumerate()
        .map(|(index, line)| match (current, index) {
            (true, 0) => format!("{} {}", look.current("❯"), look.current(&line)),
            (true, _) => format!("  {}", look.current(&line)),
            (false, _) => format!("  {line}"),
        })
        .collect()
}

/// The key help, wrapped and dimmed.
fn foot(keys: &[String], width: usize, look: &Look) -> Vec<String> {
    wrap::wrap(&keys.join(" · "), width)
        .into_iter()
        .map(|line| look.dim(&line))
        .collect()
}

/// The numbers of a list of `count`: `1` or `1-N`.
fn range(count: usize) -> String {
    if count == 1 {
        "1".to_owned()
    } else {
        format!("1-{count}")
    }
}

/// How typed numbers pick from a list of `count`: at once up to nine, and how
/// a longer number is typed in a longer list.
fn numbers_help(count: usize, verb: &str) -> String {
    if count < 10 {
        return format!("{}: {verb}", range(count));
    }
    let spelled: Vec<String> = count.to_string().chars().map(String::from).collect();
    format!(
        "{}: {verb} (a number is taken at enter or after a pause, so {} is {count})",
        range(count),
        spelled.join(" then ")
    )
}

/// Digits typed towards a choice number in a list of `count` (ten or more).
/// Returns the number to take now, if any: the one typed so far when `digit`
/// cannot extend it. `typed` keeps what still waits.
fn type_digit(typed: &mut String, digit: char, count: usize) -> Option<usize> {
    let mut candidate = typed.clone();
    candidate.push(digit);
    if let Ok(number) = candidate.parse::<usize>()
        && (1..=count).contains(&number)
        && !candidate.starts_with('0')
    {
        *typed = candidate;
        return None;
    }
    let taken = typed.parse::<usize>().ok();
    typed.clear();
    if digit != '0' && digit.to_digit(10).is_some_and(|d| d as usize <= count) {
        typed.push(digit);
    }
    taken
}

/// What a half-typed choice number will do, for the line above the key help.
fn typed_help(typed: &str, count: usize, verb: &str) -> Option<String> {
    let number: usize = typed.parse().ok()?;
    let mut help = format!("typed {number}: enter or a pause {verb} {number}");
    let low = number * 10;
    if low <= count {
        let high = (low + 9).min(count);
        if low == high {
            help.push_str(&format!("; another digit makes {low}"));
        } else {
            help.push_str(&format!("; another digit makes {low}-{high}"));
        }
    }
    Some(help)
}

// --- a question ------------------------------------------------------------------

/// A question on screen: the cursor, what is picked, and digits typed.
#[derive(Debug)]
pub struct Asking<'a, 'q> {
    ask: &'a Ask<'q>,
    cursor: usize,
    picked: Vec<bool>,
    /// A choice number half typed, or the answer to a number question.
    typed: String,
}

impl<'a, 'q> Asking<'a, 'q> {
    /// The question with its earlier answer, if any, shown: picked choices
    /// marked and the cursor on the first, or a typed number in its field.
    pub fn new(ask: &'a Ask<'q>) -> Self {
        let choices = &ask.question.choices;
        let picked: Vec<bool> = choices
            .iter()
            .map(|c| ask.previous.contains(&c.value))
            .collect();
        let typed = match ask.previous.as_slice() {
            [value] if ask.question.number && !picked.contains(&true) => value.clone(),
            _ => String::new(),
        };
        Asking {
            cursor: picked.iter().position(|&p| p).unwrap_or(0),
            picked,
            typed,
            ask,
        }
    }

    fn count(&self) -> usize {
        self.ask.question.choices.len()
    }

    fn multiple(&self) -> bool {
        self.ask.question.multiple && !self.ask.question.number
    }

    /// Whether choice numbers are typed as digits that wait for more.
    fn long_list(&self) -> bool {
        !self.ask.question.number && self.count() >= 10
    }

    fn value(&self, index: usize) -> String {
        self.ask.question.choices[index].value.to_string()
    }

    /// Picks choice `index` (a single answer) or toggles it.
    fn choose(&mut self, index: usize) -> Action<Step> {
        if index >= self.count() {
            return Action::Stay;
        }
        self.cursor = index;
        if self.multiple() {
            self.picked[index] = !self.picked[index];
            Action::Stay
        } else {
            Action::Done(Step::Answer(vec![self.value(index)]))
        }
    }

    fn digit(&mut self, digit: char) -> Action<Step> {
        let count = self.count();
        if !self.long_list() {
            return match digit.to_digit(10) {
                Some(d @ 1..) => self.choose(d as usize - 1),
                _ => Action::Stay,
            };
        }
        let taken = type_digit(&mut self.typed, digit, count);
        let action = match taken {
            Some(number @ 1..) => self.choose(number - 1),
            _ => Action::Stay,
        };
        if let Ok(number) = self.typed.parse::<usize>() {
            self.cursor = number.saturating_sub(1);
        }
        action
    }

    fn take_typed(&mut self) -> Action<Step> {
        let number = self.typed.parse::<usize>().ok();
        self.typed.clear();
        match number {
            Some(number @ 1..) => self.choose(number - 1),
            _ => Action::Stay,
        }
    }

    fn move_by(&mut self, up: bool) {
        let count = self.count();
        if count > 0 {
            self.cursor = if up {
                (self.cursor + count - 1) % count
            } else {
                (self.cursor + 1) % count
            };
        }
    }

    fn back(&self) -> Action<Step> {
        if self.ask.can_go_back {
            Action::Done(Step::Back)
        } else {
            Action::Stay
        }
    }

    fn number_key(&mut self, key: Key) -> Action<Step> {
        match key {
            Key::Char(digit @ '0'..='9') if self.typed.len() < 9 => self.typed.push(digit),
            Key::Backspace if !self.typed.is_empty() => {
                self.typed.pop();
            }
            Key::Esc if !self.typed.is_empty() => self.typed.clear(),
            Key::Enter if !self.typed.is_empty() => {
                return Action::Done(Step::Answer(vec![self.typed.clone()]));
            }
            Key::Enter if self.count() > 0 => return self.choose(self.cursor),
            // Moving to a choice drops the typed number, so Enter picks it.
            Key::Up | Key::Char('k') | Key::BackTab if self.count() > 0 => {
                self.typed.clear();
                self.move_by(true);
            }
            Key::Down | Key::Char('j') | Key::Tab if self.count() > 0 => {
                self.typed.clear();
                self.move_by(false);
            }
            Key::Char('s') => return Action::Done(Step::Skip),
            Key::Char('b') | Key::Left | Key::Esc | Key::Backspace => return self.back(),
            _ => {}
        }
        Action::Stay
    }

    fn choice_key(&mut self, key: Key) -> Action<Step> {
        if !self.typed.is_empty() {
            match key {
                Key::Char(digit @ '0'..='9') => return self.digit(digit),
                Key::Enter => return self.take_typed(),
                Key::Backspace => {
                    self.typed.pop();
                    return Action::Stay;
                }
                Key::Esc => {
                    self.typed.clear();
                    return Action::Stay;
                }
                // Any other key drops the half-typed number and does its own thing.
                _ => self.typed.clear(),
            }
        }
        let multiple = self.multiple();
        match key {
            Key::Up | Key::Char('k') | Key::BackTab => self.move_by(true),
            Key::Down | Key::Char('j') | Key::Tab => self.move_by(false),
            Key::Char(digit @ '0'..='9') => return self.digit(digit),
            Key::Char(' ') if multiple => return self.choose(self.cursor),
            Key::Enter if multiple => {
                let values: Vec<String> = (0..self.count())
                    .filter(|&index| self.picked[index])
                    .map(|index| self.value(index))
                    .collect();
                return Action::Done(if values.is_empty() {
                    Step::Skip
                } else {
                    Step::Answer(values)
                });
            }
            Key::Enter | Key::Char(' ') if self.count() > 0 => return self.choose(self.cursor),
            Key::Char('s') => return Action::Done(Step::Skip),
            Key::Char('b') | Key::Left | Key::Esc | Key::Backspace => return self.back(),
            _ => {}
        }
        Action::Stay
    }

    fn keys_help(&self) -> Vec<String> {
        let count = self.count();
        let mut keys = Vec::new();
        if self.ask.question.number {
            if self.typed.is_empty() {
                keys.push("type a number, then enter".to_owned());
            } else {
                keys.push(format!("enter: answer {}", self.typed));
                keys.push("backspace: delete a digit".to_owned());
            }
            if count > 0 {
                keys.push("or ↑↓ and enter: pick a choice".to_owned());
            }
        } else if count > 0 {
            keys.push("↑↓ move".to_owned());
            if self.multiple() {
                keys.push("space: toggle".to_owned());
                keys.push(numbers_help(count, "toggle that one"));
                keys.push("enter: done".to_owned());
            } else if count < 10 {
                keys.push(format!("{} or enter: pick", range(count)));
            } else {
                keys.push("enter: pick".to_owned());
                keys.push(numbers_help(count, "pick that one"));
            }
        }
        keys.push("s: skip".to_owned());
        if self.ask.can_go_back {
            keys.push(if self.ask.revising {
                "b: back to the review".to_owned()
            } else {
                "b: back".to_owned()
            });
        }
        keys.push("q: quit".to_owned());
        keys
    }

    /// The one-line record of the reply that replaces the question on screen.
    pub fn record(&self, words: &str, width: usize, look: &Look) -> Vec<String> {
        record(
            self.ask.number,
            self.ask.total,
            &self.ask.question.text,
            words,
            width,
            look,
        )
    }
}

/// The record of an answer left on screen once it is given.
pub fn record(
    number: usize,
    total: usize,
    question: &str,
    words: &str,
    width: usize,
    look: &Look,
) -> Vec<String> {
    let answer = if words == "no preference" {
        look.dim(words)
    } else {
        look.done(words)
    };
    let line = format!(
        "{} [{number} of {total}] {question} {answer}",
        look.done("✔")
    );
    wrap::wrap(&line, width)
        .into_iter()
        .map(String::from)
        .collect()
}

impl Screen for Asking<'_, '_> {
    type Done = Step;

    fn key(&mut self, key: Key) -> Action<Step> {
        match key {
            Key::CtrlC | Key::CtrlD | Key::Char('q') => Action::Quit,
            _ if self.ask.question.number => self.number_key(key),
            _ => self.choice_key(key),
        }
    }

    fn waiting(&self) -> bool {
        self.long_list() && !self.typed.is_empty()
    }

    fn pause(&mut self) -> Action<Step> {
        if self.waiting() {
            self.take_typed()
        } else {
            Action::Stay
        }
    }

    fn frame(&self, width: usize, look: &Look) -> Frame {
        let ask = self.ask;
        let question = ask.question;
        let title = format!("[{} of {}] {}", ask.number, ask.total, question.text);
        let mut head: Vec<String> = wrap::wrap(&title, width)
            .into_iter()
            .map(|line| look.title(&line))
            .collect();
        head.extend(
            hang("  ", &question.hint, width)
                .into_iter()
                .map(|line| look.dim(&line)),
        );
        let mut body: Vec<Vec<String>> = question
            .choices
            .iter()
            .enumerate()
            .map(|(index, choice)| {
                let mark = match (self.multiple(), self.picked[index]) {
                    (false, _) => "",
                    (true, true) => "[x] ",
                    (true, false) => "[ ] ",
                };
                // In a number question digits are the answer, so its choices
                // carry no numbers to pick them by.
                let first = if question.number {
                    "• ".to_owned()
                } else {
                    format!("{mark}{}. ", index + 1)
                };
                let current = index == self.cursor && (self.typed.is_empty() || self.long_list());
                entry(
                    hang(&first, &choice.label, width.saturating_sub(2)),
                    current,
                    look,
                )
            })
            .collect();
        let mut current = self.cursor;
        if question.number {
            // The field is where the keys go once typing starts, or always
            // when there are no choices.
            let typing = !self.typed.is_empty() || question.choices.is_empty();
            let field = format!("Type a number: {}_", self.typed);
            body.push(entry(vec![field], typing, look));
            if typing {
                current = body.len() - 1;
            }
        }
        let mut foot_lines = Vec::new();
        if self.waiting() {
            let verb = if self.multiple() { "toggles" } else { "picks" };
            if let Some(help) = typed_help(&self.typed, self.count(), verb) {
                foot_lines.extend(
                    wrap::wrap(&help, width)
                        .into_iter()
                        .map(|line| look.current(&line)),
                );
            }
        }
        foot_lines.extend(foot(&self.keys_help(), width, look));
        Frame {
            head,
            body,
            current,
            foot: foot_lines,
        }
    }
}

// --- the review --------------------------------------------------------------------

/// The review on screen: every answer, and a last line to confirm them.
#[derive(Debug)]
pub struct Reviewing<'a, 'q> {
    review: &'a Review<'q>,
    /// A row, or `rows.len()` for the confirm line.
    cursor: usize,
    typed: String,
}

impl<'a, 'q> Reviewing<'a, 'q> {
    /// The review with the cursor on the confirm line.
    pub fn new(review: &'a Review<'q>) -> Self {
        Reviewing {
            cursor: review.rows.len(),
            review,
            typed: String::new(),
        }
    }

    fn count(&self) -> usize {
        self.review.rows.len()
    }

    fn change(&self, number: usize) -> Action<Revision> {
        if (1..=self.count()).contains(&number) {
            Action::Done(Revision::Change(number - 1))
        } else {
            Action::Stay
        }
    }

    fn digit(&mut self, digit: char) -> Action<Revision> {
        let count = self.count();
        if count < 10 {
            return match digit.to_digit(10) {
                Some(d) => self.change(d as usize),
                None => Action::Stay,
            };
        }
        let taken = type_digit(&mut self.typed, digit, count);
        if let Ok(number) = self.typed.parse::<usize>() {
            self.cursor = number.saturating_sub(1);
        }
        match taken {
            Some(number) => self.change(number),
            None => Action::Stay,
        }
    }

    fn take_typed(&mut self) -> Action<Revision> {
        let number = self.typed.parse::<usize>().unwrap_or(0);
        self.typed.clear();
        self.change(number)
    }

    /// The lines of one row: the question, then its answer.
    fn row(&self, row: &Row<'_>, width: usize, look: &Look) -> Vec<String> {
        let first = format!("{}. ", row.number);
        let mut lines = hang(&first, &row.question.text, width.saturating_sub(2));
        let words = row.answer_words();
        let indent = " ".repeat(wrap::width(&first));
        let answer = hang(&indent, &words, width.saturating_sub(2));
        lines.extend(answer.into_iter().map(|line| {
            if row.answer.is_some() {
                look.done(&line)
            } else {
                look.dim(&line)
            }
        }));
        lines
    }
}

impl Screen for Reviewing<'_, '_> {
    type Done = Revision;

    fn key(&mut self, key: Key) -> Action<Revision> {
        if matches!(key, Key::CtrlC | Key::CtrlD | Key::Char('q')) {
            return Action::Quit;
        }
        if !self.typed.is_empty() {
            match key {
                Key::Char(digit @ '0'..='9') => return self.digit(digit),
                Key::Enter => return self.take_typed(),
                Key::Backspace => {
                    self.typed.pop();
                    return Action::Stay;
                }
                Key::Esc => {
                    self.typed.clear();
                    return Action::Stay;
                }
                _ => self.typed.clear(),
            }
        }
        let lines = self.count() + 1;
        match key {
            Key::Up | Key::Char('k') | Key::BackTab => {
                self.cursor = (self.cursor + lines - 1) % lines
            }
            Key::Down | Key::Char('j') | Key::Tab => self.cursor = (self.cursor + 1) % lines,
            Key::Char(digit @ '0'..='9') => return self.digit(digit),
            Key::Enter | Key::Char(' ') if self.cursor < self.count() => {
                return Action::Done(Revision::Change(self.cursor));
            }
            Key::Enter | Key::Char('c') => return Action::Done(Revision::Confirm),
            _ => {}
        }
        Action::Stay
    }

    fn waiting(&self) -> bool {
        self.count() >= 10 && !self.typed.is_empty()
    }

    fn pause(&mut self) -> Action<Revision> {
        if self.waiting() {
            self.take_typed()
        } else {
            Action::Stay
        }
    }

    fn frame(&self, width: usize, look: &Look) -> Frame {
        let mut head = vec![look.title("Review your answers")];
        head.extend(
            hang(
                "  ",
                "Change any that is not right, then confirm to see the result.",
                width,
            )
            .into_iter()
            .map(|line| look.dim(&line)),
        );
        let mut body: Vec<Vec<String>> = self
            .review
            .rows
            .iter()
            .enumerate()
            .map(|(index, row)| entry(self.row(row, width, look), index == self.cursor, look))
            .collect();
        body.push(entry(
            vec!["These are right: show the result".to_owned()],
            self.cursor == self.count(),
            look,
        ));
        let mut foot_lines = Vec::new();
        if self.waiting()
            && let Some(help) = typed_help(&self.typed, self.count(), "changes")
        {
            foot_lines.extend(
                wrap::wrap(&help, width)
                    .into_iter()
                    .map(|line| look.current(&line)),
            );
        }
        let keys = [
            "↑↓ move".to_owned(),
            "enter: change the answer at ❯, or confirm on the last line".to_owned(),
            numbers_help(self.count(), "change that answer"),
            "c: confirm".to_owned(),
            "q: quit".to_owned(),
        ];
        foot_lines.extend(foot(&keys, width, look));
        Frame {
            head,
            body,
            current: self.cursor,
            foot: foot_lines,
        }
    }
}

// --- a file name -----------------------------------------------------------------

/// The line where a file name is typed to save the answers to.
#[derive(Debug)]
pub struct Naming {
    /// The command the answers replay with, e.g. `advise`.
    pub command: String,
    /// What went wrong with the name typed before, if anything.
    pub problem: Option<String>,
    /// The name typed so far.
    pub text: String,
}

/// The longest file name accepted, in characters.
const LONGEST_NAME: usize = 4096;

impl Screen for Naming {
    /// The name, or `None` to skip saving.
    type Done = Option<String>;

    fn key(&mut self, key: Key) -> Action<Option<String>> {
        match key {
            Key::CtrlC | Key::CtrlD | Key::Esc => return Action::Done(None),
            Key::Enter => {
                let name = self.text.trim();
                return Action::Done((!name.is_empty()).then(|| name.to_owned()));
            }
            Key::Backspace => {
                self.text.pop();
            }
            Key::Char(c) if self.text.chars().count() < LONGEST_NAME => self.text.push(c),
            _ => {}
        }
        Action::Stay
    }

    fn frame(&self, width: usize, look: &Look) -> Frame {
        let mut head = vec![look.title("Save these answers?")];
        let hint = format!(
            "A file you can replay with `roles {} --answers FILE`.",
            self.command
        );
        head.extend(hang("  ", &hint, width).into_iter().map(|l| look.dim(&l)));
        if let Some(problem) = &self.problem {
            head.extend(
                hang("  ", problem, width)
                    .into_iter()
                    .map(|line| look.problem(&line)),
            );
        }
        let field = format!("File (enter to skip): {}_", self.text);
        let keys = [
            "enter: save".to_owned(),
            "esc, ctrl-c or enter with no name: skip".to_owned(),
        ];
        Frame {
            head,
            body: vec![vec![field]],
            current: 0,
            foot: foot(&keys, width, look),
        }
    }
}

#[cfg(test)]
mod tests;
