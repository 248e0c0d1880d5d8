//! Prepares what the wasm embeds, in OUT_DIR:
//!
//! - `en.bin`: the English quiz (`content/en.json`) checked by the engine's loader and
//!   packed whole ([`levels_engine::pack`]). Broken content fails the build with every
//!   problem listed. Only builds without the `split` feature (native and browser unit
//!   tests) link it in; the bundle ships every language as its own files
//!   (`scripts/build-bundle.sh`).
//! - `widget.css` and `result.css`: the two stylesheets (the result's ships with the
//!   result's code) minified: comments and the whitespace next to `{`, `}`, `;`, `,`
//!   and after `:` dropped; text inside quotes copied as is.

use std::path::Path;
use std::{env, fs};

fn main() {
    let out = env::var("OUT_DIR").unwrap_or_else(|_| ".".to_owned());
    let out = Path::new(&out);
    println!("cargo::rerun-if-changed=content/en.json");
    println!("cargo::rerun-if-changed=styles/widget.css");
    println!("cargo::rerun-if-changed=styles/result.css");
    // With the `split` feature, the widget's wasm keeps its relocations for
    // wasm-split-cli (scripts/build-bundle.sh), which reads them to find the code only
    // the result screen needs and drops them. Only this crate's own cdylib link: the
    // checker's wasm and the test binaries stay standard wasm for wasm-opt.
    if env::var_os("CARGO_FEATURE_SPLIT").is_some()
        && env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32")
    {
        println!("cargo::rustc-link-arg-cdylib=--emit-relocs");
    }
    let content = match levels_engine::load_str(&read("content/en.json")) {
        Ok(content) => content,
        Err(err) => panic!("build.rs: content/en.json is not valid:\n{err}"),
    };
    write(&out.join("en.bin"), &levels_engine::pack(&content));
    for sheet in ["widget.css", "result.css"] {
        write(
            &out.join(sheet),
            minify_css(&read(&format!("styles/{sheet}"))).as_bytes(),
        );
    }
}

fn read(source: &str) -> String {
    match fs::read_to_string(source) {
        Ok(text) => text,
        Err(err) => panic!("build.rs: cannot read {source}: {err}"),
    }
}

fn write(target: &Path, bytes: &[u8]) {
    if let Err(err) = fs::write(target, bytes) {
        panic!("build.rs: cannot write {}: {err}", target.display());
    }
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
