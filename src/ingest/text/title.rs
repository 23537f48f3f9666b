//! The headline by what stands around it: every short text line is a
//! candidate, scored by a logistic model over shallow features (its own
//! shape, the running text below it, bylines and dates beside it, menus
//! above it, repetition). The weights are fitted by
//! `scripts/fit_title.py` on half of dumps-dev and live in `title_weights`.

use super::keep::FormCounts;
use super::linear::{b, key_in, log_odds};
use super::meta::parse_date;
use super::title_weights::{BIAS, PAIR_WEIGHTS, PAIRS, WEIGHTS};
use super::{Dump, Kind, TITLE_MAX_CHARS, TITLE_MAX_WORDS};
use crate::ingest::clutter::ends_sentence;
use std::collections::HashMap;

/// Number of features per candidate (the length of `WEIGHTS`).
pub const N_FEATURES: usize = 41;

/// Feature names, in order (the fitting script reads them from here).
#[cfg(test)]
pub const FEATURE_NAMES: [&str; N_FEATURES] = [
    "words",
    "ln_chars",
    "ends_sentence",
    "colon_or_question",
    "capitalised_share",
    "shouting",
    "weak",
    "gap_before",
    "position",
    "candidates_before",
    "anchor_words_before",
    "anchor_words_below",
    "dist_next_anchor",
    "next_is_anchor",
    "date_below",
    "byline_below",
    "meta_above",
    "repeats",
    "repeated_earlier",
    "short_lines_above",
    "short_line_below",
    "separator",
    "digits",
    "link_like",
    "one_or_two_words",
    "title_length",
    "heuristic_pick",
    "body_overlap",
    "first_candidate",
    "standfirst_below",
    "ui_words",
    "anchor_share_after",
    "anchor_words_next20",
    "anchor_just_above",
    "glued_words",
    "has_date",
    "is_byline",
    "cell_gaps",
    "dist_main_start",
    "inside_main",
    "after_main",
];

// The dear features, filled only for candidates that may still win.
const BYLINE_BELOW: usize = 15;
const META_ABOVE: usize = 16;
const OVERLAP: usize = 27;
const STANDFIRST_BELOW: usize = 29;
const HAS_DATE: usize = 35;
const IS_BYLINE: usize = 36;
const META: [usize; 5] = [
    BYLINE_BELOW,
    META_ABOVE,
    STANDFIRST_BELOW,
    HAS_DATE,
    IS_BYLINE,
];

/// The candidate's score: the linear part plus the fitted products of
/// feature pairs (a headline's features matter together: running text
/// below counts for more where none stands above).
fn title_score(f: &[f64; N_FEATURES]) -> f64 {
    let pairs: f64 = PAIRS
        .iter()
        .zip(PAIR_WEIGHTS)
        .map(|(&(a, c), w)| w * f.get(a).unwrap_or(&0.0) * f.get(c).unwrap_or(&0.0))
        .sum();
    log_odds(BIAS, &WEIGHTS, f) + pairs
}

/// The most the `deferred` features (each between 0 and 1, still 0 in
/// `f`) can add to the score, the other features as they stand (all
/// features are non-negative).
fn headroom(f: &[f64; N_FEATURES], deferred: &[usize]) -> f64 {
    let linear: f64 = deferred
        .iter()
        .map(|&k| WEIGHTS.get(k).copied().unwrap_or(0.0).max(0.0))
        .sum();
    let mut is_deferred = [false; N_FEATURES];
    for &k in deferred {
        if let Some(d) = is_deferred.get_mut(k) {
            *d = true;
        }
    }
    let deferred = |k: usize| is_deferred.get(k).copied().unwrap_or(false);
    let pairs: f64 = PAIRS
        .iter()
        .zip(PAIR_WEIGHTS)
        .map(|(&(a, c), w)| match (deferred(a), deferred(c)) {
            (false, false) => 0.0,
            (true, true) => w.max(0.0),
            (true, false) => (w * f.get(c).unwrap_or(&0.0)).max(0.0),
            (false, true) => (w * f.get(a).unwrap_or(&0.0)).max(0.0),
        })
        .sum();
    linear + pairs
}

/// Per-dump context shared by all candidates.
pub(super) struct Context<'a> {
    /// match_form -> occurrences among live units.
    counts: FormCounts<'a>,
    /// Per unit: the first running-text unit after it.
    next_anchor: Vec<Option<usize>>,
    /// Running-text words in anchors up to each unit (exclusive).
    anchor_words_before: Vec<usize>,
    /// The previous heuristic's pick, as a feature.
    heuristic: Option<usize>,
    /// Per unit: the first unit with the same match_form.
    first_of: Vec<usize>,
    /// Lower-cased running text from the first anchor at or after each
    /// unit (about 2500 bytes), for the overlap feature.
    body_after: HashMap<usize, String>,
    /// Running-text words in the whole dump.
    anchor_words_total: usize,
    /// The main run of running text (first and last unit).
    main: Option<(usize, usize)>,
    /// Per unit: it parses as a byline (filled as candidates ask).
    bylines: HashMap<usize, bool>,
}

/// How many units from the top may hold the headline.
const TITLE_SCAN_UNITS: usize = 3000;

impl Dump {
    pub(super) fn title_context(&self, heuristic: Option<usize>) -> Context<'_> {
        let mut counts = FormCounts::with_capacity_and_hasher(self.len(), Default::default());
        let mut first = FormCounts::with_capacity_and_hasher(self.len(), Default::default());
        let mut first_of = Vec::with_capacity(self.len());
        let mut anchor_words_before = Vec::with_capacity(self.len() + 1);
        let mut acc = 0;
        for i in 0..self.len() {
            anchor_words_before.push(acc);
            if self.is_anchor(i) {
                acc += self.words(i);
            }
            if self.live(i) && self.words(i) <= TITLE_MAX_WORDS {
                let form = self.form(i);
                first_of.push(*first.entry(form).or_insert(i));
                *counts.entry(form).or_default() += 1;
            } else {
                first_of.push(i);
            }
        }
        anchor_words_before.push(acc);
        let mut next_anchor = vec![None; self.len()];
        let mut after = None;
        for i in (0..self.len()).rev() {
            next_anchor[i] = after;
            if self.is_anchor(i) {
                after = Some(i);
            }
        }
        Context {
            counts,
            next_anchor,
            anchor_words_before,
            heuristic,
            first_of,
            body_after: HashMap::new(),
            anchor_words_total: acc,
            main: self.main_run(),
            bylines: HashMap::new(),
        }
    }

    /// The densest run of running text: anchors no more than `MAIN_GAP`
    /// units apart, the run with the most words.
    pub(super) fn main_run(&self) -> Option<(usize, usize)> {
        const MAIN_GAP: usize = 12;
        let mut best: Option<(usize, usize, usize)> = None;
        let mut cur: Option<(usize, usize, usize)> = None;
        for i in (0..self.len()).filter(|&i| self.is_anchor(i)) {
            let w = self.words(i);
            cur = match cur {
                Some((s, e, n)) if i - e <= MAIN_GAP => Some((s, i, n + w)),
                _ => Some((i, i, w)),
            };
            if let Some(c) = cur
                && best.is_none_or(|b| c.2 > b.2)
            {
                best = Some(c);
            }
        }
        best.map(|(s, e, _)| (s, e))
    }

    /// May unit `i` be the headline at all?
    pub(super) fn title_candidate(&self, i: usize) -> bool {
        let text = self.text(i);
        let words = self.words(i);
        self.live(i)
            && matches!(self.kind(i), Kind::Text | Kind::Weak)
            && (1..=TITLE_MAX_WORDS).contains(&words)
            && text.chars().count() <= TITLE_MAX_CHARS
            && text.chars().any(char::is_alphabetic)
    }

    /// The features of candidate `i`; `rank` counts candidates before it.
    pub(super) fn title_features(
        &self,
        cx: &mut Context<'_>,
        i: usize,
        rank: usize,
    ) -> [f64; N_FEATURES] {
        let mut f = self.cheap_title_features(cx, i, rank);
        self.fill_overlap(cx, i, &mut f);
        self.fill_meta(cx, i, &mut f);
        f
    }

    /// Every feature but the dear ones (`OVERLAP`, `META`), which stay 0
    /// until `fill_overlap` and `fill_meta` compute them.
    fn cheap_title_features(&self, cx: &Context<'_>, i: usize, rank: usize) -> [f64; N_FEATURES] {
        let text = self.text(i);
        let ws = self.word_stats(i);
        let n_words = self.words(i);
        let chars = text.chars().count();
        let form = self.form(i);
        let (letters, lower) = text
            .chars()
            .filter(|c| c.is_alphabetic())
            .fold((0, false), |(n, low), c| (n + 1, low || c.is_lowercase()));
        let shouting = letters > 3 && !lower;
        let capitalised = ws.share(ws.capitalised);
        let before = cx.anchor_words_before.get(i).copied().unwrap_or(0);
        // Running text in the next units below.
        let below: Vec<usize> = self.live_after(i).take(8).collect();
        let anchor_below: usize = below
            .iter()
            .filter(|&&j| self.is_anchor(j))
            .map(|&j| self.words(j))
            .sum();
        let next_anchor = cx.next_anchor.get(i).copied().flatten();
        let dist = next_anchor.map_or(50, |j| (j - i).min(50));
        let near_below = &below[..below.len().min(5)];
        let above: Vec<usize> = self.live_before(i).take(3).collect();
        let date_below = near_below.iter().any(|&j| self.kind(j) == Kind::Date);
        let short_above = self
            .live_before(i)
            .take(5)
            .filter(|&j| self.words(j) <= 3 && !ends_sentence(self.text(j)))
            .count();
        let next_live = below.first().copied();
        let short_below = next_live.is_some_and(|j| {
            self.words(j) <= 3 && !ends_sentence(self.text(j)) && !self.is_anchor(j)
        });
        let repeats = cx.counts.get(form).copied().unwrap_or(1);
        let repeated_earlier = cx.first_of.get(i).is_some_and(|&f| f < i);
        let separator = text.contains(" | ") || text.contains(" - ") || text.contains(" – ");
        let digits = text.chars().any(|c| c.is_ascii_digit());
        let total = cx.anchor_words_total.max(1);
        let next20 = cx
            .anchor_words_before
            .get((i + 21).min(self.len()))
            .copied()
            .unwrap_or(before)
            .saturating_sub(cx.anchor_words_before.get(i + 1).copied().unwrap_or(before));
        let anchor_just_above = above.iter().any(|&j| self.is_anchor(j));
        [
            (n_words.min(40) as f64) / 10.0,
            (chars.max(1) as f64).ln(),
            b(ends_sentence(text)),
            b(text.contains(':') || text.contains('?')),
            capitalised,
            b(shouting),
            b(self.kind(i) == Kind::Weak),
            b(self.units.get(i).is_some_and(|u| u.gap_before)),
            i as f64 / self.len().max(1) as f64,
            ((rank + 1) as f64).ln(),
            ((before + 1) as f64).ln(),
            ((anchor_below + 1) as f64).ln(),
            ((dist + 1) as f64).ln(),
            b(dist == 1 || self.next_text(i).is_some_and(|j| self.is_anchor(j))),
            b(date_below),
            0.0, // byline_below (fill_meta)
            0.0, // meta_above (fill_meta)
            ((repeats.min(5)) as f64 - 1.0).max(0.0),
            b(repeated_earlier),
            short_above as f64 / 5.0,
            b(short_below),
            b(separator),
            b(digits),
            b(ws.link_like),
            b(n_words <= 2),
            b((4..=20).contains(&n_words)),
            b(cx.heuristic == Some(i)),
            0.0, // body_overlap (fill_overlap)
            b(rank == 0),
            0.0, // standfirst_below (fill_meta)
            ws.share(ws.ui),
            total.saturating_sub(before) as f64 / total as f64,
            ((next20 + 1) as f64).ln(),
            b(anchor_just_above),
            (ws.glued.min(5)) as f64 / 5.0,
            0.0, // has_date (fill_meta)
            0.0, // is_byline (fill_meta)
            b(text.contains("\u{a0}\u{a0}") || text.contains("   ") || text.contains('\t')),
            cx.main.map_or(4.0, |(s, _)| {
                if i < s {
                    ((s - i).min(60) as f64 + 1.0).ln()
                } else {
                    4.2
                }
            }),
            b(cx.main.is_some_and(|(s, e)| i > s && i < e)),
            b(cx.main.is_some_and(|(_, e)| i > e)),
        ]
    }

    /// The share of the candidate's words found in the running text below.
    fn fill_overlap(&self, cx: &mut Context<'_>, i: usize, f: &mut [f64; N_FEATURES]) {
        let next_anchor = cx.next_anchor.get(i).copied().flatten();
        f[OVERLAP] = next_anchor.map_or(0.0, |j| {
            let body = cx
                .body_after
                .entry(j)
                .or_insert_with(|| self.running_text_from(j));
            overlap_share(self.form(i), body)
        });
    }

    /// Bylines and dates in and around the candidate.
    fn fill_meta(&self, cx: &mut Context<'_>, i: usize, f: &mut [f64; N_FEATURES]) {
        let below: Vec<usize> = self.live_after(i).take(5).collect();
        let above: Vec<usize> = self.live_before(i).take(3).collect();
        // Parsing bylines is the dearest feature: once per unit per dump.
        for &j in below.iter().chain(&above).chain(std::iter::once(&i)) {
            cx.bylines.entry(j).or_insert_with(|| {
                self.kind(j) == Kind::Byline
                    || (matches!(self.kind(j), Kind::Text | Kind::Weak)
                        && self.parsed_byline(j).is_some())
            });
        }
        let bylines = &cx.bylines;
        let is_byline = |j: usize| bylines.get(&j).copied().unwrap_or(false);
        let standfirst_below = below.first().is_some_and(|&j| {
            self.kind(j) == Kind::Text && (8..=60).contains(&self.words(j)) && !is_byline(j)
        });
        f[BYLINE_BELOW] = b(below.iter().any(|&j| is_byline(j)));
        f[META_ABOVE] = b(above
            .iter()
            .any(|&j| self.kind(j) == Kind::Date || is_byline(j)));
        f[STANDFIRST_BELOW] = b(standfirst_below);
        f[HAS_DATE] = b(parse_date(self.text(i)).is_some());
        f[IS_BYLINE] = b(is_byline(i));
    }

    /// Lower-cased running text from anchor `start` on (about 400 words).
    fn running_text_from(&self, start: usize) -> String {
        let mut body = String::new();
        for j in start..self.len() {
            if self.is_anchor(j) {
                body.push_str(&self.text(j).to_lowercase());
                body.push(' ');
                if body.len() > 2500 {
                    break;
                }
            }
        }
        body
    }

    /// The best-scoring headline candidate.
    pub(super) fn score_title(&self, heuristic: Option<usize>) -> Option<usize> {
        let mut cx = self.title_context(heuristic);
        let mut best: Option<(f64, usize)> = None;
        let mut rank = 0;
        // A headline stands near the top: even dumps with long menus put it
        // within a few hundred units, and scoring every line of a huge text
        // would cost seconds for nothing.
        // Branch and bound: a candidate whose cheap features plus the most
        // the dear ones could add cannot beat the best so far is passed
        // over (the pick is the same as scoring every feature of all).
        const DEAR: [usize; 6] = [
            OVERLAP,
            BYLINE_BELOW,
            META_ABOVE,
            STANDFIRST_BELOW,
            HAS_DATE,
            IS_BYLINE,
        ];
        let beaten =
            |bound: f64, best: Option<(f64, usize)>| best.is_some_and(|(bs, _)| bound < bs - 1e-9);
        for i in 0..self.len().min(TITLE_SCAN_UNITS) {
            if !self.title_candidate(i) {
                continue;
            }
            let mut f = self.cheap_title_features(&cx, i, rank);
            rank += 1;
            if beaten(title_score(&f) + headroom(&f, &DEAR), best) {
                continue;
            }
            self.fill_overlap(&mut cx, i, &mut f);
            if beaten(title_score(&f) + headroom(&f, &META), best) {
                continue;
            }
            self.fill_meta(&mut cx, i, &mut f);
            let s = title_score(&f);
            if best.is_none_or(|(bs, _)| s > bs) {
                best = Some((s, i));
            }
        }
        self.plain_story_headline(heuristic, best.map(|(_, i)| i).or(heuristic))
    }

    /// The scorer's `pick`, or the heuristic's headline `heuristic`:
    /// a plain story opening on a short headline straight above its
    /// dek: the dek, with the byline under it, may outscore it. Only
    /// where nothing stands above the headline: in a web dump the first
    /// headline-like line is as often a menu item or a button.
    fn plain_story_headline(&self, heuristic: Option<usize>, pick: Option<usize>) -> Option<usize> {
        match (heuristic, pick) {
            (Some(h), Some(p))
                if self.next_text(h) == Some(p)
                    && (0..h).all(|j| {
                        !self.live(j) || !matches!(self.kind(j), Kind::Text | Kind::Weak)
                    })
                    && self.words(h) >= 3
                    && !ends_sentence(self.text(h))
                    && self.words(p) >= 8
                    && !ends_sentence(self.text(p))
                    && !self.is_bullet(h) =>
            {
                Some(h)
            }
            _ => pick,
        }
    }

    /// Every candidate with its features (for the fitting script).
    pub(super) fn title_feature_rows(&self) -> Vec<(String, Vec<f64>)> {
        let heuristic = self.find_title();
        let mut cx = self.title_context(heuristic);
        let mut rows = Vec::new();
        let mut rank = 0;
        for i in 0..self.len() {
            if !self.title_candidate(i) {
                continue;
            }
            let f = self.title_features(&mut cx, i, rank);
            rank += 1;
            rows.push((self.text(i).to_string(), f.to_vec()));
        }
        rows
    }
}

/// Words of page controls and site chrome, never of a headline's subject
/// alone: a line made of them is a menu, a button or a widget (sorted, for
/// `key_in`).
pub(super) const UI_WORDS: &[&str] = &[
    "about",
    "account",
    "all",
    "back",
    "blog",
    "book",
    "call",
    "cancel",
    "careers",
    "cart",
    "close",
    "comments",
    "contact",
    "content",
    "cookie",
    "cookies",
    "demo",
    "download",
    "email",
    "faq",
    "follow",
    "free",
    "get",
    "help",
    "home",
    "join",
    "language",
    "log",
    "login",
    "main",
    "menu",
    "modal",
    "more",
    "navigation",
    "newsletter",
    "next",
    "official",
    "open",
    "policy",
    "previous",
    "pricing",
    "privacy",
    "quote",
    "read",
    "register",
    "reply",
    "request",
    "resources",
    "search",
    "select",
    "share",
    "shop",
    "sign",
    "site",
    "skip",
    "started",
    "submit",
    "subscribe",
    "support",
    "terms",
    "toggle",
    "trial",
    "us",
    "view",
    "website",
    "websites",
];

pub(super) fn ui_share(words: &[&str]) -> f64 {
    let n = words.len().max(1);
    let hits = words
        .iter()
        .filter(|w| key_in(w, |c| c.is_alphanumeric(), UI_WORDS))
        .count();
    hits as f64 / n as f64
}

/// "HomeCommercial", "LiveNew": inline links glued by a paste (a lower-case
/// letter straight before an upper-case one inside a word).
pub(super) fn glued_words(words: &[&str]) -> usize {
    words.iter().filter(|w| is_glued(w)).count()
}

/// A lower-case letter right before a capital ("HomeNews").
pub(super) fn is_glued(word: &str) -> bool {
    if word.is_ascii() {
        return word
            .as_bytes()
            .windows(2)
            .any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase());
    }
    let mut prev_lower = false;
    word.chars().any(|c| {
        let glued = prev_lower && c.is_uppercase();
        prev_lower = c.is_lowercase();
        glued
    })
}

/// Share of the candidate's longer words that recur in `body`.
fn overlap_share(form: &str, body: &str) -> f64 {
    let keys: Vec<&str> = form
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .collect();
    if keys.is_empty() {
        return 0.0;
    }
    keys.iter().filter(|k| body.contains(**k)).count() as f64 / keys.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_weight_per_named_feature() {
        super::super::linear::check_table(&FEATURE_NAMES, &WEIGHTS, BIAS);
        assert_eq!(PAIRS.len(), PAIR_WEIGHTS.len());
        assert!(PAIRS.iter().all(|&(a, c)| a < c && c < N_FEATURES));
        assert!(PAIR_WEIGHTS.iter().all(|w| w.is_finite()));
    }

    /// The pruned scan picks what scoring every feature of every
    /// candidate picks (ties to the first), over all of dumps-dev.
    #[test]
    #[ignore = "reads ../shared/corpus/dumps-dev (about a minute in debug)"]
    fn pruned_pick_equals_full_scoring_on_dumps_dev() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/corpus/dumps-dev/stories");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return;
        };
        let mut n = 0;
        for e in entries.flatten() {
            let Ok(text) = std::fs::read_to_string(e.path()) else {
                continue;
            };
            let clean = super::super::sanitize(&text);
            let dump = Dump::read(&clean, None);
            let heuristic = dump.find_title();
            let mut cx = dump.title_context(heuristic);
            let mut best: Option<(f64, usize)> = None;
            let mut rank = 0;
            for i in 0..dump.len().min(TITLE_SCAN_UNITS) {
                if dump.title_candidate(i) {
                    let s = title_score(&dump.title_features(&mut cx, i, rank));
                    rank += 1;
                    if best.is_none_or(|(bs, _)| s > bs) {
                        best = Some((s, i));
                    }
                }
            }
            let full = dump.plain_story_headline(heuristic, best.map(|(_, i)| i).or(heuristic));
            assert_eq!(dump.score_title(heuristic), full, "{}", e.path().display());
            n += 1;
        }
        assert!(n > 600, "only {n} dumps read");
    }

    #[test]
    fn ui_words_fit_the_lookup_key() {
        use super::super::linear::KEY_BYTES;
        assert!(UI_WORDS.iter().all(|w| w.len() <= KEY_BYTES));
        assert!(UI_WORDS.is_sorted());
    }

    #[test]
    fn dear_feature_indices_name_the_dear_features() {
        assert_eq!(FEATURE_NAMES[BYLINE_BELOW], "byline_below");
        assert_eq!(FEATURE_NAMES[META_ABOVE], "meta_above");
        assert_eq!(FEATURE_NAMES[OVERLAP], "body_overlap");
        assert_eq!(FEATURE_NAMES[STANDFIRST_BELOW], "standfirst_below");
        assert_eq!(FEATURE_NAMES[HAS_DATE], "has_date");
        assert_eq!(FEATURE_NAMES[IS_BYLINE], "is_byline");
    }
}
