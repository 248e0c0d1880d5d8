//! Interface strings: the fixed set of keys a content file's `ui` section may give,
//! and every shipped language's texts for them, which fill in the keys it leaves out.

macro_rules! ui_strings {
    ($($(#[doc = $doc:literal])* $key:ident $(needs [$($placeholder:literal),*])?,)*) => {
        /// The widget's interface strings, one field per key of the content's `ui` section.
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct Ui {
            $($(#[doc = $doc])* pub $key: String,)*
        }

        impl Ui {
            /// Every key, with the placeholders its text must contain.
            pub const KEYS: &'static [(&'static str, &'static [&'static str])] = &[
                $((stringify!($key), &[$($($placeholder),*)?]),)*
            ];

            /// Every field, in declaration order (for packing).
            pub(crate) fn fields(&self) -> Vec<&String> {
                vec![$(&self.$key),*]
            }

            /// Each field in declaration order from `text` (for unpacking): about 0.5 KB
            /// gzip smaller in the widget's wasm than an empty `Ui` (`Default`) filled
            /// in field by field.
            pub(crate) fn from_each(mut text: impl FnMut() -> String) -> Ui {
                // Read in a loop, then moved into place: a call per field would be
                // one more copy of the call per key in the wasm.
                let [$($key),*]: [String; Ui::KEYS.len()] = std::array::from_fn(|_| text());
                Ui { $($key),* }
            }

            /// Sets the field named `key`; false when there is no such key.
            pub(crate) fn set(&mut self, key: &str, value: String) -> bool {
                match key {
                    $(stringify!($key) => self.$key = value,)*
                    _ => return false,
                }
                true
            }
        }

        /// One shipped language's interface strings, a field per key: the `ui` section
        /// of its content file, written out by build.rs.
        pub(crate) struct DefaultUi {
            $(pub(crate) $key: &'static str,)*
        }

        impl DefaultUi {
            /// Every text, in the order of [`Ui::KEYS`].
            pub(crate) fn texts(&self) -> [&'static str; Ui::KEYS.len()] {
                [$(self.$key),*]
            }
        }
    };
}

ui_strings! {
    /// Progress line, e.g. "Question {current} of {total}".
    progress needs ["{current}", "{total}"],
    /// Back button.
    back,
    /// Next button.
    next,
    /// Next button on the last question.
    finish,
    /// Said when Next is pressed without an answer.
    answer_required,
    /// Small line above the result headline.
    result_eyebrow,
    /// Heading of the profile picture.
    profile_heading,
    /// One sentence naming the operating and title levels.
    profile_summary needs ["{operating}", "{title}"],
    /// Label of the title marker in the profile picture.
    title_marker,
    /// Said when two levels are close: the week is split between them.
    profile_split needs ["{operating}", "{other}"],
    /// Heading of the rung block, e.g. "Your rung: Director".
    rung_heading needs ["{rung}"],
    /// Label of the rung's job.
    rung_job,
    /// Label of the rung's failure mode.
    rung_failure,
    /// Label of the trade the rung asks for.
    rung_trade,
    /// How much of the week sits at the level the rung's job is done at.
    rung_match needs ["{share}", "{level}"],
    /// Heading of the causes.
    causes_heading,
    /// Heading of the causes for a reader whose work matches or outgrows the title:
    /// what to watch, not what holds them back.
    causes_watch_heading,
    /// Said when no cause applies.
    causes_none,
    /// Badge of a strongly applying cause.
    cause_strong,
    /// Badge of a cause that applies.
    cause_some,
    /// Heading of the next steps.
    steps_heading,
    /// Heading of the habits to build.
    constructive_heading,
    /// Heading of the patterns the answers show.
    destructive_heading,
    /// Heading of the definitions.
    terms_heading,
    /// Start-over button.
    restart,
    /// Heading of the error panel.
    error_heading,
    /// Text of the error panel.
    error_body,
    /// Label of the error panel's list of problems.
    error_details,
    /// Button copying a link to the result.
    share_button,
    /// Said once the link is copied.
    share_copied,
    /// Shown above the link when it cannot be copied automatically.
    share_manual,
    /// Said when a shared link cannot be read.
    link_unreadable,
    /// Button starting afresh after an unreadable link (or outdated saved progress).
    link_fresh_start,
    /// Said when progress saved by an earlier version of the quiz was found: its
    /// answers cannot be read by this one, so the visitor starts afresh.
    progress_outdated,
    /// Button opening the browser's print dialog.
    print_button,
    /// The popup mode's trigger button.
    popup_open,
    /// The popup dialog's close button.
    dialog_close,
    /// Heading of the lead form.
    lead_heading,
    /// Text of the lead form.
    lead_body,
    /// Name field label.
    lead_name,
    /// Email field label.
    lead_email,
    /// Consent checkbox text.
    lead_consent,
    /// Submit button of the lead form.
    lead_submit,
    /// Skip button of the lead form.
    lead_skip,
    /// Button on the result opening the lead form (lead after results).
    lead_open,
    /// Said when the name is empty.
    lead_name_required,
    /// Said when the email does not look like one.
    lead_email_invalid,
    /// Said when consent is not given.
    lead_consent_required,
    /// Said when the details were sent.
    lead_sent,
    /// Said when sending failed.
    lead_failed,
    /// Button sending again after a failure.
    lead_retry,
    /// Accessible name of the language switch.
    language_label,
    /// Shown for the moment the result screen's code is still arriving.
    later_loading,
    /// Said when what the next screen needs (a question's texts, the result screen's
    /// code) could not be fetched.
    later_failed,
    /// Button fetching it again.
    later_retry,
    /// Said under the profile when it moved since the visitor's remembered earlier
    /// result: the level that gained most, and by how many points.
    earlier_moved needs ["{date}", "{level}", "{points}"],
    /// Said under the profile when it is the same as the remembered earlier result's.
    earlier_same needs ["{date}"],
    /// Names the earlier result in the profile picture (its legend and text alternative).
    earlier_marker needs ["{date}"],
    /// Button forgetting the remembered results.
    earlier_forget,
    /// Said once they are forgotten.
    earlier_forgotten,
}

include!(concat!(env!("OUT_DIR"), "/ui_defaults.rs"));

/// The interface strings a shipped language gives content in `language`: those of the
/// same tag, else of the same primary subtag (`zh` and `zh-TW` get `zh-CN`'s), compared
/// without regard to case; `None` when no shipped language matches.
pub(crate) fn defaults_for(language: &str) -> Option<&'static DefaultUi> {
    let same_tag = DEFAULTS
        .iter()
        .find(|(tag, _)| tag.eq_ignore_ascii_case(language));
    let same_primary = || {
        DEFAULTS
            .iter()
            .find(|(tag, _)| primary(tag).eq_ignore_ascii_case(primary(language)))
    };
    same_tag.or_else(same_primary).map(|(_, texts)| *texts)
}

/// A language tag's first subtag: `zh` for `zh-CN`.
fn primary(tag: &str) -> &str {
    tag.split_once('-').map_or(tag, |(primary, _)| primary)
}

/// Replaces each `{name}` in `template` with its value.
///
/// ```
/// use levels_engine::fill;
/// assert_eq!(fill("Question {current} of {total}", &[("current", "3"), ("total", "12")]), "Question 3 of 12");
/// ```
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let replaced = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value, close))
        });
        match replaced {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_leaves_unknown_placeholders() {
        assert_eq!(fill("{a} {b} {", &[("a", "1")]), "1 {b} {");
    }

    #[test]
    fn every_shipped_language_gives_every_text_with_its_placeholders() {
        assert_eq!(DEFAULTS[0].0, "en");
        assert!(DEFAULTS.len() >= 2, "English and Chinese at least");
        for (tag, defaults) in DEFAULTS {
            for ((key, placeholders), text) in Ui::KEYS.iter().zip(defaults.texts()) {
                assert!(!text.is_empty() && text.trim() == text, "{tag}: ui.{key}");
                for placeholder in *placeholders {
                    assert!(text.contains(placeholder), "{tag}: ui.{key}: {placeholder}");
                }
            }
        }
    }

    #[test]
    fn a_language_finds_the_defaults_of_its_tag_or_its_primary_subtag() {
        let tag_of = |language| {
            let found = defaults_for(language)?;
            DEFAULTS
                .iter()
                .find(|(_, texts)| std::ptr::eq(*texts, found))
                .map(|(tag, _)| *tag)
        };
        assert_eq!(tag_of("en"), Some("en"));
        assert_eq!(tag_of("en-GB"), Some("en"));
        assert_eq!(tag_of("zh-CN"), Some("zh-CN"));
        assert_eq!(tag_of("zh-cn"), Some("zh-CN"));
        assert_eq!(tag_of("zh"), Some("zh-CN"));
        assert_eq!(tag_of("zh-TW"), Some("zh-CN"));
        assert_eq!(tag_of("fr"), None);
        assert_eq!(tag_of("eng"), None);
    }
}
