//! The level profile as an inline SVG: one bar per level, highest level on top, the
//! operating level filled with the accent, the title level outlined and labelled.

use levels_engine::{Content, Level, Outcome};
use yew::prelude::*;

/// Width of the drawing in SVG units; bars scale to it.
const WIDTH: u32 = 320;
/// Height of one level's row.
const ROW: u32 = 58;

/// The profile picture: level names and the marker text from `content`, shares from
/// `outcome`. Its accessible name states every share and the title level, so the
/// picture says the same thing to a screen reader.
pub fn profile_chart(content: &Content, outcome: &Outcome) -> Html {
    let height = ROW * 3;
    let description = Level::ALL
        .iter()
        .map(|level| {
            format!(
                "{} {}%",
                content.level(*level).name,
                outcome.profile.share(*level)
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let description = format!(
        "{description}. {}: {}.",
        content.ui.title_marker,
        content.level(outcome.title).name
    );

    let rows = Level::ALL.iter().rev().enumerate().map(|(row, level)| {
        let y = row as u32 * ROW;
        let share = u32::from(outcome.profile.share(*level));
        // A visible sliver for a small share; nothing at all for none.
        let bar = if share == 0 { 0 } else { (share * WIDTH / 100).max(4) };
        let is_title = *level == outcome.title;
        let is_operating = *level == outcome.operating;
        // Literal classes only (see components/mod.rs): the row's roles are attributes.
        html! {
            <g class="lq-row" data-level={level.id()}
                data-operating={is_operating.then_some("")} data-title={is_title.then_some("")}>
                if is_title {
                    <rect class="lq-title-frame" x="-6" y={(y + 1).to_string()}
                        width={(WIDTH + 12).to_string()} height={(ROW - 6).to_string()} rx="10" />
                }
                <text class="lq-row-name" x="0" y={(y + 20).to_string()}>
                    { &content.level(*level).name }
                </text>
                if is_title {
                    <text class="lq-row-marker" x={WIDTH.to_string()} y={(y + 20).to_string()} text-anchor="end">
                        { format!("\u{25C6} {}", content.ui.title_marker) }
                    </text>
                }
                <rect class="lq-bar-track" x="0" y={(y + 29).to_string()}
                    width={WIDTH.to_string()} height="16" rx="8" />
                <rect class="lq-bar" x="0" y={(y + 29).to_string()}
                    width={bar.to_string()} height="16" rx="8" />
                <text class="lq-row-share" x={if share > 82 { (bar - 8).to_string() } else { (bar + 8).to_string() }}
                    y={(y + 42).to_string()} text-anchor={if share > 82 { "end" } else { "start" }}>
                    { format!("{share}%") }
                </text>
            </g>
        }
    });

    html! {
        <svg class="lq-chart" viewBox={format!("-8 -2 {} {}", WIDTH + 16, height + 2)}
            role="img" aria-label={description} focusable="false">
            { for rows }
        </svg>
    }
}
