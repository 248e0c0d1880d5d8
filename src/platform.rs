//! What the widget needs from the page it runs on, behind two traits.
//!
//! Components and the root never touch `window`, storage or the network directly:
//! they ask the [`Platform`] (up to the questions) and its [`Finishing`] services (the
//! end of a run). In the browser both are `embed::BrowserPlatform`; natively they are
//! [`Offline`], which does nothing, or a test's own page. This keeps every side effect
//! at the root, and lets the whole widget render on a server.
//!
//! The two are apart for the download's sake: only the deferred chunk (`later`)
//! reaches the browser's [`Finishing`] services, through [`finishing`], so their code
//! (the result's event, the call to action's link, the lead post, sharing, printing,
//! a language's later texts) ships in the chunk, not before the first question.

use std::any::Any;

use levels_engine::{Content, Outcome};
use yew::Callback;

use crate::lead::LeadDraft;
use crate::shared::Shared;

/// A moment of the questions the host page may want to hear about.
#[derive(Debug, Clone, PartialEq)]
pub enum WidgetEvent {
    /// The visitor left the intro.
    Start,
    /// The visitor chose an option.
    Answer {
        /// Question index.
        question: usize,
        /// Option index.
        option: usize,
    },
}

/// A moment of the end of a run the host page may want to hear about.
#[derive(Debug, Clone, PartialEq)]
pub enum FinishEvent {
    /// The result is shown.
    Complete(Shared<Outcome>),
    /// The visitor followed the call to action.
    Cta(Shared<Outcome>),
    /// The visitor sent the lead form.
    Lead(LeadDraft, Shared<Outcome>),
}

/// The page's services up to the questions.
pub trait Platform: Any {
    /// Tells the page about a moment (DOM event, and analytics when enabled).
    fn emit(&self, content: &Content, event: &WidgetEvent);
    /// Reads a saved value; `None` when absent or storage is unavailable.
    fn load(&self, key: &str) -> Option<String>;
    /// Saves a value; failures (blocked or full storage) are ignored.
    fn save(&self, key: &str, value: &str);
    /// Removes a saved value.
    fn forget(&self, key: &str);
    /// The share code in the page's URL (`#levels-quiz=CODE`), if any.
    fn shared_code(&self) -> Option<String>;
    /// Switches the element to another of the bundle's languages.
    fn set_language(&self, code: &str);
    /// Calls `done` once what was just rendered has been painted where the visitor can
    /// see it and the page is idle: in popup mode, not before the dialog is open (at
    /// once where nothing paints).
    fn after_paint(&self, done: Callback<()>) {
        done.emit(());
    }
    /// Moves keyboard focus to the current screen's heading (it carries
    /// `tabindex="-1"`), so keyboard and screen-reader users land on a new screen.
    fn focus_screen(&self) {}
    /// Opens popup mode's dialog, as its trigger does (a shared link was opened: its
    /// result shows at once).
    fn open_dialog(&self) {}
    /// The end of a run's services of a platform that brings its own (a test's page);
    /// `None` leaves them to [`finishing`]. The browser's are found there instead, so
    /// that nothing before the first question refers to them.
    fn own_finishing(&self) -> Option<&dyn Finishing> {
        None
    }
}

/// The page's services at the end of a run: the result screen and the lead form.
pub trait Finishing {
    /// Tells the page about a moment (DOM event, and analytics when enabled).
    fn emit(&self, content: &Content, event: &FinishEvent);
    /// A URL of this page that opens the result for `code`.
    fn share_url(&self, code: &str) -> String;
    /// Copies text to the clipboard; `done(true)` on success.
    fn copy(&self, text: &str, done: Callback<bool>);
    /// Opens the browser's print dialog for this widget's result.
    fn print(&self);
    /// The call to action's URL: `base` with `params` and the page's `utm_*` added.
    fn cta_href(&self, base: &str, params: &[(&str, &str)]) -> String;
    /// Posts the lead form to `url`; `done(true)` when the server accepted it.
    fn post_lead(&self, url: &str, fields: &[(&str, &str)], done: Callback<bool>);
    /// Fetches the later texts (the later questions' and the result's) of a quiz that
    /// came without them (a language file of the bundle); `done(None)` when there are none to fetch or the fetch failed.
    fn fetch_report(&self, done: Callback<Option<Vec<u8>>>) {
        done.emit(None);
    }
    /// Tells whoever set the page up that the texts [`Finishing::fetch_report`] gave do
    /// not fit the quiz (a file from another release or quiz version), and lets them go:
    /// the next fetch asks the server again. The visitor is told only that this part of
    /// the quiz could not be loaded, with "Try again".
    fn report_mismatch(&self) {}
    /// Gives the widget the result's stylesheet ([`crate::finish::STYLESHEET`]), after
    /// its own, as the result or the lead form is first built (before Yew writes it);
    /// once per mount, since a mount resets the shadow root's sheets.
    fn adopt_result_stylesheet(&self) {}
}

/// The end of a run's services of `platform`: the browser's, its own
/// ([`Platform::own_finishing`]), or none ([`Offline`]). Called only from the deferred
/// chunk's code, so that the browser's implementation ships there.
pub fn finishing(platform: &dyn Platform) -> &dyn Finishing {
    #[cfg(target_arch = "wasm32")]
    {
        let any: &dyn Any = platform;
        if let Some(browser) = any.downcast_ref::<crate::embed::BrowserPlatform>() {
            return browser;
        }
    }
    platform.own_finishing().unwrap_or(&Offline)
}

/// A platform with no page: nothing is stored, sent or announced.
#[derive(Debug, Default)]
pub struct Offline;

impl Platform for Offline {
    fn emit(&self, _: &Content, _: &WidgetEvent) {}
    fn load(&self, _: &str) -> Option<String> {
        None
    }
    fn save(&self, _: &str, _: &str) {}
    fn forget(&self, _: &str) {}
    fn shared_code(&self) -> Option<String> {
        None
    }
    fn set_language(&self, _: &str) {}
}

impl Finishing for Offline {
    fn emit(&self, _: &Content, _: &FinishEvent) {}
    fn share_url(&self, code: &str) -> String {
        format!("#levels-quiz={code}")
    }
    fn copy(&self, _: &str, done: Callback<bool>) {
        done.emit(false);
    }
    fn print(&self) {}
    fn cta_href(&self, base: &str, _: &[(&str, &str)]) -> String {
        base.to_owned()
    }
    fn post_lead(&self, _: &str, _: &[(&str, &str)], done: Callback<bool>) {
        done.emit(false);
    }
}
