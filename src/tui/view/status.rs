//! The status line: prompt, messages and errors, position.

use crate::sanitize::sanitize_line;
use crate::tui::app::{App, Mode};
use crate::tui::layout::{text_width, truncate};
use crate::tui::panes::{MIN_HEIGHT, MIN_WIDTH, reader_area};
use crate::tui::theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let width = usize::from(area.width);
    let right = match app.reading.as_ref() {
        Some(r) => format!(
            " {}% ",
            r.percent(usize::from(reader_area(app).height).max(1))
        ),
        None => String::new(),
    };
    let pending = app.pending.map(|c| format!("{c} ")).unwrap_or_default();
    let (left, style) = match app.mode {
        Mode::Filter => (
            format!("filter: {}▏", sanitize_line(&app.prompt)),
            theme::title(),
        ),
        Mode::Search => (format!("/{}▏", sanitize_line(&app.prompt)), theme::title()),
        _ => match &app.status {
            Some(s) if s.error => (sanitize_line(&s.text), theme::error()),
            Some(s) => (sanitize_line(&s.text), theme::status()),
            None => (
                "? help · Tab next pane · / search · q quit".to_string(),
                theme::dim(),
            ),
        },
    };
    let room = width.saturating_sub(right.chars().count() + pending.len());
    let left = truncate(&left, room);
    let pad = room.saturating_sub(text_width(&left));
    let line = Line::from(vec![
        Span::styled(left, style),
        Span::raw(" ".repeat(pad)),
        Span::styled(pending, theme::title()),
        Span::styled(right, theme::dim()),
    ]);
    frame
        .buffer_mut()
        .set_line(area.x, area.y, &line, area.width);
}

/// The one line shown when the terminal is too small for the reader.
pub fn too_small(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let (w, h) = app.size;
    let width = usize::from(area.width);
    // The longest wording that fits.
    let msg = [
        format!("Terminal too small ({w}x{h}): please make it at least {MIN_WIDTH}x{MIN_HEIGHT}"),
        format!("Too small ({w}x{h}): need {MIN_WIDTH}x{MIN_HEIGHT}"),
        format!("Need {MIN_WIDTH}x{MIN_HEIGHT}"),
    ]
    .into_iter()
    .find(|m| text_width(m) <= width)
    .unwrap_or_else(|| truncate("Need a bigger terminal", width));
    frame
        .buffer_mut()
        .set_stringn(area.x, area.y, msg, usize::from(area.width), theme::error());
}
