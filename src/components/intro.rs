//! The intro screen: what the quiz reveals, how long it takes, where answers go.

use levels_engine::Content;
use yew::prelude::*;

use crate::config::Language;
use crate::shared::Shared;

/// What [`intro`] shows, and the intents it reports.
pub struct IntroProps {
    /// The content: intro texts, its language and the switch's accessible name.
    pub content: Shared<Content>,
    /// The visitor pressed start.
    pub on_start: Callback<()>,
    /// The languages to offer; the switch shows when there are several.
    pub languages: Vec<Language>,
    /// The visitor picked a language.
    pub on_language: Callback<String>,
}

/// The first screen, with one clear start button.
pub fn intro(props: &IntroProps) -> Html {
    let intro = &props.content.intro;
    let on_click = props.on_start.reform(|_: MouseEvent| ());
    let switch = language_switch(&props.content, &props.languages, &props.on_language);
    html! {
        <section key="intro" class="lq-screen lq-intro" data-screen="intro">
            { for switch }
            <h2 class="lq-title" tabindex="-1">{ &intro.title }</h2>
            <p class="lq-lead">{ &intro.body }</p>
            <ul class="lq-points">
                { for intro.points.iter().map(|point| html! { <li>{ point }</li> }) }
            </ul>
            <div class="lq-start-row">
                <button type="button" class="lq-button lq-primary" onclick={on_click}>
                    { &intro.start }
                </button>
                <span class="lq-meta">{ &intro.duration }</span>
            </div>
            { privacy_line(&intro.privacy) }
        </section>
    }
}

/// One button per language, the content's own pressed; `None` when there is only one
/// to offer. On the intro, or on question 1 when the quiz opens there.
pub fn language_switch(
    content: &Content,
    languages: &[Language],
    on_language: &Callback<String>,
) -> Option<Html> {
    (languages.len() > 1).then(|| {
        let buttons = languages.iter().map(|language| {
            let current = language.code == content.language;
            let code = language.code.clone();
            let on_click = on_language.reform(move |_: MouseEvent| code.clone());
            html! {
                <button type="button" class="lq-lang" lang={language.code.clone()}
                    aria-pressed={if current { "true" } else { "false" }} onclick={on_click}>
                    { &language.name }
                </button>
            }
        });
        html! {
            <div class="lq-langs" role="group" aria-label={content.ui.language_label.clone()}>
                { for buttons }
            </div>
        }
    })
}

/// Where the answers go (`text`, the intro's privacy line), after a lock.
pub fn privacy_line(text: &str) -> Html {
    html! {
        <p class="lq-privacy">
            <svg class="lq-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <path d="M4 7V5a4 4 0 0 1 8 0v2h.5A1.5 1.5 0 0 1 14 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 13.5v-5A1.5 1.5 0 0 1 3.5 7H4zm2 0h4V5a2 2 0 0 0-4 0v2z" />
            </svg>
            { text }
        </p>
    }
}
