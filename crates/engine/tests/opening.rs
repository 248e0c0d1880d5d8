//! Where a run opens: on the intro, or on the first question (`intro="off"`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use levels_engine::{
    decode_progress, encode_progress, load_str, Action, Content, Opening, Screen, Session,
    DEFAULT_CONTENT,
};

fn content() -> Content {
    load_str(DEFAULT_CONTENT).unwrap()
}

/// A fresh session opening on the first question, as the widget makes it.
fn skipping(content: &Content) -> Session {
    Session::new(content).apply(content, Action::SetOpening(Opening::FirstQuestion))
}

fn choose(content: &Content, session: Session, question: usize, option: usize) -> Session {
    session.apply(content, Action::Choose { question, option })
}

#[test]
fn without_the_intro_a_run_opens_on_question_1_and_never_goes_back_past_it() {
    let content = content();
    let session = skipping(&content);
    assert_eq!(session.screen(), Screen::Question(0));
    assert_eq!(session.opening(), Opening::FirstQuestion);
    // Back on question 1 has nowhere to go; Start (the notice's "take the quiz
    // afresh") changes nothing either.
    let back = session.clone().apply(&content, Action::Back);
    assert_eq!(back, session);
    assert_eq!(session.clone().apply(&content, Action::Start), session);
    // Back from question 2 still reaches question 1.
    let second = choose(&content, session, 0, 2).apply(&content, Action::Next);
    assert_eq!(second.screen(), Screen::Question(1));
    let first = second
        .apply(&content, Action::Back)
        .apply(&content, Action::Back);
    assert_eq!(first.screen(), Screen::Question(0));
    assert_eq!(first.answers()[0], Some(2));
}

#[test]
fn starting_over_returns_to_where_a_run_opens() {
    let content = content();
    let answered = choose(&content, skipping(&content), 0, 1).apply(&content, Action::Next);
    let again = answered.apply(&content, Action::Restart);
    assert_eq!(again, skipping(&content));
    assert!(again.answers().iter().all(Option::is_none));

    let with_intro = Session::new(&content)
        .apply(&content, Action::Start)
        .apply(&content, Action::Restart);
    assert_eq!(with_intro.screen(), Screen::Intro);
}

#[test]
fn a_run_begins_once_at_start_or_at_the_first_answer() {
    let content = content();
    // With the intro: pressing start begins the run; going back to the intro and
    // starting again is the same run.
    let fresh = Session::new(&content);
    assert!(!fresh.started());
    let started = fresh.apply(&content, Action::Start);
    assert!(started.started());
    let back = started.apply(&content, Action::Back);
    assert_eq!(back.screen(), Screen::Intro);
    assert!(back.started());

    // Without it: opening on question 1 is not beginning; the first answer is, and
    // changing it is the same run.
    let opened = skipping(&content);
    assert!(!opened.started());
    let answered = choose(&content, opened, 0, 3);
    assert!(answered.started());
    assert!(choose(&content, answered.clone(), 0, 4).started());
    // A choice the session refuses (another question, no such option) begins nothing.
    assert!(!choose(&content, skipping(&content), 1, 0).started());
    assert!(!choose(&content, skipping(&content), 0, 99).started());
    // Starting over begins a new run, which begins at its own first answer.
    let over = answered.apply(&content, Action::Restart);
    assert!(!over.started());
    assert!(choose(&content, over, 0, 0).started());
}

#[test]
fn saved_progress_wins_over_opening_on_question_1() {
    let content = content();
    let mut answers = vec![None; content.questions.len()];
    answers[0] = Some(3);
    answers[1] = Some(1);
    let saved = encode_progress(Screen::Question(2), &answers);
    let restore = decode_progress(&content, &saved).unwrap();
    let resumed = skipping(&content).apply(&content, restore);
    assert_eq!(resumed.screen(), Screen::Question(2));
    assert_eq!(resumed.answers(), &answers[..]);
    assert!(
        resumed.started(),
        "a resumed run has begun: no second start"
    );

    // Saved on the intro (the visitor went back to it): without an intro, question 1,
    // answers kept.
    let on_intro = decode_progress(&content, &encode_progress(Screen::Intro, &answers)).unwrap();
    let resumed = skipping(&content).apply(&content, on_intro);
    assert_eq!(resumed.screen(), Screen::Question(0));
    assert_eq!(resumed.answers(), &answers[..]);

    // A shared result opens on the result, whichever way a run opens.
    let all: Vec<Option<usize>> = content.questions.iter().map(|_| Some(0)).collect();
    let shared = skipping(&content).apply(
        &content,
        Action::Restore {
            answers: all,
            screen: Screen::Result,
        },
    );
    assert_eq!(shared.screen(), Screen::Result);
    assert!(shared.started());
    let over = shared.apply(&content, Action::Restart);
    assert_eq!(over.screen(), Screen::Question(0));

    // Restored with nothing answered: not begun, so the first answer begins it.
    let empty = Action::Restore {
        answers: vec![None; content.questions.len()],
        screen: Screen::Question(0),
    };
    assert!(!skipping(&content).apply(&content, empty.clone()).started());
    assert!(Session::new(&content).apply(&content, empty).started());
}

#[test]
fn turning_the_intro_off_on_a_running_quiz() {
    let content = content();
    // On the intro: straight to question 1.
    let on_intro =
        Session::new(&content).apply(&content, Action::SetOpening(Opening::FirstQuestion));
    assert_eq!(on_intro.screen(), Screen::Question(0));
    // Elsewhere: the visitor stays where they are; it applies from the next restart.
    let on_q2 = Session::new(&content)
        .apply(&content, Action::Start)
        .apply(
            &content,
            Action::Choose {
                question: 0,
                option: 0,
            },
        )
        .apply(&content, Action::Next);
    let off = on_q2
        .clone()
        .apply(&content, Action::SetOpening(Opening::FirstQuestion));
    assert_eq!(off.screen(), Screen::Question(1));
    assert_eq!(
        off.apply(&content, Action::Restart).screen(),
        Screen::Question(0)
    );
    // And back on: no intro is forced on a visitor already answering.
    let on = skipping(&content).apply(&content, Action::SetOpening(Opening::Intro));
    assert_eq!(on.screen(), Screen::Question(0));
    assert_eq!(on.apply(&content, Action::Restart).screen(), Screen::Intro);
}
