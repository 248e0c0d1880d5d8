//! The workspace's stand-in for `console_error_panic_hook` 0.1.7, patched in by the
//! root `Cargo.toml` (`[patch.crates-io]`), with the same two functions.
//!
//! Yew installs [`hook`] as the panic hook whenever it renders, so the original crate
//! is linked into every build. The bundle's release build panics with
//! `-C panic=immediate-abort` (`scripts/build-bundle.sh`): a panic traps at once and no
//! hook ever runs. The original hook's code stayed in the wasm all the same: the panic
//! message's formatting, a JavaScript `Error` for its stack, `console.error`.
//!
//! Here the hook does the original's work only in builds with debug assertions
//! (`make serve`, the browser tests), where a panic's message in the console is what a
//! developer needs; release builds get an empty function.

use std::panic::PanicHookInfo;

#[cfg(all(target_arch = "wasm32", debug_assertions))]
mod console {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = console)]
        pub fn error(message: &str);
    }
}

/// Logs a panic: to `console.error` in the browser (the console shows where it was
/// called from), to standard error elsewhere. Only with debug assertions.
pub fn hook(info: &PanicHookInfo<'_>) {
    #[cfg(all(target_arch = "wasm32", debug_assertions))]
    console::error(&info.to_string());
    #[cfg(all(not(target_arch = "wasm32"), debug_assertions))]
    eprintln!("{info}");
    #[cfg(not(debug_assertions))]
    let _ = info;
}

/// Installs [`hook`] the first time it is called; later calls do nothing.
pub fn set_once() {
    static SET: std::sync::Once = std::sync::Once::new();
    SET.call_once(|| std::panic::set_hook(Box::new(hook)));
}
