//! The levels-quiz widget: Yew components over the pure engine, and (in the browser)
//! the `mount` entry point the `<levels-quiz>` custom element calls.
//!
//! Components live here rather than in a binary so native tests can render them to
//! HTML with Yew's server renderer.

pub mod app;
pub mod components;
pub mod config;
pub mod lead;
pub mod platform;
pub mod shared;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod embed;

pub use app::{Root, RootProps};

/// The widget's stylesheet, adopted into each element's shadow root.
pub const STYLESHEET: &str = include_str!("../styles/widget.css");
