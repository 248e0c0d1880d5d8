//! The browser entry point: `mount` renders the widget into a custom element's
//! shadow root. The element itself is a small JavaScript class (`js/levels-quiz.js`),
//! because wasm-bindgen cannot define custom elements.

use levels_engine::{load, Json, LoadError, Problem, Report};
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement, ShadowRoot};
use yew::{AppHandle, Callback, Renderer};

use crate::app::{Root, RootProps, Source, WidgetEvent};
use crate::shared::Shared;

/// A mounted widget; `destroy` unmounts it and frees its memory.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<AppHandle<Root>>,
}

#[wasm_bindgen]
impl Widget {
    /// Unmounts the widget. Calling it twice is harmless.
    pub fn destroy(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
    }
}

/// Renders the widget into `shadow`, dispatching its events on `host`.
///
/// `content_json` is the content as text; `None` uses the built-in quiz.
#[wasm_bindgen]
pub fn mount(
    shadow: ShadowRoot,
    host: HtmlElement,
    content_json: Option<String>,
) -> Result<Widget, JsValue> {
    adopt_stylesheet(&shadow)?;
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
    let container = document.create_element("div")?;
    container.set_class_name("lq-root");
    container.set_attribute("part", "root")?;
    shadow.append_child(&container)?;

    let text = content_json.unwrap_or_else(|| levels_engine::DEFAULT_CONTENT.to_owned());
    let source = match parse_and_load(&text) {
        Ok(content) => Source::Ready(Shared::new(content)),
        Err(error) => Source::Broken(Shared::new(error)),
    };
    let content = match &source {
        Source::Ready(content) => Some(content.clone()),
        Source::Broken(_) => None,
    };
    if let Source::Broken(error) = &source {
        let detail = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&detail, &"code".into(), &"content-invalid".into());
        let _ = js_sys::Reflect::set(&detail, &"message".into(), &error.to_string().into());
        dispatch(&host, "error", &detail);
    }

    let events_host = host.clone();
    let on_event = Callback::from(move |event: WidgetEvent| {
        let Some(content) = &content else { return };
        match event {
            WidgetEvent::Start => dispatch(&events_host, "start", &JsValue::NULL),
            WidgetEvent::Answer { question, option } => {
                let q = content.questions.get(question);
                let detail = js_sys::Object::new();
                let id = q.map(|q| q.id.as_str()).unwrap_or_default();
                let option_id = q
                    .and_then(|q| q.options.get(option))
                    .map(|o| o.id.as_str())
                    .unwrap_or_default();
                let _ = js_sys::Reflect::set(&detail, &"questionId".into(), &id.into());
                let _ = js_sys::Reflect::set(&detail, &"optionId".into(), &option_id.into());
                let _ = js_sys::Reflect::set(&detail, &"index".into(), &(question as u32).into());
                dispatch(&events_host, "answer", &detail);
            }
            WidgetEvent::Complete(outcome) => {
                let report: Report = outcome.report(content);
                let detail = serde_wasm_bindgen::to_value(&report).unwrap_or(JsValue::NULL);
                dispatch(&events_host, "complete", &detail);
            }
        }
    });

    let handle =
        Renderer::<Root>::with_root_and_props(container, RootProps { source, on_event }).render();
    dispatch(&host, "ready", &JsValue::NULL);
    Ok(Widget {
        handle: Some(handle),
    })
}

/// Parses with the browser's `JSON.parse` (so no JSON parser ships in the wasm) and loads.
fn parse_and_load(text: &str) -> Result<levels_engine::Content, LoadError> {
    let problem = |message: String| {
        LoadError::from(Problem {
            path: String::new(),
            message,
        })
    };
    let value = js_sys::JSON::parse(text).map_err(|err| {
        let message = js_sys::Error::from(err).message();
        problem(format!("not valid JSON: {}", String::from(message)))
    })?;
    let json: Json = serde_wasm_bindgen::from_value(value)
        .map_err(|err| problem(format!("not valid JSON: {err}")))?;
    load(&json)
}

/// Gives the shadow root the widget's stylesheet as a constructed sheet, which a
/// strict CSP without `'unsafe-inline'` still allows (a `<style>` element it blocks).
fn adopt_stylesheet(shadow: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(crate::STYLESHEET)?;
    let existing = js_sys::Reflect::get(shadow, &"adoptedStyleSheets".into())?;
    let sheets = js_sys::Array::from(&existing);
    sheets.push(&sheet);
    js_sys::Reflect::set(shadow, &"adoptedStyleSheets".into(), &sheets)?;
    Ok(())
}

/// Dispatches `levels-quiz:<name>` on the host: bubbling and composed, so a listener
/// on the document hears it.
fn dispatch(host: &HtmlElement, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(&format!("levels-quiz:{name}"), &init)
    {
        let _ = host.dispatch_event(&event);
    }
}
