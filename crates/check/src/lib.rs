//! The content checker for a content file of one's own, as its own small wasm.
//!
//! The widget reads content only in packed form ([`levels_engine::pack`]); the bundle's
//! languages are checked and packed at build time. A content file given to the element
//! (inline or by its `content` attribute) is checked here, in the visitor's browser,
//! and only when there is one: `js/levels-quiz.js` imports this module on demand, so
//! the default path never downloads the checker. It parses with the browser's
//! `JSON.parse`.
//!
//! With the `preview` feature it is the preview page's wasm (`js/preview.js`,
//! `levels-quiz-preview_bg.wasm`): [`check`] parses with the engine's own parser, as
//! `levels-content check` does, so a syntax error names its line and column and a
//! repeated key is reported, and [`explore`] serves the result explorer.

#[cfg(feature = "preview")]
mod explore;

#[cfg(feature = "preview")]
pub use explore::{explain, Explanation};

#[cfg(not(feature = "preview"))]
use levels_engine::Json;
use levels_engine::{pack, Content, LoadError, Problem};
use wasm_bindgen::prelude::*;
#[cfg(not(feature = "preview"))]
use wasm_bindgen::JsCast;

/// What the loader makes of a text: the content or its problems, and its warnings.
type Loaded = (Result<Content, LoadError>, Vec<Problem>);

/// Checks a content file's JSON text. Returns `{ bytes, warnings }`: the content packed
/// for the widget (a `Uint8Array`) and what its author should know though it loads (an
/// array of strings, each with where it is); or throws an array of strings: every
/// problem found, each with where it is (with `preview`, a syntax error with its line
/// and column: `line 3, column 5: not valid JSON: …`).
#[wasm_bindgen]
pub fn check(text: &str) -> Result<JsValue, JsValue> {
    let (loaded, warnings) = load(text)?;
    let content =
        loaded.map_err(|error| lines(error.problems().iter().map(ToString::to_string)))?;
    let checked = js_sys::Object::new();
    let bytes = js_sys::Uint8Array::from(pack(&content).as_slice());
    js_sys::Reflect::set(&checked, &"bytes".into(), &bytes)?;
    let warnings = lines(warnings.iter().map(ToString::to_string));
    js_sys::Reflect::set(&checked, &"warnings".into(), &warnings)?;
    Ok(checked.into())
}

/// What the loader makes of the text: through the engine's parser.
#[cfg(feature = "preview")]
fn load(text: &str) -> Result<Loaded, JsValue> {
    Ok(levels_engine::load_str_with_warnings(text))
}

/// What the loader makes of the text: through `JSON.parse`, whose own message says
/// where a syntax error is.
#[cfg(not(feature = "preview"))]
fn load(text: &str) -> Result<Loaded, JsValue> {
    let value = js_sys::JSON::parse(text).map_err(|err| {
        let message = String::from(js_sys::Error::from(err).message());
        lines([format!("not valid JSON: {message}")])
    })?;
    Ok(levels_engine::load_with_warnings(&to_json(&value)))
}

/// Scores one set of answers against a content file's JSON text, for the preview
/// page's result explorer. `answers` holds one option id per question, in question
/// order; a missing or unknown one counts as the question's first option. Returns
/// [`Explanation`] as JSON text (the questions and their options, the answers used,
/// and what the result shows), or throws the problems as [`check`] does.
#[cfg(feature = "preview")]
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

#[cfg(not(feature = "preview"))]
/// Deeper than any content file needs; deeper values become `null` (which the loader
/// then reports where it expected something), so hostile nesting cannot exhaust the
/// wasm stack.
const MAX_DEPTH: usize = 32;

/// What `JSON.parse` returned, as the engine's [`Json`]. Converted by hand rather than
/// through serde, whose generic deserializer would cost more than the loader.
/// Objects keep `Object.entries` order, as a serde conversion would.
#[cfg(not(feature = "preview"))]
fn to_json(value: &JsValue) -> Json {
    convert(value, 0)
}

#[cfg(not(feature = "preview"))]
fn convert(value: &JsValue, depth: usize) -> Json {
    if depth > MAX_DEPTH {
        Json::Null
    } else if let Some(flag) = value.as_bool() {
        Json::Bool(flag)
    } else if let Some(number) = value.as_f64() {
        Json::Number(number)
    } else if let Some(text) = value.as_string() {
        Json::String(text)
    } else if js_sys::Array::is_array(value) {
        let items = js_sys::Array::from(value);
        Json::Array(items.iter().map(|item| convert(&item, depth + 1)).collect())
    } else if let Some(object) = value.dyn_ref::<js_sys::Object>() {
        let fields = js_sys::Object::entries(object)
            .iter()
            .map(|entry| {
                let entry = js_sys::Array::from(&entry);
                (
                    entry.get(0).as_string().unwrap_or_default(),
                    convert(&entry.get(1), depth + 1),
                )
            })
            .collect();
        Json::Object(fields)
    } else {
        Json::Null
    }
}
