//! Keep or drop each line the cleaner would put in the body: a logistic
//! model over shallow line features (its words, sentence shape, control
//! words, glued links, where it stands against the headline and the main
//! run of running text, its neighbours, repetition). Fitted by
//! `scripts/fit_keep.py` on the odd ids of dumps-dev and on polnear-train
//! (plain stories, which must keep every paragraph); weights live in
//! `keep_weights`.

use super::keep_weights::{BIAS, WEIGHTS};
use super::linear::{b, log_odds};
use super::meta::parse_date;
use super::title::{glued_words, ui_share};
use super::{Dump, Kind, Layout};
use crate::article::BlockKind;
use crate::ingest::clutter::ends_sentence;
use std::collections::HashMap;

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
pub(super) struct KeepContext {
    counts: HashMap<String, usize>,
    /// Running-text words in anchors before each unit (len + 1 entries).
    anchor_words_before: Vec<usize>,
    main: Option<(usize, usize)>,
}

impl Dump {
    pub(super) fn keep_context(&self) -> KeepContext {
        let mut counts: HashMap<String, usize> = HashMap::new();
        let mut anchor_words_before = Vec::with_capacity(self.len() + 1);
        let mut acc = 0;
        for i in 0..self.len() {
            anchor_words_before.push(acc);
            if self.is_anchor(i) {
                acc += self.words(i);
            }
            if self.live(i) && self.words(i) <= 40 {
                *counts.entry(self.form(i).to_string()).or_default() += 1;
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
        cx: &KeepContext,
        layout: &Layout,
        i: usize,
        kind: BlockKind,
    ) -> [f64; N_FEATURES] {
        let text = self.text(i);
        let words: Vec<&str> = text.split_whitespace().collect();
        let n = self.words(i);
        let capitalised = words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count() as f64
            / words.len().max(1) as f64;
        let lower = text.to_lowercase();
        let link_like = lower.contains("http")
            || lower.contains("www.")
            || lower.contains(".com")
            || text.contains('@');
        let title = layout.title;
        let (before_main, in_main, after_main, dist_main) = match cx.main {
            Some((s, _)) if i < s => (true, false, false, s - i),
            Some((_, e)) if i > e => (false, false, true, i - e),
            Some(_) => (false, true, false, 0),
            None => (false, false, false, 50),
        };
        let prev = (0..i).rev().find(|&j| self.live(j));
        let next = (i + 1..self.len()).find(|&j| self.live(j));
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
            ui_share(&words),
            capitalised,
            (glued_words(&words).min(5)) as f64 / 5.0,
            b(text.chars().any(|c| c.is_ascii_digit())),
            b(link_like),
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
            if in_main { ui_share(&words) } else { 0.0 },
            cx.main.map_or(0.0, |(s, e)| {
                (at(e + 1).saturating_sub(at(s))) as f64 / total as f64
            }),
            b(title.is_some_and(|t| i > t && i <= t + 3)),
            b(words.first().is_some_and(|w| in_list(w, IMPERATIVES))),
            share(
                &words,
                &["you", "your", "you're", "you’ll", "you'll", "yours"],
            ),
            b(text.contains('!')),
            share(&words, PROMO),
        ]
    }

    /// Does the model keep unit `i` as a `kind` block?
    pub(super) fn keep_line(
        &self,
        cx: &KeepContext,
        layout: &Layout,
        i: usize,
        kind: BlockKind,
    ) -> bool {
        let f = self.keep_features(cx, layout, i, kind);
        if self.plain_story_line(cx, i) {
            return true;
        }
        let s = log_odds(BIAS, &WEIGHTS, &f);
        s >= KEEP_THRESHOLD
    }
}

impl Dump {
    /// A plain sentence in or just after the main run of text, with no word
    /// of a button, a promotion or an appeal to the reader: story text
    /// whatever the model says (short closing sentences, lists under a
    /// lead-in).
    fn plain_story_line(&self, cx: &KeepContext, i: usize) -> bool {
        let text = self.text(i);
        let words: Vec<&str> = text.split_whitespace().collect();
        let Some((s, e)) = cx.main else {
            return false;
        };
        // A list item under a lead-in (looked for a few dozen units up).
        let lead_in = self.is_bullet(i)
            && (s.max(i.saturating_sub(50))..i)
                .rev()
                .find(|&j| self.live(j) && !self.is_bullet(j))
                .is_some_and(|j| self.text(j).trim_end().ends_with(':'));
        let sentence = ends_sentence(text) && words.len() >= 5;
        let plain = share(&words, PROMO) == 0.0
            && share(&words, &["you", "your", "you're", "you'll", "you’ll"]) == 0.0
            && !words.first().is_some_and(|w| in_list(w, IMPERATIVES))
            && !text.contains('!');
        i >= s && i <= e + 6 && plain && (sentence || lead_in)
    }
}

/// Log-odds under which a line goes; below zero, so that a line the model
/// is unsure of stays (a lost paragraph costs more than a kept button).
pub const KEEP_THRESHOLD: f64 = 0.5;

/// Verbs a button or a call to action opens with.
const IMPERATIVES: &[&str] = &[
    "get",
    "sign",
    "subscribe",
    "join",
    "book",
    "find",
    "explore",
    "download",
    "learn",
    "try",
    "start",
    "request",
    "schedule",
    "contact",
    "call",
    "discover",
    "register",
    "follow",
    "share",
    "save",
    "shop",
    "buy",
    "order",
    "visit",
    "read",
    "watch",
    "listen",
    "click",
    "enter",
    "grow",
    "earn",
    "meet",
    "check",
    "browse",
    "view",
    "see",
    "apply",
    "claim",
    "calculate",
];

/// Words of promotion, disclosure and subscription boxes.
const PROMO: &[&str] = &[
    "newsletter",
    "subscribe",
    "subscribers",
    "subscription",
    "affiliate",
    "commission",
    "sponsored",
    "sponsor",
    "advertising",
    "advertisement",
    "cookies",
    "privacy",
    "inbox",
    "email",
    "e-mail",
    "free",
    "demo",
    "trial",
    "offer",
    "discount",
    "copyright",
    "rights",
    "reserved",
    "partnership",
    "notifications",
    "mailing",
];

fn clean_word(w: &str) -> String {
    w.chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

fn in_list(w: &str, list: &[&str]) -> bool {
    list.contains(&clean_word(w).as_str())
}

fn share(words: &[&str], list: &[&str]) -> f64 {
    words.iter().filter(|w| in_list(w, list)).count() as f64 / words.len().max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_weight_per_named_feature() {
        super::super::linear::check_table(&FEATURE_NAMES, &WEIGHTS, BIAS);
    }
}
