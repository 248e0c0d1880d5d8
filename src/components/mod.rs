//! View components, one per file. None of them scores or decides: they render what
//! they are given and report intents through callbacks.
//!
//! Views without state or hooks are plain functions returning `Html` (`cause_list`,
//! `progress_bar`, ...), called inside their parent's `html!`. Each Yew component
//! costs the wasm its own copy of Yew's generic lifecycle code and a props type with
//! `Clone`, `PartialEq` and `Drop`; as functions, those views cost only their markup.
//!
//! `class` is always a literal (`class="lq-option lq-checked"`), one `html!` per
//! variant where it varies, and state the stylesheet needs beyond that goes in `data-*`
//! attributes. A computed `class={...}` goes through Yew's `Classes`, an `IndexSet`,
//! whose code cost the main wasm 3.0 KB gzip and the chunk 2.6 KB.

mod causes;
mod cta;
mod error_panel;
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
mod rung;
mod screens;
mod since;
mod steps;
mod terms;

pub use causes::cause_list;
pub use cta::call_to_action;
pub use error_panel::{ErrorPanel, ErrorPanelProps, ErrorText};
pub use intro::{intro, language_switch, privacy_line, IntroProps};
pub use lead_form::{LeadForm, LeadFormProps};
pub use notice::notice;
pub use patterns::pattern_list;
pub use popup::{popup, PopupProps};
pub use profile_chart::profile_chart;
pub use progress::progress_bar;
pub use question::{question, IntroParts, QuestionProps};
pub use result::{result_view, ResultProps};
pub use result_actions::{ResultActions, ResultActionsProps};
pub use rung::{horizon_block, rung_block};
pub use screens::{screens, ScreensProps};
pub use since::{since_block, EarlierProfile, Since};
pub use steps::step_list;
pub use terms::term_list;
