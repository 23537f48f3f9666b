//! Per-publisher furniture learned from the library: a line that recurs
//! in several stories of the same publisher ("Get our Morning Brief",
//! "Read the full series here") is that publisher's page furniture, even
//! when no built-in pattern knows it.
//!
//! How the library uses it (the library owns the I/O; this part is pure):
//! 1. At import, for each text story, call [`candidate_lines`] on the
//!    decoded dump (before cleaning, since cleaning would remove the very
//!    lines to count) and store them with the story's publisher (the
//!    `publisher` the extractor found, or `None`).
//! 2. Build the model with [`Furniture::learn`] over all stored
//!    `(publisher, lines)` pairs: a line is furniture for a publisher once
//!    it appears in [`Furniture::MIN_STORIES`] or more distinct stories
//!    of it. Rebuild it when stories are added or removed (it is cheap:
//!    one hash insert per candidate line).
//! 3. Pass it as `Hints { furniture: Some(&model), .. }` to
//!    `ingest::ingest` at import and at `lede reindex`, so stories saved
//!    before the furniture was known are cleaned again.

use crate::ingest::clutter::{ends_sentence, match_form, word_len};
use std::collections::{HashMap, HashSet};

/// Learned furniture: normalised lines per normalised publisher.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Furniture {
    by_publisher: HashMap<String, HashSet<String>>,
}

/// Longest line (in words) whose digits are folded when compared.
const FOLD_DIGITS_MAX_WORDS: usize = 5;

/// Longest line (in words) that can be furniture.
const MAX_WORDS: usize = 30;

/// Calls to action that make even a full sentence furniture when it
/// recurs ("Sign up for our newsletter.", "Follow us on X!").
const PROMPT_STARTS: &[&str] = &[
    "follow",
    "sign",
    "subscribe",
    "join",
    "download",
    "click",
    "get",
    "read",
    "watch",
    "listen",
    "share",
    "support",
    "donate",
    "become",
    "register",
    "visit",
    "contact",
    "send",
    "don't",
    "do not",
    "we use",
    "this article",
    "this story",
    "never miss",
    "stay",
];

impl Furniture {
    /// Stories of one publisher a line must recur in to be furniture.
    pub const MIN_STORIES: usize = 3;

    /// Learn from `(publisher, candidate lines of one story)` pairs with
    /// the default threshold.
    pub fn learn<I, P, L, S>(stories: I) -> Furniture
    where
        I: IntoIterator<Item = (Option<P>, L)>,
        P: AsRef<str>,
        L: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        Self::learn_with_threshold(stories, Self::MIN_STORIES)
    }

    /// Learn with an explicit threshold (distinct stories per publisher).
    pub fn learn_with_threshold<I, P, L, S>(stories: I, min_stories: usize) -> Furniture
    where
        I: IntoIterator<Item = (Option<P>, L)>,
        P: AsRef<str>,
        L: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut counts: HashMap<String, HashMap<String, usize>> = HashMap::new();
        for (publisher, lines) in stories {
            let key = publisher_key(publisher.as_ref().map(AsRef::as_ref));
            let per_story: HashSet<String> = lines
                .into_iter()
                .map(|l| line_key(l.as_ref()))
                .filter(|k| !k.is_empty())
                .collect();
            let slot = counts.entry(key).or_default();
            for line in per_story {
                *slot.entry(line).or_default() += 1;
            }
        }
        let by_publisher = counts
            .into_iter()
            .map(|(p, lines)| {
                let set: HashSet<String> = lines
                    .into_iter()
                    .filter(|(_, n)| *n >= min_stories.max(1))
                    .map(|(l, _)| l)
                    .collect();
                (p, set)
            })
            .filter(|(_, set)| !set.is_empty())
            .collect();
        Furniture { by_publisher }
    }

    /// True if `line` is known furniture of `publisher` (or, for a story
    /// whose publisher is unknown, of the stories without one).
    pub fn contains(&self, publisher: Option<&str>, line: &str) -> bool {
        if word_len(line) > MAX_WORDS {
            return false;
        }
        self.by_publisher
            .get(&publisher_key(publisher))
            .is_some_and(|set| set.contains(&line_key(line)))
    }

    /// True when nothing has been learned.
    pub fn is_empty(&self) -> bool {
        self.by_publisher.is_empty()
    }
}

/// The lines of a dump that could be furniture, normalised and deduped,
/// for the library to count: short lines that are not running text, and
/// short calls to action even when they are sentences.
pub fn candidate_lines(text: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !is_candidate(line) {
            continue;
        }
        let key = line_key(line);
        if !key.is_empty() && seen.insert(key.clone()) {
            out.push(key);
        }
    }
    out
}

fn is_candidate(line: &str) -> bool {
    let words = word_len(line);
    if words > MAX_WORDS {
        return false;
    }
    if !ends_sentence(line) && words <= 15 {
        return true;
    }
    let m = match_form(line);
    PROMPT_STARTS.iter().any(|p| m.starts_with(p))
}

/// How a line is compared: `match_form`, digits folded in short lines
/// ("12 comments" and "3 comments" are the same furniture). Longer lines
/// keep their digits: headlines of a numbered series are not furniture.
pub fn line_key(line: &str) -> String {
    let m = match_form(line);
    if word_len(line) > FOLD_DIGITS_MAX_WORDS {
        return m;
    }
    let mut out = String::with_capacity(m.len());
    let mut in_digits = false;
    for c in m.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('#');
            }
            in_digits = true;
        } else {
            in_digits = false;
            out.push(c);
        }
    }
    out
}

/// Publishers compare without case, spacing or a leading "The".
pub fn publisher_key(publisher: Option<&str>) -> String {
    let m = match_form(publisher.unwrap_or(""));
    m.strip_prefix("the ").unwrap_or(&m).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(lines: &[&str]) -> Vec<String> {
        candidate_lines(&lines.join("\n"))
    }

    #[test]
    fn digits_fold_only_in_short_lines() {
        assert_eq!(line_key("12 comments"), line_key("3 comments"));
        assert_ne!(
            line_key("Orchard survey 12 counts the harvest in the valley"),
            line_key("Orchard survey 13 counts the harvest in the valley")
        );
    }

    #[test]
    fn learns_lines_recurring_in_three_stories_of_a_publisher() {
        let a = story(&[
            "Harbour Daily Brief",
            "Storm hits the coast",
            "Get the Harbour app",
        ]);
        let b = story(&[
            "Harbour Daily Brief",
            "Rates held at 4pc",
            "Get the Harbour app",
        ]);
        let c = story(&["Harbour Daily Brief", "Team wins final"]);
        let other = story(&["Harbour Daily Brief"]);
        let model = Furniture::learn(vec![
            (Some("The Harbour Times"), a),
            (Some("Harbour Times"), b),
            (Some("HARBOUR TIMES"), c),
            (Some("Other Post"), other),
        ]);
        assert!(model.contains(Some("Harbour Times"), "Harbour Daily Brief"));
        assert!(!model.contains(Some("Harbour Times"), "Get the Harbour app"));
        assert!(!model.contains(Some("Other Post"), "Harbour Daily Brief"));
        assert!(!model.contains(None, "Harbour Daily Brief"));
    }

    #[test]
    fn a_line_repeated_in_one_story_counts_once() {
        let s = story(&["Read more", "Read more", "Read more"]);
        let model = Furniture::learn(vec![(None::<&str>, s)]);
        assert!(model.is_empty());
    }

    #[test]
    fn candidates_are_short_non_sentences_or_prompts() {
        let c = candidate_lines(
            "Storm hits the coast\n\nThe storm made landfall on Tuesday, officials said.\nSign up for the Morning Note.\n12 comments",
        );
        assert_eq!(
            c,
            vec![
                "storm hits the coast",
                "sign up for the morning note",
                "# comments"
            ]
        );
    }

    #[test]
    fn numbers_fold_in_keys() {
        assert_eq!(
            line_key("Reading time: 4 min"),
            line_key("Reading time: 12 min")
        );
    }
}
