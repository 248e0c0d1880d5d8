//! The preview page's result explorer: one set of answers scored against a content
//! file, and what the result screen would show for it, in plain data.
//!
//! Pure Rust, tested natively: the wasm export ([`crate::explore`]) only turns the
//! answer into JSON text. Scoring is the engine's own [`score`], as the widget and
//! `levels-content score` use.

use levels_engine::{load_str, score, Answers, Content, Level, Strength};
use serde::Serialize;

/// What a set of answers gives with one content file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// Every question with its options, for the explorer's lists.
    pub questions: Vec<QuestionChoices>,
    /// The option id used for each question, in question order.
    pub answers: Vec<String>,
    /// What the result shows for them.
    pub result: ResultView,
}

/// A question and its options, by id and text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionChoices {
    /// The question's id.
    pub id: String,
    /// The question itself.
    pub prompt: String,
    /// Its options.
    pub options: Vec<Named>,
}

/// Something with an id and what a reader sees of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Named {
    /// Its id in the content file.
    pub id: String,
    /// Its name, title or label.
    pub text: String,
}

/// A cause that applies.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CauseView {
    /// The cause's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// `some` or `strong`.
    pub strength: &'static str,
    /// Share of its possible points.
    pub percent: u8,
}

/// The verdict and its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VerdictView {
    /// `aligned`, `incomplete-promotion` or `ahead-of-title`.
    pub id: &'static str,
    /// The headline the result shows (the rung's variant when there is one).
    pub headline: String,
    /// Its explanation.
    pub body: String,
}

/// The call to action the reader gets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CtaView {
    /// The variant's id, or `default`.
    pub id: String,
    /// Heading above it.
    pub heading: String,
    /// The invitation.
    pub body: String,
    /// The button's text.
    pub label: String,
    /// Where it goes (before the page's `cta-href` and the result's parameters).
    pub href: String,
}

/// What the result screen shows, by id and text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResultView {
    /// Share per level, in percent: implementation, unification, communication.
    pub profile: [u8; 3],
    /// The level the work operates at.
    pub operating: Named,
    /// The level the title calls for.
    pub title: Named,
    /// The rung, when the content has rungs.
    pub rung: Option<Named>,
    /// The verdict.
    pub verdict: VerdictView,
    /// The other level, when the week is split almost evenly.
    pub split: Option<Named>,
    /// The causes that apply, strongest first.
    pub causes: Vec<CauseView>,
    /// The next steps, in the order shown.
    pub next_steps: Vec<Named>,
    /// Habits to build, as shown.
    pub constructive: Vec<Named>,
    /// Patterns the answers show, as shown.
    pub destructive: Vec<Named>,
    /// The call to action (the first variant that fits, else the default).
    pub cta: CtaView,
}

/// Loads `text` and scores `answers` (option ids in question order; a missing or
/// unknown one counts as the question's first option). Errs with every problem of the
/// file, each with where it is, as `check` does.
pub fn explain(text: &str, answers: &[&str]) -> Result<Explanation, Vec<String>> {
    let content = load_str(text).map_err(|err| {
        err.problems()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    })?;
    let chosen: Vec<usize> = content
        .questions
        .iter()
        .enumerate()
        .map(|(q, question)| {
            answers
                .get(q)
                .and_then(|id| question.options.iter().position(|o| o.id == *id))
                .unwrap_or(0)
        })
        .collect();
    // The loader guarantees every question at least two options, so these always fit.
    let answers = Answers::new(&content, &chosen)
        .ok_or_else(|| vec!["the content has a question without options".to_owned()])?;
    Ok(Explanation {
        questions: content
            .questions
            .iter()
            .map(|q| QuestionChoices {
                id: q.id.clone(),
                prompt: q.prompt.clone(),
                options: q.options.iter().map(|o| named(&o.id, &o.label)).collect(),
            })
            .collect(),
        answers: content
            .questions
            .iter()
            .zip(&chosen)
            .map(|(q, &o)| q.options[o].id.clone())
            .collect(),
        result: view(&content, &answers),
    })
}

fn view(content: &Content, answers: &Answers) -> ResultView {
    let outcome = score(content, answers);
    let level = |level: Level| named(level.id(), &content.level(level).name);
    let verdict = content
        .verdicts
        .for_rung(outcome.title, outcome.operating, outcome.rung);
    let patterns = |list: &[usize]| {
        list.iter()
            .filter_map(|i| content.patterns.get(*i))
            .map(|p| named(&p.id, &p.text))
            .collect()
    };
    ResultView {
        profile: Level::ALL.map(|l| outcome.profile.share(l)),
        operating: level(outcome.operating),
        title: level(outcome.title),
        rung: outcome
            .rung
            .and_then(|r| content.rung(r))
            .map(|r| named(&r.id, &r.name)),
        verdict: VerdictView {
            id: outcome.verdict.id(),
            headline: verdict.headline.clone(),
            body: verdict.body.clone(),
        },
        split: outcome.split.map(level),
        causes: outcome
            .applying()
            .filter_map(|f| {
                content.causes.get(f.cause.0).map(|c| CauseView {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    strength: match f.strength {
                        Strength::Strong => "strong",
                        _ => "some",
                    },
                    percent: f.percent,
                })
            })
            .collect(),
        next_steps: outcome
            .next_steps
            .iter()
            .filter_map(|i| content.next_steps.get(*i))
            .map(|s| named(&s.id, &s.title))
            .collect(),
        constructive: patterns(&outcome.constructive),
        destructive: patterns(&outcome.destructive),
        cta: {
            let offer = content.cta.offer(outcome.cta);
            CtaView {
                id: offer.id.to_owned(),
                heading: offer.heading.to_owned(),
                body: offer.body.to_owned(),
                label: offer.label.to_owned(),
                href: offer.href.to_owned(),
            }
        },
    }
}

fn named(id: &str, text: &str) -> Named {
    Named {
        id: id.to_owned(),
        text: text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use levels_engine::DEFAULT_CONTENT;

    /// A VP whose days go to coordination (the e2e suites' standard run).
    const STUCK_VP: &str = "role-vp,tenure-settling,team-org,hours-fires-team,measured-unclear,talk-team,stall-coordinate,away-calls,budget-missing,delegate-assign,hear-problems,meetings-ops,decisions-escalated,old-hired-back,role-talk-never";

    fn ids(list: &[Named]) -> Vec<&str> {
        list.iter().map(|n| n.id.as_str()).collect()
    }

    /// The explanation of `answers` agrees with the engine's report of the same answers
    /// (what `levels-content score` prints), field by field.
    #[track_caller]
    fn check_agrees_with_report(text: &str, answers: &[&str]) {
        let explained = explain(text, answers).expect("valid content");
        let content = load_str(text).expect("valid content");
        let used: Vec<&str> = explained.answers.iter().map(String::as_str).collect();
        let scored = score(&content, &Answers::from_ids(&content, &used).expect("ids"));
        let report = scored.report(&content);
        let result = &explained.result;
        assert_eq!(result.operating.id, report.operating_level.id());
        assert_eq!(result.title.id, report.title_level.id());
        assert_eq!(result.rung.as_ref().map(|r| r.id.as_str()), report.rung);
        assert_eq!(result.verdict.id, report.verdict.id());
        assert_eq!(
            result.split.as_ref().map(|l| l.id.as_str()),
            report.split_with.map(Level::id)
        );
        assert_eq!(ids(&result.next_steps), report.next_steps);
        assert_eq!(ids(&result.constructive), report.constructive);
        assert_eq!(ids(&result.destructive), report.destructive);
        assert_eq!(result.cta.id, report.cta);
        let causes: Vec<(&str, &str, u8)> = result
            .causes
            .iter()
            .map(|c| (c.id.as_str(), c.strength, c.percent))
            .collect();
        let reported: Vec<(&str, &str, u8)> = report
            .causes
            .iter()
            .map(|c| (c.id, c.strength.id(), c.percent))
            .collect();
        assert_eq!(causes, reported);
        let p = report.profile;
        assert_eq!(
            result.profile,
            [p.implementation, p.unification, p.communication]
        );
    }

    #[test]
    fn a_stuck_vp_gets_what_the_cli_prints() {
        let answers: Vec<&str> = STUCK_VP.split(',').collect();
        check_agrees_with_report(DEFAULT_CONTENT, &answers);
        let explained = explain(DEFAULT_CONTENT, &answers).expect("valid content");
        let result = &explained.result;
        assert_eq!(explained.answers, answers);
        assert_eq!(result.operating.id, "unification");
        assert_eq!(result.title.id, "communication");
        assert_eq!(result.rung.as_ref().map(|r| r.id.as_str()), Some("vp"));
        assert_eq!(result.verdict.id, "incomplete-promotion");
        // The VP's rung step is always on the list (docs/content-format.md).
        assert!(
            ids(&result.next_steps).contains(&"cut-to-three-priorities"),
            "{:?}",
            result.next_steps
        );
        assert!(result.next_steps.iter().all(|s| !s.text.is_empty()));
        assert!(!result.verdict.headline.is_empty());
        assert!(!result.cta.label.is_empty() && !result.cta.href.is_empty());
    }

    #[test]
    fn every_option_of_every_question_agrees_with_the_report() {
        let content = load_str(DEFAULT_CONTENT).expect("valid content");
        let base: Vec<&str> = STUCK_VP.split(',').collect();
        for (q, question) in content.questions.iter().enumerate() {
            for option in &question.options {
                let mut answers = base.clone();
                answers[q] = &option.id;
                check_agrees_with_report(DEFAULT_CONTENT, &answers);
            }
        }
    }

    #[test]
    fn missing_and_unknown_answers_are_the_first_option() {
        let content = load_str(DEFAULT_CONTENT).expect("valid content");
        let firsts: Vec<&str> = content
            .questions
            .iter()
            .map(|q| q.options[0].id.as_str())
            .collect();
        let explained = explain(DEFAULT_CONTENT, &["not-an-option"]).expect("valid content");
        assert_eq!(explained.answers, firsts);
        assert_eq!(explained.questions.len(), content.questions.len());
        assert_eq!(explained.questions[0].options[0].id, firsts[0]);
        assert_eq!(explained.questions[0].prompt, content.questions[0].prompt);
    }

    #[test]
    fn a_broken_file_gives_its_problems_by_place() {
        let broken = DEFAULT_CONTENT.replacen("\"weights\"", "\"wieghts\"", 1);
        let problems = explain(&broken, &[]).expect_err("broken content");
        assert!(
            problems.iter().any(|p| p.starts_with("questions[")),
            "{problems:?}"
        );
        let problems = explain("{\n  \"format\": 1,\n}", &[]).expect_err("not JSON");
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("line 3, column 1: not valid JSON"),
            "{problems:?}"
        );
    }

    #[test]
    fn the_explanation_is_plain_json() {
        let explained = explain(DEFAULT_CONTENT, &[]).expect("valid content");
        let json = serde_json::to_value(&explained).expect("serializes");
        assert!(json["result"]["verdict"]["headline"].is_string());
        assert!(json["result"]["profile"]
            .as_array()
            .is_some_and(|p| p.len() == 3));
        assert!(json["questions"][0]["options"][0]["text"].is_string());
    }
}
