//! View components, one per file. None of them scores or decides: they render what
//! they are given and report intents through callbacks.

mod causes;
mod cta;
mod error_panel;
mod focus;
mod intro;
mod patterns;
mod profile_chart;
mod progress;
mod question;
mod result;
mod steps;
mod terms;

pub use causes::{CauseList, CauseListProps};
pub use cta::{CallToAction, CallToActionProps};
pub use error_panel::{ErrorPanel, ErrorPanelProps};
pub use focus::use_focus_on_mount;
pub use intro::{Intro, IntroProps};
pub use patterns::{PatternList, PatternListProps};
pub use profile_chart::{ProfileChart, ProfileChartProps};
pub use progress::{ProgressBar, ProgressProps};
pub use question::{QuestionProps, QuestionView};
pub use result::{ResultProps, ResultView};
pub use steps::{StepList, StepListProps};
pub use terms::{TermList, TermListProps};
