//! Popup mode: a trigger button that opens the quiz in a modal dialog.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What [`popup`] shows.
pub struct PopupProps {
    /// The trigger's text.
    pub open_label: AttrValue,
    /// The close button's accessible name.
    pub close_label: AttrValue,
    /// The dialog's accessible name.
    pub title: AttrValue,
    /// The quiz.
    pub children: Html,
}

/// A native `<dialog>` opened with `showModal()`: the browser traps focus inside it,
/// makes the page behind inert, and closes it on Esc. Focus returns to the trigger.
///
/// A function, not a component: each handler finds the dialog from its own event
/// (the dialog follows its trigger). Opening at once for a shared link is the root's
/// (`Platform::open_dialog`).
pub fn popup(props: &PopupProps) -> Html {
    let on_open = Callback::from(|event: MouseEvent| {
        let dialog = event
            .target_dyn_into::<web_sys::Element>()
            .and_then(|target| target.closest(".lq-trigger").ok().flatten())
            .and_then(|trigger| trigger.next_element_sibling())
            .and_then(|next| next.dyn_into::<web_sys::HtmlDialogElement>().ok());
        if let Some(dialog) = dialog {
            let _ = dialog.show_modal();
        }
    });
    let on_close_click = Callback::from(|event: MouseEvent| {
        // The click may land on the icon inside the button.
        let dialog = event
            .target_dyn_into::<web_sys::Element>()
            .and_then(|target| target.closest("dialog").ok().flatten())
            .and_then(|dialog| dialog.dyn_into::<web_sys::HtmlDialogElement>().ok());
        if let Some(dialog) = dialog {
            dialog.close();
        }
    });
    // Fired for the close button and for Esc alike.
    let on_closed = Callback::from(|event: Event| {
        let trigger = event
            .target_dyn_into::<web_sys::Element>()
            .and_then(|dialog| dialog.previous_element_sibling())
            .and_then(|trigger| trigger.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(trigger) = trigger {
            let _ = trigger.focus();
        }
    });
    html! {
        <div class="lq-popup">
            <button type="button" class="lq-button lq-primary lq-trigger"
                aria-haspopup="dialog" onclick={on_open}>
                { &props.open_label }
            </button>
            <dialog class="lq-dialog" aria-label={props.title.clone()} onclose={on_closed}>
                <div class="lq-dialog-bar">
                    <button type="button" class="lq-close" aria-label={props.close_label.clone()}
                        onclick={on_close_click}>
                        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                            <path d="M3.5 3.5l9 9m0-9l-9 9" />
                        </svg>
                    </button>
                </div>
                { props.children.clone() }
            </dialog>
        </div>
    }
}
