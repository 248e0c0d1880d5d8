//! The validated content model: what a loaded quiz is made of.
//!
//! Values of these types only come out of [`crate::load`] (which checks every rule) or
//! [`crate::unpack`] (which reads what `load` accepted and checks that every reference
//! still holds), so every reference in them (a term, a cause, an option) points at
//! something that exists.

use serde::Serialize;

/// A level of value in the marketplace that the quiz scores.
///
/// The order matters: implementation is the lowest, communication the highest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// Doing the work yourself.
    Implementation,
    /// Managing people, projects and processes.
    Unification,
    /// Stakeholders, fiscal responsibility, building business functions.
    Communication,
}

impl Level {
    /// Every level, lowest first.
    pub const ALL: [Level; 3] = [
        Level::Implementation,
        Level::Unification,
        Level::Communication,
    ];

    /// The id used in content files and outcomes.
    pub fn id(self) -> &'static str {
        match self {
            Level::Implementation => "implementation",
            Level::Unification => "unification",
            Level::Communication => "communication",
        }
    }

    /// The level with this id.
    pub fn from_id(id: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|level| level.id() == id)
    }

    /// Position from 0 (implementation) to 2 (communication).
    pub fn index(self) -> usize {
        self as usize
    }
}

/// How the level a visitor's work operates at compares with the level their title calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The work operates at the level the title calls for.
    Aligned,
    /// The work operates below the title: the title moved, the function did not.
    IncompletePromotion,
    /// The work already operates above the title.
    AheadOfTitle,
}

impl Verdict {
    /// Every verdict.
    pub const ALL: [Verdict; 3] = [
        Verdict::Aligned,
        Verdict::IncompletePromotion,
        Verdict::AheadOfTitle,
    ];

    /// The verdict for a title level and an operating level.
    pub fn between(title: Level, operating: Level) -> Verdict {
        match operating.cmp(&title) {
            std::cmp::Ordering::Equal => Verdict::Aligned,
            std::cmp::Ordering::Less => Verdict::IncompletePromotion,
            std::cmp::Ordering::Greater => Verdict::AheadOfTitle,
        }
    }

    /// The id used in content files and outcomes.
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Aligned => "aligned",
            Verdict::IncompletePromotion => "incomplete-promotion",
            Verdict::AheadOfTitle => "ahead-of-title",
        }
    }

    /// The verdict with this id.
    pub fn from_id(id: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.id() == id)
    }
}

/// Index of a term in [`Content::terms`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TermRef(pub usize);

/// Index of a cause in [`Content::causes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CauseRef(pub usize);

/// Index of a rung in [`Content::rungs`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RungRef(pub usize);

/// An option of a question, by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OptionRef {
    /// Index of the question in [`Content::questions`].
    pub question: usize,
    /// Index of the option in that question.
    pub option: usize,
}

/// A loaded, validated quiz.
#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    /// Content id, a slug; namespaces saved progress together with `version`.
    pub id: String,
    /// Content revision.
    pub version: u32,
    /// BCP 47 language tag.
    pub language: String,
    /// The language's name in itself ("English", "简体中文"), for the language switch.
    pub language_name: String,
    /// When a cause applies, and when strongly; when two levels count as close.
    pub thresholds: Thresholds,
    /// The rungs of the ladder the title question places a reader on; may be empty.
    pub rungs: Vec<Rung>,
    /// Display texts per level, indexed by [`Level::index`].
    pub levels: [LevelText; 3],
    /// The intro screen.
    pub intro: Intro,
    /// The questions; the first is always the title question.
    pub questions: Vec<Question>,
    /// The structural causes the quiz looks for.
    pub causes: Vec<Cause>,
    /// Headline and explanation for every (title, operating) pair.
    pub verdicts: VerdictTexts,
    /// Defined terms.
    pub terms: Vec<Term>,
    /// Constructive and destructive patterns.
    pub patterns: Vec<Pattern>,
    /// Candidate next steps.
    pub next_steps: Vec<NextStep>,
    /// The level beyond the three the quiz scores, shown to the rungs whose job it is.
    pub horizon: Option<Horizon>,
    /// The call to action.
    pub cta: Cta,
    /// Interface strings.
    pub ui: crate::Ui,
}

impl Content {
    /// Display texts of a level.
    pub fn level(&self, level: Level) -> &LevelText {
        &self.levels[level.index()]
    }

    /// A term by reference.
    pub fn term(&self, term: TermRef) -> Option<&Term> {
        self.terms.get(term.0)
    }

    /// A rung by reference.
    pub fn rung(&self, rung: RungRef) -> Option<&Rung> {
        self.rungs.get(rung.0)
    }
}

/// Cause thresholds, in percent of a cause's maximum possible points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    /// From this share a cause applies.
    pub applies: u8,
    /// From this share a cause applies strongly.
    pub strong: u8,
    /// Two levels whose shares differ by at most this many points are close: the
    /// result says the week is split between them. 0: never.
    pub close: u8,
}

/// A rung of the ladder: a kind of role, with the job it exists to do.
#[derive(Debug, Clone, PartialEq)]
pub struct Rung {
    /// Stable id.
    pub id: String,
    /// Display name ("Director").
    pub name: String,
    /// The job this rung exists to do.
    pub job: String,
    /// How the job goes wrong.
    pub failure: String,
    /// The trade this rung asks of someone who steps onto it.
    pub trade: String,
}

/// The level beyond the three the quiz scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Horizon {
    /// Its name.
    pub name: String,
    /// What it is and what it asks.
    pub body: String,
    /// The rungs it is shown to.
    pub rungs: Vec<RungRef>,
}

/// How a level is named to visitors.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelText {
    /// Display name.
    pub name: String,
    /// The term defining it.
    pub term: TermRef,
}

/// The intro screen's texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Intro {
    /// Heading.
    pub title: String,
    /// What the quiz reveals.
    pub body: String,
    /// What the visitor will learn, as short bullets.
    pub points: Vec<String>,
    /// How long it takes.
    pub duration: String,
    /// Where the answers go (nowhere).
    pub privacy: String,
    /// The start button.
    pub start: String,
}

/// One question.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// Stable id.
    pub id: String,
    /// The question itself.
    pub prompt: String,
    /// An optional helper line.
    pub hint: Option<String>,
    /// Its options, at least two.
    pub options: Vec<Choice>,
}

/// One option of a question.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// Stable id, unique in the content.
    pub id: String,
    /// What the visitor reads.
    pub label: String,
    /// What choosing it means for the outcome.
    pub effect: Effect,
}

/// What choosing an option means.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// A title option: the role calls for this level, and sits on this rung (when the
    /// content has rungs).
    Title(Level, Option<RungRef>),
    /// A context option: a fact about the reader (time in the role, say) that texts
    /// and steps can be chosen by; it scores nothing.
    Context,
    /// A behaviour option: points per level and per cause.
    Behaviour {
        /// Points per level, indexed by [`Level::index`], each 0 to 3, not all zero.
        weights: [u8; 3],
        /// Points per cause, each 1 to 3.
        causes: Vec<(CauseRef, u8)>,
    },
}

/// A structural cause the quiz looks for.
#[derive(Debug, Clone, PartialEq)]
pub struct Cause {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// One sentence shown when it applies.
    pub summary: String,
    /// The term defining it.
    pub term: TermRef,
}

/// The headline and explanation for one (title, operating) pair.
#[derive(Debug, Clone, PartialEq)]
pub struct VerdictText {
    /// Short headline.
    pub headline: String,
    /// A few sentences explaining the case.
    pub body: String,
    /// Terms the explanation uses.
    pub terms: Vec<TermRef>,
}

/// A verdict text for some rungs only, in place of the pair's own.
#[derive(Debug, Clone, PartialEq)]
pub struct VerdictVariant {
    /// The title level.
    pub title: Level,
    /// The operating level.
    pub operating: Level,
    /// The rungs it is for.
    pub rungs: Vec<RungRef>,
    /// Its text.
    pub text: VerdictText,
}

/// Verdict texts for all nine (title, operating) pairs, and variants for some rungs.
#[derive(Debug, Clone, PartialEq)]
pub struct VerdictTexts {
    pub(crate) pairs: [VerdictText; 9],
    pub(crate) variants: Vec<VerdictVariant>,
}

impl VerdictTexts {
    /// The text for a title level and an operating level.
    pub fn get(&self, title: Level, operating: Level) -> &VerdictText {
        &self.pairs[title.index() * 3 + operating.index()]
    }

    /// The text for a title level and an operating level on a rung: the first variant
    /// for that rung, else the pair's own.
    pub fn for_rung(&self, title: Level, operating: Level, rung: Option<RungRef>) -> &VerdictText {
        self.variants
            .iter()
            .find(|v| {
                v.title == title
                    && v.operating == operating
                    && rung.is_some_and(|rung| v.rungs.contains(&rung))
            })
            .map_or_else(|| self.get(title, operating), |v| &v.text)
    }

    /// Every text: the nine pairs', then the variants'.
    pub fn all(&self) -> impl Iterator<Item = &VerdictText> {
        self.pairs
            .iter()
            .chain(self.variants.iter().map(|v| &v.text))
    }
}

/// A defined term.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Plain definition.
    pub definition: String,
}

/// Whether a pattern is a habit to build or one to break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatternKind {
    /// A habit to adopt.
    Constructive,
    /// A pattern the answers show.
    Destructive,
}

/// A constructive or destructive pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// Stable id.
    pub id: String,
    /// Which kind.
    pub kind: PatternKind,
    /// One sentence.
    pub text: String,
    /// When it shows; always when `None`.
    pub when: Option<When>,
}

/// A next step the result can recommend.
#[derive(Debug, Clone, PartialEq)]
pub struct NextStep {
    /// Stable id.
    pub id: String,
    /// Short imperative title.
    pub title: String,
    /// What to do.
    pub body: String,
    /// When it fits; a general fallback when `None`.
    pub when: Option<When>,
}

/// Facts about a reader's outcome, in lists: options chosen, causes that apply,
/// verdicts, levels, rungs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Conditions {
    /// Options chosen.
    pub options: Vec<OptionRef>,
    /// Causes that apply.
    pub causes: Vec<CauseRef>,
    /// Verdicts reached.
    pub verdicts: Vec<Verdict>,
    /// Operating levels.
    pub operating: Vec<Level>,
    /// Title levels.
    pub title: Vec<Level>,
    /// Rungs.
    pub rungs: Vec<RungRef>,
}

impl Conditions {
    /// Whether no list names anything.
    pub fn is_empty(&self) -> bool {
        self == &Conditions::default()
    }
}

/// When a pattern or next step fits: any one of `any` matching is enough (the more
/// match, the better the fit); every list of `only` must match; nothing of `unless`
/// may.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct When {
    /// Any one matching is enough.
    pub any: Conditions,
    /// Each list that names something must match one of its items.
    pub only: Conditions,
    /// None may match.
    pub unless: Conditions,
}

/// The call to action: the default offer, and offers for some readers.
#[derive(Debug, Clone, PartialEq)]
pub struct Cta {
    /// Heading above it.
    pub heading: String,
    /// An invitation.
    pub body: String,
    /// The button's text.
    pub label: String,
    /// Where it goes by default.
    pub href: String,
    /// Offers for some readers, in the file's order: the first whose `when` fits wins
    /// over the default.
    pub variants: Vec<CtaVariant>,
}

/// A call to action for some readers. A text the file leaves out is the default's
/// (filled in when the file is loaded).
#[derive(Debug, Clone, PartialEq)]
pub struct CtaVariant {
    /// Stable id, named by the `cta` event and the lead ([`DEFAULT_CTA`] is the default's).
    pub id: String,
    /// Who it is for.
    pub when: When,
    /// Heading above it.
    pub heading: String,
    /// An invitation.
    pub body: String,
    /// The button's text.
    pub label: String,
    /// Where it goes.
    pub href: String,
}

/// The id the default call to action goes by in events and leads.
pub const DEFAULT_CTA: &str = "default";

/// The call to action one reader gets: the default's texts or a variant's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offer<'a> {
    /// The variant's id, or [`DEFAULT_CTA`].
    pub id: &'a str,
    /// Heading above it.
    pub heading: &'a str,
    /// An invitation.
    pub body: &'a str,
    /// The button's text.
    pub label: &'a str,
    /// Where it goes.
    pub href: &'a str,
}

impl Cta {
    /// The offer for a reader given the variant chosen for them (by index, as
    /// [`crate::Outcome::cta`] holds it); the default when none, or when the index is
    /// not a variant.
    pub fn offer(&self, variant: Option<usize>) -> Offer<'_> {
        match variant.and_then(|i| self.variants.get(i)) {
            Some(v) => Offer {
                id: &v.id,
                heading: &v.heading,
                body: &v.body,
                label: &v.label,
                href: &v.href,
            },
            None => Offer {
                id: DEFAULT_CTA,
                heading: &self.heading,
                body: &self.body,
                label: &self.label,
                href: &self.href,
            },
        }
    }
}
