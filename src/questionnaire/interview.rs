//! The interview: asks the questions not answered yet, one at a time, through a
//! [`Prompter`], with skip and back. The terminal prompter lives in
//! [`super::prompt`]; tests drive the interview with scripted steps.

use super::answers::{Answer, Answers};
use crate::kb::Question;

/// What the person did at one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Picked these values (one for a single-choice question).
    Answer(Vec<String>),
    /// No preference.
    Skip,
    /// Go back to the previous question asked.
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
    /// Whether there is an earlier question to go back to.
    pub can_go_back: bool,
}

/// Something that can put a question to a person. Returning an
/// [`crate::error::Interrupted`] error ends the interview with no result.
pub trait Prompter {
    /// Asks one question.
    fn ask(&mut self, ask: &Ask<'_>) -> anyhow::Result<Step>;
}

/// Asks every question that `answers` does not already hold, recording the
/// replies in `answers`.
pub fn interview(
    questions: &[Question],
    answers: &mut Answers,
    prompter: &mut dyn Prompter,
) -> anyhow::Result<()> {
    let pending: Vec<usize> = questions
        .iter()
        .enumerate()
        .filter(|(_, q)| answers.get(&q.id).is_none())
        .map(|(index, _)| index)
        .collect();
    let mut position = 0;
    while let Some(&index) = pending.get(position) {
        let question = &questions[index];
        let ask = Ask {
            question,
            number: index + 1,
            total: questions.len(),
            previous: answers
                .get(&question.id)
                .map(|a| a.values().iter().map(|v| (*v).to_owned()).collect())
                .unwrap_or_default(),
            can_go_back: position > 0,
        };
        match prompter.ask(&ask)? {
            Step::Answer(values) if !values.is_empty() => {
                let answer = if question.multiple {
                    Answer::Many(values)
                } else {
                    Answer::One(values.into_iter().next().unwrap_or_default())
                };
                answers.set(&question.id, Some(answer));
                position += 1;
            }
            Step::Answer(_) | Step::Skip => {
                answers.set(&question.id, None);
                position += 1;
            }
            Step::Back => position = position.saturating_sub(1),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
