//! The result's code: scoring, the result screen and the lead form ([`crate::ending`]),
//! remembering results, and where it stands ([`Chunk`]).
//!
//! With the `split` feature (the release bundle), this code ships as its own wasm file,
//! `levels-quiz-result.wasm`, fetched once the first question is on screen and the
//! page is idle, so the download before the first question carries none of it. Without
//! the feature it is linked in as usual and every call here is a plain call.

use levels_engine::{Answers, Content, Earlier, Outcome};
use yew::Html;

use crate::config::Config;
use crate::ending::Ending;
use crate::platform::{EndingEvent, Platform};
use crate::shared::Shared;

/// Where the result's code and the result's texts stand: state of the one reducer
/// ([`crate::state::QuizState::chunk`]), changed by [`crate::state::Change::Chunk`].
#[derive(Debug, Clone, PartialEq)]
pub enum Chunk {
    /// Not asked for yet: the root's effect fetches it once a question shows (at once
    /// on the lead form or the result).
    NotAsked,
    /// On its way.
    Fetching,
    /// The last fetch failed. On a question nothing shows; arriving at the lead form or
    /// the result asks again once, and after that "Try again" does.
    Failed,
    /// The code is linked in, and this is the content with the result's texts.
    Arrived(Shared<Content>),
}

impl Chunk {
    /// The content with the result's texts, once arrived.
    pub fn content(&self) -> Option<&Shared<Content>> {
        match self {
            Chunk::Arrived(content) => Some(content),
            _ => None,
        }
    }
}

/// The chunk could not be fetched.
#[derive(Debug)]
pub struct Unavailable;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for Unavailable {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// Declares the chunk's entry points, each with the loader that readies it, and
/// [`fetch`], which readies every one: the list lives here and nowhere else, so an
/// entry point cannot be left out of the fetch.
macro_rules! entry_points {
    ($($(#[$attribute:meta])* fn $name:ident / $loader:ident ($($arg:ident: $type:ty),*) -> $value:ty $body:block)*) => {
        $(
            $(#[$attribute])*
            #[cfg_attr(
                feature = "split",
                wasm_split_helpers::wasm_split(result, fallible, preload($loader))
            )]
            fn $name($($arg: $type),*) -> Result<$value, Unavailable> {
                Ok($body)
            }
        )*

        /// Fetches the chunk once (a failure is not remembered, so calling again
        /// retries) and readies each entry point's loader.
        #[cfg(feature = "split")]
        pub async fn fetch() -> Result<(), Unavailable> {
            $($loader().await?;)*
            Ok(())
        }

        /// The names of the entry points, for tests.
        pub const ENTRY_POINTS: &[&str] = &[$(stringify!($name)),*];
    };
}

entry_points! {
    /// Scores a complete set of answers.
    fn score_in_chunk / ready_score(content: &Content, answers: &Answers) -> Outcome {
        levels_engine::score(content, answers)
    }
    /// Builds the result screen.
    fn result_in_chunk / ready_result(ending: &Ending) -> Html {
        ending.result()
    }
    /// Builds the lead form.
    fn lead_form_in_chunk / ready_lead_form(ending: &Ending) -> Html {
        ending.lead_form()
    }
    /// Tells the page the result is shown (`levels-quiz:complete`) and, given the
    /// visitor's own answers and the element's `id` (`remember`), remembers them on
    /// their device ([`crate::ending::remember`]); gives the earlier result to compare
    /// with.
    fn complete_in_chunk / ready_complete(platform: &Shared<dyn Platform>, content: &Content, outcome: &Shared<Outcome>, remember: Option<(&Answers, Option<&str>)>) -> Option<Shared<Earlier>> {
        platform.ending().emit(content, &EndingEvent::Complete(outcome.clone()));
        remember.and_then(|(answers, id)| crate::ending::remember(platform, content, answers, id)).map(Shared::new)
    }
    /// The quiz with the result's texts put back in, or `None` when `texts` are not
    /// this quiz's ([`levels_engine::fill_result_texts`]).
    fn with_result_texts_in_chunk / ready_result_texts(content: &Content, texts: &[u8]) -> Option<Shared<Content>> {
        let mut with_texts = content.clone();
        levels_engine::fill_result_texts(&mut with_texts, texts).then(|| Shared::new(with_texts))
    }
    /// Runs the result's code once on made-up answers (the first option of each
    /// question) and throws the result away, so the browser has compiled it before
    /// the visitor's own result is drawn. Nothing is announced or shown.
    fn warm_in_chunk / ready_warm(content: &Shared<Content>, platform: &Shared<dyn Platform>) -> () {
        let first: Vec<usize> = content.questions.iter().map(|_| 0).collect();
        if let Some(answers) = Answers::new(content, &first) {
            let outcome = Shared::new(levels_engine::score(content, &answers));
            let ending = Ending {
                content: content.clone(),
                answers,
                outcome,
                config: Config::default(),
                platform: platform.clone(),
                lead_draft: Default::default(),
                lead_status: Default::default(),
                on_lead_change: yew::Callback::noop(),
                on_lead_status: yew::Callback::noop(),
                on_action: yew::Callback::noop(),
                comparison: Default::default(),
                on_comparison: yew::Callback::noop(),
            };
            let _ = ending.result();
        }
    }
    /// The browser's services for the end of a run (`embed::BrowserPlatform`), as only
    /// the chunk's code names them, so their code ships in the chunk.
    #[cfg(target_arch = "wasm32")]
    fn browser_ending_in_chunk / ready_browser_ending(platform: &crate::embed::BrowserPlatform) -> &dyn crate::platform::EndingServices {
        platform
    }
}

/// Nothing to fetch: the code is linked in.
#[cfg(not(feature = "split"))]
pub async fn fetch() -> Result<(), Unavailable> {
    Ok(())
}

/// The outcome of a complete set of answers, once the chunk has arrived; `None` before.
pub fn score(chunk: &Chunk, answers: &Answers) -> Option<Outcome> {
    now(score_in_chunk(chunk.content()?, answers))
}

/// The result screen. An [`Ending`] exists only once the answers were scored, so the
/// chunk is there.
pub fn result(ending: &Ending) -> Option<Html> {
    now(result_in_chunk(ending))
}

/// The lead form (once scored, as [`result`]).
pub fn lead_form(ending: &Ending) -> Option<Html> {
    now(lead_form_in_chunk(ending))
}

/// Tells the page the result is shown, and remembers it when given `remember` (the
/// visitor's own answers, and the element's `id`); gives the earlier result to compare
/// with. An outcome exists only once the chunk is there.
pub fn complete(
    platform: &Shared<dyn Platform>,
    content: &Content,
    outcome: &Shared<Outcome>,
    remember: Option<(&Answers, Option<&str>)>,
) -> Option<Shared<Earlier>> {
    now(complete_in_chunk(platform, content, outcome, remember)).flatten()
}

/// Warms the result's code ([`warm_in_chunk`]) once the chunk is there.
pub fn warm(content: &Shared<Content>, platform: &Shared<dyn Platform>) {
    let _ = now(warm_in_chunk(content, platform));
}

/// The quiz with the result's texts put back in, once the chunk is there; `None` when
/// `texts` are not this quiz's.
pub fn with_result_texts(content: &Content, texts: &[u8]) -> Option<Shared<Content>> {
    now(with_result_texts_in_chunk(content, texts)).flatten()
}

/// The browser's services for the end of a run. Called only from the chunk's code
/// ([`Platform::ending`]), so the chunk is there.
#[cfg(target_arch = "wasm32")]
pub(crate) fn browser_ending(
    platform: &crate::embed::BrowserPlatform,
) -> Option<&dyn crate::platform::EndingServices> {
    now(browser_ending_in_chunk(platform))
}

/// The value of an entry point whose chunk is loaded: its first poll is ready.
#[cfg(feature = "split")]
fn now<T>(call: impl std::future::Future<Output = Result<T, Unavailable>>) -> Option<T> {
    use std::task::{Context, Poll, Waker};
    let call = std::pin::pin!(call);
    match call.poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(Ok(value)) => Some(value),
        _ => None,
    }
}

#[cfg(not(feature = "split"))]
fn now<T>(call: Result<T, Unavailable>) -> Option<T> {
    call.ok()
}
