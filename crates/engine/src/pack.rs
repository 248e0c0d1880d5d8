//! Packed content: validated [`Content`] as compact bytes, and back.
//!
//! Checking a content file takes the whole loader (every rule, every message); reading
//! content that was already checked takes only this. So content is checked once, where
//! it is written (at build time for the bundle's languages, or by
//! the on-demand checker for a marketer's own file), and the widget only unpacks.
//!
//! Layout: the magic `LQC1` and a 4-byte fingerprint of the layout ([`HEADER`]), then
//! every field in declaration order. Numbers and lengths
//! are unsigned LEB128; strings are a length and UTF-8; an `Option` is a 0/1 byte and the
//! value; a list is a count and its items; enums are one byte.
//!
//! [`unpack`] never panics and never trusts its input: a wrong magic, a truncated or
//! padded buffer, bad UTF-8, an unknown enum byte, a reference to a term, cause or option
//! that does not exist, or a quiz outside the limits the share codes need all give
//! `None`.

use crate::model::*;
use crate::share::{push_leb128, read_leb128};
use crate::Ui;
use crate::{MAX_OPTIONS, MAX_QUESTIONS};

/// The first bytes of packed content (format 1).
pub const MAGIC: &[u8; 4] = b"LQC1";

/// What the fields below look like. Bump it with any change to what `put` writes; the
/// interface keys are fingerprinted on their own, as they change most often.
const LAYOUT: &str = "layout 7 (rungs, context, horizon, when gates, verdict variants, cta variants): content, intro, ui, levels, questions, causes, verdicts, patterns, steps, terms, cta; result texts: causes, verdicts, terms, patterns, steps, levels, result and lead ui, cta and its variants";

/// [`MAGIC`], then FNV-1a (32 bits, little endian) over [`LAYOUT`] and every interface
/// key in order. A file packed by another release (a stale CDN copy of a language
/// file, say) starts differently, so it is refused whole instead of being read with
/// shifted fields.
pub const HEADER: [u8; 8] = {
    let mut hash = fnv1a(0x811c_9dc5, LAYOUT.as_bytes());
    let mut i = 0;
    while i < Ui::KEYS.len() {
        hash = fnv1a(hash, Ui::KEYS[i].0.as_bytes());
        hash = fnv1a(hash, b",");
        i += 1;
    }
    let h = hash.to_le_bytes();
    [
        MAGIC[0], MAGIC[1], MAGIC[2], MAGIC[3], h[0], h[1], h[2], h[3],
    ]
};

const fn fnv1a(mut hash: u32, bytes: &[u8]) -> u32 {
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u32;
        hash = hash.wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}

/// Content as bytes for [`unpack`].
pub fn pack(content: &Content) -> Vec<u8> {
    let mut out = Writer(HEADER.to_vec());
    content.put(&mut out);
    out.0
}

/// Content from bytes made by [`pack`]; `None` when they are not such bytes.
pub fn unpack(bytes: &[u8]) -> Option<Content> {
    let mut reader = Reader {
        bytes: bytes.strip_prefix(&HEADER)?,
        ok: true,
    };
    let content = Content::get(&mut reader);
    (reader.ok && reader.bytes.is_empty() && references_hold(&content)).then_some(content)
}

/// The texts only the result screen and the lead form show, in a fixed order: cause
/// names and summaries, verdict headlines and bodies (the pairs', then the variants'),
/// rung names, jobs, failures and trades, the horizon's name and body, term names and
/// definitions,
/// pattern texts, next-step titles and bodies, level names, the result's
/// and the lead form's interface strings, and the call to action. They travel apart
/// from the quiz ([`split_result_texts`]), with the result's code: the result already
/// waits for that code, so waiting for its texts too costs the visitor nothing, and
/// the download before the first question stays small. Every question's texts stay
/// with the quiz. A change here changes the format: bump [`LAYOUT`].
fn result_texts(content: &mut Content) -> Vec<&mut String> {
    let mut texts = Vec::new();
    for cause in &mut content.causes {
        texts.extend([&mut cause.name, &mut cause.summary]);
    }
    for verdict in &mut content.verdicts.pairs {
        texts.extend([&mut verdict.headline, &mut verdict.body]);
    }
    for variant in &mut content.verdicts.variants {
        texts.extend([&mut variant.text.headline, &mut variant.text.body]);
    }
    for rung in &mut content.rungs {
        texts.extend([
            &mut rung.name,
            &mut rung.job,
            &mut rung.failure,
            &mut rung.trade,
        ]);
    }
    if let Some(horizon) = &mut content.horizon {
        texts.extend([&mut horizon.name, &mut horizon.body]);
    }
    for term in &mut content.terms {
        texts.extend([&mut term.name, &mut term.definition]);
    }
    for pattern in &mut content.patterns {
        texts.push(&mut pattern.text);
    }
    for step in &mut content.next_steps {
        texts.extend([&mut step.title, &mut step.body]);
    }
    for level in &mut content.levels {
        texts.push(&mut level.name);
    }
    let ui = &mut content.ui;
    texts.extend([
        &mut ui.result_eyebrow,
        &mut ui.profile_heading,
        &mut ui.profile_summary,
        &mut ui.title_marker,
        &mut ui.causes_heading,
        &mut ui.causes_none,
        &mut ui.cause_strong,
        &mut ui.cause_some,
        &mut ui.steps_heading,
        &mut ui.constructive_heading,
        &mut ui.destructive_heading,
        &mut ui.terms_heading,
        &mut ui.restart,
        &mut ui.share_button,
        &mut ui.share_copied,
        &mut ui.share_manual,
        &mut ui.print_button,
        &mut ui.lead_heading,
        &mut ui.lead_body,
        &mut ui.lead_name,
        &mut ui.lead_email,
        &mut ui.lead_consent,
        &mut ui.lead_submit,
        &mut ui.lead_skip,
        &mut ui.lead_open,
        &mut ui.lead_name_required,
        &mut ui.lead_email_invalid,
        &mut ui.lead_consent_required,
        &mut ui.lead_sent,
        &mut ui.lead_failed,
        &mut ui.lead_retry,
        &mut ui.earlier_moved,
        &mut ui.earlier_same,
        &mut ui.earlier_marker,
        &mut ui.earlier_forget,
        &mut ui.earlier_forgotten,
    ]);
    let cta = &mut content.cta;
    texts.extend([
        &mut cta.heading,
        &mut cta.body,
        &mut cta.label,
        &mut cta.href,
    ]);
    for variant in &mut cta.variants {
        texts.extend([
            &mut variant.heading,
            &mut variant.body,
            &mut variant.label,
            &mut variant.href,
        ]);
    }
    texts
}

/// Content in two parts: the same content with every text of [`result_texts`] left
/// empty (for [`pack`]: the intro and every question, all a session needs to run and
/// score), and those texts for [`fill_result_texts`]: [`HEADER`], the content's id,
/// version and language (whose texts they are), then the texts in their own order.
pub fn split_result_texts(content: &Content) -> (Content, Vec<u8>) {
    let mut quiz = content.clone();
    let mut out = Writer(HEADER.to_vec());
    whose(content).put(&mut out);
    for text in result_texts(&mut quiz) {
        std::mem::take(text).put(&mut out);
    }
    (quiz, out.0)
}

/// Which content a set of result texts belongs to.
fn whose(content: &Content) -> ((String, u32), String) {
    (
        (content.id.clone(), content.version),
        content.language.clone(),
    )
}

/// Puts back the texts [`split_result_texts`] took out; false (and `content`
/// unchanged) when `texts` are not this content's (another quiz, version, language or
/// release), or do not hold exactly one text for each.
pub fn fill_result_texts(content: &mut Content, texts: &[u8]) -> bool {
    let Some(bytes) = texts.strip_prefix(&HEADER) else {
        return false;
    };
    let mut reader = Reader { bytes, ok: true };
    let owner = <((String, u32), String)>::get(&mut reader);
    let mut filled = content.clone();
    for text in result_texts(&mut filled) {
        *text = String::get(&mut reader);
    }
    let fits = reader.ok && reader.bytes.is_empty() && owner == whose(content);
    if fits {
        *content = filled;
    }
    fits
}

/// Whether the result's texts were left out ([`split_result_texts`]). Checked on the
/// verdict headlines, which checked content never leaves empty.
pub fn lacks_result_texts(content: &Content) -> bool {
    content
        .verdicts
        .pairs
        .iter()
        .all(|verdict| verdict.headline.is_empty())
}

/// What the rest of the engine indexes without checking: every reference points at
/// something that exists, and the quiz fits the share codes' limits.
fn references_hold(content: &Content) -> bool {
    let terms = content.terms.len();
    let causes = content.causes.len();
    let term = |t: &TermRef| t.0 < terms;
    let option = |o: &OptionRef| {
        content
            .questions
            .get(o.question)
            .is_some_and(|q| o.option < q.options.len())
    };
    let rungs = content.rungs.len();
    let rung = |r: &RungRef| r.0 < rungs;
    let conditions = |c: &Conditions| {
        c.options.iter().all(option)
            && c.causes.iter().all(|c| c.0 < causes)
            && c.rungs.iter().all(rung)
    };
    let when = |w: &Option<When>| {
        w.as_ref()
            .is_none_or(|w| conditions(&w.any) && conditions(&w.only) && conditions(&w.unless))
    };
    !content.questions.is_empty()
        && content.questions.len() <= MAX_QUESTIONS
        && content
            .questions
            .iter()
            .all(|q| (2..=MAX_OPTIONS).contains(&q.options.len()))
        && content
            .questions
            .iter()
            .flat_map(|q| &q.options)
            .all(|o| match &o.effect {
                Effect::Title(_, r) => r.as_ref().is_none_or(rung),
                Effect::Context => true,
                Effect::Behaviour { causes: list, .. } => list.iter().all(|(c, _)| c.0 < causes),
            })
        && content.levels.iter().all(|l| term(&l.term))
        && content.causes.iter().all(|c| term(&c.term))
        && content.verdicts.all().all(|v| v.terms.iter().all(term))
        && content
            .verdicts
            .variants
            .iter()
            .all(|v| v.rungs.iter().all(rung))
        && content
            .horizon
            .as_ref()
            .is_none_or(|h| h.rungs.iter().all(rung))
        && content.patterns.iter().all(|p| when(&p.when))
        && content.next_steps.iter().all(|s| when(&s.when))
        && content.cta.variants.iter().all(|v| {
            conditions(&v.when.any) && conditions(&v.when.only) && conditions(&v.when.unless)
        })
}

struct Writer(Vec<u8>);

/// Reads packed bytes. A read that cannot be done (past the end, bad UTF-8, an unknown
/// tag) gives an empty value and clears `ok`, which [`unpack`] checks once at the end:
/// no read returns early, so the wasm carries no clean-up code for half-read values.
struct Reader<'a> {
    bytes: &'a [u8],
    ok: bool,
}

impl Reader<'_> {
    fn fail<T: Default>(&mut self) -> T {
        self.ok = false;
        self.bytes = &[];
        T::default()
    }

    fn byte(&mut self) -> u8 {
        match self.bytes.split_first() {
            Some((&first, rest)) => {
                self.bytes = rest;
                first
            }
            None => self.fail(),
        }
    }

    fn number(&mut self) -> u32 {
        match read_leb128(self.bytes) {
            Some((value, rest)) => {
                self.bytes = rest;
                value
            }
            None => self.fail(),
        }
    }
}

/// A value that has a packed form.
trait Packed {
    fn put(&self, out: &mut Writer);
    fn get(from: &mut Reader) -> Self;
}

impl Packed for String {
    fn put(&self, out: &mut Writer) {
        push_leb128(&mut out.0, self.len() as u32);
        out.0.extend_from_slice(self.as_bytes());
    }
    fn get(from: &mut Reader) -> Self {
        let len = from.number() as usize;
        let Some((text, rest)) = from.bytes.split_at_checked(len) else {
            return from.fail();
        };
        from.bytes = rest;
        match std::str::from_utf8(text) {
            Ok(text) => text.to_owned(),
            Err(_) => from.fail(),
        }
    }
}

impl Packed for u32 {
    fn put(&self, out: &mut Writer) {
        push_leb128(&mut out.0, *self);
    }
    fn get(from: &mut Reader) -> Self {
        from.number()
    }
}

impl Packed for usize {
    fn put(&self, out: &mut Writer) {
        push_leb128(&mut out.0, *self as u32);
    }
    fn get(from: &mut Reader) -> Self {
        from.number() as usize
    }
}

impl Packed for u8 {
    fn put(&self, out: &mut Writer) {
        out.0.push(*self);
    }
    fn get(from: &mut Reader) -> Self {
        from.byte()
    }
}

impl<T: Packed> Packed for Option<T> {
    fn put(&self, out: &mut Writer) {
        match self {
            None => out.0.push(0),
            Some(value) => {
                out.0.push(1);
                value.put(out);
            }
        }
    }
    fn get(from: &mut Reader) -> Self {
        match from.byte() {
            0 => None,
            1 => Some(T::get(from)),
            _ => {
                from.fail::<()>();
                None
            }
        }
    }
}

impl<T: Packed> Packed for Vec<T> {
    fn put(&self, out: &mut Writer) {
        self.len().put(out);
        for item in self {
            item.put(out);
        }
    }
    fn get(from: &mut Reader) -> Self {
        let count = from.number() as usize;
        // Every item takes at least one byte: a count beyond what is left is a lie.
        if count > from.bytes.len() {
            return from.fail();
        }
        (0..count).map(|_| T::get(from)).collect()
    }
}

impl<T: Packed, const N: usize> Packed for [T; N] {
    fn put(&self, out: &mut Writer) {
        self.iter().for_each(|item| item.put(out));
    }
    fn get(from: &mut Reader) -> Self {
        std::array::from_fn(|_| T::get(from))
    }
}

impl<A: Packed, B: Packed> Packed for (A, B) {
    fn put(&self, out: &mut Writer) {
        self.0.put(out);
        self.1.put(out);
    }
    fn get(from: &mut Reader) -> Self {
        (A::get(from), B::get(from))
    }
}

/// Packs a field-less enum as its position in `ALL`.
macro_rules! packed_enum {
    ($name:ident [$($variant:ident),*]) => {
        impl Packed for $name {
            fn put(&self, out: &mut Writer) {
                out.0.push(*self as u8);
            }
            fn get(from: &mut Reader) -> Self {
                let all = [$($name::$variant),*];
                match all.get(usize::from(from.byte())) {
                    Some(value) => *value,
                    None => {
                        from.fail::<()>();
                        all[0]
                    }
                }
            }
        }
    };
}

packed_enum!(Level [Implementation, Unification, Communication]);
packed_enum!(Verdict [Aligned, IncompletePromotion, AheadOfTitle]);
packed_enum!(PatternKind [Constructive, Destructive]);

/// Packs a struct field by field, in the order given.
macro_rules! packed_struct {
    ($name:ident { $($field:ident),* }) => {
        impl Packed for $name {
            fn put(&self, out: &mut Writer) {
                $(self.$field.put(out);)*
            }
            fn get(from: &mut Reader) -> Self {
                $name { $($field: Packed::get(from)),* }
            }
        }
    };
}

/// Packs a one-field tuple struct as its field.
macro_rules! packed_newtype {
    ($name:ident) => {
        impl Packed for $name {
            fn put(&self, out: &mut Writer) {
                self.0.put(out);
            }
            fn get(from: &mut Reader) -> Self {
                $name(Packed::get(from))
            }
        }
    };
}

packed_newtype!(TermRef);
packed_newtype!(CauseRef);
packed_newtype!(RungRef);
packed_struct!(VerdictTexts { pairs, variants });
packed_struct!(VerdictVariant {
    title,
    operating,
    rungs,
    text
});
packed_struct!(OptionRef { question, option });
packed_struct!(Thresholds {
    applies,
    strong,
    close
});
packed_struct!(Rung {
    id,
    name,
    job,
    failure,
    trade
});
packed_struct!(Horizon { name, body, rungs });
packed_struct!(LevelText { name, term });
packed_struct!(Intro {
    title,
    body,
    points,
    duration,
    privacy,
    start
});
packed_struct!(Question {
    id,
    prompt,
    hint,
    options
});
packed_struct!(Choice { id, label, effect });
packed_struct!(Cause {
    id,
    name,
    summary,
    term
});
packed_struct!(VerdictText {
    headline,
    body,
    terms
});
packed_struct!(Term {
    id,
    name,
    definition
});
packed_struct!(Pattern {
    id,
    kind,
    text,
    when
});
packed_struct!(NextStep {
    id,
    title,
    body,
    when
});
packed_struct!(Conditions {
    options,
    causes,
    verdicts,
    operating,
    title,
    rungs
});
packed_struct!(When { any, only, unless });
packed_struct!(Cta {
    heading,
    body,
    label,
    href,
    variants
});
packed_struct!(CtaVariant {
    id,
    when,
    heading,
    body,
    label,
    href
});
packed_struct!(Content {
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
});

impl Packed for Effect {
    fn put(&self, out: &mut Writer) {
        match self {
            Effect::Title(level, rung) => {
                out.0.push(0);
                level.put(out);
                rung.put(out);
            }
            Effect::Behaviour { weights, causes } => {
                out.0.push(1);
                weights.put(out);
                causes.put(out);
            }
            Effect::Context => out.0.push(2),
        }
    }
    fn get(from: &mut Reader) -> Self {
        match from.byte() {
            1 => Effect::Behaviour {
                weights: Packed::get(from),
                causes: Packed::get(from),
            },
            2 => Effect::Context,
            tag => {
                if tag != 0 {
                    from.fail::<()>();
                }
                Effect::Title(Level::get(from), Packed::get(from))
            }
        }
    }
}

impl Packed for Ui {
    fn put(&self, out: &mut Writer) {
        self.fields().into_iter().for_each(|field| field.put(out));
    }
    fn get(from: &mut Reader) -> Self {
        Ui::from_each(|| String::get(from))
    }
}

#[cfg(test)]
#[cfg(feature = "json")]
mod tests {
    use super::*;
    use crate::{load_str, DEFAULT_CONTENT};

    fn content() -> Content {
        load_str(DEFAULT_CONTENT).unwrap()
    }

    #[test]
    fn round_trips_the_built_in_quiz() {
        let content = content();
        let bytes = pack(&content);
        assert_eq!(unpack(&bytes), Some(content));
    }

    #[test]
    fn is_smaller_than_the_json() {
        let bytes = pack(&content());
        assert!(
            bytes.len() * 10 < DEFAULT_CONTENT.len() * 8,
            "{} bytes",
            bytes.len()
        );
    }

    #[test]
    fn refuses_every_truncation_and_padding() {
        let bytes = pack(&content());
        for len in 0..bytes.len() {
            assert_eq!(unpack(&bytes[..len]), None, "cut at {len}");
        }
        let mut padded = bytes.clone();
        padded.push(0);
        assert_eq!(unpack(&padded), None);
    }

    #[test]
    fn refuses_a_dangling_reference() {
        let mut content = content();
        content.levels[0].term = TermRef(content.terms.len());
        assert_eq!(unpack(&pack(&content)), None);
        let mut content = self::content();
        content.next_steps[0].when = Some(When {
            unless: Conditions {
                options: vec![OptionRef {
                    question: 0,
                    option: 99,
                }],
                ..Conditions::default()
            },
            ..When::default()
        });
        assert_eq!(unpack(&pack(&content)), None);
        let mut content = self::content();
        content.next_steps[0].when = Some(When {
            only: Conditions {
                rungs: vec![RungRef(content.rungs.len())],
                ..Conditions::default()
            },
            ..When::default()
        });
        assert_eq!(unpack(&pack(&content)), None);
    }

    #[test]
    fn split_result_texts_fill_back_to_the_whole_quiz() {
        let whole = content();
        let (quiz, texts) = split_result_texts(&whole);
        assert!(lacks_result_texts(&quiz));
        assert!(!lacks_result_texts(&whole));
        // Every question travels whole with the quiz, and so does the intro.
        assert_eq!(quiz.intro, whole.intro);
        assert_eq!(quiz.questions, whole.questions);
        // What the questions and the screens before them say stays; what only the
        // result and the lead form say travels with the result's texts.
        let (before, after) = (&quiz.ui, &whole.ui);
        for (kept, original) in [
            (&before.progress, &after.progress),
            (&before.next, &after.next),
            (&before.finish, &after.finish),
            (&before.answer_required, &after.answer_required),
            (&before.link_unreadable, &after.link_unreadable),
            (&before.popup_open, &after.popup_open),
            (&before.later_loading, &after.later_loading),
            (&before.later_failed, &after.later_failed),
        ] {
            assert_eq!(kept, original);
        }
        for left_out in [
            &before.result_eyebrow,
            &before.lead_heading,
            &before.print_button,
        ] {
            assert!(left_out.is_empty());
        }
        assert!(quiz.cta.href.is_empty() && quiz.cta.label.is_empty());
        // The quiz part packs and unpacks like any content, and is much smaller.
        let packed = pack(&quiz);
        assert!(
            packed.len() + 8_000 < pack(&whole).len(),
            "{}",
            packed.len()
        );
        let mut filled = unpack(&packed).unwrap();
        assert!(fill_result_texts(&mut filled, &texts));
        assert_eq!(filled, whole);
    }

    #[test]
    fn result_texts_that_do_not_fit_are_refused_whole() {
        let (quiz, texts) = split_result_texts(&content());
        for bad in [
            &texts[..texts.len() - 1],
            &[texts.as_slice(), &[0]].concat()[..],
            &[],
        ] {
            let mut target = quiz.clone();
            assert!(!fill_result_texts(&mut target, bad));
            assert_eq!(target, quiz);
        }
        let mut bad_utf8 = texts.clone();
        *bad_utf8.last_mut().unwrap() = 0xff;
        let mut target = quiz.clone();
        assert!(!fill_result_texts(&mut target, &bad_utf8));
        // Nor do the texts of a quiz of another shape (a pattern more or less) under
        // the same id and version: their count differs.
        let mut other = content();
        other.patterns.pop();
        assert!(!fill_result_texts(
            &mut target,
            &split_result_texts(&other).1
        ));
        // Another version's (or language's) texts do not fill this one.
        let mut other = content();
        other.version += 1;
        let (_, other_texts) = split_result_texts(&other);
        let mut target = quiz.clone();
        assert!(!fill_result_texts(&mut target, &other_texts));
        // Nor do texts from another release.
        let mut stale = texts.clone();
        stale[4] ^= 1;
        assert!(!fill_result_texts(&mut target, &stale));
        assert_eq!(target, quiz);
    }

    #[test]
    fn refuses_another_magic() {
        let mut bytes = pack(&content());
        bytes[3] = b'2';
        assert_eq!(unpack(&bytes), None);
    }

    #[test]
    fn refuses_another_layout() {
        // What a file packed before a change of interface keys looks like: the same
        // magic, another fingerprint.
        let mut bytes = pack(&content());
        assert_eq!(&bytes[..8], &HEADER);
        bytes[4] ^= 1;
        assert_eq!(unpack(&bytes), None);
    }
}
