//! The quiz: holds the one reducer, and runs every side effect (restoring, saving,
//! events, fetching the deferred code) through the [`Platform`]; the end of a run's own
//! (the lead post, the CTA) are in `finish`.

use levels_engine::{
    awaits_texts, decode_link, decode_progress, encode_progress, Action, Content, Screen,
};
use yew::prelude::*;

use crate::components::{popup, screens, PopupProps, ScreensProps};
use crate::config::{Config, Language, Mode};
use crate::finish::Finish;
use crate::later::{self, Later};
use crate::lead::{LeadDraft, LeadStatus};
use crate::platform::{Platform, WidgetEvent};
use crate::shared::Shared;
use crate::state::{Change, QuizState};

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

/// Where the quiz starts: a shared result, saved progress, or the intro (with a notice
/// when the page's share link could not be read). Also says whether the page was
/// opened from a share link, readable or not.
fn initial_state(props: &QuizProps) -> (QuizState, bool) {
    let content = &props.content;
    let mut state = QuizState::new(props.content.clone());
    state.session = state
        .session
        .apply(content, Action::SetLead(props.config.lead));
    let code = props.platform.shared_code();
    let from_link = code.is_some();
    let restore = match code {
        Some(code) => match decode_link(content, &code) {
            Ok(answers) => Some(Action::Restore {
                answers: answers.as_slice().iter().copied().map(Some).collect(),
                screen: Screen::Result,
            }),
            Err(error) => {
                state.link_error = Some(error);
                None
            }
        },
        None if props.config.persist => props
            .platform
            .load(&storage_key(content))
            .and_then(|saved| decode_progress(content, &saved)),
        None => None,
    };
    if let Some(action) = restore {
        state.session = state.session.apply(content, action);
    }
    (state, from_link)
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
    // A shared link was opened (readable or not): in popup mode, show it at once.
    let from_link = initial.1;
    let later = state.later;
    let content = props.content.clone();
    let platform = props.platform.clone();
    let screen = state.session.screen();

    // Scored once every question is answered and the scoring code has arrived.
    let outcome = use_memo((state.session.answers().to_vec(), later), {
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
            state.dispatch(Change::Quiz(Action::SetLead(*lead)));
        });
    }
    {
        let state = state.clone();
        use_effect_with(props.restarts, move |restarts| {
            if *restarts > 0 {
                state.dispatch(Change::Reset);
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
    // painted and the page is idle (at once when the result or the lead form needs it:
    // a shared result, a resumed last step), never before the first question. A fetch
    // ahead of time that fails is tried again on arriving where the code is needed; a
    // failure there shows "Try again", which fetches once more. The texts after the
    // first question come with it: a language's in its `.report.bin`, which the
    // chunk's code fetches, so a language file's later questions need it too (resumed
    // on one, the fetch still waits for it to be in sight: in popup mode, for the
    // dialog to open).
    let needed = match screen {
        Screen::Intro => false,
        Screen::Question(index) => awaits_texts(&content, index),
        Screen::Lead | Screen::Result => true,
    };
    let at_once = matches!(screen, Screen::Lead | Screen::Result);
    let fetch_later = {
        let state = state.clone();
        let content = content.clone();
        let platform = platform.clone();
        Callback::from(move |()| {
            state.dispatch(Change::Later(Later::Loading));
            let failed = if needed { Later::Failed } else { Later::Missed };
            let fetch = {
                let (state, content, platform) = (state.clone(), content.clone(), platform.clone());
                Callback::from(move |()| {
                    let (state, content, platform) =
                        (state.clone(), content.clone(), platform.clone());
                    yew::platform::spawn_local(async move {
                        if later::fetch().await.is_err() {
                            state.dispatch(Change::Later(failed));
                            return;
                        }
                        later::fill(
                            &content,
                            &platform,
                            Callback::from(move |filled: Option<Shared<Content>>| {
                                state.dispatch(match filled {
                                    Some(filled) => Change::Arrived(filled),
                                    None => Change::Later(failed),
                                })
                            }),
                        );
                    });
                })
            };
            if at_once {
                fetch.emit(());
            } else {
                platform.after_paint(fetch);
            }
        })
    };
    {
        let fetch_later = fetch_later.clone();
        let state = state.clone();
        let due = later == Later::Idle || (needed && later == Later::Missed);
        use_effect_with((screen, due), move |(screen, due)| {
            if *due && *screen != Screen::Intro {
                fetch_later.emit(());
            } else if later == Later::Failed && !needed {
                // Left the screen that failed (starting over, say): the next arrival
                // tries once more by itself.
                state.dispatch(Change::Later(Later::Missed));
            }
        });
    }

    // Each new screen, once the visitor has acted, takes focus at its heading (not on
    // a fresh page load: the page's own reading order comes first there).
    // A screen waiting for its code or texts counts as a screen of its own, and so does
    // the message that they could not be fetched.
    let waiting = (needed && later != Later::Ready).then_some(later == Later::Failed);
    {
        let platform = platform.clone();
        // "Try again" is the visitor acting too (on a shared result, their first act).
        let interacted = state.interacted;
        use_effect_with((screen, waiting), move |_| {
            if interacted {
                platform.focus_screen();
            }
        });
    }

    // A shared link opened in popup mode shows its result at once: the dialog opens
    // when it first appears (on load, or when `mode` turns to popup).
    {
        let platform = platform.clone();
        use_effect_with(props.config.mode, move |mode| {
            if from_link && *mode == Mode::Popup {
                platform.open_dialog();
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
            state.dispatch(Change::Quiz(action))
        })
    };

    let finish = (*outcome).clone().and_then(|outcome| {
        Some(Finish {
            answers: levels_engine::Answers::from_partial(&content, state.session.answers())?,
            outcome,
            content: state.whole.clone()?,
            config: props.config.clone(),
            platform: platform.clone(),
            lead_draft: state.lead_draft.clone(),
            lead_status: state.lead_status,
            on_lead_change: {
                let state = state.clone();
                Callback::from(move |draft: LeadDraft| state.dispatch(Change::LeadDraft(draft)))
            },
            on_lead_status: {
                let state = state.clone();
                Callback::from(move |status: LeadStatus| state.dispatch(Change::LeadStatus(status)))
            },
            on_action: dispatch.clone(),
        })
    });

    let shown = ScreensProps {
        // Every text, once they came (the same quiz otherwise).
        content: state.whole.clone().unwrap_or_else(|| content.clone()),
        session: state.session.clone(),
        link_error: state.link_error,
        finish,
        later,
        on_retry_later: {
            let state = state.clone();
            fetch_later.reform(move |()| state.dispatch(Change::Retry))
        },
        languages: props.languages.clone(),
        platform: platform.clone(),
        on_action: dispatch,
    };

    match props.config.mode {
        Mode::Inline => screens(&shown),
        Mode::Popup => popup(&PopupProps {
            open_label: content.ui.popup_open.clone().into(),
            close_label: content.ui.dialog_close.clone().into(),
            title: content.intro.title.clone().into(),
            children: screens(&shown),
        }),
    }
}
