//! Properties of scoring and of the quiz's state machine, over the default content.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::sync::LazyLock;

use levels_engine::{
    load_str, score, Action, Answers, Content, Effect, LeadPlacement, Level, Opening, Screen,
    Session, Strength, Verdict, DEFAULT_CONTENT, MAX_STEPS, MIN_STEPS,
};
use proptest::prelude::*;

static CONTENT: LazyLock<Content> = LazyLock::new(|| load_str(DEFAULT_CONTENT).unwrap());

/// One valid option index per question.
fn answers() -> impl Strategy<Value = Vec<usize>> {
    CONTENT
        .questions
        .iter()
        .map(|q| 0..q.options.len())
        .collect::<Vec<_>>()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn scoring_a_complete_answer_set(chosen in answers()) {
        let content = &*CONTENT;
        let answers = Answers::new(content, &chosen).unwrap();
        let outcome = score(content, &answers);

        let p = outcome.profile;
        let shares = Level::ALL.map(|level| u32::from(p.share(level)));
        prop_assert_eq!(shares.iter().sum::<u32>(), 100, "{:?}", p);
        for level in Level::ALL {
            prop_assert!(
                p.share(outcome.operating) >= p.share(level),
                "operating {:?} has a smaller share than {:?}: {:?}", outcome.operating, level, p
            );
        }

        let Effect::Title(title, _) = content.questions[0].options[chosen[0]].effect else {
            panic!("the first question is not the title question");
        };
        prop_assert_eq!(outcome.title, title);
        prop_assert_eq!(outcome.verdict, Verdict::between(title, outcome.operating));
        prop_assert_eq!(outcome.gap(), title.index().abs_diff(outcome.operating.index()));

        let steps = &outcome.next_steps;
        prop_assert!((MIN_STEPS..=MAX_STEPS).contains(&steps.len()), "{:?}", steps);
        prop_assert_eq!(steps.iter().collect::<HashSet<_>>().len(), steps.len(), "{:?}", steps);
        prop_assert!(steps.iter().all(|&i| i < content.next_steps.len()));

        // Every cause once, strongest first, its strength matching the thresholds.
        let causes = &outcome.causes;
        prop_assert_eq!(causes.len(), content.causes.len());
        prop_assert_eq!(
            causes.iter().map(|f| f.cause).collect::<HashSet<_>>().len(),
            causes.len()
        );
        prop_assert!(causes.windows(2).all(|w| (w[0].strength, w[0].percent) >= (w[1].strength, w[1].percent)));
        for finding in causes {
            let t = content.thresholds;
            let expected = if finding.percent >= t.strong {
                Strength::Strong
            } else if finding.percent >= t.applies {
                Strength::Some
            } else {
                Strength::None
            };
            prop_assert!(finding.percent <= 100);
            prop_assert_eq!(finding.strength, expected);
        }
        prop_assert_eq!(outcome.terms.iter().collect::<HashSet<_>>().len(), outcome.terms.len());

        // Scoring is a function of its input: the same answers, rebuilt, score the same.
        let again = Answers::new(content, &chosen).unwrap();
        prop_assert_eq!(score(content, &again), outcome);
    }
}

/// What the property test does to a session. `ChooseHere` picks an option of
/// whatever question is on screen, so that random runs get through the quiz.
#[derive(Debug, Clone)]
enum Step {
    Do(Action),
    ChooseHere(usize),
}

fn screen() -> impl Strategy<Value = Screen> {
    prop_oneof![
        Just(Screen::Intro),
        (0..16usize).prop_map(Screen::Question),
        Just(Screen::Lead),
        Just(Screen::Result),
    ]
}

/// Saved answers as a reload or a link brings them: often a complete valid set,
/// otherwise anything (gaps, out-of-range options, too few or too many entries).
fn saved_answers() -> impl Strategy<Value = Vec<Option<usize>>> {
    prop_oneof![
        answers().prop_map(|chosen| chosen.into_iter().map(Some).collect()),
        prop::collection::vec(prop::option::of(0..9usize), 0..16),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    // Indexes go past the 13 questions and up to 8 options, to try out-of-range ones.
    // Choosing and moving on dominate, so that many runs reach the result.
    prop_oneof![
        2 => Just(Step::Do(Action::Start)),
        2 => (0..16usize, 0..9usize)
            .prop_map(|(question, option)| Step::Do(Action::Choose { question, option })),
        12 => (0..5usize).prop_map(Step::ChooseHere),
        12 => Just(Step::Do(Action::Next)),
        3 => Just(Step::Do(Action::Back)),
        1 => Just(Step::Do(Action::Restart)),
        1 => Just(Step::Do(Action::OpenLead)),
        1 => Just(Step::Do(Action::LeaveLead)),
        1 => prop_oneof![
            Just(LeadPlacement::Off),
            Just(LeadPlacement::BeforeResults),
            Just(LeadPlacement::AfterResults),
        ]
        .prop_map(|lead| Step::Do(Action::SetLead(lead))),
        1 => prop_oneof![Just(Opening::Intro), Just(Opening::FirstQuestion)]
            .prop_map(|opening| Step::Do(Action::SetOpening(opening))),
        2 => (saved_answers(), screen())
            .prop_map(|(answers, screen)| Step::Do(Action::Restore { answers, screen })),
    ]
}

fn check_invariants(content: &Content, session: &Session) -> Result<(), TestCaseError> {
    let answers = session.answers();
    prop_assert_eq!(answers.len(), content.questions.len());
    for (chosen, question) in answers.iter().zip(&content.questions) {
        if let Some(o) = chosen {
            prop_assert!(*o < question.options.len(), "answer {} out of range", o);
        }
    }
    prop_assert!(
        session.started() || answers.iter().all(Option::is_none),
        "answered without having started"
    );
    match session.screen() {
        Screen::Intro => prop_assert_eq!(
            session.opening(),
            Opening::Intro,
            "on the intro with it off"
        ),
        Screen::Question(q) => prop_assert!(q < content.questions.len(), "on question {}", q),
        Screen::Lead => {
            prop_assert!(
                session.lead() != LeadPlacement::Off,
                "on the lead form with it off"
            );
            prop_assert!(
                session.complete(content).is_some(),
                "on the lead form with {:?}",
                answers
            );
        }
        Screen::Result => {
            let complete = session.complete(content);
            prop_assert!(complete.is_some(), "on the result with {:?}", answers);
            let expected = complete.map(|a| score(content, &a));
            prop_assert_eq!(session.outcome(content), expected);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1_000, ..ProptestConfig::default() })]

    #[test]
    fn the_session_stays_consistent(steps in prop::collection::vec(step(), 0..160)) {
        let content = &*CONTENT;
        let mut session = Session::new(content);
        for step in steps {
            let action = match step {
                Step::Do(action) => action,
                Step::ChooseHere(option) => match session.screen() {
                    Screen::Question(question) => Action::Choose { question, option },
                    _ => Action::Next,
                },
            };
            session = session.apply(content, action);
            check_invariants(content, &session)?;
        }
    }

    #[test]
    fn restoring_keeps_only_valid_answers(
        answers in saved_answers(),
        screen in screen(),
    ) {
        let content = &*CONTENT;
        let session = Session::new(content)
            .apply(content, Action::Restore { answers: answers.clone(), screen });
        check_invariants(content, &session)?;
        for (q, question) in content.questions.iter().enumerate() {
            let saved = answers.get(q).copied().flatten().filter(|o| *o < question.options.len());
            prop_assert_eq!(session.answers()[q], saved);
        }
    }
}

/// Random runs reach the result (the property above is not vacuous): answering every
/// question in order gets there, and shows the outcome of those answers.
#[test]
fn answering_every_question_reaches_the_result() {
    let content = &*CONTENT;
    let mut session = Session::new(content).apply(content, Action::Start);
    let chosen: Vec<usize> = content
        .questions
        .iter()
        .map(|q| q.options.len() - 1)
        .collect();
    for (question, &option) in chosen.iter().enumerate() {
        assert_eq!(session.screen(), Screen::Question(question));
        session = session.apply(content, Action::Next);
        assert!(session.needs_answer());
        session = session.apply(content, Action::Choose { question, option });
        assert!(!session.needs_answer());
        session = session.apply(content, Action::Next);
    }
    assert_eq!(session.screen(), Screen::Result);
    let answers = Answers::new(content, &chosen).unwrap();
    assert_eq!(session.outcome(content), Some(score(content, &answers)));
    let back = session.clone().apply(content, Action::Back);
    assert_eq!(back.screen(), Screen::Question(content.questions.len() - 1));
    assert_eq!(back.answers(), session.answers());
    assert_eq!(
        session.apply(content, Action::Restart),
        Session::new(content)
    );
}
