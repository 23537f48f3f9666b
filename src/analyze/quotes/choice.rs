//! Speaker choice: the rules' pick and the others a quotation may belong
//! to (its sentence's subject, a speech cue elsewhere in its sentence, the
//! sentence before, the paragraph's last speaker, the last quotation's
//! speaker), each scored by a logistic model fitted on polnear-train by
//! scripts/fit_speaker.py. The best scoring one speaks; a quotation the
//! rules leave without a speaker gets one only when the model is confident.

use super::entities::{People, Resolved};
use super::speaker_weights::{BIAS, MIN_LOG_ODDS, WEIGHTS};

/// Where a candidate came from (bits of `Candidate::origins`).
#[derive(Clone, Copy, Debug)]
pub enum Origin {
    Rule = 1,
    Subject = 2,
    Cue = 4,
    Previous = 8,
    ParaLast = 16,
    PrevBlockLast = 32,
    PrevQuote = 64,
    /// The name nearest before the quotation in its sentence.
    NameBefore = 128,
    /// The name nearest after it in its sentence.
    NameAfter = 256,
    /// The sentence's first name.
    NameFirst = 512,
    /// The last name of the paragraph before the sentence.
    NameRecent = 1024,
}

/// How the rules found their pick.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Path {
    /// A speech cue or a colon lead in the quotation's own sentence.
    Sentence,
    /// Only the sentence's first phrase, with no speech cue.
    Weak,
    /// A sentence or paragraph before the quotation.
    Outside,
    /// Goes on with the speaker of the quotation just before.
    AfterQuote,
    /// Goes on with the paragraph's last speaker.
    Carry,
}

/// What the choice knows of the quotation itself.
#[derive(Clone, Copy, Debug)]
pub struct Context {
    pub path: Path,
    /// A sentence of its own.
    pub alone: bool,
    /// Opens its sentence.
    pub opens: bool,
    /// A fragment inside the writer's sentence.
    pub partial: bool,
    /// The sentence holds a speech cue.
    pub cue: bool,
    /// Someone spoke earlier in the paragraph.
    pub spoke_in_block: bool,
    /// The rules' pick was written as a pronoun, or as a description.
    pub rule_pronoun: bool,
    pub rule_description: bool,
}

#[derive(Clone, Debug)]
pub struct Candidate {
    pub who: Resolved,
    origins: u16,
    /// Bytes between the quotation and the nearest mention in its sentence.
    distance: Option<usize>,
    /// Named as a subject where it was found.
    as_subject: bool,
    /// The sentence's subject stands before the quotation.
    subject_before: bool,
}

impl Candidate {
    fn has(&self, o: Origin) -> bool {
        self.origins & o as u16 != 0
    }
}

/// Read by scripts/fit_speaker.py; the tests check the table against it.
#[cfg(test)]
pub const FEATURE_NAMES: &[&str] = &[
    "rule",
    "rule_weak",
    "rule_carry",
    "rule_after_quote",
    "rule_outside",
    "subject",
    "subject_before",
    "cue",
    "previous",
    "para_last",
    "prev_block_last",
    "prev_quote",
    "origins",
    "description",
    "one_word",
    "log_mentions",
    "log_subject_mentions",
    "spoke",
    "alone_para_last",
    "alone_previous",
    "opens_para_last",
    "partial_rule",
    "partial_subject",
    "no_cue_subject",
    "alone_prev_block_last",
    "cue_rule",
    "name_before",
    "name_after",
    "name_first",
    "name_recent",
    "log_distance",
    "as_subject",
    "alone_name_recent",
    "rule_pronoun",
    "rule_description",
    "rule_log_distance",
    "mixed_case",
    "words",
];

pub const N: usize = 38;

/// The candidates of one quotation, one per person or body.
#[derive(Default)]
pub struct Pool {
    pub candidates: Vec<Candidate>,
}

impl Pool {
    pub fn add(&mut self, who: Option<Resolved>, origin: Origin, subject_before: bool) {
        self.add_found(who, origin, subject_before, None, false);
    }

    /// A candidate found at `distance` bytes from the quotation, perhaps
    /// named as a subject there.
    pub fn add_found(
        &mut self,
        who: Option<Resolved>,
        origin: Origin,
        subject_before: bool,
        distance: Option<usize>,
        as_subject: bool,
    ) {
        let Some(who) = who else { return };
        let key = |r: &Resolved| r.canonical.to_lowercase();
        let k = key(&who);
        if let Some(c) = self.candidates.iter_mut().find(|c| key(&c.who) == k) {
            c.origins |= origin as u16;
            c.subject_before |= subject_before;
            c.as_subject |= as_subject;
            c.distance = match (c.distance, distance) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            // The rules' form of the name wins.
            if matches!(origin, Origin::Rule) {
                c.who = who;
            }
            return;
        }
        self.candidates.push(Candidate {
            who,
            origins: origin as u16,
            subject_before,
            distance,
            as_subject,
        });
    }

    /// The features of candidate `c` (the order of FEATURE_NAMES).
    pub fn features(c: &Candidate, ctx: &Context, people: &People) -> [f64; N] {
        let b = |x: bool| if x { 1.0 } else { 0.0 };
        let rule = c.has(Origin::Rule);
        let (mentions, subjects, spoke) = people.salience(&c.who.canonical);
        let name = &c.who.speaker;
        [
            b(rule),
            b(rule && ctx.path == Path::Weak),
            b(rule && ctx.path == Path::Carry),
            b(rule && ctx.path == Path::AfterQuote),
            b(rule && ctx.path == Path::Outside),
            b(c.has(Origin::Subject)),
            b(c.has(Origin::Subject) && c.subject_before),
            b(c.has(Origin::Cue)),
            b(c.has(Origin::Previous)),
            b(c.has(Origin::ParaLast)),
            b(c.has(Origin::PrevBlockLast)),
            b(c.has(Origin::PrevQuote)),
            f64::from(c.origins.count_ones()),
            b(name.starts_with(char::is_lowercase)),
            b(!name.contains(' ')),
            (1.0 + mentions as f64).ln(),
            (1.0 + subjects as f64).ln(),
            b(spoke),
            b(ctx.alone && c.has(Origin::ParaLast)),
            b(ctx.alone && c.has(Origin::Previous)),
            b(ctx.opens && c.has(Origin::ParaLast)),
            b(ctx.partial && rule),
            b(ctx.partial && c.has(Origin::Subject)),
            b(!ctx.cue && c.has(Origin::Subject)),
            b(ctx.alone && !ctx.spoke_in_block && c.has(Origin::PrevBlockLast)),
            b(ctx.cue && rule),
            b(c.has(Origin::NameBefore)),
            b(c.has(Origin::NameAfter)),
            b(c.has(Origin::NameFirst)),
            b(c.has(Origin::NameRecent)),
            c.distance.map_or(0.0, |d| (1.0 + d as f64 / 8.0).ln()),
            b(c.as_subject),
            b(ctx.alone && c.has(Origin::NameRecent)),
            b(rule && ctx.rule_pronoun),
            b(rule && ctx.rule_description),
            if rule {
                c.distance.map_or(0.0, |d| (1.0 + d as f64 / 8.0).ln())
            } else {
                0.0
            },
            b(mixed_case(name)),
            name.split(' ').count().min(6) as f64,
        ]
    }

    /// The log-odds that candidate `c` is the speaker.
    pub fn score(c: &Candidate, ctx: &Context, people: &People) -> f64 {
        let f = Self::features(c, ctx, people);
        BIAS + f.iter().zip(WEIGHTS).map(|(x, w)| x * w).sum::<f64>()
    }

    /// The best scoring candidate; without a pick of the rules, only one
    /// the model is confident of.
    pub fn choose(self, ctx: &Context, people: &People) -> Option<Resolved> {
        let rule = self.candidates.iter().any(|c| c.has(Origin::Rule));
        let (best, score) = self
            .candidates
            .into_iter()
            .map(|c| {
                let s = Self::score(&c, ctx, people);
                (c, s)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))?;
        (rule || score >= MIN_LOG_ODDS).then_some(best.who)
    }
}

/// A capitalised phrase with lowercase words of length in it ("The
/// rejection of the party’s"): rarely a name.
fn mixed_case(name: &str) -> bool {
    name.starts_with(char::is_uppercase)
        && name
            .split(' ')
            .skip(1)
            .any(|w| w.chars().count() > 3 && w.starts_with(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(path: Path) -> Context {
        Context {
            path,
            alone: false,
            opens: false,
            partial: false,
            cue: true,
            spoke_in_block: true,
            rule_pronoun: false,
            rule_description: false,
        }
    }

    fn who(name: &str) -> Option<Resolved> {
        Some(Resolved::same(name.to_string()))
    }

    #[test]
    fn a_speech_cue_in_the_sentence_outweighs_the_last_speaker() {
        let mut pool = Pool::default();
        pool.add_found(who("Mara Quist"), Origin::Rule, false, Some(4), false);
        pool.add(who("Tom Dorn"), Origin::ParaLast, false);
        pool.add(who("Tom Dorn"), Origin::PrevQuote, false);
        let people = People::default();
        let got = pool.choose(&ctx(Path::Sentence), &people);
        assert_eq!(got, who("Mara Quist"));
    }

    #[test]
    fn candidates_merge_by_name_and_the_rules_form_wins() {
        let mut pool = Pool::default();
        pool.add(who("Quist"), Origin::Subject, true);
        pool.add(who("quist"), Origin::Rule, false);
        assert_eq!(pool.candidates.len(), 1);
        let c = &pool.candidates[0];
        assert!(c.has(Origin::Subject) && c.has(Origin::Rule));
        assert_eq!(c.who.speaker, "quist");
    }

    #[test]
    fn without_a_pick_a_weak_guess_gives_no_speaker() {
        // Only the sentence's opening phrase, a fragment in capitals, with
        // no speech cue anywhere: nobody the model is confident of.
        let mut pool = Pool::default();
        pool.add(
            who("The rejection of the party’s"),
            Origin::NameFirst,
            false,
        );
        let weak = Context {
            cue: false,
            spoke_in_block: false,
            ..ctx(Path::Carry)
        };
        assert_eq!(pool.choose(&weak, &People::default()), None);
        assert!(mixed_case("The rejection of the party’s"));
        assert!(!mixed_case("Enrique Peña Nieto"));
    }

    #[test]
    fn the_weights_table_fits_the_features() {
        assert_eq!(FEATURE_NAMES.len(), N);
        assert_eq!(WEIGHTS.len(), N);
        let mut unique = FEATURE_NAMES.to_vec();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), N, "feature names repeat");
        assert!(WEIGHTS.iter().all(|w| w.is_finite()) && BIAS.is_finite());
    }
}
