//! Progress since last time: how the profile moved since the visitor's earlier result,
//! in a sentence, with a way to forget the earlier results.

use levels_engine::{fill, movement, Content, Outcome, Profile};
use yew::prelude::*;

/// The visitor's earlier result, as the result screen shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct EarlierProfile {
    /// The day it was reached, written out for the content's language.
    pub date: String,
    /// Its profile, scored with the content on screen.
    pub profile: Profile,
}

/// What the result says about the visitor's earlier result.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Since {
    /// Nothing: there is none to compare with (or it is someone else's shared result).
    #[default]
    Nothing,
    /// The earlier result: the sentence, markers on the picture, and a way to forget it.
    Earlier(EarlierProfile),
    /// The earlier results were just forgotten: the result says so.
    Forgotten,
}

impl Since {
    /// The earlier result, when there is one to show.
    pub fn earlier(&self) -> Option<&EarlierProfile> {
        match self {
            Since::Earlier(earlier) => Some(earlier),
            Since::Nothing | Since::Forgotten => None,
        }
    }
}

/// The sentence saying how the profile moved since the earlier result, and the button
/// forgetting the earlier results; once forgotten, a line saying so, which takes the
/// button's keyboard focus (`data-lq-refocus`, see `js/services.js`).
pub fn since_block(
    content: &Content,
    outcome: &Outcome,
    since: &Since,
    on_forget: &Callback<()>,
) -> Html {
    let ui = &content.ui;
    let earlier = match since {
        Since::Nothing => return Html::default(),
        Since::Forgotten => {
            return html! {
                <p class="lq-earlier lq-forgotten" role="status" tabindex="-1" data-lq-refocus="">
                    { &ui.earlier_forgotten }
                </p>
            }
        }
        Since::Earlier(earlier) => earlier,
    };
    let date = earlier.date.as_str();
    let moved = movement(&earlier.profile, &outcome.profile);
    let sentence = match moved {
        Some(moved) => fill(
            &ui.earlier_moved,
            &[
                ("date", date),
                ("level", &content.level(moved.level).name),
                ("points", &moved.points.to_string()),
            ],
        ),
        None => fill(&ui.earlier_same, &[("date", date)]),
    };
    let on_forget = on_forget.reform(|_: MouseEvent| ());
    html! {
        <div class="lq-earlier" data-moved={moved.map_or("none", |moved| moved.level.id())}>
            <p class="lq-earlier-text">{ sentence }</p>
            <button type="button" class="lq-forget" onclick={on_forget}>{ &ui.earlier_forget }</button>
        </div>
    }
}
