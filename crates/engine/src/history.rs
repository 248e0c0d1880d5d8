//! Results remembered on the visitor's device, for "progress since last time".
//!
//! A [`History`] holds a visitor's last few completed results ([`MAX_REMEMBERED`],
//! newest last), each as the day it was reached and its answers as a share code
//! ([`crate::encode_link`]): answers and a date, nothing else. Scores are derived, so a
//! remembered result is scored again with the content at hand, and one whose code does
//! not decode for that content (another version of the quiz) is left out.
//!
//! Stored as text: `r1`, then `|<YYYY-MM-DD>:<code>` per result, e.g.
//! `r1|2025-03-03:AQIP...|2025-03-10:AQIP...`. [`History::decode`] never fails: an
//! unreadable entry is dropped, unreadable text is an empty history.

use std::fmt;

use crate::model::{Content, Level};
use crate::score::{Answers, Profile};
use crate::share::{decode_link, encode_link};

/// Most results a [`History`] keeps.
pub const MAX_REMEMBERED: usize = 3;

/// What a stored history starts with (its format).
const HISTORY_FORMAT: &str = "r1";

/// Longest share code an entry may hold: one for the most questions a quiz may have
/// takes 39 characters; anything longer is not a code.
const MAX_CODE: usize = 64;

/// A calendar day, as the visitor's device saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    year: u16,
    month: u8,
    day: u8,
}

impl Day {
    /// The day of `year`-`month`-`day`, when it exists (years 2000 to 9999).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Day> {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((2000..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Day {
            year,
            month,
            day,
        })
    }

    /// Reads `YYYY-MM-DD` (exactly that: four, two and two digits).
    ///
    /// ```
    /// use levels_engine::Day;
    /// assert_eq!(Day::parse("2025-03-03").map(|d| d.to_string()).as_deref(), Some("2025-03-03"));
    /// assert_eq!(Day::parse("2025-02-30"), None);
    /// assert_eq!(Day::parse("2025-3-3"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Day> {
        let bytes = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = bytes.get(range)?;
            part.iter().try_fold(0u16, |n, b| {
                b.is_ascii_digit().then(|| n * 10 + u16::from(b - b'0'))
            })
        };
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let month = u8::try_from(digits(5..7)?).ok()?;
        let day = u8::try_from(digits(8..10)?).ok()?;
        Day::new(digits(0..4)?, month, day)
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u8 {
        self.day
    }
}

impl fmt::Display for Day {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // As u32: the formatting code numbers already use, not another copy of it.
        let (year, month, day) = (
            u32::from(self.year),
            u32::from(self.month),
            u32::from(self.day),
        );
        write!(f, "{year:04}-{month:02}-{day:02}")
    }
}

/// One remembered result: the day it was reached and its answers as a share code.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    day: Day,
    code: String,
}

/// A visitor's remembered results, newest last, at most [`MAX_REMEMBERED`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct History(Vec<Entry>);

/// A remembered result to compare the current one with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Earlier {
    /// The day it was reached.
    pub day: Day,
    /// Its answers, read for the current content (score them to compare).
    pub answers: Answers,
}

impl History {
    /// Reads a stored history. Never fails: entries that cannot be read are dropped,
    /// and text that is not a history at all is an empty one.
    pub fn decode(text: &str) -> History {
        let mut parts = text.split('|');
        if parts.next() != Some(HISTORY_FORMAT) {
            return History::default();
        }
        let entries: Vec<Entry> = parts
            .filter_map(|part| {
                let (day, code) = part.split_once(':')?;
                let readable = !code.is_empty()
                    && code.len() <= MAX_CODE
                    && code
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
                readable.then_some(Entry {
                    day: Day::parse(day)?,
                    code: code.to_owned(),
                })
            })
            .collect();
        let extra = entries.len().saturating_sub(MAX_REMEMBERED);
        History(entries[extra..].to_vec())
    }

    /// The text to store.
    pub fn encode(&self) -> String {
        let mut out = HISTORY_FORMAT.to_owned();
        for entry in &self.0 {
            out.push_str(&format!("|{}:{}", entry.day, entry.code));
        }
        out
    }

    /// How many results it holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The history with `answers` remembered as reached on `day`: added as the newest,
    /// unless the newest already holds these answers (a reload on the result: the same
    /// result, remembered once, on the day first reached). Entries that do not decode
    /// for `content` (another version of the quiz) are dropped, and the oldest go
    /// beyond [`MAX_REMEMBERED`].
    pub fn remember(&self, content: &Content, answers: &Answers, day: Day) -> History {
        let mut entries: Vec<Entry> = self
            .0
            .iter()
            .filter(|entry| decode_link(content, &entry.code).is_ok())
            .cloned()
            .collect();
        let code = encode_link(content, answers);
        if entries.last().map(|entry| &entry.code) != Some(&code) {
            entries.push(Entry { day, code });
        }
        let extra = entries.len().saturating_sub(MAX_REMEMBERED);
        History(entries.split_off(extra))
    }

    /// The result to compare `answers` with: the newest one that decodes for `content`,
    /// passing over the newest when it holds these same answers (this result, already
    /// remembered); `None` when there is none.
    pub fn earlier(&self, content: &Content, answers: &Answers) -> Option<Earlier> {
        let mut readable = self.0.iter().rev().filter_map(|entry| {
            Some(Earlier {
                day: entry.day,
                answers: decode_link(content, &entry.code).ok()?,
            })
        });
        let newest = readable.next()?;
        if newest.answers == *answers {
            readable.next()
        } else {
            Some(newest)
        }
    }
}

/// How a profile moved: the level that gained most, and by how many points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Movement {
    /// The level whose share grew most (ties to the higher level).
    pub level: Level,
    /// By how many percentage points it grew (at least 1).
    pub points: u8,
}

/// How the profile moved from `earlier` to `now`; `None` when no share changed.
///
/// ```
/// use levels_engine::{movement, Level, Movement, Profile};
/// let before = Profile { implementation: 50, unification: 40, communication: 10 };
/// let after = Profile { implementation: 38, unification: 52, communication: 10 };
/// assert_eq!(movement(&before, &after), Some(Movement { level: Level::Unification, points: 12 }));
/// assert_eq!(movement(&after, &after), None);
/// ```
pub fn movement(earlier: &Profile, now: &Profile) -> Option<Movement> {
    Level::ALL
        .iter()
        .map(|&level| Movement {
            level,
            points: now.share(level).saturating_sub(earlier.share(level)),
        })
        .filter(|moved| moved.points > 0)
        .max_by_key(|moved| (moved.points, moved.level.index()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_exist_or_are_refused() {
        assert!(Day::new(2024, 2, 29).is_some());
        assert!(Day::new(2025, 2, 29).is_none());
        assert!(Day::new(2000, 2, 29).is_some());
        assert!(Day::new(2100, 2, 29).is_none());
        assert!(Day::new(2025, 4, 31).is_none());
        assert!(Day::new(2025, 13, 1).is_none());
        assert!(Day::new(2025, 1, 0).is_none());
        assert!(Day::new(1999, 12, 31).is_none());
        for bad in [
            "",
            "2025-03-3",
            "2025/03/03",
            "20250303xx",
            "2025-03-0a",
            "+025-03-03",
            "2025-03-03 ",
        ] {
            assert_eq!(Day::parse(bad), None, "{bad:?}");
        }
        assert!(Day::new(2025, 3, 3) < Day::new(2025, 3, 10));
    }
}
