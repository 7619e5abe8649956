//! `roles career`: for a professional rather than a company. Their answers to the
//! career questions in the knowledge base become a [`CareerPlan`]: the track their
//! aims point to, how they stand against its qualifications as the articles give
//! them, the usual stepping stones, the skills to build, what would change the
//! track, and the disagreements between the articles that matter to them.
//!
//! Answers are gathered by [`crate::questionnaire`], as for `advise`; [`assess()`]
//! is pure (knowledge base and answers in, plan out); [`render`] draws a plan as a
//! terminal table or a Markdown development plan.

pub mod assess;
pub mod plan;
pub mod render;

use std::io::Write;

pub use assess::{CareerAnswers, assess};
pub use plan::CareerPlan;

use crate::error::BadInput;
use crate::kb::Questionnaire;
use crate::library::Library;
use crate::questionnaire::{self, FollowUp, Gathered, Intake};
use crate::render::{Painter, View};

/// Gathers the answers as `intake` says and assesses them; the follow-up is
/// offered once the plan is shown. With no answer at all there is nothing to
/// assess: that is bad input, naming `--answer`.
pub fn run(library: &Library, intake: &Intake<'_>) -> anyhow::Result<(CareerPlan, FollowUp)> {
    let questionnaire = Questionnaire {
        questions: library.career().questions.clone(),
    };
    if questionnaire.questions.is_empty() {
        return Err(BadInput::err(
            "this knowledge base has no career questions; add `career.questions` (see `roles kb dump`)",
        ));
    }
    let Gathered { answers, follow_up } = questionnaire::gather(&questionnaire, intake)?;
    if answers.is_empty() {
        return Err(BadInput::err(
            "no question was answered, so there is nothing to assess; answer at least one with \
             `--answer KEY=VALUE` (e.g. `--answer years=12`), or see `roles career --help`",
        ));
    }
    questionnaire::save(intake, &answers)?;
    Ok((assess(library, &answers), follow_up))
}

impl View for CareerPlan {
    fn table(&self, painter: &Painter, out: &mut dyn Write) -> anyhow::Result<()> {
        render::table(self, painter, out)
    }

    fn markdown(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        render::markdown(self, out)
    }
}
