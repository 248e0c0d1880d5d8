//! Habits to build and patterns the answers show.

use levels_engine::{Content, Outcome};
use yew::prelude::*;

/// Two short lists side by side on wide screens; an empty list is left out.
pub fn pattern_list(content: &Content, outcome: &Outcome) -> Html {
    let list = |heading: &str, class: &'static str, items: &[usize]| {
        let texts: Vec<&str> = items
            .iter()
            .filter_map(|i| content.patterns.get(*i))
            .map(|p| p.text.as_str())
            .collect();
        if texts.is_empty() {
            return html! {};
        }
        html! {
            <div class={class}>
                <h3>{ heading }</h3>
                <ul>{ for texts.into_iter().map(|t| html! { <li>{ t }</li> }) }</ul>
            </div>
        }
    };
    html! {
        <section class="lq-block lq-pattern-grid">
            { list(&content.ui.destructive_heading, "lq-patterns lq-destructive", &outcome.destructive) }
            { list(&content.ui.constructive_heading, "lq-patterns lq-constructive", &outcome.constructive) }
        </section>
    }
}
