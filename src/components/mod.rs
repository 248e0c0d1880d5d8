//! View components, one per file. None of them scores or decides: they render what
//! they are given and report intents through callbacks.

mod causes;
mod cta;
mod error_panel;
mod focus;
mod intro;
mod lead_form;
mod notice;
mod patterns;
mod popup;
mod profile_chart;
mod progress;
mod question;
mod result;
mod result_actions;
mod screens;
mod steps;
mod terms;

pub use causes::{CauseList, CauseListProps};
pub use cta::{CallToAction, CallToActionProps};
pub use error_panel::{ErrorPanel, ErrorPanelProps};
pub use focus::use_focus_on_mount;
pub use intro::{Intro, IntroProps};
pub use lead_form::{LeadForm, LeadFormProps};
pub use notice::{Notice, NoticeProps};
pub use patterns::{PatternList, PatternListProps};
pub use popup::{Popup, PopupProps};
pub use profile_chart::{ProfileChart, ProfileChartProps};
pub use progress::{ProgressBar, ProgressProps};
pub use question::{QuestionProps, QuestionView};
pub use result::{ResultProps, ResultView};
pub use result_actions::{ResultActions, ResultActionsProps};
pub use screens::{Screens, ScreensProps};
pub use steps::{StepList, StepListProps};
pub use terms::{TermList, TermListProps};
