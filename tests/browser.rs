//! Browser unit tests (wasm-bindgen-test in headless Chromium): what only a real
//! browser shows. Mounting in a shadow root, style isolation, focus, events, a full
//! run, and unmounting. Run with `make test-browser`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Waits for Yew to render (it schedules renders asynchronously).
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until `ready` holds, up to two seconds (debug builds render slowly), and fails
/// the test, naming what it waited for, if it never does.
async fn wait_for(what: &str, mut ready: impl FnMut() -> bool) {
    for _ in 0..100 {
        if ready() {
            return;
        }
        settle().await;
    }
    panic!("waited two seconds for {what}, in vain");
}

/// `wait_for` with the condition's own text as its name.
macro_rules! until {
    ($ready:expr) => {
        wait_for(stringify!($ready), $ready)
    };
}

struct Mounted {
    host: HtmlElement,
    shadow: ShadowRoot,
    widget: levels_quiz::embed::Widget,
    events: Rc<RefCell<Vec<String>>>,
    _listeners: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

impl Mounted {
    async fn new() -> Mounted {
        // Each test starts fresh: no progress saved by an earlier one.
        if let Ok(Some(storage)) = web_sys::window().unwrap().local_storage() {
            storage.clear().unwrap();
        }
        let host: HtmlElement = document()
            .create_element("div")
            .unwrap()
            .dyn_into()
            .unwrap();
        document().body().unwrap().append_child(&host).unwrap();
        let shadow = host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .unwrap();
        let events = Rc::new(RefCell::new(Vec::new()));
        let mut listeners = Vec::new();
        for name in ["ready", "start", "answer", "complete"] {
            let events = events.clone();
            let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
                events.borrow_mut().push(e.type_());
            });
            // Listen on the document: events must bubble out of the shadow root.
            document()
                .add_event_listener_with_callback(
                    &format!("levels-quiz:{name}"),
                    listener.as_ref().unchecked_ref(),
                )
                .unwrap();
            listeners.push(listener);
        }
        let widget = levels_quiz::embed::mount(
            shadow.clone(),
            host.clone(),
            None,
            None,
            None,
            JsValue::UNDEFINED,
        )
        .unwrap();
        settle().await;
        Mounted {
            host,
            shadow,
            widget,
            events,
            _listeners: listeners,
        }
    }

    fn find(&self, selector: &str) -> Option<Element> {
        self.shadow.query_selector(selector).unwrap()
    }

    fn get<T: JsCast>(&self, selector: &str) -> T {
        self.find(selector)
            .unwrap_or_else(|| panic!("no {selector}"))
            .dyn_into()
            .unwrap()
    }

    fn screen(&self) -> String {
        self.get::<Element>("[data-screen]")
            .get_attribute("data-screen")
            .unwrap()
    }

    fn focused(&self) -> Option<Element> {
        self.shadow.active_element()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        for (name, listener) in ["ready", "start", "answer", "complete"]
            .iter()
            .zip(&self._listeners)
        {
            let _ = document().remove_event_listener_with_callback(
                &format!("levels-quiz:{name}"),
                listener.as_ref().unchecked_ref(),
            );
        }
        self.host.remove();
    }
}

#[wasm_bindgen_test]
async fn mounts_in_a_shadow_root_with_its_own_styles() {
    // A hostile host rule that would restyle every button on the page.
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(
        "button { color: rgb(255, 0, 0) !important; font-size: 40px; }",
    ));
    document().head().unwrap().append_child(&style).unwrap();

    let m = Mounted::new().await;
    assert_eq!(m.screen(), "intro");
    assert!(m.events.borrow().contains(&"levels-quiz:ready".to_owned()));
    let button: HtmlElement = m.get("button.lq-primary");
    let computed = web_sys::window()
        .unwrap()
        .get_computed_style(&button)
        .unwrap()
        .unwrap();
    assert_ne!(
        computed.get_property_value("color").unwrap(),
        "rgb(255, 0, 0)"
    );
    assert_ne!(computed.get_property_value("font-size").unwrap(), "40px");
    // And the widget's own classes do not style the page.
    assert!(document().query_selector(".lq-root").unwrap().is_none());
    style.remove();
}

#[wasm_bindgen_test]
async fn a_full_run_moves_focus_and_reports_the_result() {
    let mut m = Mounted::new().await;
    m.get::<HtmlElement>("button.lq-primary").click();
    settle().await;

    let total = levels_engine::load_str(levels_engine::DEFAULT_CONTENT)
        .unwrap()
        .questions
        .len();
    for number in 1..=total {
        until!(|| {
            m.find(".lq-progress-label")
                .and_then(|p| p.text_content())
                .is_some_and(|t| t == format!("Question {number} of {total}"))
                && m.focused().is_some()
        })
        .await;
        assert_eq!(m.screen(), "question");
        let progress = m
            .get::<Element>(".lq-progress-label")
            .text_content()
            .unwrap();
        assert_eq!(progress, format!("Question {number} of {total}"));
        // Focus sits on the new question's prompt, so the next Tab reaches its options.
        let focused = m.focused().expect("focus inside the widget");
        assert!(
            focused.class_name().contains("lq-prompt"),
            "focus on {}",
            focused.outer_html()
        );

        // Next without an answer stays put and says why.
        m.get::<HtmlElement>("button[type=submit]").click();
        until!(|| m.find("[role=alert]").is_some()).await;
        assert!(m.find("[role=alert]").is_some());

        let options = m.shadow.query_selector_all("input[type=radio]").unwrap();
        let last: HtmlElement = options
            .item(options.length() - 1)
            .unwrap()
            .dyn_into()
            .unwrap();
        last.click();
        until!(|| m.find("[role=alert]").is_none()).await;
        assert!(m.find("[role=alert]").is_none());
        m.get::<HtmlElement>("button[type=submit]").click();
        settle().await;
    }
    until!(|| {
        m.screen() == "result"
            && m.focused().is_some_and(|f| f.tag_name() == "H2")
            && m.events
                .borrow()
                .iter()
                .any(|e| e == "levels-quiz:complete")
    })
    .await;
    assert_eq!(m.screen(), "result");
    let focused = m.focused().expect("focus on the result");
    assert_eq!(focused.tag_name(), "H2");
    assert!(m.find("svg.lq-chart[role=img]").is_some());
    let events = m.events.borrow().clone();
    assert_eq!(
        events.iter().filter(|e| *e == "levels-quiz:answer").count(),
        total
    );
    assert_eq!(
        events
            .iter()
            .filter(|e| *e == "levels-quiz:complete")
            .count(),
        1
    );

    m.widget.destroy();
    until!(|| m.find("[data-screen]").is_none()).await;
    assert!(m.find("[data-screen]").is_none(), "destroy unmounts");
}

/// Sends a keydown to the focused element inside the widget, as a keyboard would.
fn press(m: &Mounted, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    m.focused()
        .expect("something focused")
        .dispatch_event(&event)
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_full_run_by_keyboard() {
    let m = Mounted::new().await;
    // Activating a focused button with Enter or Space is the browser's own behaviour
    // (covered end to end); from the first question on, every step here is a key.
    m.get::<HtmlElement>("button.lq-primary").click();
    until!(|| m.focused().is_some()).await;
    let total = levels_engine::load_str(levels_engine::DEFAULT_CONTENT)
        .unwrap()
        .questions
        .len();
    for number in 1..=total {
        until!(|| {
            m.find(".lq-progress-label")
                .and_then(|p| p.text_content())
                .is_some_and(|t| t.starts_with(&format!("Question {number} ")))
                && m.focused().is_some()
        })
        .await;
        assert!(m.focused().unwrap().class_name().contains("lq-prompt"));
        // Tab moves from the prompt into the group: its first radio.
        m.get::<HtmlElement>("input[type=radio]").focus().unwrap();
        // Enter without a choice stays and says why.
        press(&m, "Enter");
        until!(|| m.find("[role=alert]").is_some()).await;
        assert!(m.find("[role=alert]").is_some(), "question {number}: alert");
        // From the first radio, Down twice (second, third), Up once: the second
        // option, and focus follows the choice.
        for _ in 0..2 {
            press(&m, "ArrowDown");
            settle().await;
        }
        press(&m, "ArrowUp");
        until!(|| {
            m.find("input:checked")
                .and_then(|c| c.get_attribute("value"))
                .zip(
                    m.find(".lq-option:nth-child(2) input")
                        .and_then(|s| s.get_attribute("value")),
                )
                .is_some_and(|(a, b)| a == b)
        })
        .await;
        let checked: web_sys::HtmlInputElement = m.get("input:checked");
        let second: web_sys::HtmlInputElement = m.get(".lq-option:nth-child(2) input");
        assert_eq!(checked.value(), second.value(), "question {number}");
        assert_eq!(
            m.focused().unwrap().get_attribute("value"),
            Some(second.value())
        );
        press(&m, "Enter");
        settle().await;
    }
    until!(|| m.focused().is_some() && m.screen() == "result").await;
    assert_eq!(m.screen(), "result");
    assert_eq!(m.focused().unwrap().tag_name(), "H2");
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_are_independent() {
    let a = Mounted::new().await;
    let b = Mounted::new().await;
    a.get::<HtmlElement>("button.lq-primary").click();
    until!(|| a.screen() == "question").await;
    assert_eq!(a.screen(), "question");
    assert_eq!(b.screen(), "intro");
}
