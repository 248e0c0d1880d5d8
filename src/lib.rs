//! The levels-quiz widget: Yew components over the pure engine, and (in the browser)
//! the `mount` entry point the `<levels-quiz>` custom element calls.
//!
//! Components live here rather than in a binary so native tests can render them to
//! HTML with Yew's server renderer.

pub mod app;
pub mod chunk;
pub mod components;
pub mod config;
pub mod ending;
pub mod lead;
pub mod platform;
pub mod shared;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod embed;

pub use app::{Quiz, QuizProps};

/// The widget's stylesheet (`styles/widget.css`, minified by `build.rs`), adopted into
/// each element's shadow root.
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

/// The English quiz, `content/en.json`, checked and packed whole by `build.rs`
/// ([`levels_engine::pack`]): the quiz of builds without the `split` feature (native
/// and browser unit tests). The bundle links none in; the element fetches each
/// language's files, English too (`levels-quiz.en.bin`).
pub const BUILT_IN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en.bin"));

/// The wasm's allocator: TLSF (constant-time allocation and freeing, pools taken with
/// `memory.grow`), about 1.1 KB gzip smaller than the standard library's dlmalloc.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::GlobalTlsf = rlsf::GlobalTlsf::new();
