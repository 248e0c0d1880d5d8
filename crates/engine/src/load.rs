//! Loading: a JSON value in, a validated [`Content`] or every problem found out, with
//! warnings either way.
//!
//! The loader never stops at the first problem and never panics. It walks the value
//! by hand rather than through derived `Deserialize` impls, because serde stops at the
//! first type error and a content author wants the whole list at once, each problem
//! with its place in the file.

use crate::error::{LoadError, Problem};
use crate::json::Json;
use crate::model::*;
use crate::ui::{defaults_for, Ui, ENGLISH};

/// The content format this engine reads (the file's `format` field).
pub const FORMAT: u32 = 1;

/// Most questions a content file may have.
pub const MAX_QUESTIONS: usize = 40;

/// Most options a question may have.
pub const MAX_OPTIONS: usize = 10;

/// Highest weight an option may give a level or a cause.
pub const MAX_WEIGHT: u8 = 3;

/// Parses and loads content text.
#[cfg(feature = "json")]
pub fn load_str(text: &str) -> Result<Content, LoadError> {
    load_str_with_warnings(text).0
}

/// Parses and loads content text, with the warnings ([`load_with_warnings`]).
#[cfg(feature = "json")]
pub fn load_str_with_warnings(text: &str) -> (Result<Content, LoadError>, Vec<Problem>) {
    match crate::json::parse(text) {
        Ok(value) => load_with_warnings(&value),
        Err(err) => {
            let problem = Problem {
                path: String::new(),
                message: err.to_string(),
            };
            (Err(problem.into()), Vec::new())
        }
    }
}

/// Loads content from a parsed JSON value, collecting every problem.
pub fn load(root: &Json) -> Result<Content, LoadError> {
    load_with_warnings(root).0
}

/// Loads content from a parsed JSON value, collecting every problem, and says what the
/// content's author should know though the content loads: each warning is a key of
/// `ui` the engine does not know (ignored), or an interface string the content leaves
/// out and gets in English (its language has no texts of its own in the bundle). A
/// string left out in a language that has them is filled in silently.
pub fn load_with_warnings(root: &Json) -> (Result<Content, LoadError>, Vec<Problem>) {
    let mut loader = Loader::default();
    let content = loader.content(root);
    let result = match content {
        Some(content) if loader.problems.is_empty() => Ok(content),
        _ => {
            if loader.problems.is_empty() {
                // Every path that returns None notes a problem first; this is a safety net.
                loader.problem("", "content could not be read");
            }
            Err(LoadError::new(loader.problems))
        }
    };
    (result, loader.warnings)
}

/// `Some(Type { field, ... })`, each field taken from the local of its name, when every
/// one of them is `Some`; else `None`. The fields are named once, as in a struct literal
/// with a `?` per field, but matched as one pattern: each `?` would need its own code to
/// drop what was taken before it, which for `Content`, `Intro` and `Cta` adds about
/// 2 KB to the content checker's wasm.
macro_rules! all_or_none {
    ($record:ident { $($field:ident),* $(,)? }) => {
        match ($($field,)*) {
            ($(Some($field),)*) => Some($record { $($field),* }),
            _ => None,
        }
    };
}

/// An object being read, with its path.
struct Obj<'a> {
    path: String,
    fields: &'a [(String, Json)],
}

impl<'a> Obj<'a> {
    fn get(&self, key: &str) -> Option<&'a Json> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn at(&self, key: &str) -> String {
        child(&self.path, key)
    }
}

fn child(path: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    match (plain, path.is_empty()) {
        (true, true) => key.to_owned(),
        (true, false) => format!("{path}.{key}"),
        // An empty or odd key still gets a visible place: `[""]`, `ui["a b"]`.
        // (Quoted as `{:?}` would: release wasm prints nothing for `{:?}`, see build-bundle.sh.)
        (false, _) => format!(
            "{path}[\"{}\"]",
            key.escape_debug().to_string().replace("\\'", "'")
        ),
    }
}

fn item(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

/// A map from ids to values, in insertion order. A list searched from the front: the
/// namespaces are small (a few hundred ids at the content limits), and a hash map
/// would add kilobytes of code to the wasm for every value type.
struct Table<T>(Vec<(String, T)>);

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table(Vec::new())
    }
}

impl<T> Table<T> {
    fn get(&self, id: &str) -> Option<&T> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, v)| v)
    }

    /// Adds `id`, or replaces its value.
    fn insert(&mut self, id: String, value: T) {
        match self.0.iter_mut().find(|(k, _)| *k == id) {
            Some((_, slot)) => *slot = value,
            None => self.0.push((id, value)),
        }
    }

    /// Adds `id` unless it is there already.
    fn insert_first(&mut self, id: String, value: T) {
        if self.get(&id).is_none() {
            self.0.push((id, value));
        }
    }

    fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }
}

/// Ids seen so far in one namespace, with where each was first defined.
#[derive(Default)]
struct Ids {
    seen: Table<(usize, String)>,
}

/// The lists a `when`, its `only` and its `unless` may hold.
const CONDITION_KEYS: [&str; 6] = [
    "options",
    "causes",
    "verdicts",
    "operating",
    "title",
    "rungs",
];

/// What a question asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The reader's role: the level and rung their title calls for.
    Title,
    /// What the reader does: points per level and cause.
    Behaviour,
    /// A fact about the reader that scores nothing (time in the role, say).
    Context,
}

/// Everything later sections refer to, gathered before they are read.
#[derive(Default)]
struct Names {
    terms: Table<usize>,
    causes: Table<usize>,
    options: Table<OptionRef>,
    rungs: Table<usize>,
}

#[derive(Default)]
struct Loader {
    problems: Vec<Problem>,
    warnings: Vec<Problem>,
}

impl Loader {
    /// Notes a problem at `path`: the content will not load.
    fn problem(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.to_owned(),
            message: message.into(),
        });
    }

    /// Reads an object whose keys are data (any key allowed), reporting duplicates.
    fn map<'a>(&mut self, value: &'a Json, path: String) -> Option<Obj<'a>> {
        let Json::Object(fields) = value else {
            self.problem(&path, format!("must be an object, found {}", value.kind()));
            return None;
        };
        for (i, (key, _)) in fields.iter().enumerate() {
            if fields[..i].iter().any(|(k, _)| k == key) {
                self.problem(&child(&path, key), "appears twice in the same object");
            }
        }
        Some(Obj { path, fields })
    }

    /// Notes a warning at `path`: the content loads, but its author should know.
    fn warning(&mut self, path: &str, message: impl Into<String>) {
        self.warnings.push(Problem {
            path: path.to_owned(),
            message: message.into(),
        });
    }

    /// Reads an object with a fixed set of keys, reporting duplicates and unknown keys.
    fn object<'a>(&mut self, value: &'a Json, path: String, allowed: &[&str]) -> Option<Obj<'a>> {
        let obj = self.map(value, path)?;
        self.problems.extend(unknown_fields(&obj, allowed));
        Some(obj)
    }

    fn required<'a>(&mut self, obj: &Obj<'a>, key: &str) -> Option<&'a Json> {
        let value = obj.get(key);
        if value.is_none() {
            self.problem(&obj.at(key), "is missing");
        }
        value
    }

    fn string_value(&mut self, value: &Json, path: &str) -> Option<String> {
        match value {
            Json::String(s) if s.trim().is_empty() => {
                self.problem(path, "must not be empty");
                None
            }
            Json::String(s) => Some(s.trim().to_owned()),
            other => {
                self.problem(path, format!("must be text, found {}", other.kind()));
                None
            }
        }
    }

    fn text(&mut self, obj: &Obj, key: &str) -> Option<String> {
        let value = self.required(obj, key)?;
        self.string_value(value, &obj.at(key))
    }

    /// An optional text: `Ok(None)` when absent, `Err(())` when present but bad.
    fn optional_text(&mut self, obj: &Obj, key: &str) -> Result<Option<String>, ()> {
        match obj.get(key) {
            None => Ok(None),
            Some(value) => self.string_value(value, &obj.at(key)).map(Some).ok_or(()),
        }
    }

    fn id(&mut self, obj: &Obj, key: &str) -> Option<String> {
        let id = self.text(obj, key)?;
        if is_slug(&id) {
            Some(id)
        } else {
            self.problem(
                &obj.at(key),
                format!("\"{id}\" is not a valid id: use lowercase letters, digits and hyphens, starting with a letter"),
            );
            None
        }
    }

    fn list<'a>(&mut self, obj: &Obj<'a>, key: &str) -> Option<&'a [Json]> {
        match self.required(obj, key)? {
            Json::Array(items) if items.is_empty() => {
                self.problem(&obj.at(key), "must not be empty");
                None
            }
            Json::Array(items) => Some(items),
            other => {
                self.problem(
                    &obj.at(key),
                    format!("must be a list, found {}", other.kind()),
                );
                None
            }
        }
    }

    /// Reads the list at `key` of `root`, each item an object with the `allowed` keys,
    /// through `read` (given the item's index and object): every item read, or `None`
    /// once the list or any item has a problem. Every item is read either way, so each
    /// problem is found.
    fn records<T>(
        &mut self,
        root: &Obj,
        key: &str,
        allowed: &[&str],
        read: impl FnMut(&mut Self, usize, &Obj) -> Option<T>,
    ) -> Option<Vec<T>> {
        let items = self.list(root, key)?;
        self.records_of(items, &root.at(key), allowed, read)
    }

    /// [`Loader::records`] for a list already taken (to check its length first), whose
    /// items sit at `path`.
    fn records_of<T>(
        &mut self,
        items: &[Json],
        path: &str,
        allowed: &[&str],
        mut read: impl FnMut(&mut Self, usize, &Obj) -> Option<T>,
    ) -> Option<Vec<T>> {
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, value) in items.iter().enumerate() {
            let Some(obj) = self.object(value, item(path, i), allowed) else {
                ok = false;
                continue;
            };
            match read(self, i, &obj) {
                Some(record) => out.push(record),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn integer(&mut self, value: &Json, path: &str, min: i64, max: i64) -> Option<i64> {
        let range = format!("must be a whole number between {min} and {max}");
        match value {
            Json::Number(n) if n.fract() == 0.0 && *n >= min as f64 && *n <= max as f64 => {
                Some(*n as i64)
            }
            Json::Number(n) => {
                self.problem(path, format!("{range}, found {}", show_number(*n)));
                None
            }
            other => {
                self.problem(path, format!("{range}, found {}", other.kind()));
                None
            }
        }
    }

    fn integer_field(&mut self, obj: &Obj, key: &str, min: i64, max: i64) -> Option<i64> {
        let value = self.required(obj, key)?;
        self.integer(value, &obj.at(key), min, max)
    }

    fn register(&mut self, ids: &mut Ids, id: &str, index: usize, path: &str) -> bool {
        if let Some((_, first)) = ids.seen.get(id) {
            self.problem(
                path,
                format!("duplicate id \"{id}\" (first used at {first})"),
            );
            return false;
        }
        ids.seen.insert(id.to_owned(), (index, path.to_owned()));
        true
    }

    fn level_id(&mut self, value: &Json, path: &str) -> Option<Level> {
        let id = self.string_value(value, path)?;
        let level = Level::from_id(&id);
        if level.is_none() {
            self.problem(
                path,
                format!(
                    "unknown level \"{id}\"; use one of: implementation, unification, communication"
                ),
            );
        }
        level
    }

    fn term_ref(&mut self, names: &Names, value: &Json, path: &str) -> Option<TermRef> {
        let id = self.string_value(value, path)?;
        match names.terms.get(&id) {
            Some(&index) => Some(TermRef(index)),
            None => {
                self.problem(
                    path,
                    format!("uses the term \"{id}\", which `terms` does not define"),
                );
                None
            }
        }
    }

    // ----- sections -------------------------------------------------------------------

    fn content(&mut self, root: &Json) -> Option<Content> {
        let obj = self.object(
            root,
            String::new(),
            &[
                "format",
                "id",
                "version",
                "language",
                "language_name",
                "thresholds",
                "rungs",
                "levels",
                "intro",
                "questions",
                "causes",
                "verdicts",
                "terms",
                "patterns",
                "next_steps",
                "horizon",
                "cta",
                "ui",
            ],
        )?;
        let format = self.integer_field(&obj, "format", 0, i64::from(u32::MAX));
        if let Some(format) = format {
            if format != i64::from(FORMAT) {
                self.problem(
                    "format",
                    format!("this widget reads content format {FORMAT}, the file says {format}"),
                );
            }
        }
        let id = self.id(&obj, "id");
        let version = self.integer_field(&obj, "version", 1, i64::from(u32::MAX));
        let language = self.language(&obj);
        let language_name = self.text(&obj, "language_name");

        // Names first, so that sections can refer to each other in any order.
        let mut names = Names::default();
        let terms = self.terms(&obj, &mut names);
        let rungs = self.rungs(&obj, &mut names);
        gather_cause_names(&obj, &mut names);
        gather_option_names(&obj, &mut names);
        let thresholds = self.thresholds(&obj);
        let levels = self.levels(&obj, &names);
        let intro = self.intro(&obj);
        let questions = self.questions(&obj, &mut names);
        let causes = self.causes(&obj, &names, questions.as_deref());
        let verdicts = self.verdicts(&obj, &names);
        let patterns = self.patterns(&obj, &names);
        let next_steps = self.next_steps(&obj, &names);
        let horizon = self.horizon(&obj, &names);
        let cta = self.cta(&obj, &names);
        let ui = self.ui(&obj, language.as_deref());

        if let (Some(questions), Some(_)) = (&questions, &causes) {
            self.check_levels_reachable(questions);
        }

        let version = version.and_then(|v| u32::try_from(v).ok());
        all_or_none!(Content {
            id,
            version,
            language,
            language_name,
            thresholds,
            rungs,
            levels,
            intro,
            questions,
            causes,
            verdicts,
            terms,
            patterns,
            next_steps,
            horizon,
            cta,
            ui
        })
    }

    fn language(&mut self, obj: &Obj) -> Option<String> {
        let tag = self.text(obj, "language")?;
        let mut parts = tag.split('-');
        let primary_ok = parts.next().is_some_and(|p| {
            (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic())
        });
        let rest_ok = parts
            .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
        if primary_ok && rest_ok {
            Some(tag)
        } else {
            self.problem(
                "language",
                format!("\"{tag}\" is not a language tag such as \"en\" or \"zh-CN\""),
            );
            None
        }
    }

    /// The ladder's rungs; a file without them (format 1 before rungs) has none.
    fn rungs(&mut self, root: &Obj, names: &mut Names) -> Option<Vec<Rung>> {
        if root.get("rungs").is_none() {
            return Some(Vec::new());
        }
        let mut ids = Ids::default();
        let allowed = ["id", "name", "job", "failure", "trade"];
        self.records(root, "rungs", &allowed, |this, i, obj| {
            let id = this.id(obj, "id");
            if let Some(id) = &id {
                if this.register(&mut ids, id, i, &obj.at("id")) {
                    names.rungs.insert(id.clone(), i);
                }
            }
            let name = this.text(obj, "name");
            let job = this.text(obj, "job");
            let failure = this.text(obj, "failure");
            let trade = this.text(obj, "trade");
            all_or_none!(Rung {
                id,
                name,
                job,
                failure,
                trade
            })
        })
    }

    /// A rung id at `path`.
    fn rung_ref(&mut self, names: &Names, value: &Json, path: &str) -> Option<RungRef> {
        let id = self.string_value(value, path)?;
        match names.rungs.get(&id) {
            Some(&index) => Some(RungRef(index)),
            None => {
                let hint = suggest(&id, names.rungs.keys())
                    .map(|s| format!(" (did you mean \"{s}\"?)"))
                    .unwrap_or_default();
                self.problem(
                    path,
                    format!("unknown rung \"{id}\"{hint}; rungs are defined in `rungs`"),
                );
                None
            }
        }
    }

    /// A list of rung ids at `key` of `obj`, which must name at least one.
    fn rung_list(&mut self, obj: &Obj, key: &str, names: &Names) -> Option<Vec<RungRef>> {
        let items = self.list(obj, key)?;
        let path = obj.at(key);
        if items.is_empty() {
            self.problem(&path, "must name at least one rung");
            return None;
        }
        let refs: Vec<Option<RungRef>> = items
            .iter()
            .enumerate()
            .map(|(i, v)| self.rung_ref(names, v, &item(&path, i)))
            .collect();
        refs.into_iter().collect()
    }

    /// A title option's rung: required when the content has rungs, refused when it has
    /// none. `Some(None)`: no rung, rightly.
    fn rung_of_title(&mut self, option: &Obj, names: &Names) -> Option<Option<RungRef>> {
        match (option.get("rung"), names.rungs.0.is_empty()) {
            (None, true) => Some(None),
            (None, false) => {
                self.problem(
                    &option.at("rung"),
                    "is missing; every title option names its rung",
                );
                None
            }
            (Some(_), true) => {
                self.problem(
                    &option.at("rung"),
                    "names a rung, but the file defines no `rungs`",
                );
                None
            }
            (Some(value), false) => self.rung_ref(names, value, &option.at("rung")).map(Some),
        }
    }

    /// The level beyond, shown to some rungs; optional.
    fn horizon(&mut self, root: &Obj, names: &Names) -> Option<Option<Horizon>> {
        let Some(value) = root.get("horizon") else {
            return Some(None);
        };
        let obj = self.object(value, root.at("horizon"), &["name", "body", "rungs"])?;
        let name = self.text(&obj, "name");
        let body = self.text(&obj, "body");
        let rungs = self.rung_list(&obj, "rungs", names);
        all_or_none!(Horizon { name, body, rungs }).map(Some)
    }

    fn thresholds(&mut self, root: &Obj) -> Option<Thresholds> {
        let value = self.required(root, "thresholds")?;
        let obj = self.object(
            value,
            root.at("thresholds"),
            &["cause_applies", "cause_strong", "close"],
        )?;
        let applies = self.integer_field(&obj, "cause_applies", 1, 100);
        let strong = self.integer_field(&obj, "cause_strong", 1, 100);
        // Optional: without it, no two levels count as close.
        let close = match obj.get("close") {
            Some(value) => self.integer(value, &obj.at("close"), 0, 50),
            None => Some(0),
        };
        let (applies, strong, close) = (
            u8::try_from(applies?).ok()?,
            u8::try_from(strong?).ok()?,
            u8::try_from(close?).ok()?,
        );
        if strong <= applies {
            self.problem(
                &obj.at("cause_strong"),
                format!("must be above cause_applies ({applies})"),
            );
            return None;
        }
        Some(Thresholds {
            applies,
            strong,
            close,
        })
    }

    fn terms(&mut self, root: &Obj, names: &mut Names) -> Option<Vec<Term>> {
        let mut ids = Ids::default();
        self.records(
            root,
            "terms",
            &["id", "name", "definition"],
            |this, i, obj| {
                let id = this.id(obj, "id");
                let name = this.text(obj, "name");
                let definition = this.text(obj, "definition");
                if let Some(id) = &id {
                    if this.register(&mut ids, id, i, &obj.at("id")) {
                        names.terms.insert(id.clone(), i);
                    }
                }
                match (id, name, definition) {
                    (Some(id), Some(name), Some(definition)) => Some(Term {
                        id,
                        name,
                        definition,
                    }),
                    _ => None,
                }
            },
        )
    }

    fn levels(&mut self, root: &Obj, names: &Names) -> Option<[LevelText; 3]> {
        let value = self.required(root, "levels")?;
        let ids = Level::ALL.map(Level::id);
        let obj = self.object(value, root.at("levels"), &ids)?;
        let mut texts = Vec::with_capacity(3);
        for level in Level::ALL {
            let Some(value) = self.required(&obj, level.id()) else {
                continue;
            };
            let Some(level_obj) =
                self.object(value, obj.at(level.id()), &["name", "tagline", "term"])
            else {
                continue;
            };
            let name = self.text(&level_obj, "name");
            // Read by earlier releases, shown by none: the level's term defines it.
            if level_obj.get("tagline").is_some() {
                self.warning(&level_obj.at("tagline"), "is no longer used; remove it");
            }
            let term = self
                .required(&level_obj, "term")
                .and_then(|v| self.term_ref(names, v, &level_obj.at("term")));
            if let (Some(name), Some(term)) = (name, term) {
                texts.push(LevelText { name, term });
            }
        }
        <[LevelText; 3]>::try_from(texts).ok()
    }

    fn intro(&mut self, root: &Obj) -> Option<Intro> {
        let value = self.required(root, "intro")?;
        let obj = self.object(
            value,
            root.at("intro"),
            &["title", "body", "points", "duration", "privacy", "start"],
        )?;
        let title = self.text(&obj, "title");
        let body = self.text(&obj, "body");
        let points = self.list(&obj, "points").and_then(|items| {
            let path = obj.at("points");
            let points: Vec<Option<String>> = items
                .iter()
                .enumerate()
                .map(|(i, v)| self.string_value(v, &item(&path, i)))
                .collect();
            points.into_iter().collect::<Option<Vec<_>>>()
        });
        let duration = self.text(&obj, "duration");
        let privacy = self.text(&obj, "privacy");
        let start = self.text(&obj, "start");
        all_or_none!(Intro {
            title,
            body,
            points,
            duration,
            privacy,
            start
        })
    }

    fn questions(&mut self, root: &Obj, names: &mut Names) -> Option<Vec<Question>> {
        let items = self.list(root, "questions")?;
        let path = root.at("questions");
        if items.len() > MAX_QUESTIONS {
            self.problem(
                &path,
                format!(
                    "has {} questions; at most {MAX_QUESTIONS} fit a short quiz",
                    items.len()
                ),
            );
            return None;
        }
        let mut question_ids = Ids::default();
        let mut option_ids = Ids::default();
        let mut title_questions = Vec::new();
        let mut behaviour_questions = 0;
        let allowed = ["id", "kind", "prompt", "hint", "options"];
        let questions = self.records_of(items, &path, &allowed, |this, q, obj| {
            let id = this.id(obj, "id");
            if let Some(id) = &id {
                this.register(&mut question_ids, id, q, &obj.at("id"));
            }
            let kind = match obj.get("kind") {
                None => Some(Kind::Behaviour),
                Some(kind) => match this.string_value(kind, &obj.at("kind")).as_deref() {
                    Some("title") => Some(Kind::Title),
                    Some("behaviour" | "behavior") => Some(Kind::Behaviour),
                    Some("context") => Some(Kind::Context),
                    Some(other) => {
                        this.problem(
                            &obj.at("kind"),
                            format!("unknown kind \"{other}\"; use \"title\", \"behaviour\" or \"context\""),
                        );
                        None
                    }
                    None => None,
                },
            };
            if kind == Some(Kind::Title) {
                title_questions.push(q);
            }
            if kind == Some(Kind::Behaviour) {
                behaviour_questions += 1;
            }
            let prompt = this.text(obj, "prompt");
            let hint = this.optional_text(obj, "hint");
            let options = match kind {
                Some(kind) => this.options(obj, q, kind, names, &mut option_ids),
                None => None,
            };
            match (id, prompt, hint, options) {
                (Some(id), Some(prompt), Ok(hint), Some(options)) => Some(Question {
                    id,
                    prompt,
                    hint,
                    options,
                }),
                _ => None,
            }
        });
        let one_title_first = match title_questions.as_slice() {
            [0] => true,
            [] => {
                self.problem(
                    &path,
                    "needs one question with \"kind\": \"title\" (the visitor's role), placed first",
                );
                false
            }
            [only] => {
                self.problem(
                    &format!("{}.kind", item(&path, *only)),
                    "the title question must be the first question",
                );
                false
            }
            [_, extra @ ..] => {
                for q in extra {
                    self.problem(
                        &format!("{}.kind", item(&path, *q)),
                        "only one question may have \"kind\": \"title\"",
                    );
                }
                false
            }
        };
        let questions = questions.filter(|_| one_title_first)?;
        if behaviour_questions == 0 {
            self.problem(
                &path,
                "needs at least one behaviour question after the title question",
            );
            return None;
        }
        Some(questions)
    }

    fn options(
        &mut self,
        question: &Obj,
        q: usize,
        kind: Kind,
        names: &mut Names,
        option_ids: &mut Ids,
    ) -> Option<Vec<Choice>> {
        let items = self.list(question, "options")?;
        let path = question.at("options");
        if items.len() < 2 || items.len() > MAX_OPTIONS {
            self.problem(
                &path,
                format!(
                    "has {} options; a question needs 2 to {MAX_OPTIONS}",
                    items.len()
                ),
            );
            return None;
        }
        let allowed: &[&str] = match kind {
            Kind::Title => &["id", "label", "title_level", "rung"],
            Kind::Behaviour => &["id", "label", "weights", "causes"],
            Kind::Context => &["id", "label"],
        };
        self.records_of(items, &path, allowed, |this, o, obj| {
            let id = this.id(obj, "id");
            if let Some(id) = &id {
                if this.register(option_ids, id, o, &obj.at("id")) {
                    names.options.insert(
                        id.clone(),
                        OptionRef {
                            question: q,
                            option: o,
                        },
                    );
                }
            }
            let label = this.text(obj, "label");
            let effect = match kind {
                Kind::Title => {
                    let level = this
                        .required(obj, "title_level")
                        .and_then(|v| this.level_id(v, &obj.at("title_level")));
                    let rung = this.rung_of_title(obj, names);
                    level
                        .zip(rung)
                        .map(|(level, rung)| Effect::Title(level, rung))
                }
                Kind::Behaviour => this.behaviour(obj, names),
                Kind::Context => Some(Effect::Context),
            };
            match (id, label, effect) {
                (Some(id), Some(label), Some(effect)) => Some(Choice { id, label, effect }),
                _ => None,
            }
        })
    }

    fn behaviour(&mut self, option: &Obj, names: &Names) -> Option<Effect> {
        let value = self.required(option, "weights")?;
        let ids = Level::ALL.map(Level::id);
        let obj = self.object(value, option.at("weights"), &ids)?;
        let mut weights = [0u8; 3];
        let mut ok = true;
        for level in Level::ALL {
            if let Some(value) = obj.get(level.id()) {
                match self.integer(value, &obj.at(level.id()), 0, i64::from(MAX_WEIGHT)) {
                    Some(w) => weights[level.index()] = w as u8,
                    None => ok = false,
                }
            }
        }
        if ok && weights.iter().all(|&w| w == 0) {
            self.problem(&obj.path, "give at least one level a weight above 0");
            ok = false;
        }
        let mut causes = Vec::new();
        if let Some(value) = option.get("causes") {
            if let Some(obj) = self.map(value, option.at("causes")) {
                for (i, (key, value)) in obj.fields.iter().enumerate() {
                    if obj.fields[..i].iter().any(|(k, _)| k == key) {
                        ok = false;
                        continue;
                    }
                    let path = obj.at(key);
                    let Some(&cause) = names.causes.get(key) else {
                        let hint = suggest(key, names.causes.keys())
                            .map(|s| format!(" (did you mean \"{s}\"?)"))
                            .unwrap_or_default();
                        self.problem(
                            &path,
                            format!("unknown cause{hint}; causes are defined in `causes`"),
                        );
                        ok = false;
                        continue;
                    };
                    match self.integer(value, &path, 0, i64::from(MAX_WEIGHT)) {
                        Some(0) => {}
                        Some(points) => causes.push((CauseRef(cause), points as u8)),
                        None => ok = false,
                    }
                }
            } else {
                ok = false;
            }
        }
        ok.then_some(Effect::Behaviour { weights, causes })
    }

    fn causes(
        &mut self,
        root: &Obj,
        names: &Names,
        questions: Option<&[Question]>,
    ) -> Option<Vec<Cause>> {
        let mut ids = Ids::default();
        let allowed = ["id", "name", "summary", "term"];
        self.records(root, "causes", &allowed, |this, i, obj| {
            let id = this.id(obj, "id");
            if let Some(id) = &id {
                this.register(&mut ids, id, i, &obj.at("id"));
            }
            let name = this.text(obj, "name");
            let summary = this.text(obj, "summary");
            let term = this
                .required(obj, "term")
                .and_then(|v| this.term_ref(names, v, &obj.at("term")));
            let mut fed = true;
            if let Some(questions) = questions {
                fed = questions
                    .iter()
                    .flat_map(|q| &q.options)
                    .any(|o| match &o.effect {
                        Effect::Behaviour { causes, .. } => causes.iter().any(|(c, _)| c.0 == i),
                        Effect::Title(..) | Effect::Context => false,
                    });
                if !fed {
                    this.problem(
                        &obj.path,
                        "no option points to this cause; add it to some option's `causes`",
                    );
                }
            }
            match (id, name, summary, term, fed) {
                (Some(id), Some(name), Some(summary), Some(term), true) => Some(Cause {
                    id,
                    name,
                    summary,
                    term,
                }),
                _ => None,
            }
        })
    }

    fn verdicts(&mut self, root: &Obj, names: &Names) -> Option<VerdictTexts> {
        let items = self.list(root, "verdicts")?;
        let path = root.at("verdicts");
        let mut slots: [Option<VerdictText>; 9] = Default::default();
        let mut first_at: [Option<usize>; 9] = [None; 9];
        let mut variants: Vec<(usize, VerdictVariant)> = Vec::new();
        let allowed = [
            "verdict",
            "title",
            "operating",
            "rungs",
            "headline",
            "body",
            "terms",
        ];
        // Each entry fills its slot; `records_of` only says whether all of them could.
        let read = self.records_of(items, &path, &allowed, |this, i, obj| {
            let verdict = this.required(obj, "verdict").and_then(|v| {
                let id = this.string_value(v, &obj.at("verdict"))?;
                let verdict = Verdict::from_id(&id);
                if verdict.is_none() {
                    this.problem(
                        &obj.at("verdict"),
                        format!("unknown verdict \"{id}\"; use aligned, incomplete-promotion or ahead-of-title"),
                    );
                }
                verdict
            });
            let title = this
                .required(obj, "title")
                .and_then(|v| this.level_id(v, &obj.at("title")));
            let operating = this
                .required(obj, "operating")
                .and_then(|v| this.level_id(v, &obj.at("operating")));
            let headline = this.text(obj, "headline");
            let body = this.text(obj, "body");
            let terms = this.term_list(obj, names);
            let (verdict, title, operating) = (verdict?, title?, operating?);
            let expected = Verdict::between(title, operating);
            let slot = title.index() * 3 + operating.index();
            if verdict != expected {
                this.problem(
                    &obj.at("verdict"),
                    format!(
                        "{} {} title with work at {} is \"{}\", not \"{}\"",
                        article(title),
                        title.id(),
                        operating.id(),
                        expected.id(),
                        verdict.id()
                    ),
                );
                // The entry is meant for this pair; do not also call the pair missing.
                if obj.get("rungs").is_none() {
                    first_at[slot].get_or_insert(i);
                }
                return None;
            }
            // A text for some rungs only, in place of the pair's own for them.
            if obj.get("rungs").is_some() {
                let rungs = this.rung_list(obj, "rungs", names)?;
                for rung in &rungs {
                    let taken = variants.iter().find(|(_, v)| {
                        v.title == title && v.operating == operating && v.rungs.contains(rung)
                    });
                    if let Some((first, _)) = taken {
                        this.problem(
                            &obj.at("rungs"),
                            format!(
                                "repeats the text for title {} with work at {} on this rung (first at {})",
                                title.id(),
                                operating.id(),
                                item(&path, *first)
                            ),
                        );
                        return None;
                    }
                }
                let (Some(headline), Some(body), Some(terms)) = (headline, body, terms) else {
                    return None;
                };
                variants.push((
                    i,
                    VerdictVariant {
                        title,
                        operating,
                        rungs,
                        text: VerdictText {
                            headline,
                            body,
                            terms,
                        },
                    },
                ));
                return Some(());
            }
            if let Some(first) = first_at[slot] {
                this.problem(
                    &obj.path,
                    format!(
                        "repeats the text for title {} with work at {} (first at {})",
                        title.id(),
                        operating.id(),
                        item(&path, first)
                    ),
                );
                return None;
            }
            first_at[slot] = Some(i);
            let (Some(headline), Some(body), Some(terms)) = (headline, body, terms) else {
                return None;
            };
            slots[slot] = Some(VerdictText {
                headline,
                body,
                terms,
            });
            Some(())
        });
        let mut ok = read.is_some();
        for title in Level::ALL {
            for operating in Level::ALL {
                if first_at[title.index() * 3 + operating.index()].is_none() {
                    self.problem(
                        &path,
                        format!(
                            "missing the text for {} {} title with work at {} (verdict \"{}\")",
                            article(title),
                            title.id(),
                            operating.id(),
                            Verdict::between(title, operating).id()
                        ),
                    );
                    ok = false;
                }
            }
        }
        if !ok {
            return None;
        }
        let texts: Vec<VerdictText> = slots.into_iter().collect::<Option<Vec<_>>>()?;
        let pairs = <[VerdictText; 9]>::try_from(texts).ok()?;
        Some(VerdictTexts {
            pairs,
            variants: variants.into_iter().map(|(_, v)| v).collect(),
        })
    }

    fn term_list(&mut self, obj: &Obj, names: &Names) -> Option<Vec<TermRef>> {
        let Some(value) = obj.get("terms") else {
            return Some(Vec::new());
        };
        let path = obj.at("terms");
        let Json::Array(items) = value else {
            self.problem(
                &path,
                format!("must be a list of term ids, found {}", value.kind()),
            );
            return None;
        };
        let refs: Vec<Option<TermRef>> = items
            .iter()
            .enumerate()
            .map(|(i, v)| self.term_ref(names, v, &item(&path, i)))
            .collect();
        refs.into_iter().collect()
    }

    fn when(&mut self, obj: &Obj, names: &Names) -> Result<Option<When>, ()> {
        let Some(value) = obj.get("when") else {
            return Ok(None);
        };
        let mut allowed = CONDITION_KEYS.to_vec();
        allowed.extend(["only", "unless"]);
        let w = self.object(value, obj.at("when"), &allowed).ok_or(())?;
        let any = self.conditions(&w, names);
        let mut gate = |key: &str| -> Result<Conditions, ()> {
            let Some(value) = w.get(key) else {
                return Ok(Conditions::default());
            };
            let gate = self.object(value, w.at(key), &CONDITION_KEYS).ok_or(())?;
            let conditions = self.conditions(&gate, names)?;
            if conditions.is_empty() {
                self.problem(&gate.path, "names nothing; remove it");
                return Err(());
            }
            Ok(conditions)
        };
        let (only, unless) = (gate("only"), gate("unless"));
        let when = When {
            any: any?,
            only: only?,
            unless: unless?,
        };
        if when == When::default() {
            self.problem(
                &w.path,
                "has no conditions; remove `when` to make this apply to everyone",
            );
            return Err(());
        }
        Ok(Some(when))
    }

    /// The lists of a `when` (or of its `only` or `unless`): options, causes, verdicts,
    /// levels and rungs, each a list of ids.
    fn conditions(&mut self, w: &Obj, names: &Names) -> Result<Conditions, ()> {
        let mut conditions = Conditions::default();
        let mut ok = true;
        for key in CONDITION_KEYS {
            let Some(value) = w.get(key) else { continue };
            let path = w.at(key);
            let Json::Array(items) = value else {
                self.problem(
                    &path,
                    format!("must be a list of ids, found {}", value.kind()),
                );
                ok = false;
                continue;
            };
            for (i, v) in items.iter().enumerate() {
                let here = item(&path, i);
                let Some(id) = self.string_value(v, &here) else {
                    ok = false;
                    continue;
                };
                let c = &mut conditions;
                let found = match key {
                    "options" => names.options.get(&id).map(|r| c.options.push(*r)),
                    "causes" => names.causes.get(&id).map(|x| c.causes.push(CauseRef(*x))),
                    "verdicts" => Verdict::from_id(&id).map(|v| c.verdicts.push(v)),
                    "operating" => Level::from_id(&id).map(|l| c.operating.push(l)),
                    "rungs" => names.rungs.get(&id).map(|r| c.rungs.push(RungRef(*r))),
                    _ => Level::from_id(&id).map(|l| c.title.push(l)),
                };
                if found.is_none() {
                    let what = match key {
                        "options" => "option",
                        "causes" => "cause",
                        "verdicts" => "verdict",
                        "rungs" => "rung",
                        _ => "level",
                    };
                    self.problem(&here, format!("unknown {what} \"{id}\""));
                    ok = false;
                }
            }
        }
        if ok {
            Ok(conditions)
        } else {
            Err(())
        }
    }

    fn patterns(&mut self, root: &Obj, names: &Names) -> Option<Vec<Pattern>> {
        let mut ids = Ids::default();
        let allowed = ["id", "kind", "text", "when"];
        self.records(root, "patterns", &allowed, |this, i, obj| {
            let id = this.id(obj, "id");
            if let Some(id) = &id {
                this.register(&mut ids, id, i, &obj.at("id"));
            }
            let kind = this.required(obj, "kind").and_then(|v| {
                match this.string_value(v, &obj.at("kind")).as_deref() {
                    Some("constructive") => Some(PatternKind::Constructive),
                    Some("destructive") => Some(PatternKind::Destructive),
                    Some(other) => {
                        this.problem(
                            &obj.at("kind"),
                            format!(
                                "unknown kind \"{other}\"; use \"constructive\" or \"destructive\""
                            ),
                        );
                        None
                    }
                    None => None,
                }
            });
            let text = this.text(obj, "text");
            let when = this.when(obj, names);
            match (id, kind, text, when) {
                (Some(id), Some(kind), Some(text), Ok(when)) => Some(Pattern {
                    id,
                    kind,
                    text,
                    when,
                }),
                _ => None,
            }
        })
    }

    fn next_steps(&mut self, root: &Obj, names: &Names) -> Option<Vec<NextStep>> {
        let mut ids = Ids::default();
        let allowed = ["id", "title", "body", "when"];
        let steps = self.records(root, "next_steps", &allowed, |this, i, obj| {
            let id = this.id(obj, "id");
            if let Some(id) = &id {
                this.register(&mut ids, id, i, &obj.at("id"));
            }
            let title = this.text(obj, "title");
            let body = this.text(obj, "body");
            let when = this.when(obj, names);
            match (id, title, body, when) {
                (Some(id), Some(title), Some(body), Ok(when)) => Some(NextStep {
                    id,
                    title,
                    body,
                    when,
                }),
                _ => None,
            }
        })?;
        let general = steps.iter().filter(|s| s.when.is_none()).count();
        if general < crate::score::MIN_STEPS {
            self.problem(
                &root.at("next_steps"),
                format!(
                    "needs at least {} general steps (without `when`) so every result gets {}; found {general}",
                    crate::score::MIN_STEPS,
                    crate::score::MIN_STEPS
                ),
            );
            return None;
        }
        Some(steps)
    }

    fn cta(&mut self, root: &Obj, names: &Names) -> Option<Cta> {
        let value = self.required(root, "cta")?;
        let obj = self.object(
            value,
            root.at("cta"),
            &["heading", "body", "label", "href", "variants"],
        )?;
        let heading = self.text(&obj, "heading");
        let body = self.text(&obj, "body");
        let label = self.text(&obj, "label");
        let href = self
            .required(&obj, "href")
            .and_then(|_| self.href(&obj).ok().flatten());
        let variants = match obj.get("variants") {
            None => Some(Vec::new()),
            Some(_) => self.cta_variants(&obj, names, [&heading, &body, &label, &href]),
        };
        all_or_none!(Cta {
            heading,
            body,
            label,
            href,
            variants
        })
    }

    /// The call to action's variants: each with an id, a `when`, and any of the
    /// default's texts, which fill in the ones it leaves out.
    fn cta_variants(
        &mut self,
        cta: &Obj,
        names: &Names,
        default: [&Option<String>; 4],
    ) -> Option<Vec<CtaVariant>> {
        let mut ids = Ids::default();
        let allowed = ["id", "when", "heading", "body", "label", "href"];
        self.records(cta, "variants", &allowed, |this, i, obj| {
            let id = this.id(obj, "id").filter(|id| {
                if id == DEFAULT_CTA {
                    this.problem(
                        &obj.at("id"),
                        format!("\"{DEFAULT_CTA}\" names the call to action without a variant; choose another id"),
                    );
                    return false;
                }
                this.register(&mut ids, id, i, &obj.at("id"))
            });
            let when = match this.when(obj, names) {
                Ok(Some(when)) => Some(when),
                Ok(None) => {
                    this.problem(
                        &obj.at("when"),
                        "is required: a variant without one would take every reader from the default",
                    );
                    None
                }
                Err(()) => None,
            };
            let [heading, body, label, href] = [
                this.optional_text(obj, "heading"),
                this.optional_text(obj, "body"),
                this.optional_text(obj, "label"),
                this.href(obj),
            ]
            .map(|text| text.ok());
            let or_default = |own: Option<Option<String>>, default: &Option<String>| match own {
                Some(Some(text)) => Some(text),
                Some(None) => default.clone(),
                None => None,
            };
            let heading = or_default(heading, default[0]);
            let body = or_default(body, default[1]);
            let label = or_default(label, default[2]);
            let href = or_default(href, default[3]);
            all_or_none!(CtaVariant {
                id,
                when,
                heading,
                body,
                label,
                href
            })
        })
    }

    /// An optional `href`: a link the widget may follow (http, https, mailto, tel, a
    /// path or a #fragment).
    fn href(&mut self, obj: &Obj) -> Result<Option<String>, ()> {
        let Some(href) = self.optional_text(obj, "href")? else {
            return Ok(None);
        };
        match crate::link_scheme(&href) {
            Some(scheme) if !crate::SAFE_SCHEMES.contains(&scheme.as_str()) => {
                self.problem(
                    &obj.at("href"),
                    format!("links may be http, https, mailto or tel addresses, a path or a #fragment; \"{scheme}:\" is not allowed"),
                );
                Err(())
            }
            _ => Ok(Some(href)),
        }
    }

    /// The interface strings: those `ui` gives, and for each key it leaves out (or
    /// for all, without `ui`), the text of the content's language's defaults, else
    /// English's with a warning. A key `Ui` does not have is only a warning, so a file
    /// written for another release still loads.
    fn ui(&mut self, root: &Obj, language: Option<&str>) -> Option<Ui> {
        let path = root.at("ui");
        let given = match root.get("ui") {
            Some(value) => {
                let obj = self.map(value, path.clone())?;
                let keys: Vec<&str> = Ui::KEYS.iter().map(|(key, _)| *key).collect();
                self.warnings.extend(unknown_fields(&obj, &keys));
                Some(obj)
            }
            None => None,
        };
        let own = language.and_then(defaults_for);
        // Without a valid language (a problem of its own) nothing loads: no warnings.
        let in_english = own.is_none() && language.is_some();
        let defaults = own.unwrap_or(&ENGLISH);
        let mut ui = Ui::default();
        let mut ok = true;
        for ((key, placeholders), default) in Ui::KEYS.iter().zip(defaults.texts()) {
            let at = child(&path, key);
            let text = match given.as_ref().and_then(|obj| obj.get(key)) {
                Some(value) => {
                    let Some(text) = self.string_value(value, &at) else {
                        ok = false;
                        continue;
                    };
                    for placeholder in *placeholders {
                        if !text.contains(placeholder) {
                            self.problem(&at, format!("must contain {placeholder}"));
                            ok = false;
                        }
                    }
                    text
                }
                None => {
                    if in_english {
                        self.warning(
                            &at,
                            format!("missing; using the English default \"{default}\""),
                        );
                    }
                    default.to_owned()
                }
            };
            ui.set(key, text);
        }
        ok.then_some(ui)
    }

    /// Reports each level that no combination of answers can make the operating level.
    fn check_levels_reachable(&mut self, questions: &[Question]) {
        for level in Level::ALL {
            if !crate::score::reachable(questions, level) {
                self.problem(
                    "questions",
                    format!(
                        "no combination of answers makes {} the operating level; give it more weight in some options",
                        level.id()
                    ),
                );
            }
        }
    }
}

/// A problem for each key of `obj` that `allowed` does not name (a repeated key once),
/// with a suggestion when the key looks like a misspelling of an allowed one.
fn unknown_fields(obj: &Obj, allowed: &[&str]) -> Vec<Problem> {
    let mut unknown = Vec::new();
    for (i, (key, _)) in obj.fields.iter().enumerate() {
        let repeated = obj.fields[..i].iter().any(|(k, _)| k == key);
        if !repeated && !allowed.contains(&key.as_str()) {
            let hint = suggest(key, allowed.iter().copied())
                .map(|s| format!(" (did you mean `{s}`?)"))
                .unwrap_or_default();
            unknown.push(Problem {
                path: obj.at(key),
                message: format!("unknown field{hint}; allowed here: {}", allowed.join(", ")),
            });
        }
    }
    unknown
}

/// Cause ids, read ahead so options can refer to causes defined after them.
fn gather_cause_names(root: &Obj, names: &mut Names) {
    let Some(Json::Array(items)) = root.get("causes") else {
        return;
    };
    for (i, value) in items.iter().enumerate() {
        if let Some(Json::String(id)) = value.get("id") {
            names.causes.insert_first(id.trim().to_owned(), i);
        }
    }
}

/// Option ids, read ahead so a `when` naming an option of a question that has some
/// other problem is not reported as unknown too.
fn gather_option_names(root: &Obj, names: &mut Names) {
    let Some(Json::Array(questions)) = root.get("questions") else {
        return;
    };
    for (q, question) in questions.iter().enumerate() {
        let Some(Json::Array(options)) = question.get("options") else {
            continue;
        };
        for (o, option) in options.iter().enumerate() {
            if let Some(Json::String(id)) = option.get("id") {
                let at = OptionRef {
                    question: q,
                    option: o,
                };
                names.options.insert_first(id.trim().to_owned(), at);
            }
        }
    }
}

/// A number as a message shows it: whole numbers as integers ("4", "-1"), others to at
/// most six decimals ("1.5"). Written out by hand because `f64`'s `Display` would add
/// float formatting code to the wasm for this one message.
fn show_number(n: f64) -> String {
    let sign = if n < 0.0 { "-" } else { "" };
    let n = n.abs();
    if n.fract() == 0.0 && n < 1e15 {
        return format!("{sign}{}", n as u64);
    }
    if n >= 1e12 {
        return format!("{sign}a number above 10^12");
    }
    let micros = (n * 1e6).round() as u64;
    let (whole, fraction) = (micros / 1_000_000, micros % 1_000_000);
    if fraction == 0 {
        // Not whole, yet within a millionth of it.
        return format!("{sign}about {whole}");
    }
    let digits = format!("{fraction:06}");
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

/// "a" or "an" before a level's id.
fn article(level: Level) -> &'static str {
    match level {
        Level::Implementation => "an",
        Level::Unification | Level::Communication => "a",
    }
}

fn is_slug(id: &str) -> bool {
    id.len() <= 64
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The closest candidate to `word` within two edits, if any.
fn suggest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (distance(word, c), c))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let next = (row[j] + 1).min(row[j + 1] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    #[test]
    fn odd_keys_still_have_a_place() {
        assert_eq!(child("", "ui"), "ui");
        assert_eq!(child("ui", "back"), "ui.back");
        assert_eq!(child("", ""), "[\"\"]");
        assert_eq!(child("ui", "a b"), "ui[\"a b\"]");
        // As `{:?}` quotes them (but for combining marks inside a key, which `{:?}`
        // escapes and this leaves as they are), without Debug in the shipped code.
        for odd in ["it's", "q\"x", "back\\'slash", "tab\t", "ünï cödé"] {
            assert_eq!(child("ui", odd), format!("ui[{odd:?}]"));
        }
    }

    use super::*;

    #[test]
    fn suggests_close_names() {
        assert_eq!(
            suggest("promt", ["prompt", "hint"].into_iter()),
            Some("prompt")
        );
        assert_eq!(suggest("zzzzzz", ["prompt"].into_iter()), None);
    }

    #[test]
    fn numbers_in_messages() {
        let cases = [
            (4.0, "4"),
            (-1.0, "-1"),
            (1.5, "1.5"),
            (0.1, "0.1"),
            (-2.25, "-2.25"),
            (0.000001, "0.000001"),
            (3.0000000001, "about 3"),
            (1e14, "100000000000000"),
            (1e20, "a number above 10^12"),
        ];
        for (n, shown) in cases {
            assert_eq!(show_number(n), shown, "{n}");
        }
    }

    #[test]
    fn slugs() {
        assert!(is_slug("role-vp"));
        assert!(!is_slug("Role"));
        assert!(!is_slug("1st"));
        assert!(!is_slug("a b"));
    }
}
