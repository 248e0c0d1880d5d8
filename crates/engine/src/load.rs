//! Loading: a JSON value in, a validated [`Content`] or every problem found out.
//!
//! The loader never stops at the first problem and never panics. It walks the value
//! by hand rather than through derived `Deserialize` impls, because serde stops at the
//! first type error and a content author wants the whole list at once, each problem
//! with its place in the file.

use crate::error::{LoadError, Problem};
use crate::json::Json;
use crate::model::*;
use crate::ui::Ui;

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
    match crate::json::parse(text) {
        Ok(value) => load(&value),
        Err(err) => Err(LoadError::new(vec![Problem {
            path: String::new(),
            message: err.to_string(),
        }])),
    }
}

/// Loads content from a parsed JSON value, collecting every problem.
pub fn load(root: &Json) -> Result<Content, LoadError> {
    let mut loader = Loader::default();
    let content = loader.content(root);
    match content {
        Some(content) if loader.problems.is_empty() => Ok(content),
        _ => {
            if loader.problems.is_empty() {
                // Every path that returns None reports first; this is a safety net.
                loader.report("", "content could not be read");
            }
            Err(LoadError::new(loader.problems))
        }
    }
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

/// Everything later sections refer to, gathered before they are read.
#[derive(Default)]
struct Names {
    terms: Table<usize>,
    causes: Table<usize>,
    options: Table<OptionRef>,
}

#[derive(Default)]
struct Loader {
    problems: Vec<Problem>,
}

impl Loader {
    fn report(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.to_owned(),
            message: message.into(),
        });
    }

    /// Reads an object whose keys are data (any key allowed), reporting duplicates.
    fn map<'a>(&mut self, value: &'a Json, path: String) -> Option<Obj<'a>> {
        let Json::Object(fields) = value else {
            self.report(&path, format!("must be an object, found {}", value.kind()));
            return None;
        };
        for (i, (key, _)) in fields.iter().enumerate() {
            if fields[..i].iter().any(|(k, _)| k == key) {
                self.report(&child(&path, key), "appears twice in the same object");
            }
        }
        Some(Obj { path, fields })
    }

    /// Reads an object with a fixed set of keys, reporting duplicates and unknown keys.
    fn object<'a>(&mut self, value: &'a Json, path: String, allowed: &[&str]) -> Option<Obj<'a>> {
        let obj = self.map(value, path)?;
        for (i, (key, _)) in obj.fields.iter().enumerate() {
            let repeated = obj.fields[..i].iter().any(|(k, _)| k == key);
            if !repeated && !allowed.contains(&key.as_str()) {
                let hint = suggest(key, allowed.iter().copied())
                    .map(|s| format!(" (did you mean `{s}`?)"))
                    .unwrap_or_default();
                self.report(
                    &obj.at(key),
                    format!("unknown field{hint}; allowed here: {}", allowed.join(", ")),
                );
            }
        }
        Some(obj)
    }

    fn required<'a>(&mut self, obj: &Obj<'a>, key: &str) -> Option<&'a Json> {
        let value = obj.get(key);
        if value.is_none() {
            self.report(&obj.at(key), "is missing");
        }
        value
    }

    fn string_value(&mut self, value: &Json, path: &str) -> Option<String> {
        match value {
            Json::String(s) if s.trim().is_empty() => {
                self.report(path, "must not be empty");
                None
            }
            Json::String(s) => Some(s.trim().to_owned()),
            other => {
                self.report(path, format!("must be text, found {}", other.kind()));
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
            self.report(
                &obj.at(key),
                format!("\"{id}\" is not a valid id: use lowercase letters, digits and hyphens, starting with a letter"),
            );
            None
        }
    }

    fn list<'a>(&mut self, obj: &Obj<'a>, key: &str) -> Option<&'a [Json]> {
        match self.required(obj, key)? {
            Json::Array(items) if items.is_empty() => {
                self.report(&obj.at(key), "must not be empty");
                None
            }
            Json::Array(items) => Some(items),
            other => {
                self.report(
                    &obj.at(key),
                    format!("must be a list, found {}", other.kind()),
                );
                None
            }
        }
    }

    fn integer(&mut self, value: &Json, path: &str, min: i64, max: i64) -> Option<i64> {
        let range = format!("must be a whole number between {min} and {max}");
        match value {
            Json::Number(n) if n.fract() == 0.0 && *n >= min as f64 && *n <= max as f64 => {
                Some(*n as i64)
            }
            Json::Number(n) => {
                self.report(path, format!("{range}, found {}", show_number(*n)));
                None
            }
            other => {
                self.report(path, format!("{range}, found {}", other.kind()));
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
            self.report(
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
            self.report(
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
                self.report(
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
                "levels",
                "intro",
                "questions",
                "causes",
                "verdicts",
                "terms",
                "patterns",
                "next_steps",
                "cta",
                "ui",
            ],
        )?;
        let format = self.integer_field(&obj, "format", 0, i64::from(u32::MAX));
        if let Some(format) = format {
            if format != i64::from(FORMAT) {
                self.report(
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
        let cta = self.cta(&obj);
        let ui = self.ui(&obj);

        if let (Some(questions), Some(_)) = (&questions, &causes) {
            self.check_levels_reachable(questions);
        }

        // One pattern rather than a `?` per field: each `?` needs its own code to drop
        // what was taken before it, and that adds up in the wasm.
        let version = version.and_then(|v| u32::try_from(v).ok());
        let (
            Some(id),
            Some(version),
            Some(language),
            Some(language_name),
            Some(thresholds),
            Some(levels),
            Some(intro),
            Some(questions),
            Some(causes),
            Some(verdicts),
            Some(terms),
            Some(patterns),
            Some(next_steps),
            Some(cta),
            Some(ui),
        ) = (
            id,
            version,
            language,
            language_name,
            thresholds,
            levels,
            intro,
            questions,
            causes,
            verdicts,
            terms,
            patterns,
            next_steps,
            cta,
            ui,
        )
        else {
            return None;
        };
        Some(Content {
            id,
            version,
            language,
            language_name,
            thresholds,
            levels,
            intro,
            questions,
            causes,
            verdicts,
            terms,
            patterns,
            next_steps,
            cta,
            ui,
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
            self.report(
                "language",
                format!("\"{tag}\" is not a language tag such as \"en\" or \"zh-CN\""),
            );
            None
        }
    }

    fn thresholds(&mut self, root: &Obj) -> Option<Thresholds> {
        let value = self.required(root, "thresholds")?;
        let obj = self.object(
            value,
            root.at("thresholds"),
            &["cause_applies", "cause_strong"],
        )?;
        let applies = self.integer_field(&obj, "cause_applies", 1, 100);
        let strong = self.integer_field(&obj, "cause_strong", 1, 100);
        let (applies, strong) = (u8::try_from(applies?).ok()?, u8::try_from(strong?).ok()?);
        if strong <= applies {
            self.report(
                &obj.at("cause_strong"),
                format!("must be above cause_applies ({applies})"),
            );
            return None;
        }
        Some(Thresholds { applies, strong })
    }

    fn terms(&mut self, root: &Obj, names: &mut Names) -> Option<Vec<Term>> {
        let items = self.list(root, "terms")?;
        let path = root.at("terms");
        let mut ids = Ids::default();
        let mut terms = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, value) in items.iter().enumerate() {
            let here = item(&path, i);
            let Some(obj) = self.object(value, here, &["id", "name", "definition"]) else {
                ok = false;
                continue;
            };
            let id = self.id(&obj, "id");
            let name = self.text(&obj, "name");
            let definition = self.text(&obj, "definition");
            if let Some(id) = &id {
                if self.register(&mut ids, id, i, &obj.at("id")) {
                    names.terms.insert(id.clone(), i);
                }
            }
            match (id, name, definition) {
                (Some(id), Some(name), Some(definition)) => terms.push(Term {
                    id,
                    name,
                    definition,
                }),
                _ => ok = false,
            }
        }
        ok.then_some(terms)
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
            let tagline = self.text(&level_obj, "tagline");
            let term = self
                .required(&level_obj, "term")
                .and_then(|v| self.term_ref(names, v, &level_obj.at("term")));
            if let (Some(name), Some(tagline), Some(term)) = (name, tagline, term) {
                texts.push(LevelText {
                    name,
                    tagline,
                    term,
                });
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
        // One pattern, not a `?` per field (see `content`).
        let (Some(title), Some(body), Some(points), Some(duration), Some(privacy), Some(start)) =
            (title, body, points, duration, privacy, start)
        else {
            return None;
        };
        Some(Intro {
            title,
            body,
            points,
            duration,
            privacy,
            start,
        })
    }

    fn questions(&mut self, root: &Obj, names: &mut Names) -> Option<Vec<Question>> {
        let items = self.list(root, "questions")?;
        let path = root.at("questions");
        if items.len() > MAX_QUESTIONS {
            self.report(
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
        let mut questions = Vec::with_capacity(items.len());
        let mut ok = true;
        let mut title_questions = Vec::new();
        for (q, value) in items.iter().enumerate() {
            let here = item(&path, q);
            let Some(obj) = self.object(value, here, &["id", "kind", "prompt", "hint", "options"])
            else {
                ok = false;
                continue;
            };
            let id = self.id(&obj, "id");
            if let Some(id) = &id {
                self.register(&mut question_ids, id, q, &obj.at("id"));
            }
            let is_title = match obj.get("kind") {
                None => Some(false),
                Some(kind) => match self.string_value(kind, &obj.at("kind")).as_deref() {
                    Some("title") => Some(true),
                    Some("behaviour" | "behavior") => Some(false),
                    Some(other) => {
                        self.report(
                            &obj.at("kind"),
                            format!("unknown kind \"{other}\"; use \"title\" or \"behaviour\""),
                        );
                        None
                    }
                    None => None,
                },
            };
            if is_title == Some(true) {
                title_questions.push(q);
            }
            let prompt = self.text(&obj, "prompt");
            let hint = self.optional_text(&obj, "hint");
            let options = match is_title {
                Some(is_title) => self.options(&obj, q, is_title, names, &mut option_ids),
                None => None,
            };
            match (id, prompt, hint, options) {
                (Some(id), Some(prompt), Ok(hint), Some(options)) => questions.push(Question {
                    id,
                    prompt,
                    hint,
                    options,
                }),
                _ => ok = false,
            }
        }
        match title_questions.as_slice() {
            [0] => {}
            [] => {
                self.report(
                    &path,
                    "needs one question with \"kind\": \"title\" (the visitor's role), placed first",
                );
                ok = false;
            }
            [only] => {
                self.report(
                    &format!("{}.kind", item(&path, *only)),
                    "the title question must be the first question",
                );
                ok = false;
            }
            [_, extra @ ..] => {
                for q in extra {
                    self.report(
                        &format!("{}.kind", item(&path, *q)),
                        "only one question may have \"kind\": \"title\"",
                    );
                }
                ok = false;
            }
        }
        if ok && questions.len() < 2 {
            self.report(
                &path,
                "needs at least one behaviour question after the title question",
            );
            ok = false;
        }
        ok.then_some(questions)
    }

    fn options(
        &mut self,
        question: &Obj,
        q: usize,
        is_title: bool,
        names: &mut Names,
        option_ids: &mut Ids,
    ) -> Option<Vec<Choice>> {
        let items = self.list(question, "options")?;
        let path = question.at("options");
        if items.len() < 2 || items.len() > MAX_OPTIONS {
            self.report(
                &path,
                format!(
                    "has {} options; a question needs 2 to {MAX_OPTIONS}",
                    items.len()
                ),
            );
            return None;
        }
        let allowed: &[&str] = if is_title {
            &["id", "label", "title_level"]
        } else {
            &["id", "label", "weights", "causes"]
        };
        let mut choices = Vec::with_capacity(items.len());
        let mut ok = true;
        for (o, value) in items.iter().enumerate() {
            let Some(obj) = self.object(value, item(&path, o), allowed) else {
                ok = false;
                continue;
            };
            let id = self.id(&obj, "id");
            if let Some(id) = &id {
                if self.register(option_ids, id, o, &obj.at("id")) {
                    names.options.insert(
                        id.clone(),
                        OptionRef {
                            question: q,
                            option: o,
                        },
                    );
                }
            }
            let label = self.text(&obj, "label");
            let effect = if is_title {
                self.required(&obj, "title_level")
                    .and_then(|v| self.level_id(v, &obj.at("title_level")))
                    .map(Effect::Title)
            } else {
                self.behaviour(&obj, names)
            };
            match (id, label, effect) {
                (Some(id), Some(label), Some(effect)) => choices.push(Choice { id, label, effect }),
                _ => ok = false,
            }
        }
        ok.then_some(choices)
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
            self.report(&obj.path, "give at least one level a weight above 0");
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
                        self.report(
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
        let items = self.list(root, "causes")?;
        let path = root.at("causes");
        let mut ids = Ids::default();
        let mut causes = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, value) in items.iter().enumerate() {
            let Some(obj) = self.object(value, item(&path, i), &["id", "name", "summary", "term"])
            else {
                ok = false;
                continue;
            };
            let id = self.id(&obj, "id");
            if let Some(id) = &id {
                self.register(&mut ids, id, i, &obj.at("id"));
            }
            let name = self.text(&obj, "name");
            let summary = self.text(&obj, "summary");
            let term = self
                .required(&obj, "term")
                .and_then(|v| self.term_ref(names, v, &obj.at("term")));
            if let Some(questions) = questions {
                let fed = questions
                    .iter()
                    .flat_map(|q| &q.options)
                    .any(|o| match &o.effect {
                        Effect::Behaviour { causes, .. } => causes.iter().any(|(c, _)| c.0 == i),
                        Effect::Title(_) => false,
                    });
                if !fed {
                    self.report(
                        &obj.path,
                        "no option points to this cause; add it to some option's `causes`",
                    );
                    ok = false;
                }
            }
            match (id, name, summary, term) {
                (Some(id), Some(name), Some(summary), Some(term)) => causes.push(Cause {
                    id,
                    name,
                    summary,
                    term,
                }),
                _ => ok = false,
            }
        }
        ok.then_some(causes)
    }

    fn verdicts(&mut self, root: &Obj, names: &Names) -> Option<VerdictTexts> {
        let items = self.list(root, "verdicts")?;
        let path = root.at("verdicts");
        let mut slots: [Option<VerdictText>; 9] = Default::default();
        let mut first_at: [Option<usize>; 9] = [None; 9];
        let mut ok = true;
        for (i, value) in items.iter().enumerate() {
            let Some(obj) = self.object(
                value,
                item(&path, i),
                &["verdict", "title", "operating", "headline", "body", "terms"],
            ) else {
                ok = false;
                continue;
            };
            let verdict = self.required(&obj, "verdict").and_then(|v| {
                let id = self.string_value(v, &obj.at("verdict"))?;
                let verdict = Verdict::from_id(&id);
                if verdict.is_none() {
                    self.report(
                        &obj.at("verdict"),
                        format!("unknown verdict \"{id}\"; use aligned, incomplete-promotion or ahead-of-title"),
                    );
                }
                verdict
            });
            let title = self
                .required(&obj, "title")
                .and_then(|v| self.level_id(v, &obj.at("title")));
            let operating = self
                .required(&obj, "operating")
                .and_then(|v| self.level_id(v, &obj.at("operating")));
            let headline = self.text(&obj, "headline");
            let body = self.text(&obj, "body");
            let terms = self.term_list(&obj, names);
            let (Some(verdict), Some(title), Some(operating)) = (verdict, title, operating) else {
                ok = false;
                continue;
            };
            let expected = Verdict::between(title, operating);
            let slot = title.index() * 3 + operating.index();
            if verdict != expected {
                self.report(
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
                first_at[slot].get_or_insert(i);
                ok = false;
                continue;
            }
            if let Some(first) = first_at[slot] {
                self.report(
                    &obj.path,
                    format!(
                        "repeats the text for title {} with work at {} (first at {})",
                        title.id(),
                        operating.id(),
                        item(&path, first)
                    ),
                );
                ok = false;
                continue;
            }
            first_at[slot] = Some(i);
            match (headline, body, terms) {
                (Some(headline), Some(body), Some(terms)) => {
                    slots[slot] = Some(VerdictText {
                        headline,
                        body,
                        terms,
                    })
                }
                _ => ok = false,
            }
        }
        for title in Level::ALL {
            for operating in Level::ALL {
                if first_at[title.index() * 3 + operating.index()].is_none() {
                    self.report(
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
        <[VerdictText; 9]>::try_from(texts).ok().map(VerdictTexts)
    }

    fn term_list(&mut self, obj: &Obj, names: &Names) -> Option<Vec<TermRef>> {
        let Some(value) = obj.get("terms") else {
            return Some(Vec::new());
        };
        let path = obj.at("terms");
        let Json::Array(items) = value else {
            self.report(
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
        let Some(w) = self.object(
            value,
            obj.at("when"),
            &["options", "causes", "verdicts", "operating", "title"],
        ) else {
            return Err(());
        };
        let mut when = When::default();
        let mut ok = true;
        for key in ["options", "causes", "verdicts", "operating", "title"] {
            let Some(value) = w.get(key) else { continue };
            let path = w.at(key);
            let Json::Array(items) = value else {
                self.report(
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
                let found = match key {
                    "options" => names.options.get(&id).map(|r| when.options.push(*r)),
                    "causes" => names
                        .causes
                        .get(&id)
                        .map(|c| when.causes.push(CauseRef(*c))),
                    "verdicts" => Verdict::from_id(&id).map(|v| when.verdicts.push(v)),
                    "operating" => Level::from_id(&id).map(|l| when.operating.push(l)),
                    _ => Level::from_id(&id).map(|l| when.title.push(l)),
                };
                if found.is_none() {
                    let what = match key {
                        "options" => "option",
                        "causes" => "cause",
                        "verdicts" => "verdict",
                        _ => "level",
                    };
                    self.report(&here, format!("unknown {what} \"{id}\""));
                    ok = false;
                }
            }
        }
        if ok && when == When::default() {
            self.report(
                &w.path,
                "has no conditions; remove `when` to make this apply to everyone",
            );
            ok = false;
        }
        if ok {
            Ok(Some(when))
        } else {
            Err(())
        }
    }

    fn patterns(&mut self, root: &Obj, names: &Names) -> Option<Vec<Pattern>> {
        let items = self.list(root, "patterns")?;
        let path = root.at("patterns");
        let mut ids = Ids::default();
        let mut patterns = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, value) in items.iter().enumerate() {
            let Some(obj) = self.object(value, item(&path, i), &["id", "kind", "text", "when"])
            else {
                ok = false;
                continue;
            };
            let id = self.id(&obj, "id");
            if let Some(id) = &id {
                self.register(&mut ids, id, i, &obj.at("id"));
            }
            let kind = self.required(&obj, "kind").and_then(|v| {
                match self.string_value(v, &obj.at("kind")).as_deref() {
                    Some("constructive") => Some(PatternKind::Constructive),
                    Some("destructive") => Some(PatternKind::Destructive),
                    Some(other) => {
                        self.report(
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
            let text = self.text(&obj, "text");
            let when = self.when(&obj, names);
            match (id, kind, text, when) {
                (Some(id), Some(kind), Some(text), Ok(when)) => patterns.push(Pattern {
                    id,
                    kind,
                    text,
                    when,
                }),
                _ => ok = false,
            }
        }
        ok.then_some(patterns)
    }

    fn next_steps(&mut self, root: &Obj, names: &Names) -> Option<Vec<NextStep>> {
        let items = self.list(root, "next_steps")?;
        let path = root.at("next_steps");
        let mut ids = Ids::default();
        let mut steps = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, value) in items.iter().enumerate() {
            let Some(obj) = self.object(value, item(&path, i), &["id", "title", "body", "when"])
            else {
                ok = false;
                continue;
            };
            let id = self.id(&obj, "id");
            if let Some(id) = &id {
                self.register(&mut ids, id, i, &obj.at("id"));
            }
            let title = self.text(&obj, "title");
            let body = self.text(&obj, "body");
            let when = self.when(&obj, names);
            match (id, title, body, when) {
                (Some(id), Some(title), Some(body), Ok(when)) => steps.push(NextStep {
                    id,
                    title,
                    body,
                    when,
                }),
                _ => ok = false,
            }
        }
        let general = steps.iter().filter(|s| s.when.is_none()).count();
        if ok && general < crate::score::MIN_STEPS {
            self.report(
                &path,
                format!(
                    "needs at least {} general steps (without `when`) so every result gets {}; found {general}",
                    crate::score::MIN_STEPS,
                    crate::score::MIN_STEPS
                ),
            );
            ok = false;
        }
        ok.then_some(steps)
    }

    fn cta(&mut self, root: &Obj) -> Option<Cta> {
        let value = self.required(root, "cta")?;
        let obj = self.object(value, root.at("cta"), &["heading", "body", "label", "href"])?;
        let heading = self.text(&obj, "heading");
        let body = self.text(&obj, "body");
        let label = self.text(&obj, "label");
        let href = self.text(&obj, "href").filter(|href| match crate::link_scheme(href) {
            Some(scheme) if !crate::SAFE_SCHEMES.contains(&scheme.as_str()) => {
                self.report(
                    &obj.at("href"),
                    format!("links may be http, https, mailto or tel addresses, a path or a #fragment; \"{scheme}:\" is not allowed"),
                );
                false
            }
            _ => true,
        });
        // One pattern, not a `?` per field (see `content`).
        let (Some(heading), Some(body), Some(label), Some(href)) = (heading, body, label, href)
        else {
            return None;
        };
        Some(Cta {
            heading,
            body,
            label,
            href,
        })
    }

    fn ui(&mut self, root: &Obj) -> Option<Ui> {
        let value = self.required(root, "ui")?;
        let keys: Vec<&str> = Ui::KEYS.iter().map(|(key, _)| *key).collect();
        let obj = self.object(value, root.at("ui"), &keys)?;
        let mut ui = Ui::default();
        let mut ok = true;
        for (key, placeholders) in Ui::KEYS {
            let Some(text) = self.text(&obj, key) else {
                ok = false;
                continue;
            };
            for placeholder in *placeholders {
                if !text.contains(placeholder) {
                    self.report(&obj.at(key), format!("must contain {placeholder}"));
                    ok = false;
                }
            }
            ui.set(key, text);
        }
        ok.then_some(ui)
    }

    /// Reports each level that no combination of answers can make the operating level.
    fn check_levels_reachable(&mut self, questions: &[Question]) {
        for level in Level::ALL {
            if !crate::score::reachable(questions, level) {
                self.report(
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
