//! Remembered results ("progress since last time"): what is kept, what a result is
//! compared with, and that no stored text makes reading one fail.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use levels_engine::*;
use proptest::prelude::*;

static CONTENT: std::sync::LazyLock<Content> =
    std::sync::LazyLock::new(|| load_str(DEFAULT_CONTENT).unwrap());

fn content() -> Content {
    CONTENT.clone()
}

fn some_answers(content: &Content, seed: usize) -> Answers {
    let chosen: Vec<usize> = content
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| (seed + i * 7) % q.options.len())
        .collect();
    Answers::new(content, &chosen).unwrap()
}

fn day(text: &str) -> Day {
    Day::parse(text).unwrap()
}

#[test]
fn a_first_result_has_nothing_to_compare_with_and_a_second_compares_with_the_first() {
    let content = content();
    let (first, second) = (some_answers(&content, 1), some_answers(&content, 2));
    let history = History::default().remember(&content, &first, day("2025-03-03"));
    assert_eq!(history.len(), 1);
    // The result just remembered is not its own earlier result.
    assert_eq!(history.earlier(&content, &first), None);
    // A second, different result compares with the first, before and after it is
    // remembered (a reload on it remembers nothing new).
    let expected = Some(Earlier {
        day: day("2025-03-03"),
        answers: first.clone(),
    });
    assert_eq!(history.earlier(&content, &second), expected);
    let history = history.remember(&content, &second, day("2025-03-10"));
    assert_eq!(history.len(), 2);
    assert_eq!(history.earlier(&content, &second), expected);
    let reloaded = history.remember(&content, &second, day("2025-03-11"));
    assert_eq!(reloaded, history);
    assert_eq!(reloaded.earlier(&content, &second), expected);
}

#[test]
fn the_stored_text_is_answers_and_days_only_and_reads_back() {
    let content = content();
    let (first, second) = (some_answers(&content, 1), some_answers(&content, 2));
    let history = History::default()
        .remember(&content, &first, day("2025-03-03"))
        .remember(&content, &second, day("2025-12-31"));
    let text = history.encode();
    assert_eq!(
        text,
        format!(
            "r1|2025-03-03:{}|2025-12-31:{}",
            encode_link(&content, &first),
            encode_link(&content, &second)
        )
    );
    assert_eq!(History::decode(&text), history);
    assert_eq!(
        History::decode(&History::default().encode()),
        History::default()
    );
}

#[test]
fn at_most_a_few_results_are_kept_newest_last() {
    let content = content();
    let mut history = History::default();
    for seed in 0..6 {
        let date = format!("2025-04-{:02}", seed + 1);
        history = history.remember(&content, &some_answers(&content, seed), day(&date));
        assert!(history.len() <= MAX_REMEMBERED);
    }
    assert_eq!(history.len(), MAX_REMEMBERED);
    let text = history.encode();
    assert!(text.starts_with("r1|2025-04-04:"), "{text}");
    assert!(text.contains("|2025-04-06:"), "{text}");
    // The newest first after this one: the fifth.
    let earlier = history
        .earlier(&content, &some_answers(&content, 9))
        .unwrap();
    assert_eq!(earlier.day, day("2025-04-06"));
    assert_eq!(earlier.answers, some_answers(&content, 5));
    // A stored text with more than that (written by hand, or by a later release)
    // keeps its newest.
    let code = encode_link(&content, &some_answers(&content, 1));
    let long = format!("r1{}", format!("|2025-01-01:{code}").repeat(5)) + "|2025-01-09:" + &code;
    let read = History::decode(&long);
    assert_eq!(read.len(), MAX_REMEMBERED);
    assert!(read.encode().ends_with(&format!("|2025-01-09:{code}")));
}

#[test]
fn unreadable_entries_are_dropped_and_unreadable_text_is_an_empty_history() {
    let content = content();
    let code = encode_link(&content, &some_answers(&content, 1));
    for garbage in [
        "",
        "r1",
        "r2|2025-03-03:AAAA",
        "1|r|0000",
        "{\"a\":1}",
        "r1|",
        "r1||",
        "r1|2025-03-03",
        "r1|2025-02-30:AAAA",
        "r1|:AAAA",
        "r1|2025-03-03:",
        "r1|2025-03-03:not a code!",
        &format!("r1|2025-03-03:{}", "A".repeat(65)),
    ] {
        let history = History::decode(garbage);
        assert!(history.is_empty(), "{garbage:?}");
        assert_eq!(history.earlier(&content, &some_answers(&content, 2)), None);
    }
    // Readable entries survive their unreadable neighbours.
    let mixed = format!("r1|garbage|2025-03-03:{code}|2025-13-01:{code}");
    let history = History::decode(&mixed);
    assert_eq!(history.len(), 1);
    assert_eq!(
        history
            .earlier(&content, &some_answers(&content, 2))
            .map(|e| e.day),
        Some(day("2025-03-03"))
    );
    // A code that reads as a code but not as this quiz's answers is no comparison.
    let damaged = History::decode("r1|2025-03-03:AAAAAAAAAAAA");
    assert_eq!(damaged.len(), 1);
    assert_eq!(damaged.earlier(&content, &some_answers(&content, 2)), None);
}

#[test]
fn another_version_s_results_are_no_comparison_and_are_dropped_on_remembering() {
    let content = content();
    let mut older = content.clone();
    older.version -= 1;
    let history = History::default().remember(&older, &some_answers(&older, 1), day("2025-01-01"));
    let answers = some_answers(&content, 2);
    assert_eq!(history.earlier(&content, &answers), None);
    let history = history.remember(&content, &answers, day("2025-02-01"));
    assert_eq!(history.len(), 1);
    assert_eq!(history.earlier(&content, &answers), None);
    // Nor does another quiz's result read as this one's.
    let mut other = content.clone();
    other.id = "another-quiz".into();
    let theirs = History::default().remember(&other, &some_answers(&other, 1), day("2025-01-01"));
    assert_eq!(theirs.earlier(&content, &answers), None);
}

#[test]
fn a_result_remembered_in_one_language_compares_in_the_other() {
    let en = content();
    let zh = load_str(include_str!("../../../content/zh-CN.json")).unwrap();
    let first = some_answers(&en, 1);
    let history = History::default().remember(&en, &first, day("2025-03-03"));
    let earlier = history.earlier(&zh, &some_answers(&zh, 2)).unwrap();
    assert_eq!(earlier.answers.as_slice(), first.as_slice());
}

#[test]
fn the_movement_names_the_level_that_gained_most() {
    let profile = |implementation, unification, communication| Profile {
        implementation,
        unification,
        communication,
    };
    let check = |before: Profile, after: Profile, expected: Option<(Level, u8)>| {
        let moved = movement(&before, &after).map(|m| (m.level, m.points));
        assert_eq!(moved, expected, "{before:?} -> {after:?}");
    };
    check(
        profile(60, 30, 10),
        profile(48, 42, 10),
        Some((Level::Unification, 12)),
    );
    check(
        profile(20, 30, 50),
        profile(40, 30, 30),
        Some((Level::Implementation, 20)),
    );
    check(profile(20, 30, 50), profile(20, 30, 50), None);
    // Two levels gaining alike: the higher one is named.
    check(
        profile(30, 40, 30),
        profile(35, 30, 35),
        Some((Level::Communication, 5)),
    );
    // Scored answers: the comparison of a stuck VP who moved up.
    let content = content();
    let (a, b) = (some_answers(&content, 1), some_answers(&content, 4));
    let (pa, pb) = (score(&content, &a).profile, score(&content, &b).profile);
    match movement(&pa, &pb) {
        Some(moved) => assert!(pb.share(moved.level) > pa.share(moved.level)),
        None => assert_eq!(pa, pb),
    }
}

proptest! {
    #[test]
    fn no_stored_text_makes_reading_panic(text in ".{0,120}") {
        let content = content();
        let history = History::decode(&text);
        prop_assert!(history.len() <= MAX_REMEMBERED);
        let answers = some_answers(&content, 3);
        let _ = history.earlier(&content, &answers);
        let remembered = history.remember(&content, &answers, day("2025-05-05"));
        prop_assert!(remembered.len() <= MAX_REMEMBERED);
        prop_assert_eq!(History::decode(&remembered.encode()), remembered);
    }

    #[test]
    fn history_like_text_never_makes_reading_panic(
        entries in prop::collection::vec(("[0-9-]{0,12}", "[A-Za-z0-9_:|-]{0,70}"), 0..6)
    ) {
        let content = content();
        let text = entries.iter().fold("r1".to_owned(), |text, (day, code)| format!("{text}|{day}:{code}"));
        let history = History::decode(&text);
        prop_assert!(history.len() <= MAX_REMEMBERED);
        let _ = history.earlier(&content, &some_answers(&content, 0));
    }

    #[test]
    fn any_two_results_compare_with_the_earlier(a in 0usize..5_000, b in 0usize..5_000) {
        let content = content();
        let (first, second) = (some_answers(&content, a), some_answers(&content, b));
        let history = History::default()
            .remember(&content, &first, day("2025-06-01"))
            .remember(&content, &second, day("2025-06-02"));
        let earlier = history.earlier(&content, &second);
        if first == second {
            prop_assert_eq!(history.len(), 1);
            prop_assert_eq!(earlier, None);
        } else {
            prop_assert_eq!(earlier.map(|e| e.answers), Some(first));
        }
    }
}
