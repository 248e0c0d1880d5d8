//! The last line of defence: if anything in the widget panics, every widget on the
//! page is replaced by its host's fallback content and says so with an error event,
//! instead of freezing or leaving a blank box.
//!
//! A panic in wasm aborts the instance, so no widget can go on after one; what is left
//! is to fail visibly and tell the host page.

use std::cell::RefCell;

use wasm_bindgen::JsValue;
use web_sys::HtmlElement;

thread_local! {
    static HOSTS: RefCell<Vec<HtmlElement>> = const { RefCell::new(Vec::new()) };
}

/// Installs the panic hook once. Through Yew's own setter: a hook set with
/// `std::panic::set_hook` would be replaced by Yew's default when it renders.
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| report(&info.to_string())));
    });
}

/// Remembers a mounted element, so a panic can reach it.
pub fn register(host: &HtmlElement) {
    HOSTS.with(|hosts| {
        if let Ok(mut hosts) = hosts.try_borrow_mut() {
            hosts.retain(|h| h.is_connected());
            hosts.push(host.clone());
        }
    });
}

/// Fails every registered widget visibly: the shadow root falls back to a `<slot>`
/// (the host's own content), the element is marked `data-lq-state="failed"`, and a
/// `levels-quiz:error` event with code `panic` is dispatched.
pub fn report(message: &str) {
    web_sys::console::error_1(&format!("<levels-quiz>: internal error: {message}").into());
    let hosts = HOSTS.with(|hosts| hosts.try_borrow().map(|h| h.clone()).unwrap_or_default());
    for host in hosts {
        let _ = host.set_attribute("data-lq-state", "failed");
        if let (Some(shadow), Some(document)) = (host.shadow_root(), host.owner_document()) {
            shadow.set_inner_html("");
            if let Ok(slot) = document.create_element("slot") {
                let _ = shadow.append_child(&slot);
            }
        }
        let detail = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&detail, &"code".into(), &"panic".into());
        let _ = js_sys::Reflect::set(&detail, &"message".into(), &JsValue::from_str(message));
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) =
            web_sys::CustomEvent::new_with_event_init_dict("levels-quiz:error", &init)
        {
            let _ = host.dispatch_event(&event);
        }
    }
}
