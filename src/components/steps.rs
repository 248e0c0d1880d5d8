//! The next steps chosen for this visitor.

use levels_engine::Content;
use yew::prelude::*;

use crate::shared::Shared;

/// Props of [`StepList`].
#[derive(Properties, Clone, PartialEq)]
pub struct StepListProps {
    /// Step texts.
    pub content: Shared<Content>,
    /// Indexes of the steps to show, in order.
    pub steps: Vec<usize>,
}

/// Numbered next steps, each a title and a sentence or two.
#[component]
pub fn StepList(props: &StepListProps) -> Html {
    let content = &props.content;
    html! {
        <section class="lq-block lq-steps">
            <h3>{ &content.ui.steps_heading }</h3>
            <ol class="lq-step-list">
                { for props.steps.iter().filter_map(|i| content.next_steps.get(*i)).map(|step| html! {
                    <li class="lq-step" data-step={step.id.clone()}>
                        <h4 class="lq-step-title">{ &step.title }</h4>
                        <p>{ &step.body }</p>
                    </li>
                }) }
            </ol>
        </section>
    }
}
