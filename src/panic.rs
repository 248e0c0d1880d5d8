//! The last line of defence: if anything in the widget panics, every widget on the
//! page is replaced by its host's fallback content and says so with an error event,
//! instead of freezing or leaving a blank box.
//!
//! A panic in wasm aborts the instance, so no widget can go on after one; what is left
//! is to fail visibly and tell the host page.

use std::cell::RefCell;

use crate::embed::Services;

thread_local! {
    static HOSTS: RefCell<Vec<Services>> = const { RefCell::new(Vec::new()) };
}

/// Installs the panic hook once. Through Yew's own setter: a hook set with
/// `std::panic::set_hook` would be replaced by Yew's default when it renders.
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| report(&info.to_string())));
    });
}

/// Remembers a mounted element (by its services), so a panic can reach it.
pub fn register(services: &Services) {
    HOSTS.with(|hosts| {
        if let Ok(mut hosts) = hosts.try_borrow_mut() {
            // A remount (a language switch) replaces the element's old entry.
            let host = services.host();
            hosts.retain(|h| h.connected() && h.host() != host);
            hosts.push(services.clone());
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
        host.fail(message);
    }
}
