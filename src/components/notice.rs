//! A short message above the quiz with one action, e.g. for an unreadable link.

use yew::prelude::*;

/// A status message: what happened (`text`), and a button (`action`) reported
/// through `on_action`.
pub fn notice(text: &str, action: &str, on_action: Callback<()>) -> Html {
    html! {
        <div class="lq-notice" role="status">
            <p>{ text }</p>
            <button type="button" class="lq-button lq-secondary"
                onclick={on_action.reform(|_: MouseEvent| ())}>
                { action }
            </button>
        </div>
    }
}
