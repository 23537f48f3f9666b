//! The library pane: stories newest first, two rows each; only the rows on
//! screen are drawn, so 100,000 entries cost no more than ten.

use super::pane_block;
use crate::library::CatalogEntry;
use crate::sanitize::sanitize_line;
use crate::tui::app::{App, Focus, Mode};
use crate::tui::layout::{text_width, truncate};
use crate::tui::panes::inner;
use crate::tui::shelf::shown_date;
use crate::tui::theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// "new", "42%" or "read".
pub fn read_state(e: &CatalogEntry) -> String {
    if e.read {
        "read".into()
    } else if e.percent_read == 0 {
        "new".into()
    } else {
        format!("{}%", e.percent_read)
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let shelf = &app.shelf;
    let mut title = if shelf.filter.is_empty() {
        format!(" Library ({}) ", shelf.entries.len())
    } else {
        format!(
            " Library ({}/{}) /{}{} ",
            shelf.visible.len(),
            shelf.entries.len(),
            sanitize_line(&shelf.filter),
            if shelf.searching { " …" } else { "" }
        )
    };
    title = truncate(&title, usize::from(area.width.saturating_sub(2)));
    pane_block(app, Focus::Library)
        .title(title)
        .render(area, frame.buffer_mut());
    let area = inner(area);
    let width = usize::from(area.width);
    let buf = frame.buffer_mut();
    if shelf.entries.is_empty() {
        let msg = truncate("No stories yet: lede add FILE…", width);
        buf.set_stringn(area.x, area.y, msg, width, theme::dim());
        return;
    }
    let focused = app.focus == Focus::Library && app.mode == Mode::Normal;
    let rows = usize::from(area.height) / 2;
    for (n, &i) in shelf.visible.iter().skip(shelf.top).take(rows).enumerate() {
        let Some(e) = shelf.entries.get(i) else {
            continue;
        };
        let y = area.y + (n * 2) as u16;
        let selected = shelf.top + n == shelf.selected;
        let sel = if selected && focused {
            theme::selected()
        } else if selected {
            theme::title()
        } else {
            Style::new()
        };
        let marker = if selected { "▌" } else { " " };
        let title = truncate(&sanitize_line(&e.title), width.saturating_sub(1));
        let line = Line::from(vec![
            Span::styled(marker, theme::border(true)),
            Span::styled(title, sel),
        ]);
        buf.set_line(area.x, y, &line, area.width);
        // Date and read state always show; the publisher gives way.
        let mut tail = String::new();
        let date = sanitize_line(&shown_date(e));
        if !date.is_empty() {
            tail.push_str(&date);
            tail.push_str(" · ");
        }
        tail.push_str(&read_state(e));
        let publisher = e
            .publisher
            .as_deref()
            .map(sanitize_line)
            .unwrap_or_default();
        let room = width.saturating_sub(1);
        let meta = if let Some((field, snippet)) = shelf.found_in(&e.id) {
            // Found in the text: say where, and show the words around it.
            truncate(
                &format!("{}: {}", field.name(), sanitize_line(snippet)),
                room,
            )
        } else if publisher.is_empty() {
            truncate(&tail, room)
        } else {
            let left = room.saturating_sub(text_width(&tail) + 3);
            if left >= 4 {
                format!("{} · {tail}", truncate(&publisher, left))
            } else {
                truncate(&tail, room)
            }
        };
        buf.set_stringn(
            area.x + 1,
            y + 1,
            meta,
            width.saturating_sub(1),
            theme::dim(),
        );
    }
}
