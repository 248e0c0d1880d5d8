//! A short message above the quiz with one action, e.g. for an unreadable link.

use yew::prelude::*;

/// Props of [`Notice`].
#[derive(Properties, Clone, PartialEq)]
pub struct NoticeProps {
    /// What happened.
    pub text: AttrValue,
    /// The button's text.
    pub action: AttrValue,
    /// The button was pressed.
    pub on_action: Callback<()>,
}

/// A status message with a button.
#[component]
pub fn Notice(props: &NoticeProps) -> Html {
    html! {
        <div class="lq-notice" role="status">
            <p>{ &props.text }</p>
            <button type="button" class="lq-button lq-secondary"
                onclick={props.on_action.reform(|_: MouseEvent| ())}>
                { &props.action }
            </button>
        </div>
    }
}
