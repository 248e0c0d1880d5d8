//! The progress line and bar above each question.

use yew::prelude::*;

/// "Question 3 of 12" (`label`, already filled in) with a bar at `current` (1-based)
/// of `total`, and `aside` (question 1's language switch when the quiz opens on it) at
/// the end of the label's line. The bar is SVG rather than a styled `div` because a
/// width in a `style` attribute would be blocked by a strict CSP.
pub fn progress_bar(current: usize, total: usize, label: String, aside: Option<Html>) -> Html {
    let done = (current * 100).checked_div(total).unwrap_or(0);
    html! {
        <div class="lq-progress">
            <div class="lq-progress-line">
                <p class="lq-progress-label" aria-live="polite" aria-atomic="true">{ label }</p>
                { for aside }
            </div>
            <svg class="lq-progress-bar" viewBox="0 0 100 4" preserveAspectRatio="none"
                aria-hidden="true" focusable="false">
                <rect class="lq-track" width="100" height="4" rx="2" />
                <rect class="lq-fill" width={done.to_string()} height="4" rx="2" />
            </svg>
        </div>
    }
}
