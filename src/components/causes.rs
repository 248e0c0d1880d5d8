//! The causes that apply, strongest first.

use levels_engine::{Content, Outcome, Strength, Verdict};
use yew::prelude::*;

/// Each applying cause with a strength badge and a sentence; a calm line when none applies.
/// For a reader whose work matches or outgrows the title, they are what to watch as
/// they grow, not what holds them back.
pub fn cause_list(content: &Content, outcome: &Outcome) -> Html {
    let ui = &content.ui;
    let heading = match outcome.verdict {
        Verdict::IncompletePromotion => &ui.causes_heading,
        Verdict::Aligned | Verdict::AheadOfTitle => &ui.causes_watch_heading,
    };
    let items: Vec<Html> = outcome
        .applying()
        .filter_map(|finding| {
            let cause = content.causes.get(finding.cause.0)?;
            let strong = finding.strength == Strength::Strong;
            let badge = if strong {
                &ui.cause_strong
            } else {
                &ui.cause_some
            };
            let body = html! {
                <>
                    <div class="lq-cause-head">
                        <h4 class="lq-cause-name">{ &cause.name }</h4>
                        <span class="lq-badge">{ badge }</span>
                    </div>
                    <p>{ &cause.summary }</p>
                </>
            };
            // Literal classes only (see components/mod.rs).
            let id = cause.id.clone();
            Some(if strong {
                html! { <li class="lq-cause lq-strong" data-cause={id}>{ body }</li> }
            } else {
                html! { <li class="lq-cause lq-some" data-cause={id}>{ body }</li> }
            })
        })
        .collect();
    html! {
        <section class="lq-block lq-causes">
            <h3>{ heading }</h3>
            if items.is_empty() {
                <p class="lq-quiet">{ &ui.causes_none }</p>
            } else {
                <ul class="lq-cause-list">{ for items }</ul>
            }
        </section>
    }
}
