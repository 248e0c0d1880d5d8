//! Moving focus to a screen's heading when the visitor arrives on it.

use yew::prelude::*;

/// Focuses `node` once after mount when `enabled`, so keyboard and screen-reader
/// users land on the new screen's heading. Never runs during server rendering.
#[hook]
pub fn use_focus_on_mount(node: NodeRef, enabled: bool) {
    use_effect_with((), move |_| {
        if enabled {
            if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                // A heading is not focusable by default; it carries tabindex="-1".
                let _ = element.focus();
            }
        }
    });
}
