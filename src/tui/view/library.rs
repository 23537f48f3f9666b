//! The library pane: two rows per story, the title in full, then
//! publisher, date and read state; only the rows on screen are drawn, so
//! 100,000 entries cost no more than ten.

use super::pane_block;
use crate::library::CatalogEntry;
use crate::listing::{read_state, shown_date};
use crate::sanitize::sanitize_line;
use crate::tui::app::{App, Focus, Mode};
use crate::tui::layout::{text_width, truncate, wrap};
use crate::tui::panes::inner;
use crate::tui::theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The Stories tab's label: name, count, filter, sort.
pub fn pane_title(app: &App) -> String {
    let shelf = &app.shelf;
    let name = if app.samples {
        "Samples (your library is empty: lede add FILE)"
    } else {
        "Library"
    };
    let sort = shelf.sort.name();
    if shelf.filter.is_empty() {
        format!(" {name} ({}) · {sort} ", shelf.entries.len())
    } else {
        format!(
            " {name} ({}/{}) /{}{} · {sort} ",
            shelf.visible.len(),
            shelf.entries.len(),
            sanitize_line(&shelf.filter),
            if shelf.searching { " …" } else { "" }
        )
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    if app.listing_across() {
        super::lists::draw(frame, app, area);
        return;
    }
    let shelf = &app.shelf;
    let title = super::lists::title(app, usize::from(area.width.saturating_sub(2)));
    pane_block(app, Focus::Library)
        .title(title)
        .render(area, frame.buffer_mut());
    let area = inner(area);
    let buf = frame.buffer_mut();
    let say = |buf: &mut ratatui::buffer::Buffer, y: u16, msg: &str| {
        super::lists::say(buf, area, y, msg);
    };
    if shelf.entries.is_empty() {
        say(buf, area.y, "No stories yet: lede add FILE…");
        return;
    }
    if shelf.visible.is_empty() {
        let what = sanitize_line(&shelf.filter);
        if shelf.searching {
            say(buf, area.y, &format!("Searching the library for “{what}”…"));
        } else {
            say(buf, area.y, &format!("No story matches “{what}”."));
            say(buf, area.y + 1, "Esc clears the filter; / changes it.");
        }
        return;
    }
    let focused = app.focus == Focus::Library && app.mode == Mode::Normal;
    let room = room(area.width);
    let mut next = area.y;
    for (n, &i) in shelf.visible.iter().skip(shelf.top).enumerate() {
        let Some(e) = shelf.entries.get(i) else {
            continue;
        };
        let y = next;
        if y >= area.bottom() {
            break;
        }
        let selected = shelf.top + n == shelf.selected;
        let open = app.reading.as_ref().is_some_and(|r| r.id == e.id);
        let mut style = if selected && focused {
            theme::selected()
        } else if selected {
            theme::title()
        } else {
            Style::new()
        };
        if e.read && !selected {
            style = style.patch(theme::dim());
        }
        let marker = if selected {
            "▌"
        } else if open {
            "│"
        } else {
            " "
        };
        let titles = title_rows(e, room);
        let mut y = y;
        for (k, t) in titles.into_iter().enumerate() {
            if y >= area.bottom() {
                break;
            }
            let line = Line::from(vec![
                Span::styled(if k == 0 { marker } else { " " }, theme::border(true)),
                Span::styled(t, style),
            ]);
            buf.set_line(area.x, y, &line, area.width);
            y += 1;
        }
        if y >= area.bottom() {
            break;
        }
        let meta = if let Some((field, snippet)) = shelf.found_in(&e.id) {
            // Found in the text: say where, and show the words around it.
            truncate(
                &format!("{}: {}", field.name(), sanitize_line(snippet)),
                room,
            )
        } else {
            meta_line(e, room, app.samples)
        };
        buf.set_stringn(area.x + 1, y, meta, room, theme::dim());
        y += 1;
        next = y;
    }
}

/// The title of an entry in rows of `room` columns: one row, or two when
/// it is too long for one (cut only beyond that).
pub fn title_rows(e: &CatalogEntry, room: usize) -> Vec<String> {
    let t = sanitize_line(&e.title);
    let t = if t.trim().is_empty() {
        "(untitled)".to_string()
    } else {
        t
    };
    if text_width(&t) <= room {
        return vec![t];
    }
    let rows = wrap(&t, room.max(1));
    let first = rows.first().and_then(|&(a, b)| t.get(a..b)).unwrap_or("");
    let rest = rows
        .get(1)
        .and_then(|&(a, _)| t.get(a..))
        .unwrap_or("")
        .trim_start();
    vec![first.trim_end().to_string(), truncate(rest, room)]
}

/// Rows an entry takes: its title rows and the meta row.
pub fn entry_height(e: &CatalogEntry, room: usize) -> usize {
    if text_width(&e.title) <= room {
        2
    } else {
        title_rows(e, room).len() + 1
    }
}

/// The text width of a title row in a library pane of `inner_width`.
pub fn room(inner_width: u16) -> usize {
    usize::from(inner_width).saturating_sub(1)
}

/// "Publisher · 2 May 2024 · 42%": the date and read state always show;
/// the publisher gives way.
fn meta_line(e: &CatalogEntry, room: usize, sample: bool) -> String {
    let mut tail = sanitize_line(&shown_date(e));
    tail.push_str(" · ");
    tail.push_str(&read_state(e));
    if sample {
        tail.push_str(" · sample");
    }
    let publisher = e
        .publisher
        .as_deref()
        .map(sanitize_line)
        .unwrap_or_default();
    if publisher.trim().is_empty() {
        return truncate(&tail, room);
    }
    let left = room.saturating_sub(text_width(&tail) + 3);
    if left >= 4 {
        format!("{} · {tail}", truncate(&publisher, left))
    } else {
        truncate(&tail, room)
    }
}
