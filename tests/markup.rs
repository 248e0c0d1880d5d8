//! Components rendered to HTML natively (Yew's `ssr`), checked against expected markup.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use levels_engine::{load_str, score, Answers, Content, DEFAULT_CONTENT};
use levels_quiz::app::{Quiz, QuizProps, Root, RootProps, Source};
use levels_quiz::components::{
    ProfileChart, ProfileChartProps, QuestionProps, QuestionView, ResultProps, ResultView,
};
use levels_quiz::shared::Shared;
use yew::{BaseComponent, Callback, LocalServerRenderer};

fn content() -> Shared<Content> {
    Shared::new(load_str(DEFAULT_CONTENT).unwrap())
}

async fn render<C: BaseComponent>(props: C::Properties) -> String {
    LocalServerRenderer::<C>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// Asserts that every fragment appears in `html`, in order.
#[track_caller]
fn check_fragments(html: &str, fragments: &[&str]) {
    let mut rest = html;
    for fragment in fragments {
        match rest.find(fragment) {
            Some(at) => rest = &rest[at + fragment.len()..],
            None => panic!("missing (or out of order) {fragment:?} in\n{html}"),
        }
    }
}

fn answers(content: &Content, ids: &str) -> Shared<levels_engine::Outcome> {
    let ids: Vec<&str> = ids.split(',').collect();
    let answers = Answers::from_ids(content, &ids).unwrap();
    Shared::new(score(content, &answers))
}

const STUCK_VP: &str = "role-vp,hours-firefighting,measured-unclear,talk-team,stall-coordinate,away-calls,budget-missing,delegate-assign,hear-problems,meetings-ops,decisions-escalated,old-checked,role-talk-never";

#[tokio::test]
async fn a_fresh_quiz_shows_the_intro() {
    let content = content();
    let html = render::<Quiz>(QuizProps {
        content: content.clone(),
        on_event: Callback::noop(),
    })
    .await;
    check_fragments(
        &html,
        &[
            r#"<section data-screen="intro" class="lq-screen lq-intro">"#,
            &format!(
                r#"<h2 tabindex="-1" class="lq-title">{}</h2>"#,
                content.intro.title
            ),
            "<ul class=\"lq-points\"><li>",
            r#"<button type="button" class="lq-button lq-primary">"#,
            &content.intro.start,
            &content.intro.privacy,
        ],
    );
}

#[tokio::test]
async fn a_question_is_a_labelled_radio_group_with_progress() {
    let content = content();
    let html = render::<QuestionView>(QuestionProps {
        content: content.clone(),
        index: 2,
        selected: Some(1),
        needs_answer: false,
        focus: false,
        on_action: Callback::noop(),
    })
    .await;
    let q = &content.questions[2];
    check_fragments(
        &html,
        &[
            &format!(r#"data-screen="question" data-question="{}""#, q.id),
            r#"<p aria-live="polite" aria-atomic="true" class="lq-progress-label">Question 3 of 13</p>"#,
            r#"<rect width="23" height="4" rx="2" class="lq-fill">"#,
            "<fieldset",
            "<legend class=\"lq-legend\">",
            &format!(
                r#"<h2 id="lq-q-{}" tabindex="-1" class="lq-prompt">{}</h2>"#,
                q.id, q.prompt
            ),
            &format!(
                r#"<input value="{}" type="radio" name="{}">"#,
                q.options[0].id, q.id
            ),
            &format!(
                r#"<label class="lq-option lq-checked"><input value="{}" checked type="radio" name="{}">"#,
                q.options[1].id, q.id
            ),
            r#"<button type="button" class="lq-button lq-secondary">Back</button>"#,
            r#"<button type="submit" class="lq-button lq-primary">Next</button>"#,
        ],
    );
    assert_eq!(html.matches(r#"type="radio""#).count(), q.options.len());
    assert!(
        !html.contains("role=\"alert\""),
        "no alert before Next is pressed"
    );
}

#[tokio::test]
async fn next_without_an_answer_says_so_and_the_last_question_finishes() {
    let content = content();
    let last = content.questions.len() - 1;
    let html = render::<QuestionView>(QuestionProps {
        content: content.clone(),
        index: last,
        selected: None,
        needs_answer: true,
        focus: false,
        on_action: Callback::noop(),
    })
    .await;
    let q = &content.questions[last];
    check_fragments(
        &html,
        &[
            &format!(r#"aria-describedby="lq-a-{}""#, q.id),
            &format!(
                r#"<p id="lq-a-{}" role="alert" class="lq-alert">{}</p>"#,
                q.id, content.ui.answer_required
            ),
            &format!(
                r#"<button type="submit" class="lq-button lq-primary">{}</button>"#,
                content.ui.finish
            ),
        ],
    );
    assert!(!html.contains(" checked"));
}

#[tokio::test]
async fn the_profile_picture_marks_the_title_level_and_says_it_in_words() {
    let content = content();
    let outcome = answers(&content, STUCK_VP);
    let html = render::<ProfileChart>(ProfileChartProps {
        content: content.clone(),
        outcome: outcome.clone(),
    })
    .await;
    let p = outcome.profile;
    check_fragments(
        &html,
        &[
            &format!(
                r#"role="img" aria-label="Implementation {}%, Unification {}%, Communication {}%. Your title: Communication.""#,
                p.implementation, p.unification, p.communication
            ),
            // Highest level first, the title row framed and marked.
            r#"<g data-level="communication" class="lq-row lq-title-row"><rect x="-6""#,
            "\u{25C6} Your title",
            &format!(
                r#"<g data-level="{}" class="lq-row lq-operating">"#,
                outcome.operating.id()
            ),
        ],
    );
}

#[tokio::test]
async fn a_result_shows_verdict_causes_steps_terms_and_the_call_to_action() {
    let content = content();
    let outcome = answers(&content, STUCK_VP);
    let html = render::<ResultView>(ResultProps {
        content: content.clone(),
        outcome: outcome.clone(),
        focus: false,
        on_restart: Callback::noop(),
    })
    .await;
    let text = content.verdicts.get(outcome.title, outcome.operating);
    let first_cause = &content.causes[outcome.applying().next().unwrap().cause.0];
    check_fragments(
        &html,
        &[
            r#"data-screen="result" data-verdict="incomplete-promotion""#,
            &format!(
                r#"<h2 tabindex="-1" class="lq-title">{}</h2>"#,
                text.headline
            ),
            "class=\"lq-chart\"",
            &format!(r#"data-cause="{}""#, first_cause.id),
            "<ol class=\"lq-step-list\">",
            "<details data-term=\"implementation\" class=\"lq-term\"><summary>",
            &format!(
                r#"href="{}" class="lq-button lq-primary lq-cta-button">{}</a>"#,
                content.cta.href, content.cta.label
            ),
            &format!(">{}</button>", content.ui.restart),
        ],
    );
    let steps = html.matches("class=\"lq-step\"").count();
    assert!((3..=5).contains(&steps), "{steps} steps");
}

#[tokio::test]
async fn broken_content_renders_a_readable_error_panel() {
    let error = load_str(r#"{"format": 1, "id": "Bad Id"}"#).unwrap_err();
    let html = render::<Root>(RootProps {
        source: Source::Broken(Shared::new(error)),
        on_event: Callback::noop(),
    })
    .await;
    check_fragments(
        &html,
        &[
            r#"data-screen="error" role="alert" class="lq-screen lq-error""#,
            "This quiz could not start",
            "<summary>Details (",
            "<code>id: \"Bad Id\" is not a valid id",
            "<code>version: is missing</code>",
        ],
    );
}

#[tokio::test]
async fn content_text_is_rendered_as_text_never_as_markup() {
    let mut json: serde_json::Value = serde_json::from_str(DEFAULT_CONTENT).unwrap();
    json["intro"]["title"] = "<img src=x onerror=alert(1)><script>alert(2)</script>".into();
    let content = Shared::new(load_str(&json.to_string()).unwrap());
    let html = render::<Quiz>(QuizProps {
        content,
        on_event: Callback::noop(),
    })
    .await;
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;"),
        "{html}"
    );
    assert!(!html.contains("<img") && !html.contains("<script"));
}
