//! The panel shown instead of a blank box when the quiz cannot start.

use yew::prelude::*;

/// Props of [`ErrorPanel`].
#[derive(Properties, Clone, PartialEq)]
pub struct ErrorPanelProps {
    /// What happened, in a few words.
    pub heading: AttrValue,
    /// What it means for the visitor.
    pub body: AttrValue,
    /// Label of the details.
    #[prop_or(AttrValue::Static("Details"))]
    pub details: AttrValue,
    /// The details for whoever set the widget up, one line each.
    #[prop_or_default]
    pub problems: Vec<String>,
}

/// A readable error: a heading, a sentence, and the details in a disclosure.
#[component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    html! {
        <section class="lq-screen lq-error" data-screen="error" role="alert">
            <h2 class="lq-title">{ &props.heading }</h2>
            <p class="lq-lead">{ &props.body }</p>
            if !props.problems.is_empty() {
                <details class="lq-details">
                    <summary>{ format!("{} ({})", props.details, props.problems.len()) }</summary>
                    <ul class="lq-problems">
                        { for props.problems.iter().map(|p| html! { <li><code>{ p }</code></li> }) }
                    </ul>
                </details>
            }
        </section>
    }
}
