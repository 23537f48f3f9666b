//! Arbitrary text -> the reader's layout at several widths. No panic; rows
//! are char-aligned ranges that fit the width, and offsets map to rows and
//! back consistently.
#![no_main]

use lede::tui::layout::{Doc, text_width, wrap};
use lede::{Article, Block, BlockKind};
use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;

#[path = "check.rs"]
mod check;

fuzz_target!(|text: &str| {
    let mut parts = text.split("\n\n");
    let title = parts.next().unwrap_or_default().to_string();
    let blocks = parts
        .enumerate()
        .map(|(i, t)| {
            let kind = if i % 3 == 2 {
                BlockKind::ListItem
            } else {
                BlockKind::Paragraph
            };
            Block::new(kind, t)
        })
        .collect();
    let article = Article {
        title,
        byline: Some(text.chars().take(40).collect()),
        blocks,
        ..Article::default()
    };
    let story = lede::analyze::analyze(article, None);
    check::spans(&story);
    let doc = Doc::new(&story);

    for (p, para) in doc.paras.iter().enumerate() {
        assert!(lede::sanitize::is_clean(&para.text), "para {p} not clean");
        for m in doc.marks.get(p).into_iter().flatten() {
            assert!(m.start < m.end && para.text.get(m.start..m.end).is_some());
        }
        // Stored offsets map into the display text and back into the block.
        if let Some(b) = para.block {
            let src = &story.article.blocks[b].text;
            for (off, _) in src.char_indices().step_by(7).chain([(src.len(), ' ')]) {
                let disp = para.to_disp(off);
                assert!(para.text.is_char_boundary(disp));
                assert!(para.to_src(disp) <= src.len());
            }
        }
    }
    for spot in doc.quotes.iter().chain(&doc.figures).flatten() {
        let para = &doc.paras[spot.para];
        assert!(para.text.get(spot.start..spot.end).is_some());
    }

    // Paragraphs whose block needed no sanitizing map offsets one to one.
    let clean: Vec<bool> = doc
        .paras
        .iter()
        .map(|p| {
            p.block
                .is_some_and(|b| lede::sanitize::is_clean(&story.article.blocks[b].text))
        })
        .collect();
    for width in [1u16, 2, 3, 7, 20, 80, 100] {
        let layout = doc.wrap(width);
        assert_eq!(layout.para_rows.len(), doc.paras.len());
        let mut last = 0;
        for (p, &(first, count)) in layout.para_rows.iter().enumerate() {
            assert!(first >= last && first + count <= layout.len());
            last = first + count;
            let para = &doc.paras[p];
            let mut prev_end = 0;
            for r in &layout.rows[first..first + count] {
                assert_eq!(r.para, p);
                assert!(!r.blank);
                assert!(r.start <= r.end && r.start >= prev_end, "rows out of order");
                prev_end = r.end;
                let row = para
                    .text
                    .get(r.start..r.end)
                    .expect("row on char boundaries");
                let room = usize::from(width)
                    .saturating_sub(lede::tui::layout::indent_of(para.kind))
                    .max(2);
                // A grapheme cannot be split: one wider than the room (an
                // unknown emoji ZWJ sequence measures 4) stands alone.
                assert!(
                    text_width(row) <= room || row.graphemes(true).count() == 1,
                    "row {row:?} wider than {room}"
                );
                // Offsets inside a row map back to it.
                let k = layout.row_of(p, r.start);
                assert_eq!(layout.rows[k].para, p);
                assert_eq!(layout.rows[k].start, r.start);
            }
        }
        for (i, r) in layout.rows.iter().enumerate() {
            let (block, off) = layout.position_of_row(&doc, i);
            let back = layout.row_of_position(&doc, block, off);
            assert!(back < layout.len().max(1));
            // A text row of a clean block maps back to itself.
            if clean[r.para] && !r.blank && (block, off) != (0, 0) && r.start != r.end {
                assert_eq!(back, i, "row {i} -> ({block}, {off}) -> row {back}");
            }
        }
    }
    // The plain wrapper on raw text too (as the reader would after sanitizing).
    let clean = lede::sanitize::sanitize(text);
    for width in [1usize, 5, 33] {
        let mut prev = 0;
        for (s, e) in wrap(&clean, width) {
            assert!(s >= prev && s <= e && clean.get(s..e).is_some());
            prev = e;
        }
    }
});
