//! Image captions and photo credits: "... Photo: Reuters",
//! "Photograph: Jo Lee/PA", "(AP Photo/Sam Cole)", "Image caption, ...".
//! One line's text at a time; reusable by the HTML extractor.

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
    Regex::new(p).unwrap_or_else(|e| panic!("bad caption pattern: {e}"))
}

/// A credit standing alone on the line.
static CREDIT_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:\(?(?i:{WORD})s? ?(?::|：|by|/|-|–|—|,) ?[^.!?]+\)?|\(?{WIRES}? ?(?i:photo|photograph|image|picture)s? ?(?:/|by|:) ?[^)]+\)?|[\p{{L}} .'/&-]*(?:/| via | for )?Getty Images(?: [\p{{L}} .'/&-]*)?|{WIRES}/\p{{Lu}}[\p{{L}}.'-]* \p{{Lu}}[^/.]*(?:/[^/.]+){{0,2}}|\({WIRES}/[^)]+\)|(?:Credit|CREDIT)(?:\.\.\.|…) ?.+|Getty|Shutterstock)\.?$"
    ))
});

/// A credit at the end of a longer caption line.
static CREDIT_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[.!?”’)\]]\s*|\s)(?:{WORD}s? ?(?::|：|by) ?[^.:!?]+(?:\.[^.:!?\s][^.:!?]*)?|\(\s*{WIRES}? ?(?i:photo|photograph|image|picture)s? ?(?:/|by|:) ?[^)]+\)|(?:Credit|CREDIT)(?:\.\.\.|…) ?.+|[\p{{L}} .'&-]*/ ?Getty Images|{WIRES} via Getty Images|{WIRES}/\p{{Lu}}[\p{{L}}.'-]* \p{{Lu}}[^.]*|\({WIRES}/[^)]+\)|Photo/[\p{{Lu}}][\p{{L}} ]+)\s*\.?$"
    ))
});

/// "Image caption, ...", "Caption: ...", "Pictured: ...".
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:image caption|photo caption|caption|pictured|main image|top image|header image|featured image|above|图注|图说)\s*[:,：]\s*\S",
    )
});

/// The caption shape of a line, if it is one.
pub fn caption_shape(line: &str) -> Option<CaptionShape> {
    let line = line.trim();
    let chars = line.chars().count();
    if chars == 0 || chars > 600 {
        return None;
    }
    if chars <= 120 && CREDIT_ONLY.is_match(line) {
        return Some(CaptionShape::CreditOnly);
    }
    if LABELLED.is_match(line) || (may_hold_credit(line) && CREDIT_TAIL.is_match(line)) {
        return Some(CaptionShape::Full);
    }
    None
}

/// Every credit `CREDIT_TAIL` knows holds one of these: a label word, a
/// bracket, a slash or an agency's "Getty". Checked first, as the pattern
/// ends at the line's end and is slow to rule out on a long paragraph.
fn may_hold_credit(line: &str) -> bool {
    const MARKS: [&str; 15] = [
        "(",
        "/",
        "Getty",
        "CREDIT",
        "Credit",
        "Pic",
        "Photo",
        "Image",
        "Illustration",
        "Graphic",
        "Video",
        "Footage",
        "Foto",
        "Bild",
        "图",
    ];
    MARKS.iter().any(|m| line.contains(m)) || line.contains("摄影")
}

/// True for a caption or a photo credit line.
pub fn is_caption(line: &str) -> bool {
    caption_shape(line).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert!(CREDIT_TAIL.is_match(line), "{line}");
            assert!(may_hold_credit(line), "{line}");
        }
        assert!(!may_hold_credit("The council met on Tuesday and voted."));
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
