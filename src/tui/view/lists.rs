//! The library pane when it lists across stories: the Speakers tab (one
//! row a person, with quote and story counts) and a list of places (a
//! speaker's quotes, or the other stories carrying a figure: two rows
//! each). Only the rows on screen are drawn.

use super::pane_block;
use crate::library::Place;
use crate::sanitize::sanitize_line;
use crate::tui::app::{App, Focus, Mode};
use crate::tui::layout::{text_width, truncate};
use crate::tui::panes::inner;
use crate::tui::people::{LibTab, PlacesOf};
use crate::tui::theme;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Rows a place takes: what was said (or the story), then where.
pub const PLACE_ROWS: usize = 2;

fn plural(n: usize, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else if one == "story" {
        format!("{n} stories")
    } else {
        format!("{n} {one}s")
    }
}

/// The library pane's two tab labels, the active one in full.
pub fn tab_labels(app: &App) -> [String; 2] {
    let n = app.shelf.entries.len();
    let name = if app.samples { "Samples" } else { "Library" };
    let stories = match app.lib_tab {
        LibTab::Stories => super::library::pane_title(app),
        LibTab::Speakers => format!(" {name} ({n}) "),
    };
    let people = &app.people;
    let speakers = match (app.lib_tab, people.speakers.as_ref()) {
        (LibTab::Speakers, Some(list)) => {
            let count = if people.filter.is_empty() {
                format!("{}", list.len())
            } else {
                format!("{}/{}", people.visible.len(), list.len())
            };
            let filter = if people.filter.is_empty() {
                String::new()
            } else {
                format!(" /{}", sanitize_line(&people.filter))
            };
            format!(" Speakers ({count}){filter} · {} ", people.sort.name())
        }
        (LibTab::Speakers, None) => " Speakers … ".to_string(),
        (LibTab::Stories, _) => " Speakers ".to_string(),
    };
    [stories, speakers]
}

/// Which tab a click on the top border at column `x` (pane-relative) hits.
pub fn tab_at(app: &App, x: u16) -> LibTab {
    let [stories, _] = tab_labels(app);
    if usize::from(x) <= text_width(&stories) {
        LibTab::Stories
    } else {
        LibTab::Speakers
    }
}

/// The pane's title: the tabs, or what the list of places is about.
pub fn title(app: &App, width: usize) -> Line<'static> {
    if let Some(p) = app.places.as_ref() {
        let count = p.items.as_ref().map(Vec::len);
        let text = match (&p.of, count) {
            (PlacesOf::Speaker { name, .. }, Some(n)) => {
                format!(" {}: {} ", sanitize_line(name), plural(n, "quote"))
            }
            (PlacesOf::Speaker { name, .. }, None) => format!(" {}: … ", sanitize_line(name)),
            (PlacesOf::Figure { label, kind, .. }, n) => {
                let n = n.map_or_else(|| "…".to_string(), |n| plural(n, "other story"));
                format!(" {} ({}) in {n} ", sanitize_line(label), kind.name())
            }
        };
        return Line::styled(truncate(&text, width), theme::tab(true));
    }
    let [stories, speakers] = tab_labels(app);
    let on = app.lib_tab == LibTab::Stories;
    let first = truncate(&stories, width);
    let rest = width.saturating_sub(text_width(&first) + 1);
    Line::from(vec![
        Span::styled(first, theme::tab(on)),
        Span::styled("│", theme::dim()),
        Span::styled(truncate(&speakers, rest), theme::tab(!on)),
    ])
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let title = title(app, usize::from(area.width.saturating_sub(2)));
    pane_block(app, Focus::Library)
        .title(title)
        .render(area, frame.buffer_mut());
    let area = inner(area);
    let focused = app.focus == Focus::Library && app.mode == Mode::Normal;
    let buf = frame.buffer_mut();
    if app.places.is_some() {
        draw_places(buf, app, area, focused);
    } else {
        draw_speakers(buf, app, area, focused);
    }
}

/// A dim line of explanation at row `y` of the pane.
pub(super) fn say(buf: &mut Buffer, area: Rect, y: u16, msg: &str) {
    let width = usize::from(area.width);
    if y < area.bottom() {
        buf.set_stringn(
            area.x + 1,
            y,
            truncate(msg, width.saturating_sub(1)),
            width,
            theme::dim(),
        );
    }
}

fn row_style(selected: bool, focused: bool) -> Style {
    match (selected, focused) {
        (true, true) => theme::selected(),
        (true, false) => theme::title(),
        _ => Style::new(),
    }
}

fn draw_speakers(buf: &mut Buffer, app: &App, area: Rect, focused: bool) {
    let people = &app.people;
    let Some(list) = people.speakers.as_ref() else {
        say(buf, area, area.y, "Reading the speakers…");
        return;
    };
    if list.is_empty() {
        say(
            buf,
            area,
            area.y,
            "No quote in the library names a speaker yet.",
        );
        return;
    }
    if people.visible.is_empty() {
        let what = sanitize_line(&people.filter);
        say(buf, area, area.y, &format!("No speaker matches “{what}”."));
        say(
            buf,
            area,
            area.y + 1,
            "Esc clears the filter; / changes it.",
        );
        return;
    }
    let room = usize::from(area.width).saturating_sub(1);
    for (n, &i) in people.visible.iter().skip(people.top).enumerate() {
        let y = area.y + n as u16;
        if y >= area.bottom() {
            break;
        }
        let Some(s) = list.get(i) else {
            continue;
        };
        let selected = people.top + n == people.selected;
        let counts = format!(
            " {} · {}",
            plural(s.quotes, "quote"),
            plural(s.stories, "story")
        );
        let counts = if text_width(&counts) + 8 > room {
            format!(" {}", s.quotes)
        } else {
            counts
        };
        let name_room = room.saturating_sub(text_width(&counts));
        let name = truncate(&sanitize_line(&s.speaker), name_room);
        let pad = name_room.saturating_sub(text_width(&name));
        let style = row_style(selected, focused);
        let line = Line::from(vec![
            Span::styled(if selected { "▌" } else { " " }, theme::border(true)),
            Span::styled(name, style.patch(theme::title())),
            Span::styled(" ".repeat(pad), style),
            Span::styled(counts, style.patch(theme::dim())),
        ]);
        buf.set_line(area.x, y, &line, area.width);
    }
}

fn date_of(p: &Place) -> String {
    p.published
        .as_deref()
        .and_then(crate::listing::parse)
        .map_or_else(|| "undated".to_string(), |d| d.readable())
}

/// "Publisher · 2 May 2024" (or the date alone).
fn source_line(p: &Place) -> String {
    let date = date_of(p);
    match p.publisher.as_deref().map(sanitize_line) {
        Some(publisher) if !publisher.trim().is_empty() => format!("{publisher} · {date}"),
        _ => date,
    }
}

/// "Title · Publisher · 2 May 2024" in `room` columns: the publisher gives
/// way first, then the title (down to half the row); the date stays.
fn where_line(p: &Place, room: usize) -> String {
    let title = sanitize_line(&p.title);
    let title = if title.trim().is_empty() {
        "(untitled)".to_string()
    } else {
        title
    };
    let full = format!(" · {}", source_line(p));
    let tail = if text_width(&title) + text_width(&full) <= room || text_width(&full) * 2 <= room {
        full
    } else {
        format!(" · {}", date_of(p))
    };
    let title_room = room.saturating_sub(text_width(&tail)).max(room / 2);
    truncate(&format!("{}{tail}", truncate(&title, title_room)), room)
}

fn draw_places(buf: &mut Buffer, app: &App, area: Rect, focused: bool) {
    let Some(places) = app.places.as_ref() else {
        return;
    };
    let Some(items) = places.items.as_ref() else {
        say(buf, area, area.y, "Looking through the library…");
        return;
    };
    if items.is_empty() {
        let msg = match &places.of {
            PlacesOf::Speaker { .. } => "No quotes found for this speaker.",
            PlacesOf::Figure { .. } => "No other story carries this figure.",
        };
        say(buf, area, area.y, msg);
        say(buf, area, area.y + 1, "q goes back.");
        return;
    }
    let room = usize::from(area.width).saturating_sub(1);
    let figure = matches!(places.of, PlacesOf::Figure { .. });
    for (n, p) in items.iter().enumerate().skip(places.top) {
        let y = area.y + ((n - places.top) * PLACE_ROWS) as u16;
        if y >= area.bottom() {
            break;
        }
        let selected = n == places.selected;
        let style = row_style(selected, focused);
        let marker = Span::styled(if selected { "▌" } else { " " }, theme::border(true));
        let first = if figure {
            let t = sanitize_line(&p.title);
            Span::styled(truncate(&t, room), style.patch(theme::title()))
        } else {
            let q = format!("“{}”", sanitize_line(&p.text));
            Span::styled(truncate(&q, room), style.patch(theme::quote()))
        };
        let pad = room.saturating_sub(text_width(&first.content));
        let line = Line::from(vec![marker, first, Span::styled(" ".repeat(pad), style)]);
        buf.set_line(area.x, y, &line, area.width);
        if y + 1 < area.bottom() {
            let second = if figure {
                // The title is on the first row: where, when, and the words.
                let w = format!("{} · {}", source_line(p), sanitize_line(&p.text));
                truncate(&w, room)
            } else {
                where_line(p, room)
            };
            buf.set_stringn(area.x + 1, y + 1, second, room, theme::dim());
        }
    }
}
