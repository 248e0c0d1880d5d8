//! The content checker for a content file of one's own, as its own small wasm.
//!
//! The widget reads content only in packed form ([`levels_engine::pack`]); the bundle's
//! languages are checked and packed at build time. A content file given to the element
//! (inline or by its `content` attribute) is checked here, in the visitor's browser,
//! and only when there is one: `js/levels-quiz.js` imports this module on demand, so
//! the default path never downloads the checker. The preview page (`js/preview.js`)
//! uses it too: [`check`] for the problems, [`explore`] for the result explorer.
//!
//! The text is parsed by the engine's own parser, as `levels-content check` does, so
//! a syntax error names its line and column, and a repeated key is reported.

mod explore;

pub use explore::{explain, Explanation};

use levels_engine::{load_str_with_warnings, pack};
use wasm_bindgen::prelude::*;

/// Checks a content file's JSON text. Returns `{ bytes, warnings }`: the content packed
/// for the widget (a `Uint8Array`) and what its author should know though it loads (an
/// array of strings, each with where it is); or throws an array of strings: every
/// problem found, each with where it is (a syntax error with its line and column:
/// `line 3, column 5: not valid JSON: …`).
#[wasm_bindgen]
pub fn check(text: &str) -> Result<JsValue, JsValue> {
    let (loaded, warnings) = load_str_with_warnings(text);
    let content =
        loaded.map_err(|error| lines(error.problems().iter().map(ToString::to_string)))?;
    let checked = js_sys::Object::new();
    let bytes = js_sys::Uint8Array::from(pack(&content).as_slice());
    js_sys::Reflect::set(&checked, &"bytes".into(), &bytes)?;
    let warnings = lines(warnings.iter().map(ToString::to_string));
    js_sys::Reflect::set(&checked, &"warnings".into(), &warnings)?;
    Ok(checked.into())
}

/// Scores one set of answers against a content file's JSON text, for the preview
/// page's result explorer. `answers` holds one option id per question, in question
/// order; a missing or unknown one counts as the question's first option. Returns
/// [`Explanation`] as JSON text (the questions and their options, the answers used,
/// and what the result shows), or throws the problems as [`check`] does.
#[wasm_bindgen]
pub fn explore(text: &str, answers: Vec<String>) -> Result<String, JsValue> {
    let answers: Vec<&str> = answers.iter().map(String::as_str).collect();
    let explanation = explain(text, &answers).map_err(lines)?;
    serde_json::to_string(&explanation).map_err(|err| lines([err.to_string()]))
}

/// A JavaScript array of strings.
fn lines(lines: impl IntoIterator<Item = String>) -> JsValue {
    lines
        .into_iter()
        .map(JsValue::from)
        .collect::<js_sys::Array>()
        .into()
}
