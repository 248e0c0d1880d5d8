//! The browser entry point: `mount` renders the widget into a custom element's
//! shadow root, and `BrowserPlatform` gives it the page's services. The element
//! itself is a small JavaScript class (`js/levels-quiz.js`), because wasm-bindgen
//! cannot define custom elements.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use levels_engine::{Content, Day, Report};
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot};
use yew::{AppHandle, Callback, Renderer};

use crate::app::{Quiz, QuizProps};
use crate::components::{ErrorPanel, ErrorPanelProps, ErrorText};
use crate::config::{Config, Language};
use crate::platform::{EndingEvent, EndingServices, Fetching, Offline, Platform, QuizEvent};
use crate::shared::Shared;

#[wasm_bindgen(module = "/js/services.js")]
extern "C" {
    /// The page's services for one element, written in JavaScript (`js/services.js`):
    /// each is a few lines there, where from Rust every browser API would cost the wasm
    /// a binding. What to do stays here; the JavaScript only talks to the browser, and
    /// none of its methods throws.
    #[derive(Clone)]
    pub type Services;

    #[wasm_bindgen(constructor)]
    fn new(host: &HtmlElement, root: &ShadowRoot) -> Services;
    /// `levels-quiz:<name>` on the host, and `{ event: analytics, ...fields }` to the
    /// page's `dataLayer` unless `analytics` is empty.
    #[wasm_bindgen(method)]
    fn emit(this: &Services, name: &str, detail: &JsValue, analytics: &str, fields: &JsValue);
    #[wasm_bindgen(method)]
    fn load(this: &Services, key: &str) -> Option<String>;
    #[wasm_bindgen(method)]
    fn save(this: &Services, key: &str, value: &str);
    #[wasm_bindgen(method)]
    fn forget(this: &Services, key: &str);
    #[wasm_bindgen(method, js_name = sharedCode)]
    fn shared_code(this: &Services) -> Option<String>;
    #[wasm_bindgen(method, js_name = shareUrl)]
    fn share_url(this: &Services, code: &str) -> String;
    /// Resolves to whether the text was copied.
    #[wasm_bindgen(method)]
    fn copy(this: &Services, text: &str) -> js_sys::Promise;
    #[wasm_bindgen(method)]
    fn print(this: &Services);
    /// `base` resolved, with the page's `utm_*` and `params` (key, value, ...) added;
    /// empty when it cannot be resolved.
    #[wasm_bindgen(method, js_name = ctaHref)]
    fn cta_href(this: &Services, base: &str, params: Vec<String>) -> String;
    #[wasm_bindgen(method, js_name = setLanguage)]
    fn set_language(this: &Services, code: &str);
    #[wasm_bindgen(method, js_name = focusScreen)]
    fn focus_screen(this: &Services);
    #[wasm_bindgen(method, js_name = openDialog)]
    fn open_dialog(this: &Services);
    /// Resolves to the file's bytes (a `Uint8Array`), or null when it cannot be had;
    /// with `reload`, past the browser's cache.
    #[wasm_bindgen(method, js_name = fetchBytes)]
    fn fetch_bytes(this: &Services, url: &str, reload: bool) -> js_sys::Promise;
    /// Resolves after the next frame has been painted and the page is idle (in popup
    /// mode, once the dialog is open).
    #[wasm_bindgen(method, js_name = afterPaint)]
    fn after_paint(this: &Services) -> js_sys::Promise;
    /// Adds a stylesheet after the widget's own.
    #[wasm_bindgen(method, js_name = adoptStylesheet)]
    fn adopt_stylesheet(this: &Services, css: &str);
    /// Resolves to whether the server accepted the fields (key, value, ...).
    #[wasm_bindgen(method, js_name = postLead)]
    fn post_lead(this: &Services, url: &str, fields: Vec<String>) -> js_sys::Promise;
    /// Today on the visitor's device, `YYYY-MM-DD`.
    #[wasm_bindgen(method)]
    fn today(this: &Services) -> String;
    /// `day` (`YYYY-MM-DD`) written out for readers of `language`.
    #[wasm_bindgen(method, js_name = formatDay)]
    fn format_day(this: &Services, day: &str, language: &str) -> String;
}

/// A mounted widget.
#[wasm_bindgen]
pub struct Widget {
    app: App,
    host: HtmlElement,
    result: Rc<RefCell<JsValue>>,
    /// The `analytics` attribute as last read, shared with the widget's platform.
    analytics: Rc<Cell<bool>>,
}

/// What a widget runs: the quiz (with the props it was last given), the error panel,
/// or nothing once destroyed. Each is its own Yew app, so no component sits above them
/// only to choose.
enum App {
    Quiz(AppHandle<Quiz>, QuizProps),
    Broken(AppHandle<ErrorPanel>),
    Gone,
}

#[wasm_bindgen]
impl Widget {
    /// Unmounts the widget. Calling it twice is harmless.
    pub fn destroy(&mut self) {
        match std::mem::replace(&mut self.app, App::Gone) {
            App::Quiz(handle, _) => handle.destroy(),
            App::Broken(handle) => handle.destroy(),
            App::Gone => {}
        }
    }

    /// Re-reads the element's attributes; changes apply without a reload.
    pub fn configure(&mut self) {
        let config = read_config(&self.host);
        self.analytics.set(config.analytics);
        self.update(|props| props.config = config);
    }

    /// Starts the quiz over, forgetting saved progress.
    pub fn restart(&mut self) {
        *self.result.borrow_mut() = JsValue::NULL;
        self.update(|props| props.restarts = props.restarts.wrapping_add(1));
    }

    /// The latest outcome (as in `levels-quiz:complete`), or `null`.
    pub fn result(&self) -> JsValue {
        self.result.borrow().clone()
    }

    /// Changes the quiz's props and renders it with them (an error panel has none).
    fn update(&mut self, change: impl FnOnce(&mut QuizProps)) {
        if let App::Quiz(handle, props) = &mut self.app {
            change(props);
            handle.update(props.clone());
        }
    }
}

/// Renders the widget into `shadow`, dispatching its events on `host`.
///
/// The content is `packed` ([`levels_engine::pack`]: a bundle language, or a marketer's
/// file the on-demand checker accepted); `None` is the linked-in quiz of test builds
/// (without the `split` feature), and an error panel in the bundle. Instead,
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
    // Where a language file's result texts are, fetched with the result's code.
    let result_texts = js_sys::Reflect::get(&setup, &"resultTexts".into())
        .ok()
        .and_then(|url| url.as_string());
    let services = Services::new(&host, &shadow);
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
        // The element has already set aside a language file from another release for
        // the fallback language's (js/levels-quiz.js); one that still cannot be read
        // (the fallback's own, from another release too) shows what is wrong.
        (None, None) => packed.map_or_else(built_in, unpacked).ok_or((
            "content-invalid",
            vec!["the quiz's file does not match this version of levels-quiz".to_owned()],
        )),
    };
    let result = Rc::new(RefCell::new(JsValue::NULL));
    let config = read_config(&host);
    let analytics = Rc::new(Cell::new(config.analytics));
    let app = match loaded {
        Ok(content) => {
            // For :lang() styles (CJK fonts, line breaking) and assistive technology;
            // the direction follows the quiz's language, not the host page's.
            container.set_attribute("lang", &content.language)?;
            container.set_attribute("dir", direction(&content.language))?;
            let platform = BrowserPlatform {
                services: services.clone(),
                result: result.clone(),
                analytics: analytics.clone(),
                result_texts,
                reload_result_texts: Cell::new(false),
                result_styled: Cell::new(false),
            };
            let props = QuizProps {
                content,
                config,
                platform: Shared::from_rc(Rc::new(platform) as Rc<dyn Platform>),
                restarts: 0,
                languages,
            };
            let handle = Renderer::<Quiz>::with_root_and_props(container, props.clone()).render();
            App::Quiz(handle, props)
        }
        Err((code, problems)) => {
            let message = problems.join("\n");
            web_sys::console::error_1(&format!("<levels-quiz>: {message}").into());
            services.emit(
                "error",
                &object(&[("code", code.into()), ("message", message.into())]),
                "",
                &JsValue::NULL,
            );
            let props = ErrorPanelProps {
                text: error_text.unwrap_or_default(),
                problems: Shared::new(problems),
            };
            App::Broken(Renderer::<ErrorPanel>::with_root_and_props(container, props).render())
        }
    };
    services.emit("ready", &JsValue::NULL, "", &JsValue::NULL);
    Ok(Widget {
        app,
        host,
        result,
        analytics,
    })
}

/// The bundle's languages and the chosen one's error texts, as the element passes them:
/// `{ languages: [{ code, name, errorHeading, errorBody, errorDetails }], language }`.
#[allow(clippy::type_complexity)]
fn read_setup(setup: &JsValue) -> (Vec<Language>, Option<(String, Option<ErrorText>)>) {
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
                    (Some(heading), Some(body), details) => Some(ErrorText {
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
        ("rung", report.rung.map_or(JsValue::NULL, JsValue::from_str)),
        ("verdict", report.verdict.id().into()),
        (
            "split_with",
            report
                .split_with
                .map_or(JsValue::NULL, |level| level.id().into()),
        ),
        ("gap", (report.gap as u32).into()),
        ("causes", causes.into()),
        ("next_steps", strings(&report.next_steps)),
        ("constructive", strings(&report.constructive)),
        ("destructive", strings(&report.destructive)),
        ("terms", strings(&report.terms)),
        ("cta", report.cta.into()),
    ])
}

/// Gives the shadow root the widget's stylesheet as a constructed sheet, which a
/// strict CSP without `'unsafe-inline'` still allows (a `<style>` element it blocks).
///
/// One sheet serves every element on the page: it is parsed once, not per widget.
fn adopt_stylesheet(shadow: &ShadowRoot) -> Result<(), JsValue> {
    thread_local! {
        static SHEET: RefCell<Option<web_sys::CssStyleSheet>> = const { RefCell::new(None) };
    }
    let sheet = match SHEET.with(|sheet| sheet.borrow().clone()) {
        Some(sheet) => sheet,
        None => {
            let sheet = web_sys::CssStyleSheet::new()?;
            sheet.replace_sync(crate::STYLESHEET)?;
            SHEET.with(|cell| *cell.borrow_mut() = Some(sheet.clone()));
            sheet
        }
    };
    let sheets = js_sys::Array::of1(&sheet);
    js_sys::Reflect::set(shadow, &"adoptedStyleSheets".into(), &sheets)?;
    Ok(())
}

/// `bytes` unpacked. Every element showing the same file (twenty English widgets on
/// one page) shares one copy, so the quiz is unpacked once per page.
fn unpacked(bytes: Vec<u8>) -> Option<Shared<Content>> {
    thread_local! {
        static LAST: RefCell<Option<(Vec<u8>, Shared<Content>)>> = const { RefCell::new(None) };
    }
    LAST.with(|cell| {
        let mut cell = cell.borrow_mut();
        if let Some((seen, content)) = &*cell {
            if *seen == bytes {
                return Some(content.clone());
            }
        }
        let content = Shared::new(levels_engine::unpack(&bytes)?);
        *cell = Some((bytes, content.clone()));
        Some(content)
    })
}

/// The quiz linked into builds without the `split` feature (native and browser unit
/// tests), for a mount given no content: unpacked once per page and shared. The bundle
/// has none: the element fetches every language's file (js/levels-quiz.js).
#[cfg(feature = "split")]
fn built_in() -> Option<Shared<Content>> {
    None
}

#[cfg(not(feature = "split"))]
fn built_in() -> Option<Shared<Content>> {
    thread_local! {
        static BUILT_IN: RefCell<Option<Shared<Content>>> = const { RefCell::new(None) };
    }
    BUILT_IN.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = levels_engine::unpack(crate::BUILT_IN).map(Shared::new);
        }
        cell.clone()
    })
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), value);
    }
    object.into()
}

/// The page's services for one element: the [`Platform`] over [`Services`].
pub(crate) struct BrowserPlatform {
    services: Services,
    result: Rc<RefCell<JsValue>>,
    /// Whether events also go to the page's `dataLayer` (the `analytics` attribute).
    analytics: Rc<Cell<bool>>,
    /// Where the language file's result texts are, when the quiz came from one.
    result_texts: Option<String>,
    /// The last result texts fetched did not fit: the next fetch goes past the cache.
    reload_result_texts: Cell<bool>,
    /// The result's stylesheet was adopted. Each mount makes a new platform and resets
    /// the shadow root's sheets, so it starts false again.
    result_styled: Cell<bool>,
}

impl BrowserPlatform {
    /// Announces `name` with `detail`, and, when `analytics` is on, to the page's
    /// `dataLayer` as `analytics` with `fields`.
    fn announce(&self, name: &str, detail: &JsValue, analytics: &str, fields: &[(&str, JsValue)]) {
        let analytics = if self.analytics.get() { analytics } else { "" };
        self.services.emit(name, detail, analytics, &object(fields));
    }
}

/// Settles `done` with the promise's boolean (false when it fails).
fn settle(promise: js_sys::Promise, done: Callback<bool>) {
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await;
        done.emit(ok.ok().and_then(|v| v.as_bool()).unwrap_or(false));
    });
}

/// Key, value, key, value: how lists of pairs cross to JavaScript.
fn flat(pairs: &[(&str, &str)]) -> Vec<String> {
    pairs
        .iter()
        .flat_map(|(key, value)| [(*key).to_owned(), (*value).to_owned()])
        .collect()
}

impl Platform for BrowserPlatform {
    fn emit(&self, content: &Content, event: &QuizEvent) {
        match event {
            QuizEvent::Start => {
                *self.result.borrow_mut() = JsValue::NULL;
                self.announce("start", &JsValue::NULL, "levels_quiz_start", &[]);
            }
            QuizEvent::Answer { question, option } => {
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
                self.announce(
                    "answer",
                    &object(&fields),
                    "levels_quiz_answer",
                    &[
                        ("question_id", question_id.into()),
                        ("option_id", option_id.into()),
                    ],
                );
            }
        }
    }

    fn load(&self, key: &str) -> Option<String> {
        self.services.load(key)
    }

    fn save(&self, key: &str, value: &str) {
        self.services.save(key, value);
    }

    fn forget(&self, key: &str) {
        self.services.forget(key);
    }

    fn shared_code(&self) -> Option<String> {
        self.services.shared_code()
    }

    fn set_language(&self, code: &str) {
        self.services.set_language(code);
    }

    fn focus_screen(&self) {
        self.services.focus_screen();
    }

    fn open_dialog(&self) {
        self.services.open_dialog();
    }

    fn after_paint(&self, done: Callback<()>) {
        settle(self.services.after_paint(), done.reform(|_: bool| ()));
    }

    fn result_texts_mismatch(&self) {
        let url = self.result_texts.as_deref().unwrap_or_default();
        web_sys::console::warn_1(
            &format!("<levels-quiz>: {url} does not fit this quiz (a file from another release or quiz version); deploy the bundle's files together").into(),
        );
        self.reload_result_texts.set(true);
    }

    fn fetch_result_texts(&self) -> Fetching {
        let bytes = self.result_texts.as_ref().map(|url| {
            self.services
                .fetch_bytes(url, self.reload_result_texts.get())
        });
        Box::pin(async move {
            let bytes = wasm_bindgen_futures::JsFuture::from(bytes?).await.ok()?;
            Some(bytes.dyn_into::<js_sys::Uint8Array>().ok()?.to_vec())
        })
    }

    fn ending(&self) -> &dyn EndingServices {
        // Only the chunk's code calls this, so the chunk is there; `Offline` is never
        // what the visitor gets.
        crate::chunk::browser_ending(self).unwrap_or(&Offline)
    }
}

// Only the chunk's entry point `browser_ending_in_chunk` turns a BrowserPlatform into a
// `dyn EndingServices`, so this code ships in the chunk.
impl EndingServices for BrowserPlatform {
    fn emit(&self, content: &Content, event: &EndingEvent) {
        match event {
            EndingEvent::Complete(outcome) => {
                let detail = report_value(&outcome.report(content));
                *self.result.borrow_mut() = detail.clone();
                self.announce(
                    "complete",
                    &detail,
                    "levels_quiz_complete",
                    &[
                        ("level", outcome.operating.id().into()),
                        ("title_level", outcome.title.id().into()),
                        ("verdict", outcome.verdict.id().into()),
                    ],
                );
            }
            EndingEvent::Cta(outcome) => {
                let fields = [
                    ("level", JsValue::from_str(outcome.operating.id())),
                    ("verdict", JsValue::from_str(outcome.verdict.id())),
                    (
                        "variant",
                        JsValue::from_str(content.cta.offer(outcome.cta).id),
                    ),
                ];
                self.announce("cta", &object(&fields), "levels_quiz_cta", &fields);
            }
            EndingEvent::Lead(lead) => {
                let outcome = &lead.outcome;
                let draft = &lead.draft;
                let fields = [
                    ("level", JsValue::from_str(outcome.operating.id())),
                    ("verdict", JsValue::from_str(outcome.verdict.id())),
                ];
                // The `complete` event's detail, the form's fields and the link that
                // reopens the result. Analytics never receive the visitor's name or
                // email, nor the link.
                let detail = report_value(&outcome.report(content));
                for (key, value) in [
                    ("name", JsValue::from_str(draft.name.trim())),
                    ("email", JsValue::from_str(draft.email.trim())),
                    ("consent", JsValue::from_bool(draft.consent)),
                    ("result_link", JsValue::from_str(&lead.result_link)),
                ]
                .into_iter()
                .chain(fields.iter().cloned())
                {
                    // Setting a plain object's own data property cannot fail.
                    let _ = js_sys::Reflect::set(&detail, &key.into(), &value);
                }
                self.announce("lead", &detail, "levels_quiz_lead", &fields);
            }
        }
    }

    fn share_url(&self, code: &str) -> String {
        self.services.share_url(code)
    }

    fn copy(&self, text: &str, done: Callback<bool>) {
        settle(self.services.copy(text), done);
    }

    fn print(&self) {
        self.services.print();
    }

    fn cta_href(&self, base: &str, params: &[(&str, &str)]) -> String {
        let href = self.services.cta_href(base, flat(params));
        if base.starts_with('#') {
            return href;
        }
        // Only web, mailto and tel links: anything else (`javascript:`, `data:`) could
        // run code on the host page. A #fragment comes back as this page's address.
        let safe = levels_engine::link_scheme(&href)
            .is_some_and(|scheme| levels_engine::SAFE_SCHEMES.contains(&scheme.as_str()));
        if safe {
            return href;
        }
        web_sys::console::warn_1(
            &format!("<levels-quiz>: the call to action's link \"{base}\" is not a web, mailto or tel address; it is left out").into(),
        );
        "#".to_owned()
    }

    fn post_lead(&self, url: &str, fields: &[(&str, &str)], done: Callback<bool>) {
        settle(self.services.post_lead(url, flat(fields)), done);
    }

    fn adopt_result_stylesheet(&self, css: &str) {
        if !self.result_styled.replace(true) {
            self.services.adopt_stylesheet(css);
        }
    }

    fn today(&self) -> Option<Day> {
        Day::parse(&self.services.today())
    }

    fn format_day(&self, day: Day, language: &str) -> String {
        self.services.format_day(&day.to_string(), language)
    }
}
