//! The result screen: verdict, profile picture (and how it moved since last time),
//! causes, steps, patterns, terms, CTA.

use levels_engine::{fill, Action, Content, Outcome};
use yew::prelude::*;

use super::{
    call_to_action, cause_list, horizon_block, pattern_list, profile_chart, rung_block,
    since_block, step_list, term_list, ResultActions, Since,
};
use crate::lead::LeadStatus;
use crate::platform::Platform;
use crate::shared::Shared;

/// What [`result_view`] shows, and the intents it reports.
pub struct ResultProps {
    /// The content.
    pub content: Shared<Content>,
    /// The scored outcome.
    pub outcome: Shared<Outcome>,
    /// The call to action's text.
    pub cta_label: AttrValue,
    /// The call to action's URL.
    pub cta_href: AttrValue,
    /// A link to this result, when sharing is on.
    pub share_url: Option<String>,
    /// Where a sent lead stands.
    pub lead_status: LeadStatus,
    /// Whether to offer the lead form.
    pub lead_after_results: bool,
    /// Copying and printing.
    pub platform: Shared<dyn Platform>,
    /// Start over, open the lead form.
    pub on_action: Callback<Action>,
    /// The call to action was followed.
    pub on_cta: Callback<()>,
    /// Send the lead again.
    pub on_lead_retry: Callback<()>,
    /// The visitor's earlier result, to compare with.
    pub since: Since,
    /// Forget the earlier results.
    pub on_forget: Callback<()>,
}

/// Everything the visitor learns, in reading order.
pub fn result_view(props: &ResultProps) -> Html {
    let content = &props.content;
    let outcome = &props.outcome;
    let ui = &content.ui;
    let text = content
        .verdicts
        .for_rung(outcome.title, outcome.operating, outcome.rung);
    let summary = fill(
        &ui.profile_summary,
        &[
            ("operating", &content.level(outcome.operating).name),
            ("title", &content.level(outcome.title).name),
        ],
    );
    // A close call says so, instead of speaking as if the week leaned clearly one way.
    let split = outcome.split.map(|other| {
        fill(
            &ui.profile_split,
            &[
                ("operating", &content.level(outcome.operating).name),
                ("other", &content.level(other).name),
            ],
        )
    });
    let on_restart = props.on_action.reform(|_: MouseEvent| Action::Restart);
    html! {
        <section key="result" class="lq-screen lq-result" data-screen="result"
            data-verdict={outcome.verdict.id()} data-level={outcome.operating.id()}>
            <p class="lq-eyebrow">{ &ui.result_eyebrow }</p>
            <h2 class="lq-title" tabindex="-1">{ &text.headline }</h2>
            <p class="lq-lead">{ &text.body }</p>

            <section class="lq-block lq-profile">
                <h3>{ &ui.profile_heading }</h3>
                { profile_chart(content, outcome, props.since.earlier()) }
                <p class="lq-summary">{ summary }</p>
                if let Some(split) = split {
                    <p class="lq-split">{ split }</p>
                }
                { since_block(content, outcome, &props.since, &props.on_forget) }
            </section>

            { rung_block(content, outcome) }
            { cause_list(content, outcome) }
            { step_list(content, outcome) }
            { horizon_block(content, outcome) }
            { pattern_list(content, outcome) }
            { term_list(content, outcome) }
            <ResultActions
                content={content.clone()}
                share_url={props.share_url.clone()}
                lead_status={props.lead_status}
                lead_after_results={props.lead_after_results}
                platform={props.platform.clone()}
                on_action={props.on_action.clone()}
                on_lead_retry={props.on_lead_retry.clone()}
            />
            { call_to_action(content.cta.offer(outcome.cta), &props.cta_label, &props.cta_href, &props.on_cta) }

            <div class="lq-nav lq-end">
                <button type="button" class="lq-button lq-secondary" onclick={on_restart}>
                    { &ui.restart }
                </button>
            </div>
        </section>
    }
}
