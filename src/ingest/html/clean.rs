//! Inside the chosen containers: which blocks are article text. Furniture
//! nested in the body, teaser articles, link lists, link-dense lines, the
//! repeated headline and stock lines go; photo credits become captions.

use super::score::Scores;
use super::walk::{Elem, RawBlock};
use super::{norm, norm_eq};
use crate::article::{Block, BlockKind};
use regex::Regex;
use std::sync::LazyLock;

/// "Image 3 of 12", "1 / 6": gallery counters.
static GALLERY_COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(image|photo|picture|slide|foto|bild)?\s*\d+\s*(of|/|von|de|di)\s*\d+\W*$")
        .unwrap_or_else(|e| panic!("literal regex: {e}"))
});

/// "By Ann Lee - 11/18/19", "Por Ana Gil": a byline line, not a sentence.
fn is_byline_line(text: &str) -> bool {
    let t = text.trim();
    if t.split_whitespace().nth(12).is_some() || t.ends_with(['.', '!', '?', ':']) {
        return false;
    }
    let lower = t.to_lowercase();
    ["by ", "por ", "von ", "par "]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// Lines that are page furniture wherever they stand: ad labels (in
/// several languages), section labels, reading-time notes, share prompts.
fn is_boilerplate_line(text: &str) -> bool {
    if text.split_whitespace().nth(8).is_some() {
        return false;
    }
    let t = text.trim().to_lowercase();
    let bare = t.trim_matches(|c: char| !c.is_alphanumeric());
    const LINES: &[&str] = &[
        "advertisement",
        "advert",
        "ad",
        "ads",
        "sponsored",
        "sponsored links",
        "sponsored content",
        "anzeige",
        "werbung",
        "publicité",
        "publicidad",
        "pubblicità",
        "publicidade",
        "iklan",
        "реклама",
        "广告",
        "廣告",
        "広告",
        "광고",
        "comments",
        "comment",
        "tags",
        "topics",
        "share",
        "share this",
        "share this article",
        "share this story",
        "print",
        "email",
        "text size",
        "related",
        "related articles",
        "related stories",
        "related content",
        "more stories",
        "you may also like",
        "recommended",
        "explore further",
        "read more",
        "read next",
        "skip to content",
        "back to top",
    ];
    if LINES.contains(&bare) || GALLERY_COUNTER.is_match(&t) || is_byline_line(text) {
        return true;
    }
    const READING_TIME: &[&str] = &[
        "min read",
        "minute read",
        "minutes read",
        "reading time",
        "read time",
        "tempo de leitura",
        "temps de lecture",
        "tiempo de lectura",
        "lesezeit",
        "tempo di lettura",
    ];
    let has_digit = t.chars().any(|c| c.is_ascii_digit());
    if has_digit && READING_TIME.iter().any(|w| t.contains(w)) {
        return true;
    }
    const STARTS: &[&str] = &[
        "advertisement",
        "read more:",
        "read also:",
        "see also:",
        "related:",
        "share this",
        "share on",
        "click here to",
        "sign up for",
        "subscribe to",
        "follow us",
        "image copyright",
        "copyright ©",
        "©",
    ];
    STARTS.iter().any(|s| t.starts_with(s))
}

/// A photo credit standing alone ("Photo: A. Person/Agency", "... Getty
/// Images"): a caption, not body text.
fn is_credit_line(text: &str) -> bool {
    if text.split_whitespace().nth(20).is_some() {
        return false;
    }
    let t = text.trim().to_lowercase();
    const STARTS: &[&str] = &[
        "photo:",
        "photos:",
        "image:",
        "images:",
        "picture:",
        "credit:",
        "photograph:",
        "foto:",
        "fotos:",
        "(photo",
        "(image",
        "image copyright",
        "image caption",
        "photo credit",
    ];
    const AGENCIES: &[&str] = &[
        "getty images",
        "shutterstock",
        "/afp",
        "/reuters",
        "/ap photo",
        "istock",
    ];
    STARTS.iter().any(|s| t.starts_with(s)) || AGENCIES.iter().any(|a| t.contains(a))
}

/// Characters of low-link text that make a nested `<article>` a section
/// of the story rather than a teaser (250 to 800 score alike on wcxb-dev).
const SECTION_TEXT: usize = 400;

/// Share of a list's text in links above which the list, inside the body,
/// is related stories or tags. A list of sources or resources with a few
/// words around each link is the story's (0.5 cut those on wcxb-dev).
const LINK_LIST: f32 = 0.9;

/// Characters a furniture-named wrapper must hold (and half the chosen
/// text) to count as the story's own wrapper.
const WRAPPER_TEXT: usize = 800;

/// The blocks inside the chosen containers, furniture left out.
pub fn body_blocks(
    elems: &[Elem],
    blocks: &[RawBlock],
    scores: &Scores,
    roots: &[usize],
    title: &str,
) -> Vec<Block> {
    blocks_within(elems, blocks, scores, roots, title, false)
}

/// Every block of the page that reads as text (headline, link lines and
/// stock lines left out), furniture included: the last resort for pages
/// whose markup hides the story inside something that looks like furniture.
pub fn page_text(elems: &[Elem], blocks: &[RawBlock], scores: &Scores, title: &str) -> Vec<Block> {
    let roots: Vec<usize> = elems
        .iter()
        .position(|e| e.name == "body")
        .into_iter()
        .collect();
    blocks_within(elems, blocks, scores, &roots, title, true)
}

fn blocks_within(
    elems: &[Elem],
    blocks: &[RawBlock],
    scores: &Scores,
    roots: &[usize],
    title: &str,
    keep_furniture: bool,
) -> Vec<Block> {
    let title_norm = norm(title);
    let mut out: Vec<Block> = Vec::new();
    for root in roots {
        let Some(root_el) = elems.get(*root) else {
            continue;
        };
        let (start, end) = (*root, root_el.end);
        let root_text = scores.text.get(start).copied().unwrap_or(0);
        // A furniture-named wrapper holding most of the chosen text, with
        // few links, is the story's own wrapper (a "page-footer" around a
        // guide's entries, a "promoted" recipe node), not furniture in it.
        // (Not when the whole page stands in for a missed choice: there
        // the sidebar of a two-column layout holds half the text too.)
        let chosen = root_el.name != "body";
        let wraps_story = |j: usize| {
            let text = scores.text.get(j).copied().unwrap_or(0);
            chosen && text >= WRAPPER_TEXT && text * 2 >= root_text && scores.link_density(j) < 0.2
        };
        for b in blocks.iter().filter(|b| b.owner >= start && b.owner <= end) {
            let junk_inside = elems
                .get(b.owner)
                .and_then(|o| o.nearest_junk)
                .is_some_and(|j| j > start && j <= end && !wraps_story(j));
            // A small <article> nested in the body is a teaser for another
            // story, unless it holds prose with few links: then it is a
            // section or card of this one (guides, listicles).
            let teaser = elems
                .get(b.owner)
                .and_then(|o| o.nearest_article)
                .is_some_and(|a| {
                    let text = scores.text.get(a).copied().unwrap_or(0);
                    let section = text >= SECTION_TEXT && scores.link_density(a) < 0.2;
                    a > start && a <= end && text * 2 < root_text && !section
                });
            // A list of links inside the body: related stories, tags.
            let link_list = elems
                .get(b.owner)
                .and_then(|o| o.nearest_list)
                .is_some_and(|l| l > start && l <= end && scores.link_density(l) > LINK_LIST);
            if (junk_inside && !keep_furniture) || teaser || link_list {
                continue;
            }
            let len = b.text.chars().count().max(1);
            // Mostly links: a teaser or menu line. A long block stays unless
            // it is nearly all link (a summary item led by its headline link).
            let link_dense = b.link_chars * 2 > len && (len < 200 || b.link_chars * 5 > len * 4);
            if link_dense && b.kind != BlockKind::Caption {
                continue;
            }
            if b.kind == BlockKind::Heading && b.level == 1 {
                continue;
            }
            let maybe_title = b.text.len() <= title.len() * 2 + 16;
            if maybe_title && !title_norm.is_empty() && norm_eq(&b.text, &title_norm) {
                continue;
            }
            if is_boilerplate_line(&b.text) {
                continue;
            }
            let kind = if is_credit_line(&b.text) {
                BlockKind::Caption
            } else {
                b.kind
            };
            out.push(Block::new(kind, b.text.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines() {
        for line in [
            "Advertisement",
            "ANZEIGE",
            "Image 3 of 12",
            "1 / 6",
            "5 min read",
            "Tempo de leitura: 2 minutos",
            "By Ann Lee - 11/18/19 11:04 PM EST",
            "Share this article",
        ] {
            assert!(is_boilerplate_line(line), "{line}");
        }
        for line in [
            "By the end of the year, prices had doubled.",
            "Ad hoc committees met 3 times.",
            "The vote was 5 of 9 in favour, officials said on Monday.",
        ] {
            assert!(!is_boilerplate_line(line), "{line}");
        }
    }

    #[test]
    fn credit_lines() {
        assert!(is_credit_line("Photo: Jane Roe/Reuters"));
        assert!(is_credit_line("The harbour at dawn. Getty Images"));
        assert!(!is_credit_line(
            "The photographer said the image was taken at dawn."
        ));
    }
}
