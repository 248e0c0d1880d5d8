//! The widget's one reducer. It delegates the session to the engine's pure transition
//! function, and keeps what the widget adds around it (the unreadable share link, the
//! lead form's draft and status, where the deferred code stands and the content it
//! filled in); storage, events, focus and fetching happen in effects, never here.

use std::rc::Rc;

use levels_engine::{Action, Content, LinkError, Session};
use yew::Reducible;

use crate::later::{self, Later};
use crate::lead::{LeadDraft, LeadStatus};
use crate::shared::Shared;

/// The quiz state held by [`crate::app::Quiz`], the root component.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizState {
    /// The content being run.
    pub content: Shared<Content>,
    /// Where the visitor is and what they answered.
    pub session: Session,
    /// Whether the visitor has acted in this page view; focus only moves after that,
    /// so a page load never pulls focus into the widget.
    pub interacted: bool,
    /// A shared link in the page's URL that could not be read: a notice above the
    /// intro, until the visitor starts (or starts over).
    pub link_error: Option<LinkError>,
    /// What the visitor typed into the lead form.
    pub lead_draft: LeadDraft,
    /// Where their lead stands.
    pub lead_status: LeadStatus,
    /// Where the deferred code (scoring, the result, the lead form) stands.
    pub later: Later,
    /// The content with every text: at once where nothing is split off (test
    /// builds, whose quiz and its texts are linked in), else once the deferred code
    /// and the language's texts came.
    pub whole: Option<Shared<Content>>,
}

/// What changes a [`QuizState`].
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A quiz action, for the engine's session.
    Quiz(Action),
    /// The lead form was edited.
    LeadDraft(LeadDraft),
    /// The lead moved on (sending, sent, failed).
    LeadStatus(LeadStatus),
    /// The page started the widget over (`restart()`): the quiz, and the lead form.
    Reset,
    /// The deferred code is on its way, or could not be fetched.
    Later(Later),
    /// The deferred code arrived, with the content's later texts.
    Arrived(Shared<Content>),
    /// The visitor asked to fetch the deferred code again ("Try again"): acting, as
    /// much as choosing an answer is.
    Retry,
}

impl QuizState {
    /// A fresh state on the intro screen.
    pub fn new(content: Shared<Content>) -> QuizState {
        let whole = later::whole_now(&content);
        QuizState {
            later: if whole.is_some() {
                Later::Ready
            } else {
                Later::Idle
            },
            whole,
            session: Session::new(&content),
            content,
            interacted: false,
            link_error: None,
            lead_draft: LeadDraft::default(),
            lead_status: LeadStatus::Draft,
        }
    }

    /// The state after a quiz action.
    fn act(mut self, action: Action) -> QuizState {
        // Restoring and attribute changes are not the visitor acting: they must not
        // make later screens pull focus, nor cost a render when nothing changed.
        self.interacted |= !matches!(action, Action::Restore { .. } | Action::SetLead(_));
        if matches!(action, Action::Start | Action::Restart) {
            self.link_error = None;
        }
        self.session = self.session.apply(&self.content, action);
        self
    }
}

impl Reducible for QuizState {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            Change::Quiz(action) => next = next.act(action),
            Change::LeadDraft(draft) => next.lead_draft = draft,
            Change::LeadStatus(status) => next.lead_status = status,
            Change::Later(later) => next.later = later,
            Change::Arrived(whole) => {
                next.whole = Some(whole);
                next.later = Later::Ready;
            }
            Change::Retry => next.interacted = true,
            Change::Reset => {
                next = next.act(Action::Restart);
                next.lead_draft = LeadDraft::default();
                next.lead_status = LeadStatus::Draft;
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
