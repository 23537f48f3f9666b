//! The help overlay, generated from the key table; it scrolls, and on
//! narrow screens each description goes under its keys, so nothing is cut.

use crate::tui::app::App;
use crate::tui::keymap::Scope;
use crate::tui::layout::{truncate, wrap};
use crate::tui::theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

/// Width of the keys column when keys and descriptions share a line.
const KEYS_W: usize = 20;

/// The overlay's box for a screen.
pub fn rect(area: Rect) -> Rect {
    let w = area.width.saturating_sub(2).min(76);
    let h = area.height.saturating_sub(2);
    Rect::new(area.x + (area.width - w) / 2, area.y + 1, w, h)
}

/// The overlay's lines at `width` text columns: a heading per scope, then
/// keys and descriptions (wrapped, never cut).
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let width = width.max(8);
    let side_by_side = width >= KEYS_W + 24;
    let mut out = Vec::new();
    let mut scope: Option<Scope> = None;
    for (s, keys, help) in app.keymap.help_lines() {
        if scope != Some(s) {
            if scope.is_some() {
                out.push(Line::default());
            }
            out.push(Line::styled(s.name(), theme::heading()));
            scope = Some(s);
        }
        let (indent, desc_w) = if side_by_side {
            (KEYS_W + 2, width - KEYS_W - 2)
        } else {
            out.push(Line::from(Span::styled(
                format!("  {}", truncate(&keys, width - 2)),
                theme::title(),
            )));
            (4, width - 4)
        };
        for (n, (a, b)) in wrap(help, desc_w).into_iter().enumerate() {
            let part = help.get(a..b).unwrap_or("").to_string();
            if side_by_side && n == 0 {
                out.push(Line::from(vec![
                    Span::styled(
                        format!("  {:<w$}", truncate(&keys, KEYS_W), w = KEYS_W),
                        theme::title(),
                    ),
                    Span::raw(part),
                ]));
            } else {
                out.push(Line::from(format!("{}{part}", " ".repeat(indent))));
            }
        }
    }
    out
}

/// Text columns inside the overlay for the app's screen.
fn text_width(app: &App) -> usize {
    let r = rect(Rect::new(0, 0, app.size.0, app.size.1));
    usize::from(r.width.saturating_sub(3))
}

pub fn line_count(app: &App) -> usize {
    lines(app, text_width(app)).len()
}

/// Rows of help text on screen.
pub fn page(app: &App) -> usize {
    let r = rect(Rect::new(0, 0, app.size.0, app.size.1));
    usize::from(r.height.saturating_sub(2)).max(1)
}

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let rect = rect(area);
    Clear.render(rect, frame.buffer_mut());
    let all = lines(app, text_width(app));
    let shown = page(app);
    let first = app.help_top.min(all.len().saturating_sub(1));
    let last = (first + shown).min(all.len());
    let more = if last < all.len() { " ↓ j" } else { "" };
    let title = format!(
        " Keys {}-{last}/{}{more} · Esc closes ",
        first + 1,
        all.len()
    );
    let block = Block::bordered()
        .title(truncate(&title, usize::from(rect.width.saturating_sub(2))))
        .border_style(theme::border(true));
    let inner = block.inner(rect);
    block.render(rect, frame.buffer_mut());
    for (i, line) in all
        .iter()
        .skip(first)
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
