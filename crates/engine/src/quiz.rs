//! The quiz's state machine: where the visitor is and what they answered.
//!
//! One pure transition function, [`Session::apply`]. The widget's reducer only
//! delegates to it; storage, events and timers live elsewhere.

use crate::model::Content;
use crate::score::{score, Answers, Outcome};

/// Which screen the visitor is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    /// Before starting.
    Intro,
    /// On a question, by index.
    Question(usize),
    /// The optional lead form, before or after the result.
    Lead,
    /// Reading the result.
    Result,
}

/// Where the optional lead form sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LeadPlacement {
    /// No lead form.
    #[default]
    Off,
    /// After the last question, before the result.
    BeforeResults,
    /// Offered from the result.
    AfterResults,
}

/// Where a run opens: on the intro, or straight on the first question (when the page
/// around the quiz is its introduction).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Opening {
    /// The intro screen, with its start button.
    #[default]
    Intro,
    /// The first question; there is no intro to go back to.
    FirstQuestion,
}

/// What a visitor can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave the intro for the first question.
    Start,
    /// Pick an option of the current question.
    Choose {
        /// Question index; ignored unless it is the current question.
        question: usize,
        /// Option index.
        option: usize,
    },
    /// Go on to the next question, or to the result after the last one.
    Next,
    /// Go back one screen.
    Back,
    /// Forget every answer and return to where a run opens.
    Restart,
    /// Open the lead form from the result (when it comes after the results).
    OpenLead,
    /// Leave the lead form for the result, sent or skipped.
    LeaveLead,
    /// Change where the lead form sits; takes effect from the next step.
    SetLead(LeadPlacement),
    /// Change where a run opens. On the intro, opening on the first question moves
    /// there at once; elsewhere it takes effect from the next restart.
    SetOpening(Opening),
    /// Continue from saved answers (a reload or a shared link).
    Restore {
        /// One entry per question; extra, missing or invalid entries are dropped.
        answers: Vec<Option<usize>>,
        /// Where the visitor was. Kept when it is reachable with these answers (the
        /// result needs every answer, a question needs all before it); otherwise the
        /// first open question.
        screen: Screen,
    },
}

/// The visitor's progress through one quiz.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Session {
    screen: Screen,
    answers: Vec<Option<usize>>,
    /// Set when Next was pressed on an unanswered question, cleared by a choice.
    needs_answer: bool,
    /// Where the lead form sits.
    lead: LeadPlacement,
    /// Whether the visitor has been through the lead form in this run.
    lead_done: bool,
    /// Where a run opens.
    opening: Opening,
    /// Whether this run has begun (see [`Session::started`]).
    started: bool,
}

impl Session {
    /// A fresh session on the intro screen.
    pub fn new(content: &Content) -> Session {
        Session {
            screen: Screen::Intro,
            answers: vec![None; content.questions.len()],
            needs_answer: false,
            lead: LeadPlacement::Off,
            lead_done: false,
            opening: Opening::Intro,
            started: false,
        }
    }

    /// Where the lead form sits.
    pub fn lead(&self) -> LeadPlacement {
        self.lead
    }

    /// Where a run opens.
    pub fn opening(&self) -> Opening {
        self.opening
    }

    /// Whether the visitor has begun this run: pressed start on the intro, or, opening
    /// on the first question, chosen an answer. It stays so until the run is started
    /// over, whatever the visitor does in between (going back to the intro and starting
    /// again is the same run), so a run begins once. A restored run has begun when it
    /// holds an answer or, opening on the intro, is past it.
    pub fn started(&self) -> bool {
        self.started
    }

    /// The screen a fresh run opens on.
    fn first_screen(&self) -> Screen {
        match self.opening {
            Opening::Intro => Screen::Intro,
            Opening::FirstQuestion => Screen::Question(0),
        }
    }

    /// The current screen.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The chosen option per question so far.
    pub fn answers(&self) -> &[Option<usize>] {
        &self.answers
    }

    /// Whether the visitor tried to go on without answering.
    pub fn needs_answer(&self) -> bool {
        self.needs_answer
    }

    /// The complete answers, once every question has one.
    pub fn complete(&self, content: &Content) -> Option<Answers> {
        Answers::from_partial(content, &self.answers)
    }

    /// The outcome, once every question has an answer.
    pub fn outcome(&self, content: &Content) -> Option<Outcome> {
        self.complete(content)
            .map(|answers| score(content, &answers))
    }

    /// The session after `action`. Actions that make no sense where the visitor is
    /// (a choice for another question, Next without an answer) change nothing but
    /// the `needs_answer` flag, so a storm of clicks cannot corrupt the state.
    pub fn apply(mut self, content: &Content, action: Action) -> Session {
        let last = content.questions.len().saturating_sub(1);
        match (self.screen, action) {
            (Screen::Intro, Action::Start) => {
                self.screen = Screen::Question(0);
                self.started = true;
            }
            (Screen::Question(current), Action::Choose { question, option }) => {
                let valid = content
                    .questions
                    .get(question)
                    .is_some_and(|q| option < q.options.len());
                if question == current && valid {
                    if let Some(slot) = self.answers.get_mut(question) {
                        *slot = Some(option);
                    }
                    self.needs_answer = false;
                    self.started = true;
                }
            }
            (Screen::Question(current), Action::Next) => {
                if self.answers.get(current).copied().flatten().is_none() {
                    self.needs_answer = true;
                } else if current >= last {
                    // Every earlier question was answered on the way here.
                    self.screen = if self.complete(content).is_none() {
                        self.first_open()
                    } else if self.lead == LeadPlacement::BeforeResults && !self.lead_done {
                        Screen::Lead
                    } else {
                        Screen::Result
                    };
                } else {
                    self.screen = Screen::Question(current + 1);
                }
            }
            (Screen::Question(0), Action::Back) => {
                self.screen = self.first_screen();
                self.needs_answer = false;
            }
            (Screen::Question(current), Action::Back) => {
                self.screen = Screen::Question(current - 1);
                self.needs_answer = false;
            }
            (Screen::Result | Screen::Lead, Action::Back) => {
                self.screen = Screen::Question(last);
            }
            (Screen::Result, Action::OpenLead) if self.lead == LeadPlacement::AfterResults => {
                self.screen = Screen::Lead;
            }
            (Screen::Lead, Action::LeaveLead) => {
                self.lead_done = true;
                self.screen = Screen::Result;
            }
            (_, Action::SetLead(lead)) => {
                self.lead = lead;
                if lead == LeadPlacement::Off && self.screen == Screen::Lead {
                    self.screen = Screen::Result;
                }
            }
            (screen, Action::SetOpening(opening)) => {
                self.opening = opening;
                if screen == Screen::Intro {
                    self.screen = self.first_screen();
                }
            }
            (_, Action::Restart) => return self.fresh(content),
            (_, Action::Restore { answers, screen }) => {
                let mut restored = self.fresh(content);
                for ((slot, saved), question) in restored
                    .answers
                    .iter_mut()
                    .zip(answers)
                    .zip(&content.questions)
                {
                    *slot = saved.filter(|o| *o < question.options.len());
                }
                let open = restored.answers.iter().position(Option::is_none);
                restored.screen = match (screen, open) {
                    (Screen::Intro, _) => restored.first_screen(),
                    (Screen::Result, None) => Screen::Result,
                    (Screen::Lead, None) if restored.lead != LeadPlacement::Off => Screen::Lead,
                    (Screen::Question(q), Some(open)) if q <= open => Screen::Question(q),
                    (Screen::Question(q), None) if q <= last => Screen::Question(q),
                    _ => restored.first_open(),
                };
                restored.lead_done = restored.screen == Screen::Result;
                let answered = restored.answers.iter().any(Option::is_some);
                restored.started = answered
                    || (restored.opening == Opening::Intro && restored.screen != Screen::Intro);
                return restored;
            }
            _ => {}
        }
        self
    }

    /// A new run with the same settings (where the lead form sits, where a run opens).
    fn fresh(&self, content: &Content) -> Session {
        let mut fresh = Session::new(content);
        fresh.lead = self.lead;
        fresh.opening = self.opening;
        fresh.screen = fresh.first_screen();
        fresh
    }

    /// The first unanswered question, or the last one when all are answered.
    fn first_open(&self) -> Screen {
        let open = self.answers.iter().position(Option::is_none);
        Screen::Question(open.unwrap_or(self.answers.len().saturating_sub(1)))
    }
}
