//! Share links and saved progress: round trips, and every way a link can go wrong.
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

#[test]
fn a_link_is_short_and_round_trips() {
    let content = content();
    let answers = some_answers(&content, 3);
    let code = encode_link(&content, &answers);
    // 13 bytes for the built-in quiz's 15 questions: format, version, count, eight bytes
    // of answers, two of CRC.
    assert!(code.len() <= 18, "{code} is {} characters", code.len());
    assert!(code
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    assert_eq!(decode_link(&content, &code), Ok(answers));
}

#[test]
fn a_link_opens_in_the_other_language() {
    let en = content();
    let zh = load_str(include_str!("../../../content/zh-CN.json")).unwrap();
    let answers = some_answers(&en, 5);
    let code = encode_link(&en, &answers);
    let in_zh = decode_link(&zh, &code).unwrap();
    assert_eq!(
        score(&zh, &in_zh).report(&zh),
        score(&en, &answers).report(&en)
    );
}

#[test]
fn a_truncated_or_tampered_link_is_damaged() {
    let content = content();
    let code = encode_link(&content, &some_answers(&content, 1));
    for cut in 0..code.len() {
        assert_eq!(
            decode_link(&content, &code[..cut]),
            Err(LinkError::Damaged),
            "cut at {cut}"
        );
    }
    for at in 0..code.len() {
        let mut bytes = code.clone().into_bytes();
        bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(bytes).unwrap();
        assert_eq!(
            decode_link(&content, &tampered),
            Err(LinkError::Damaged),
            "changed at {at}"
        );
    }
    assert_eq!(
        decode_link(&content, "not a link!"),
        Err(LinkError::Damaged)
    );
    assert_eq!(decode_link(&content, ""), Err(LinkError::Damaged));
}

#[test]
fn a_link_from_another_version_is_outdated() {
    let content = content();
    let code = encode_link(&content, &some_answers(&content, 2));
    let mut newer = content.clone();
    newer.version += 1;
    assert_eq!(decode_link(&newer, &code), Err(LinkError::Outdated));
}

#[test]
fn a_link_from_another_quiz_is_not_read() {
    let content = content();
    let code = encode_link(&content, &some_answers(&content, 2));
    let mut other = content.clone();
    other.id = "another-quiz".into();
    assert_eq!(decode_link(&other, &code), Err(LinkError::Damaged));
}

#[test]
fn progress_round_trips_and_garbage_is_ignored() {
    let content = content();
    let mut answers = vec![None; content.questions.len()];
    answers[0] = Some(2);
    answers[1] = Some(0);
    let saved = encode_progress(Screen::Question(2), &answers);
    assert_eq!(
        saved,
        format!("1|q2|20{}", "-".repeat(content.questions.len() - 2))
    );
    let action = decode_progress(&content, &saved).unwrap();
    let session = Session::new(&content).apply(&content, action);
    assert_eq!(session.screen(), Screen::Question(2));
    assert_eq!(session.answers(), &answers[..]);
    for garbage in [
        "",
        "1",
        "2|q1|--",
        "1|q1|",
        "1|x|0",
        "1|q1|0|",
        "{\"a\":1}",
        "1|q99999999999999999999|0",
    ] {
        assert_eq!(decode_progress(&content, garbage), None, "{garbage:?}");
    }
}

#[test]
fn restoring_an_unreachable_screen_lands_on_the_first_open_question() {
    let content = content();
    let mut answers = vec![None; content.questions.len()];
    answers[0] = Some(1);
    let restore = Action::Restore {
        answers,
        screen: Screen::Result,
    };
    let session = Session::new(&content).apply(&content, restore);
    assert_eq!(session.screen(), Screen::Question(1));
}

#[test]
fn the_lead_form_sits_where_it_is_placed() {
    let content = content();
    let run = |lead: LeadPlacement| {
        let mut s = Session::new(&content).apply(&content, Action::SetLead(lead));
        s = s.apply(&content, Action::Start);
        for q in 0..content.questions.len() {
            s = s.apply(
                &content,
                Action::Choose {
                    question: q,
                    option: 0,
                },
            );
            s = s.apply(&content, Action::Next);
        }
        s
    };
    assert_eq!(run(LeadPlacement::Off).screen(), Screen::Result);
    let before = run(LeadPlacement::BeforeResults);
    assert_eq!(before.screen(), Screen::Lead);
    let after_lead = before.apply(&content, Action::LeaveLead);
    assert_eq!(after_lead.screen(), Screen::Result);
    // Once through, going back and forward again does not ask twice.
    let again = after_lead
        .apply(&content, Action::Back)
        .apply(&content, Action::Next);
    assert_eq!(again.screen(), Screen::Result);
    let after = run(LeadPlacement::AfterResults);
    assert_eq!(after.screen(), Screen::Result);
    assert_eq!(
        after.clone().apply(&content, Action::OpenLead).screen(),
        Screen::Lead
    );
    assert_eq!(
        run(LeadPlacement::Off)
            .apply(&content, Action::OpenLead)
            .screen(),
        Screen::Result,
        "no lead form to open"
    );
}

proptest! {
    #[test]
    fn any_complete_answers_round_trip(seed in 0usize..10_000) {
        let content = content();
        let answers = some_answers(&content, seed);
        prop_assert_eq!(decode_link(&content, &encode_link(&content, &answers)), Ok(answers));
    }

    #[test]
    fn no_text_makes_decoding_panic(code in ".{0,40}") {
        let content = content();
        let _ = decode_link(&content, &code);
        let _ = decode_progress(&content, &code);
    }
}
