//! Writes `ui_defaults.rs` to OUT_DIR: every shipped language's interface strings, the
//! `ui` section of its content file (`content/*.json` at the repository root), for
//! `src/ui.rs` to include. A content file that leaves out an interface string gets its
//! language's from there (see `Loader::ui`), so each text lives in one place: the
//! language's own content file.
//!
//! Each language's texts are written as a `DefaultUi` literal, a field per key, so the
//! compiler checks them against the keys `src/ui.rs` declares: a key missing from
//! `content/en.json`, or one `Ui` no longer has, fails the build there. Every other
//! language must have exactly English's keys, which this script checks.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

use serde_json::Value;

/// Where the content files are, from this crate's folder.
const CONTENT: &str = "../../content";

fn main() {
    println!("cargo::rerun-if-changed={CONTENT}");
    let mut languages: Vec<(String, Vec<(String, String)>)> = content_files()
        .iter()
        .map(|file| {
            println!("cargo::rerun-if-changed={}", file.display());
            interface_strings(file)
        })
        .collect();
    // English first (the default of last resort), then by tag, so the output does
    // not depend on the order the folder lists its files in.
    languages.sort_by(|(a, _), (b, _)| (a != "en", a).cmp(&(b != "en", b)));
    for pair in languages.windows(2) {
        if pair[0].0 == pair[1].0 {
            fail(format!(
                "two content files have \"language\": \"{}\"",
                pair[0].0
            ));
        }
    }
    let Some((_, english)) = languages.first().filter(|(tag, _)| tag == "en") else {
        fail(format!("no {CONTENT}/*.json has \"language\": \"en\""));
    };
    let english_keys: Vec<&str> = english.iter().map(|(key, _)| key.as_str()).collect();
    for (tag, texts) in languages.iter().skip(1) {
        let keys: Vec<&str> = texts.iter().map(|(key, _)| key.as_str()).collect();
        for key in &english_keys {
            if !keys.contains(key) {
                fail(format!(
                    "the {tag} content's `ui` lacks `{key}`, which English's has"
                ));
            }
        }
        for key in &keys {
            if !english_keys.contains(key) {
                fail(format!(
                    "the {tag} content's `ui` has `{key}`, which English's lacks"
                ));
            }
        }
    }

    let mut out = String::from(
        "// Written by crates/engine/build.rs from the `ui` sections of content/*.json.\n\n",
    );
    out.push_str("/// English's interface strings, the default of last resort.\n");
    out.push_str("pub(crate) static ENGLISH: DefaultUi = ");
    literal(&mut out, english);
    out.push_str(";\n\n");
    out.push_str(
        "/// Every shipped language's interface strings, by language tag, English's first.\n",
    );
    out.push_str(
        "pub(crate) static DEFAULTS: &[(&str, &DefaultUi)] = &[\n    (\"en\", &ENGLISH),\n",
    );
    for (tag, texts) in languages.iter().skip(1) {
        let _ = write!(out, "    ({tag:?}, &");
        literal(&mut out, texts);
        out.push_str("),\n");
    }
    out.push_str("];\n");

    let target =
        Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| ".".to_owned())).join("ui_defaults.rs");
    if let Err(err) = fs::write(&target, out) {
        fail(format!("cannot write {}: {err}", target.display()));
    }
}

/// Every `*.json` in [`CONTENT`].
fn content_files() -> Vec<PathBuf> {
    let entries =
        fs::read_dir(CONTENT).unwrap_or_else(|err| fail(format!("cannot list {CONTENT}: {err}")));
    entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect()
}

/// A content file's language tag and its `ui` texts (trimmed, as the loader trims
/// them), by key.
fn interface_strings(file: &Path) -> (String, Vec<(String, String)>) {
    let name = file.display();
    let text =
        fs::read_to_string(file).unwrap_or_else(|err| fail(format!("cannot read {name}: {err}")));
    let value: Value = serde_json::from_str(&text)
        .unwrap_or_else(|err| fail(format!("{name} is not valid JSON: {err}")));
    let Some(tag) = value.get("language").and_then(Value::as_str) else {
        fail(format!("{name} has no \"language\""));
    };
    let Some(ui) = value.get("ui").and_then(Value::as_object) else {
        fail(format!(
            "{name} has no `ui` object: a shipped language gives every interface string"
        ));
    };
    let texts = ui
        .iter()
        .map(|(key, text)| {
            let plain = key.starts_with(|c: char| c.is_ascii_lowercase())
                && key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            let text = text.as_str().map(str::trim).unwrap_or_default();
            if !plain || text.is_empty() {
                fail(format!(
                    "{name}: ui.{key} must be an interface key with a text"
                ));
            }
            (key.clone(), text.to_owned())
        })
        .collect();
    (tag.trim().to_owned(), texts)
}

/// Appends a `DefaultUi { key: "text", ... }` literal.
fn literal(out: &mut String, texts: &[(String, String)]) {
    out.push_str("DefaultUi {\n");
    for (key, text) in texts {
        // `{:?}` of a `str` is a valid Rust string literal.
        let _ = writeln!(out, "        {key}: {text:?},");
    }
    out.push_str("    }");
}

fn fail(message: String) -> ! {
    panic!("crates/engine/build.rs: {message}");
}
