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

pub use assess::{CareerAnswers, assess};
pub use plan::CareerPlan;

use crate::kb::Questionnaire;
use crate::library::Library;
use crate::questionnaire::{self, FollowUp, Intake};

/// Gathers the answers as `intake` says and assesses them; the follow-up is
/// offered once the plan is shown.
pub fn run(library: &Library, intake: &Intake<'_>) -> anyhow::Result<(CareerPlan, FollowUp)> {
    let questionnaire = Questionnaire {
        questions: library.career().questions.clone(),
    };
    let missing = "career questions; add `career.questions`";
    let (answers, follow_up) =
        questionnaire::gather_for(&questionnaire, intake, missing, ("assess", "years=12"))?;
    Ok((assess(library, &answers), follow_up))
}
