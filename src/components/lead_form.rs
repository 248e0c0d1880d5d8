//! The optional lead form: name, email, consent.

use levels_engine::Content;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::lead::{LeadDraft, LeadProblem};
use crate::shared::Shared;

/// Props of [`LeadForm`].
#[derive(Properties, Clone, PartialEq)]
pub struct LeadFormProps {
    /// The content, for its interface strings.
    pub content: Shared<Content>,
    /// What the visitor typed so far.
    pub draft: LeadDraft,
    /// A field changed.
    pub on_change: Callback<LeadDraft>,
    /// Sent, with every field valid.
    pub on_submit: Callback<()>,
    /// Skipped.
    pub on_skip: Callback<()>,
}

/// The form. Fields are checked when it is sent; each problem is shown next to its
/// field and tied to it with `aria-describedby`, and focus moves to the first one.
#[component]
pub fn LeadForm(props: &LeadFormProps) -> Html {
    // Failed attempts to send; each one moves focus to the first field to fix, after
    // the render that shows the messages.
    let attempts = use_state(|| 0u32);
    let form = use_node_ref();
    {
        let form = form.clone();
        let problems = props.draft.problems();
        use_effect_with(*attempts, move |attempts| {
            if *attempts > 0 {
                if let Some(first) = first_invalid(&form, &problems) {
                    let _ = first.focus();
                }
            }
        });
    }
    let ui = &props.content.ui;
    let draft = &props.draft;
    let problems = if *attempts > 0 {
        draft.problems()
    } else {
        Vec::new()
    };

    let field = |update: fn(&mut LeadDraft, &HtmlInputElement)| {
        let on_change = props.on_change.clone();
        let draft = draft.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                let mut next = draft.clone();
                update(&mut next, &input);
                on_change.emit(next);
            }
        })
    };
    let on_name = field(|d, i| d.name = i.value());
    let on_email = field(|d, i| d.email = i.value());
    let on_consent = {
        let on_change = props.on_change.clone();
        let draft = draft.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                let mut next = draft.clone();
                next.consent = input.checked();
                on_change.emit(next);
            }
        })
    };
    let on_submit = {
        let on_submit = props.on_submit.clone();
        let draft = draft.clone();
        let attempts = attempts.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if draft.problems().is_empty() {
                on_submit.emit(());
            } else {
                attempts.set(*attempts + 1);
            }
        })
    };
    let on_skip = props.on_skip.reform(|_: MouseEvent| ());
    // Always one node (empty when there is no problem), so the fields around it keep
    // their DOM elements, and focus, when a message appears.
    let error = |problem: LeadProblem, id: &'static str, text: &str| {
        if problems.contains(&problem) {
            html! { <p class="lq-field-error" id={id}>{ text.to_owned() }</p> }
        } else {
            Html::default()
        }
    };
    let invalid = |problem: LeadProblem| problems.contains(&problem).then_some("true");
    let described =
        |problem: LeadProblem, id: &'static str| problems.contains(&problem).then_some(id);

    html! {
        <section class="lq-screen lq-lead-screen" data-screen="lead">
            <h2 class="lq-title" tabindex="-1">{ &ui.lead_heading }</h2>
            <p class="lq-lead">{ &ui.lead_body }</p>
            <form class="lq-form lq-lead-form" ref={form} onsubmit={on_submit} novalidate=true>
                <div class="lq-field">
                    <label for="lq-lead-name">{ &ui.lead_name }</label>
                    <input id="lq-lead-name" name="name" type="text" autocomplete="name"
                        value={draft.name.clone()} oninput={on_name}
                        aria-invalid={invalid(LeadProblem::Name)}
                        aria-describedby={described(LeadProblem::Name, "lq-lead-name-error")} />
                    { error(LeadProblem::Name, "lq-lead-name-error", &ui.lead_name_required) }
                </div>
                <div class="lq-field">
                    <label for="lq-lead-email">{ &ui.lead_email }</label>
                    <input id="lq-lead-email" name="email" type="email" autocomplete="email"
                        inputmode="email" value={draft.email.clone()} oninput={on_email}
                        aria-invalid={invalid(LeadProblem::Email)}
                        aria-describedby={described(LeadProblem::Email, "lq-lead-email-error")} />
                    { error(LeadProblem::Email, "lq-lead-email-error", &ui.lead_email_invalid) }
                </div>
                <div class="lq-field lq-check">
                    <input id="lq-lead-consent" name="consent" type="checkbox"
                        checked={draft.consent} onchange={on_consent}
                        aria-invalid={invalid(LeadProblem::Consent)}
                        aria-describedby={described(LeadProblem::Consent, "lq-lead-consent-error")} />
                    <label for="lq-lead-consent">{ &ui.lead_consent }</label>
                    { error(LeadProblem::Consent, "lq-lead-consent-error", &ui.lead_consent_required) }
                </div>
                <div class="lq-nav">
                    <button type="button" class="lq-button lq-secondary" onclick={on_skip}>
                        { &ui.lead_skip }
                    </button>
                    <button type="submit" class="lq-button lq-primary">{ &ui.lead_submit }</button>
                </div>
            </form>
        </section>
    }
}

/// The input of the first field with a problem.
fn first_invalid(form: &NodeRef, problems: &[LeadProblem]) -> Option<web_sys::HtmlElement> {
    let id = match problems.first()? {
        LeadProblem::Name => "lq-lead-name",
        LeadProblem::Email => "lq-lead-email",
        LeadProblem::Consent => "lq-lead-consent",
    };
    let form = form.cast::<web_sys::Element>()?;
    let input = form.query_selector(&format!("#{id}")).ok().flatten()?;
    wasm_bindgen::JsCast::dyn_into(input).ok()
}
