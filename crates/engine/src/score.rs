//! Scoring: answers in, an [`Outcome`] out. Scores are derived, never stored.

use serde::Serialize;

use crate::model::*;

/// Fewest next steps a result shows.
pub const MIN_STEPS: usize = 3;
/// Most next steps a result shows.
pub const MAX_STEPS: usize = 5;
/// Most patterns of each kind a result shows.
pub const MAX_PATTERNS: usize = 4;

/// One chosen option index per question, checked against the content: complete and in range.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Answers(Vec<usize>);

impl Answers {
    /// Checks that there is exactly one valid option index per question.
    pub fn new(content: &Content, chosen: &[usize]) -> Option<Answers> {
        let fits = chosen.len() == content.questions.len()
            && chosen
                .iter()
                .zip(&content.questions)
                .all(|(&o, q)| o < q.options.len());
        fits.then(|| Answers(chosen.to_vec()))
    }

    /// Turns answers that may have gaps into complete ones, when there are none.
    pub fn from_partial(content: &Content, chosen: &[Option<usize>]) -> Option<Answers> {
        let chosen: Option<Vec<usize>> = chosen.iter().copied().collect();
        Answers::new(content, &chosen?)
    }

    /// Resolves option ids, in question order, as the CLI receives them.
    pub fn from_ids(content: &Content, ids: &[&str]) -> Result<Answers, String> {
        if ids.len() != content.questions.len() {
            return Err(format!(
                "expected {} answers (one per question), got {}",
                content.questions.len(),
                ids.len()
            ));
        }
        let mut chosen = Vec::with_capacity(ids.len());
        for (q, (id, question)) in ids.iter().zip(&content.questions).enumerate() {
            let Some(o) = question.options.iter().position(|o| o.id == *id) else {
                let valid: Vec<&str> = question.options.iter().map(|o| o.id.as_str()).collect();
                return Err(format!(
                    "answer {} is \"{id}\", which is not an option of question \"{}\" ({})",
                    q + 1,
                    question.id,
                    valid.join(", ")
                ));
            };
            chosen.push(o);
        }
        Ok(Answers(chosen))
    }

    /// The chosen option index per question.
    pub fn as_slice(&self) -> &[usize] {
        &self.0
    }

    fn chose(&self, option: OptionRef) -> bool {
        self.0.get(option.question) == Some(&option.option)
    }
}

/// A share per level, in whole percent, summing to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Profile {
    /// Implementation share.
    pub implementation: u8,
    /// Unification share.
    pub unification: u8,
    /// Communication share.
    pub communication: u8,
}

impl Profile {
    /// The share of a level.
    pub fn share(&self, level: Level) -> u8 {
        match level {
            Level::Implementation => self.implementation,
            Level::Unification => self.unification,
            Level::Communication => self.communication,
        }
    }

    /// Shares from raw totals by the largest-remainder method, so they sum to 100.
    fn from_totals(totals: [u32; 3]) -> Profile {
        let sum: u32 = totals.iter().sum::<u32>().max(1);
        let mut shares = totals.map(|t| t * 100 / sum);
        let mut left = 100 - shares.iter().sum::<u32>();
        let mut order = [0usize, 1, 2];
        // Largest remainder first; ties to the higher total, then the lower level.
        sort_by_key(&mut order, |&i| {
            (
                std::cmp::Reverse(totals[i] * 100 % sum),
                std::cmp::Reverse(totals[i]),
                i,
            )
        });
        for &i in order.iter().cycle() {
            if left == 0 {
                break;
            }
            shares[i] += 1;
            left -= 1;
        }
        Profile {
            implementation: shares[0] as u8,
            unification: shares[1] as u8,
            communication: shares[2] as u8,
        }
    }
}

/// How strongly a cause shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strength {
    /// Below the `cause_applies` threshold.
    None,
    /// At or above `cause_applies`.
    Some,
    /// At or above `cause_strong`.
    Strong,
}

impl Strength {
    /// The id used in outcomes: `none`, `some` or `strong`.
    pub fn id(self) -> &'static str {
        match self {
            Strength::None => "none",
            Strength::Some => "some",
            Strength::Strong => "strong",
        }
    }
}

/// What the answers say about one cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CauseFinding {
    /// Which cause.
    pub cause: CauseRef,
    /// Points gathered, in percent of the most the questions can give it.
    pub percent: u8,
    /// How strongly it applies.
    pub strength: Strength,
}

/// Everything a result shows, derived from content and answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Share of the answers' weight per level.
    pub profile: Profile,
    /// The level the work operates at: the largest share, ties to the lower level.
    pub operating: Level,
    /// The level the title calls for.
    pub title: Level,
    /// The rung the title sits on, when the content has rungs.
    pub rung: Option<RungRef>,
    /// How the two compare.
    pub verdict: Verdict,
    /// The other level the week is split with, when its share is within the content's
    /// `close` points of the operating level's: the call is not clear.
    pub split: Option<Level>,
    /// Every cause, strongest first (ties in content order).
    pub causes: Vec<CauseFinding>,
    /// Habits to build, best fit first.
    pub constructive: Vec<usize>,
    /// Patterns the answers show, best fit first.
    pub destructive: Vec<usize>,
    /// Three to five next steps, best fit first.
    pub next_steps: Vec<usize>,
    /// Every term the result uses, in reading order.
    pub terms: Vec<TermRef>,
    /// The call to action's variant for this reader (the first that fits), by index;
    /// `None` for the default ([`Cta::offer`]).
    pub cta: Option<usize>,
}

impl Outcome {
    /// The causes that apply, strongest first.
    pub fn applying(&self) -> impl Iterator<Item = &CauseFinding> {
        self.causes.iter().filter(|c| c.strength > Strength::None)
    }

    /// How many levels separate the title from the work (0 when aligned).
    pub fn gap(&self) -> usize {
        self.title.index().abs_diff(self.operating.index())
    }
}

/// Scores complete answers.
pub fn score(content: &Content, answers: &Answers) -> Outcome {
    let mut title = Level::Implementation;
    let mut rung = None;
    let mut totals = [0u32; 3];
    let mut cause_points = vec![0u32; content.causes.len()];
    let mut cause_max = vec![0u32; content.causes.len()];

    for (question, &chosen) in content.questions.iter().zip(answers.as_slice()) {
        let mut best = vec![0u32; content.causes.len()];
        for option in &question.options {
            if let Effect::Behaviour { causes, .. } = &option.effect {
                for (cause, points) in causes {
                    if let Some(b) = best.get_mut(cause.0) {
                        *b = (*b).max(u32::from(*points));
                    }
                }
            }
        }
        for (max, b) in cause_max.iter_mut().zip(best) {
            *max += b;
        }
        match question.options.get(chosen).map(|o| &o.effect) {
            Some(Effect::Title(level, on)) => {
                title = *level;
                rung = *on;
            }
            Some(Effect::Behaviour { weights, causes }) => {
                for (total, w) in totals.iter_mut().zip(weights) {
                    *total += u32::from(*w);
                }
                for (cause, points) in causes {
                    if let Some(p) = cause_points.get_mut(cause.0) {
                        *p += u32::from(*points);
                    }
                }
            }
            Some(Effect::Context) | None => {}
        }
    }

    let operating = top_level(totals);
    let verdict = Verdict::between(title, operating);
    let profile = Profile::from_totals(totals);
    let split = Level::ALL
        .into_iter()
        .filter(|level| *level != operating)
        .fold(None, |best: Option<Level>, level| match best {
            Some(b) if profile.share(b) >= profile.share(level) => Some(b),
            _ => Some(level),
        })
        .filter(|other| {
            content.thresholds.close > 0
                && profile
                    .share(operating)
                    .saturating_sub(profile.share(*other))
                    <= content.thresholds.close
        });

    let mut causes: Vec<CauseFinding> = cause_points
        .iter()
        .zip(&cause_max)
        .enumerate()
        .map(|(i, (&points, &max))| {
            let percent = (points * 100).checked_div(max).unwrap_or(0).min(100) as u8;
            let strength = if percent >= content.thresholds.strong {
                Strength::Strong
            } else if percent >= content.thresholds.applies {
                Strength::Some
            } else {
                Strength::None
            };
            CauseFinding {
                cause: CauseRef(i),
                percent,
                strength,
            }
        })
        .collect();
    sort_by_key(&mut causes, |c| {
        (std::cmp::Reverse(c.strength), std::cmp::Reverse(c.percent))
    });

    let facts = Facts {
        answers,
        causes: &causes,
        verdict,
        operating,
        title,
        rung,
    };
    let pick = |kind: PatternKind| {
        let candidates = content
            .patterns
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == kind)
            .filter_map(|(i, p)| match &p.when {
                None => Some((i, 0)),
                Some(when) => Some((i, facts.fit(when))).filter(|(_, fit)| *fit > 0),
            });
        ranked(candidates, MAX_PATTERNS)
    };
    let constructive = pick(PatternKind::Constructive);
    let destructive = pick(PatternKind::Destructive);

    let fitting = content
        .next_steps
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.when.as_ref().map(|w| (i, facts.fit(w))))
        .filter(|(_, fit)| *fit > 0);
    let fitting: Vec<(usize, u32)> = fitting.collect();
    let mut next_steps = ranked(fitting.iter().copied(), MAX_STEPS);
    // Every rung is its own job: when a step for the reader's rung fits but ranked below
    // the cut, it takes the last place.
    let for_rung = |i: &usize| {
        content.next_steps[*i].when.as_ref().is_some_and(|w| {
            rung.is_some_and(|r| w.any.rungs.contains(&r) || w.only.rungs.contains(&r))
        })
    };
    if !next_steps.iter().any(for_rung) {
        let best = ranked(fitting.iter().copied().filter(|(i, _)| for_rung(i)), 1);
        if let Some(&step) = best.first() {
            if next_steps.len() == MAX_STEPS {
                next_steps.pop();
            }
            next_steps.push(step);
        }
    }
    for (i, step) in content.next_steps.iter().enumerate() {
        if next_steps.len() >= MIN_STEPS {
            break;
        }
        if step.when.is_none() {
            next_steps.push(i);
        }
    }

    let mut terms = Vec::new();
    let verdict_text = content.verdicts.for_rung(title, operating, rung);
    let used = Level::ALL
        .iter()
        .map(|level| content.level(*level).term)
        .chain(verdict_text.terms.iter().copied())
        .chain(
            causes
                .iter()
                .filter(|c| c.strength > Strength::None)
                .filter_map(|c| content.causes.get(c.cause.0).map(|cause| cause.term)),
        );
    for term in used {
        if !terms.contains(&term) {
            terms.push(term);
        }
    }

    let cta = content
        .cta
        .variants
        .iter()
        .position(|variant| facts.fit(&variant.when) > 0);

    Outcome {
        profile,
        operating,
        title,
        rung,
        verdict,
        split,
        causes,
        constructive,
        destructive,
        next_steps,
        terms,
        cta,
    }
}

/// The level with the largest total; ties go to the lower level.
fn top_level(totals: [u32; 3]) -> Level {
    let mut best = Level::Implementation;
    for level in Level::ALL {
        if totals[level.index()] > totals[best.index()] {
            best = level;
        }
    }
    best
}

/// The facts a `when` is matched against.
struct Facts<'a> {
    answers: &'a Answers,
    causes: &'a [CauseFinding],
    verdict: Verdict,
    operating: Level,
    title: Level,
    rung: Option<RungRef>,
}

impl Facts<'_> {
    /// How well a `when` fits: 0 when nothing of `any` matches (if it names anything),
    /// when a list of `only` does not match, or when anything of `unless` does; more the
    /// more specific the match.
    fn fit(&self, when: &When) -> u32 {
        if !self.passes(&when.only) || self.matching(&when.unless) > 0 {
            return 0;
        }
        if when.any.is_empty() {
            // Gates alone: as specific as what they name.
            return 1 + self.matching(&when.only).min(3);
        }
        self.matching(&when.any)
    }

    /// Each list that names something matches one of its items.
    fn passes(&self, gate: &Conditions) -> bool {
        let options =
            gate.options.is_empty() || gate.options.iter().any(|o| self.answers.chose(*o));
        let causes = gate.causes.is_empty()
            || gate
                .causes
                .iter()
                .any(|c| self.strength(*c) > Strength::None);
        let verdicts = gate.verdicts.is_empty() || gate.verdicts.contains(&self.verdict);
        let operating = gate.operating.is_empty() || gate.operating.contains(&self.operating);
        let title = gate.title.is_empty() || gate.title.contains(&self.title);
        let rungs = gate.rungs.is_empty() || self.rung.is_some_and(|r| gate.rungs.contains(&r));
        options && causes && verdicts && operating && title && rungs
    }

    /// How much of `conditions` matches, weighted: an option chosen 3, a cause by its
    /// strength (3 or 2), the verdict 2, the rung 2, each level 1.
    fn matching(&self, conditions: &Conditions) -> u32 {
        let options = conditions
            .options
            .iter()
            .filter(|o| self.answers.chose(**o))
            .count() as u32
            * 3;
        let causes: u32 = conditions
            .causes
            .iter()
            .map(|c| match self.strength(*c) {
                Strength::Strong => 3,
                Strength::Some => 2,
                Strength::None => 0,
            })
            .sum();
        let verdict = u32::from(conditions.verdicts.contains(&self.verdict)) * 2;
        let operating = u32::from(conditions.operating.contains(&self.operating));
        let title = u32::from(conditions.title.contains(&self.title));
        let rung = u32::from(self.rung.is_some_and(|r| conditions.rungs.contains(&r))) * 2;
        options + causes + verdict + operating + title + rung
    }

    fn strength(&self, cause: CauseRef) -> Strength {
        self.causes
            .iter()
            .find(|f| f.cause == cause)
            .map_or(Strength::None, |f| f.strength)
    }
}

/// Indexes sorted by fit (best first, ties in content order), at most `limit`.
fn ranked(candidates: impl Iterator<Item = (usize, u32)>, limit: usize) -> Vec<usize> {
    let mut candidates: Vec<(usize, u32)> = candidates.collect();
    sort_by_key(&mut candidates, |&(i, fit)| (std::cmp::Reverse(fit), i));
    candidates.into_iter().take(limit).map(|(i, _)| i).collect()
}

/// A stable sort by key. An insertion sort: the lists sorted here are short (levels,
/// causes, patterns, next steps), and the standard library's sorts would add several
/// kilobytes of code to the wasm for each element type.
fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Whether some combination of answers makes `level` the operating level.
///
/// Tracks, question by question, every reachable pair of differences between the
/// level's total and each other level's total. Weights are at most 3, so differences
/// stay within ±3 per question: a dense grid of booleans, grown as needed, makes this
/// exact and fast even at the content limits.
pub(crate) fn reachable(questions: &[Question], level: Level) -> bool {
    let others: Vec<Level> = Level::ALL.into_iter().filter(|l| *l != level).collect();
    let reach = i64::from(crate::load::MAX_WEIGHT) * questions.len() as i64;
    let side = (2 * reach + 1) as usize;
    let cell = |a: i64, b: i64| ((a + reach) as usize) * side + (b + reach) as usize;
    let mut grid = vec![false; side * side];
    grid[cell(0, 0)] = true;
    // The box holding every reachable pair so far.
    let (mut lo, mut hi) = ((0i64, 0i64), (0i64, 0i64));
    for question in questions {
        // Distinct steps; their order does not matter.
        let mut steps: Vec<(i64, i64)> = Vec::new();
        for option in &question.options {
            if let Effect::Behaviour { weights, .. } = &option.effect {
                let own = i64::from(weights[level.index()]);
                let step = (
                    own - i64::from(weights[others[0].index()]),
                    own - i64::from(weights[others[1].index()]),
                );
                if !steps.contains(&step) {
                    steps.push(step);
                }
            }
        }
        if steps.is_empty() {
            continue;
        }
        let mut next = vec![false; side * side];
        // Flat offsets of each step; the grid is large enough that no sum leaves it.
        let offsets: Vec<isize> = steps
            .iter()
            .map(|(da, db)| (da * side as i64 + db) as isize)
            .collect();
        for a in lo.0..=hi.0 {
            let row = cell(a, lo.1);
            for (from, reached) in grid[row..=row + (hi.1 - lo.1) as usize].iter().enumerate() {
                if *reached {
                    for offset in &offsets {
                        next[(row + from).wrapping_add_signed(*offset)] = true;
                    }
                }
            }
        }
        let (min, max) = steps.iter().fold(
            ((i64::MAX, i64::MAX), (i64::MIN, i64::MIN)),
            |(lo, hi), (da, db)| {
                (
                    (lo.0.min(*da), lo.1.min(*db)),
                    (hi.0.max(*da), hi.1.max(*db)),
                )
            },
        );
        let (next_lo, next_hi) = ((lo.0 + min.0, lo.1 + min.1), (hi.0 + max.0, hi.1 + max.1));
        grid = next;
        lo = next_lo;
        hi = next_hi;
    }
    // Beat lower levels strictly; tie or beat higher ones.
    let wins = |diff: i64, other: Level| if other < level { diff > 0 } else { diff >= 0 };
    (lo.0..=hi.0).any(|a| {
        (lo.1..=hi.1).any(|b| grid[cell(a, b)] && wins(a, others[0]) && wins(b, others[1]))
    })
}

/// An outcome by ids, as the CLI prints it and analytics receive it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report<'a> {
    /// Content id.
    pub content: &'a str,
    /// Content version.
    pub version: u32,
    /// Share per level.
    pub profile: Profile,
    /// Operating level.
    pub operating_level: Level,
    /// Title level.
    pub title_level: Level,
    /// The rung's id, when the content has rungs.
    pub rung: Option<&'a str>,
    /// Verdict.
    pub verdict: Verdict,
    /// The other level the week is split with, when the call is close.
    pub split_with: Option<Level>,
    /// Levels between title and work.
    pub gap: usize,
    /// Causes that apply, strongest first.
    pub causes: Vec<CauseReport<'a>>,
    /// Next-step ids.
    pub next_steps: Vec<&'a str>,
    /// Constructive pattern ids.
    pub constructive: Vec<&'a str>,
    /// Destructive pattern ids.
    pub destructive: Vec<&'a str>,
    /// Term ids.
    pub terms: Vec<&'a str>,
    /// The call to action's variant id, or `"default"`.
    pub cta: &'a str,
}

/// One applying cause in a [`Report`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CauseReport<'a> {
    /// Cause id.
    pub id: &'a str,
    /// How strongly.
    pub strength: Strength,
    /// Share of its possible points.
    pub percent: u8,
}

impl Outcome {
    /// The outcome by ids.
    pub fn report<'a>(&self, content: &'a Content) -> Report<'a> {
        let pattern_ids = |list: &[usize]| {
            list.iter()
                .filter_map(|i| content.patterns.get(*i).map(|p| p.id.as_str()))
                .collect()
        };
        Report {
            content: &content.id,
            version: content.version,
            profile: self.profile,
            operating_level: self.operating,
            title_level: self.title,
            rung: self
                .rung
                .and_then(|r| content.rung(r))
                .map(|r| r.id.as_str()),
            verdict: self.verdict,
            split_with: self.split,
            gap: self.gap(),
            causes: self
                .applying()
                .filter_map(|f| {
                    content.causes.get(f.cause.0).map(|c| CauseReport {
                        id: &c.id,
                        strength: f.strength,
                        percent: f.percent,
                    })
                })
                .collect(),
            next_steps: self
                .next_steps
                .iter()
                .filter_map(|i| content.next_steps.get(*i).map(|s| s.id.as_str()))
                .collect(),
            constructive: pattern_ids(&self.constructive),
            destructive: pattern_ids(&self.destructive),
            terms: self
                .terms
                .iter()
                .filter_map(|t| content.term(*t).map(|t| t.id.as_str()))
                .collect(),
            cta: content.cta.offer(self.cta).id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_sums_to_100() {
        for totals in [[1, 1, 1], [0, 0, 7], [3, 5, 9], [10, 0, 1], [0, 0, 0]] {
            let p = Profile::from_totals(totals);
            let sum =
                u32::from(p.implementation) + u32::from(p.unification) + u32::from(p.communication);
            assert_eq!(sum, 100, "{totals:?} -> {p:?}");
        }
        assert_eq!(
            Profile::from_totals([1, 1, 1]),
            Profile {
                implementation: 34,
                unification: 33,
                communication: 33
            }
        );
    }

    #[test]
    fn sorts_stably_by_key() {
        let mut items = [(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut items, |&(k, _)| k);
        assert_eq!(items, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn ties_go_to_the_lower_level() {
        assert_eq!(top_level([2, 2, 1]), Level::Implementation);
        assert_eq!(top_level([1, 3, 3]), Level::Unification);
        assert_eq!(top_level([0, 0, 1]), Level::Communication);
    }
}
