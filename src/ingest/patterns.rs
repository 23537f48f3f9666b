//! The line scanners' regexes and word lists, built one way. Their
//! patterns are literals in the code, so a bad one is a bug the tests
//! catch, not input.

use aho_corasick::{AhoCorasick, MatchKind};
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// Room for each pattern's lazily built DFA. The scanners' patterns are
/// large (Unicode classes, dozens of alternatives): at the crate's default
/// the cache fills and is rebuilt over and over on a long dump.
const DFA_BYTES: usize = 32 << 20;

pub(crate) fn regex(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .dfa_size_limit(DFA_BYTES)
        .build()
        .unwrap_or_else(|e| panic!("bad pattern {pattern}: {e}"))
}

pub(crate) fn regex_set<S: AsRef<str>>(patterns: &[S]) -> RegexSet {
    RegexSetBuilder::new(patterns)
        .dfa_size_limit(DFA_BYTES)
        .build()
        .unwrap_or_else(|e| panic!("bad pattern set: {e}"))
}

/// One search for any of `words` in a line, ignoring ASCII case if asked.
/// Leftmost matching lets a case-sensitive search use its SIMD (Teddy)
/// searcher.
pub(crate) fn words(words: &[&str], ignore_ascii_case: bool) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .ascii_case_insensitive(ignore_ascii_case)
        .build(words)
        .unwrap_or_else(|e| panic!("bad word list: {e}"))
}

/// `text` opens on `prefix` in any ASCII case: the check the line scanners
/// make on every line, without lower-casing the whole line first.
pub(crate) fn starts_with_ignore_ascii_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}
