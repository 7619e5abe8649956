//! The interview: asks the questions not answered yet, one at a time, through a
//! [`Prompter`], with skip and back; then shows every answer for review, where
//! any of them can be changed before the result. The terminal prompter lives in
//! [`super::prompt`]; tests drive the interview with scripted steps.

use super::answers::{Answer, Answers};
use crate::kb::Question;

/// What the person did at one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Picked these values (one for a single-choice question; the typed digits
    /// for a number question).
    Answer(Vec<String>),
    /// No preference.
    Skip,
    /// Go back: to the previous question asked, or to the review when the
    /// question was re-asked from it.
    Back,
}

/// One question as put to the person.
#[derive(Debug)]
pub struct Ask<'a> {
    /// The question.
    pub question: &'a Question,
    /// Its position in the questionnaire, from 1.
    pub number: usize,
    /// How many questions the questionnaire has.
    pub total: usize,
    /// The values picked before, when coming back to it.
    pub previous: Vec<String>,
    /// Whether [`Step::Back`] goes anywhere: an earlier question, or the review.
    pub can_go_back: bool,
    /// Whether the question is asked again from the review, so that back
    /// returns to the review and the answer replaces the one shown there.
    pub revising: bool,
}

/// One line of the review: a question and its answer as it stands.
#[derive(Debug)]
pub struct Row<'a> {
    /// The question.
    pub question: &'a Question,
    /// Its position in the questionnaire, from 1.
    pub number: usize,
    /// The answer, `None` for no preference.
    pub answer: Option<&'a Answer>,
}

impl Row<'_> {
    /// The answer in words: choice labels, a typed number, or "no preference".
    pub fn answer_words(&self) -> String {
        answer_words(self.question, self.answer)
    }
}

/// Every question of the questionnaire with its answer, shown before the result.
#[derive(Debug)]
pub struct Review<'a> {
    /// One row per question, in questionnaire order.
    pub rows: Vec<Row<'a>>,
}

/// What the person did at the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Revision {
    /// The answers are right: go on to the result.
    Confirm,
    /// Ask the question of this row (an index into [`Review::rows`]) again.
    Change(usize),
}

/// Something that can put a question to a person. Returning an
/// [`crate::error::Interrupted`] error ends the interview with no result.
pub trait Prompter {
    /// Asks one question.
    fn ask(&mut self, ask: &Ask<'_>) -> anyhow::Result<Step>;

    /// Shows every answer and lets the person confirm them or pick one to
    /// change. A prompter with no review screen confirms at once.
    fn review(&mut self, review: &Review<'_>) -> anyhow::Result<Revision> {
        let _ = review;
        Ok(Revision::Confirm)
    }
}

/// An answer in words: the labels of the chosen values (a value with no choice,
/// such as a typed number, as itself), or "no preference".
pub fn answer_words(question: &Question, answer: Option<&Answer>) -> String {
    let Some(answer) = answer else {
        return "no preference".to_owned();
    };
    answer
        .values()
        .iter()
        .map(|value| {
            question
                .choices
                .iter()
                .find(|c| c.value == *value)
                .map_or(*value, |c| c.label.as_str())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Asks every question that `answers` does not already hold, recording the
/// replies in `answers`; then, if anything was asked, reviews every answer
/// until the person confirms them. Returns whether anything was asked.
pub fn interview(
    questions: &[Question],
    answers: &mut Answers,
    prompter: &mut dyn Prompter,
) -> anyhow::Result<bool> {
    let pending: Vec<usize> = questions
        .iter()
        .enumerate()
        .filter(|(_, q)| answers.get(&q.id).is_none())
        .map(|(index, _)| index)
        .collect();
    if pending.is_empty() {
        return Ok(false);
    }
    let mut position = 0;
    while let Some(&index) = pending.get(position) {
        let step = prompter.ask(&ask(questions, index, answers, position > 0, false))?;
        if step == Step::Back {
            position = position.saturating_sub(1);
        } else {
            record(&questions[index], answers, step);
            position += 1;
        }
    }
    loop {
        let review = Review {
            rows: questions
                .iter()
                .enumerate()
                .map(|(index, question)| Row {
                    question,
                    number: index + 1,
                    answer: answers.get(&question.id),
                })
                .collect(),
        };
        match prompter.review(&review)? {
            Revision::Confirm => return Ok(true),
            Revision::Change(index) if index < questions.len() => {
                let step = prompter.ask(&ask(questions, index, answers, true, true))?;
                if step != Step::Back {
                    record(&questions[index], answers, step);
                }
            }
            // A row that does not exist changes nothing; the review is shown again.
            Revision::Change(_) => {}
        }
    }
}

/// The question at `index` as put to the person, with its answer so far.
fn ask<'q>(
    questions: &'q [Question],
    index: usize,
    answers: &Answers,
    can_go_back: bool,
    revising: bool,
) -> Ask<'q> {
    let question = &questions[index];
    Ask {
        question,
        number: index + 1,
        total: questions.len(),
        previous: answers
            .get(&question.id)
            .map(|a| a.values().iter().map(|v| (*v).to_owned()).collect())
            .unwrap_or_default(),
        can_go_back,
        revising,
    }
}

/// Records a reply other than back: values as the answer, nothing (or a skip)
/// as no preference.
fn record(question: &Question, answers: &mut Answers, step: Step) {
    let answer = match step {
        Step::Answer(values) if !values.is_empty() => Some(if question.multiple {
            Answer::Many(values)
        } else {
            Answer::One(values.into_iter().next().unwrap_or_default())
        }),
        _ => None,
    };
    answers.set(&question.id, answer);
}

#[cfg(test)]
mod tests;
