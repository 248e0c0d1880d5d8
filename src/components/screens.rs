//! The current screen for a session: intro, question, lead form or result.

use levels_engine::{Action, Content, Opening, Screen, Session};
use yew::prelude::*;

use super::{
    intro, language_switch, notice, privacy_line, question, IntroParts, IntroProps, QuestionProps,
};
use crate::chunk;
use crate::config::Language;
use crate::ending::Ending;
use crate::platform::Platform;
use crate::shared::Shared;
use crate::state::Notice;

/// What [`screens`] shows, and every intent the screens report.
pub struct ScreensProps {
    /// The content (for a language file of the bundle, without the result's texts:
    /// the [`Ending`] carries the content with them).
    pub content: Shared<Content>,
    /// Where the visitor is and what they answered.
    pub session: Session,
    /// Why the quiz opens afresh, if the page asked for more.
    pub notice: Option<Notice>,
    /// The end of the run (lead form, result), once every answer is scored.
    pub ending: Option<Ending>,
    /// The result's code could not be fetched: the lead form and the result say so.
    pub chunk_failed: bool,
    /// Fetch it again.
    pub on_retry: Callback<()>,
    /// The languages the bundle carries.
    pub languages: Vec<Language>,
    /// The page's services (switching language).
    pub platform: Shared<dyn Platform>,
    /// Quiz intents.
    pub on_action: Callback<Action>,
}

/// Renders the screen the session is on, below a notice when a shared link could not
/// be read or saved progress was outdated.
pub fn screens(props: &ScreensProps) -> Html {
    let content = &props.content;
    let on_action = &props.on_action;
    let notice = props.notice.map(|why| {
        notice(
            match why {
                Notice::UnreadableLink => &content.ui.link_unreadable,
                Notice::OutdatedProgress => &content.ui.progress_outdated,
            },
            &content.ui.link_fresh_start,
            on_action.reform(|_| Action::Start),
        )
    });
    let on_language = {
        let platform = props.platform.clone();
        Callback::from(move |code: String| platform.set_language(&code))
    };
    let screen = match props.session.screen() {
        Screen::Intro => Some(intro(&IntroProps {
            content: content.clone(),
            on_start: on_action.reform(|_| Action::Start),
            languages: props.languages.clone(),
            on_language,
        })),
        Screen::Question(index) => Some(question(&QuestionProps {
            content: content.clone(),
            index,
            selected: props.session.answers().get(index).copied().flatten(),
            needs_answer: props.session.needs_answer(),
            on_action: on_action.clone(),
            // Question 1 stands in for the intro when a run opens on it.
            intro_parts: (index == 0 && props.session.opening() == Opening::FirstQuestion).then(
                || IntroParts {
                    switch: language_switch(content, &props.languages, &on_language),
                    privacy: privacy_line(&content.intro.privacy),
                },
            ),
        })),
        // Both wait for the result's code, which scores the answers.
        Screen::Lead => props.ending.as_ref().and_then(chunk::lead_form),
        Screen::Result => props.ending.as_ref().and_then(chunk::result),
    };
    let screen = screen.unwrap_or_else(|| waiting(props));
    html! { <>{ for notice }{ screen }</> }
}

/// In place of the result or the lead form while their code is on its way (the text
/// fades in only if that takes a while), or when it could not be fetched, with a way to
/// try again. The answers stay where they are either way.
fn waiting(props: &ScreensProps) -> Html {
    let ui = &props.content.ui;
    if props.chunk_failed {
        let on_retry = props.on_retry.reform(|_: MouseEvent| ());
        html! {
            <section key="failed" class="lq-screen" data-screen="unavailable">
                <p class="lq-status lq-warn" role="alert" tabindex="-1">{ &ui.later_failed }</p>
                <div class="lq-nav lq-end">
                    <button type="button" class="lq-button lq-primary" onclick={on_retry}>{ &ui.later_retry }</button>
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
