//! The current screen for a session: intro, question, lead form or result.

use levels_engine::{Action, Content, LinkError, Outcome, Screen, Session};
use yew::prelude::*;

use super::{intro, notice, IntroProps, LeadFormProps, QuestionView, ResultProps};
use crate::config::Language;
use crate::later::{self, Later};
use crate::lead::{LeadDraft, LeadStatus};
use crate::platform::Platform;
use crate::shared::Shared;

/// What [`screens`] shows, and every intent the screens report.
pub struct ScreensProps {
    /// The content.
    pub content: Shared<Content>,
    /// Where the visitor is and what they answered.
    pub session: Session,
    /// The outcome, once every question is answered.
    pub outcome: Option<Shared<Outcome>>,
    /// A shared link that could not be read.
    pub link_error: Option<LinkError>,
    /// What the visitor typed into the lead form.
    pub lead_draft: LeadDraft,
    /// Where the lead stands.
    pub lead_status: LeadStatus,
    /// Whether the result offers the lead form.
    pub lead_after_results: bool,
    /// The call to action's text.
    pub cta_label: String,
    /// The call to action's URL, with the outcome in its query.
    pub cta_href: String,
    /// A link to this result, when sharing is on.
    pub share_url: Option<String>,
    /// The languages the bundle carries.
    pub languages: Vec<Language>,
    /// Whether the result screen's and lead form's code has arrived.
    pub later: Later,
    /// Fetch that code again after a failure.
    pub on_retry_later: Callback<()>,
    /// The page's services (copying, printing, switching language).
    pub platform: Shared<dyn Platform>,
    /// Quiz intents.
    pub on_action: Callback<Action>,
    /// The lead form changed.
    pub on_lead_change: Callback<LeadDraft>,
    /// The lead form was sent (already checked).
    pub on_lead_submit: Callback<()>,
    /// The call to action was followed.
    pub on_cta: Callback<()>,
}

/// Renders the screen the session is on, below a notice when a shared link could not
/// be read.
pub fn screens(props: &ScreensProps) -> Html {
    let content = &props.content;
    let on_action = &props.on_action;
    let notice = props.link_error.map(|_| {
        notice(
            &content.ui.link_unreadable,
            &content.ui.link_fresh_start,
            on_action.reform(|_| Action::Start),
        )
    });
    let screen = match props.session.screen() {
        Screen::Intro => intro(&IntroProps {
            content: content.clone(),
            on_start: on_action.reform(|_| Action::Start),
            languages: props.languages.clone(),
            on_language: {
                let platform = props.platform.clone();
                Callback::from(move |code: String| platform.set_language(&code))
            },
        }),
        Screen::Question(index) => html! {
            <QuestionView
                key={format!("q{index}")}
                content={content.clone()}
                index={index}
                selected={props.session.answers().get(index).copied().flatten()}
                needs_answer={props.session.needs_answer()}
                on_action={on_action.clone()}
            />
        },
        Screen::Lead => later::lead(
            props.later,
            &LeadFormProps {
                content: content.clone(),
                draft: props.lead_draft.clone(),
                on_change: props.on_lead_change.clone(),
                on_submit: props.on_lead_submit.clone(),
                on_skip: on_action.reform(|_| Action::LeaveLead),
            },
        )
        .unwrap_or_else(|| waiting(props)),
        Screen::Result => match &props.outcome {
            Some(outcome) => later::result(
                props.later,
                &ResultProps {
                    content: content.clone(),
                    outcome: outcome.clone(),
                    cta_label: props.cta_label.clone().into(),
                    cta_href: props.cta_href.clone().into(),
                    share_url: props.share_url.clone(),
                    lead_status: props.lead_status,
                    lead_after_results: props.lead_after_results,
                    platform: props.platform.clone(),
                    on_action: on_action.clone(),
                    on_cta: props.on_cta.clone(),
                    on_lead_retry: props.on_lead_submit.clone(),
                },
            )
            .unwrap_or_else(|| waiting(props)),
            // Scored once the scoring code has arrived (the engine only reaches the
            // result with every answer given).
            None => waiting(props),
        },
    };
    html! { <>{ for notice }{ screen }</> }
}

/// In place of the result or the lead form while their code is on its way (the text
/// fades in only if that takes a while), or when it could not be fetched, with a way
/// to try again. The answers stay where they are either way.
fn waiting(props: &ScreensProps) -> Html {
    let ui = &props.content.ui;
    if props.later == Later::Failed {
        let on_retry = props.on_retry_later.reform(|_: MouseEvent| ());
        html! {
            <section key="failed" class="lq-screen" data-screen="unavailable">
                <p class="lq-status lq-warn" role="alert" tabindex="-1">{ &ui.later_failed }</p>
                <div class="lq-nav lq-end">
                    <button type="button" class="lq-button" onclick={on_retry}>{ &ui.later_retry }</button>
                </div>
            </section>
        }
    } else {
        html! {
            <section key="waiting" class="lq-screen lq-waiting" data-screen="waiting" aria-busy="true">
                <p class="lq-lead" role="status" tabindex="-1">{ &ui.later_loading }</p>
            </section>
        }
    }
}
