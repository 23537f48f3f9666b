//! Raw lines -> units: one unit per paragraph-like piece of the dump.
//! Dumps come with blank lines between paragraphs, with one paragraph per
//! line, or hard-wrapped at a fixed width; wrapped lines and lines broken
//! inside a sentence (an inline link copied on its own line) are joined.

use super::meta::{is_date_line, parse_date};
use crate::ingest::clutter::{ends_sentence, is_clutter_line};
use regex::Regex;
use std::sync::LazyLock;

/// One paragraph-like piece of a dump.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The text with a leading bullet marker removed.
    pub text: String,
    /// The text as it stood (marker kept).
    pub raw: String,
    /// A blank line stood before it.
    pub gap_before: bool,
    /// It began with a bullet or list number.
    pub bullet: bool,
}

struct Line<'a> {
    text: &'a str,
    indent: usize,
    gap_before: bool,
}

static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[•●▪■◦‣∙⁃*+]|[-–](?:\s)|\d{1,2}[.)]\s|\(?[a-h][)]\s)\s*(\S.*)$")
        .unwrap_or_else(|e| panic!("bad bullet pattern: {e}"))
});

/// Could `BULLET` match: does the line start with a character a marker
/// starts with? (Most lines do not, and captures are slow to rule out.)
fn may_open_bullet(text: &str) -> bool {
    let b = text.as_bytes();
    let at = |k: usize| b.get(k).copied().unwrap_or(0);
    match text.chars().next() {
        Some('•' | '●' | '▪' | '■' | '◦' | '‣' | '∙' | '⁃' | '*' | '+' | '-' | '–' | '(') => {
            true
        }
        // "a) ", "1. ", "12) "
        Some('a'..='h') => at(1) == b')',
        Some('0'..='9') => {
            matches!(at(1), b'.' | b')') || (at(1).is_ascii_digit() && matches!(at(2), b'.' | b')'))
        }
        _ => false,
    }
}

/// Widest line taken as a hard-wrap width.
const MAX_WRAP: usize = 100;

/// Split a sanitized dump into units.
pub fn units(text: &str) -> Vec<Unit> {
    let lines = raw_lines(text);
    let width = wrap_width(&lines);
    let mut out: Vec<Unit> = Vec::new();
    let mut prev: Option<&Line> = None;
    for line in &lines {
        let bullet = may_open_bullet(line.text)
            .then(|| BULLET.captures(line.text))
            .flatten();
        let joinable =
            !line.gap_before && bullet.is_none() && prev.is_some_and(|p| continues(p, line, width));
        match out.last_mut() {
            Some(last) if joinable => {
                if last.text.ends_with('-') && starts_lower(line.text) {
                    last.text.push_str(line.text);
                    last.raw.push_str(line.text);
                } else {
                    last.text.push(' ');
                    last.text.push_str(line.text);
                    last.raw.push(' ');
                    last.raw.push_str(line.text);
                }
            }
            _ => {
                let body = bullet
                    .as_ref()
                    .and_then(|c| c.get(1))
                    .map_or(line.text, |m| m.as_str());
                out.push(Unit {
                    text: body.to_string(),
                    raw: line.text.to_string(),
                    gap_before: line.gap_before,
                    bullet: bullet.is_some(),
                });
            }
        }
        prev = Some(line);
    }
    out
}

fn raw_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut gap = false;
    for l in text.lines() {
        let trimmed = l.trim();
        if trimmed.is_empty() {
            gap = true;
            continue;
        }
        let indent = l.len() - l.trim_start().len();
        out.push(Line {
            text: trimmed,
            indent,
            gap_before: gap,
        });
        gap = false;
    }
    out
}

/// The width a dump was hard-wrapped at, if it was: most lines end near
/// one width under `MAX_WRAP` and almost none run past it.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    // A text browser wraps indented lines at the same column.
    let lens: Vec<usize> = lines
        .iter()
        .map(|l| l.indent + l.text.chars().count())
        .collect();
    let width = lens.iter().copied().filter(|&n| n <= MAX_WRAP).max()?;
    if width < 40 {
        return None;
    }
    let longer = lens.iter().filter(|&&n| n > width).count();
    // Nothing past 80 columns and many lines near it: a text browser's
    // dump (menus and short lines make the share below low).
    let near = lens.iter().filter(|&&n| n + 10 >= width).count();
    if width <= 80 && longer == 0 && near >= 10 && lens.len() >= 40 {
        return Some(width);
    }
    let full: Vec<&Line> = lines
        .iter()
        .zip(&lens)
        .filter(|&(_, &n)| n + 15 >= width)
        .map(|(l, _)| l)
        .collect();
    // Wrapped lines mostly break mid-sentence; a paragraph per line ends
    // each one with a full stop.
    let mid_sentence = full.iter().filter(|l| !ends_sentence(l.text)).count();
    (longer * 20 <= lens.len()
        && full.len() >= 3
        && full.len() * 10 >= lens.len() * 3
        && mid_sentence * 2 >= full.len())
    .then_some(width)
}

/// Does `next` continue the paragraph of `prev`?
fn continues(prev: &Line, next: &Line, width: Option<usize>) -> bool {
    if next.indent > prev.indent + 1 {
        return false; // an indented first line starts a paragraph
    }
    if let Some(w) = width {
        let first_word = next.text.split_whitespace().next().unwrap_or("");
        let filled = prev.indent + prev.text.chars().count() + 1 + first_word.chars().count() > w;
        if filled {
            return true;
        }
    }
    // A sentence broken where an inline link or emphasis was; but not a
    // widget or date line glued to a lower-case button ("e-mail", "share").
    !ends_sentence(prev.text)
        && starts_lower(next.text)
        && !is_clutter_line(next.text)
        && !is_clutter_line(prev.text)
        && !is_date_line(prev.text)
        // "calendarMar 5, 2025 · 6 min read" under a name is a date line.
        && !short_dated(next.text)
        // "by Jo Hale" under a headline is its byline.
        && !(next.text.starts_with("by ") && super::meta::parse_byline(next.text).is_some())
        && !is_label_pair(prev.text, next.text)
}

/// "author" under a headline, "average reading time:" under a name:
/// labels of page metadata, not the rest of a sentence.
fn is_label_pair(prev: &str, next: &str) -> bool {
    let next = next.trim();
    if matches!(
        next,
        "author" | "authors" | "co-authors" | "written by" | "by"
    ) {
        return true;
    }
    let name_like = |s: &str| {
        let words: Vec<&str> = s.split_whitespace().collect();
        (1..=4).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    next.ends_with(':') && next.split_whitespace().count() <= 4 && name_like(prev)
}

/// A short line holding a date: metadata, never the rest of a sentence.
fn short_dated(s: &str) -> bool {
    s.split_whitespace().count() <= 8 && parse_date(s).is_some()
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        units(s).into_iter().map(|u| u.text).collect()
    }

    #[test]
    fn blank_separated_and_one_per_line() {
        assert_eq!(texts("A one.\n\nB two.\n"), vec!["A one.", "B two."]);
        assert_eq!(
            texts("A one.\nB two.\nC three."),
            vec!["A one.", "B two.", "C three."]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "The harbour authority said on Tuesday that it would close the\n\
                    northern quay for repairs, after engineers found cracks in the\n\
                    old sea wall during a routine inspection last month.\n\
                    \n\
                    Shipping firms were told to use the southern berths instead,\n\
                    and ferries will run to a reduced timetable until the spring.\n\
                    \n\
                    Repairs start in May.\n";
        let got = texts(text);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].starts_with("The harbour authority"));
        assert!(got[0].ends_with("last month."));
        assert!(got[0].contains("close the northern quay"));
        assert_eq!(got[2], "Repairs start in May.");
    }

    #[test]
    fn wrapped_lines_without_blank_lines_split_at_short_lines() {
        let text = "Officials in the province confirmed that the new rail line would\n\
                    open to passengers in the autumn, two years late.\n\
                    The delay was blamed on rising costs and a shortage of workers\n\
                    across the construction industry, according to the ministry.\n";
        let got = texts(text);
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn short_paragraphs_one_per_line_are_not_taken_for_wrapping() {
        let text = "The minister opened the new bridge on Monday, two years later than planned.\n\
                    Crowds lined both banks of the river to watch the first cars cross it.\n\
                    The bridge cost more than twice the original estimate, officials said.\n\
                    Local traders hope it will bring more visitors to the old town centre.\n";
        assert_eq!(texts(text).len(), 4);
    }

    #[test]
    fn broken_inline_links_are_joined() {
        assert_eq!(
            texts("The mayor\nannounced\na new park on Friday."),
            vec!["The mayor announced a new park on Friday."]
        );
    }

    #[test]
    fn buttons_are_not_glued_to_the_line_above() {
        assert_eq!(
            texts("Updated 4 March 2025\ne-mail\nshare"),
            vec!["Updated 4 March 2025", "e-mail", "share"]
        );
    }

    #[test]
    fn bullets_are_marked_and_stripped() {
        let u = units("Key points:\n• Rates held\n- Inflation eased\n2. Jobs grew");
        assert_eq!(u.len(), 4);
        assert!(u[1].bullet && u[2].bullet && u[3].bullet);
        assert_eq!(u[1].text, "Rates held");
        assert_eq!(u[3].text, "Jobs grew");
        assert!(!units("-- THE HERALD")[0].bullet);
    }
}
