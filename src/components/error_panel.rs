//! The panel shown instead of a blank box when the quiz cannot start.

use yew::prelude::*;

use crate::app::ErrorText;

/// A readable error: a heading, a sentence, and the `problems` (one line each, for
/// whoever set the widget up) in a disclosure.
pub fn error_panel(text: &ErrorText, problems: &[String]) -> Html {
    html! {
        <section class="lq-screen lq-error" data-screen="error" role="alert">
            <h2 class="lq-title">{ &text.heading }</h2>
            <p class="lq-lead">{ &text.body }</p>
            if !problems.is_empty() {
                <details class="lq-details">
                    <summary>{ format!("{} ({})", text.details, problems.len()) }</summary>
                    <ul class="lq-problems">
                        { for problems.iter().map(|p| html! { <li><code>{ p }</code></li> }) }
                    </ul>
                </details>
            }
        </section>
    }
}
