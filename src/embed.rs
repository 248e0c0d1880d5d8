//! The browser entry point: `mount` renders the widget into a custom element's
//! shadow root, and `BrowserPlatform` gives it the page's services. The element
//! itself is a small JavaScript class (`js/levels-quiz.js`), because wasm-bindgen
//! cannot define custom elements.

use std::cell::RefCell;
use std::rc::Rc;

use levels_engine::{Content, Report};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement, ShadowRoot};
use yew::{AppHandle, Callback, Renderer};

use crate::app::{Root, RootProps, Source};
use crate::config::{Config, Language};
use crate::platform::{Platform, WidgetEvent};
use crate::shared::Shared;

/// A mounted widget.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<AppHandle<Root>>,
    props: RootProps,
    host: HtmlElement,
    result: Rc<RefCell<JsValue>>,
}

#[wasm_bindgen]
impl Widget {
    /// Unmounts the widget. Calling it twice is harmless.
    pub fn destroy(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
    }

    /// Re-reads the element's attributes; changes apply without a reload.
    pub fn configure(&mut self) {
        self.props.config = read_config(&self.host);
        self.update();
    }

    /// Starts the quiz over, forgetting saved progress.
    pub fn restart(&mut self) {
        self.props.restarts = self.props.restarts.wrapping_add(1);
        *self.result.borrow_mut() = JsValue::NULL;
        self.update();
    }

    /// The latest outcome (as in `levels-quiz:complete`), or `null`.
    pub fn result(&self) -> JsValue {
        self.result.borrow().clone()
    }

    fn update(&mut self) {
        if let Some(handle) = self.handle.as_mut() {
            handle.update(self.props.clone());
        }
    }
}

/// Renders the widget into `shadow`, dispatching its events on `host`.
///
/// The content is `packed` ([`levels_engine::pack`]: a bundle language, or a marketer's
/// file the on-demand checker accepted), or the built-in quiz when `None`. Instead,
/// `problems` lists why the checker refused a file, and `content_error` says why the
/// element could not get its content at all (a failed fetch); either shows the error
/// panel.
#[wasm_bindgen]
pub fn mount(
    shadow: ShadowRoot,
    host: HtmlElement,
    packed: Option<Vec<u8>>,
    problems: Option<Vec<String>>,
    content_error: Option<String>,
    setup: JsValue,
) -> Result<Widget, JsValue> {
    let (languages, language) = read_setup(&setup);
    crate::panic::install();
    crate::panic::register(&host);
    adopt_stylesheet(&shadow)?;
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
    let container = document.create_element("div")?;
    container.set_class_name("lq-root");
    container.set_attribute("part", "root")?;
    shadow.append_child(&container)?;
    let error_text = language.as_ref().and_then(|(_, text)| text.clone());

    let loaded = match (content_error, problems) {
        (Some(message), _) => Err(("content-unavailable", vec![message])),
        (None, Some(problems)) => Err(("content-invalid", problems)),
        (None, None) => levels_engine::unpack(packed.as_deref().unwrap_or(crate::BUILT_IN))
            .ok_or((
                "content-invalid",
                vec!["the quiz's packed content could not be read; rebuild it with this version of levels-quiz".to_owned()],
            )),
    };
    let source = match loaded {
        Ok(content) => {
            // For :lang() styles (CJK fonts, line breaking) and assistive technology;
            // the direction follows the quiz's language, not the host page's.
            container.set_attribute("lang", &content.language)?;
            container.set_attribute("dir", direction(&content.language))?;
            Source::Ready(Shared::new(content))
        }
        Err((code, problems)) => {
            let message = problems.join("\n");
            web_sys::console::error_1(&format!("<levels-quiz>: {message}").into());
            dispatch(&host, "error", &error_detail(code, &message));
            Source::Broken(Shared::new(problems))
        }
    };

    let result = Rc::new(RefCell::new(JsValue::NULL));
    let platform = BrowserPlatform {
        host: host.clone(),
        shadow,
        result: result.clone(),
    };
    let config = read_config(&host);
    let props = RootProps {
        source,
        config,
        platform: Shared::from_rc(Rc::new(platform) as Rc<dyn Platform>),
        restarts: 0,
        languages,
        error_text,
    };
    let handle = Renderer::<Root>::with_root_and_props(container, props.clone()).render();
    dispatch(&host, "ready", &JsValue::NULL);
    Ok(Widget {
        handle: Some(handle),
        props,
        host,
        result,
    })
}

/// The bundle's languages and the chosen one's error texts, as the element passes them:
/// `{ languages: [{ code, name, errorHeading, errorBody, errorDetails }], language }`.
#[allow(clippy::type_complexity)]
fn read_setup(
    setup: &JsValue,
) -> (
    Vec<Language>,
    Option<(String, Option<crate::app::ErrorText>)>,
) {
    let get = |value: &JsValue, key: &str| js_sys::Reflect::get(value, &key.into()).ok();
    let text = |value: &JsValue, key: &str| get(value, key).and_then(|v| v.as_string());
    let chosen = text(setup, "language");
    let mut languages = Vec::new();
    let mut error_text = None;
    if let Some(list) = get(setup, "languages").filter(js_sys::Array::is_array) {
        for entry in js_sys::Array::from(&list).iter() {
            let (Some(code), Some(name)) = (text(&entry, "code"), text(&entry, "name")) else {
                continue;
            };
            if Some(&code) == chosen.as_ref() {
                error_text = match (
                    text(&entry, "errorHeading"),
                    text(&entry, "errorBody"),
                    text(&entry, "errorDetails"),
                ) {
                    (Some(heading), Some(body), details) => Some(crate::app::ErrorText {
                        heading,
                        body,
                        details: details.unwrap_or_else(|| "Details".to_owned()),
                    }),
                    _ => None,
                };
            }
            languages.push(Language { code, name });
        }
    }
    (languages, chosen.map(|code| (code, error_text)))
}

/// The writing direction of a language tag.
fn direction(language: &str) -> &'static str {
    let primary = language.split('-').next().unwrap_or_default();
    if ["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"].contains(&primary) {
        "rtl"
    } else {
        "ltr"
    }
}

/// Reads the element's attributes, warning once per bad value.
fn read_config(host: &HtmlElement) -> Config {
    let (config, warnings) = Config::from_attributes(|name| host.get_attribute(name));
    for warning in warnings {
        web_sys::console::warn_1(&warning.to_string().into());
    }
    config
}

/// The `complete` event's detail: the outcome's [`Report`] as a plain object, built
/// with `Reflect` (no serde in the wasm). Same fields, order and values as
/// `levels-content score` prints.
fn report_value(report: &Report) -> JsValue {
    let strings = |ids: &[&str]| -> JsValue {
        ids.iter()
            .map(|id| JsValue::from_str(id))
            .collect::<js_sys::Array>()
            .into()
    };
    let profile = &report.profile;
    let causes: js_sys::Array = report
        .causes
        .iter()
        .map(|cause| {
            object(&[
                ("id", cause.id.into()),
                ("strength", cause.strength.id().into()),
                ("percent", cause.percent.into()),
            ])
        })
        .collect();
    object(&[
        ("content", report.content.into()),
        ("version", report.version.into()),
        (
            "profile",
            object(&[
                ("implementation", profile.implementation.into()),
                ("unification", profile.unification.into()),
                ("communication", profile.communication.into()),
            ]),
        ),
        ("operating_level", report.operating_level.id().into()),
        ("title_level", report.title_level.id().into()),
        ("verdict", report.verdict.id().into()),
        ("gap", (report.gap as u32).into()),
        ("causes", causes.into()),
        ("next_steps", strings(&report.next_steps)),
        ("constructive", strings(&report.constructive)),
        ("destructive", strings(&report.destructive)),
        ("terms", strings(&report.terms)),
    ])
}

/// Gives the shadow root the widget's stylesheet as a constructed sheet, which a
/// strict CSP without `'unsafe-inline'` still allows (a `<style>` element it blocks).
fn adopt_stylesheet(shadow: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(crate::STYLESHEET)?;
    let sheets = js_sys::Array::of1(&sheet);
    js_sys::Reflect::set(shadow, &"adoptedStyleSheets".into(), &sheets)?;
    Ok(())
}

/// While the widget prints, everything else on the page is left out.
const PRINT_PAGE_CSS: &str = "@media print { \
body *:not(:has(levels-quiz[data-lq-printing])):not(levels-quiz[data-lq-printing]) { display: none !important; } \
levels-quiz[data-lq-printing] { box-shadow: none !important; border: 0 !important; margin: 0 !important; } }";

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

fn error_detail(code: &str, message: &str) -> JsValue {
    object(&[("code", code.into()), ("message", message.into())])
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), value);
    }
    object.into()
}

/// The page's services for one element.
struct BrowserPlatform {
    host: HtmlElement,
    shadow: ShadowRoot,
    result: Rc<RefCell<JsValue>>,
}

impl BrowserPlatform {
    fn storage(&self) -> Option<web_sys::Storage> {
        // Any of these can throw (privacy settings, sandboxed frames); all mean "none".
        web_sys::window()?.local_storage().ok().flatten()
    }

    fn analytics(&self, name: &str, fields: &[(&str, JsValue)]) {
        // Read at event time, so switching `analytics` on or off applies at once.
        let on = self.host.get_attribute("analytics").is_some_and(|v| {
            matches!(
                v.trim().to_ascii_lowercase().as_str(),
                "" | "on" | "true" | "yes"
            )
        });
        if !on {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(layer) = js_sys::Reflect::get(&window, &"dataLayer".into()) else {
            return;
        };
        let Ok(push) = js_sys::Reflect::get(&layer, &"push".into()) else {
            return;
        };
        let Some(push) = push.dyn_ref::<js_sys::Function>() else {
            return;
        };
        let mut all = vec![("event", JsValue::from_str(name))];
        all.extend(fields.iter().cloned());
        let _ = push.call1(&layer, &object(&all));
    }
}

impl Platform for BrowserPlatform {
    fn emit(&self, content: &Content, event: &WidgetEvent) {
        match event {
            WidgetEvent::Start => {
                *self.result.borrow_mut() = JsValue::NULL;
                dispatch(&self.host, "start", &JsValue::NULL);
                self.analytics("levels_quiz_start", &[]);
            }
            WidgetEvent::Answer { question, option } => {
                let q = content.questions.get(*question);
                let question_id = q.map(|q| q.id.as_str()).unwrap_or_default();
                let option_id = q
                    .and_then(|q| q.options.get(*option))
                    .map(|o| o.id.as_str())
                    .unwrap_or_default();
                let fields = [
                    ("questionId", JsValue::from_str(question_id)),
                    ("optionId", JsValue::from_str(option_id)),
                    ("index", JsValue::from(*question as u32)),
                ];
                dispatch(&self.host, "answer", &object(&fields));
                self.analytics(
                    "levels_quiz_answer",
                    &[
                        ("question_id", question_id.into()),
                        ("option_id", option_id.into()),
                    ],
                );
            }
            WidgetEvent::Complete(outcome) => {
                let detail = report_value(&outcome.report(content));
                *self.result.borrow_mut() = detail.clone();
                dispatch(&self.host, "complete", &detail);
                self.analytics(
                    "levels_quiz_complete",
                    &[
                        ("level", outcome.operating.id().into()),
                        ("title_level", outcome.title.id().into()),
                        ("verdict", outcome.verdict.id().into()),
                    ],
                );
            }
            WidgetEvent::Cta(outcome) => {
                let fields = [
                    ("level", JsValue::from_str(outcome.operating.id())),
                    ("verdict", JsValue::from_str(outcome.verdict.id())),
                ];
                dispatch(&self.host, "cta", &object(&fields));
                self.analytics("levels_quiz_cta", &fields);
            }
            WidgetEvent::Lead(draft, outcome) => {
                let fields = [
                    ("name", JsValue::from_str(draft.name.trim())),
                    ("email", JsValue::from_str(draft.email.trim())),
                    ("consent", JsValue::from_bool(draft.consent)),
                    ("level", JsValue::from_str(outcome.operating.id())),
                    ("verdict", JsValue::from_str(outcome.verdict.id())),
                ];
                dispatch(&self.host, "lead", &object(&fields));
                // Analytics never receive the visitor's name or email.
                self.analytics("levels_quiz_lead", &fields[3..]);
            }
        }
    }

    fn load(&self, key: &str) -> Option<String> {
        self.storage()?.get_item(key).ok().flatten()
    }

    fn save(&self, key: &str, value: &str) {
        if let Some(storage) = self.storage() {
            // Full or blocked storage only means no resume.
            let _ = storage.set_item(key, value);
        }
    }

    fn forget(&self, key: &str) {
        if let Some(storage) = self.storage() {
            let _ = storage.remove_item(key);
        }
    }

    fn shared_code(&self) -> Option<String> {
        let hash = web_sys::window()?.location().hash().ok()?;
        let code = hash.strip_prefix("#levels-quiz=")?;
        Some(code.to_owned())
    }

    fn share_url(&self, code: &str) -> String {
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let page = href.split('#').next().unwrap_or_default();
        format!("{page}#levels-quiz={code}")
    }

    fn copy(&self, text: &str, done: Callback<bool>) {
        let Some(window) = web_sys::window() else {
            done.emit(false);
            return;
        };
        let clipboard = window.navigator().clipboard();
        let promise = clipboard.write_text(text);
        wasm_bindgen_futures::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            done.emit(ok);
        });
    }

    fn print(&self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(document) = window.document() else {
            return;
        };
        // Leave the rest of the page out of the printout.
        if let Ok(sheet) = web_sys::CssStyleSheet::new() {
            if sheet.replace_sync(PRINT_PAGE_CSS).is_ok() {
                let existing = js_sys::Reflect::get(&document, &"adoptedStyleSheets".into())
                    .map(|s| js_sys::Array::from(&s))
                    .unwrap_or_default();
                let with_print = existing.concat(&js_sys::Array::of1(&sheet));
                let _ = js_sys::Reflect::set(&document, &"adoptedStyleSheets".into(), &with_print);
                let _ = self.host.set_attribute("data-lq-printing", "");
                // Definitions print expanded.
                let closed = self.open_all_details();
                let _ = window.print();
                for details in closed {
                    details.set_open(false);
                }
                let _ = self.host.remove_attribute("data-lq-printing");
                let _ = js_sys::Reflect::set(&document, &"adoptedStyleSheets".into(), &existing);
                return;
            }
        }
        let _ = window.print();
    }

    fn cta_href(&self, base: &str, params: &[(&str, &str)]) -> String {
        let Some(window) = web_sys::window() else {
            return base.to_owned();
        };
        let page = window.location().href().unwrap_or_default();
        let page_without_hash = page.split('#').next().unwrap_or_default();
        // A fragment jumps within this page (even under a <base href>); a query would
        // reload it, so it carries no parameters.
        if base.starts_with('#') {
            return format!("{page_without_hash}{base}");
        }
        let Ok(url) = web_sys::Url::new_with_base(base, &page) else {
            return "#".to_owned();
        };
        let scheme = url.protocol();
        if !levels_engine::SAFE_SCHEMES.contains(&scheme.trim_end_matches(':')) {
            web_sys::console::warn_1(
                &format!("<levels-quiz>: the call to action's link \"{base}\" is not a web, mailto or tel address; it is left out").into(),
            );
            return "#".to_owned();
        }
        let query = url.search_params();
        if let Ok(page_url) = web_sys::Url::new(&page) {
            // Keep the campaign the visitor came from.
            let page_query = page_url.search_params();
            let keys = js_sys::try_iter(&page_query.keys()).ok().flatten();
            for key in keys.into_iter().flatten().flatten() {
                if let Some(key) = key.as_string().filter(|k| k.starts_with("utm_")) {
                    if let Some(value) = page_query.get(&key) {
                        query.set(&key, &value);
                    }
                }
            }
        }
        for (key, value) in params {
            query.set(key, value);
        }
        url.href()
    }

    fn set_language(&self, code: &str) {
        // The element sees the attribute change and mounts the quiz in that language.
        let _ = self.host.set_attribute("lang", code);
    }

    fn post_lead(&self, url: &str, fields: &[(&str, &str)], done: Callback<bool>) {
        let Some(window) = web_sys::window() else {
            done.emit(false);
            return;
        };
        let Ok(form) = web_sys::FormData::new() else {
            done.emit(false);
            return;
        };
        for (key, value) in fields {
            let _ = form.append_with_str(key, value);
        }
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_body(&form);
        init.set_mode(web_sys::RequestMode::Cors);
        let promise = window.fetch_with_str_and_init(url, &init);
        wasm_bindgen_futures::spawn_local(async move {
            let ok = match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(response) => response
                    .dyn_into::<web_sys::Response>()
                    .map(|r| r.ok())
                    .unwrap_or(false),
                Err(_) => false,
            };
            done.emit(ok);
        });
    }
}

impl BrowserPlatform {
    /// Opens every closed `<details>` in the widget, returning them to close later.
    fn open_all_details(&self) -> Vec<web_sys::HtmlDetailsElement> {
        let mut opened = Vec::new();
        if let Ok(list) = self.shadow.query_selector_all("details:not([open])") {
            for i in 0..list.length() {
                if let Some(details) = list
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                {
                    details.set_open(true);
                    opened.push(details);
                }
            }
        }
        opened
    }
}
