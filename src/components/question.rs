//! One question: progress, the prompt, its options as a radio group, back and next.

use levels_engine::{fill, Action, Content};
use yew::prelude::*;

use super::{use_focus_on_mount, ProgressBar};
use crate::shared::Shared;

/// Props of [`QuestionView`].
#[derive(Properties, Clone, PartialEq)]
pub struct QuestionProps {
    /// The content the question comes from.
    pub content: Shared<Content>,
    /// Which question.
    pub index: usize,
    /// The option chosen so far, if any.
    pub selected: Option<usize>,
    /// Whether to say that an answer is needed to go on.
    pub needs_answer: bool,
    /// Move focus to the prompt on mount.
    #[prop_or_default]
    pub focus: bool,
    /// Choose, next and back.
    pub on_action: Callback<Action>,
}

/// A question screen. Native radio inputs give arrow-key movement within the group
/// and the right semantics for assistive technology; Enter or the Next button goes on.
#[component]
pub fn QuestionView(props: &QuestionProps) -> Html {
    let heading = use_node_ref();
    use_focus_on_mount(heading.clone(), props.focus);

    let content = &props.content;
    let ui = &content.ui;
    let index = props.index;
    let Some(question) = content.questions.get(index) else {
        return html! {};
    };
    let total = content.questions.len();
    let last = index + 1 == total;
    let number = (index + 1).to_string();
    let label = fill(
        &ui.progress,
        &[("current", number.as_str()), ("total", &total.to_string())],
    );
    let prompt_id = format!("lq-q-{}", question.id);
    let hint_id = format!("lq-h-{}", question.id);
    let alert_id = format!("lq-a-{}", question.id);

    let on_submit = props.on_action.reform(|event: SubmitEvent| {
        event.prevent_default();
        Action::Next
    });
    let on_back = props.on_action.reform(|_: MouseEvent| Action::Back);

    let options = question.options.iter().enumerate().map(|(option, choice)| {
        let checked = props.selected == Some(option);
        let on_change = props
            .on_action
            .reform(move |_: Event| Action::Choose { question: index, option });
        html! {
            <label class={classes!("lq-option", checked.then_some("lq-checked"))} key={choice.id.clone()}>
                <input
                    type="radio"
                    name={question.id.clone()}
                    value={choice.id.clone()}
                    checked={checked}
                    onchange={on_change}
                />
                <span class="lq-option-label">{ &choice.label }</span>
            </label>
        }
    });

    let described_by = match (&question.hint, props.needs_answer) {
        (Some(_), true) => Some(format!("{hint_id} {alert_id}")),
        (Some(_), false) => Some(hint_id.clone()),
        (None, true) => Some(alert_id.clone()),
        (None, false) => None,
    };

    html! {
        <section class="lq-screen lq-question" data-screen="question" data-question={question.id.clone()}>
            <ProgressBar current={index + 1} total={total} label={label} />
            <form class="lq-form" onsubmit={on_submit} novalidate=true>
                <fieldset class="lq-fieldset" aria-describedby={described_by}>
                    <legend class="lq-legend">
                        <h2 class="lq-prompt" id={prompt_id} tabindex="-1" ref={heading}>
                            { &question.prompt }
                        </h2>
                    </legend>
                    if let Some(hint) = &question.hint {
                        <p class="lq-hint" id={hint_id}>{ hint }</p>
                    }
                    <div class="lq-options">{ for options }</div>
                </fieldset>
                if props.needs_answer {
                    <p class="lq-alert" id={alert_id} role="alert">{ &ui.answer_required }</p>
                }
                <div class="lq-nav">
                    <button type="button" class="lq-button lq-secondary" onclick={on_back}>
                        { &ui.back }
                    </button>
                    <button type="submit" class="lq-button lq-primary">
                        { if last { &ui.finish } else { &ui.next } }
                    </button>
                </div>
            </form>
        </section>
    }
}
