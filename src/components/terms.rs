//! Definitions of every term the result uses, each expandable.

use levels_engine::{Content, Outcome};
use yew::prelude::*;

/// A `<details>` per term the outcome uses: keyboard-operable and announced as
/// expandable natively.
pub fn term_list(content: &Content, outcome: &Outcome) -> Html {
    html! {
        <section class="lq-block lq-terms">
            <h3>{ &content.ui.terms_heading }</h3>
            { for outcome.terms.iter().filter_map(|t| content.term(*t)).map(|term| html! {
                <details class="lq-term" data-term={term.id.clone()}>
                    <summary>{ &term.name }</summary>
                    <p>{ &term.definition }</p>
                </details>
            }) }
        </section>
    }
}
