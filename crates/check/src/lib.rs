//! The content checker for a marketer's own content file, as its own small wasm.
//!
//! The widget reads content only in packed form ([`levels_engine::pack`]); the bundle's
//! languages are checked and packed at build time. A content file given to the element
//! (inline or by its `content` attribute) is checked here, in the visitor's browser,
//! and only when there is one: `js/levels-quiz.js` imports this module on demand, so
//! the default path never downloads the checker.

use levels_engine::{load_with_warnings, pack, Json};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Checks a content file's JSON text. Returns `{ bytes, warnings }`: the content packed
/// for the widget (a `Uint8Array`) and what its author should know though it loads (an
/// array of strings, each with where it is); or throws an array of strings: every
/// problem found, each with where it is.
#[wasm_bindgen]
pub fn check(text: &str) -> Result<JsValue, JsValue> {
    let value = js_sys::JSON::parse(text).map_err(|err| {
        let message = String::from(js_sys::Error::from(err).message());
        lines([format!("not valid JSON: {message}")])
    })?;
    let (loaded, warnings) = load_with_warnings(&to_json(&value));
    let content =
        loaded.map_err(|error| lines(error.problems().iter().map(ToString::to_string)))?;
    let checked = js_sys::Object::new();
    let bytes = js_sys::Uint8Array::from(pack(&content).as_slice());
    js_sys::Reflect::set(&checked, &"bytes".into(), &bytes)?;
    let warnings = lines(warnings.iter().map(ToString::to_string));
    js_sys::Reflect::set(&checked, &"warnings".into(), &warnings)?;
    Ok(checked.into())
}

/// A JavaScript array of strings.
fn lines(lines: impl IntoIterator<Item = String>) -> JsValue {
    lines
        .into_iter()
        .map(JsValue::from)
        .collect::<js_sys::Array>()
        .into()
}

/// Deeper than any content file needs; deeper values become `null` (which the loader
/// then reports where it expected something), so hostile nesting cannot exhaust the
/// wasm stack.
const MAX_DEPTH: usize = 32;

/// What `JSON.parse` returned, as the engine's [`Json`]. Converted by hand rather than
/// through serde, whose generic deserializer would cost more than the loader.
/// Objects keep `Object.entries` order, as a serde conversion would.
fn to_json(value: &JsValue) -> Json {
    convert(value, 0)
}

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
