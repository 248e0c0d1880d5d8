//! The root component: picks the screen for the session, and runs the effects
//! (focus, events) that follow a change of screen.

use levels_engine::{Content, LoadError, Outcome, Screen};
use yew::prelude::*;

use crate::components::{ErrorPanel, Intro, QuestionView, ResultView};
use crate::shared::Shared;
use crate::state::QuizState;

/// What the widget runs: loaded content, or the problems that stopped it loading.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// Valid content.
    Ready(Shared<Content>),
    /// Content that failed to load, with every problem found.
    Broken(Shared<LoadError>),
}

/// Something a host page may want to hear about.
#[derive(Debug, Clone, PartialEq)]
pub enum WidgetEvent {
    /// The visitor left the intro.
    Start,
    /// The visitor chose an option.
    Answer {
        /// Question index.
        question: usize,
        /// Option index.
        option: usize,
    },
    /// The result is shown.
    Complete(Shared<Outcome>),
}

/// Props of [`Root`].
#[derive(Properties, Clone, PartialEq)]
pub struct RootProps {
    /// The content to run.
    pub source: Source,
    /// Told about starts, answers and completions.
    #[prop_or_default]
    pub on_event: Callback<WidgetEvent>,
}

/// The widget: the quiz, or a readable error panel when its content is broken.
#[component]
pub fn Root(props: &RootProps) -> Html {
    match &props.source {
        Source::Ready(content) => html! {
            <Quiz content={content.clone()} on_event={props.on_event.clone()} />
        },
        Source::Broken(error) => html! {
            <ErrorPanel
                heading="This quiz could not start"
                body="Its content file has problems. The list below says where each one is."
                problems={error.problems().iter().map(ToString::to_string).collect::<Vec<_>>()}
            />
        },
    }
}

/// Props of [`Quiz`].
#[derive(Properties, Clone, PartialEq)]
pub struct QuizProps {
    /// Validated content.
    pub content: Shared<Content>,
    /// Told about starts, answers and completions.
    #[prop_or_default]
    pub on_event: Callback<WidgetEvent>,
}

/// The quiz for loaded content: one reducer, one screen at a time.
#[component]
pub fn Quiz(props: &QuizProps) -> Html {
    let content = props.content.clone();
    let state = use_reducer(|| QuizState::new(content));
    let screen = state.session.screen();
    let content = &state.content;

    let outcome = use_memo(
        (state.content.clone(), state.session.answers().to_vec()),
        |(content, answers)| {
            levels_engine::Answers::from_partial(content, answers)
                .map(|answers| Shared::new(levels_engine::score(content, &answers)))
        },
    );

    {
        // Completion is announced once per arrival on the result screen.
        let on_event = props.on_event.clone();
        let outcome = (*outcome).clone();
        use_effect_with(screen, move |screen| {
            if let (Screen::Result, Some(outcome)) = (screen, outcome) {
                on_event.emit(WidgetEvent::Complete(outcome));
            }
        });
    }

    let dispatch = {
        let state = state.clone();
        let on_event = props.on_event.clone();
        Callback::from(move |action: levels_engine::Action| {
            match &action {
                levels_engine::Action::Start => on_event.emit(WidgetEvent::Start),
                levels_engine::Action::Choose { question, option } => {
                    on_event.emit(WidgetEvent::Answer {
                        question: *question,
                        option: *option,
                    })
                }
                _ => {}
            }
            state.dispatch(action)
        })
    };

    let focus = state.interacted;
    match screen {
        Screen::Intro => html! {
            <Intro
                key="intro"
                intro={content.intro.clone()}
                focus={focus}
                on_start={dispatch.reform(|_| levels_engine::Action::Start)}
            />
        },
        Screen::Question(index) => html! {
            <QuestionView
                key={format!("q{index}")}
                content={content.clone()}
                index={index}
                selected={state.session.answers().get(index).copied().flatten()}
                needs_answer={state.session.needs_answer()}
                focus={focus}
                on_action={dispatch}
            />
        },
        Screen::Result => match (*outcome).clone() {
            Some(outcome) => html! {
                <ResultView
                    key="result"
                    content={content.clone()}
                    outcome={outcome}
                    focus={focus}
                    on_restart={dispatch.reform(|_| levels_engine::Action::Restart)}
                />
            },
            // The engine only reaches the result with every answer given.
            None => html! {},
        },
    }
}
