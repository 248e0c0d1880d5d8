//! What the visitor needs only after the questions: scoring, the result screen, the
//! lead form, filling in a quiz's later texts ([`crate::finish`]), the complete event
//! and the rest of the page's [`crate::platform::Finishing`] services.
//!
//! With the `split` feature (the release bundle), this code ships as its own wasm
//! chunk, fetched once the first question is on screen and the page is idle, so the
//! download before the first question carries none of it. Without the feature it is
//! linked in as usual and always [`Later::Ready`].

use levels_engine::{Answers, Content, Outcome};
use yew::{Callback, Html};

use crate::finish::Finish;
use crate::platform::{finishing, FinishEvent, Platform};
use crate::shared::Shared;

/// Where the deferred code stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Later {
    /// Not asked for yet.
    Idle,
    /// Being fetched.
    Loading,
    /// A fetch made ahead of time failed; it is tried again when the code is needed.
    Missed,
    /// Loaded: the result and the lead form render.
    Ready,
    /// The fetch failed; asking again retries.
    Failed,
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

#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(later, fallible, preload(fetch_score))
)]
fn score_in_chunk(content: &Content, answers: &Answers) -> Result<Outcome, Unavailable> {
    Ok(levels_engine::score(content, answers))
}

#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(later, fallible, preload(fetch_result))
)]
fn result_in_chunk(finish: &Finish) -> Result<Html, Unavailable> {
    Ok(finish.result())
}

#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(later, fallible, preload(fetch_lead))
)]
fn lead_in_chunk(finish: &Finish) -> Result<Html, Unavailable> {
    Ok(finish.lead_form())
}

#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(later, fallible, preload(fetch_fill))
)]
fn fill_in_chunk(
    content: &Shared<Content>,
    platform: &Shared<dyn Platform>,
    done: &Callback<Option<Shared<Content>>>,
) -> Result<(), Unavailable> {
    crate::finish::fill(content, platform, done.clone());
    Ok(())
}

#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(later, fallible, preload(fetch_complete))
)]
fn complete_in_chunk(
    platform: &Shared<dyn Platform>,
    content: &Content,
    outcome: &Shared<Outcome>,
) -> Result<(), Unavailable> {
    finishing(&**platform).emit(content, &FinishEvent::Complete(outcome.clone()));
    Ok(())
}

/// Fetches the deferred code (once; a failure is not remembered, so calling again
/// retries). Each split function keeps its own loader, so each is readied here; the
/// chunk itself is fetched once. A new split function must be added here too, or
/// [`now`] never finds it ready and its screen waits forever.
#[cfg(feature = "split")]
pub async fn fetch() -> Result<(), Unavailable> {
    fetch_score().await?;
    fetch_result().await?;
    fetch_fill().await?;
    fetch_complete().await?;
    Ok(fetch_lead().await?)
}

/// Nothing to fetch: the code is linked in.
#[cfg(not(feature = "split"))]
pub async fn fetch() -> Result<(), Unavailable> {
    Ok(())
}

/// The outcome of a complete set of answers, once [`Later::Ready`]; `None` before.
pub fn outcome(later: Later, content: &Content, answers: &Answers) -> Option<Outcome> {
    (later == Later::Ready)
        .then(|| now(score_in_chunk(content, answers)))
        .flatten()
}

/// The content with every text a result shows, where nothing is split off (native
/// tests, browser unit tests): the texts of the quiz linked in. `None` in the bundle,
/// where they come with the chunk ([`fill`]).
pub fn whole_now(content: &Shared<Content>) -> Option<Shared<Content>> {
    if cfg!(feature = "split") {
        None
    } else {
        crate::finish::whole(content, None)
    }
}

/// Gives `done` the content with every text a result shows, once the chunk is there
/// ([`crate::finish::fill`]: the language's texts, fetched by the
/// platform); `None` when they cannot be had, or before the chunk.
pub fn fill(
    content: &Shared<Content>,
    platform: &Shared<dyn Platform>,
    done: Callback<Option<Shared<Content>>>,
) {
    if now(fill_in_chunk(content, platform, &done)).is_none() {
        done.emit(None);
    }
}

/// Tells the page the result is shown (`levels-quiz:complete`). An outcome exists only
/// once the chunk is there.
pub fn complete(platform: &Shared<dyn Platform>, content: &Content, outcome: &Shared<Outcome>) {
    let _ = now(complete_in_chunk(platform, content, outcome));
}

/// The result screen. A [`Finish`] exists only once the answers were scored, so the
/// chunk is there.
pub fn result(finish: &Finish) -> Option<Html> {
    now(result_in_chunk(finish))
}

/// The lead form (once scored, as [`result`]).
pub fn lead(finish: &Finish) -> Option<Html> {
    now(lead_in_chunk(finish))
}

/// The value of a split function whose chunk is loaded: its first poll is ready.
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
