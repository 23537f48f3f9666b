//! Choosing the article's container(s): Readability-style paragraph scores
//! flow up to nearby ancestors, candidates are weighed by class hints and
//! link density, near-equal candidates promote their common ancestor, and
//! good siblings join so a body split over several containers stays whole.

use super::walk::{Elem, RawBlock};
use crate::article::BlockKind;

/// Text totals and scores per element.
pub struct Scores {
    pub text: Vec<usize>,
    pub links: Vec<usize>,
    pub score: Vec<f32>,
}

impl Scores {
    pub fn link_density(&self, e: usize) -> f32 {
        let text = self.text.get(e).copied().unwrap_or(0);
        let links = self.links.get(e).copied().unwrap_or(0);
        if text == 0 {
            0.0
        } else {
            links as f32 / text as f32
        }
    }
}

/// How far up a paragraph's score flows.
const LEVELS: usize = 5;

pub fn score(elems: &[Elem], blocks: &[RawBlock]) -> Scores {
    let n = elems.len();
    let mut text = vec![0usize; n];
    let mut links = vec![0usize; n];
    let mut score = vec![0f32; n];
    for b in blocks {
        if b.kind == BlockKind::Caption {
            continue;
        }
        let len = b.text.chars().count();
        if let Some(t) = text.get_mut(b.owner) {
            *t += len;
        }
        if let Some(l) = links.get_mut(b.owner) {
            *l += b.link_chars.min(len);
        }
        paragraph_score(elems, b, len, &mut score);
    }
    // Pre-order: children come after parents, so a reverse pass sums subtrees.
    for i in (0..n).rev() {
        if let Some(p) = elems.get(i).and_then(|e| e.parent) {
            let (t, l) = (text[i], links[i]);
            text[p] += t;
            links[p] += l;
        }
    }
    Scores { text, links, score }
}

fn paragraph_score(elems: &[Elem], b: &RawBlock, len: usize, score: &mut [f32]) {
    let weight = match b.kind {
        BlockKind::Paragraph | BlockKind::Blockquote | BlockKind::Preformatted => 1.0,
        BlockKind::ListItem => 0.5,
        _ => return,
    };
    if len < 25 {
        return;
    }
    let commas = b
        .text
        .chars()
        .filter(|c| matches!(c, ',' | '，' | '、' | '،'))
        .count();
    let density = b.link_chars.min(len) as f32 / len as f32;
    let s = (1.0 + commas as f32 + (len as f32 / 100.0).min(3.0)) * weight * (1.0 - density);
    let Some(owner) = elems.get(b.owner) else {
        return;
    };
    if owner.hint.junk {
        return;
    }
    // Text loose in a container (not in a <p>) scores the container itself.
    let paragraph_like = matches!(
        owner.name,
        "p" | "li" | "dd" | "dt" | "blockquote" | "pre" | "h2" | "h3" | "h4" | "h5" | "h6" | "td"
    ) || super::hints::is_inline(owner.name);
    let mut at = if paragraph_like {
        owner.parent
    } else {
        Some(b.owner)
    };
    for level in 0..LEVELS {
        let Some(a) = at else { break };
        let Some(e) = elems.get(a) else { break };
        if e.hint.junk {
            break;
        }
        let divider = match level {
            0 => 1.0,
            1 => 2.0,
            l => l as f32 * 3.0,
        };
        if let Some(slot) = score.get_mut(a) {
            *slot += s / divider;
        }
        at = e.parent;
    }
}

fn tag_prior(name: &str) -> f32 {
    match name {
        "div" | "article" | "section" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// A candidate's final weight.
pub fn candidate_score(elems: &[Elem], s: &Scores, e: usize) -> f32 {
    let Some(el) = elems.get(e) else { return 0.0 };
    let raw = s.score.get(e).copied().unwrap_or(0.0);
    if raw <= 0.0 || el.hint.junk {
        return 0.0;
    }
    // Class words count fully only once real paragraphs back the element.
    let hinted = el.hint.weight * (raw / 10.0).min(1.0);
    // Inside furniture (a comment thread): only wins when nothing else can.
    let furniture = if el.nearest_junk.is_some() { 0.3 } else { 1.0 };
    let in_list = el.name == "article" && el.parent.is_some_and(|p| is_story_list(elems, s, p));
    let list = if in_list || is_story_list(elems, s, e) {
        0.2
    } else {
        1.0
    };
    (raw + tag_prior(el.name) + hinted) * (1.0 - s.link_density(e)) * furniture * list
}

/// Three or more child `<article>`s holding most of the text: a list of stories.
fn is_story_list(elems: &[Elem], s: &Scores, e: usize) -> bool {
    let (mut count, mut text) = (0, 0);
    for c in children(elems, e) {
        if elems.get(c).is_some_and(|el| el.name == "article") {
            count += 1;
            text += s.text.get(c).copied().unwrap_or(0);
        }
    }
    count >= 3 && text * 2 >= s.text.get(e).copied().unwrap_or(0)
}

/// The containers holding the article, in document order. A JSON-LD
/// articleBody, when the page has one, only checks the choice: if the
/// chosen text covers it badly, another scored candidate that matches it
/// better is taken instead. The text always comes from the page itself.
pub fn choose(
    elems: &[Elem],
    s: &Scores,
    blocks: &[RawBlock],
    ld_body: Option<&str>,
) -> Vec<usize> {
    let finals: Vec<f32> = (0..elems.len())
        .map(|e| candidate_score(elems, s, e))
        .collect();
    let Some(top) = argmax(&finals) else {
        // Nothing scored (short texts only): keep the whole body, minus furniture.
        return elems
            .iter()
            .position(|e| e.name == "body")
            .into_iter()
            .collect();
    };
    let roots = expand(elems, s, &finals, top);
    let Some(reference) = ld_body.map(Bag::of).filter(|b| b.total >= 40) else {
        return roots;
    };
    let agreement = |roots: &[usize]| reference.f1(&Bag::of_blocks(blocks, elems, roots));
    let first = agreement(&roots);
    if first >= 0.8 {
        return roots;
    }
    let mut ranked: Vec<usize> = (0..finals.len()).filter(|&e| finals[e] > 0.0).collect();
    ranked.sort_by(|a, b| finals[*b].total_cmp(&finals[*a]));
    ranked.truncate(10);
    let mut best = (first + 0.1, roots);
    for c in ranked {
        for other in [expand(elems, s, &finals, c), vec![c]] {
            let f = agreement(&other);
            if f > best.0 {
                best = (f, other);
            }
        }
    }
    best.1
}

/// Prose of a block that counts as article text when widening: long
/// enough, few links, not furniture inside `within`.
fn prose_len(elems: &[Elem], b: &RawBlock, within: usize, end: usize) -> usize {
    if !matches!(
        b.kind,
        BlockKind::Paragraph
            | BlockKind::Blockquote
            | BlockKind::ListItem
            | BlockKind::Preformatted
    ) {
        return 0;
    }
    let len = b.text.chars().count();
    let junk = elems
        .get(b.owner)
        .and_then(|o| o.nearest_junk)
        .is_some_and(|j| j >= within && j <= end);
    if junk || len < 80 || b.link_chars * 5 > len {
        return 0;
    }
    len
}

/// A body split over cousin containers (page-builder widgets, sections):
/// move up to an ancestor while the text it adds is mostly prose and
/// adds a good share to what was chosen.
pub fn widen(elems: &[Elem], blocks: &[RawBlock], roots: Vec<usize>) -> Vec<usize> {
    let (Some(&first), Some(&last)) = (roots.first(), roots.last()) else {
        return roots;
    };
    let last_end = elems.get(last).map_or(last, |e| e.end);
    let inside = |o: usize| {
        roots
            .iter()
            .any(|&r| o >= r && elems.get(r).is_some_and(|e| o <= e.end))
    };
    let chosen: usize = blocks
        .iter()
        .filter(|b| b.owner >= first && b.owner <= last_end && inside(b.owner))
        .map(|b| prose_len(elems, b, first, last_end))
        .sum();
    let mut best = roots.clone();
    // An <article> that holds the headline holds one story: never widen
    // past it. One without it may be a section or card of the story.
    let story = |a: usize| {
        let Some(e) = elems.get(a).filter(|e| e.name == "article") else {
            return false;
        };
        blocks.iter().any(|b| {
            b.kind == BlockKind::Heading && b.level == 1 && b.owner >= a && b.owner <= e.end
        })
    };
    if story(first) {
        return roots;
    }
    let card = elems
        .get(first)
        .and_then(|e| e.nearest_article)
        .filter(|&x| !story(x));
    let mut at = elems.get(first).and_then(|e| e.parent);
    let mut levels = 0;
    while levels < WIDEN_LEVELS {
        let Some(a) = at else { break };
        let Some(el) = elems.get(a) else { break };
        // A junk-hinted wrapper stops the climb; one above it does not: the
        // chosen text sits inside that wrapper too ("with-nav-sidebar").
        if matches!(el.name, "body" | "html") || el.hint.junk {
            break;
        }
        let (mut prose, mut other, mut linky) = (0usize, 0usize, 0usize);
        for b in blocks
            .iter()
            .filter(|b| b.owner >= a && b.owner <= el.end && !inside(b.owner))
        {
            if b.kind == BlockKind::Caption {
                continue;
            }
            let p = prose_len(elems, b, a, el.end);
            if p > 0 {
                prose += p;
            } else {
                let len = b.text.chars().count();
                other += len;
                // Furniture or mostly links: what a wrapper adds around a story.
                let junk = elems
                    .get(b.owner)
                    .and_then(|o| o.nearest_junk)
                    .is_some_and(|j| j >= a && j <= el.end);
                if junk || b.link_chars * 2 > len {
                    linky += len;
                }
            }
        }
        // A list page or a guide splits its text over cards, headings, short
        // list items and tables: enough prose, and link lines and furniture
        // (menus, related links) at most half of what the ancestor adds.
        if prose >= 200 && prose * 2 >= chosen && linky * 2 <= prose + other {
            best = vec![a];
        } else if prose * 3 < other && other >= WIDEN_STOP && card.is_none_or(|x| a < x) {
            // Inside a card of the story (an <article> without the
            // headline: a listicle's item), its specs and tabs are its own.
            break;
        }
        if story(a) {
            break;
        }
        // A bare wrapper that adds almost nothing does not use up a level.
        if prose + other >= 100 {
            levels += 1;
        }
        at = el.parent;
    }
    best
}

/// How many ancestors `widen` looks at: page builders wrap a section in
/// four or five divs.
const WIDEN_LEVELS: usize = 6;

/// Non-prose characters an ancestor must add before `widen` stops
/// climbing: a heading or a date line between wrappers does not stop it.
const WIDEN_STOP: usize = 400;

/// From a top candidate to the final containers: promote, then siblings.
fn expand(elems: &[Elem], s: &Scores, finals: &[f32], top: usize) -> Vec<usize> {
    let top_score = finals.get(top).copied().unwrap_or(0.0);
    let top = promote(elems, s, finals, top, top_score);
    let Some(parent) = elems.get(top).and_then(|e| e.parent) else {
        return vec![top];
    };
    let top_score = finals.get(top).copied().unwrap_or(0.0).max(top_score);
    let threshold = (0.2 * top_score).max(10.0);
    let top_class = elems.get(top).and_then(|e| e.class);
    let mut roots = Vec::new();
    for sib in children(elems, parent) {
        if sib == top {
            roots.push(sib);
            continue;
        }
        let Some(el) = elems.get(sib) else { continue };
        // Another <article> beside the chosen one is another story.
        if el.hint.junk || el.name == "article" {
            continue;
        }
        let same_class = top_class.is_some() && el.class == top_class;
        let bonus = if same_class { 0.2 * top_score } else { 0.0 };
        let fin = finals.get(sib).copied().unwrap_or(0.0);
        let text = s.text.get(sib).copied().unwrap_or(0);
        let ld = s.link_density(sib);
        let keep = fin + bonus >= threshold
            || (el.name == "p" && text > 80 && ld < 0.25)
            || (el.hint.body && text > 80 && ld < 0.25);
        if keep {
            roots.push(sib);
        }
    }
    roots
}

/// Word counts of a text, for comparing two texts cheaply.
struct Bag {
    words: std::collections::HashMap<u64, u32>,
    total: u32,
}

impl Bag {
    fn of(text: &str) -> Bag {
        let mut bag = Bag {
            words: std::collections::HashMap::new(),
            total: 0,
        };
        bag.add(text);
        bag
    }

    fn of_blocks(blocks: &[RawBlock], elems: &[Elem], roots: &[usize]) -> Bag {
        let mut bag = Bag::of("");
        for &r in roots {
            let end = elems.get(r).map_or(r, |e| e.end);
            for b in blocks.iter().filter(|b| b.owner >= r && b.owner <= end) {
                if b.kind != BlockKind::Caption {
                    bag.add(&b.text);
                }
            }
        }
        bag
    }

    fn add(&mut self, text: &str) {
        use std::hash::{Hash, Hasher};
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            word.hash(&mut h);
            *self.words.entry(h.finish()).or_insert(0) += 1;
            self.total += 1;
        }
    }

    /// Word-overlap F1 between two bags.
    fn f1(&self, other: &Bag) -> f32 {
        if self.total == 0 || other.total == 0 {
            return 0.0;
        }
        let common: u32 = self
            .words
            .iter()
            .map(|(w, n)| (*n).min(other.words.get(w).copied().unwrap_or(0)))
            .sum();
        2.0 * common as f32 / (self.total + other.total) as f32
    }
}

fn argmax(v: &[f32]) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (i, &x) in v.iter().enumerate() {
        if x > 0.0 && best.is_none_or(|(_, b)| x > b) {
            best = Some((i, x));
        }
    }
    best.map(|(i, _)| i)
}

/// Direct children of an element (pre-order ranges, no child lists).
pub fn children<'a>(elems: &'a [Elem], parent: usize) -> impl Iterator<Item = usize> + 'a {
    let end = elems.get(parent).map_or(0, |e| e.end);
    let mut at = parent + 1;
    std::iter::from_fn(move || {
        if at > end {
            return None;
        }
        let current = at;
        at = elems.get(current).map_or(end + 1, |e| e.end + 1);
        Some(current)
    })
}

/// Move up when several strong candidates share an ancestor (a body split
/// into sections), or when the parent holds no text beyond the candidate.
fn promote(elems: &[Elem], s: &Scores, finals: &[f32], top: usize, top_score: f32) -> usize {
    let mut alternatives: Vec<usize> = finals
        .iter()
        .enumerate()
        .filter(|&(i, &f)| i != top && f >= 0.75 * top_score)
        .map(|(i, _)| i)
        .collect();
    alternatives.sort_by(|a, b| finals[*b].total_cmp(&finals[*a]));
    alternatives.truncate(5);
    let mut best = top;
    if alternatives.len() >= 3 {
        let mut at = elems.get(top).and_then(|e| e.parent);
        while let Some(a) = at {
            let Some(el) = elems.get(a) else { break };
            if matches!(el.name, "body" | "html") || is_story_list(elems, s, a) {
                break;
            }
            let inside = alternatives
                .iter()
                .filter(|&&x| x > a && x <= el.end)
                .count();
            if inside >= 3 {
                best = a;
                break;
            }
            at = el.parent;
        }
    }
    let own = s.text.get(best).copied().unwrap_or(0);
    while let Some(p) = elems.get(best).and_then(|e| e.parent) {
        let Some(pe) = elems.get(p) else { break };
        if matches!(pe.name, "body" | "html") || pe.hint.junk {
            break;
        }
        if s.text.get(p).copied().unwrap_or(0) > own {
            break;
        }
        best = p;
    }
    best
}
