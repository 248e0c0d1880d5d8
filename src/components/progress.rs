//! The progress line and bar above each question.

use yew::prelude::*;

/// Props of [`ProgressBar`].
#[derive(Properties, Clone, PartialEq)]
pub struct ProgressProps {
    /// 1-based number of the current question.
    pub current: usize,
    /// How many questions there are.
    pub total: usize,
    /// The text, e.g. "Question 3 of 12", already filled in.
    pub label: AttrValue,
}

/// "Question 3 of 12" with a bar. The bar is SVG rather than a styled `div` because
/// a width in a `style` attribute would be blocked by a strict CSP.
#[component]
pub fn ProgressBar(props: &ProgressProps) -> Html {
    let done = (props.current * 100).checked_div(props.total).unwrap_or(0);
    html! {
        <div class="lq-progress">
            <p class="lq-progress-label" aria-live="polite" aria-atomic="true">{ &props.label }</p>
            <svg class="lq-progress-bar" viewBox="0 0 100 4" preserveAspectRatio="none"
                aria-hidden="true" focusable="false">
                <rect class="lq-track" width="100" height="4" rx="2" />
                <rect class="lq-fill" width={done.to_string()} height="4" rx="2" />
            </svg>
        </div>
    }
}
