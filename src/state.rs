//! The widget's one reducer. It only delegates to the engine's pure transition
//! function; storage, events and focus happen in effects, never here.

use std::rc::Rc;

use levels_engine::{Action, Content, Session};
use yew::Reducible;

use crate::shared::Shared;

/// The quiz state held by the root component.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizState {
    /// The content being run.
    pub content: Shared<Content>,
    /// Where the visitor is and what they answered.
    pub session: Session,
    /// Whether the visitor has acted in this page view; focus only moves after that,
    /// so a page load never pulls focus into the widget.
    pub interacted: bool,
}

impl QuizState {
    /// A fresh state on the intro screen.
    pub fn new(content: Shared<Content>) -> QuizState {
        QuizState {
            session: Session::new(&content),
            content,
            interacted: false,
        }
    }
}

impl Reducible for QuizState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Restoring and attribute changes are not the visitor acting: they must not
        // make later screens pull focus, nor cost a render when nothing changed.
        let by_visitor = !matches!(action, Action::Restore { .. } | Action::SetLead(_));
        let session = self.session.clone().apply(&self.content, action);
        let interacted = self.interacted || by_visitor;
        if session == self.session && interacted == self.interacted {
            return self;
        }
        Rc::new(QuizState {
            content: self.content.clone(),
            session,
            interacted,
        })
    }
}
