//! Personas: honest answer sets for the default quiz, and what each should come to.
//!
//! Every test goes through [`check`], which scores one answer set for
//! `content/en.json` and compares the operating level, the verdict and the exact set
//! of causes that apply with an [`Expect`]. The answers are option ids in question
//! order; they depend on the content's ids, never on its wording.
//!
//! Each answer set was chosen by reading the questions as that person would, not to
//! reach a result. When a persona does not come out as expected, the content (its
//! weights or thresholds) is what needs a second look.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::sync::LazyLock;

use levels_engine::{
    load_str, score, Answers, Content, Effect, Level, Outcome, Strength, Verdict, DEFAULT_CONTENT,
    MAX_STEPS, MIN_STEPS,
};

/// The default content, loaded once for every test in this file.
static CONTENT: LazyLock<Content> = LazyLock::new(|| match load_str(DEFAULT_CONTENT) {
    Ok(content) => content,
    Err(err) => panic!("the default content does not load:\n{err}"),
});

/// What a persona's answers should come to.
#[derive(Debug)]
struct Expect {
    /// The level the work operates at.
    operating: Level,
    /// How that compares with the title.
    verdict: Verdict,
    /// Every cause that applies, with how strongly; no other cause may apply.
    causes: &'static [(&'static str, Strength)],
}

/// Scores `answers` (comma-separated option ids, one per question, in question
/// order; whitespace and line breaks are ignored) and checks the outcome against
/// `expect`. Also checks what every result must have: three to five distinct next
/// steps. Returns the outcome for tests that look further.
#[track_caller]
fn check(answers: &str, expect: Expect) -> Outcome {
    let content = &*CONTENT;
    let ids: Vec<&str> = answers.split(',').map(str::trim).collect();
    let answers = match Answers::from_ids(content, &ids) {
        Ok(answers) => answers,
        Err(err) => panic!("bad answer set: {err}"),
    };
    let outcome = score(content, &answers);

    let mut expected_causes: Vec<(String, Strength)> = expect
        .causes
        .iter()
        .map(|(id, strength)| ((*id).to_owned(), *strength))
        .collect();
    expected_causes.sort();
    let mut got_causes: Vec<(String, Strength)> = outcome
        .applying()
        .map(|f| (content.causes[f.cause.0].id.clone(), f.strength))
        .collect();
    got_causes.sort();
    let report = outcome.report(content);
    assert_eq!(
        (outcome.operating, outcome.verdict, &got_causes),
        (expect.operating, expect.verdict, &expected_causes),
        "(operating, verdict, causes) differ; the full outcome:\n{report:#?}"
    );

    let steps = &outcome.next_steps;
    assert!(
        (MIN_STEPS..=MAX_STEPS).contains(&steps.len()),
        "{} next steps, expected {MIN_STEPS} to {MAX_STEPS}: {:?}",
        steps.len(),
        report.next_steps
    );
    let unique: HashSet<usize> = steps.iter().copied().collect();
    assert_eq!(
        unique.len(),
        steps.len(),
        "repeated next steps: {:?}",
        report.next_steps
    );
    outcome
}

/// The ids of an outcome's next steps.
fn step_ids(outcome: &Outcome) -> Vec<&'static str> {
    outcome
        .next_steps
        .iter()
        .map(|&i| CONTENT.next_steps[i].id.as_str())
        .collect()
}

// ----- answer sets -----------------------------------------------------------------

/// A junior analyst: does the analysis, is judged on it, talks with peers, flags a
/// stalled project to the manager, has no budget and nobody to hand work to.
const ANALYST: &str = "
    role-ic, hours-doing, measured-output, talk-peers, stall-escalate, away-waits,
    budget-none, delegate-none, hear-manager, meetings-work, decisions-given, old-same,
    role-talk-review";

/// A settled team manager: runs the team's plan, tracks its spending, assigns and
/// follows up, reports status, and handed the old hands-on work to someone with a
/// written process.
const TEAM_MANAGER: &str = "
    role-lead, hours-team, measured-team, talk-team, stall-coordinate, away-runs,
    budget-track, delegate-assign, hear-reports, meetings-status, decisions-team,
    old-handed, role-talk-sometimes";

/// A VP stuck running daily operations: firefights, sits in operational meetings,
/// gets every decision, is messaged daily on holiday, and the work passed on keeps
/// coming back. Others set the numbers.
const STUCK_VP: &str = "
    role-vp, hours-firefighting, measured-team, talk-team, stall-coordinate, away-calls,
    budget-track, delegate-assign, hear-reports, meetings-ops, decisions-escalated,
    old-checked, role-talk-sometimes";

/// A director nobody else can replace: still the expert everyone asks, fixes stalls
/// personally, and the old work is still theirs because only they know how.
const EXPERT_DIRECTOR: &str = "
    role-director, hours-doing, measured-output, talk-asks, stall-fix, away-stops,
    budget-track, delegate-none, hear-reports, meetings-work, decisions-team, old-mine,
    role-talk-review";

/// A VP working at the level the title calls for: stakeholders, budget, direction,
/// whole outcomes delegated, a steady rhythm with stakeholders.
const EFFECTIVE_VP: &str = "
    role-vp, hours-stakeholders, measured-business, talk-stakeholders, stall-system,
    away-runs, budget-own, delegate-outcomes, hear-me, meetings-direction,
    decisions-framed, old-handed, role-talk-regular";

/// A senior individual contributor who already leads a cross-team project: plans and
/// tracks the project, talks with other departments, assigns tasks to the people on
/// it, and is judged on whether it ships. No budget.
const SENIOR_IC: &str = "
    role-ic, hours-team, measured-team, talk-stakeholders, stall-coordinate, away-runs,
    budget-none, delegate-assign, hear-reports, meetings-status, decisions-team,
    old-same, role-talk-sometimes";

/// A founder and CEO who keeps hiring but never lets go: owns the budget and briefs
/// the board, yet firefights, is the one everyone asks, fixes stalls, takes delegated
/// work back, and gets every decision. Nobody talks with a founder about their role.
const HIRING_FOUNDER: &str = "
    role-csuite, hours-firefighting, measured-business, talk-asks, stall-fix, away-calls,
    budget-own, delegate-takeback, hear-me, meetings-ops, decisions-escalated,
    old-checked, role-talk-never";

/// A director who runs a good team but has no rhythm with stakeholders: they hear
/// from the director when something breaks, and the role itself is never discussed.
const QUIET_DIRECTOR: &str = "
    role-director, hours-team, measured-team, talk-team, stall-coordinate, away-runs,
    budget-own, delegate-assign, hear-problems, meetings-status, decisions-team,
    old-handed, role-talk-never";

/// A new SVP in the first 90 days: out meeting stakeholders, but nobody has said what
/// the new role is judged on, the numbers have not arrived yet, decisions still land
/// on their desk and the VP work keeps coming back.
const NEW_SVP: &str = "
    role-svp, hours-stakeholders, measured-unclear, talk-stakeholders, stall-coordinate,
    away-calls, budget-missing, delegate-assign, hear-reports, meetings-status,
    decisions-escalated, old-checked, role-talk-sometimes";

/// A newly promoted team lead who is still the best engineer on the team: codes most
/// of the day, fixes stalls, takes handed-off work back.
const NEW_LEAD: &str = "
    role-lead, hours-doing, measured-output, talk-peers, stall-fix, away-waits,
    budget-none, delegate-takeback, hear-manager, meetings-work, decisions-team,
    old-same, role-talk-review";

// ----- results shared by several tests -----------------------------------------------

const ANALYST_RESULT: Expect = Expect {
    operating: Level::Implementation,
    verdict: Verdict::Aligned,
    causes: &[],
};

const STUCK_VP_RESULT: Expect = Expect {
    operating: Level::Unification,
    verdict: Verdict::IncompletePromotion,
    causes: &[("hiring-layers", Strength::Strong)],
};

const NEW_SVP_RESULT: Expect = Expect {
    operating: Level::Unification,
    verdict: Verdict::IncompletePromotion,
    causes: &[
        ("delineation", Strength::Strong),
        ("hiring-layers", Strength::Some),
    ],
};

// ----- personas --------------------------------------------------------------------

#[test]
fn analyst() {
    check(ANALYST, ANALYST_RESULT);
}

#[test]
fn team_manager() {
    check(
        TEAM_MANAGER,
        Expect {
            operating: Level::Unification,
            verdict: Verdict::Aligned,
            causes: &[],
        },
    );
}

#[test]
fn vp_stuck_running_daily_operations() {
    check(STUCK_VP, STUCK_VP_RESULT);
}

#[test]
fn expert_director_nobody_can_replace() {
    // Cadence shows a little too: when only you know how, nobody else talks about it.
    check(
        EXPERT_DIRECTOR,
        Expect {
            operating: Level::Implementation,
            verdict: Verdict::IncompletePromotion,
            causes: &[
                ("pigeonholing", Strength::Strong),
                ("cadence", Strength::Some),
            ],
        },
    );
}

#[test]
fn effective_vp() {
    check(
        EFFECTIVE_VP,
        Expect {
            operating: Level::Communication,
            verdict: Verdict::Aligned,
            causes: &[],
        },
    );
}

#[test]
fn senior_individual_contributor_above_the_title() {
    check(
        SENIOR_IC,
        Expect {
            operating: Level::Unification,
            verdict: Verdict::AheadOfTitle,
            causes: &[],
        },
    );
}

#[test]
fn founder_who_keeps_hiring_but_never_lets_go() {
    // Hiring layers dominates; the rest follow from single answers (firefighting,
    // taking work back, never discussing the role), each enough for "some".
    check(
        HIRING_FOUNDER,
        Expect {
            operating: Level::Implementation,
            verdict: Verdict::IncompletePromotion,
            causes: &[
                ("hiring-layers", Strength::Strong),
                ("pigeonholing", Strength::Some),
                ("delineation", Strength::Some),
                ("cadence", Strength::Some),
            ],
        },
    );
}

#[test]
fn director_without_a_communication_cadence() {
    check(
        QUIET_DIRECTOR,
        Expect {
            operating: Level::Unification,
            verdict: Verdict::IncompletePromotion,
            causes: &[("cadence", Strength::Strong)],
        },
    );
}

#[test]
fn new_svp_in_the_first_90_days() {
    check(NEW_SVP, NEW_SVP_RESULT);
}

#[test]
fn new_team_lead_still_doing_the_work() {
    check(
        NEW_LEAD,
        Expect {
            operating: Level::Implementation,
            verdict: Verdict::IncompletePromotion,
            causes: &[("pigeonholing", Strength::Some)],
        },
    );
}

// ----- next steps ------------------------------------------------------------------

#[test]
fn stuck_vp_and_analyst_get_different_next_steps() {
    let vp = check(STUCK_VP, STUCK_VP_RESULT);
    let analyst = check(ANALYST, ANALYST_RESULT);
    let (vp, analyst) = (step_ids(&vp), step_ids(&analyst));
    let shared: Vec<&&str> = vp.iter().filter(|id| analyst.contains(id)).collect();
    assert!(
        shared.is_empty(),
        "the stuck VP ({vp:?}) and the analyst ({analyst:?}) share {shared:?}"
    );
}

/// Every step the stuck VP gets answers one of their applying causes: it names the
/// cause, or it is triggered by an answer they gave that feeds that cause. The first
/// step names the strongest cause outright.
#[test]
fn stuck_vp_next_steps_answer_their_causes() {
    let content = &*CONTENT;
    let outcome = check(STUCK_VP, STUCK_VP_RESULT);
    let ids: Vec<&str> = STUCK_VP.split(',').map(str::trim).collect();
    let answers = Answers::from_ids(content, &ids).unwrap();
    let applying: Vec<usize> = outcome.applying().map(|f| f.cause.0).collect();
    let feeds_applying_cause = |question: usize, option: usize| {
        answers.as_slice()[question] == option
            && match &content.questions[question].options[option].effect {
                Effect::Behaviour { causes, .. } => {
                    causes.iter().any(|(c, _)| applying.contains(&c.0))
                }
                Effect::Title(_) => false,
            }
    };
    for &i in &outcome.next_steps {
        let step = &content.next_steps[i];
        let when = step
            .when
            .as_ref()
            .unwrap_or_else(|| panic!("`{}` is a general step, not one for the causes", step.id));
        let names_cause = when.causes.iter().any(|c| applying.contains(&c.0));
        let from_answer = when
            .options
            .iter()
            .any(|o| feeds_applying_cause(o.question, o.option));
        assert!(
            names_cause || from_answer,
            "`{}` relates to none of the stuck VP's causes",
            step.id
        );
    }
    let first = &content.next_steps[outcome.next_steps[0]];
    let strongest = outcome.causes[0].cause;
    assert!(
        first
            .when
            .as_ref()
            .is_some_and(|w| w.causes.contains(&strongest)),
        "the first step `{}` does not name the strongest cause `{}`",
        first.id,
        content.causes[strongest.0].id
    );
}

/// The 90-day plan is written for people new in a role ("whether you're new in the
/// role or starting over in it"), yet it only fits through the incomplete-promotion
/// verdict, so the five steps a new SVP's causes bring crowd it out.
#[test]
#[ignore = "content: `ninety-day-plan` never reaches a new SVP; the quiz has no tenure signal and the step only fits by verdict"]
fn new_svp_is_offered_the_90_day_plan() {
    let outcome = check(NEW_SVP, NEW_SVP_RESULT);
    let steps = step_ids(&outcome);
    assert!(steps.contains(&"ninety-day-plan"), "{steps:?}");
}
