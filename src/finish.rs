//! The end of a run: the lead form and the result screen, with what they do (sending
//! the lead, following the call to action, sharing the result).
//!
//! The quiz hands over a [`Finish`] once the answers are scored; everything built
//! from it lives in the deferred chunk (`later`), so none of it is in the download
//! before the first question. Nor are a language file's later texts (its later
//! questions' and its result's): [`whole`] puts them back, nor the result's
//! stylesheet: [`STYLESHEET`].

use std::cell::RefCell;

use levels_engine::{encode_link, Action, Answers, Content, LeadPlacement, Outcome};
use yew::{Callback, Html};

use crate::components::{result_view, LeadForm, LeadFormProps, ResultProps};
use crate::config::Config;
use crate::lead::{LeadDraft, LeadStatus};
use crate::platform::{finishing, FinishEvent, Platform};
use crate::shared::Shared;

/// The result screen's and the lead form's stylesheet (`styles/result.css`, minified by
/// `build.rs`). Only this chunk's code names it, so it ships with that code; each
/// screen built here adopts it first ([`crate::platform::Finishing::adopt_result_stylesheet`]).
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/result.css"));

/// The linked-in quiz's later texts (`build.rs`, [`levels_engine::split_report`]), in
/// builds without the `split` feature (native and browser unit tests). The bundle
/// fetches every language's `.report.bin`.
const BUILT_IN_REPORT: Option<&[u8]> = if cfg!(feature = "split") {
    None
} else {
    Some(include_bytes!(concat!(env!("OUT_DIR"), "/en.report.bin")))
};

/// The content with every text (the later questions' and the result's), or `None`
/// when they are missing and `report` does not supply them. A language file's come in `report` (its
/// `.report.bin`). Content that is whole already (a marketer's own) comes back as it
/// is. Filled once per page and shared.
pub fn whole(content: &Shared<Content>, report: Option<&[u8]>) -> Option<Shared<Content>> {
    thread_local! {
        static WHOLE: RefCell<Option<(Shared<Content>, Shared<Content>)>> = const { RefCell::new(None) };
    }
    if !levels_engine::lacks_report(content) {
        return Some(content.clone());
    }
    WHOLE.with(|cell| {
        let mut cell = cell.borrow_mut();
        if let Some((partial, whole)) = &*cell {
            if partial == content {
                return Some(whole.clone());
            }
        }
        let mut filled = (**content).clone();
        if !levels_engine::fill_report(&mut filled, report.or(BUILT_IN_REPORT)?) {
            return None;
        }
        let filled = Shared::new(filled);
        *cell = Some((content.clone(), filled.clone()));
        Some(filled)
    })
}

/// Gives `done` the content with every text ([`whole`]): at once for
/// content that is whole (and for the linked-in quiz of test builds); a language
/// file's once the platform has fetched its `.report.bin`. `None` when the texts
/// cannot be had.
pub fn fill(
    content: &Shared<Content>,
    platform: &Shared<dyn Platform>,
    done: Callback<Option<Shared<Content>>>,
) {
    if let Some(filled) = whole(content, None) {
        done.emit(Some(filled));
        return;
    }
    let content = content.clone();
    let page = platform.clone();
    finishing(&**platform).fetch_report(Callback::from(move |report: Option<Vec<u8>>| {
        let filled = report.and_then(|bytes| {
            let filled = whole(&content, Some(&bytes));
            if filled.is_none() {
                finishing(&*page).report_mismatch();
            }
            filled
        });
        done.emit(filled);
    }));
}

/// What the end of a run works with: the scored answers, the element's settings, the
/// lead form's state, and the quiz's intents. All cheap handles.
pub struct Finish {
    /// The content.
    pub content: Shared<Content>,
    /// The visitor's (complete) answers.
    pub answers: Answers,
    /// Their outcome.
    pub outcome: Shared<Outcome>,
    /// The element's attributes.
    pub config: Config,
    /// The page's services.
    pub platform: Shared<dyn Platform>,
    /// What the visitor typed into the lead form.
    pub lead_draft: LeadDraft,
    /// Where the lead stands.
    pub lead_status: LeadStatus,
    /// The lead form changed.
    pub on_lead_change: Callback<LeadDraft>,
    /// The lead moved on (sending, sent, failed).
    pub on_lead_status: Callback<LeadStatus>,
    /// Quiz intents (leaving the lead form, starting over).
    pub on_action: Callback<Action>,
}

impl Finish {
    /// The lead form, between the questions and the result or opened from the result.
    pub fn lead_form(&self) -> Html {
        finishing(&*self.platform).adopt_result_stylesheet();
        let props = LeadFormProps {
            content: self.content.clone(),
            draft: self.lead_draft.clone(),
            on_change: self.on_lead_change.clone(),
            on_submit: self.send_lead(true),
            on_skip: self.on_action.reform(|_| Action::LeaveLead),
        };
        yew::html! { <LeadForm key="lead" ..props /> }
    }

    /// The result screen.
    pub fn result(&self) -> Html {
        let content = &self.content;
        let config = &self.config;
        let outcome = self.outcome.clone();
        let base = config.cta_href.as_ref().unwrap_or(&content.cta.href);
        let page = finishing(&*self.platform);
        page.adopt_result_stylesheet();
        let cta_href = page.cta_href(
            base,
            &[
                ("level", outcome.operating.id()),
                ("verdict", outcome.verdict.id()),
            ],
        );
        let on_cta = {
            let (platform, content, outcome) =
                (self.platform.clone(), content.clone(), outcome.clone());
            Callback::from(move |()| {
                finishing(&*platform).emit(&content, &FinishEvent::Cta(outcome.clone()));
            })
        };
        result_view(&ResultProps {
            content: content.clone(),
            outcome,
            cta_label: config
                .cta_label
                .clone()
                .unwrap_or_else(|| content.cta.label.clone())
                .into(),
            cta_href: cta_href.into(),
            share_url: config
                .share
                .then(|| page.share_url(&encode_link(content, &self.answers))),
            lead_status: self.lead_status,
            lead_after_results: config.lead == LeadPlacement::AfterResults,
            platform: self.platform.clone(),
            on_action: self.on_action.clone(),
            on_cta,
            on_lead_retry: self.send_lead(false),
        })
    }

    /// Sends the lead: from the form (`first`: the page hears `levels-quiz:lead`, and
    /// the form closes), or again after a failed post (the same lead, so no new event).
    /// Without `lead-action` it is sent as soon as the page has heard it.
    fn send_lead(&self, first: bool) -> Callback<()> {
        let platform = self.platform.clone();
        let content = self.content.clone();
        let outcome = self.outcome.clone();
        let draft = self.lead_draft.clone();
        let action = self.config.lead_action.clone();
        let on_status = self.on_lead_status.clone();
        let on_action = self.on_action.clone();
        Callback::from(move |()| {
            if first {
                finishing(&*platform)
                    .emit(&content, &FinishEvent::Lead(draft.clone(), outcome.clone()));
                on_action.emit(Action::LeaveLead);
            }
            let Some(url) = &action else {
                on_status.emit(LeadStatus::Sent);
                return;
            };
            on_status.emit(LeadStatus::Sending);
            let fields = lead_fields(&content, &draft, &outcome);
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let on_status = on_status.clone();
            finishing(&*platform).post_lead(
                url,
                &fields,
                Callback::from(move |ok: bool| {
                    on_status.emit(if ok {
                        LeadStatus::Sent
                    } else {
                        LeadStatus::Failed
                    })
                }),
            );
        })
    }
}

/// The fields a lead post carries: what the visitor typed, and their result.
fn lead_fields(
    content: &Content,
    draft: &LeadDraft,
    outcome: &Outcome,
) -> Vec<(&'static str, String)> {
    vec![
        ("name", draft.name.trim().to_owned()),
        ("email", draft.email.trim().to_owned()),
        (
            "consent",
            if draft.consent { "yes" } else { "no" }.to_owned(),
        ),
        ("operating_level", outcome.operating.id().to_owned()),
        ("title_level", outcome.title.id().to_owned()),
        ("verdict", outcome.verdict.id().to_owned()),
        ("quiz", format!("{}@{}", content.id, content.version)),
    ]
}
