//! The reading pane's text layout: a story becomes display paragraphs, the
//! paragraphs are wrapped by grapheme display width once per (story, width),
//! and rows map back and forth to (block, byte offset).

use crate::article::{BlockKind, Story};
use crate::sanitize::{is_clean, sanitize, sanitize_line};
use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

/// Display width of one grapheme, exactly as ratatui's buffer counts it;
/// graphemes with control characters are never drawn and count 0.
pub fn grapheme_width(g: &str) -> usize {
    if g.contains(char::is_control) {
        0
    } else {
        usize::from(g.cell_width())
    }
}

/// Display width of a string.
pub fn text_width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}

/// Cut a string to `width` columns, ending in `…` when something was cut.
pub fn truncate(s: &str, width: usize) -> String {
    if text_width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = grapheme_width(g);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push_str(g);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Wrap `text` to `width` columns: byte ranges of each row. Breaks at
/// spaces, before and after wide graphemes (CJK), and inside a word only
/// when the word alone is wider than the row. Newlines force a break.
pub fn wrap(text: &str, width: usize) -> Vec<(usize, usize)> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut start = 0;
    let mut used = 0;
    // (where the next row starts, where this row ends, width used up to there)
    let mut brk: Option<(usize, usize, usize)> = None;
    // The current row began at a soft break (its leading spaces go).
    let mut soft = false;
    let mut prev_opens = false;
    let mut prev_wide = false;
    for (off, g) in text.grapheme_indices(true) {
        let end = off + g.len();
        if g == "\n" || g == "\r\n" {
            rows.push((start, off));
            start = end;
            used = 0;
            brk = None;
            soft = false;
            continue;
        }
        let w = grapheme_width(g);
        if g.chars().all(char::is_whitespace) {
            prev_opens = false;
            prev_wide = false;
            if used == 0 && soft && start == off {
                // Leading space of a wrapped row.
                start = end;
                continue;
            }
            if used + w > width {
                rows.push((start, off));
                start = end;
                used = 0;
                brk = None;
                soft = true;
                continue;
            }
            used += w;
            brk = Some((end, off, used));
            continue;
        }
        // Between two graphemes where one is wide (CJK), unless kinsoku forbids.
        if used > 0 && (w >= 2 || prev_wide) && !closes(g) && !prev_opens {
            brk = Some((off, off, used));
        }
        prev_opens = opens(g);
        prev_wide = w >= 2;
        if used + w > width && used > 0 {
            soft = true;
            match brk {
                Some((next, row_end, at)) if next > start => {
                    rows.push((start, row_end));
                    start = next;
                    used -= at;
                }
                _ => {
                    rows.push((start, off));
                    start = off;
                    used = 0;
                }
            }
            brk = None;
            if used + w > width && used > 0 {
                rows.push((start, off));
                start = off;
                used = 0;
            }
        }
        used += w;
    }
    if start < text.len() || rows.is_empty() {
        rows.push((start, text.len()));
    }
    rows
}

/// CJK punctuation that must not start a row (kinsoku).
fn closes(g: &str) -> bool {
    matches!(
        g,
        "。" | "、"
            | "，"
            | "．"
            | "」"
            | "』"
            | "）"
            | "】"
            | "〕"
            | "〉"
            | "》"
            | "！"
            | "？"
            | "："
            | "；"
            | "ー"
    )
}

/// CJK brackets that must not end a row.
fn opens(g: &str) -> bool {
    matches!(g, "「" | "『" | "（" | "【" | "〔" | "〈" | "《")
}

/// What a display paragraph is, for styling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParaKind {
    Title,
    Standfirst,
    Meta,
    Body(BlockKind),
}

/// Maps byte offsets between a block's stored text and its sanitized
/// display text; only built for the rare block that sanitizing changes.
#[derive(Clone, Debug, Default)]
struct OffsetMap {
    /// (source offset, display offset) at each kept character.
    pairs: Vec<(usize, usize)>,
    src_len: usize,
    disp_len: usize,
}

impl OffsetMap {
    fn build(src: &str, disp: &str) -> Self {
        let mut pairs = Vec::new();
        let mut out = disp.char_indices().peekable();
        for (si, c) in src.char_indices() {
            match out.peek().copied() {
                Some((di, oc)) if oc == c => {
                    pairs.push((si, di));
                    out.next();
                }
                Some((di, ' ')) if c == '\t' => {
                    pairs.push((si, di));
                    while matches!(out.peek(), Some((_, ' '))) {
                        out.next();
                    }
                }
                Some((di, '\n')) if c == '\r' => {
                    pairs.push((si, di));
                    out.next();
                }
                _ => {}
            }
        }
        OffsetMap {
            pairs,
            src_len: src.len(),
            disp_len: disp.len(),
        }
    }

    fn to_disp(&self, src: usize) -> usize {
        let i = self.pairs.partition_point(|p| p.0 < src);
        self.pairs.get(i).map_or(self.disp_len, |p| p.1)
    }

    fn to_src(&self, disp: usize) -> usize {
        let i = self.pairs.partition_point(|p| p.1 < disp);
        self.pairs.get(i).map_or(self.src_len, |p| p.0)
    }
}

/// One paragraph as displayed: sanitized text and where it came from.
#[derive(Clone, Debug)]
pub struct Para {
    pub kind: ParaKind,
    pub block: Option<usize>,
    pub text: String,
    map: Option<OffsetMap>,
}

impl Para {
    fn from_block(index: usize, kind: BlockKind, src: &str) -> Self {
        let dirty = !is_clean(src);
        let (text, map) = if dirty {
            let clean = sanitize(src);
            let map = OffsetMap::build(src, &clean);
            (clean, Some(map))
        } else {
            (src.to_string(), None)
        };
        Para {
            kind: ParaKind::Body(kind),
            block: Some(index),
            text,
            map,
        }
    }

    fn header(kind: ParaKind, text: String) -> Self {
        Para {
            kind,
            block: None,
            text,
            map: None,
        }
    }

    /// Display offset of a byte offset in the block's stored text.
    pub fn to_disp(&self, src: usize) -> usize {
        let off = match &self.map {
            Some(m) => m.to_disp(src),
            None => src,
        };
        floor_char(&self.text, off)
    }

    /// Stored-text offset of a display offset.
    pub fn to_src(&self, disp: usize) -> usize {
        match &self.map {
            Some(m) => m.to_src(disp),
            None => disp,
        }
    }
}

/// Clamp an offset into `text` and down to a char boundary.
fn floor_char(text: &str, off: usize) -> usize {
    let mut off = off.min(text.len());
    while !text.is_char_boundary(off) {
        off -= 1;
    }
    off
}

/// A highlighted stretch of a paragraph (display offsets).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub kind: MarkKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MarkKind {
    Quote,
    Figure,
}

/// A place in the display text: paragraph and display byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Spot {
    pub para: usize,
    pub start: usize,
    pub end: usize,
}

/// A story prepared for display: paragraphs, highlight marks, and where
/// each quote and figure stands. Independent of the width.
#[derive(Clone, Debug)]
pub struct Doc {
    pub paras: Vec<Para>,
    /// Paragraph index of each block.
    pub block_para: Vec<usize>,
    /// Quote and figure marks per paragraph, sorted by start.
    pub marks: Vec<Vec<Mark>>,
    /// Where each quote stands (None when its span is invalid).
    pub quotes: Vec<Option<Spot>>,
    pub figures: Vec<Option<Spot>>,
}

impl Doc {
    pub fn new(story: &Story) -> Self {
        let a = &story.article;
        let mut paras = vec![Para::header(ParaKind::Title, sanitize_line(&a.title))];
        if let Some(s) = a.standfirst.as_deref().map(sanitize_line)
            && !s.is_empty()
        {
            paras.push(Para::header(ParaKind::Standfirst, s));
        }
        // The date in the one readable form; an undated story says so.
        let date = a
            .published
            .as_deref()
            .and_then(crate::listing::parse)
            .map_or_else(|| "undated".to_string(), |d| d.readable());
        let meta: Vec<String> = [&a.byline, &a.publisher, &Some(date)]
            .into_iter()
            .filter_map(|s| s.as_deref().map(sanitize_line))
            .filter(|s| !s.is_empty())
            .collect();
        if !meta.is_empty() {
            paras.push(Para::header(ParaKind::Meta, meta.join(" · ")));
        }
        let mut block_para = Vec::with_capacity(a.blocks.len());
        for (i, b) in a.blocks.iter().enumerate() {
            block_para.push(paras.len());
            paras.push(Para::from_block(i, b.kind, &b.text));
        }
        let mut marks = vec![Vec::new(); paras.len()];
        let mut spot = |span: &crate::article::Span, kind: MarkKind| -> Option<Spot> {
            let para = *block_para.get(span.block)?;
            let p = paras.get(para)?;
            a.span_text(span)?;
            let (start, end) = (p.to_disp(span.start), p.to_disp(span.end));
            if start >= end {
                return None;
            }
            marks.get_mut(para)?.push(Mark { start, end, kind });
            Some(Spot { para, start, end })
        };
        let quotes = story
            .quotes
            .iter()
            .map(|q| spot(&q.span, MarkKind::Quote))
            .collect();
        let figures = story
            .figures
            .iter()
            .map(|f| spot(&f.span, MarkKind::Figure))
            .collect();
        for m in &mut marks {
            m.sort_by_key(|m| (m.start, m.kind));
        }
        Doc {
            paras,
            block_para,
            marks,
            quotes,
            figures,
        }
    }

    /// Wrap every paragraph to `width` columns.
    pub fn wrap(&self, width: u16) -> Layout {
        let w = usize::from(width).max(1);
        let mut rows = Vec::new();
        let mut para_rows = Vec::with_capacity(self.paras.len());
        for (i, p) in self.paras.iter().enumerate() {
            let prev = i.checked_sub(1).and_then(|j| self.paras.get(j));
            let tight = matches!(
                (prev.map(|p| p.kind), p.kind),
                (
                    Some(ParaKind::Body(BlockKind::ListItem)),
                    ParaKind::Body(BlockKind::ListItem)
                ) | (Some(ParaKind::Title), ParaKind::Standfirst)
                    | (Some(ParaKind::Title | ParaKind::Standfirst), ParaKind::Meta)
            );
            if i > 0 && !tight {
                rows.push(Row {
                    para: i,
                    start: 0,
                    end: 0,
                    first: false,
                    blank: true,
                });
            }
            let indent = indent_of(p.kind);
            let first = rows.len();
            for (n, (s, e)) in wrap(&p.text, w.saturating_sub(indent))
                .into_iter()
                .enumerate()
            {
                rows.push(Row {
                    para: i,
                    start: s,
                    end: e,
                    first: n == 0,
                    blank: false,
                });
            }
            para_rows.push((first, rows.len() - first));
        }
        Layout {
            width,
            rows,
            para_rows,
        }
    }
}

/// Columns a paragraph's rows are indented by (bullet, bar or indent).
pub fn indent_of(kind: ParaKind) -> usize {
    match kind {
        ParaKind::Body(BlockKind::ListItem | BlockKind::Blockquote | BlockKind::Caption) => 2,
        _ => 0,
    }
}

/// One display row: a byte range of one paragraph's display text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub para: usize,
    pub start: usize,
    pub end: usize,
    /// First row of its paragraph (gets the bullet).
    pub first: bool,
    /// A blank separator row (before `para`).
    pub blank: bool,
}

/// A Doc wrapped to one width.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub width: u16,
    pub rows: Vec<Row>,
    /// (first row, row count) of each paragraph's text rows.
    pub para_rows: Vec<(usize, usize)>,
}

impl Layout {
    /// The row showing display offset `off` of paragraph `para`.
    pub fn row_of(&self, para: usize, off: usize) -> usize {
        let Some(&(first, count)) = self.para_rows.get(para) else {
            return self.rows.len().saturating_sub(1);
        };
        let rows = self.rows.get(first..first + count).unwrap_or(&[]);
        // Rows of a paragraph are in order; the last that starts at or before off.
        let i = rows.partition_point(|r| r.start <= off);
        first + i.saturating_sub(1)
    }

    /// The row of a reading position (block, offset in the stored text);
    /// (0, 0) is the top of the story, header included.
    pub fn row_of_position(&self, doc: &Doc, block: usize, offset: usize) -> usize {
        if block == 0 && offset == 0 {
            return 0;
        }
        match doc.block_para.get(block) {
            Some(&para) => {
                let off = doc.paras.get(para).map_or(0, |p| p.to_disp(offset));
                self.row_of(para, off)
            }
            None => self.rows.len().saturating_sub(1),
        }
    }

    /// The reading position (block, stored-text offset) of a row.
    pub fn position_of_row(&self, doc: &Doc, row: usize) -> (usize, usize) {
        let Some(r) = self.rows.get(row) else {
            return (0, 0);
        };
        let Some(p) = doc.paras.get(r.para) else {
            return (0, 0);
        };
        match p.block {
            Some(b) if r.blank => (b, 0),
            Some(b) => (b, p.to_src(r.start)),
            None => (0, 0),
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Block, Quote, QuoteKind, Span};

    fn texts<'a>(text: &'a str, rows: &[(usize, usize)]) -> Vec<&'a str> {
        rows.iter().map(|&(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn wraps_at_spaces() {
        let t = "the quick brown fox jumps";
        assert_eq!(texts(t, &wrap(t, 10)), ["the quick", "brown fox", "jumps"]);
    }

    #[test]
    fn breaks_long_words_and_cjk_anywhere() {
        let t = "abcdefghij";
        assert_eq!(texts(t, &wrap(t, 4)), ["abcd", "efgh", "ij"]);
        let t = "世界和平世界";
        assert_eq!(texts(t, &wrap(t, 5)), ["世界", "和平", "世界"]);
        let t = "ab 世界和平";
        assert_eq!(texts(t, &wrap(t, 6)), ["ab 世", "界和平"]);
    }

    #[test]
    fn cjk_punctuation_stays_with_its_neighbour() {
        // 。 may not start a row, 「 may not end one.
        let t = "今日は晴れ。明日は「雨」";
        assert_eq!(texts(t, &wrap(t, 10)), ["今日は晴", "れ。明日は", "「雨」"]);
    }

    #[test]
    fn rows_never_exceed_width() {
        let t = "e\u{301}e\u{301} 👩‍🔬👩‍🔬 日本語のテキスト and words, 🇫🇷 flags";
        for w in 1..30 {
            for (s, e) in wrap(t, w) {
                let row = &t[s..e];
                assert!(text_width(row) <= w.max(2), "{w}: {row:?}");
            }
        }
        // Combining marks stay with their letter: 2 columns, not 4.
        assert_eq!(text_width("e\u{301}e\u{301}"), 2);
        assert_eq!(text_width("👩‍🔬"), 2);
    }

    #[test]
    fn newline_forces_a_break() {
        let t = "one\ntwo\n  indented";
        assert_eq!(texts(t, &wrap(t, 40)), ["one", "two", "  indented"]);
        let t = "aaaa  bbbb";
        assert_eq!(texts(t, &wrap(t, 5)), ["aaaa ", "bbbb"]);
        assert_eq!(wrap("", 10), [(0, 0)]);
    }

    #[test]
    fn offset_map_survives_dirty_text() {
        let story = Story {
            article: Article {
                title: "T".into(),
                blocks: vec![Block::paragraph("a\u{1b}[31mb “hi” c")],
                ..Article::default()
            },
            quotes: vec![Quote {
                text: "hi".into(),
                speaker: None,
                canonical_speaker: None,
                kind: QuoteKind::Direct,
                span: Span {
                    block: 0,
                    start: 11,
                    end: 13,
                },
            }],
            ..Story::default()
        };
        let doc = Doc::new(&story);
        let p = &doc.paras[doc.block_para[0]];
        assert_eq!(p.text, "ab “hi” c");
        let spot = doc.quotes[0].expect("quote placed");
        assert_eq!(&p.text[spot.start..spot.end], "hi");
        assert_eq!(p.to_src(spot.start), 11);
    }

    #[test]
    fn position_round_trips_through_rows() {
        let words = "word ".repeat(200);
        let story = Story {
            article: Article {
                title: "T".into(),
                blocks: vec![Block::paragraph(words.clone()), Block::paragraph(words)],
                ..Article::default()
            },
            ..Story::default()
        };
        let doc = Doc::new(&story);
        let wide = doc.wrap(80);
        let row = wide.row_of_position(&doc, 1, 500);
        let (b, off) = wide.position_of_row(&doc, row);
        assert_eq!(b, 1);
        assert!(off <= 500 && off + 80 > 500);
        let narrow = doc.wrap(30);
        let row = narrow.row_of_position(&doc, b, off);
        assert_eq!(narrow.rows[row].para, doc.block_para[1]);
    }
}
