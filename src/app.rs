//! The quiz: holds the one reducer, and runs every side effect (restoring, saving,
//! remembering results, events, fetching the result's code) through the [`Platform`];
//! the end of a run's own (the lead post, the CTA) are in `ending`.

use levels_engine::{
    decode_link, decode_progress, encode_progress, lacks_result_texts, Action, Answers, Content,
    Screen,
};
use yew::prelude::*;

use crate::chunk::{self, Chunk};
use crate::components::{popup, screens, PopupProps, ScreensProps};
use crate::config::{Config, Language, Mode};
use crate::ending::Ending;
use crate::lead::{LeadDraft, LeadStatus};
use crate::platform::{Platform, QuizEvent};
use crate::shared::Shared;
use crate::state::{needs_chunk, Change, Comparison, Notice, QuizState};

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

/// The key progress is saved under: one per content id and version, and per element
/// `id` when the element has one (two elements of the same quiz on one page keep their
/// own progress when each has an `id`).
pub fn storage_key(content: &Content, config: &Config) -> String {
    progress_key(content, content.version, config)
}

/// [`storage_key`] for a version of the content.
fn progress_key(content: &Content, version: u32, config: &Config) -> String {
    match &config.id {
        Some(id) => format!("levels-quiz:{}:{version}#{id}", content.id),
        None => format!("levels-quiz:{}:{version}", content.id),
    }
}

/// Forgets progress saved by the few versions of the content before this one (their
/// answers cannot be read by it); says whether there was any, so the visitor is told
/// why the quiz opens afresh.
fn forget_outdated_progress(props: &QuizProps) -> bool {
    let (content, platform) = (&props.content, &props.platform);
    let mut found = false;
    for version in content.version.saturating_sub(3).max(1)..content.version {
        let key = progress_key(content, version, &props.config);
        if platform.load(&key).is_some() {
            platform.forget(&key);
            found = true;
        }
    }
    found
}

/// Where the quiz starts: a shared result, saved progress, or where a run opens (the
/// intro, or question 1 with `intro="off"`), with a notice when the page's share link
/// could not be read or the saved progress was an earlier version's (forgotten here).
/// Also says whether the page was opened from a share link, readable or not.
fn initial_state(props: &QuizProps) -> (QuizState, bool) {
    let content = &props.content;
    let mut state = QuizState::new(props.content.clone());
    state.session = state
        .session
        .apply(content, Action::SetLead(props.config.lead))
        .apply(content, Action::SetOpening(props.config.opening));
    let code = props.platform.shared_code();
    let from_link = code.is_some();
    let restore = match code {
        Some(code) => match decode_link(content, &code) {
            Ok(answers) => Some(Action::Restore {
                answers: answers.as_slice().iter().copied().map(Some).collect(),
                screen: Screen::Result,
            }),
            Err(_) => {
                state.notice = Some(Notice::UnreadableLink);
                None
            }
        },
        None if props.config.persist => {
            let saved = props.platform.load(&storage_key(content, &props.config));
            if saved.is_none() && forget_outdated_progress(props) {
                state.notice = Some(Notice::OutdatedProgress);
            }
            saved.and_then(|saved| decode_progress(content, &saved))
        }
        None => None,
    };
    state.from_link = from_link && state.notice.is_none();
    if let Some(action) = restore {
        state.session = state.session.apply(content, action);
    }
    (state, from_link)
}

/// Fetches the result's code and, for a language file of the bundle, the result's
/// texts side by side; the chunk as it then stands.
async fn fetch_chunk(content: Shared<Content>, platform: Shared<dyn Platform>) -> Chunk {
    // Asked for first, so both travel at once.
    let texts = lacks_result_texts(&content).then(|| platform.fetch_result_texts());
    if chunk::fetch().await.is_err() {
        return Chunk::Failed;
    }
    let Some(texts) = texts else {
        return Chunk::Arrived(content);
    };
    let Some(bytes) = texts.await else {
        return Chunk::Failed;
    };
    match chunk::with_result_texts(&content, &bytes) {
        Some(with_texts) => Chunk::Arrived(with_texts),
        None => {
            platform.result_texts_mismatch();
            Chunk::Failed
        }
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
    // A shared link was opened (readable or not): in popup mode, show it at once.
    let from_link = initial.1;
    let content = props.content.clone();
    let platform = props.platform.clone();
    let screen = state.session.screen();

    // Scored once every question is answered and the chunk has arrived.
    let outcome = use_memo(
        (state.session.answers().to_vec(), state.chunk.clone()),
        move |(answers, chunk)| {
            Answers::from_partial(chunk.content()?, answers)
                .and_then(|answers| chunk::score(chunk, &answers))
                .map(Shared::new)
        },
    );

    // Attribute changes that reach into the session (one effect for both: each hook
    // costs the wasm its own copy of Yew's effect code; the unchanged one is a no-op).
    {
        let state = state.clone();
        let config = &props.config;
        use_effect_with((config.lead, config.opening), move |(lead, opening)| {
            state.dispatch(Change::Quiz(Action::SetLead(*lead)));
            state.dispatch(Change::Quiz(Action::SetOpening(*opening)));
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

    // Save progress after every change; a fresh run, with nothing to resume (on the
    // intro, or on question 1 before its first answer), clears it.
    {
        let platform = platform.clone();
        let content = content.clone();
        let persist = props.config.persist;
        let key = storage_key(&content, &props.config);
        let fresh = !state.session.started() || screen == Screen::Intro;
        use_effect_with(
            (
                screen,
                state.session.answers().to_vec(),
                persist,
                key,
                fresh,
            ),
            move |(screen, answers, persist, key, fresh)| {
                if !persist || (*fresh && answers.iter().all(Option::is_none)) {
                    platform.forget(key);
                } else {
                    platform.save(key, &encode_progress(*screen, answers));
                }
            },
        );
    }

    // The result's code and texts are fetched once a question has been painted and the
    // page is idle (at once on the lead form or the result: a shared result, a resumed
    // last step), never before the first question. The reducer says when
    // (`Chunk::NotAsked`: at first, after "Try again", or on arriving at the end after
    // a fetch ahead of time failed); this effect only fetches.
    {
        let state = state.clone();
        let content = content.clone();
        let platform = platform.clone();
        let due = state.chunk == Chunk::NotAsked && screen != Screen::Intro;
        let at_once = needs_chunk(screen);
        use_effect_with(due, move |due| {
            if !*due {
                return;
            }
            state.dispatch(Change::Chunk(Chunk::Fetching));
            let page = platform.clone();
            let fetch = Callback::from(move |()| {
                let (state, content, platform) = (state.clone(), content.clone(), platform.clone());
                yew::platform::spawn_local(async move {
                    state.dispatch(Change::Chunk(fetch_chunk(content, platform).await));
                });
            });
            if at_once {
                fetch.emit(());
            } else {
                page.after_paint(fetch);
            }
        });
    }

    // Once the result's code is there and the visitor is still answering, it runs once
    // on made-up answers while the page is idle, so the visitor's own result is drawn
    // by code the browser has already compiled.
    {
        let platform = platform.clone();
        let arrived = state.chunk.content().cloned();
        let answering = matches!(screen, Screen::Question(_));
        use_effect_with(arrived, move |arrived| {
            if let (Some(content), true) = (arrived.clone(), answering) {
                let page = platform.clone();
                platform.after_paint(Callback::from(move |()| chunk::warm(&content, &page)));
            }
        });
    }

    // Each new screen, once the visitor has acted, takes focus at its heading (not on
    // a fresh page load: the page's own reading order comes first there). A screen
    // waiting for the result's code counts as a screen of its own, and so does the
    // message that it could not be fetched.
    let waiting = (needs_chunk(screen) && state.chunk.content().is_none())
        .then_some(state.chunk == Chunk::Failed);
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
    // which may be scored a moment after arriving), and the visitor's own result is
    // remembered on their device, which finds the earlier one to compare with: not a
    // shared link's, and not with `persist` off.
    {
        let state = state.clone();
        let platform = platform.clone();
        let content = content.clone();
        let outcome = (*outcome).clone();
        let (persist, id) = (props.config.persist, props.config.id.clone());
        use_effect_with((screen, outcome.is_some()), move |(screen, _)| {
            if let (Screen::Result, Some(outcome)) = (screen, outcome) {
                let answers = Answers::from_partial(&content, state.session.answers());
                let own = persist && !state.from_link;
                let remember = answers.as_ref().filter(|_| own).map(|a| (a, id.as_deref()));
                let earlier = chunk::complete(&platform, &content, &outcome, remember);
                state.dispatch(Change::Comparison(
                    earlier.map_or(Comparison::Nothing, Comparison::With),
                ));
            }
        });
    }

    let dispatch = {
        let state = state.clone();
        let platform = platform.clone();
        let content = content.clone();
        Callback::from(move |action: Action| {
            // A run begins once: at the start button, or at the first answer when the
            // quiz opens on question 1 (opening there is not beginning: a page view is
            // not a start). The session says when; the answer follows its start.
            let session = &state.session;
            if !session.started() && session.clone().apply(&content, action.clone()).started() {
                platform.emit(&content, &QuizEvent::Start);
            }
            if let Action::Choose { question, option } = action {
                platform.emit(&content, &QuizEvent::Answer { question, option });
            }
            state.dispatch(Change::Quiz(action))
        })
    };

    let ending = (*outcome).clone().and_then(|outcome| {
        Some(Ending {
            answers: Answers::from_partial(&content, state.session.answers())?,
            outcome,
            content: state.chunk.content()?.clone(),
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
            // What `persist` turned off, or a shared link opened, is not compared.
            comparison: if props.config.persist && !state.from_link {
                state.comparison.clone()
            } else {
                Comparison::Nothing
            },
            on_comparison: {
                let state = state.clone();
                Callback::from(move |comparison| state.dispatch(Change::Comparison(comparison)))
            },
        })
    });

    let shown = ScreensProps {
        content: content.clone(),
        session: state.session.clone(),
        notice: state.notice,
        ending,
        chunk_failed: state.chunk == Chunk::Failed,
        on_retry: {
            let state = state.clone();
            Callback::from(move |()| state.dispatch(Change::Retry))
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
