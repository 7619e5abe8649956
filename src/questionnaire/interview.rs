//! The interview: asks the questions not answered yet, one at a time, through a
//! [`Prompter`], with skip and back; then shows every answer for review, where
//! any of them can be changed before the result. The terminal prompter lives in
//! [`super::prompt`]; tests drive the interview with scripted steps.

use anyhow::Result;

use super::answers::{Answer, Answers};
use crate::kb::Question;

/// What the person did at one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Picked these values (one for a single-choice question; the typed digits
    /// for a number question); none is no preference, as a skip.
    Answer(Vec<String>),
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
    /// Its answer so far, when coming back to it.
    pub previous: Option<&'a Answer>,
    /// Whether [`Step::Back`] goes anywhere: an earlier question, or the review.
    pub can_go_back: bool,
    /// Whether the question is asked again from the review, so that back
    /// returns to the review and the answer replaces the one shown there.
    pub revising: bool,
}

/// Something that can put a question to a person. Returning an
/// [`crate::error::Interrupted`] error ends the interview with no result.
pub trait Prompter {
    /// Asks one question.
    fn ask(&mut self, ask: &Ask<'_>) -> Result<Step>;

    /// Shows every question with its answer and returns the index of one to
    /// change, or `None` when the person confirms them.
    fn review(&mut self, questions: &[Question], answers: &Answers) -> Result<Option<usize>>;
}

/// An answer in words: the labels of the chosen values (a value with no choice,
/// such as a typed number, as itself), or "no preference".
pub fn answer_words(question: &Question, answer: Option<&Answer>) -> String {
    let Some(answer) = answer else {
        return "no preference".to_owned();
    };
    let label = |value: &str| match question.choices.iter().find(|c| c.value == value) {
        Some(choice) => choice.label.clone(),
        None => value.to_owned(),
    };
    let labels: Vec<String> = answer.values().into_iter().map(label).collect();
    labels.join(", ")
}

/// Asks every question that `answers` does not already hold, recording the
/// replies in `answers`; then, if anything was asked, reviews every answer
/// until the person confirms them. Returns whether anything was asked.
pub fn interview(
    questions: &[Question],
    answers: &mut Answers,
    prompter: &mut dyn Prompter,
) -> Result<bool> {
    let unanswered = |&index: &usize| answers.get(&questions[index].id).is_none();
    let pending: Vec<usize> = (0..questions.len()).filter(unanswered).collect();
    let mut position = 0;
    while let Some(&index) = pending.get(position) {
        match ask(questions, index, answers, (position > 0, false), prompter)? {
            true => position += 1,
            false => position = position.saturating_sub(1),
        }
    }
    if pending.is_empty() {
        return Ok(false);
    }
    // A row that does not exist changes nothing; the review is shown again.
    while let Some(index) = prompter.review(questions, answers)? {
        if index < questions.len() {
            ask(questions, index, answers, (true, true), prompter)?;
        }
    }
    Ok(true)
}

/// Asks the question at `index` with its answer so far and records the reply
/// (no values: no preference); false when the person went back instead.
fn ask(
    questions: &[Question],
    index: usize,
    answers: &mut Answers,
    (can_go_back, revising): (bool, bool),
    prompter: &mut dyn Prompter,
) -> Result<bool> {
    let question = &questions[index];
    let step = prompter.ask(&Ask {
        question,
        number: index + 1,
        total: questions.len(),
        previous: answers.get(&question.id),
        can_go_back,
        revising,
    })?;
    let answer = match step {
        Step::Back => return Ok(false),
        Step::Answer(values) if values.is_empty() => None,
        Step::Answer(values) if question.multiple => Some(Answer::Many(values)),
        Step::Answer(mut values) => Some(Answer::One(values.swap_remove(0))),
    };
    answers.set(&question.id, answer);
    Ok(true)
}

#[cfg(test)]
mod tests;
