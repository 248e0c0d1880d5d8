//! The coach's call to action.

use levels_engine::Offer;
use yew::prelude::*;

/// The offer's heading and invitation (the content's call to action for this reader,
/// named by `data-cta`), and one button-styled link: `label` (the offer's, or the
/// `cta-label` attribute) to `href` (with the outcome in its query). `on_click` hears
/// it followed.
pub fn call_to_action(offer: Offer<'_>, label: &str, href: &str, on_click: &Callback<()>) -> Html {
    html! {
        <section class="lq-cta" data-cta={offer.id.to_owned()}>
            <h3>{ offer.heading }</h3>
            <p>{ offer.body }</p>
            <a class="lq-button lq-primary lq-cta-button" href={href.to_owned()}
                onclick={on_click.reform(|_: MouseEvent| ())}>
                { label }
            </a>
        </section>
    }
}
