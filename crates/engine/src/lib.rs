//! The levels-of-value assessment engine.
//!
//! It loads quiz content (questions, weights, texts) from JSON, validates it with a
//! located message for every problem, scores a visitor's answers into an
//! [`Outcome`], and runs the quiz's state machine ([`Session`]). It knows nothing of
//! the browser: no DOM, no storage, no JavaScript.
//!
//! ```
//! let content = levels_engine::load_str(levels_engine::DEFAULT_CONTENT)?;
//! let ids: Vec<&str> = content.questions.iter().map(|q| q.options[0].id.as_str()).collect();
//! let answers = levels_engine::Answers::from_ids(&content, &ids)?;
//! let outcome = levels_engine::score(&content, &answers);
//! let p = outcome.profile;
//! assert_eq!(u32::from(p.implementation) + u32::from(p.unification) + u32::from(p.communication), 100);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![deny(missing_docs)]

mod error;
mod history;
mod json;
mod load;
mod model;
mod pack;
mod quiz;
mod score;
mod share;
mod ui;

pub use error::{LoadError, Problem};
pub use history::{movement, Day, Earlier, History, Movement, MAX_REMEMBERED};
#[cfg(feature = "json")]
pub use json::parse;
pub use json::{Json, SyntaxError};
pub use load::{load, load_with_warnings, FORMAT, MAX_OPTIONS, MAX_QUESTIONS, MAX_WEIGHT};
#[cfg(feature = "json")]
pub use load::{load_str, load_str_with_warnings};
pub use model::*;
pub use pack::{
    fill_result_texts, lacks_result_texts, pack, split_result_texts, unpack, HEADER as PACK_HEADER,
};
pub use quiz::{Action, LeadPlacement, Opening, Screen, Session};
pub use score::{
    score, Answers, CauseFinding, CauseReport, Outcome, Profile, Report, Strength, MAX_PATTERNS,
    MAX_STEPS, MIN_STEPS,
};
pub use share::{decode_link, decode_progress, encode_link, encode_progress, LinkError};
pub use ui::{fill, Ui};

/// The built-in English quiz, as shipped in `content/en.json`.
pub const DEFAULT_CONTENT: &str = include_str!("../../../content/en.json");

/// URL schemes a call-to-action link may use; anything else (`javascript:`, `data:`)
/// could run code on the host page.
pub const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// The scheme of a link as a browser reads it (ASCII tabs and newlines removed,
/// lowercased), or `None` for a relative link or a `#fragment`.
///
/// ```
/// use levels_engine::link_scheme;
/// assert_eq!(link_scheme("https://coach.example/book").as_deref(), Some("https"));
/// assert_eq!(link_scheme(" Java\tScript:alert(1)").as_deref(), Some("javascript"));
/// assert_eq!(link_scheme("#book"), None);
/// assert_eq!(link_scheme("book.html?a=b:c"), None);
/// ```
pub fn link_scheme(href: &str) -> Option<String> {
    let cleaned: String = href
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, _) = cleaned.split_once(':')?;
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}
