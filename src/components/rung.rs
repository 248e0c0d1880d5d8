//! The reader's rung: its job, how much of their week is spent where that job is done,
//! its failure mode, and the trade it asks for; and the level beyond, for the rungs
//! whose job it is.

use levels_engine::{fill, Content, Outcome};
use yew::prelude::*;

/// The rung block; nothing when the content has no rungs.
pub fn rung_block(content: &Content, outcome: &Outcome) -> Html {
    let ui = &content.ui;
    let Some(rung) = outcome.rung.and_then(|r| content.rung(r)) else {
        return Html::default();
    };
    let heading = fill(&ui.rung_heading, &[("rung", &rung.name)]);
    let share = outcome.profile.share(outcome.title).to_string();
    let matched = fill(
        &ui.rung_match,
        &[
            ("share", &share),
            ("level", &content.level(outcome.title).name),
        ],
    );
    html! {
        <section class="lq-block lq-rung" data-rung={rung.id.clone()}>
            <h3>{ heading }</h3>
            <p class="lq-rung-match">{ matched }</p>
            <dl class="lq-rung-facts">
                <dt>{ &ui.rung_job }</dt>
                <dd>{ &rung.job }</dd>
                <dt>{ &ui.rung_failure }</dt>
                <dd>{ &rung.failure }</dd>
                <dt>{ &ui.rung_trade }</dt>
                <dd>{ &rung.trade }</dd>
            </dl>
        </section>
    }
}

/// The level beyond the three the quiz scores, for the rungs it is shown to.
pub fn horizon_block(content: &Content, outcome: &Outcome) -> Html {
    let shown = content
        .horizon
        .as_ref()
        .filter(|h| outcome.rung.is_some_and(|r| h.rungs.contains(&r)));
    match shown {
        Some(horizon) => html! {
            <section class="lq-block lq-horizon">
                <h3>{ &horizon.name }</h3>
                <p>{ &horizon.body }</p>
            </section>
        },
        None => Html::default(),
    }
}
