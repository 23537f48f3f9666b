//! The reading pane: only the rows on screen are drawn, each from the
//! precomputed layout, with quotes, figures, search matches and the jump
//! target highlighted by their exact spans.

use super::pane_block;
use crate::article::BlockKind;
use crate::sanitize::sanitize_line;
use crate::tui::app::{App, Focus, Reading};
use crate::tui::layout::{MarkKind, ParaKind, Row, Spot, text_width, truncate};
use crate::tui::panes::reader_text;
use crate::tui::theme;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let mut block = pane_block(app, Focus::Reader);
    let room = usize::from(area.width.saturating_sub(4));
    let title = match (&app.reading, &app.loading) {
        (_, Some(_)) => "Loading…".to_string(),
        (Some(r), None) => {
            let t = sanitize_line(&r.story.article.title);
            if t.trim().is_empty() {
                "(untitled)".into()
            } else {
                t
            }
        }
        (None, None) => "Reading".to_string(),
    };
    block = block.title(format!(" {} ", truncate(&title, room)));
    if let (Some(r), None) = (&app.reading, &app.loading) {
        let words = words(r.story.article.word_count());
        if text_width(&words) + 4 < room {
            block = block.title_bottom(Line::from(format!(" {words} ")).right_aligned());
        }
    }
    block.render(area, frame.buffer_mut());
    let text = reader_text(area);
    let buf = frame.buffer_mut();
    match &app.reading {
        Some(r) => draw_rows(buf, r, text),
        None => {
            let msg = truncate(
                "Choose a story in the library and press Enter.",
                usize::from(text.width),
            );
            buf.set_stringn(text.x, text.y, msg, usize::from(text.width), theme::dim());
        }
    }
}

/// "1 word", "3,506 words".
pub fn words(n: usize) -> String {
    let digits = n.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{grouped} word{}", if n == 1 { "" } else { "s" })
}

/// Draw the visible rows of the open story into `area`.
pub fn draw_rows(buf: &mut Buffer, r: &Reading, area: Rect) {
    let rows = r
        .layout
        .rows
        .iter()
        .skip(r.top)
        .take(usize::from(area.height));
    for (i, row) in rows.enumerate() {
        if row.blank {
            continue;
        }
        let line = row_line(r, row);
        buf.set_line(area.x, area.y + i as u16, &line, area.width);
    }
}

fn base_style(kind: ParaKind) -> Style {
    match kind {
        ParaKind::Title => theme::title(),
        ParaKind::Standfirst => theme::standfirst(),
        ParaKind::Meta => theme::dim(),
        ParaKind::Body(BlockKind::Heading) => theme::heading(),
        ParaKind::Body(BlockKind::Blockquote) => theme::blockquote(),
        ParaKind::Body(BlockKind::Caption) => theme::caption(),
        ParaKind::Body(_) => Style::new(),
    }
}

fn prefix(kind: ParaKind, first: bool) -> &'static str {
    match kind {
        ParaKind::Body(BlockKind::ListItem) if first => "• ",
        ParaKind::Body(BlockKind::ListItem | BlockKind::Caption) => "  ",
        ParaKind::Body(BlockKind::Blockquote) => "│ ",
        _ => "",
    }
}

/// One row as styled spans: cut at every highlight boundary in the row.
fn row_line<'a>(r: &'a Reading, row: &Row) -> Line<'a> {
    let Some(p) = r.doc.paras.get(row.para) else {
        return Line::default();
    };
    let base = base_style(p.kind);
    let marks = r.doc.marks.get(row.para).map_or(&[][..], Vec::as_slice);
    let (lo, hi) = (row.start, row.end);
    // Search matches of this paragraph (sorted by paragraph, then start).
    let first = r.matches.partition_point(|m| m.para < row.para);
    let matches: Vec<Spot> = r
        .matches
        .iter()
        .skip(first)
        .take_while(|m| m.para == row.para)
        .filter(|m| m.start < hi && m.end > lo)
        .copied()
        .collect();
    let target = r
        .target
        .filter(|t| t.para == row.para && t.start < hi && t.end > lo);
    let mut cuts = vec![lo, hi];
    let covers = |s: usize, e: usize| s < hi && e > lo;
    for m in marks.iter().filter(|m| covers(m.start, m.end)) {
        cuts.extend([m.start.clamp(lo, hi), m.end.clamp(lo, hi)]);
    }
    for m in matches.iter().chain(target.iter()) {
        cuts.extend([m.start.clamp(lo, hi), m.end.clamp(lo, hi)]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::with_capacity(cuts.len() + 1);
    let pre = prefix(p.kind, row.first);
    if !pre.is_empty() {
        spans.push(Span::styled(pre, theme::dim()));
    }
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(text) = p.text.get(a..b) else {
            continue;
        };
        let inside = |s: usize, e: usize| s <= a && e > a;
        let mut style = base;
        if marks
            .iter()
            .any(|m| m.kind == MarkKind::Quote && inside(m.start, m.end))
        {
            style = style.patch(theme::quote());
        }
        if marks
            .iter()
            .any(|m| m.kind == MarkKind::Figure && inside(m.start, m.end))
        {
            style = style.patch(theme::figure());
        }
        if matches.iter().any(|m| inside(m.start, m.end)) {
            style = style.patch(theme::search_match());
        }
        if target.is_some_and(|t| inside(t.start, t.end)) {
            style = style.patch(theme::target());
        }
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}
