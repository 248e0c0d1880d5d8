//! One question: progress, the prompt, its options as a radio group, back and next.

use levels_engine::{fill, Action, Content};
use yew::prelude::*;

use super::progress_bar;
use crate::shared::Shared;

/// What [`question`] shows, and the intents it reports.
pub struct QuestionProps {
    /// The content the question comes from.
    pub content: Shared<Content>,
    /// Which question.
    pub index: usize,
    /// The option chosen so far, if any.
    pub selected: Option<usize>,
    /// Whether to say that an answer is needed to go on.
    pub needs_answer: bool,
    /// Choose, next and back.
    pub on_action: Callback<Action>,
    /// On question 1 when the quiz opens there (`intro="off"`): what the intro would
    /// have carried. Question 1 has no Back then, as there is nothing to go back to.
    pub intro_parts: Option<IntroParts>,
}

/// The intro's language switch and privacy line, for question 1 when it takes the
/// intro's place: the switch at the end of the progress line, the privacy line where
/// Back would be, beside Next. Neither takes a line of its own, so question 1 looks
/// like the questions after it. Its section is marked `data-opening`: inline, it keeps
/// the room reserved while the quiz loaded (styles/widget.css).
pub struct IntroParts {
    /// The language switch, when there are languages to switch between.
    pub switch: Option<Html>,
    /// Where the answers go.
    pub privacy: Html,
}

/// A question screen. Options are native radio inputs, for their semantics; the keys
/// are handled here so they behave the same in every browser: arrows, Home and End
/// move the choice within the group, Enter goes on (as does the Next button).
///
/// A function, not a component: it keeps no state (the keys find the group from the
/// focused radio), and each question is a fresh screen (keyed `q-` and its id, which
/// no other screen's key can equal), so it replays the screen's entrance and starts
/// with nothing of the last one.
pub fn question(props: &QuestionProps) -> Html {
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
    let (switch, before_next) = match &props.intro_parts {
        Some(parts) => (parts.switch.clone(), parts.privacy.clone()),
        None => {
            let on_back = props.on_action.reform(|_: MouseEvent| Action::Back);
            let back = html! {
                <button type="button" class="lq-button lq-secondary" onclick={on_back}>
                    { &ui.back }
                </button>
            };
            (None, back)
        }
    };
    let on_keydown = {
        let on_action = props.on_action.clone();
        let content = content.clone();
        let selected = props.selected;
        Callback::from(move |event: KeyboardEvent| {
            let Some(key) = OptionKey::from_key(&event.key()) else {
                return;
            };
            event.prevent_default();
            let options = content
                .questions
                .get(index)
                .map(|question| question.options.as_slice())
                .unwrap_or_default();
            // Start from the radio that has focus, not from the last render's choice:
            // keys can arrive faster than renders (a held arrow key).
            let focused = event.target_dyn_into::<web_sys::HtmlInputElement>();
            let current = focused
                .as_ref()
                .and_then(|input| {
                    let value = input.value();
                    options.iter().position(|option| option.id == value)
                })
                .or(selected);
            match key.target(current, options.len()) {
                Some(option) => {
                    on_action.emit(Action::Choose {
                        question: index,
                        option,
                    });
                    if let Some(input) = &focused {
                        focus_option(input, option);
                    }
                }
                None => on_action.emit(Action::Next),
            }
        })
    };

    let options = question.options.iter().enumerate().map(|(option, choice)| {
        let checked = props.selected == Some(option);
        let on_change = props.on_action.reform(move |_: Event| Action::Choose {
            question: index,
            option,
        });
        let inner = html! {
            <>
                <input
                    type="radio"
                    name={question.id.clone()}
                    value={choice.id.clone()}
                    checked={checked}
                    onchange={on_change}
                />
                <span class="lq-option-label">{ &choice.label }</span>
            </>
        };
        // Literal classes only (see components/mod.rs).
        let key = choice.id.clone();
        if checked {
            html! { <label class="lq-option lq-checked" {key}>{ inner }</label> }
        } else {
            html! { <label class="lq-option" {key}>{ inner }</label> }
        }
    });

    let described_by = match (&question.hint, props.needs_answer) {
        (Some(_), true) => Some(format!("{hint_id} {alert_id}")),
        (Some(_), false) => Some(hint_id.clone()),
        (None, true) => Some(alert_id.clone()),
        (None, false) => None,
    };

    html! {
        <section key={format!("q-{}", question.id)} class="lq-screen lq-question" data-screen="question" data-question={question.id.clone()}
            data-opening={props.intro_parts.is_some().then_some("")}>
            { progress_bar(index + 1, total, label, switch) }
            <form class="lq-form" onsubmit={on_submit} novalidate=true>
                <fieldset class="lq-fieldset" aria-describedby={described_by}>
                    <legend class="lq-legend">
                        <h2 class="lq-prompt" id={prompt_id} tabindex="-1">
                            { &question.prompt }
                        </h2>
                    </legend>
                    if let Some(hint) = &question.hint {
                        <p class="lq-hint" id={hint_id}>{ hint }</p>
                    }
                    <div class="lq-options" onkeydown={on_keydown}>{ for options }</div>
                </fieldset>
                if props.needs_answer {
                    <p class="lq-alert" id={alert_id} role="alert">{ &ui.answer_required }</p>
                }
                <div class="lq-nav">
                    { before_next }
                    <button type="submit" class="lq-button lq-primary">
                        { if last { &ui.finish } else { &ui.next } }
                    </button>
                </div>
            </form>
        </section>
    }
}

/// A key the option group handles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OptionKey {
    Previous,
    Following,
    First,
    Last,
    Submit,
}

impl OptionKey {
    fn from_key(key: &str) -> Option<OptionKey> {
        Some(match key {
            "ArrowUp" | "ArrowLeft" => OptionKey::Previous,
            "ArrowDown" | "ArrowRight" => OptionKey::Following,
            "Home" => OptionKey::First,
            "End" => OptionKey::Last,
            "Enter" => OptionKey::Submit,
            _ => return None,
        })
    }

    /// The option this key chooses, wrapping around; `None` means go on.
    fn target(self, selected: Option<usize>, count: usize) -> Option<usize> {
        let last = count.saturating_sub(1);
        match (self, selected) {
            (OptionKey::Submit, _) => None,
            (OptionKey::First, _) | (OptionKey::Following, None) => Some(0),
            (OptionKey::Last, _) | (OptionKey::Previous, None) => Some(last),
            (OptionKey::Following, Some(i)) => Some(if i >= last { 0 } else { i + 1 }),
            (OptionKey::Previous, Some(i)) => Some(if i == 0 { last } else { i - 1 }),
        }
    }
}

/// Moves focus to the radio input of `option` in the group of `input`.
fn focus_option(input: &web_sys::HtmlInputElement, option: usize) {
    let Ok(Some(group)) = input.closest(".lq-options") else {
        return;
    };
    if let Ok(inputs) = group.query_selector_all("input") {
        if let Some(input) = inputs
            .item(option as u32)
            .and_then(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(node).ok())
        {
            let _ = input.focus();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::OptionKey::*;

    #[test]
    fn keys_move_within_the_group_and_wrap() {
        assert_eq!(Following.target(None, 4), Some(0));
        assert_eq!(Following.target(Some(3), 4), Some(0));
        assert_eq!(Previous.target(Some(0), 4), Some(3));
        assert_eq!(Previous.target(None, 4), Some(3));
        assert_eq!(First.target(Some(2), 4), Some(0));
        assert_eq!(Last.target(Some(0), 4), Some(3));
        assert_eq!(Submit.target(Some(1), 4), None);
    }
}
