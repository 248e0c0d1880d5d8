//! What the widget needs from the page it runs on: the [`Platform`], and its
//! [`EndingServices`] for the end of a run.
//!
//! Components and the root never touch `window`, storage or the network directly: they
//! ask the [`Platform`]. In the browser it is `embed::BrowserPlatform`; natively it is
//! [`Offline`], which does nothing, or a test's own page. This keeps every side effect
//! at the root, and lets the whole widget render on a server.
//!
//! The two traits are apart for the download's sake: only the result's code (the
//! chunk) asks for the [`EndingServices`] ([`Platform::ending`]), and the browser's
//! answer to that is itself an entry point of the chunk, so their code (the result's
//! event, the call to action's link, the lead post, sharing, printing, the date of a
//! remembered result) ships there,
//! not before the first question. [`Platform::ending`] has no default: a page that
//! does not provide them does not compile.

use std::future::Future;
use std::pin::Pin;

use levels_engine::{Content, Day, Outcome};
use yew::Callback;

use crate::lead::Lead;
use crate::shared::Shared;

/// A moment of the questions the host page may want to hear about.
#[derive(Debug, Clone, PartialEq)]
pub enum QuizEvent {
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
pub enum EndingEvent {
    /// The result is shown.
    Complete(Shared<Outcome>),
    /// The visitor followed the call to action.
    Cta(Shared<Outcome>),
    /// The visitor sent the lead form.
    Lead(Lead),
}

/// A file on its way: its bytes, or `None` when it could not be had.
pub type Fetching = Pin<Box<dyn Future<Output = Option<Vec<u8>>>>>;

/// The page's services up to the questions, and the way to those of the end of a run.
/// Every method is required, so a page that leaves one out does not compile.
pub trait Platform {
    /// Tells the page about a moment (DOM event, and analytics when enabled).
    fn emit(&self, content: &Content, event: &QuizEvent);
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
    fn after_paint(&self, done: Callback<()>);
    /// Moves keyboard focus to the current screen's heading (it carries
    /// `tabindex="-1"`), so keyboard and screen-reader users land on a new screen.
    fn focus_screen(&self);
    /// Opens popup mode's dialog, as its trigger does (a shared link was opened: its
    /// result shows at once).
    fn open_dialog(&self);
    /// Fetches the result's texts of a quiz that came without them (a language file
    /// of the bundle: its `.result.bin`), starting at once; `None` when the fetch
    /// failed or there is nothing to fetch.
    fn fetch_result_texts(&self) -> Fetching;
    /// Tells whoever set the page up that the result's texts it fetched do not fit the
    /// quiz (a file from another release or quiz version), and fetches them past the
    /// browser's cache next time. The visitor is told only that the result could not
    /// be loaded, with "Try again".
    fn result_texts_mismatch(&self);
    /// The page's services for the end of a run. Called only by the result's code.
    fn ending(&self) -> &dyn EndingServices;
}

/// The page's services at the end of a run: the result screen and the lead form.
pub trait EndingServices {
    /// Tells the page about a moment (DOM event, and analytics when enabled).
    fn emit(&self, content: &Content, event: &EndingEvent);
    /// A URL of this page that opens the result for `code`.
    fn share_url(&self, code: &str) -> String;
    /// Gives the widget the result's stylesheet `css` ([`crate::ending::STYLESHEET`],
    /// passed in so that only the chunk's code names it), after its own, as the result
    /// or the lead form is first built (before Yew writes it); once per mount, since a
    /// mount resets the shadow root's sheets.
    fn adopt_result_stylesheet(&self, css: &str);
    /// Copies text to the clipboard; `done(true)` on success.
    fn copy(&self, text: &str, done: Callback<bool>);
    /// Opens the browser's print dialog for this widget's result.
    fn print(&self);
    /// The call to action's URL: `base` with `params` and the page's `utm_*` added.
    fn cta_href(&self, base: &str, params: &[(&str, &str)]) -> String;
    /// Posts the lead form to `url`; `done(true)` when the server accepted it.
    fn post_lead(&self, url: &str, fields: &[(&str, &str)], done: Callback<bool>);
    /// Today, on the visitor's device (for remembering a result); `None` when unknown.
    fn today(&self) -> Option<Day>;
    /// `day` written out for readers of `language` (e.g. "March 3, 2025").
    fn format_day(&self, day: Day, language: &str) -> String;
}

/// A platform with no page: nothing is stored, sent or announced.
#[derive(Debug, Default)]
pub struct Offline;

impl Platform for Offline {
    fn emit(&self, _: &Content, _: &QuizEvent) {}
    fn load(&self, _: &str) -> Option<String> {
        None
    }
    fn save(&self, _: &str, _: &str) {}
    fn forget(&self, _: &str) {}
    fn shared_code(&self) -> Option<String> {
        None
    }
    fn set_language(&self, _: &str) {}
    fn after_paint(&self, done: Callback<()>) {
        done.emit(());
    }
    fn focus_screen(&self) {}
    fn open_dialog(&self) {}
    fn fetch_result_texts(&self) -> Fetching {
        Box::pin(std::future::ready(None))
    }
    fn result_texts_mismatch(&self) {}
    fn ending(&self) -> &dyn EndingServices {
        self
    }
}

impl EndingServices for Offline {
    fn emit(&self, _: &Content, _: &EndingEvent) {}
    fn share_url(&self, code: &str) -> String {
        format!("#levels-quiz={code}")
    }
    fn adopt_result_stylesheet(&self, _: &str) {}
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
    fn today(&self) -> Option<Day> {
        None
    }
    // Never asked: with no `today`, nothing is remembered, so there is no day to write
    // (and none of the formatting code ships before the first question, where
    // `Platform::ending`'s fallback names this).
    fn format_day(&self, _: Day, _: &str) -> String {
        String::new()
    }
}
