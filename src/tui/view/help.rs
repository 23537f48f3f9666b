//! The help overlay, generated from the keymap table.

use crate::tui::app::App;
use crate::tui::keymap::{Scope, help_lines};
use crate::tui::theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

/// The overlay's lines: a heading per scope, then keys and descriptions.
pub fn lines() -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut scope: Option<Scope> = None;
    for (s, keys, help) in help_lines() {
        if scope != Some(s) {
            if scope.is_some() {
                out.push(Line::default());
            }
            out.push(Line::styled(s.name(), theme::heading()));
            scope = Some(s);
        }
        out.push(Line::from(vec![
            Span::styled(format!("  {keys:<18}"), theme::title()),
            Span::raw(help),
        ]));
    }
    out
}

pub fn line_count() -> usize {
    lines().len()
}

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let w = area.width.saturating_sub(4).min(72);
    let h = area.height.saturating_sub(2);
    let rect = Rect::new(area.x + (area.width - w) / 2, area.y + 1, w, h);
    Clear.render(rect, frame.buffer_mut());
    let block = Block::bordered()
        .title(" Keys (Esc closes) ")
        .border_style(theme::border(true));
    let inner = block.inner(rect);
    block.render(rect, frame.buffer_mut());
    for (i, line) in lines()
        .iter()
        .skip(app.help_top)
        .take(usize::from(inner.height))
        .enumerate()
    {
        frame.buffer_mut().set_line(
            inner.x + 1,
            inner.y + i as u16,
            line,
            inner.width.saturating_sub(1),
        );
    }
}
