//! The end of a run: the lead form and the result screen, with what they do (sending
//! the lead, following the call to action, sharing the result, remembering it and
//! forgetting the remembered ones).
//!
//! The quiz hands over an [`Ending`] once the answers are scored; everything built
//! from it is reached only through the chunk's entry points ([`crate::chunk`]), so
//! none of it is in the download before the first question. Nor is the result's
//! stylesheet: [`STYLESHEET`].

use levels_engine::{
    encode_link, Action, Answers, Content, Earlier, History, LeadPlacement, Outcome,
};
use yew::{Callback, Html};

use crate::components::{result_view, EarlierProfile, LeadForm, LeadFormProps, ResultProps, Since};
use crate::config::Config;
use crate::lead::{Lead, LeadDraft, LeadStatus};
use crate::platform::{EndingEvent, Platform};
use crate::shared::Shared;
use crate::state::Comparison;

/// The result screen's and the lead form's stylesheet (`styles/result.css`, minified by
/// `build.rs`). Only the chunk's code names it, so it ships with that code; each
/// screen built here adopts it first ([`crate::platform::EndingServices::adopt_result_stylesheet`]).
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/result.css"));

/// What the end of a run works with: the scored answers, the element's settings, the
/// lead form's state, and the quiz's intents. All cheap handles.
pub struct Ending {
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
    /// What the result compares with (the visitor's earlier result).
    pub comparison: Comparison,
    /// What the result compares with changed (the visitor forgot their earlier results).
    pub on_comparison: Callback<Comparison>,
}

impl Ending {
    /// The lead form, between the questions and the result or opened from the result.
    pub fn lead_form(&self) -> Html {
        self.platform.ending().adopt_result_stylesheet(STYLESHEET);
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
        let offer = content.cta.offer(outcome.cta);
        let base = config.cta_href.as_deref().unwrap_or(offer.href);
        let page = self.platform.ending();
        page.adopt_result_stylesheet(STYLESHEET);
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
                platform
                    .ending()
                    .emit(&content, &EndingEvent::Cta(outcome.clone()));
            })
        };
        result_view(&ResultProps {
            content: content.clone(),
            outcome,
            cta_label: config
                .cta_label
                .clone()
                .unwrap_or_else(|| offer.label.to_owned())
                .into(),
            cta_href: cta_href.into(),
            share_url: config.share.then(|| self.result_link()),
            lead_status: self.lead_status,
            lead_after_results: config.lead == LeadPlacement::AfterResults,
            platform: self.platform.clone(),
            on_action: self.on_action.clone(),
            on_cta,
            on_lead_retry: self.send_lead(false),
            since: self.since(),
            on_forget: self.forget(),
        })
    }

    /// A URL of this page that opens the visitor's result.
    fn result_link(&self) -> String {
        self.platform
            .ending()
            .share_url(&encode_link(&self.content, &self.answers))
    }

    /// Forgets the visitor's remembered results, this one too: the comparison goes, and
    /// the result says they are forgotten.
    fn forget(&self) -> Callback<()> {
        let platform = self.platform.clone();
        let key = history_key(&self.content, self.config.id.as_deref());
        let on_comparison = self.on_comparison.clone();
        Callback::from(move |()| {
            platform.forget(&key);
            on_comparison.emit(Comparison::Forgotten);
        })
    }

    /// What the result says about the visitor's earlier result: that one scored with
    /// this content (scores are derived, never stored), on its day as the content's
    /// language writes it.
    fn since(&self) -> Since {
        match &self.comparison {
            Comparison::Nothing => Since::Nothing,
            Comparison::Forgotten => Since::Forgotten,
            Comparison::With(earlier) => Since::Earlier(EarlierProfile {
                date: self
                    .platform
                    .ending()
                    .format_day(earlier.day, &self.content.language),
                profile: levels_engine::score(&self.content, &earlier.answers).profile,
            }),
        }
    }

    /// Sends the lead: from the form (`first`: the page hears `levels-quiz:lead`, and
    /// the form closes), or again after a failed post (the same lead, so no new event).
    /// Without `lead-action` it is sent as soon as the page has heard it.
    fn send_lead(&self, first: bool) -> Callback<()> {
        let platform = self.platform.clone();
        let content = self.content.clone();
        let lead = Lead {
            draft: self.lead_draft.clone(),
            outcome: self.outcome.clone(),
            result_link: self.result_link(),
        };
        let action = self.config.lead_action.clone();
        let on_status = self.on_lead_status.clone();
        let on_action = self.on_action.clone();
        Callback::from(move |()| {
            if first {
                platform
                    .ending()
                    .emit(&content, &EndingEvent::Lead(lead.clone()));
                on_action.emit(Action::LeaveLead);
            }
            let Some(url) = &action else {
                on_status.emit(LeadStatus::Sent);
                return;
            };
            on_status.emit(LeadStatus::Sending);
            let fields = lead_fields(&content, &lead);
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let on_status = on_status.clone();
            platform.ending().post_lead(
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

/// The key the visitor's completed results are remembered under ([`History`]): one
/// per content id, whatever its version (another version's results are not compared,
/// but a new version does not start a new key), and per element `id` as
/// [`crate::app::storage_key`] (`id`, the element's).
pub fn history_key(content: &Content, id: Option<&str>) -> String {
    match id {
        Some(id) => format!("levels-quiz:{}:results#{id}", content.id),
        None => format!("levels-quiz:{}:results", content.id),
    }
}

/// Remembers the visitor's result on their device (answers and the day, [`History`]),
/// and gives the earlier result to compare it with. Storage that is blocked, full or
/// holds anything unreadable only means no comparison.
pub(crate) fn remember(
    platform: &Shared<dyn Platform>,
    content: &Content,
    answers: &Answers,
    id: Option<&str>,
) -> Option<Earlier> {
    let key = history_key(content, id);
    let history = History::decode(&platform.load(&key).unwrap_or_default());
    let earlier = history.earlier(content, answers);
    if let Some(today) = platform.ending().today() {
        platform.save(&key, &history.remember(content, answers, today).encode());
    }
    earlier
}

/// The fields a lead post carries: what the visitor typed, their result as the
/// `complete` event reports it (lists comma-separated; causes as `id:strength`), and
/// the link that reopens it.
fn lead_fields(content: &Content, lead: &Lead) -> Vec<(&'static str, String)> {
    let Lead {
        draft,
        outcome,
        result_link,
    } = lead;
    let report = outcome.report(content);
    let profile = report.profile;
    let causes: Vec<String> = report
        .causes
        .iter()
        .map(|cause| format!("{}:{}", cause.id, cause.strength.id()))
        .collect();
    vec![
        ("name", draft.name.trim().to_owned()),
        ("email", draft.email.trim().to_owned()),
        (
            "consent",
            if draft.consent { "yes" } else { "no" }.to_owned(),
        ),
        ("operating_level", report.operating_level.id().to_owned()),
        ("title_level", report.title_level.id().to_owned()),
        ("rung", report.rung.unwrap_or_default().to_owned()),
        ("verdict", report.verdict.id().to_owned()),
        (
            "split_with",
            report
                .split_with
                .map(|l| l.id())
                .unwrap_or_default()
                .to_owned(),
        ),
        ("implementation", profile.implementation.to_string()),
        ("unification", profile.unification.to_string()),
        ("communication", profile.communication.to_string()),
        ("causes", causes.join(",")),
        ("next_steps", report.next_steps.join(",")),
        ("cta", report.cta.to_owned()),
        ("result_link", result_link.clone()),
        ("quiz", format!("{}@{}", content.id, content.version)),
    ]
}
