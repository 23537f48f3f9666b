//! The byline as the page shows it: a "By ..." line or an author element
//! near the headline, weighed against the declared author (JSON-LD, meta),
//! which is often the site itself or a user name.

use super::norm;
use super::walk::{Elem, RawBlock};
use regex::Regex;
use std::sync::LazyLock;

/// Blocks looked at before and after the headline.
const BEFORE: usize = 6;
const AFTER: usize = 16;

/// "By", "Written by:", "Posted by", "Author:", "Text by" ... at the start.
static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:written|posted|published|text|words|guide|article|story|reporting|reviewed|edited|created|recipe|photos?|interview)\s+by|by|author(?:s|ed by)?|von|por|par|di)\b\s*:?\s*")
        .unwrap_or_else(|e| panic!("literal regex: {e}"))
});

/// Where a name line goes on into other things: a date, a role, a note.
static TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:[•|·⋅●]|\s[-–—]\s|\s+on\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\s+on$|\s+at$|\s+sponsored\b|\s+(?:co-?)?founder\b|\s+(?:staff\s+)?writer\b|\s+(?:senior\s+|managing\s+|review\s+|deputy\s+)?editor\b|\s+reviewer\b|\s+contributor\b|(?-i:\s+[A-Z]{2,}(?:\s+[A-Z]{2,})*$)|\bupdated\b|\bpublished\b|\breviewed\b|\bon\s+\w+\s+\d|\blast\s+updated\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}\s*(?:min|minute)|\b\d).*$")
        .unwrap_or_else(|e| panic!("literal regex: {e}"))
});

/// "September 1, 2023 By Ann Lee", "Dec. 19 · By Bo Chan", "Published
/// May 2, 2023 by Ann Lee": a "By" after a date or a label on the line.
static MID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:^|[\s•|·,])(?:(?i:written|posted|published)\s+[Bb]y|By)|\d\s+by)\s+(\S.*)$")
        .unwrap_or_else(|e| panic!("literal regex: {e}"))
});

/// ", MS, RD", " CPP, PSP", ", Ph.D.": credentials after a name, with
/// at least one comma (a bare "REUTERS" after a name is a desk's tag).
static CREDENTIALS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:,?\s+(?:[A-Z]{2,6}|Ph\.\s?D\.?|M\.\s?D\.?|[A-Z]\.[A-Z]\.))+$")
        .unwrap_or_else(|e| panic!("literal regex: {e}"))
});

/// The name and its credentials ("Ann Lee", ", MS, RD").
fn split_credentials(s: &str) -> (&str, &str) {
    match CREDENTIALS.find(s) {
        Some(m) if m.as_str().contains(',') && m.start() > 0 => {
            (s.get(..m.start()).unwrap_or(s), m.as_str())
        }
        _ => (s, ""),
    }
}

/// A person's or a desk's name: one to seven words, capitalised, no digits,
/// no sentence.
pub fn name_like(s: &str) -> bool {
    let s = split_credentials(s).0;
    let words: Vec<&str> = s.split_whitespace().collect();
    let longest_name = s
        .split([',', '&'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.split_whitespace().count())
        .max()
        .unwrap_or(0);
    if words.is_empty() || longest_name > 6 || s.chars().count() > 160 {
        return false;
    }
    if s.chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '@' | '?' | '!' | '/' | '#'))
    {
        return false;
    }
    if s.ends_with('.') && words.last().is_none_or(|w| w.len() > 3) {
        return false;
    }
    const NOT_NAMES: &[&str] = &[
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "by",
        "share",
        "menu",
        "home",
        "my top",
    ];
    if NOT_NAMES.contains(&s.to_lowercase().as_str()) {
        return false;
    }
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    capitalised * 2 > words.len()
}

/// A declared author that is no reader's byline: a user name ("jdoe22",
/// "andrew.keaveney"), a template key.
pub fn handle_like(s: &str) -> bool {
    !s.contains(' ')
        && (s
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '.' | '_'))
            || s.chars().all(|c| !c.is_uppercase()))
}

/// A declared author that is no name but still the page's word for who
/// wrote it: one short token or two ("kirstin boatto", "q_admin"), not a
/// sentence, a date or an address.
pub fn declared_handle(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=3).contains(&words)
        && s.chars().count() <= 40
        && !s.contains("://")
        && s.chars().any(char::is_alphabetic)
        && !s.chars().any(|c| matches!(c, '?' | '!' | '#' | '/'))
}

/// The name part of a byline line.
pub fn clean(line: &str) -> String {
    let t = PREFIX.replace(line.trim(), "");
    let (name, credentials) = split_credentials(&t);
    let name = TAIL.replace(name, "");
    let name = name.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ':' | '"' | '“' | '”' | '-')
    });
    if name.len() == t.len() - credentials.len() {
        // Nothing cut from the name: its credentials belong to it.
        format!("{name}{credentials}")
    } else {
        name.to_string()
    }
}

/// Whether an element or one of its three nearest ancestors names the
/// author by class, itemprop or rel.
fn in_author_element(elems: &[Elem], owner: usize) -> bool {
    let mut at = Some(owner);
    for _ in 0..4 {
        let Some(e) = at.and_then(|i| elems.get(i)) else {
            return false;
        };
        if e.author {
            return true;
        }
        at = e.parent;
    }
    false
}

/// The byline shown near the headline (block `anchor`), if any.
pub fn shown(elems: &[Elem], blocks: &[RawBlock], anchor: usize) -> Option<String> {
    let start = anchor.saturating_sub(BEFORE);
    let end = (anchor + AFTER).min(blocks.len());
    let window = blocks.get(start..end)?;
    for (i, b) in window.iter().enumerate() {
        if b.text.chars().count() > 160 {
            continue;
        }
        let prefixed = PREFIX.find(&b.text).is_some_and(|m| m.end() > 0);
        let candidate = if prefixed {
            let rest = clean(&b.text);
            if rest.is_empty() {
                // "By" on a line of its own, the name in the next block.
                window.get(i + 1).map(|n| clean(&n.text))
            } else {
                Some(rest)
            }
        } else if in_author_element(elems, b.owner) {
            Some(clean(&b.text))
        } else {
            // Inline author links and mid-line "By"s are weaker cues: a
            // full name of two to five words, no "Articles by ...".
            b.author_text
                .as_deref()
                .map(clean)
                .or_else(|| mid_line(&b.text))
                .filter(|c| {
                    let words: Vec<&str> = c.split_whitespace().collect();
                    (2..=5).contains(&words.len()) && !words.contains(&"by")
                })
        };
        if let Some(c) = candidate.filter(|c| name_like(c)) {
            return Some(c);
        }
    }
    None
}

/// "Written by ..." or "Author: ..." anywhere on the page (an author box
/// under the text), when nothing near the headline names anyone.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:written\s+by|posted\s+by|author)\b\s*:?\s*")
        .unwrap_or_else(|e| panic!("literal regex: {e}"))
});

pub fn labelled(blocks: &[RawBlock]) -> Option<String> {
    blocks.iter().enumerate().find_map(|(i, b)| {
        if b.text.chars().count() > 80 || !LABEL.is_match(&b.text) {
            return None;
        }
        let rest = clean(&b.text);
        let name = if rest.is_empty() {
            clean(&blocks.get(i + 1)?.text)
        } else {
            rest
        };
        let words = name.split_whitespace().count();
        ((2..=5).contains(&words) && name_like(&name)).then_some(name)
    })
}

/// The name after a "By" that follows a short lead on the line.
fn mid_line(text: &str) -> Option<String> {
    let c = MID.captures(text)?;
    if c.get(0)?.start() == 0 || text.chars().count() > 100 {
        return None;
    }
    Some(clean(c.get(1)?.as_str()))
}

/// The declared author unless it is a handle, or the site itself while the
/// page shows a person's name; else the shown byline.
pub fn choose(declared: Option<String>, shown: Option<String>, sites: &[String]) -> Option<String> {
    let declared = declared.filter(|d| !handle_like(d));
    match (declared, shown) {
        (Some(d), Some(s)) => {
            let is_site = sites.iter().any(|x| *x == norm(&d));
            let single = !d.contains(' ') && s.contains(' ');
            if is_site || single { Some(s) } else { Some(d) }
        }
        (d, s) => d.or(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_lines() {
        assert_eq!(clean("By Ann Lee"), "Ann Lee");
        assert_eq!(clean("Written By: Tom May"), "Tom May");
        assert_eq!(clean("Haley Hoekstra • March 12, 2025"), "Haley Hoekstra");
        assert_eq!(clean("by Nicole Burke"), "Nicole Burke");
        assert_eq!(
            clean("Rasmus Barslund Updated Feb 27, 2026"),
            "Rasmus Barslund"
        );
        assert_eq!(
            mid_line("September 1st, 2023 By Emily Norwood").as_deref(),
            Some("Emily Norwood")
        );
        assert_eq!(mid_line("By Ann Lee"), None);
        assert_eq!(
            mid_line("Published August 7, 2023 by Nicole Burke").as_deref(),
            Some("Nicole Burke")
        );
        assert_eq!(mid_line("Made by hand in the hills"), None);
        let block = |text: &str| RawBlock {
            kind: crate::article::BlockKind::Paragraph,
            text: text.into(),
            owner: 0,
            link_chars: 0,
            level: 0,
            author_text: None,
        };
        let page = [
            block("Long text."),
            block("Written by"),
            block("Cassidy Horton"),
        ];
        assert_eq!(labelled(&page).as_deref(), Some("Cassidy Horton"));
        assert_eq!(labelled(&page[..2]), None);
        assert_eq!(
            clean("Dylan Bailey, MS, RD, FAND"),
            "Dylan Bailey, MS, RD, FAND"
        );
        assert_eq!(clean("By Ann Lee, Ph.D."), "Ann Lee, Ph.D.");
        assert_eq!(
            clean("Jeffrey A. Slotnick CPP, PSP"),
            "Jeffrey A. Slotnick CPP, PSP"
        );
        assert_eq!(clean("Ann Lee REUTERS"), "Ann Lee");
        assert!(name_like("Genevieve Carlton, Ph.D."));
        assert!(name_like("Moses Kim and Kate Shokurova"));
        assert!(!name_like("Sat, 20 Dec, 2025 - 06:36"));
        assert!(!name_like(
            "The council voted on the plan in the end of the long meeting today."
        ));
        assert!(handle_like("kffnirmitap") && handle_like("andrew.keaveney"));
        assert!(!handle_like("Ann Lee") && !handle_like("Reuters"));
    }
}
