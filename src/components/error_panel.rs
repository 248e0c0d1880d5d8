//! The panel shown instead of a blank box when the quiz cannot start.

use yew::prelude::*;

use crate::shared::Shared;

/// The error panel's texts, in the chosen language (content that failed to load
/// cannot supply them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorText {
    /// Heading.
    pub heading: String,
    /// What it means.
    pub body: String,
    /// Label of the list of problems.
    pub details: String,
}

impl Default for ErrorText {
    /// English.
    fn default() -> Self {
        ErrorText {
            heading: "This quiz could not start".to_owned(),
            body: "Its content could not be used. The list below says what is wrong and where."
                .to_owned(),
            details: "Details".to_owned(),
        }
    }
}

/// Props of [`ErrorPanel`].
#[derive(Properties, Clone, PartialEq)]
pub struct ErrorPanelProps {
    /// Its texts.
    #[prop_or_default]
    pub text: ErrorText,
    /// Every problem found, one line each, for whoever set the widget up.
    pub problems: Shared<Vec<String>>,
}

/// A readable error: a heading, a sentence, and the problems in a disclosure.
///
/// The widget renders either this or the quiz, each as its own Yew app
/// (`embed::mount`): no component above them only to choose.
#[component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    let text = &props.text;
    let problems = &props.problems;
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
