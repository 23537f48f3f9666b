//! HTML pages -> Article: the main content, not all page text.
//!
//! parse (bounded nesting) -> walk (elements, text blocks, metadata tags)
//! -> score (which containers hold the article) -> keep their blocks
//! minus furniture, link lists and the repeated headline.

mod hints;
pub mod metadata;
mod parse;
mod score;
mod walk;

use crate::article::{Article, Block, BlockKind};
use metadata::Meta;
use walk::{Elem, RawBlock, Walked};

/// Extract the article from a decoded HTML page.
pub fn extract(html: &str) -> Article {
    let doc = parse::parse(html);
    let Walked {
        elems,
        blocks,
        meta: raw,
    } = walk::walk(&doc);
    let byline_text = raw.byline_elems.first().and_then(|&e| {
        let end = elems.get(e)?.end;
        let text: Vec<&str> = blocks
            .iter()
            .filter(|b| b.owner >= e && b.owner <= end)
            .map(|b| b.text.as_str())
            .collect();
        let text = text.join(" ");
        (!text.is_empty() && text.len() < 200).then_some(text)
    });
    let meta = metadata::resolve(&raw, byline_text);
    let scores = score::score(&elems, &blocks);
    let roots = score::choose(&elems, &scores);
    #[cfg(debug_assertions)]
    if std::env::var_os("LEDE_DEBUG_HTML").is_some() {
        for r in &roots {
            if let Some(e) = elems.get(*r) {
                eprintln!("root {r} <{} class={:?}> text={} score={}", e.name, e.class, scores.text[*r], score::candidate_score(&elems, &scores, *r));
            }
        }
        let mut c: Vec<usize> = (0..elems.len()).collect();
        c.sort_by(|a, b| score::candidate_score(&elems, &scores, *b).total_cmp(&score::candidate_score(&elems, &scores, *a)));
        for r in c.iter().take(8) {
            let e = &elems[*r];
            eprintln!("  cand {r} <{} class={:?}> text={} final={} raw={} parent={:?}", e.name, e.class, scores.text[*r], score::candidate_score(&elems, &scores, *r), scores.score[*r], e.parent);
        }
    }
    let title = choose_title(&meta, &blocks);
    let body = body_blocks(&elems, &blocks, &scores, &roots, &title);
    let standfirst = standfirst(&meta, &title, &body);
    Article {
        title,
        standfirst,
        byline: meta.byline,
        publisher: meta.publisher,
        published: meta.published,
        url: meta.url,
        section: None,
        blocks: body,
    }
}

/// Letters and digits only, lowercased: for comparing titles and lines.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The page's h1 when it agrees with a declared title, else the declared
/// title (JSON-LD headline, og:title, <title>) without a site suffix.
fn choose_title(meta: &Meta, blocks: &[RawBlock]) -> String {
    let declared: Vec<&str> = [&meta.headline, &meta.og_title, &meta.doc_title]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    let h1s = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading && b.level == 1);
    for h in h1s.clone() {
        let n = norm(&h.text);
        if n.len() >= 8
            && declared.iter().any(|d| {
                let d = norm(d);
                d == n || d.starts_with(&n) || n.starts_with(&d)
            })
        {
            return h.text.clone();
        }
    }
    if let Some(t) = &meta.headline {
        return t.clone();
    }
    if let Some(t) = &meta.og_title {
        return strip_site_suffix(t, meta.publisher.as_deref(), false);
    }
    if let Some(t) = &meta.doc_title
        && !t.is_empty()
    {
        return strip_site_suffix(t, meta.publisher.as_deref(), true);
    }
    h1s.map(|h| h.text.clone()).next().unwrap_or_default()
}

/// "Headline | Site" -> "Headline". Without a known site name only a short
/// tail after a separator goes, and only from the <title> tag.
fn strip_site_suffix(title: &str, site: Option<&str>, lenient: bool) -> String {
    const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "];
    let mut t = title.trim();
    for _ in 0..2 {
        let Some((head, tail)) = SEPARATORS
            .iter()
            .filter_map(|s| t.rfind(s).map(|i| (i, s.len())))
            .max_by_key(|&(i, _)| i)
            .and_then(|(i, len)| Some((t.get(..i)?, t.get(i + len..)?)))
        else {
            break;
        };
        let is_site = site.is_some_and(|s| norm(s) == norm(tail) || norm(tail).contains(&norm(s)));
        let short_tail = tail.split_whitespace().count() <= 4
            && head.split_whitespace().count() >= 3;
        if is_site || (lenient && short_tail) {
            t = head.trim();
        } else {
            break;
        }
    }
    t.to_string()
}

/// Lines that are page furniture wherever they stand.
fn is_boilerplate_line(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let words = t.split_whitespace().count();
    if words > 8 {
        return false;
    }
    const STARTS: &[&str] = &[
        "advertisement",
        "read more",
        "read also",
        "see also",
        "related:",
        "share this",
        "share on",
        "click here",
        "sign up",
        "subscribe",
        "follow us",
        "image:",
        "photo:",
        "image copyright",
        "getty images",
        "(photo",
        "copyright ©",
        "©",
    ];
    STARTS.iter().any(|s| t.starts_with(s))
}

/// The blocks inside the chosen containers, furniture left out.
fn body_blocks(
    elems: &[Elem],
    blocks: &[RawBlock],
    scores: &score::Scores,
    roots: &[usize],
    title: &str,
) -> Vec<Block> {
    let title_norm = norm(title);
    let mut out: Vec<Block> = Vec::new();
    for root in roots {
        let Some(root_el) = elems.get(*root) else {
            continue;
        };
        let (start, end) = (*root, root_el.end);
        for b in blocks.iter().filter(|b| b.owner >= start && b.owner <= end) {
            let junk_inside = elems
                .get(b.owner)
                .and_then(|o| o.nearest_junk)
                .is_some_and(|j| j > start && j <= end);
            // A small <article> nested in the body is a teaser for another story.
            let root_text = scores.text.get(start).copied().unwrap_or(0);
            let teaser = elems
                .get(b.owner)
                .and_then(|o| o.nearest_article)
                .is_some_and(|a| {
                    a > start && a <= end && scores.text.get(a).copied().unwrap_or(0) * 2 < root_text
                });
            if junk_inside || teaser {
                continue;
            }
            let len = b.text.chars().count().max(1);
            let link_dense = b.link_chars * 2 > len;
            if link_dense && b.kind != BlockKind::Caption {
                continue;
            }
            if b.kind == BlockKind::Heading && b.level == 1 {
                continue;
            }
            if !title_norm.is_empty() && norm(&b.text) == title_norm {
                continue;
            }
            if is_boilerplate_line(&b.text) {
                continue;
            }
            out.push(Block::new(b.kind, b.text.clone()));
        }
    }
    out
}

/// og:description or the like, when it is a real dek: not the title, not
/// a cut-off copy of the first paragraph.
fn standfirst(meta: &Meta, title: &str, body: &[Block]) -> Option<String> {
    let d = meta.description.as_deref()?.trim();
    let len = d.chars().count();
    if !(25..=500).contains(&len) || d.ends_with("...") || d.ends_with('…') {
        return None;
    }
    let n = norm(d);
    if n == norm(title) {
        return None;
    }
    let first = body
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph)
        .map(|b| norm(&b.text))
        .unwrap_or_default();
    let prefix: String = n.chars().take(60).collect();
    if !first.is_empty() && first.starts_with(&prefix) {
        return None;
    }
    Some(d.to_string())
}
