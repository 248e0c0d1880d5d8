//! The coach's call to action.

use levels_engine::Cta;
use yew::prelude::*;

/// Props of [`CallToAction`].
#[derive(Properties, Clone, PartialEq)]
pub struct CallToActionProps {
    /// Texts and default link from the content.
    pub cta: Cta,
}

/// A heading, an invitation and one button-styled link.
#[component]
pub fn CallToAction(props: &CallToActionProps) -> Html {
    let cta = &props.cta;
    html! {
        <section class="lq-cta">
            <h3>{ &cta.heading }</h3>
            <p>{ &cta.body }</p>
            <a class="lq-button lq-primary lq-cta-button" href={cta.href.clone()}>{ &cta.label }</a>
        </section>
    }
}
