//! `roles career`: for a professional rather than a company. Answers gathered by
//! [`crate::questionnaire`], as for `advise`, become a [`CareerPlan`] ([`assess()`],
//! pure): the track, the qualifications, stepping stones and skills, what would
//! change the track; [`render`] draws it as a table or a development plan.

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
        questions: library.kb.career.questions.clone(),
    };
    let missing = "career questions; add `career.questions`";
    let (answers, follow_up) =
        questionnaire::gather_for(&questionnaire, intake, missing, ("assess", "years=12"))?;
    Ok((assess(library, &answers), follow_up))
}
