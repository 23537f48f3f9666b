//! Image captions and photo credits: "... Photo: Reuters",
//! "Photograph: Jo Lee/PA", "(AP Photo/Sam Cole)", "Image caption, ...".
//! One line's text at a time; reusable by the HTML extractor.

use crate::ingest::patterns;
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::LazyLock;

/// What kind of caption line this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptionShape {
    /// Caption text ending with its credit, or a labelled caption.
    Full,
    /// Only a credit ("Photo: Reuters", "Getty Images"): the caption text,
    /// if any, is the line before it.
    CreditOnly,
}

const WORD: &str = r"(?:Photo|Photograph|Picture|Pic|Image|Illustration|Graphic|Video|Footage|Credit|Photo credit|Image credit|Image source|Photos|Pictures|Images|Foto|Bild|图|图片|摄影)";
const WIRES: &str = r"(?:AP|AFP|EPA|Reuters|REUTERS|Getty|Xinhua|XINHUA|Bloomberg|Kyodo|Yonhap|AAP|Anadolu|PA|dpa|Sipa|ZUMA|Shutterstock|Alamy|Imago|NurPhoto|SOPA|VCG|IANS|PTI|ANI)";

fn re(p: &str) -> Regex {
    patterns::regex(p)
}

/// A credit standing alone on the line.
static CREDIT_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:\(?(?i:{WORD})s? ?(?::|：|by|/|-|–|—|,) ?[^.!?]+\)?|\(?{WIRES}? ?(?i:photo|photograph|image|picture)s? ?(?:/|by|:) ?[^)]+\)?|[\p{{L}} .'/&-]*(?:/| via | for )?Getty Images(?: [\p{{L}} .'/&-]*)?|{WIRES}/\p{{Lu}}[\p{{L}}.'-]* \p{{Lu}}[^/.]*(?:/[^/.]+){{0,2}}|\({WIRES}/[^)]+\)|(?:Credit|CREDIT)(?:\.\.\.|…) ?.+|Getty|Shutterstock)\.?$"
    ))
});

/// A credit at the end of a longer caption line.
static CREDIT_TAIL: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    // One pattern per form of credit: their union, searched back from the
    // line's end, makes a lazy DFA whose states never repeat from one line
    // to the next (each search rebuilds them).
    [
        format!(r"{WORD}s? ?(?::|：|by) ?[^.:!?]+(?:\.[^.:!?\s][^.:!?]*)?"),
        format!(r"\(\s*{WIRES}? ?(?i:photo|photograph|image|picture)s? ?(?:/|by|:) ?[^)]+\)"),
        r"(?:Credit|CREDIT)(?:\.\.\.|…) ?.+".to_string(),
        r"[\p{L} .'&-]*/ ?Getty Images".to_string(),
        format!(r"{WIRES} via Getty Images"),
        format!(r"{WIRES}/\p{{Lu}}[\p{{L}}.'-]* \p{{Lu}}[^.]*"),
        format!(r"\({WIRES}/[^)]+\)"),
        r"Photo/[\p{Lu}][\p{L} ]+".to_string(),
    ]
    .iter()
    .map(|form| re(&format!(r"(?:^|[.!?”’)\]]\s*|\s)(?:{form})\s*\.?$")))
    .collect()
});

/// "Image caption, ...", "Caption: ...", "Pictured: ...".
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:image caption|photo caption|caption|pictured|main image|top image|header image|featured image|above|图注|图说)\s*[:,：]\s*\S",
    )
});

/// The caption shape of a line, if it is one.
pub fn caption_shape(line: &str) -> Option<CaptionShape> {
    caption_shape_form(line, None)
}

/// `caption_shape` given the line's `match_form` if the caller has it:
/// in lower case, its credit words are found by a faster search.
pub fn caption_shape_form(line: &str, form: Option<&str>) -> Option<CaptionShape> {
    let line = line.trim();
    let chars = line.chars().count();
    if chars == 0 || chars > 600 {
        return None;
    }
    // Most lines hold no credit word at all: the two slow patterns are
    // searched only on those that do.
    let credit = may_hold_credit(line, form);
    if credit && chars <= 120 && CREDIT_ONLY.is_match(line) {
        return Some(CaptionShape::CreditOnly);
    }
    if LABELLED.is_match(line) || (credit && has_credit_tail(line)) {
        return Some(CaptionShape::Full);
    }
    None
}

/// The longest credit tail read, in bytes. `CREDIT_TAIL` is searched back
/// from the line's end, building its automaton as it goes: unbounded, it
/// reads every long paragraph back to its start. No credit runs this long.
const TAIL_BYTES: usize = 200;

fn has_credit_tail(line: &str) -> bool {
    let mut from = line.len().saturating_sub(TAIL_BYTES);
    while !line.is_char_boundary(from) {
        from += 1;
    }
    // Searched from inside the line, `^` cannot match at `from`: the tail
    // must still start after a sentence's end or a space.
    CREDIT_TAIL.iter().any(|r| r.is_match_at(line, from))
}

/// Every credit `CREDIT_ONLY` or `CREDIT_TAIL` knows holds a label or
/// agency word (in any case) or a wire's name before a slash ("AP/",
/// "(Reuters/"). One pass over the line (or its lower-case `match_form`,
/// which holds every ASCII word the line holds) finds the words.
fn may_hold_credit(line: &str, form: Option<&str>) -> bool {
    const WORDS: [&str; 14] = [
        "photo",
        "pic",
        "image",
        "illustration",
        "graphic",
        "video",
        "footage",
        "credit",
        "foto",
        "bild",
        "getty",
        "shutterstock",
        "图",
        "摄影",
    ];
    static IN_LINE: LazyLock<AhoCorasick> = LazyLock::new(|| patterns::words(&WORDS, true));
    static IN_FORM: LazyLock<AhoCorasick> = LazyLock::new(|| patterns::words(&WORDS, false));
    let words = match form {
        Some(f) => IN_FORM.is_match(f),
        None => IN_LINE.is_match(line),
    };
    words || wire_before_slash(line)
}

/// "AP/", "(Reuters/": the letters right before a slash name a wire.
fn wire_before_slash(line: &str) -> bool {
    static WIRE_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        WIRES
            .trim_start_matches("(?:")
            .trim_end_matches(')')
            .split('|')
            .collect()
    });
    memchr::memchr_iter(b'/', line.as_bytes()).any(|slash| {
        let before = &line.as_bytes()[..slash];
        let letters = before
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        let word = &before[before.len() - letters..];
        WIRE_NAMES.iter().any(|w| w.as_bytes() == word)
    })
}

/// True for a caption or a photo credit line.
pub fn is_caption(line: &str) -> bool {
    caption_shape(line).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::clutter::match_form;

    #[test]
    fn captions_with_credits() {
        for line in [
            "Fans wait outside the stadium on Sunday. Photo: AFP",
            "The minister leaves Downing Street. Photograph: Lena Hart/PA",
            "Firefighters at the scene in Lyon. (Photo by Marc Petit/AFP via Getty Images)",
            "Protesters march in Seoul on Saturday. REUTERS/Kim Min-ji",
            "A worker checks solar panels in Hebei province. (Xinhua/Zhang Wei)",
            "Tourists queue at the border crossing. Picture: Supplied",
            "Image caption, The bridge was closed for six hours",
            "Crowds gather in the square.Credit...Ana Ruiz for The Daily Planet",
            "Officials inspect the dam. Photo/Agencies",
        ] {
            assert_eq!(caption_shape(line), Some(CaptionShape::Full), "{line}");
        }
    }

    #[test]
    fn the_credit_prefilter_passes_every_credit_tail() {
        for line in [
            "Fans at the stadium. Photo: AFP",
            "A march. Pictures by Jo Lee",
            "Smoke rises. (AP Photo/Sam Cole)",
            "Smoke rises. CREDIT... Jo Lee",
            "Smoke rises. Jo Lee/Getty Images",
            "Smoke rises. AFP via Getty Images",
            "Smoke rises. REUTERS/Kim Min-ji",
            "Smoke rises. Photo/Xinhua News",
            "Smoke rises. 图：新华社",
            "Smoke rises. 摄影：李明",
        ] {
            assert!(has_credit_tail(line), "{line}");
            assert!(may_hold_credit(line, None), "{line}");
            assert!(may_hold_credit(line, Some(&match_form(line))), "{line}");
        }
        let plain = "The council met on Tuesday and voted.";
        assert!(!may_hold_credit(plain, None) && !may_hold_credit(plain, Some(&match_form(plain))));
    }

    #[test]
    fn credit_only_lines() {
        for line in [
            "Photo: Reuters",
            "Photograph: Tom Jones/Getty Images",
            "(AP Photo/Sam Cole)",
            "Getty Images",
            "Image source, Getty Images",
            "AFP via Getty Images",
            "REUTERS/Lee Park/File Photo",
        ] {
            assert_eq!(
                caption_shape(line),
                Some(CaptionShape::CreditOnly),
                "{line}"
            );
        }
    }

    #[test]
    fn a_wire_before_a_slash() {
        assert!(wire_before_slash("Smoke rises. REUTERS/Kim Min-ji"));
        assert!(wire_before_slash("(AP/Sam Cole)"));
        assert!(!wire_before_slash("He said and/or she said."));
        assert!(!wire_before_slash("MAP/Jo Lee"));
        assert!(!wire_before_slash("/AP"));
    }

    #[test]
    fn body_sentences_are_not_captions() {
        for line in [
            "The photo was taken by a tourist on Monday, police said.",
            "He posted an image of the letter online.",
            "Getty/Instagram.",
            "Photographs of the event circulated widely, and officials said the image: was fake.",
            "The company said its video service grew 20 per cent.",
        ] {
            assert_eq!(caption_shape(line), None, "{line}");
        }
    }
}
