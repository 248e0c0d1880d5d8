//! The root: picks the quiz or the error panel, holds the one reducer, and runs every
//! side effect (restoring, saving, events, fetching the deferred code) through the
//! [`Platform`]; the end of a run's own (the lead post, the CTA) are in `finish`.

use levels_engine::{
    decode_link, decode_progress, encode_progress, Action, Content, LinkError, Screen,
};
use yew::prelude::*;

use crate::components::{error_panel, screens, ScreensProps};
use crate::config::{Config, Language, Mode};
use crate::finish::Finish;
use crate::later::{self, Later};
use crate::lead::{LeadDraft, LeadStatus};
use crate::platform::{Platform, WidgetEvent};
use crate::shared::Shared;
use crate::state::QuizState;

/// What the widget runs: loaded content, or the problems that stopped it loading.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// Valid content.
    Ready(Shared<Content>),
    /// Content that failed to load: every problem found, one line each.
    Broken(Shared<Vec<String>>),
}

/// Props of [`Root`].
#[derive(Properties, Clone, PartialEq)]
pub struct RootProps {
    /// The content to run.
    pub source: Source,
    /// The element's attributes.
    #[prop_or_default]
    pub config: Config,
    /// The page's services.
    pub platform: Shared<dyn Platform>,
    /// Bumped by the element's `restart()`; each change starts the quiz over.
    #[prop_or_default]
    pub restarts: u32,
    /// The languages the bundle carries; a switch shows when there are several.
    #[prop_or_default]
    pub languages: Vec<Language>,
    /// The error panel's texts in the chosen language (content that failed to load
    /// cannot supply them); English when absent.
    #[prop_or_default]
    pub error_text: Option<ErrorText>,
}

/// The error panel's texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorText {
    /// Heading.
    pub heading: String,
    /// What it means.
    pub body: String,
    /// Label of the list of problems.
    pub details: String,
}

/// The widget: the quiz, or a readable error panel when its content is broken.
#[component]
pub fn Root(props: &RootProps) -> Html {
    match &props.source {
        Source::Ready(content) => html! {
            <Quiz
                content={content.clone()}
                config={props.config.clone()}
                platform={props.platform.clone()}
                restarts={props.restarts}
                languages={props.languages.clone()}
            />
        },
        Source::Broken(problems) => {
            let text = props.error_text.clone().unwrap_or_else(|| ErrorText {
                heading: "This quiz could not start".to_owned(),
                body: "Its content could not be used. The list below says what is wrong and where."
                    .to_owned(),
                details: "Details".to_owned(),
            });
            error_panel(&text, problems)
        }
    }
}

/// Props of [`Quiz`].
#[derive(Properties, Clone, PartialEq)]
pub struct QuizProps {
    /// Validated content.
    pub content: Shared<Content>,
    /// The element's attributes.
    #[prop_or_default]
    pub config: Config,
    /// The page's services.
    pub platform: Shared<dyn Platform>,
    /// Bumped to start over from outside.
    #[prop_or_default]
    pub restarts: u32,
    /// The languages the bundle carries.
    #[prop_or_default]
    pub languages: Vec<Language>,
}

/// The key progress is saved under: one per content id and version.
pub fn storage_key(content: &Content) -> String {
    format!("levels-quiz:{}:{}", content.id, content.version)
}

/// Where the quiz starts: a shared result, saved progress, or the intro.
/// Also says whether the page was opened from a share link, readable or not.
fn initial_state(props: &QuizProps) -> (QuizState, Option<LinkError>, bool) {
    let content = &props.content;
    let mut state = QuizState::new(props.content.clone());
    state.session = state
        .session
        .apply(content, Action::SetLead(props.config.lead));
    let code = props.platform.shared_code();
    let from_link = code.is_some();
    let restore = match code {
        Some(code) => match decode_link(content, &code) {
            Ok(answers) => Ok(Some(Action::Restore {
                answers: answers.as_slice().iter().copied().map(Some).collect(),
                screen: Screen::Result,
            })),
            Err(error) => Err(error),
        },
        None if props.config.persist => Ok(props
            .platform
            .load(&storage_key(content))
            .and_then(|saved| decode_progress(content, &saved))),
        None => Ok(None),
    };
    match restore {
        Ok(Some(action)) => {
            state.session = state.session.apply(content, action);
            (state, None, from_link)
        }
        Ok(None) => (state, None, from_link),
        Err(error) => (state, Some(error), from_link),
    }
}

/// The quiz for loaded content: one reducer, one screen at a time, inline or in a
/// dialog. The state lives here, above the layout, so switching `mode` keeps it.
#[component]
pub fn Quiz(props: &QuizProps) -> Html {
    let initial = use_memo((), |_| initial_state(props));
    let state = use_reducer({
        let initial = initial.clone();
        move || initial.0.clone()
    });
    let link_error = use_state(|| initial.1);
    // A shared link was opened (readable or not): in popup mode, show it at once.
    let from_link = use_state(|| initial.2);
    let lead_draft = use_state(LeadDraft::default);
    let lead_status = use_state(LeadStatus::default);
    // The content with the result's texts: at once where nothing is split off (and the
    // texts are built in), else once the deferred code (and a language's texts) came.
    let whole = use_state(|| later::whole_now(&props.content));
    let later = use_state(|| {
        if whole.is_some() {
            Later::Ready
        } else {
            Later::Idle
        }
    });
    // The visitor pressed "Try again" after the deferred code failed to arrive.
    let retried = use_state(|| false);
    let content = props.content.clone();
    let platform = props.platform.clone();
    let screen = state.session.screen();

    // Scored once every question is answered and the scoring code has arrived.
    let outcome = use_memo((state.session.answers().to_vec(), *later), {
        let content = content.clone();
        move |(answers, later)| {
            levels_engine::Answers::from_partial(&content, answers)
                .and_then(|answers| later::outcome(*later, &content, &answers))
                .map(Shared::new)
        }
    });

    // Attribute changes that reach into the session.
    {
        let state = state.clone();
        use_effect_with(props.config.lead, move |lead| {
            state.dispatch(Action::SetLead(*lead));
        });
    }
    {
        let state = state.clone();
        let lead_draft = lead_draft.clone();
        let lead_status = lead_status.clone();
        use_effect_with(props.restarts, move |restarts| {
            if *restarts > 0 {
                state.dispatch(Action::Restart);
                lead_draft.set(LeadDraft::default());
                lead_status.set(LeadStatus::Draft);
            }
        });
    }

    // Save progress after every change; a fresh intro clears it.
    {
        let platform = platform.clone();
        let content = content.clone();
        let persist = props.config.persist;
        use_effect_with(
            (screen, state.session.answers().to_vec(), persist),
            move |(screen, answers, persist)| {
                let key = storage_key(&content);
                if !persist || (*screen == Screen::Intro && answers.iter().all(Option::is_none)) {
                    platform.forget(&key);
                } else {
                    platform.save(&key, &encode_progress(*screen, answers));
                }
            },
        );
    }

    // The result screen's and lead form's code is fetched once a question has been
    // painted (at once when a screen needs it: a shared result, a resumed last step),
    // never before the first question. A fetch ahead of time that fails is tried again
    // on arriving where the code is needed; a failure there shows "Try again", which
    // fetches once more. The result's texts come with it: the built-in quiz's are in
    // the chunk, a language file's in its `.report.bin`.
    let needed = matches!(screen, Screen::Lead | Screen::Result);
    let fetch_later = {
        let later = later.clone();
        let whole = whole.clone();
        let content = content.clone();
        let platform = platform.clone();
        Callback::from(move |()| {
            later.set(Later::Loading);
            let (later, whole, content) = (later.clone(), whole.clone(), content.clone());
            let failed = if needed { Later::Failed } else { Later::Missed };
            let fetch = {
                let platform = platform.clone();
                Callback::from(move |()| {
                    let (later, whole) = (later.clone(), whole.clone());
                    let (content, platform) = (content.clone(), platform.clone());
                    yew::platform::spawn_local(async move {
                        if later::fetch().await.is_err() {
                            later.set(failed);
                            return;
                        }
                        later::fill(
                            &content,
                            &platform,
                            Callback::from(move |filled: Option<Shared<Content>>| match filled {
                                Some(filled) => {
                                    whole.set(Some(filled));
                                    later.set(Later::Ready);
                                }
                                None => later.set(failed),
                            }),
                        );
                    });
                })
            };
            if needed {
                fetch.emit(());
            } else {
                platform.after_paint(fetch);
            }
        })
    };
    {
        let fetch_later = fetch_later.clone();
        let later = later.clone();
        let now = *later;
        let due = now == Later::Idle || (needed && now == Later::Missed);
        use_effect_with((screen, due), move |(screen, due)| {
            if *due && *screen != Screen::Intro {
                fetch_later.emit(());
            } else if now == Later::Failed && !needed {
                // Left the screen that failed (starting over, say): the next arrival
                // tries once more by itself.
                later.set(Later::Missed);
            }
        });
    }

    // Each new screen, once the visitor has acted, takes focus at its heading (not on
    // a fresh page load: the page's own reading order comes first there).
    // The result or lead screen waiting for its code counts as a screen of its own, and
    // so does the message that it could not be fetched.
    let waiting = (needed && *later != Later::Ready).then_some(*later == Later::Failed);
    {
        let platform = platform.clone();
        // "Try again" is the visitor acting too (on a shared result, their first act).
        let interacted = state.interacted || *retried;
        use_effect_with((screen, waiting), move |_| {
            if interacted {
                platform.focus_screen();
            }
        });
    }

    // Completion is announced once per arrival on the result screen (with its outcome,
    // which may be scored a moment after arriving).
    {
        let platform = platform.clone();
        let content = content.clone();
        let outcome = (*outcome).clone();
        use_effect_with((screen, outcome.is_some()), move |(screen, _)| {
            if let (Screen::Result, Some(outcome)) = (screen, outcome) {
                later::complete(&platform, &content, &outcome);
            }
        });
    }

    let dispatch = {
        let state = state.clone();
        let platform = platform.clone();
        let content = content.clone();
        let link_error = link_error.clone();
        Callback::from(move |action: Action| {
            match &action {
                Action::Start => platform.emit(&content, &WidgetEvent::Start),
                Action::Choose { question, option } => platform.emit(
                    &content,
                    &WidgetEvent::Answer {
                        question: *question,
                        option: *option,
                    },
                ),
                _ => {}
            }
            if link_error.is_some() && matches!(action, Action::Start | Action::Restart) {
                link_error.set(None);
            }
            state.dispatch(action)
        })
    };

    let finish = (*outcome).clone().and_then(|outcome| {
        Some(Finish {
            answers: levels_engine::Answers::from_partial(&content, state.session.answers())?,
            outcome,
            content: (*whole).clone()?,
            config: props.config.clone(),
            platform: platform.clone(),
            lead_draft: (*lead_draft).clone(),
            lead_status: *lead_status,
            on_lead_change: {
                let lead_draft = lead_draft.clone();
                Callback::from(move |draft: LeadDraft| lead_draft.set(draft))
            },
            on_lead_status: {
                let lead_status = lead_status.clone();
                Callback::from(move |status: LeadStatus| lead_status.set(status))
            },
            on_action: dispatch.clone(),
        })
    });

    let shown = ScreensProps {
        content: content.clone(),
        session: state.session.clone(),
        link_error: *link_error,
        finish,
        later: *later,
        on_retry_later: {
            let retried = retried.clone();
            fetch_later.reform(move |()| retried.set(true))
        },
        languages: props.languages.clone(),
        platform: platform.clone(),
        on_action: dispatch,
    };

    match props.config.mode {
        Mode::Inline => screens(&shown),
        Mode::Popup => html! {
            <crate::components::Popup
                open_label={content.ui.popup_open.clone()}
                close_label={content.ui.dialog_close.clone()}
                title={content.intro.title.clone()}
                open_on_mount={*from_link}
            >
                { screens(&shown) }
            </crate::components::Popup>
        },
    }
}
