//! `roles career`: for a professional rather than a company. Their answers to the
//! career questions in the knowledge base become a [`CareerPlan`]: the track their
//! aims point to, how they stand against its qualifications as the articles give
//! them, the usual stepping stones, the skills to build, what would change the
//! track, and the disagreements between the articles that matter to them.
//!
//! [`assess()`] is pure (knowledge base and answers in, plan out); [`render`]
//! writes a plan as a terminal table or a Markdown development plan. Prompting
//! and answer checking are the questionnaire machinery's, shared with `advise`.

pub mod assess;
pub mod plan;
pub mod render;

pub use assess::{CareerAnswers, assess, confidence_label};
pub use plan::{BOTH, CareerPlan};
