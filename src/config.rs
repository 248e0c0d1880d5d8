//! The element's attributes, read into a typed configuration.
//!
//! Parsing is pure and native-tested; the browser side only hands over a lookup.
//! A bad value never stops the widget: it yields a warning naming the attribute and
//! the allowed values, and the default is used.

use levels_engine::{LeadPlacement, Opening};

/// How the quiz is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// In the page, where the element is.
    #[default]
    Inline,
    /// Behind a trigger button, in a modal dialog.
    Popup,
}

/// Everything a marketer can set on the element, besides content and language.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Where the call to action goes, instead of the content's link.
    pub cta_href: Option<String>,
    /// The call to action's text, instead of the content's.
    pub cta_label: Option<String>,
    /// Inline or popup.
    pub mode: Mode,
    /// Whether a run opens on the intro or on question 1 (`intro="off"`: the page
    /// around the quiz is its introduction).
    pub opening: Opening,
    /// Save progress in `localStorage` and resume after a reload.
    pub persist: bool,
    /// Offer a link to the result.
    pub share: bool,
    /// Where the lead form sits, if anywhere.
    pub lead: LeadPlacement,
    /// Where the lead form posts; without it the form only emits an event.
    pub lead_action: Option<String>,
    /// Push events to `window.dataLayer`.
    pub analytics: bool,
    /// The element's `id`, which keeps its saved progress apart from another element's
    /// of the same quiz on the same page.
    pub id: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            cta_href: None,
            cta_label: None,
            mode: Mode::Inline,
            opening: Opening::Intro,
            persist: true,
            share: true,
            lead: LeadPlacement::Off,
            lead_action: None,
            analytics: false,
            id: None,
        }
    }
}

/// An attribute value that was not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The attribute.
    pub attribute: &'static str,
    /// What it said.
    pub value: String,
    /// What it may say.
    pub allowed: &'static str,
    /// What is used instead.
    pub fallback: &'static str,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "<levels-quiz>: {}=\"{}\" is not one of {}; using {}",
            self.attribute, self.value, self.allowed, self.fallback
        )
    }
}

impl Config {
    /// Reads the configuration through `get` (an attribute lookup), with a warning
    /// for each value that was not understood.
    pub fn from_attributes(get: impl Fn(&str) -> Option<String>) -> (Config, Vec<Warning>) {
        let mut warnings = Vec::new();
        let mut choose = |attribute: &'static str,
                          allowed: &'static str,
                          fallback: &'static str,
                          pick: &dyn Fn(&str) -> Option<u8>|
         -> Option<u8> {
            let value = get(attribute)?;
            let picked = pick(value.trim().to_ascii_lowercase().as_str());
            if picked.is_none() {
                warnings.push(Warning {
                    attribute,
                    value,
                    allowed,
                    fallback,
                });
            }
            picked
        };
        let switch = |v: &str| match v {
            "" | "on" | "true" | "yes" => Some(1),
            "off" | "false" | "no" => Some(0),
            _ => None,
        };
        let mode = match choose("mode", "inline, popup", "inline", &|v| match v {
            "inline" => Some(0),
            "popup" => Some(1),
            _ => None,
        }) {
            Some(1) => Mode::Popup,
            _ => Mode::Inline,
        };
        let opening = match choose("intro", "on, off", "on", &switch) {
            Some(0) => Opening::FirstQuestion,
            _ => Opening::Intro,
        };
        let persist = choose("persist", "on, off", "on", &switch) != Some(0);
        let share = choose("share", "on, off", "on", &switch) != Some(0);
        let analytics = choose("analytics", "on, off", "off", &switch) == Some(1);
        let lead = match choose(
            "lead",
            "off, before-results, after-results",
            "off",
            &|v| match v {
                "off" => Some(0),
                "before-results" => Some(1),
                "after-results" => Some(2),
                _ => None,
            },
        ) {
            Some(1) => LeadPlacement::BeforeResults,
            Some(2) => LeadPlacement::AfterResults,
            _ => LeadPlacement::Off,
        };
        // The theme is applied by the stylesheet (`:host([theme=...])`); it is only
        // checked here so a typo gets a warning.
        choose("theme", "light, dark, auto", "light", &|v| {
            matches!(v, "light" | "dark" | "auto").then_some(0)
        });
        let text = |attribute: &str| {
            get(attribute)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let config = Config {
            cta_href: text("cta-href"),
            cta_label: text("cta-label"),
            mode,
            opening,
            persist,
            share,
            lead,
            lead_action: text("lead-action"),
            analytics,
            id: text("id"),
        };
        (config, warnings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> (Config, Vec<Warning>) {
        Config::from_attributes(|name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn no_attributes_means_defaults() {
        assert_eq!(parse(&[]), (Config::default(), vec![]));
    }

    #[test]
    fn every_attribute_is_read() {
        let (config, warnings) = parse(&[
            ("cta-href", " https://coach.example/book "),
            ("cta-label", "Book"),
            ("mode", "Popup"),
            ("intro", "off"),
            ("persist", "off"),
            ("share", "false"),
            ("lead", "before-results"),
            ("lead-action", "https://forms.example/lead"),
            ("analytics", ""),
            ("theme", "dark"),
            ("id", " quiz-2 "),
        ]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            config,
            Config {
                cta_href: Some("https://coach.example/book".into()),
                cta_label: Some("Book".into()),
                mode: Mode::Popup,
                opening: Opening::FirstQuestion,
                persist: false,
                share: false,
                lead: LeadPlacement::BeforeResults,
                lead_action: Some("https://forms.example/lead".into()),
                analytics: true,
                id: Some("quiz-2".into()),
            }
        );
    }

    #[test]
    fn intro_takes_every_way_of_saying_on_and_off() {
        for (value, opening) in [
            ("off", Opening::FirstQuestion),
            (" No ", Opening::FirstQuestion),
            ("false", Opening::FirstQuestion),
            ("on", Opening::Intro),
            ("", Opening::Intro),
            ("YES", Opening::Intro),
            ("true", Opening::Intro),
        ] {
            let (config, warnings) = parse(&[("intro", value)]);
            assert_eq!(config.opening, opening, "intro={value:?}");
            assert!(warnings.is_empty(), "intro={value:?}: {warnings:?}");
        }
        let (config, warnings) = parse(&[("intro", "skip")]);
        assert_eq!(config.opening, Opening::Intro);
        assert_eq!(
            warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["<levels-quiz>: intro=\"skip\" is not one of on, off; using on"]
        );
    }

    #[test]
    fn bad_values_warn_and_fall_back() {
        let (config, warnings) =
            parse(&[("mode", "sideways"), ("lead", "always"), ("theme", "pink")]);
        assert_eq!(config.mode, Mode::Inline);
        assert_eq!(config.lead, LeadPlacement::Off);
        let lines: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "<levels-quiz>: mode=\"sideways\" is not one of inline, popup; using inline",
                "<levels-quiz>: lead=\"always\" is not one of off, before-results, after-results; using off",
                "<levels-quiz>: theme=\"pink\" is not one of light, dark, auto; using light",
            ]
        );
    }
}

/// A language the bundle carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// Its tag, e.g. `zh-CN`.
    pub code: String,
    /// Its name in itself, e.g. `简体中文`.
    pub name: String,
}
