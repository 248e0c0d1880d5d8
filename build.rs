//! Writes minified copies of the built-in content (`content/en.json`) and of the
//! stylesheet (`styles/widget.css`) to OUT_DIR, for the wasm to embed: whitespace and
//! comments are bytes every visitor downloads and no browser needs.
//!
//! Both minifiers only drop what cannot change the meaning: JSON whitespace outside
//! strings (keys keep their order, duplicates stay, so the loader reads the same
//! value), and CSS comments and the whitespace next to `{`, `}`, `;`, `,` and after
//! `:`. Text inside quotes is copied as is.

use std::path::Path;
use std::{env, fs};

fn main() {
    let out = env::var("OUT_DIR").unwrap_or_else(|_| ".".to_owned());
    let out = Path::new(&out);
    for (source, target, minify) in [
        (
            "content/en.json",
            "en.json",
            minify_json as fn(&str) -> String,
        ),
        ("styles/widget.css", "widget.css", minify_css),
    ] {
        println!("cargo::rerun-if-changed={source}");
        let text = match fs::read_to_string(source) {
            Ok(text) => text,
            Err(err) => panic!("build.rs: cannot read {source}: {err}"),
        };
        if let Err(err) = fs::write(out.join(target), minify(&text)) {
            panic!("build.rs: cannot write {target}: {err}");
        }
    }
}

/// JSON without the whitespace between tokens.
fn minify_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => copy_quoted(c, &mut chars, &mut out),
            c if c.is_ascii_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

/// CSS without comments and without whitespace that separates nothing.
fn minify_css(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    // A run of whitespace (or a comment) seen but not yet written.
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            c if c.is_ascii_whitespace() => space = true,
            c => {
                let glue = |c: char| matches!(c, '{' | '}' | ';' | ',');
                let prev = out.chars().last();
                if space && !glue(c) && prev.is_some_and(|p| !glue(p) && p != ':') {
                    out.push(' ');
                }
                space = false;
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                if c == '"' || c == '\'' {
                    copy_quoted(c, &mut chars, &mut out);
                } else {
                    out.push(c);
                }
            }
        }
    }
    out
}

/// Copies a quoted string, `quote` to its closing quote, escapes included.
fn copy_quoted(quote: char, chars: &mut impl Iterator<Item = char>, out: &mut String) {
    out.push(quote);
    let mut escaped = false;
    for c in chars.by_ref() {
        out.push(c);
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == quote {
            return;
        }
    }
}
