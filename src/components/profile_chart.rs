//! The level profile as an inline SVG: one bar per level, highest level on top, the
//! operating level filled with the accent, the title level outlined and labelled, and
//! the visitor's earlier result, when there is one, as a thin bar under each.

use levels_engine::{fill, Content, Level, Outcome, Profile};
use yew::prelude::*;

use super::EarlierProfile;

/// Width of the drawing in SVG units; bars scale to it.
const WIDTH: u32 = 320;
/// Height of one level's row.
const ROW: u32 = 58;

/// Room under the rows for the key to the earlier result's bars.
const KEY: u32 = 26;

/// Every level's share, "Implementation 20%, Unification 50%, Communication 30%".
fn shares(content: &Content, profile: &Profile) -> String {
    Level::ALL
        .iter()
        .map(|level| format!("{} {}%", content.level(*level).name, profile.share(*level)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The earlier result's bar for `share`: as wide as the current one would be.
fn bar_width(share: u32) -> u32 {
    // A visible sliver for a small share; nothing at all for none.
    if share == 0 {
        0
    } else {
        (share * WIDTH / 100).max(4)
    }
}

/// The profile picture: level names and the marker text from `content`, shares from
/// `outcome`, and the `earlier` result's shares as thin bars with a key. Its accessible
/// name states every share, the title level and the earlier shares, so the picture says
/// the same thing to a screen reader.
pub fn profile_chart(
    content: &Content,
    outcome: &Outcome,
    earlier: Option<&EarlierProfile>,
) -> Html {
    let rows_height = ROW * 3;
    let mut description = format!(
        "{}. {}: {}.",
        shares(content, &outcome.profile),
        content.ui.title_marker,
        content.level(outcome.title).name
    );
    let earlier_label =
        earlier.map(|earlier| fill(&content.ui.earlier_marker, &[("date", &earlier.date)]));
    if let (Some(earlier), Some(label)) = (earlier, &earlier_label) {
        description = format!(
            "{description} {label}: {}.",
            shares(content, &earlier.profile)
        );
    }
    let height = rows_height + if earlier.is_some() { KEY } else { 0 };

    let rows = Level::ALL.iter().rev().enumerate().map(|(row, level)| {
        let y = row as u32 * ROW;
        let share = u32::from(outcome.profile.share(*level));
        let bar = bar_width(share);
        let before = earlier.map(|earlier| bar_width(u32::from(earlier.profile.share(*level))));
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
                if let Some(before) = before {
                    <rect class="lq-bar-earlier" x="0" y={(y + 48).to_string()}
                        width={before.to_string()} height="4" rx="2" />
                }
            </g>
        }
    });

    html! {
        <svg class="lq-chart" viewBox={format!("-8 -2 {} {}", WIDTH + 16, height + 2)}
            role="img" aria-label={description} focusable="false">
            { for rows }
            if let Some(label) = earlier_label {
                <g class="lq-chart-key">
                    <rect class="lq-bar-earlier" x="0" y={(rows_height + 10).to_string()}
                        width="24" height="4" rx="2" />
                    <text class="lq-key-text" x="32" y={(rows_height + 16).to_string()}>{ label }</text>
                </g>
            }
        </svg>
    }
}
