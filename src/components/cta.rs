//! The coach's call to action.

use levels_engine::Cta;
use yew::prelude::*;

/// A heading and an invitation from the content, and one button-styled link: `label`
/// (the content's, or the `cta-label` attribute) to `href` (with the outcome in its
/// query). `on_click` hears it followed.
pub fn call_to_action(cta: &Cta, label: &str, href: &str, on_click: &Callback<()>) -> Html {
    html! {
        <section class="lq-cta">
            <h3>{ &cta.heading }</h3>
            <p>{ &cta.body }</p>
            <a class="lq-button lq-primary lq-cta-button" href={href.to_owned()}
                onclick={on_click.reform(|_: MouseEvent| ())}>
                { label }
            </a>
        </section>
    }
}
