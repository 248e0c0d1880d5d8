//! The causes that apply, strongest first.

use levels_engine::{Content, Outcome, Strength};
use yew::prelude::*;

/// Each applying cause with a strength badge and a sentence; a calm line when none applies.
pub fn cause_list(content: &Content, outcome: &Outcome) -> Html {
    let ui = &content.ui;
    let items: Vec<Html> = outcome
        .applying()
        .filter_map(|finding| {
            let cause = content.causes.get(finding.cause.0)?;
            let (badge, class) = match finding.strength {
                Strength::Strong => (&ui.cause_strong, "lq-cause lq-strong"),
                _ => (&ui.cause_some, "lq-cause lq-some"),
            };
            Some(html! {
                <li class={class} data-cause={cause.id.clone()}>
                    <div class="lq-cause-head">
                        <h4 class="lq-cause-name">{ &cause.name }</h4>
                        <span class="lq-badge">{ badge }</span>
                    </div>
                    <p>{ &cause.summary }</p>
                </li>
            })
        })
        .collect();
    html! {
        <section class="lq-block lq-causes">
            <h3>{ &ui.causes_heading }</h3>
            if items.is_empty() {
                <p class="lq-quiet">{ &ui.causes_none }</p>
            } else {
                <ul class="lq-cause-list">{ for items }</ul>
            }
        </section>
    }
}
