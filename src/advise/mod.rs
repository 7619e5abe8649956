//! `roles advise`: the hiring questionnaire. Questions come from the knowledge
//! base; answers come from flags, a file or a terminal interview; scoring turns
//! them into an explained recommendation.

pub mod answers;
pub mod prompt;
pub mod score;
pub mod terminal;

pub use answers::{Answer, Answers};
pub use score::{Advice, advise};
