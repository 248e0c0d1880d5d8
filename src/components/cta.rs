//! The coach's call to action.

use levels_engine::Cta;
use yew::prelude::*;

/// Props of [`CallToAction`].
#[derive(Properties, Clone, PartialEq)]
pub struct CallToActionProps {
    /// Heading and invitation from the content.
    pub cta: Cta,
    /// The button's text (the content's, or the `cta-label` attribute).
    pub label: AttrValue,
    /// Where it goes, with the outcome in its query.
    pub href: AttrValue,
    /// Followed.
    pub on_click: Callback<()>,
}

/// A heading, an invitation and one button-styled link.
#[component]
pub fn CallToAction(props: &CallToActionProps) -> Html {
    let cta = &props.cta;
    html! {
        <section class="lq-cta">
            <h3>{ &cta.heading }</h3>
            <p>{ &cta.body }</p>
            <a class="lq-button lq-primary lq-cta-button" href={props.href.clone()}
                onclick={props.on_click.reform(|_: MouseEvent| ())}>
                { &props.label }
            </a>
        </section>
    }
}
