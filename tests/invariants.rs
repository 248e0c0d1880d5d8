//! Invariants of the code base that no type can hold: what the components may touch,
//! where English may appear, and the facts that live in two languages at once.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::cell::RefCell;
use std::fs;
use std::path::{Path, PathBuf};

use levels_quiz::config::Config;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, with its text.
fn rust_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).unwrap();
            files.push((path, text));
        }
    }
    files
}

/// The code of a Rust file without its comments (line comments, doc comments).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(number, line)| {
        let code = match line.find("//") {
            // A `//` inside a string ("https://...") is not a comment.
            Some(at) if line[..at].matches('"').count() % 2 == 0 => &line[..at],
            _ => line,
        };
        (!code.trim().is_empty()).then_some((number + 1, code))
    })
}

#[test]
fn components_never_touch_the_page() {
    // Only the `Platform` talks to the page, its storage and the network: components
    // get it as a prop. (They may read the DOM event they handle, through web-sys.)
    let forbidden = [
        "window",
        "document(",
        "local_storage",
        "session_storage",
        "localStorage",
        "navigator",
        "location",
        "fetch",
        "Request",
        "XmlHttpRequest",
        "gloo",
        "spawn_local",
    ];
    let mut found = Vec::new();
    for (path, text) in rust_files(&repo().join("src/components")) {
        for (number, code) in code_lines(&text) {
            for word in forbidden {
                if code.contains(word) {
                    found.push(format!("{}:{number}: {word}", path.display()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "components touch the page:\n{}",
        found.join("\n")
    );
}

/// A string literal of two or more English words: what a visitor could read.
fn english_words(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(open) = rest.find('"') {
        let after = &rest[open + 1..];
        // The closing quote is the first one not escaped.
        let Some(close) = after
            .char_indices()
            .find(|&(at, c)| c == '"' && !after[..at].ends_with('\\'))
            .map(|(at, _)| at)
        else {
            break;
        };
        let literal = &after[..close];
        // Words as prose has them: letters (and an apostrophe), perhaps ending in
        // punctuation; not class names (`lq-button`), placeholders or paths.
        let word = |w: &str| {
            let w = w.trim_end_matches(['.', ',', ':', ';', '!', '?']);
            w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic() || c == '\'')
        };
        let words = literal.split_whitespace().filter(|w| word(w)).count();
        if words >= 2 {
            found.push(literal.to_owned());
        }
        rest = &after[close + 1..];
    }
    found
}

#[test]
fn no_english_for_visitors_outside_the_error_panel() {
    // Every word a visitor reads comes from the content file. The exceptions: the
    // error panel (shown when the content itself cannot be had), messages for whoever
    // set up the page (the browser console, always starting `<levels-quiz>:`; the
    // attributes' values and warnings in config.rs; the error panel's list of
    // problems), and tests.
    let allowed_files = ["error_panel.rs", "config.rs"];
    let for_the_page_owner = |literal: &str| {
        literal.starts_with("<levels-quiz>:")
            || literal.starts_with("the quiz's file does not match")
            || literal.starts_with("the element is not in a document")
    };
    let mut found = Vec::new();
    for (path, text) in rust_files(&repo().join("src")) {
        let name = path.file_name().unwrap().to_string_lossy();
        if allowed_files.contains(&name.as_ref()) {
            continue;
        }
        // Unit tests at the end of a file may say what they like.
        let text = text.split("#[cfg(test)]").next().unwrap();
        for (number, code) in code_lines(text) {
            if code.trim_start().starts_with("#[") {
                continue;
            }
            for literal in english_words(code) {
                if !for_the_page_owner(&literal) {
                    found.push(format!("{}:{number}: {literal:?}", path.display()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "English text in the widget's code:\n{}",
        found.join("\n")
    );
}

/// The items of `const NAME = [ "a", "b" ];` in a JavaScript file.
fn js_list(text: &str, name: &str) -> Vec<String> {
    let start = text
        .find(&format!("const {name} = ["))
        .unwrap_or_else(|| panic!("js/levels-quiz.js has no `const {name} = [`"));
    let body = &text[start..];
    let body = &body[body.find('[').unwrap() + 1..body.find(']').unwrap()];
    body.split(',')
        .map(|item| item.trim().trim_matches('"').to_owned())
        .filter(|item| !item.is_empty())
        .collect()
}

#[test]
fn the_element_observes_exactly_the_attributes_the_widget_reads() {
    let script = fs::read_to_string(repo().join("js/levels-quiz.js")).unwrap();
    let read = RefCell::new(Vec::new());
    let _ = Config::from_attributes(|name| {
        read.borrow_mut().push(name.to_owned());
        None
    });
    let mut read = read.into_inner();
    read.sort();
    let mut live = js_list(&script, "LIVE_ATTRIBUTES");
    live.sort();
    assert_eq!(
        live, read,
        "js/levels-quiz.js's LIVE_ATTRIBUTES must list what Config::from_attributes reads"
    );
    // The content attributes remount; the widget never reads them itself.
    let content = js_list(&script, "CONTENT_ATTRIBUTES");
    assert_eq!(content, ["content", "lang"]);
    assert!(content.iter().all(|name| !read.contains(name)));
}

#[test]
fn every_language_file_runs_the_same_quiz_as_english() {
    use levels_engine::{load_str, Effect};
    let english = load_str(levels_engine::DEFAULT_CONTENT).unwrap();
    let mut files: Vec<PathBuf> = fs::read_dir(repo().join("content"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 2, "{files:?}");
    for path in files {
        let other = load_str(&fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let at = path.display();
        assert_eq!(other.id, english.id, "{at}");
        assert_eq!(other.version, english.version, "{at}");
        assert_eq!(other.thresholds, english.thresholds, "{at}");
        assert_eq!(other.questions.len(), english.questions.len(), "{at}");
        for (theirs, ours) in other.questions.iter().zip(&english.questions) {
            assert_eq!(theirs.id, ours.id, "{at}");
            let ids = |q: &levels_engine::Question| -> Vec<(String, Effect)> {
                q.options
                    .iter()
                    .map(|o| (o.id.clone(), o.effect.clone()))
                    .collect()
            };
            assert_eq!(ids(theirs), ids(ours), "{at}: question {}", ours.id);
        }
        let rules = |c: &levels_engine::Content| {
            (
                c.causes.iter().map(|x| x.id.clone()).collect::<Vec<_>>(),
                c.terms.iter().map(|x| x.id.clone()).collect::<Vec<_>>(),
                c.patterns
                    .iter()
                    .map(|x| (x.id.clone(), x.kind, x.when.clone()))
                    .collect::<Vec<_>>(),
                c.next_steps
                    .iter()
                    .map(|x| (x.id.clone(), x.when.clone()))
                    .collect::<Vec<_>>(),
                c.levels.iter().map(|x| x.term).collect::<Vec<_>>(),
                levels_engine::Level::ALL
                    .iter()
                    .flat_map(|&title| {
                        levels_engine::Level::ALL
                            .map(|operating| c.verdicts.get(title, operating).terms.clone())
                    })
                    .collect::<Vec<_>>(),
            )
        };
        assert_eq!(
            rules(&other),
            rules(&english),
            "{at}: causes, terms, patterns, steps"
        );
    }
}
