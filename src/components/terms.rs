//! Definitions of every term the result uses, each expandable.

use levels_engine::{Content, TermRef};
use yew::prelude::*;

use crate::shared::Shared;

/// Props of [`TermList`].
#[derive(Properties, Clone, PartialEq)]
pub struct TermListProps {
    /// Term texts.
    pub content: Shared<Content>,
    /// The terms to define, in order.
    pub terms: Vec<TermRef>,
}

/// A `<details>` per term: keyboard-operable and announced as expandable natively.
#[component]
pub fn TermList(props: &TermListProps) -> Html {
    let content = &props.content;
    html! {
        <section class="lq-block lq-terms">
            <h3>{ &content.ui.terms_heading }</h3>
            { for props.terms.iter().filter_map(|t| content.term(*t)).map(|term| html! {
                <details class="lq-term" data-term={term.id.clone()}>
                    <summary>{ &term.name }</summary>
                    <p>{ &term.definition }</p>
                </details>
            }) }
        </section>
    }
}
