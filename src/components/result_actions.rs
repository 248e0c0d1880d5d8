//! What a visitor can do with a result: share it, print it, have it emailed.

use levels_engine::{Action, Content};
use yew::prelude::*;

use crate::lead::LeadStatus;
use crate::platform::Platform;
use crate::shared::Shared;

/// Props of [`ResultActions`].
#[derive(Properties, Clone, PartialEq)]
pub struct ResultActionsProps {
    /// The content, for its interface strings.
    pub content: Shared<Content>,
    /// A link to this result, when sharing is on.
    pub share_url: Option<String>,
    /// Where a sent lead stands.
    pub lead_status: LeadStatus,
    /// Whether to offer the lead form.
    pub lead_after_results: bool,
    /// Copying and printing.
    pub platform: Shared<dyn Platform>,
    /// Opens the lead form.
    pub on_action: Callback<Action>,
    /// Sends the lead again after a failure.
    pub on_lead_retry: Callback<()>,
}

/// Whether the share link was copied, or must be copied by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copied {
    Not,
    Yes,
    ByHand,
}

/// A row of buttons, and the status lines that answer them.
#[component]
pub fn ResultActions(props: &ResultActionsProps) -> Html {
    let ui = &props.content.ui;
    let copied = use_state(|| Copied::Not);
    let on_share = props.share_url.clone().map(|url| {
        let platform = props.platform.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            platform.ending().copy(
                &url,
                Callback::from(move |ok: bool| {
                    copied.set(if ok { Copied::Yes } else { Copied::ByHand })
                }),
            );
        })
    });
    let on_print = {
        let platform = props.platform.clone();
        Callback::from(move |_: MouseEvent| platform.ending().print())
    };
    // After a failed send the form stays reachable, to fix a typo before retrying.
    let offer_lead = props.lead_after_results
        && matches!(props.lead_status, LeadStatus::Draft | LeadStatus::Failed);
    let on_open_lead = props.on_action.reform(|_: MouseEvent| Action::OpenLead);
    let on_retry = props.on_lead_retry.reform(|_: MouseEvent| ());

    let lead_line = match props.lead_status {
        LeadStatus::Sent => {
            Some(html! { <p class="lq-status lq-ok" role="status">{ &ui.lead_sent }</p> })
        }
        LeadStatus::Failed => Some(html! {
            <div class="lq-status lq-warn" role="alert">
                <p>{ &ui.lead_failed }</p>
                <button type="button" class="lq-button lq-secondary" onclick={on_retry}>{ &ui.lead_retry }</button>
            </div>
        }),
        LeadStatus::Draft | LeadStatus::Sending => None,
    }
    .unwrap_or_default();
    let share_line = match (*copied, &props.share_url) {
        (Copied::Yes, _) => {
            Some(html! { <p class="lq-status lq-ok" role="status">{ &ui.share_copied }</p> })
        }
        (Copied::ByHand, Some(url)) => Some(html! {
            <div class="lq-status" role="status">
                <label for="lq-share-url">{ &ui.share_manual }</label>
                <input id="lq-share-url" class="lq-share-url" type="text" readonly=true value={url.clone()} />
            </div>
        }),
        _ => None,
    }
    .unwrap_or_default();

    // Status lines are single nodes (empty when silent) so the buttons keep their DOM
    // elements, and keyboard focus, when a line appears.
    html! {
        <section class="lq-actions">
            { lead_line }
            <div class="lq-action-row">
                if let Some(on_share) = on_share {
                    <button type="button" class="lq-button lq-secondary lq-share" onclick={on_share}>
                        { &ui.share_button }
                    </button>
                }
                <button type="button" class="lq-button lq-secondary lq-print" onclick={on_print}>
                    { &ui.print_button }
                </button>
                if offer_lead {
                    <button type="button" class="lq-button lq-secondary lq-lead-open" onclick={on_open_lead}>
                        { &ui.lead_open }
                    </button>
                }
            </div>
            { share_line }
        </section>
    }
}
