//! Keep or drop each line the cleaner would put in the body: a logistic
//! model over shallow line features (its words, sentence shape, control
//! words, glued links, where it stands against the headline and the main
//! run of running text, its neighbours, repetition). Fitted by
//! `scripts/fit_keep.py` on the odd ids of dumps-dev and on polnear-train
//! (plain stories, which must keep every paragraph); weights live in
//! `keep_weights`.

use super::keep_weights::{BIAS, WEIGHTS};
use super::linear::{KEY_BYTES, b, log_odds};
use super::meta::parse_date;
use super::title::{UI_WORDS, is_glued};
use super::{Dump, Kind, Layout};
use crate::article::BlockKind;
use crate::ingest::clutter::ends_sentence;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Number of features per line (the length of `WEIGHTS`).
pub const N_FEATURES: usize = 41;

/// Feature names, in order (the fitting script reads them from here).
#[cfg(test)]
pub const FEATURE_NAMES: [&str; N_FEATURES] = [
    "ln_words",
    "ends_sentence",
    "anchor",
    "weak",
    "bullet",
    "gap_before",
    "ui_words",
    "capitalised_share",
    "glued_words",
    "digits",
    "link_like",
    "before_title",
    "dist_after_title",
    "in_main",
    "before_main",
    "after_main",
    "dist_to_main",
    "prev_anchor",
    "next_anchor",
    "repeats",
    "position",
    "after_body_end",
    "heading",
    "list_item",
    "long",
    "has_date",
    "starts_lower",
    "ends_colon",
    "anchor_share_after",
    "anchor_words_near",
    "main_anchor",
    "main_short",
    "outside_anchor",
    "after_main_sentence",
    "main_ui_words",
    "main_share",
    "title_near",
    "imperative_start",
    "second_person",
    "exclamation",
    "promo_words",
];

/// Per-dump context shared by all lines.
pub(super) struct KeepContext<'a> {
    /// match_form -> occurrences among live units.
    counts: FormCounts<'a>,
    /// Running-text words in anchors before each unit (len + 1 entries).
    anchor_words_before: Vec<usize>,
    main: Option<(usize, usize)>,
}

impl Dump {
    pub(super) fn keep_context(&self) -> KeepContext<'_> {
        let mut counts = FormCounts::with_capacity_and_hasher(self.len(), Default::default());
        let mut anchor_words_before = Vec::with_capacity(self.len() + 1);
        let mut acc = 0;
        for i in 0..self.len() {
            anchor_words_before.push(acc);
            if self.is_anchor(i) {
                acc += self.words(i);
            }
            if self.live(i) && self.words(i) <= 40 {
                *counts.entry(self.form(i)).or_default() += 1;
            }
        }
        anchor_words_before.push(acc);
        KeepContext {
            counts,
            anchor_words_before,
            main: self.main_run(),
        }
    }

    /// The features of unit `i`, about to become a block of `kind`.
    pub(super) fn keep_features(
        &self,
        cx: &KeepContext<'_>,
        layout: &Layout,
        i: usize,
        kind: BlockKind,
    ) -> [f64; N_FEATURES] {
        let text = self.text(i);
        let ws = self.word_stats(i);
        let n = self.words(i);
        let title = layout.title;
        let (before_main, in_main, after_main, dist_main) = match cx.main {
            Some((s, _)) if i < s => (true, false, false, s - i),
            Some((_, e)) if i > e => (false, false, true, i - e),
            Some(_) => (false, true, false, 0),
            None => (false, false, false, 50),
        };
        let prev = self.live_before(i).next();
        let next = self.live_after(i).next();
        let at = |k: usize| cx.anchor_words_before.get(k).copied().unwrap_or(0);
        let total = at(self.len()).max(1);
        let near = at((i + 6).min(self.len())).saturating_sub(at(i.saturating_sub(5)));
        let repeats = cx.counts.get(self.form(i)).copied().unwrap_or(1);
        [
            ((n + 1) as f64).ln(),
            b(ends_sentence(text)),
            b(self.is_anchor(i)),
            b(self.kind(i) == Kind::Weak),
            b(self.is_bullet(i)),
            b(self.units.get(i).is_some_and(|u| u.gap_before)),
            ws.share(ws.ui),
            ws.share(ws.capitalised),
            (ws.glued.min(5)) as f64 / 5.0,
            b(text.chars().any(|c| c.is_ascii_digit())),
            b(ws.link_like),
            b(title.is_some_and(|t| i < t)),
            title.map_or(0.0, |t| {
                if i > t {
                    ((i - t).min(200) as f64).ln()
                } else {
                    0.0
                }
            }),
            b(in_main),
            b(before_main),
            b(after_main),
            ((dist_main.min(100) + 1) as f64).ln(),
            b(prev.is_some_and(|j| self.is_anchor(j))),
            b(next.is_some_and(|j| self.is_anchor(j))),
            (repeats.min(4) as f64 - 1.0).max(0.0),
            i as f64 / self.len().max(1) as f64,
            b(i > layout.body_end),
            b(kind == BlockKind::Heading),
            b(kind == BlockKind::ListItem),
            b(n >= 40),
            b(n <= 30 && parse_date(text).is_some()),
            b(text.chars().next().is_some_and(char::is_lowercase)),
            b(text.trim_end().ends_with(':')),
            total.saturating_sub(at(i)) as f64 / total as f64,
            ((near + 1) as f64).ln(),
            b(in_main && self.is_anchor(i)),
            b(in_main && n <= 4),
            b(!in_main && self.is_anchor(i)),
            b(after_main && ends_sentence(text)),
            if in_main { ws.share(ws.ui) } else { 0.0 },
            cx.main.map_or(0.0, |(s, e)| {
                (at(e + 1).saturating_sub(at(s))) as f64 / total as f64
            }),
            b(title.is_some_and(|t| i > t && i <= t + 3)),
            b(ws.imperative_first),
            ws.share(ws.you),
            b(text.contains('!')),
            ws.share(ws.promo),
        ]
    }

    /// Does the model keep unit `i` as a `kind` block?
    pub(super) fn keep_line(
        &self,
        cx: &KeepContext<'_>,
        layout: &Layout,
        i: usize,
        kind: BlockKind,
    ) -> bool {
        if self.plain_story_line(cx, i) {
            return true;
        }
        let f = self.keep_features(cx, layout, i, kind);
        let s = log_odds(BIAS, &WEIGHTS, &f);
        s >= KEEP_THRESHOLD
    }
}

impl Dump {
    /// A plain sentence in or just after the main run of text, with no word
    /// of a button, a promotion or an appeal to the reader: story text
    /// whatever the model says (short closing sentences, lists under a
    /// lead-in).
    fn plain_story_line(&self, cx: &KeepContext<'_>, i: usize) -> bool {
        let Some((s, e)) = cx.main else {
            return false;
        };
        if i < s || i > e + 6 {
            return false;
        }
        let text = self.text(i);
        let ws = self.word_stats(i);
        // A list item under a lead-in (looked for a few dozen units up).
        let lead_in = self.is_bullet(i)
            && (s.max(i.saturating_sub(50))..i)
                .rev()
                .find(|&j| self.live(j) && !self.is_bullet(j))
                .is_some_and(|j| self.text(j).trim_end().ends_with(':'));
        let sentence = ends_sentence(text) && ws.n >= 5;
        let plain =
            ws.promo == 0 && ws.you_plain == 0 && !ws.imperative_first && !text.contains('!');
        plain && (sentence || lead_in)
    }
}

/// Log-odds under which a line goes; below zero, so that a line the model
/// is unsure of stays (a lost paragraph costs more than a kept button).
pub const KEEP_THRESHOLD: f64 = 0.5;

/// The reader addressed (sorted, for `key_in`).
const YOU: &[&str] = &["you", "you'll", "you're", "your", "yours", "you’ll"];
/// `YOU` but "yours": a story line speaks to no reader.
const YOU_PLAIN: &[&str] = &["you", "you'll", "you're", "your", "you’ll"];

/// Verbs a button or a call to action opens with (sorted, for `key_in`).
const IMPERATIVES: &[&str] = &[
    "apply",
    "book",
    "browse",
    "buy",
    "calculate",
    "call",
    "check",
    "claim",
    "click",
    "contact",
    "discover",
    "download",
    "earn",
    "enter",
    "explore",
    "find",
    "follow",
    "get",
    "grow",
    "join",
    "learn",
    "listen",
    "meet",
    "order",
    "read",
    "register",
    "request",
    "save",
    "schedule",
    "see",
    "share",
    "shop",
    "sign",
    "start",
    "subscribe",
    "try",
    "view",
    "visit",
    "watch",
];

/// Words of promotion, disclosure and subscription boxes (sorted).
const PROMO: &[&str] = &[
    "advertisement",
    "advertising",
    "affiliate",
    "commission",
    "cookies",
    "copyright",
    "demo",
    "discount",
    "e-mail",
    "email",
    "free",
    "inbox",
    "mailing",
    "newsletter",
    "notifications",
    "offer",
    "partnership",
    "privacy",
    "reserved",
    "rights",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscribers",
    "subscription",
    "trial",
];

/// Letters, digits, apostrophes and hyphens: a word as the lists spell it.
fn word_char(c: &char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')
}

/// What the line scorers read off a unit's words, counted once per unit
/// (see `Dump::word_stats`).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct WordStats {
    /// Whitespace-separated words.
    pub n: usize,
    /// Words of page controls (`UI_WORDS`).
    pub ui: usize,
    /// Words of promotion boxes (`PROMO`).
    pub promo: usize,
    /// Words addressing the reader (`YOU`, `YOU_PLAIN`).
    pub you: usize,
    pub you_plain: usize,
    /// The first word is a call to action's verb.
    pub imperative_first: bool,
    /// Words opening on a capital.
    pub capitalised: usize,
    /// Words with inline links glued in (see `glued_words`).
    pub glued: usize,
    /// A URL, web address or e-mail address.
    pub link_like: bool,
}

impl WordStats {
    pub(super) fn of(text: &str) -> WordStats {
        let mut stats = WordStats {
            link_like: is_link_like(text),
            ..WordStats::default()
        };
        // Each word once through one table: its lists' bits under the two
        // spellings the lists use (letters and digits only for `UI_WORDS`).
        let (mut word_key, mut alnum_key) = (String::new(), String::new());
        for (k, w) in text.split_whitespace().enumerate() {
            stats.n += 1;
            stats.capitalised += usize::from(w.chars().next().is_some_and(char::is_uppercase));
            stats.glued += usize::from(is_glued(w));
            word_key.clear();
            alnum_key.clear();
            if w.len() > KEY_BYTES * 2 {
                continue; // longer than any listed word, even with marks
            }
            for c in w.chars().filter(word_char) {
                let alnum = c.is_alphanumeric();
                if c.is_ascii() {
                    word_key.push(c.to_ascii_lowercase());
                    if alnum {
                        alnum_key.push(c.to_ascii_lowercase());
                    }
                    continue;
                }
                for l in c.to_lowercase() {
                    word_key.push(l);
                    if alnum {
                        alnum_key.push(l);
                    }
                }
            }
            let bits = LEXICON.get(word_key.as_str()).copied().unwrap_or(0);
            let alnum_bits = if alnum_key.len() == word_key.len() {
                bits
            } else {
                LEXICON.get(alnum_key.as_str()).copied().unwrap_or(0)
            };
            stats.ui += usize::from(alnum_bits & IN_UI != 0);
            stats.promo += usize::from(bits & IN_PROMO != 0);
            stats.you += usize::from(bits & IN_YOU != 0);
            stats.you_plain += usize::from(bits & IN_YOU_PLAIN != 0);
            stats.imperative_first |= k == 0 && bits & IN_IMPERATIVES != 0;
        }
        stats
    }

    /// `count` as a share of the words.
    pub(super) fn share(&self, count: usize) -> f64 {
        count as f64 / self.n.max(1) as f64
    }
}

const IN_UI: u8 = 1;
const IN_PROMO: u8 = 2;
const IN_YOU: u8 = 4;
const IN_YOU_PLAIN: u8 = 8;
const IN_IMPERATIVES: u8 = 16;

/// Every listed word with the bits of the lists holding it.
static LEXICON: LazyLock<HashMap<&'static str, u8, fnv::FnvBuildHasher>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, u8, fnv::FnvBuildHasher> = HashMap::default();
    for (list, bit) in [
        (UI_WORDS, IN_UI),
        (PROMO, IN_PROMO),
        (YOU, IN_YOU),
        (YOU_PLAIN, IN_YOU_PLAIN),
        (IMPERATIVES, IN_IMPERATIVES),
    ] {
        for w in list {
            *map.entry(w).or_default() |= bit;
        }
    }
    map
});

/// Occurrences of each line's match form in a dump.
pub(super) type FormCounts<'a> = HashMap<&'a str, usize, fnv::FnvBuildHasher>;

/// A URL, web address or e-mail address: "http", "www.", ".com" in any
/// case, or "@". No other letter lower-cases into an ASCII one of them.
fn is_link_like(text: &str) -> bool {
    let b = text.as_bytes();
    let at = |i: usize, word: &[u8]| {
        b.get(i..i + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    memchr::memchr(b'@', b).is_some()
        || memchr::memchr2_iter(b'h', b'H', b).any(|i| at(i, b"http"))
        || memchr::memchr2_iter(b'w', b'W', b).any(|i| at(i, b"www."))
        || memchr::memchr_iter(b'.', b).any(|i| at(i, b".com"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_weight_per_named_feature() {
        super::super::linear::check_table(&FEATURE_NAMES, &WEIGHTS, BIAS);
    }

    #[test]
    fn word_stats_count_each_list() {
        let ws = WordStats::of("Subscribe to YOUR free newsletter at www.Example.com HomeNews");
        assert_eq!((ws.n, ws.ui, ws.you, ws.you_plain), (8, 3, 1, 1));
        assert_eq!((ws.promo, ws.capitalised, ws.glued), (3, 3, 1));
        assert!(ws.imperative_first && ws.link_like);
        assert!(!WordStats::of("The council met.").link_like);
        for link in [
            "HTTPS://x.org",
            "see WWW.example.org",
            "Example.COM",
            "jo@x",
        ] {
            assert!(is_link_like(link), "{link}");
        }
        assert!(!is_link_like(
            "The www team met at the .co office, h t t p."
        ));
    }

    #[test]
    fn listed_words_fit_the_lookup_key() {
        use super::super::linear::KEY_BYTES;
        assert!(
            IMPERATIVES
                .iter()
                .chain(PROMO)
                .all(|w| w.len() <= KEY_BYTES)
        );
        assert!(IMPERATIVES.is_sorted() && PROMO.is_sorted());
        assert!(YOU.is_sorted() && YOU_PLAIN.is_sorted());
    }
}
