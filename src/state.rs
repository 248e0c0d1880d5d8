//! The widget's one reducer. It delegates the session to the engine's pure transition
//! function, and keeps what the widget adds around it (the unreadable share link, the
//! lead form's draft and status, where the result's code stands, the earlier result
//! the result compares with); storage, events, focus and fetching happen in effects,
//! never here.

use std::rc::Rc;

use levels_engine::{Action, Content, Earlier, Screen, Session};
use yew::Reducible;

use crate::chunk::Chunk;
use crate::lead::{LeadDraft, LeadStatus};
use crate::shared::Shared;

/// The quiz state held by [`crate::app::Quiz`], the root component.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizState {
    /// The content being run (for a language file of the bundle, without the result's
    /// texts: those come with the chunk, [`Chunk::Arrived`]).
    pub content: Shared<Content>,
    /// Where the visitor is and what they answered.
    pub session: Session,
    /// Whether the visitor has acted in this page view; focus only moves after that,
    /// so a page load never pulls focus into the widget.
    pub interacted: bool,
    /// What the visitor is told above where the quiz opens, until they start (or
    /// start over).
    pub notice: Option<Notice>,
    /// What the visitor typed into the lead form.
    pub lead_draft: LeadDraft,
    /// Where their lead stands.
    pub lead_status: LeadStatus,
    /// Where the result's code (scoring, the result, the lead form) stands.
    pub chunk: Chunk,
    /// The answers on screen came from a share link: someone else's result, neither
    /// remembered nor compared, until the visitor starts (or starts over).
    pub from_link: bool,
    /// What the result compares with: the visitor's earlier result, remembered on
    /// their device (set on arriving at the result, from an effect).
    pub comparison: Comparison,
}

/// Why the quiz opens afresh when the page asked for more: told above where it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// The page's share link could not be read (cut short, changed, or made for
    /// another version of the quiz).
    UnreadableLink,
    /// Progress saved by an earlier version of the quiz was found: this version cannot
    /// read its answers.
    OutdatedProgress,
}

/// What the result compares with.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Comparison {
    /// Nothing: no earlier result, storage unavailable, `persist` off, or not asked yet.
    #[default]
    Nothing,
    /// The visitor's earlier result (shared: the state is cloned on every change).
    With(Shared<Earlier>),
    /// The visitor just had their earlier results forgotten: the result says so.
    Forgotten,
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
    /// The result's code is on its way, came, or could not be fetched.
    Chunk(Chunk),
    /// The visitor asked to fetch the result's code again ("Try again"): acting, as
    /// much as choosing an answer is.
    Retry,
    /// What the result compares with changed (found on arrival, or forgotten).
    Comparison(Comparison),
}

/// Whether `screen` shows what only the chunk can build.
pub fn needs_chunk(screen: Screen) -> bool {
    matches!(screen, Screen::Lead | Screen::Result)
}

impl QuizState {
    /// A fresh state on the intro screen (the root applies where a run opens), with the chunk not asked for (arrived at
    /// once where it is linked in and the content has its result texts: test builds).
    pub fn new(content: Shared<Content>) -> QuizState {
        QuizState {
            chunk: if cfg!(feature = "split") || levels_engine::lacks_result_texts(&content) {
                Chunk::NotAsked
            } else {
                Chunk::Arrived(content.clone())
            },
            session: Session::new(&content),
            content,
            interacted: false,
            notice: None,
            lead_draft: LeadDraft::default(),
            lead_status: LeadStatus::Draft,
            from_link: false,
            comparison: Comparison::Nothing,
        }
    }

    /// The state after a quiz action.
    fn act(mut self, action: Action) -> QuizState {
        // Restoring and attribute changes are not the visitor acting: they must not
        // make later screens pull focus, nor cost a render when nothing changed.
        self.interacted |= !matches!(
            action,
            Action::Restore { .. } | Action::SetLead(_) | Action::SetOpening(_)
        );
        if matches!(action, Action::Start | Action::Restart) {
            self.notice = None;
            self.from_link = false;
            self.comparison = Comparison::Nothing;
        }
        let before = self.session.screen();
        self.session = self.session.apply(&self.content, action);
        // A fetch ahead of time failed while the visitor answered: arriving where the
        // code is needed asks once more (after that, "Try again" does).
        if self.chunk == Chunk::Failed && needs_chunk(self.session.screen()) && !needs_chunk(before)
        {
            self.chunk = Chunk::NotAsked;
        }
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
            Change::Chunk(chunk) => next.chunk = chunk,
            Change::Comparison(comparison) => next.comparison = comparison,
            Change::Retry => {
                next.interacted = true;
                next.chunk = Chunk::NotAsked;
            }
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
