//! Fuzzing the loader: whatever comes in, `load`/`load_str` return `Ok` or a list of
//! located problems, and never panic.
//!
//! 10,800 generated inputs in all (each `cases` below is the count for its test):
//!
//! - 4,000 random byte strings, read as text;
//! - 4,000 random JSON values, including numbers text cannot hold (NaN, infinities);
//! - 1,000 content-shaped objects: the real top-level keys with random values;
//! - 1,400 structured mutations of the default content, 400 with one mutation and
//!   1,000 with two to five (a key deleted, renamed, repeated or added; a value
//!   replaced by one of any type; an item duplicated or removed; ids swapped or
//!   copied; numbers set to huge, negative, fractional, NaN or infinite values;
//!   texts emptied or replaced);
//! - 400 text mutations of the default content (truncated at a random byte, or
//!   random bytes inserted).
//!
//! Structured mutations work on the default content parsed once into a [`Json`],
//! cloned per case and loaded with `load`, skipping the text parser. What a case
//! costs is then mostly the loader's check that every level is reachable (about
//! 60 ms per load of the default content in a debug build, against 3 ms for the
//! rest), which is why the mutated cases are fewer than the random ones: the whole
//! suite stays under a minute in debug on two cores. Mutated content that still
//! loads is scored and walked through, so everything the loader accepts is safe.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::LazyLock;

use levels_engine::{
    load, load_str, load_with_warnings, parse, score, Action, Answers, Content, Json, LoadError,
    Problem, Screen, Session, DEFAULT_CONTENT, MAX_STEPS, MIN_STEPS,
};
use proptest::prelude::*;
use proptest::sample::Index;

/// The default content, parsed once.
static BASE: LazyLock<Json> = LazyLock::new(|| parse(DEFAULT_CONTENT).unwrap());

/// Every key the content format uses, so random objects look like content.
#[rustfmt::skip]
const KEYS: &[&str] = &[
    "format", "id", "version", "language", "thresholds", "cause_applies",
    "cause_strong", "levels", "implementation", "unification", "communication", "name",
    "tagline", "term", "intro", "title", "body", "points", "duration", "privacy", "start",
    "questions", "kind", "prompt", "hint", "options", "label", "title_level", "weights",
    "causes", "summary", "verdicts", "verdict", "operating", "headline", "terms",
    "definition", "patterns", "text", "when", "next_steps", "cta", "heading", "href", "ui",
    "progress", "delineation", "cadence",
];

/// The top-level keys of a content file.
#[rustfmt::skip]
const TOP_KEYS: &[&str] = &[
    "format", "id", "version", "language", "thresholds", "levels", "intro",
    "questions", "causes", "verdicts", "terms", "patterns", "next_steps", "cta", "ui",
];

/// Numbers that sit on or past the edges of what the loader accepts.
#[rustfmt::skip]
const NUMBERS: &[f64] = &[
    0.0, -0.0, 1.0, 2.0, 3.0, 4.0, -1.0, 0.5, 2.999_999, 30.0, 60.0, 100.0, 101.0,
    255.0, 256.0, 4_294_967_295.0, 4_294_967_296.0, 9_007_199_254_740_993.0, 9.3e18, 1e300,
    -1e300, f64::MIN_POSITIVE, f64::MAX, f64::MIN, f64::NAN, f64::INFINITY,
    f64::NEG_INFINITY,
];

/// Texts that sit on the edges of what the loader accepts.
#[rustfmt::skip]
const TEXTS: &[&str] = &[
    "", " ", "\t\n", "x", "Role", "1st", "a b", "implementation", "unification",
    "communication", "aligned", "incomplete-promotion", "ahead-of-title", "title",
    "behaviour", "constructive", "destructive", "{current}", "{", "é", "\u{0}", "zh-CN",
];

// ----- checks ----------------------------------------------------------------------

/// What every failed load must look like: at least one problem, each with text.
fn check_error(err: &LoadError) -> Result<(), TestCaseError> {
    prop_assert!(!err.problems().is_empty(), "an error without problems");
    for problem in err.problems() {
        prop_assert!(
            !problem.to_string().trim().is_empty(),
            "an empty problem: {:?}",
            problem
        );
        prop_assert!(
            !problem.message.trim().is_empty(),
            "a problem without a message: {:?}",
            problem
        );
    }
    Ok(())
}

/// Failures of content that started out valid must say where: a path, or a line.
fn check_located(err: &LoadError) -> Result<(), TestCaseError> {
    check_error(err)?;
    for problem in err.problems() {
        prop_assert!(
            !problem.path.is_empty() || problem.message.contains("line"),
            "a problem with no location: {:?}\nall problems:\n{}",
            problem,
            err
        );
    }
    Ok(())
}

/// Warnings must say what and where: a message, and a path (they are all about keys).
fn check_warnings(warnings: &[Problem]) -> Result<(), TestCaseError> {
    for warning in warnings {
        prop_assert!(
            !warning.path.is_empty() && !warning.message.trim().is_empty(),
            "a warning without a place or a message: {:?}",
            warning
        );
    }
    Ok(())
}

/// Content the loader accepted must be safe to use: scored with the first and the
/// last option everywhere, and walked through as a session.
fn use_content(content: &Content) -> Result<(), TestCaseError> {
    for pick_last in [false, true] {
        let chosen: Vec<usize> = content
            .questions
            .iter()
            .map(|q| if pick_last { q.options.len() - 1 } else { 0 })
            .collect();
        let answers = Answers::new(content, &chosen).unwrap();
        let outcome = score(content, &answers);
        let p = outcome.profile;
        prop_assert_eq!(
            u32::from(p.implementation) + u32::from(p.unification) + u32::from(p.communication),
            100
        );
        prop_assert!((MIN_STEPS..=MAX_STEPS).contains(&outcome.next_steps.len()));
        let _ = outcome.report(content);

        let mut session = Session::new(content).apply(content, Action::Start);
        for (question, &option) in chosen.iter().enumerate() {
            session = session
                .apply(content, Action::Choose { question, option })
                .apply(content, Action::Next);
        }
        prop_assert_eq!(session.screen(), Screen::Result);
        prop_assert_eq!(session.outcome(content), Some(outcome));
    }
    Ok(())
}

// ----- random input ----------------------------------------------------------------

/// Mostly raw bytes; a quarter of them JSON's own characters, so that some inputs
/// get past the first token.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    const JSON_BYTES: &[u8] = b"{}[]\",:0123456789.-+eE truefalsnul\\\n";
    prop::collection::vec(any::<u8>(), 0..400).prop_map(|bytes| {
        bytes
            .into_iter()
            .map(|b| {
                if b < 64 {
                    JSON_BYTES[usize::from(b) % JSON_BYTES.len()]
                } else {
                    b
                }
            })
            .collect()
    })
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        prop::sample::select(NUMBERS),
        (-5i64..300).prop_map(|n| n as f64),
        any::<f64>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(TEXTS).prop_map(str::to_owned),
        prop::sample::select(KEYS).prop_map(str::to_owned),
        any::<String>(),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(KEYS).prop_map(str::to_owned),
        1 => "[a-z_]{0,12}",
    ]
}

/// Any JSON value, with object keys mostly taken from the content format.
fn json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        number().prop_map(Json::Number),
        text().prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            prop::collection::vec((key(), inner), 0..6).prop_map(Json::Object),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4_000, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes(bytes in bytes()) {
        if let Err(err) = load_str(&String::from_utf8_lossy(&bytes)) {
            check_error(&err)?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4_000, ..ProptestConfig::default() })]

    #[test]
    fn random_json_values(value in json()) {
        if let Err(err) = load(&value) {
            check_error(&err)?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1_000, ..ProptestConfig::default() })]

    #[test]
    fn content_shaped_objects(
        fields in prop::collection::vec((prop::sample::select(TOP_KEYS), json()), 0..16)
    ) {
        let value = Json::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect());
        if let Err(err) = load(&value) {
            check_error(&err)?;
        }
    }
}

// ----- structured mutations --------------------------------------------------------

/// One step from a value to a child.
#[derive(Debug, Clone, Copy)]
enum Seg {
    /// The n-th field of an object.
    Field(usize),
    /// The n-th item of an array.
    Item(usize),
}

/// Every node below `value` (not `value` itself), as paths.
fn paths(value: &Json) -> Vec<Vec<Seg>> {
    fn walk(value: &Json, here: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
        let children: Vec<(Seg, &Json)> = match value {
            Json::Object(fields) => fields
                .iter()
                .enumerate()
                .map(|(i, (_, v))| (Seg::Field(i), v))
                .collect(),
            Json::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (Seg::Item(i), v))
                .collect(),
            _ => return,
        };
        for (seg, child) in children {
            here.push(seg);
            out.push(here.clone());
            walk(child, here, out);
            here.pop();
        }
    }
    let mut out = Vec::new();
    walk(value, &mut Vec::new(), &mut out);
    out
}

/// The node at `path`, when the path still fits (an earlier mutation may have moved
/// things).
fn node<'a>(mut value: &'a Json, path: &[Seg]) -> Option<&'a Json> {
    for seg in path {
        value = match (value, *seg) {
            (Json::Object(fields), Seg::Field(i)) => &fields.get(i)?.1,
            (Json::Array(items), Seg::Item(i)) => items.get(i)?,
            _ => return None,
        };
    }
    Some(value)
}

fn node_mut<'a>(mut value: &'a mut Json, path: &[Seg]) -> Option<&'a mut Json> {
    for seg in path {
        value = match (value, *seg) {
            (Json::Object(fields), Seg::Field(i)) => &mut fields.get_mut(i)?.1,
            (Json::Array(items), Seg::Item(i)) => items.get_mut(i)?,
            _ => return None,
        };
    }
    Some(value)
}

/// The default content's nodes, sorted by what mutations they suit. Found once;
/// after earlier mutations a path may no longer fit, and is then skipped.
struct Targets {
    all: Vec<Vec<Seg>>,
    fields: Vec<Vec<Seg>>,
    objects: Vec<Vec<Seg>>,
    arrays: Vec<Vec<Seg>>,
    numbers: Vec<Vec<Seg>>,
    texts: Vec<Vec<Seg>>,
    ids: Vec<Vec<Seg>>,
}

static TARGETS: LazyLock<Targets> = LazyLock::new(|| {
    let root = &*BASE;
    let all = paths(root);
    let select = |keep: &dyn Fn(&[Seg], &Json) -> bool| -> Vec<Vec<Seg>> {
        all.iter()
            .filter(|p| node(root, p).is_some_and(|v| keep(p, v)))
            .cloned()
            .collect()
    };
    let is_id = |path: &[Seg]| match path.split_last() {
        Some((Seg::Field(i), parent)) => {
            matches!(node(root, parent), Some(Json::Object(f)) if f[*i].0 == "id")
        }
        _ => false,
    };
    Targets {
        fields: select(&|p, _| matches!(p.last(), Some(Seg::Field(_)))),
        // The root is an object too, so that keys can be added at the top.
        objects: std::iter::once(Vec::new())
            .chain(select(&|_, v| matches!(v, Json::Object(_))))
            .collect(),
        arrays: select(&|_, v| matches!(v, Json::Array(items) if !items.is_empty())),
        numbers: select(&|_, v| matches!(v, Json::Number(_))),
        texts: select(&|_, v| matches!(v, Json::String(_))),
        ids: select(&|p, v| matches!(v, Json::String(_)) && is_id(p)),
        all,
    }
});

#[derive(Debug, Clone)]
enum Mutation {
    /// Delete an object field.
    DeleteKey(Index),
    /// Give a field a misspelled or foreign name.
    RenameKey(Index, String),
    /// Repeat a field in its object.
    RepeatKey(Index),
    /// Add a field to an object.
    AddKey(Index, String, Json),
    /// Replace a value with one of another type (or any value).
    Replace(Index, Json),
    /// Duplicate an item of an array, next to itself or at the end.
    DuplicateItem(Index, Index, bool),
    /// Remove an item from an array.
    RemoveItem(Index, Index),
    /// Swap the values of two `id` fields.
    SwapIds(Index, Index),
    /// Give one `id` field the value of another.
    CopyId(Index, Index),
    /// Set a number to an edge value.
    SetNumber(Index, f64),
    /// Set a text to an edge value.
    SetText(Index, String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => any::<Index>().prop_map(Mutation::DeleteKey),
        1 => (any::<Index>(), key()).prop_map(|(i, k)| Mutation::RenameKey(i, k)),
        1 => any::<Index>().prop_map(Mutation::RepeatKey),
        2 => (any::<Index>(), key(), json()).prop_map(|(i, k, v)| Mutation::AddKey(i, k, v)),
        3 => (any::<Index>(), json()).prop_map(|(i, v)| Mutation::Replace(i, v)),
        2 => (any::<Index>(), any::<Index>(), any::<bool>())
            .prop_map(|(a, i, end)| Mutation::DuplicateItem(a, i, end)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(a, i)| Mutation::RemoveItem(a, i)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapIds(a, b)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::CopyId(a, b)),
        4 => (any::<Index>(), number()).prop_map(|(i, n)| Mutation::SetNumber(i, n)),
        2 => (any::<Index>(), text()).prop_map(|(i, t)| Mutation::SetText(i, t)),
    ]
}

/// One of `candidates`.
fn pick(candidates: &[Vec<Seg>], index: Index) -> &[Seg] {
    &candidates[index.index(candidates.len())]
}

/// Applies a mutation; one whose target no longer fits changes nothing.
fn apply(root: &mut Json, mutation: Mutation) -> Option<()> {
    let t = &*TARGETS;
    match mutation {
        Mutation::DeleteKey(i) | Mutation::RenameKey(i, _) | Mutation::RepeatKey(i) => {
            let (last, parent) = pick(&t.fields, i).split_last()?;
            let (Seg::Field(f), Json::Object(obj)) = (*last, node_mut(root, parent)?) else {
                return None;
            };
            obj.get(f)?;
            match mutation {
                Mutation::DeleteKey(_) => {
                    obj.remove(f);
                }
                Mutation::RenameKey(_, name) => obj[f].0 = name,
                _ => {
                    let copy = obj[f].clone();
                    obj.push(copy);
                }
            }
        }
        Mutation::AddKey(i, key, value) => {
            if let Json::Object(obj) = node_mut(root, pick(&t.objects, i))? {
                obj.push((key, value));
            }
        }
        Mutation::Replace(i, value) => *node_mut(root, pick(&t.all, i))? = value,
        Mutation::DuplicateItem(a, i, at_end) => {
            let Json::Array(items) = node_mut(root, pick(&t.arrays, a))? else {
                return None;
            };
            let n = i.index(items.len().max(1));
            let copy = items.get(n)?.clone();
            if at_end {
                items.push(copy);
            } else {
                items.insert(n, copy);
            }
        }
        Mutation::RemoveItem(a, i) => {
            let Json::Array(items) = node_mut(root, pick(&t.arrays, a))? else {
                return None;
            };
            let n = i.index(items.len().max(1));
            items.get(n)?;
            items.remove(n);
        }
        Mutation::SwapIds(a, b) | Mutation::CopyId(a, b) => {
            let (pa, pb) = (pick(&t.ids, a), pick(&t.ids, b));
            let (va, vb) = (node(root, pa)?.clone(), node(root, pb)?.clone());
            if let Mutation::SwapIds(..) = mutation {
                *node_mut(root, pa)? = vb;
            }
            *node_mut(root, pb)? = va;
        }
        Mutation::SetNumber(i, n) => *node_mut(root, pick(&t.numbers, i))? = Json::Number(n),
        Mutation::SetText(i, text) => *node_mut(root, pick(&t.texts, i))? = Json::String(text),
    }
    Some(())
}

/// Loads the default content after `mutations`, and checks the result.
fn check_mutated(mutations: Vec<Mutation>) -> Result<(), TestCaseError> {
    let mut value = BASE.clone();
    for m in mutations {
        apply(&mut value, m);
    }
    let (loaded, warnings) = load_with_warnings(&value);
    check_warnings(&warnings)?;
    match loaded {
        Ok(content) => use_content(&content),
        Err(err) => check_located(&err),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// One mutation at a time, so that each kind shows on its own.
    #[test]
    fn content_with_one_mutation(mutation in mutation()) {
        check_mutated(vec![mutation])?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1_000, ..ProptestConfig::default() })]

    /// Several at once, so that problems meet (a deleted key next to a bad number).
    #[test]
    fn content_with_several_mutations(mutations in prop::collection::vec(mutation(), 2..=5)) {
        check_mutated(mutations)?;
    }
}

// ----- text mutations --------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn mutated_text(
        at in any::<Index>(),
        inserted in prop::option::of(bytes().prop_map(|b| b[..b.len().min(8)].to_vec())),
    ) {
        let bytes = DEFAULT_CONTENT.as_bytes();
        let at = at.index(bytes.len());
        let mut edited = bytes[..at].to_vec();
        if let Some(inserted) = inserted {
            edited.extend_from_slice(&inserted);
            edited.extend_from_slice(&bytes[at..]);
        }
        match load_str(&String::from_utf8_lossy(&edited)) {
            Ok(content) => use_content(&content)?,
            Err(err) => check_located(&err)?,
        }
    }
}
