//! The next steps chosen for this visitor.

use levels_engine::{Content, Outcome};
use yew::prelude::*;

/// Numbered next steps, each a title and a sentence or two, in the outcome's order.
pub fn step_list(content: &Content, outcome: &Outcome) -> Html {
    html! {
        <section class="lq-block lq-steps">
            <h3>{ &content.ui.steps_heading }</h3>
            <ol class="lq-step-list">
                { for outcome.next_steps.iter().filter_map(|i| content.next_steps.get(*i)).map(|step| html! {
                    <li class="lq-step" data-step={step.id.clone()}>
                        <h4 class="lq-step-title">{ &step.title }</h4>
                        <p>{ &step.body }</p>
                    </li>
                }) }
            </ol>
        </section>
    }
}
