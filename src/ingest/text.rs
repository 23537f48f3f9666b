//! Plain-text dumps -> Article: the story a careful reader would keep.
//!
//! A dump copied out of a news page is a sequence of lines: navigation and
//! labels, the headline, a standfirst, byline and date lines, captions,
//! the paragraphs with ads and widgets between them, then sign-offs, tags,
//! lists of other headlines and footers. The cleaner works on structure:
//! 1. lines become units (paragraphs; hard wraps joined), see `lines`;
//! 2. each unit gets a kind from its own text (clutter, caption, date,
//!    related-list header, end marker, or text), see `ingest::clutter`;
//! 3. related lists and everything after a final sign-off are dropped;
//! 4. "anchors" (running-text paragraphs) mark where the body starts and
//!    ends: before it stand the title, standfirst, byline and date; short
//!    non-sentence lines outside the body are furniture, inside it they
//!    are subheadings.

mod head;
mod keep;
mod keep_weights;
mod linear;
mod lines;
pub mod meta;
mod title;
mod title_weights;

use crate::article::{Article, Block, BlockKind};
use crate::ingest::caption::{CaptionShape, caption_shape_form};
use crate::ingest::clutter::{
    ends_sentence, is_clutter_line_form, is_end_marker_form, is_related_header_form,
    is_weak_clutter_form, match_form, sign_off_name, word_len,
};
use crate::ingest::furniture::Furniture;
use crate::ingest::patterns::starts_with_ignore_ascii_case;
use crate::sanitize::sanitize;
use head::{cut_glued_title, looks_like_outlet, strip_site_suffix, strip_wire_tag, uncase_title};
use lines::Unit;
use meta::{is_date_line, parse_byline};
use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Clutter,
    /// Furniture only beside other furniture or outside the body.
    Weak,
    /// "Most read", "Next in ...": a list of other stories follows.
    Related,
    /// A sign-off, credit or copyright line: the story may end here.
    End,
    Caption(CaptionShape),
    Date,
    /// "By Staff", "By AFP": a byline naming no person.
    Byline,
    Text,
}

/// Longest headline, in words and characters.
const TITLE_MAX_WORDS: usize = 40;
const TITLE_MAX_CHARS: usize = 250;

/// Clean a plain-text story dump. `furniture` holds lines learned from the
/// library as this publisher's page furniture.
pub fn extract(input: &str, furniture: Option<&Furniture>) -> Article {
    let clean = sanitize(input);
    Dump::read(&clean, furniture).article()
}

/// "Jo Hale is a reporter at ...", "Written by Jo Hale", "Read more from
/// Jo Hale": the author box under the story, about its writer.
fn is_author_note(text: &str, name: &str, late: bool) -> bool {
    if let Some(rest) = text.strip_prefix(name)
        && late
    {
        return [" is ", " has ", " writes ", " covers ", " was "]
            .iter()
            .any(|v| rest.starts_with(v));
    }
    // Lower-cased only past a matching label: this runs on every body line.
    [
        "written by ",
        "read more from ",
        "more from ",
        "more by ",
        "about ",
    ]
    .iter()
    .any(|p| {
        starts_with_ignore_ascii_case(text, p)
            && text
                .get(p.len()..)
                .is_some_and(|r| r.trim().to_lowercase() == name.to_lowercase())
    })
}

/// A heading with no text after it heads nothing: headings closing a
/// dump's body are the page's (comment headers, related headlines, "Recent
/// Posts"), not the story's.
fn drop_trailing_headings(blocks: &mut Vec<Block>) {
    while blocks.len() > 1 && blocks.last().is_some_and(|b| b.kind == BlockKind::Heading) {
        blocks.pop();
    }
}

/// Every headline candidate of a dump with its features, for
/// `scripts/fit_title.py` (through `examples/features.rs title`).
#[doc(hidden)]
pub fn title_candidates(input: &str) -> Vec<(String, Vec<f64>)> {
    let clean = sanitize(input);
    Dump::read(&clean, None).title_feature_rows()
}

/// Every line a dump's body would hold, with the features the keep model
/// reads, for `scripts/fit_keep.py` (through `examples/features.rs keep`).
#[doc(hidden)]
pub fn keep_candidates(input: &str) -> Vec<(String, Vec<f64>)> {
    let clean = sanitize(input);
    let dump = Dump::read(&clean, None);
    let layout = dump.layout();
    let title = layout
        .title
        .map(|t| dump.text(t).to_string())
        .unwrap_or_default();
    let standfirst = layout.standfirst.map(|s| dump.text(s).to_string());
    let mut rows = Vec::new();
    dump.body(&layout, &title, standfirst.as_deref(), Some(&mut rows));
    rows
}

/// The units of a dump with their kinds and the layout found, one line
/// each, for reading the cleaner's errors (`examples/dump_units.rs`).
#[doc(hidden)]
pub fn debug_units(input: &str) -> Vec<String> {
    let clean = sanitize(input);
    let dump = Dump::read(&clean, None);
    let l = dump.layout();
    let mut out = vec![format!(
        "layout title={:?} standfirst={:?} byline={:?} body={}..{}",
        l.title, l.standfirst, l.byline, l.body_start, l.body_end
    )];
    for i in 0..dump.len() {
        out.push(format!(
            "{i:4} {:?}{}{} {}",
            dump.kind(i),
            if dump.live(i) { "" } else { " DROPPED" },
            if dump.is_anchor(i) { " A" } else { "" },
            dump.text(i)
        ));
    }
    out
}

/// The kind of unit `u` from its own text; `form` is its text's
/// `match_form`.
fn classify(u: &Unit, form: &str) -> Kind {
    // The text's form serves the raw line too: a bullet marker adds no
    // credit word.
    if let Some(shape) = caption_shape_form(&u.raw, Some(form)) {
        return Kind::Caption(shape);
    }
    if is_related_header_form(&u.text, Some(form)) {
        return Kind::Related;
    }
    // "- AFP" signs off; "- Jane Smith" in a dashed list is a list item.
    let outlet_sign_off = u.bullet
        && sign_off_name(&u.raw)
            .is_some_and(|n| looks_like_outlet(&n) && n.split_whitespace().count() <= 4);
    let line = if u.bullet && !outlet_sign_off {
        &u.text
    } else {
        &u.raw
    };
    // The raw line's form is the text's unless a bullet marker differs.
    let raw_form;
    let line_form = if line == &u.text {
        form
    } else {
        raw_form = match_form(line);
        &raw_form
    };
    if is_end_marker_form(line, Some(line_form)) {
        return Kind::End;
    }
    if is_date_line(&u.raw) {
        return Kind::Date;
    }
    if is_clutter_line_form(line, Some(line_form)) {
        return Kind::Clutter;
    }
    if is_unnamed_byline(&u.text) {
        return Kind::Byline;
    }
    if is_weak_clutter_form(form) {
        return Kind::Weak;
    }
    Kind::Text
}

/// "By Staff", "By AFP": a short "By" line that names no person.
fn is_unnamed_byline(text: &str) -> bool {
    starts_with_ignore_ascii_case(text.trim_start(), "by ")
        && word_len(text) <= 5
        && !ends_sentence(text)
        && parse_byline(text).is_none()
}

/// Running text: a sentence of some length, or a long line (`words` is
/// the text's `word_len`).
fn is_anchor_text(text: &str, words: usize) -> bool {
    (ends_sentence(text) && words >= 8) || words >= 20
}

struct Dump {
    units: Vec<Unit>,
    kinds: Vec<Kind>,
    dropped: Vec<bool>,
    /// Per unit: its text reads as running text (see `is_anchor_text`).
    anchor_text: Vec<bool>,
    /// Per unit: the next live text unit after it (refreshed after drops).
    next_text: Vec<Option<usize>>,
    /// Per unit: the nearest live units after and before it (refreshed
    /// with `next_text`), so scans skip a long dropped tail at once.
    next_live: Vec<Option<usize>>,
    prev_live: Vec<Option<usize>>,
    /// Per unit: its `word_len` and its `match_form`, asked for again and
    /// again by the scorers.
    words: Vec<usize>,
    forms: Vec<String>,
    /// Per unit: its `WordStats`, counted when a scorer first asks.
    word_stats: Vec<std::cell::OnceCell<keep::WordStats>>,
    /// Per unit: its text read as a byline, parsed when first asked (the
    /// headline and byline finders ask of the same lines again and again).
    bylines: Vec<std::cell::OnceCell<Option<meta::Byline>>>,
}

/// Where the metadata and the body stand.
struct Layout {
    title: Option<usize>,
    standfirst: Option<usize>,
    byline: Option<usize>,
    byline_parsed: Option<meta::Byline>,
    body_start: usize,
    body_end: usize,
}

impl Dump {
    /// Split a sanitized dump into units and classify them.
    fn read(clean: &str, furniture: Option<&Furniture>) -> Dump {
        let units = lines::units(clean);
        let forms: Vec<String> = units.iter().map(|u| match_form(&u.text)).collect();
        let kinds = units
            .iter()
            .zip(&forms)
            .map(|(u, f)| classify(u, f))
            .collect();
        Dump::new(units, kinds, forms, furniture)
    }

    fn new(
        units: Vec<Unit>,
        kinds: Vec<Kind>,
        forms: Vec<String>,
        furniture: Option<&Furniture>,
    ) -> Dump {
        let n = units.len();
        let dropped = vec![false; n];
        let words: Vec<usize> = units.iter().map(|u| word_len(&u.text)).collect();
        let anchor_text = units
            .iter()
            .zip(&words)
            .map(|(u, &w)| is_anchor_text(&u.text, w))
            .collect();
        let mut dump = Dump {
            units,
            kinds,
            dropped,
            anchor_text,
            next_text: Vec::new(),
            next_live: Vec::new(),
            prev_live: Vec::new(),
            words,
            forms,
            word_stats: vec![std::cell::OnceCell::new(); n],
            bylines: vec![std::cell::OnceCell::new(); n],
        };
        if let Some(f) = furniture.filter(|f| !f.is_empty()) {
            dump.mark_furniture(f);
        }
        dump.refresh_next_text();
        dump.drop_after_end();
        dump.refresh_next_text();
        dump.drop_related_lists();
        dump.refresh_next_text();
        dump.drop_after_end();
        dump.refresh_next_text();
        dump
    }

    fn refresh_next_text(&mut self) {
        let mut next = vec![None; self.len()];
        let mut after = None;
        for (i, slot) in next.iter_mut().enumerate().rev() {
            *slot = after;
            if self.live(i) && self.kind(i) == Kind::Text {
                after = Some(i);
            }
        }
        self.next_text = next;
        let mut next = vec![None; self.len()];
        let mut after = None;
        for (i, slot) in next.iter_mut().enumerate().rev() {
            *slot = after;
            if self.live(i) {
                after = Some(i);
            }
        }
        self.next_live = next;
        let mut prev = vec![None; self.len()];
        let mut before = None;
        for (i, slot) in prev.iter_mut().enumerate() {
            *slot = before;
            if self.live(i) {
                before = Some(i);
            }
        }
        self.prev_live = prev;
    }

    /// The live units after `i`, nearest first.
    fn live_after(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.next_live.get(i).copied().flatten(), |&j| {
            self.next_live.get(j).copied().flatten()
        })
    }

    /// The live units before `i`, nearest first.
    fn live_before(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.prev_live.get(i).copied().flatten(), |&j| {
            self.prev_live.get(j).copied().flatten()
        })
    }

    fn len(&self) -> usize {
        self.units.len()
    }

    fn text(&self, i: usize) -> &str {
        self.units.get(i).map_or("", |u| u.text.as_str())
    }

    /// `word_len` of unit `i`'s text.
    fn words(&self, i: usize) -> usize {
        self.words.get(i).copied().unwrap_or(0)
    }

    /// The `WordStats` of unit `i`'s text.
    fn word_stats(&self, i: usize) -> keep::WordStats {
        self.word_stats
            .get(i)
            .map(|c| *c.get_or_init(|| keep::WordStats::of(self.text(i))))
            .unwrap_or_default()
    }

    /// Unit `i`'s text read as a byline (`meta::parse_byline`).
    fn parsed_byline(&self, i: usize) -> Option<&meta::Byline> {
        self.bylines
            .get(i)?
            .get_or_init(|| parse_byline(self.text(i)))
            .as_ref()
    }

    /// Unit `i` is a "By ..." (or "Written by ...") line naming someone.
    fn is_prefixed_byline(&self, i: usize) -> bool {
        head::has_by_prefix(self.text(i)) && self.parsed_byline(i).is_some()
    }

    /// `match_form` of unit `i`'s text.
    fn form(&self, i: usize) -> &str {
        self.forms.get(i).map_or("", String::as_str)
    }

    fn raw(&self, i: usize) -> &str {
        self.units.get(i).map_or("", |u| u.raw.as_str())
    }

    fn is_bullet(&self, i: usize) -> bool {
        self.units.get(i).is_some_and(|u| u.bullet)
    }

    fn drop_unit(&mut self, i: usize) {
        if let Some(d) = self.dropped.get_mut(i) {
            *d = true;
        }
    }

    fn kind(&self, i: usize) -> Kind {
        self.kinds.get(i).copied().unwrap_or(Kind::Clutter)
    }

    fn live(&self, i: usize) -> bool {
        i < self.len() && !self.dropped.get(i).copied().unwrap_or(true)
    }

    fn is_anchor(&self, i: usize) -> bool {
        self.live(i)
            && self.kind(i) == Kind::Text
            && self.anchor_text.get(i).copied().unwrap_or(false)
    }

    /// The next live text unit after `i` (as of the last refresh).
    fn next_text(&self, i: usize) -> Option<usize> {
        self.next_text.get(i).copied().flatten()
    }

    /// A related header drops the headlines after it, up to the end or to
    /// the point where the story's running text resumes.
    fn drop_related_lists(&mut self) {
        let first_anchor = (0..self.len())
            .find(|&i| self.is_anchor(i))
            .unwrap_or(self.len());
        let main_start = self.main_run().map_or(0, |(s, _)| s);
        let mut i = 0;
        while i < self.len() {
            if self.kind(i) != Kind::Related || !self.live(i) {
                i += 1;
                continue;
            }
            self.drop_unit(i);
            if i < first_anchor {
                // Above the story a "Trending" or "Latest" may be a menu
                // item: only a list set apart by a blank line goes.
                let mut j = i + 1;
                let set_apart =
                    (j..first_anchor).any(|k| self.units.get(k).is_some_and(|u| u.gap_before));
                while set_apart
                    && j < first_anchor
                    && self.units.get(j).is_some_and(|u| !u.gap_before)
                {
                    self.drop_unit(j);
                    j += 1;
                }
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < self.len() && !self.resumes_at(j) {
                j += 1;
            }
            // Where the list runs into the story's own start, its headline
            // and the date or byline under it stand just above the text:
            // they stay.
            let head = (j <= main_start)
                .then(|| self.story_head_before(i, j))
                .flatten();
            for k in i + 1..j {
                if head.is_none_or(|h| k < h) {
                    self.drop_unit(k);
                }
            }
            i = j;
        }
    }

    /// The end of a headline hard-wrapped onto the next line when the
    /// line joiner kept it apart: a bracket closed there ("[I Tested All
    /// Of" / "Them]") or a short parenthesis alone under it ("(checklist)").
    fn wrapped_title_tail(&self, t: usize) -> Option<&str> {
        let n = t + 1;
        let u = self.units.get(n)?;
        if u.gap_before || u.bullet || !self.live(n) || self.words(n) > 3 {
            return None;
        }
        let title = self.text(t);
        let tail = u.text.trim();
        let open = |o: char, c: char| {
            title.matches(o).count() > title.matches(c).count() && tail.ends_with(c)
        };
        // Not "[logo]" alone: a text browser's image.
        let aside = tail.starts_with('(') && tail.ends_with(')');
        (open('(', ')') || open('[', ']') || aside).then_some(tail)
    }

    /// The story's headline among the units a related list before `resume`
    /// would drop (after the list's header `header`): the last short line
    /// without a full stop that has a date or byline line between it and
    /// the running text.
    fn story_head_before(&self, header: usize, resume: usize) -> Option<usize> {
        (header + 1..resume)
            .rev()
            .take(10)
            .filter(|&k| self.live(k))
            .find(|&k| {
                self.kind(k) == Kind::Text
                    && (3..=TITLE_MAX_WORDS).contains(&self.words(k))
                    && !ends_sentence(self.text(k))
                    && !self.is_bullet(k)
                    && (k + 1..resume).any(|m| self.head_meta(m))
            })
    }

    /// A date, a byline or a credit line ("Written by Jo Hale").
    fn head_meta(&self, k: usize) -> bool {
        matches!(self.kind(k), Kind::Date | Kind::Byline | Kind::End)
            || (self.kind(k) == Kind::Text && self.is_prefixed_byline(k))
    }

    /// Running text resumes at `j` if it is an anchor followed by another
    /// anchor, maybe after one subheading; a teaser's one-sentence summary
    /// is followed by the next teaser's headline and summary.
    fn resumes_at(&self, j: usize) -> bool {
        if !self.is_anchor(j) {
            return false;
        }
        let Some(t1) = self.next_text(j) else {
            return self.words(j) >= 40;
        };
        if self.is_anchor(t1) {
            return true;
        }
        let Some(t2) = self.next_text(t1).filter(|&t| self.is_anchor(t)) else {
            return false;
        };
        match self.next_text(t2) {
            Some(t3) => self.is_anchor(t3),
            None => self.words(t2) >= 15,
        }
    }

    /// After a sign-off, credit, print note or copyright line that follows
    /// the body, the rest is footer (unless the story plainly goes on).
    fn drop_after_end(&mut self) {
        let Some(first) = (0..self.len()).find(|&i| self.is_anchor(i)) else {
            return;
        };
        // Long paragraphs after each unit, counted from the end.
        let mut long_after = vec![0usize; self.len()];
        let mut count = 0;
        for (i, slot) in long_after.iter_mut().enumerate().rev() {
            *slot = count;
            if self.is_anchor(i) && self.words(i) >= 20 {
                count += 1;
            }
        }
        let end = (first + 1..self.len())
            .find(|&e| self.kind(e) == Kind::End && long_after.get(e).is_some_and(|&n| n < 2));
        if let Some(e) = end {
            for d in self.dropped.iter_mut().skip(e + 1) {
                *d = true;
            }
        }
    }

    /// Lines the library learned as this publisher's furniture become
    /// clutter before the title, standfirst and body are chosen.
    fn mark_furniture(&mut self, furniture: &Furniture) {
        let first = (0..self.len()).find(|&i| self.is_anchor(i)).unwrap_or(0);
        let publisher = self.publisher(first, None);
        for i in 0..self.len() {
            if matches!(self.kind(i), Kind::Text | Kind::Weak)
                && furniture.contains(publisher.as_deref(), self.text(i))
                && let Some(k) = self.kinds.get_mut(i)
            {
                *k = Kind::Clutter;
            }
        }
    }

    fn article(&self) -> Article {
        let layout = self.layout();
        let title_text = layout.title.map(|t| match self.wrapped_title_tail(t) {
            Some(tail) => format!("{} {tail}", self.text(t)),
            None => self.text(t).to_string(),
        });
        let byline = layout.byline_parsed.clone();
        let publisher = self.publisher(
            layout.body_start,
            byline.as_ref().and_then(|b| b.outlet.clone()),
        );
        let title = title_text
            .as_deref()
            .map(|t| {
                strip_wire_tag(&strip_site_suffix(
                    &cut_glued_title(t.trim_start_matches('#').trim()),
                    publisher.as_deref(),
                ))
            })
            .unwrap_or_default();
        let scan: Vec<&str> = (0..self.len().min(3000)).map(|i| self.text(i)).collect();
        let title = uncase_title(&title, &scan);
        let standfirst = layout.standfirst.map(|s| self.text(s).to_string());
        let published = self.published(&layout, byline.as_ref().and_then(|b| b.date.clone()));
        let mut blocks = self.body(&layout, &title, standfirst.as_deref(), None);
        drop_trailing_headings(&mut blocks);
        if !blocks.iter().any(|b| b.kind.is_body()) {
            // Nothing looked like a story: keep the text rather than lose it.
            blocks.extend(
                (0..self.len())
                    .filter(|&i| {
                        self.live(i) && self.kind(i) == Kind::Text && Some(i) != layout.title
                    })
                    .map(|i| Block::paragraph(self.text(i))),
            );
            if blocks.is_empty() && !title.is_empty() {
                blocks.push(Block::paragraph(title.clone()));
            }
        }
        Article {
            title,
            standfirst,
            byline: byline.map(|b| b.names),
            publisher,
            published,
            blocks,
            ..Article::default()
        }
    }

    /// The body blocks; every line the model drops is left out (with
    /// `rows`, nothing is dropped and each line's features are collected
    /// for the fitting script).
    fn body(
        &self,
        layout: &Layout,
        title: &str,
        standfirst: Option<&str>,
        mut rows: Option<&mut Vec<(String, Vec<f64>)>>,
    ) -> Vec<Block> {
        let keep_cx = self.keep_context();
        let title_key = match_form(title);
        let standfirst_key = standfirst.map(match_form);
        let skip = [layout.title, layout.standfirst, layout.byline];
        // The first writer's full name, for the author box closing the story.
        let writer = layout
            .byline_parsed
            .as_ref()
            .and_then(|b| b.names.split([',', '&']).next())
            .and_then(|n| n.split(" and ").next())
            .map(str::trim)
            .filter(|n| n.contains(' '))
            // A company the story is about ("Klatch Coffee has ...") is no
            // author box's subject.
            .filter(|n| !self.text(layout.body_start).contains(n));
        let mut blocks: Vec<Block> = Vec::new();
        // The unit each block came from, to merge a credit into its caption.
        let mut origin: Vec<usize> = Vec::new();
        for (i, u) in self.units.iter().enumerate() {
            if !self.live(i) || skip.contains(&Some(i)) {
                continue;
            }
            let before_title = layout.title.is_some_and(|t| i < t);
            let kind = match self.kind(i) {
                Kind::Caption(CaptionShape::CreditOnly) => {
                    let merge = !u.gap_before
                        && origin.last() == Some(&(i.wrapping_sub(1)))
                        && blocks.last().is_some_and(|b| {
                            b.kind == BlockKind::Paragraph && word_len(&b.text) <= 60
                        });
                    if let (true, Some(last)) = (merge, blocks.last_mut()) {
                        last.kind = BlockKind::Caption;
                        last.text.push(' ');
                        last.text.push_str(&u.text);
                        continue;
                    }
                    Some(BlockKind::Caption)
                }
                Kind::Caption(CaptionShape::Full) => Some(BlockKind::Caption),
                _ if before_title => None,
                Kind::Clutter | Kind::Related | Kind::End | Kind::Date | Kind::Byline => None,
                Kind::Weak if !self.in_body(layout, i) || self.beside_clutter(i) => None,
                Kind::Weak | Kind::Text => {
                    let key = self.form(i);
                    let late = i > (layout.body_start + layout.body_end) / 2;
                    // The headline, the dek or a note about the writer.
                    if key == title_key
                        || standfirst_key.as_deref() == Some(key)
                        || writer.is_some_and(|name| is_author_note(&u.text, name, late))
                    {
                        None
                    } else {
                        self.text_kind(layout, i, blocks.last())
                    }
                }
            };
            if let Some(kind) = kind
                && kind != BlockKind::Caption
            {
                if let Some(rows) = rows.as_deref_mut() {
                    let f = self.keep_features(&keep_cx, layout, i, kind);
                    rows.push((u.text.clone(), f.to_vec()));
                } else if !self.keep_line(&keep_cx, layout, i, kind) {
                    continue;
                }
            }
            if let Some(kind) = kind {
                let text = if kind == BlockKind::Heading {
                    u.text.trim_start_matches('#').trim().to_string()
                } else if i == layout.body_start
                    && let Some(prefix) = self.split_dateline(i)
                {
                    format!("{prefix} {}", u.text)
                } else {
                    u.text.clone()
                };
                blocks.push(Block::new(kind, text));
                origin.push(i);
            }
        }
        blocks
    }

    /// "Washington / CNN / —" on lines of their own just above the first
    /// paragraph: the dateline, put back in front of it.
    fn split_dateline(&self, first: usize) -> Option<String> {
        let dash = first.checked_sub(1)?;
        let dash_text = self.text(dash);
        let lone_dash = !dash_text.is_empty()
            && dash_text
                .chars()
                .all(|c| matches!(c, '—' | '–' | '-' | ' '));
        if !lone_dash {
            return None;
        }
        let mut parts: Vec<&str> = Vec::new();
        let mut j = dash;
        while j > 0 && parts.len() < 2 {
            j -= 1;
            let t = self.text(j);
            let short = word_len(t) <= 3 && !ends_sentence(t);
            let capital = t.chars().next().is_some_and(char::is_uppercase);
            if !short || !capital || !matches!(self.kind(j), Kind::Text | Kind::Weak) {
                break;
            }
            parts.insert(0, t);
        }
        (!parts.is_empty()).then(|| format!("{} {}", parts.join(" "), dash_text.trim()))
    }

    fn in_body(&self, layout: &Layout, i: usize) -> bool {
        (layout.body_start..=layout.body_end).contains(&i)
    }

    fn beside_clutter(&self, i: usize) -> bool {
        let furniture = |j: usize| {
            !self.live(j)
                || matches!(
                    self.kind(j),
                    Kind::Clutter | Kind::Weak | Kind::Related | Kind::End
                )
        };
        (i > 0 && furniture(i - 1)) || (i + 1 < self.len() && furniture(i + 1))
    }

    /// What a text unit becomes, from where it stands.
    fn text_kind(&self, layout: &Layout, i: usize, last: Option<&Block>) -> Option<BlockKind> {
        let u = self.units.get(i)?;
        let words = self.words(i);
        let sentence = ends_sentence(&u.text);
        let after_colon =
            last.is_some_and(|b| b.kind.is_body() && b.text.trim_end().ends_with(':'));
        let in_list =
            after_colon || last.is_some_and(|b| b.kind == BlockKind::ListItem && !u.gap_before);
        if i < layout.body_start {
            return if u.bullet && words >= 4 {
                Some(BlockKind::ListItem)
            } else {
                sentence.then_some(BlockKind::Paragraph)
            };
        }
        if i >= layout.body_end && is_author_bio(&u.text) {
            return None;
        }
        if i > layout.body_end {
            // A lead-in with nothing after it ("Share or comment:") goes.
            let dangling = u.text.trim_end().ends_with(':')
                && self
                    .next_text(i)
                    .is_none_or(|j| !ends_sentence(self.text(j)) && !self.is_bullet(j));
            // Bullets right after the last paragraph are the story's own.
            let list_after_body =
                (layout.body_end + 1..i).all(|j| self.live(j) && self.is_bullet(j));
            return if u.bullet && (in_list || list_after_body) {
                Some(BlockKind::ListItem)
            } else {
                (sentence && !dangling).then_some(BlockKind::Paragraph)
            };
        }
        if u.bullet || (in_list && words <= 25 && !is_anchor_text(&u.text, words)) {
            return Some(BlockKind::ListItem);
        }
        let heading_shape =
            u.text.starts_with('#') || (!sentence && words <= 14 && u.text.chars().count() <= 120);
        // Several headline-like lines in a row are links to other stories,
        // not a subheading (a heading is one line above its paragraph).
        let in_link_run = heading_shape
            && ((!u.gap_before && i > 0 && self.short_title_line(i - 1))
                || self
                    .units
                    .get(i + 1)
                    .is_some_and(|n| !n.gap_before && self.short_title_line(i + 1)));
        if in_link_run {
            return None;
        }
        if heading_shape && self.next_text(i).is_some() {
            return Some(BlockKind::Heading);
        }
        Some(BlockKind::Paragraph)
    }

    /// A live, non-bullet text line shaped like a headline.
    fn short_title_line(&self, i: usize) -> bool {
        let text = self.text(i);
        self.live(i)
            && self.kind(i) == Kind::Text
            && !self.is_bullet(i)
            && !ends_sentence(text)
            && self.words(i) <= 14
    }
}

/// "Jo Park is a Europe correspondent based in Paris." at the end.
fn is_author_bio(text: &str) -> bool {
    static BIO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\p{Lu}[\p{L}.'’-]+ ){1,3}(?:is|was|has been|covers|writes|reports)\b.{0,300}\b(?:correspondent|reporter|writer|editor|journalist|columnist|contributor|producer|critic|author|staff|fellow|bureau chief)s?\b")
            .unwrap_or_else(|e| panic!("bad bio pattern: {e}"))
    });
    word_len(text) <= 60 && BIO.is_match(text)
}

#[cfg(test)]
mod tests;
