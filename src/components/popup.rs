//! Popup mode: a trigger button that opens the quiz in a modal dialog.

use yew::prelude::*;

/// Props of [`Popup`].
#[derive(Properties, Clone, PartialEq)]
pub struct PopupProps {
    /// The trigger's text.
    pub open_label: AttrValue,
    /// The close button's accessible name.
    pub close_label: AttrValue,
    /// The dialog's accessible name.
    pub title: AttrValue,
    /// Open the dialog as soon as it mounts (a shared result link was opened).
    #[prop_or_default]
    pub open_on_mount: bool,
    /// The quiz.
    pub children: Html,
}

/// A native `<dialog>` opened with `showModal()`: the browser traps focus inside it,
/// makes the page behind inert, and closes it on Esc. Focus returns to the trigger.
#[component]
pub fn Popup(props: &PopupProps) -> Html {
    let open_on_mount = props.open_on_mount;
    let dialog = use_node_ref();
    let trigger = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            if open_on_mount {
                if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
                    let _ = dialog.show_modal();
                }
            }
        });
    }
    let on_open = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
                let _ = dialog.show_modal();
            }
        })
    };
    let on_close_click = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    // Fired for the close button and for Esc alike.
    let on_closed = {
        let trigger = trigger.clone();
        Callback::from(move |_: Event| {
            if let Some(trigger) = trigger.cast::<web_sys::HtmlElement>() {
                let _ = trigger.focus();
            }
        })
    };
    html! {
        <div class="lq-popup">
            <button type="button" class="lq-button lq-primary lq-trigger" ref={trigger}
                aria-haspopup="dialog" onclick={on_open}>
                { &props.open_label }
            </button>
            <dialog class="lq-dialog" ref={dialog} aria-label={props.title.clone()} onclose={on_closed}>
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
