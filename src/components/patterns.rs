//! Habits to build and patterns the answers show.

use levels_engine::Content;
use yew::prelude::*;

use crate::shared::Shared;

/// Props of [`PatternList`].
#[derive(Properties, Clone, PartialEq)]
pub struct PatternListProps {
    /// Pattern texts.
    pub content: Shared<Content>,
    /// Constructive pattern indexes.
    pub constructive: Vec<usize>,
    /// Destructive pattern indexes.
    pub destructive: Vec<usize>,
}

/// Two short lists side by side on wide screens; an empty list is left out.
#[component]
pub fn PatternList(props: &PatternListProps) -> Html {
    let content = &props.content;
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
            <div class={classes!("lq-patterns", class)}>
                <h3>{ heading }</h3>
                <ul>{ for texts.into_iter().map(|t| html! { <li>{ t }</li> }) }</ul>
            </div>
        }
    };
    html! {
        <section class="lq-block lq-pattern-grid">
            { list(&content.ui.destructive_heading, "lq-destructive", &props.destructive) }
            { list(&content.ui.constructive_heading, "lq-constructive", &props.constructive) }
        </section>
    }
}
