//! Habits to build and patterns the answers show.

use levels_engine::{Content, Outcome};
use yew::prelude::*;

/// Two short lists side by side on wide screens; an empty list is left out.
pub fn pattern_list(content: &Content, outcome: &Outcome) -> Html {
    let list = |heading: &str, items: &[usize]| {
        let texts: Vec<&str> = items
            .iter()
            .filter_map(|i| content.patterns.get(*i))
            .map(|p| p.text.as_str())
            .collect();
        (!texts.is_empty()).then(|| {
            html! {
                <>
                    <h3>{ heading }</h3>
                    <ul>{ for texts.into_iter().map(|t| html! { <li>{ t }</li> }) }</ul>
                </>
            }
        })
    };
    // Literal classes only (see components/mod.rs).
    let destructive = list(&content.ui.destructive_heading, &outcome.destructive);
    let constructive = list(&content.ui.constructive_heading, &outcome.constructive);
    html! {
        <section class="lq-block lq-pattern-grid">
            if let Some(list) = destructive {
                <div class="lq-patterns lq-destructive">{ list }</div>
            }
            if let Some(list) = constructive {
                <div class="lq-patterns lq-constructive">{ list }</div>
            }
        </section>
    }
}
