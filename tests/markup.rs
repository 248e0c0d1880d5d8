//! Components rendered to HTML natively (Yew's `ssr`), checked against expected markup.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use levels_engine::{load_str, score, Answers, Content, DEFAULT_CONTENT};
use levels_quiz::app::{Quiz, QuizProps};
use levels_quiz::chunk::Chunk;
use levels_quiz::components::{
    profile_chart, question, result_view, screens, EarlierProfile, ErrorPanel, ErrorPanelProps,
    ErrorText, QuestionProps, ResultProps, ScreensProps, Since,
};
use levels_quiz::config::{Config, Mode};
use levels_quiz::ending::Ending;
use levels_quiz::platform::{EndingEvent, EndingServices, Fetching, Offline, Platform, QuizEvent};
use levels_quiz::shared::Shared;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use yew::{component, BaseComponent, Callback, Html, LocalServerRenderer, Properties};

fn offline() -> Shared<dyn Platform> {
    Shared::from_rc(Rc::new(Offline) as Rc<dyn Platform>)
}

/// A page with storage and a URL, and nothing else.
#[derive(Default)]
struct FakePage {
    storage: RefCell<HashMap<String, String>>,
    hash_code: Option<String>,
    today: Option<levels_engine::Day>,
}

impl Platform for FakePage {
    fn emit(&self, _: &Content, _: &QuizEvent) {}
    fn load(&self, key: &str) -> Option<String> {
        self.storage.borrow().get(key).cloned()
    }
    fn save(&self, key: &str, value: &str) {
        self.storage.borrow_mut().insert(key.into(), value.into());
    }
    fn forget(&self, key: &str) {
        self.storage.borrow_mut().remove(key);
    }
    fn shared_code(&self) -> Option<String> {
        self.hash_code.clone()
    }
    fn set_language(&self, _: &str) {}
    fn after_paint(&self, done: Callback<()>) {
        done.emit(());
    }
    fn focus_screen(&self) {}
    fn open_dialog(&self) {}
    fn fetch_result_texts(&self) -> Fetching {
        Box::pin(std::future::ready(None))
    }
    fn result_texts_mismatch(&self) {}
    fn ending(&self) -> &dyn EndingServices {
        self
    }
}

impl EndingServices for FakePage {
    fn emit(&self, _: &Content, _: &EndingEvent) {}
    fn adopt_result_stylesheet(&self, _: &str) {}
    fn share_url(&self, code: &str) -> String {
        format!("https://coach.example/quiz#levels-quiz={code}")
    }
    fn copy(&self, _: &str, _: Callback<bool>) {}
    fn print(&self) {}
    fn cta_href(&self, base: &str, params: &[(&str, &str)]) -> String {
        let query: Vec<String> = params.iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!("{base}?{}", query.join("&"))
    }
    fn post_lead(&self, _: &str, _: &[(&str, &str)], _: Callback<bool>) {}
    fn today(&self) -> Option<levels_engine::Day> {
        self.today
    }
    fn format_day(&self, day: levels_engine::Day, language: &str) -> String {
        format!("{day} in {language}")
    }
}

fn page(page: FakePage) -> Shared<dyn Platform> {
    Shared::from_rc(Rc::new(page) as Rc<dyn Platform>)
}

fn content() -> Shared<Content> {
    Shared::new(load_str(DEFAULT_CONTENT).unwrap())
}

async fn render<C: BaseComponent>(props: C::Properties) -> String {
    LocalServerRenderer::<C>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// Props of [`View`]: a view function to render.
#[derive(Properties)]
struct ViewProps {
    view: Rc<dyn Fn() -> Html>,
}

impl PartialEq for ViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.view, &other.view)
    }
}

/// Renders a view function (a stateless view is a function, not a component).
#[component]
fn View(props: &ViewProps) -> Html {
    (props.view)()
}

async fn render_view(view: impl Fn() -> Html + 'static) -> String {
    render::<View>(ViewProps {
        view: Rc::new(view),
    })
    .await
}

/// Asserts that every fragment appears in `html`, in order.
///
/// A fragment that names attributes (`<p role="status" class="x">text`, or just
/// `data-screen="result" data-verdict="aligned"`) matches the next start tag (of that
/// name, if given) that has those attributes in any order, among others; what follows
/// its `>` must then follow that tag's. So the tests do not pin the order in which Yew
/// writes attributes. Any other fragment matches as plain text.
#[track_caller]
fn check_fragments(html: &str, fragments: &[&str]) {
    let mut at = 0;
    for fragment in fragments {
        match find_fragment(html, at, fragment) {
            Some(end) => at = end,
            None => panic!("missing (or out of order) {fragment:?} in\n{html}"),
        }
    }
}

#[test]
fn fragments_match_attributes_in_any_order() {
    let html = r#"<section data-screen="result" class="lq-screen"><p class="lq-lead" role="status" tabindex="-1">Hi</p><a href="/x" class="b">Go</a></section>"#;
    check_fragments(
        html,
        &[
            r#"class="lq-screen" data-screen="result""#,
            r#"<p tabindex="-1" role="status" class="lq-lead">Hi</p>"#,
            r#"class="b" href="/x""#,
            ">Go</a>",
        ],
    );
}

#[test]
#[should_panic(expected = "missing")]
fn fragments_still_need_every_attribute_and_the_text_after() {
    check_fragments(
        r#"<p class="lq-lead" role="status">Hi</p>"#,
        &[r#"<p role="status" class="lq-lead">Bye</p>"#],
    );
}

/// A start tag's name and attributes, and where it ends (after its `>`).
struct StartTag {
    name: String,
    attributes: Vec<(String, Option<String>)>,
    end: usize,
}

/// Reads the attributes of a tag from `text` (after the tag's name) up to its `>`:
/// the attributes, and the offset just past the `>` (the end of `text` when there is
/// none).
fn read_attributes(text: &str) -> (Vec<(String, Option<String>)>, Option<usize>) {
    let bytes = text.as_bytes();
    let mut attributes = Vec::new();
    let mut i = 0;
    loop {
        while i < bytes.len() && (bytes[i] as char).is_ascii_whitespace() {
            i += 1;
        }
        if i >= bytes.len() {
            return (attributes, None);
        }
        if bytes[i] == b'>' {
            return (attributes, Some(i + 1));
        }
        if bytes[i] == b'/' {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !matches!(bytes[i], b'=' | b'>' | b' ' | b'\n' | b'/') {
            i += 1;
        }
        let name = text[start..i].to_owned();
        if i + 1 < bytes.len() && bytes[i] == b'=' && bytes[i + 1] == b'"' {
            let value_start = i + 2;
            let Some(close) = text[value_start..].find('"') else {
                return (attributes, None);
            };
            attributes.push((
                name,
                Some(text[value_start..value_start + close].to_owned()),
            ));
            i = value_start + close + 1;
        } else {
            attributes.push((name, None));
        }
    }
}

/// Every start tag of `html`, in order.
fn start_tags(html: &str) -> Vec<StartTag> {
    let mut tags = Vec::new();
    let mut from = 0;
    while let Some(open) = html[from..].find('<').map(|o| from + o) {
        let rest = &html[open + 1..];
        let name_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(rest.len());
        if name_len == 0 || !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            from = open + 1;
            continue;
        }
        let (attributes, end) = read_attributes(&rest[name_len..]);
        let end = end.map_or(html.len(), |e| open + 1 + name_len + e);
        tags.push(StartTag {
            name: rest[..name_len].to_owned(),
            attributes,
            end,
        });
        from = end;
    }
    tags
}

/// Where `fragment` ends in `html`, looking from `from` on; `None` when it is not there.
fn find_fragment(html: &str, from: usize, fragment: &str) -> Option<usize> {
    if !fragment.contains("=\"") {
        return html[from..]
            .find(fragment)
            .map(|at| from + at + fragment.len());
    }
    // `<name attributes>after`, or `attributes>after`, or just attributes.
    let (name, text) = match fragment.strip_prefix('<') {
        Some(rest) => {
            let len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .unwrap_or(rest.len());
            (Some(&rest[..len]), &rest[len..])
        }
        None => (None, fragment),
    };
    let (wanted, after) = read_attributes(text);
    let after = after.map(|a| &text[a..]);
    start_tags(html).into_iter().find_map(|tag| {
        // `from` may sit inside this tag, before its `>` (a fragment before named some
        // of its attributes).
        let fits = tag.end > from
            && name.is_none_or(|name| name == tag.name)
            && wanted.iter().all(|a| tag.attributes.contains(a));
        if !fits {
            return None;
        }
        match after {
            // Before the `>`, so a fragment that starts with it can follow.
            None => Some(tag.end - 1),
            Some(after) => html[tag.end..]
                .starts_with(after)
                .then_some(tag.end + after.len()),
        }
    })
}

/// Asserts that `html` is the screen that waits for what the next one needs, saying
/// `text` as a status.
#[track_caller]
fn check_waiting(html: &str, text: &str) {
    check_fragments(
        html,
        &[
            r#"data-screen="waiting" aria-busy="true""#,
            &format!(r#"<p role="status" tabindex="-1" class="lq-lead">{text}</p>"#),
        ],
    );
}

fn answers(content: &Content, ids: &str) -> Shared<levels_engine::Outcome> {
    let ids: Vec<&str> = ids.split(',').collect();
    let answers = Answers::from_ids(content, &ids).unwrap();
    Shared::new(score(content, &answers))
}

const STUCK_VP: &str = "role-vp,tenure-settling,team-org,hours-fires-team,measured-unclear,talk-team,stall-coordinate,away-calls,budget-missing,delegate-assign,hear-problems,meetings-ops,decisions-escalated,old-hired-back,role-talk-never";

#[tokio::test]
async fn a_fresh_quiz_shows_the_intro() {
    let content = content();
    let html = render::<Quiz>(QuizProps {
        content: content.clone(),
        config: Config::default(),
        platform: offline(),
        restarts: 0,
        languages: vec![],
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
    let shown = content.clone();
    let html = render_view(move || {
        question(&QuestionProps {
            content: shown.clone(),
            index: 2,
            selected: Some(1),
            needs_answer: false,
            on_action: Callback::noop(),
            intro_parts: None,
        })
    })
    .await;
    let q = &content.questions[2];
    check_fragments(
        &html,
        &[
            &format!(r#"data-screen="question" data-question="{}""#, q.id),
            r#"<p aria-live="polite" aria-atomic="true" class="lq-progress-label">Question 3 of 15</p>"#,
            r#"<rect width="20" height="4" rx="2" class="lq-fill">"#,
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
    let shown = content.clone();
    let html = render_view(move || {
        question(&QuestionProps {
            content: shown.clone(),
            index: last,
            selected: None,
            needs_answer: true,
            on_action: Callback::noop(),
            intro_parts: None,
        })
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
    let html = render_view({
        let (content, outcome) = (content.clone(), outcome.clone());
        move || profile_chart(&content, &outcome, None)
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
            r#"<g data-level="communication" data-title="" class="lq-row"><rect x="-6""#,
            "\u{25C6} Your title",
            &format!(
                r#"<g data-level="{}" data-operating="" class="lq-row">"#,
                outcome.operating.id()
            ),
        ],
    );
}

/// An earlier result whose week sat lower than the stuck VP's: 60% implementation, 30%
/// unification, 10% communication.
fn earlier_profile() -> EarlierProfile {
    EarlierProfile {
        date: "3 March 2025".into(),
        profile: levels_engine::Profile {
            implementation: 60,
            unification: 30,
            communication: 10,
        },
    }
}

#[tokio::test]
async fn the_profile_picture_shows_an_earlier_result_as_thin_bars_with_a_key_and_in_words() {
    let content = content();
    let outcome = answers(&content, STUCK_VP);
    let without = render_view({
        let (content, outcome) = (content.clone(), outcome.clone());
        move || profile_chart(&content, &outcome, None)
    })
    .await;
    assert!(
        !without.contains("lq-bar-earlier") && !without.contains("lq-chart-key"),
        "{without}"
    );
    let html = render_view({
        let (content, outcome) = (content.clone(), outcome.clone());
        move || profile_chart(&content, &outcome, Some(&earlier_profile()))
    })
    .await;
    let p = outcome.profile;
    check_fragments(
        &html,
        &[
            // Taller by the key's room.
            r#"viewBox="-8 -2 336 202""#,
            &format!(
                r#"aria-label="Implementation {}%, Unification {}%, Communication {}%. Your title: Communication. Your result on 3 March 2025: Implementation 60%, Unification 30%, Communication 10%.""#,
                p.implementation, p.unification, p.communication
            ),
            // Highest level first, each row with its earlier share as a thin bar
            // under the bar (10%, 30%, 60% of 320 units).
            r#"<g data-level="communication""#,
            r#"<rect class="lq-bar-earlier" x="0" y="48" width="32" height="4""#,
            r#"<g data-level="unification""#,
            r#"<rect class="lq-bar-earlier" y="106" width="96""#,
            r#"<g data-level="implementation""#,
            r#"<rect class="lq-bar-earlier" y="164" width="192""#,
            // The key, under the rows.
            r#"<g class="lq-chart-key">"#,
            r#"<rect class="lq-bar-earlier" y="184" width="24""#,
            r#"<text class="lq-key-text" x="32" y="190">Your result on 3 March 2025</text>"#,
        ],
    );
    assert_eq!(html.matches("lq-bar-earlier").count(), 4, "{html}");
}

#[tokio::test]
async fn the_result_says_how_the_week_moved_since_the_earlier_result_and_offers_to_forget_it() {
    let content = content();
    let outcome = answers(&content, STUCK_VP);
    // The stuck VP's week is mostly unification now; 30% of it was, on 3 March.
    let gained = outcome.profile.unification - 30;
    assert!(gained > 0);
    let html = result_since(&content, STUCK_VP, Since::Earlier(earlier_profile())).await;
    check_fragments(
        &html,
        &[
            r#"class="lq-chart""#,
            r#"<rect class="lq-bar-earlier""#,
            r#"class="lq-summary""#,
            r#"<div data-moved="unification" class="lq-earlier">"#,
            &format!(
                r#"<p class="lq-earlier-text">Since 3 March 2025, more of your week has moved to Unification (+{gained} points).</p>"#
            ),
            r#"<button type="button" class="lq-forget">Forget my earlier results</button>"#,
            // Still inside the profile block, before the rung.
            r#"data-rung="vp""#,
        ],
    );

    // The same shares as before: said as such.
    let same = EarlierProfile {
        profile: outcome.profile,
        ..earlier_profile()
    };
    let html = result_since(&content, STUCK_VP, Since::Earlier(same)).await;
    check_fragments(
        &html,
        &[
            r#"<div data-moved="none" class="lq-earlier">"#,
            r#"<p class="lq-earlier-text">Your week is spread across the levels as it was on 3 March 2025.</p>"#,
        ],
    );

    // Forgotten: a line saying so, where the button was, which takes its focus.
    let html = result_since(&content, STUCK_VP, Since::Forgotten).await;
    check_fragments(
        &html,
        &[
            r#"class="lq-summary""#,
            r#"<p role="status" tabindex="-1" data-lq-refocus="" class="lq-earlier lq-forgotten">"#,
            "Your earlier results are forgotten on this device.",
        ],
    );
    assert!(
        !html.contains("lq-bar-earlier") && !html.contains("lq-forget\""),
        "{html}"
    );

    // Nothing to compare with: no trace of it.
    let html = result_of(&content, STUCK_VP).await;
    assert!(
        !html.contains("lq-earlier") && !html.contains("lq-bar-earlier"),
        "{html}"
    );
}

#[tokio::test]
async fn the_chinese_comparison_reads_in_chinese() {
    let zh = Shared::new(load_str(include_str!("../content/zh-CN.json")).unwrap());
    let html = result_since(
        &zh,
        STUCK_VP,
        Since::Earlier(EarlierProfile {
            date: "2025年3月3日".into(),
            ..earlier_profile()
        }),
    )
    .await;
    let gained = answers(&zh, STUCK_VP).profile.unification - 30;
    check_fragments(
        &html,
        &[
            // The picture's words follow its existing punctuation ("你的头衔: 沟通层").
            "你在2025年3月3日的结果: 执行层 60%",
            &format!(
                "与2025年3月3日相比，你一周里有更多时间转到了统筹层（多了 {gained} 个百分点）。"
            ),
            ">清除我以前的结果</button>",
        ],
    );
}

#[test]
fn a_result_is_remembered_with_its_day_and_the_next_compares_with_it() {
    let content = content();
    let day = |text| levels_engine::Day::parse(text).unwrap();
    let fake = Rc::new(FakePage {
        today: Some(day("2025-03-03")),
        ..FakePage::default()
    });
    let platform = Shared::from_rc(fake.clone() as Rc<dyn Platform>);
    let key = levels_quiz::ending::history_key(&content, None);
    assert_eq!(key, "levels-quiz:levels-of-value:results");
    let first = Answers::from_ids(&content, &STUCK_VP.split(',').collect::<Vec<_>>()).unwrap();
    let mut other: Vec<usize> = first.as_slice().to_vec();
    other[4] = (other[4] + 1) % content.questions[4].options.len();
    let second = Answers::new(&content, &other).unwrap();
    // Arriving at a result: announced, and remembered when it is the visitor's own.
    let complete = |platform: &Shared<dyn Platform>, answers: &Answers, own: bool| {
        let outcome = Shared::new(score(&content, answers));
        let remember = own.then_some((answers, None));
        levels_quiz::chunk::complete(platform, &content, &outcome, remember)
    };

    // The first result has nothing to compare with, and is remembered: answers and day.
    assert_eq!(complete(&platform, &first, true), None);
    let stored = fake.load(&key).unwrap();
    let first_code = levels_engine::encode_link(&content, &first);
    assert_eq!(stored, format!("r1|2025-03-03:{first_code}"));
    // A reload on it remembers nothing new.
    assert_eq!(complete(&platform, &first, true), None);
    assert_eq!(fake.load(&key).unwrap(), stored);
    // Someone else's result (a shared link's) is neither remembered nor compared.
    assert_eq!(complete(&platform, &second, false), None);
    assert_eq!(fake.load(&key).unwrap(), stored);
    // The next result of the visitor's own compares with the first.
    let earlier = complete(&platform, &second, true).unwrap();
    assert_eq!((earlier.day, &earlier.answers), (day("2025-03-03"), &first));

    // Elements with their own id keep their own results.
    assert_eq!(
        levels_quiz::ending::history_key(&content, Some("sidebar")),
        "levels-quiz:levels-of-value:results#sidebar"
    );

    // Garbage stored, or no storage at all: no comparison, and no panic.
    fake.save(&key, "r1|2025-99-99:%%%|\u{0}");
    assert_eq!(complete(&platform, &second, true), None);
    assert_eq!(complete(&offline(), &second, true), None);
}

#[tokio::test]
async fn a_result_shows_verdict_causes_steps_terms_and_the_call_to_action() {
    let content = content();
    let outcome = answers(&content, STUCK_VP);
    let html = render_view({
        let (content, outcome) = (content.clone(), outcome.clone());
        move || {
            result_view(&ResultProps {
                content: content.clone(),
                outcome: outcome.clone(),
                cta_label: content.cta.offer(outcome.cta).label.to_owned().into(),
                cta_href: content.cta.offer(outcome.cta).href.to_owned().into(),
                share_url: None,
                lead_status: Default::default(),
                lead_after_results: false,
                platform: offline(),
                on_action: Callback::noop(),
                on_cta: Callback::noop(),
                on_lead_retry: Callback::noop(),
                since: Since::Nothing,
                on_forget: Callback::noop(),
            })
        }
    })
    .await;
    let text = content.verdicts.get(outcome.title, outcome.operating);
    let first_cause = &content.causes[outcome.applying().next().unwrap().cause.0];
    let offer = content.cta.offer(outcome.cta);
    assert_ne!(offer.heading, content.cta.heading);
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
            // The offer for an incomplete promotion, not the default.
            &format!(
                r#"<section data-cta="close-the-gap" class="lq-cta"><h3>{}</h3><p>{}</p>"#,
                offer.heading, offer.body
            ),
            &format!(
                r#"href="{}" class="lq-button lq-primary lq-cta-button">{}</a>"#,
                offer.href, offer.label
            ),
            &format!(">{}</button>", content.ui.restart),
        ],
    );
    let steps = html.matches("class=\"lq-step\"").count();
    assert!((3..=5).contains(&steps), "{steps} steps");
}

/// The screens for a session that has answered everything and is on the result; its
/// ending is there once the result's code has arrived.
fn finished(content: &Shared<Content>, chunk: Chunk) -> ScreensProps {
    let ids: Vec<&str> = STUCK_VP.split(',').collect();
    let answers = Answers::from_ids(content, &ids).unwrap();
    let session = levels_engine::Session::new(content).apply(
        content,
        levels_engine::Action::Restore {
            answers: answers.as_slice().iter().copied().map(Some).collect(),
            screen: levels_engine::Screen::Result,
        },
    );
    let ending = chunk.content().map(|whole| Ending {
        content: whole.clone(),
        outcome: Shared::new(score(content, &answers)),
        answers,
        config: Config::default(),
        platform: offline(),
        lead_draft: Default::default(),
        lead_status: Default::default(),
        on_lead_change: Callback::noop(),
        on_lead_status: Callback::noop(),
        on_action: Callback::noop(),
        comparison: Default::default(),
        on_comparison: Callback::noop(),
    });
    ScreensProps {
        content: content.clone(),
        session,
        notice: None,
        ending,
        chunk_failed: chunk == Chunk::Failed,
        on_retry: Callback::noop(),
        languages: Vec::new(),
        platform: offline(),
        on_action: Callback::noop(),
    }
}

#[test]
fn test_builds_link_in_the_whole_english_quiz() {
    let built_in = levels_engine::unpack(levels_quiz::BUILT_IN).unwrap();
    assert!(!levels_engine::lacks_result_texts(&built_in));
    assert_eq!(built_in, load_str(DEFAULT_CONTENT).unwrap());
}

/// The screens at the end of a run, with the result's code standing at `chunk`.
async fn finished_screen(content: &Shared<Content>, chunk: Chunk) -> String {
    let content = content.clone();
    render_view(move || screens(&finished(&content, chunk.clone()))).await
}

#[tokio::test]
async fn the_result_waits_for_its_code_and_offers_a_retry_when_it_cannot_come() {
    let content = content();
    let html = finished_screen(&content, Chunk::Arrived(content.clone())).await;
    check_fragments(&html, &[r#"data-screen="result""#]);

    for on_its_way in [Chunk::NotAsked, Chunk::Fetching] {
        let html = finished_screen(&content, on_its_way).await;
        check_waiting(&html, &content.ui.later_loading);
        assert!(!html.contains("data-screen=\"result\""), "{html}");
    }

    let html = finished_screen(&content, Chunk::Failed).await;
    check_fragments(
        &html,
        &[
            r#"data-screen="unavailable""#,
            &format!(
                r#"role="alert" tabindex="-1" class="lq-status lq-warn">{}</p>"#,
                content.ui.later_failed
            ),
            &format!(
                r#"<button type="button" class="lq-button lq-primary">{}</button>"#,
                content.ui.later_retry
            ),
        ],
    );
}

#[tokio::test]
async fn broken_content_renders_a_readable_error_panel() {
    let error = load_str(r#"{"format": 1, "id": "Bad Id"}"#).unwrap_err();
    let html = render::<ErrorPanel>(ErrorPanelProps {
        text: ErrorText::default(),
        problems: Shared::new(error.problems().iter().map(ToString::to_string).collect()),
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
        config: Config::default(),
        platform: offline(),
        restarts: 0,
        languages: vec![],
    })
    .await;
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;"),
        "{html}"
    );
    assert!(!html.contains("<img") && !html.contains("<script"));
}

async fn quiz(content: &Shared<Content>, config: Config, platform: Shared<dyn Platform>) -> String {
    render::<Quiz>(QuizProps {
        content: content.clone(),
        config,
        platform,
        restarts: 0,
        languages: vec![],
    })
    .await
}

#[tokio::test]
async fn saved_progress_resumes_on_the_same_question() {
    let content = content();
    let mut answers = vec![None; content.questions.len()];
    answers[0] = Some(3);
    answers[1] = Some(1);
    answers[2] = Some(0);
    let fake = FakePage::default();
    fake.save(
        &levels_quiz::app::storage_key(&content, &Config::default()),
        &levels_engine::encode_progress(levels_engine::Screen::Question(2), &answers),
    );
    let html = quiz(&content, Config::default(), page(fake)).await;
    check_fragments(&html, &["Question 3 of 15", " checked "]);

    // With persist off, the same storage is not read.
    let fake = FakePage::default();
    fake.save(
        &levels_quiz::app::storage_key(&content, &Config::default()),
        "1|q2|310----------",
    );
    let off = Config {
        persist: false,
        ..Config::default()
    };
    let html = quiz(&content, off, page(fake)).await;
    check_fragments(&html, &[r#"data-screen="intro""#]);
}

#[tokio::test]
async fn elements_with_their_own_id_keep_their_own_progress() {
    let content = content();
    let with_id = |id: &str| Config {
        id: Some(id.to_owned()),
        ..Config::default()
    };
    let (first, second) = (with_id("coach-quiz"), with_id("sidebar-quiz"));
    assert_ne!(
        levels_quiz::app::storage_key(&content, &first),
        levels_quiz::app::storage_key(&content, &second)
    );
    assert_ne!(
        levels_quiz::app::storage_key(&content, &first),
        levels_quiz::app::storage_key(&content, &Config::default())
    );
    let saved = || {
        let fake = FakePage::default();
        let mut answers = vec![None; content.questions.len()];
        answers[0] = Some(3);
        fake.save(
            &levels_quiz::app::storage_key(&content, &first),
            &levels_engine::encode_progress(levels_engine::Screen::Question(1), &answers),
        );
        page(fake)
    };
    let html = quiz(&content, first.clone(), saved()).await;
    check_fragments(&html, &["Question 2 of 15"]);
    let html = quiz(&content, second, saved()).await;
    check_fragments(&html, &[r#"data-screen="intro""#]);
}

/// Saved progress on question 3 of `content`, on a fresh page.
fn resumed_on_question_3(content: &Content) -> Shared<dyn Platform> {
    let mut answers = vec![None; content.questions.len()];
    answers[0] = Some(3);
    answers[1] = Some(1);
    let fake = FakePage::default();
    fake.save(
        &levels_quiz::app::storage_key(content, &Config::default()),
        &levels_engine::encode_progress(levels_engine::Screen::Question(2), &answers),
    );
    page(fake)
}

#[tokio::test]
async fn a_language_file_shows_every_question_without_waiting() {
    // A language file of the bundle comes without the result's texts, never without a
    // question's: resumed on question 3, it shows at once.
    let chinese = load_str(include_str!("../content/zh-CN.json")).unwrap();
    let (quiz_part, _) = levels_engine::split_result_texts(&chinese);
    let early = Shared::new(quiz_part);
    assert!(levels_engine::lacks_result_texts(&early));
    let html = quiz(&early, Config::default(), resumed_on_question_3(&early)).await;
    let third = &chinese.questions[2];
    check_fragments(
        &html,
        &[
            &format!(r#"data-question="{}""#, third.id),
            &third.prompt,
            &third.options[0].label,
            &third.options[3].label,
        ],
    );
    assert!(!html.contains(r#"data-screen="waiting""#), "{html}");
}

#[tokio::test]
async fn garbage_in_storage_starts_at_the_intro() {
    let content = content();
    let fake = FakePage::default();
    fake.save(
        &levels_quiz::app::storage_key(&content, &Config::default()),
        "{not progress at all",
    );
    let html = quiz(&content, Config::default(), page(fake)).await;
    check_fragments(&html, &[r#"data-screen="intro""#]);
}

#[tokio::test]
async fn a_shared_link_opens_the_result_with_share_print_and_a_cta_carrying_the_outcome() {
    let content = content();
    let ids: Vec<&str> = STUCK_VP.split(',').collect();
    let answers = Answers::from_ids(&content, &ids).unwrap();
    let code = levels_engine::encode_link(&content, &answers);
    let fake = FakePage {
        hash_code: Some(code.clone()),
        ..FakePage::default()
    };
    let config = Config {
        cta_href: Some("https://coach.example/book".into()),
        cta_label: Some("Talk to Dana".into()),
        ..Config::default()
    };
    let html = quiz(&content, config, page(fake)).await;
    check_fragments(
        &html,
        &[
            r#"data-screen="result" data-verdict="incomplete-promotion""#,
            &format!(">{}</button>", content.ui.share_button),
            &format!(">{}</button>", content.ui.print_button),
            r#"href="https://coach.example/book?level=unification&amp;verdict=incomplete-promotion""#,
            ">Talk to Dana</a>",
        ],
    );
}

#[tokio::test]
async fn a_damaged_link_says_so_and_offers_a_fresh_start() {
    let content = content();
    let fake = FakePage {
        hash_code: Some("AAAA-broken".into()),
        ..FakePage::default()
    };
    let html = quiz(&content, Config::default(), page(fake)).await;
    check_fragments(
        &html,
        &[
            r#"<div role="status" class="lq-notice"><p>"#,
            &content.ui.link_unreadable,
            &content.ui.link_fresh_start,
            r#"data-screen="intro""#,
        ],
    );
}

#[tokio::test]
async fn progress_saved_by_an_earlier_version_says_so_and_is_forgotten() {
    let content = content();
    let earlier = format!("levels-quiz:{}:{}", content.id, content.version - 1);
    let fake = Rc::new(FakePage::default());
    fake.storage
        .borrow_mut()
        .insert(earlier.clone(), "0.1.2".into());
    let platform = Shared::from_rc(fake.clone() as Rc<dyn Platform>);
    let html = quiz(&content, Config::default(), platform).await;
    check_fragments(
        &html,
        &[
            r#"<div role="status" class="lq-notice"><p>"#,
            &content.ui.progress_outdated,
            &content.ui.link_fresh_start,
            r#"data-screen="intro""#,
        ],
    );
    assert!(!html.contains(&content.ui.link_unreadable));
    assert!(fake.storage.borrow().get(&earlier).is_none(), "forgotten");

    // Nothing of the kind without persist, nor without earlier progress.
    let fake = Rc::new(FakePage::default());
    fake.storage
        .borrow_mut()
        .insert(earlier.clone(), "0.1.2".into());
    let platform = Shared::from_rc(fake.clone() as Rc<dyn Platform>);
    let config = Config {
        persist: false,
        ..Config::default()
    };
    let html = quiz(&content, config, platform).await;
    assert!(!html.contains("lq-notice"), "{html}");
    assert!(fake.storage.borrow().get(&earlier).is_some(), "left alone");
    let html = quiz(&content, Config::default(), page(FakePage::default())).await;
    assert!(!html.contains("lq-notice"), "{html}");
}

#[tokio::test]
async fn share_off_hides_the_share_button() {
    let content = content();
    let ids: Vec<&str> = STUCK_VP.split(',').collect();
    let code = levels_engine::encode_link(&content, &Answers::from_ids(&content, &ids).unwrap());
    let fake = FakePage {
        hash_code: Some(code),
        ..FakePage::default()
    };
    let html = quiz(
        &content,
        Config {
            share: false,
            ..Config::default()
        },
        page(fake),
    )
    .await;
    assert!(html.contains(r#"data-screen="result""#));
    assert!(!html.contains(&content.ui.share_button), "{html}");
}

#[tokio::test]
async fn popup_mode_puts_the_quiz_in_a_dialog_behind_a_trigger() {
    let content = content();
    let html = quiz(
        &content,
        Config {
            mode: Mode::Popup,
            ..Config::default()
        },
        offline(),
    )
    .await;
    check_fragments(
        &html,
        &[
            r#"aria-haspopup="dialog""#,
            &format!(">{}</button>", content.ui.popup_open),
            "<dialog",
            &format!(r#"aria-label="{}""#, content.intro.title),
            &format!(r#"aria-label="{}""#, content.ui.dialog_close),
            r#"data-screen="intro""#,
            "</dialog>",
        ],
    );
}

#[tokio::test]
async fn the_lead_form_labels_every_field() {
    use levels_quiz::components::{LeadForm, LeadFormProps};
    let content = content();
    let html = render::<LeadForm>(LeadFormProps {
        content: content.clone(),
        draft: Default::default(),
        on_change: Callback::noop(),
        on_submit: Callback::noop(),
        on_skip: Callback::noop(),
    })
    .await;
    check_fragments(
        &html,
        &[
            r#"data-screen="lead""#,
            &format!(
                r#"<label for="lq-lead-name">{}</label>"#,
                content.ui.lead_name
            ),
            r#"id="lq-lead-name""#,
            &format!(
                r#"<label for="lq-lead-email">{}</label>"#,
                content.ui.lead_email
            ),
            r#"type="email""#,
            r#"type="checkbox""#,
            &format!(
                r#"<label for="lq-lead-consent">{}</label>"#,
                content.ui.lead_consent
            ),
            &content.ui.lead_skip,
            &content.ui.lead_submit,
        ],
    );
}

#[tokio::test]
async fn the_intro_offers_a_language_switch_when_the_bundle_carries_several() {
    use levels_quiz::config::Language;
    let content = content();
    let languages = vec![
        Language {
            code: "en".into(),
            name: "English".into(),
        },
        Language {
            code: "zh-CN".into(),
            name: "简体中文".into(),
        },
    ];
    let html = render::<Quiz>(QuizProps {
        content: content.clone(),
        config: Config::default(),
        platform: offline(),
        restarts: 0,
        languages,
    })
    .await;
    check_fragments(
        &html,
        &[
            r#"<div role="group" aria-label="Language" class="lq-langs">"#,
            r#"lang="en" aria-pressed="true" class="lq-lang">English</button>"#,
            r#"lang="zh-CN" aria-pressed="false" class="lq-lang">简体中文</button>"#,
        ],
    );
}

#[tokio::test]
async fn the_chinese_quiz_renders_in_chinese() {
    let zh = Shared::new(load_str(include_str!("../content/zh-CN.json")).unwrap());
    let shown = zh.clone();
    let html = render_view(move || {
        question(&QuestionProps {
            content: shown.clone(),
            index: 0,
            selected: None,
            needs_answer: false,
            on_action: Callback::noop(),
            intro_parts: None,
        })
    })
    .await;
    check_fragments(
        &html,
        &["第 1 题，共 15 题", &zh.questions[0].prompt, &zh.ui.next],
    );
}

/// The result screen of `ids` (one option id per question).
async fn result_of(content: &Shared<Content>, ids: &str) -> String {
    result_since(content, ids, Since::Nothing).await
}

/// The result screen of `ids`, saying `since` about the earlier result.
async fn result_since(content: &Shared<Content>, ids: &str, since: Since) -> String {
    let outcome = answers(content, ids);
    let content = content.clone();
    render_view(move || {
        result_view(&ResultProps {
            content: content.clone(),
            outcome: outcome.clone(),
            cta_label: content.cta.label.clone().into(),
            cta_href: content.cta.href.clone().into(),
            share_url: None,
            lead_status: Default::default(),
            lead_after_results: false,
            platform: offline(),
            on_action: Callback::noop(),
            on_cta: Callback::noop(),
            on_lead_retry: Callback::noop(),
            since: since.clone(),
            on_forget: Callback::noop(),
        })
    })
    .await
}

#[tokio::test]
async fn a_stuck_vp_sees_the_rung_its_job_and_what_holds_them_back() {
    let content = content();
    let html = result_of(&content, STUCK_VP).await;
    let vp = content.rungs.iter().find(|r| r.id == "vp").unwrap();
    check_fragments(
        &html,
        &[
            r#"class="lq-summary""#,
            r#"<section data-rung="vp" class="lq-block lq-rung">"#,
            &format!("<h3>Your rung: {}</h3>", vp.name),
            // 0% of the week at communication, where a VP's job is done.
            "0% of your week is at the Communication level",
            &format!("<dd>{}</dd>", vp.job),
            &format!("<dd>{}</dd>", vp.failure),
            &format!("<dd>{}</dd>", vp.trade),
            &format!("<h3>{}</h3>", content.ui.causes_heading),
        ],
    );
    // Not a close call, and the level beyond is for the senior rungs only.
    assert!(
        !html.contains("lq-split") && !html.contains("lq-horizon"),
        "{html}"
    );
}

#[tokio::test]
async fn a_founder_gets_the_founders_story_and_the_level_beyond() {
    let content = content();
    let founder = "role-founder,tenure-long,team-small,hours-doing,measured-business,talk-clients,stall-fix,away-stops,budget-own,delegate-takeback,hear-me,meetings-work,decisions-board,old-expertise,role-talk-sometimes";
    let html = result_of(&content, founder).await;
    let rung = content
        .rungs
        .iter()
        .position(|r| r.id == "founder")
        .unwrap();
    let text = content.verdicts.for_rung(
        levels_engine::Level::Communication,
        levels_engine::Level::Implementation,
        Some(levels_engine::RungRef(rung)),
    );
    assert_ne!(
        text,
        content.verdicts.get(
            levels_engine::Level::Communication,
            levels_engine::Level::Implementation
        ),
        "founders have their own text"
    );
    let horizon = content.horizon.as_ref().unwrap();
    check_fragments(
        &html,
        &[
            &format!(r#"class="lq-title">{}</h2>"#, text.headline),
            r#"data-rung="founder""#,
            r#"<section class="lq-block lq-horizon">"#,
            &format!("<h3>{}</h3>", horizon.name),
        ],
    );
    // No promotion wording (in what the founder reads, not in the verdict's id) and no
    // manager to agree things with.
    let read = html.replace(r#""incomplete-promotion""#, "");
    assert!(!read.to_lowercase().contains("promotion"), "{read}");
    assert!(!html.contains("with your manager"), "{html}");
}

#[tokio::test]
async fn an_aligned_manager_on_a_close_call_is_told_both() {
    let content = content();
    let split = "role-lead,tenure-established,team-small,hours-doing,measured-team,talk-peers,stall-fix,away-calls,budget-track,delegate-assign,hear-reports,meetings-work,decisions-team,old-same,role-talk-review";
    let outcome = answers(&content, split);
    assert_eq!(outcome.verdict, levels_engine::Verdict::Aligned);
    assert_eq!(outcome.split, Some(levels_engine::Level::Implementation));
    let html = result_of(&content, split).await;
    check_fragments(
        &html,
        &[
            r#"<p class="lq-split">Your week is split almost evenly between Unification and Implementation"#,
            &format!("<h3>{}</h3>", content.ui.causes_watch_heading),
        ],
    );
}

// ---- intro="off" ------------------------------------------------------------------------

fn intro_off() -> Config {
    Config {
        opening: levels_engine::Opening::FirstQuestion,
        ..Config::default()
    }
}

fn two_languages() -> Vec<levels_quiz::config::Language> {
    use levels_quiz::config::Language;
    vec![
        Language {
            code: "en".into(),
            name: "English".into(),
        },
        Language {
            code: "zh-CN".into(),
            name: "简体中文".into(),
        },
    ]
}

#[tokio::test]
async fn with_the_intro_off_question_1_carries_the_language_switch_and_the_privacy_line() {
    let content = content();
    let html = render::<Quiz>(QuizProps {
        content: content.clone(),
        config: intro_off(),
        platform: offline(),
        restarts: 0,
        languages: two_languages(),
    })
    .await;
    let q = &content.questions[0];
    check_fragments(
        &html,
        &[
            &format!(r#"data-screen="question" data-question="{}""#, q.id),
            // The switch ends the progress line, after the label.
            r#"<div class="lq-progress-line"><p aria-live="polite" aria-atomic="true" class="lq-progress-label">Question 1 of 15</p>"#,
            r#"<div role="group" aria-label="Language" class="lq-langs">"#,
            r#"lang="en" aria-pressed="true" class="lq-lang">English</button>"#,
            r#"lang="zh-CN" aria-pressed="false" class="lq-lang">简体中文</button>"#,
            r#"<svg class="lq-progress-bar""#,
            &format!(r#"<h2 id="lq-q-{}" tabindex="-1" class="lq-prompt">"#, q.id),
            // The privacy line stands where Back would be, before Next.
            r#"<div class="lq-nav"><p class="lq-privacy">"#,
            r#"<svg class="lq-icon" aria-hidden="true">"#,
            &format!("</svg>{}</p>", content.intro.privacy),
            r#"<button type="submit" class="lq-button lq-primary">Next</button></div>"#,
        ],
    );
    assert!(!html.contains(r#"data-screen="intro""#), "{html}");
    assert!(
        !html.contains(&format!(">{}</button>", content.ui.back)),
        "nothing to go back to: {html}"
    );
}

#[tokio::test]
async fn with_the_intro_off_and_one_language_question_1_has_no_switch() {
    let content = content();
    let html = quiz(&content, intro_off(), offline()).await;
    check_fragments(
        &html,
        &[
            r#"<div class="lq-progress-line"><p aria-live="polite" aria-atomic="true" class="lq-progress-label">Question 1 of 15</p></div>"#,
            &content.intro.privacy,
        ],
    );
    assert!(!html.contains("lq-langs"));
}

#[tokio::test]
async fn with_the_intro_off_later_questions_are_as_ever() {
    let content = content();
    let fake = FakePage::default();
    let mut answers = vec![None; content.questions.len()];
    answers[0] = Some(3);
    fake.save(
        &levels_quiz::app::storage_key(&content, &Config::default()),
        &levels_engine::encode_progress(levels_engine::Screen::Question(1), &answers),
    );
    let html = render::<Quiz>(QuizProps {
        content: content.clone(),
        config: intro_off(),
        platform: page(fake),
        restarts: 0,
        languages: two_languages(),
    })
    .await;
    check_fragments(
        &html,
        &[
            "Question 2 of 15",
            r#"<button type="button" class="lq-button lq-secondary">Back</button>"#,
        ],
    );
    assert!(!html.contains("lq-langs") && !html.contains(&content.intro.privacy));
}

#[tokio::test]
async fn with_the_intro_off_saved_progress_and_shared_links_still_win() {
    let content = content();
    // Saved progress resumes where it was.
    let html = quiz(&content, intro_off(), resumed_on_question_3(&content)).await;
    check_fragments(&html, &["Question 3 of 15"]);
    // A shared link opens its result.
    let ids: Vec<&str> = STUCK_VP.split(',').collect();
    let code = levels_engine::encode_link(&content, &Answers::from_ids(&content, &ids).unwrap());
    let fake = FakePage {
        hash_code: Some(code),
        ..FakePage::default()
    };
    let html = quiz(&content, intro_off(), page(fake)).await;
    check_fragments(
        &html,
        &[r#"data-screen="result" data-verdict="incomplete-promotion""#],
    );
    // A damaged one says so above question 1.
    let fake = FakePage {
        hash_code: Some("AAAA-broken".into()),
        ..FakePage::default()
    };
    let html = quiz(&content, intro_off(), page(fake)).await;
    check_fragments(
        &html,
        &[
            r#"class="lq-notice""#,
            &content.ui.link_unreadable,
            r#"data-screen="question""#,
            "Question 1 of 15",
        ],
    );
}

#[tokio::test]
async fn with_the_intro_off_the_popup_opens_on_question_1() {
    let content = content();
    let html = quiz(
        &content,
        Config {
            mode: Mode::Popup,
            ..intro_off()
        },
        offline(),
    )
    .await;
    check_fragments(
        &html,
        &[
            &format!(">{}</button>", content.ui.popup_open),
            "<dialog",
            &format!(r#"aria-label="{}""#, content.intro.title),
            r#"data-screen="question""#,
            "Question 1 of 15",
            &content.intro.privacy,
            "</dialog>",
        ],
    );
}
