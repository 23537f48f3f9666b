//! The status line: prompt, messages and errors, position.

use crate::sanitize::sanitize_line;
use crate::tui::action::Action;
use crate::tui::app::{App, Focus, Mode};
use crate::tui::keymap::Scope;
use crate::tui::layout::{text_width, truncate};
use crate::tui::panes::{MIN_HEIGHT, MIN_WIDTH, reader_area};
use crate::tui::theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Hints for the focused pane, with the keys the table binds now.
fn hints(app: &App) -> String {
    let (scope, items): (Scope, &[(Action, &str)]) = match app.focus {
        Focus::Library if app.places.is_some() => (
            Scope::Lists,
            &[
                (Action::Open, "open at the place"),
                (Action::Back, "back"),
                (Action::ToggleHelp, "help"),
            ],
        ),
        Focus::Library if app.listing_across() => (
            Scope::Lists,
            &[
                (Action::Open, "their quotes"),
                (Action::SearchStart, "filter"),
                (Action::CycleSort, "sort"),
                (Action::Back, "back"),
                (Action::ToggleHelp, "help"),
            ],
        ),
        Focus::Library => (
            Scope::Library,
            &[
                (Action::Open, "open"),
                (Action::SearchStart, "filter"),
                (Action::CycleSort, "sort"),
                (Action::ShowSpeakers, "speakers"),
                (Action::ToggleRead, "read"),
                (Action::Delete, "delete"),
                (Action::ToggleHelp, "help"),
                (Action::Quit, "quit"),
            ],
        ),
        _ => (
            Scope::Story,
            &[
                (Action::Back, "back"),
                (Action::SearchStart, "search"),
                (Action::Copy, "copy quote"),
                (Action::OpenUrl, "open URL"),
                (Action::ToggleWide, "wide"),
                (Action::ToggleHelp, "help"),
            ],
        ),
    };
    items
        .iter()
        .filter_map(|(a, what)| app.keymap.keys_for(a, scope).map(|k| format!("{k} {what}")))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Where you are: the story and how far in, or the place in the list.
fn place(app: &App) -> String {
    match (app.focus, app.reading.as_ref()) {
        (Focus::Reader | Focus::Sidebar, Some(r)) => {
            let pct = r.percent(usize::from(reader_area(app).height).max(1));
            let title = sanitize_line(&r.story.article.title);
            let room = usize::from(app.size.0 / 3).max(8);
            format!(" {} · {pct}% ", truncate(&title, room))
        }
        _ if app.places.is_some() => {
            let p = app
                .places
                .as_ref()
                .map_or((0, 0), |p| (p.selected, p.len()));
            if p.1 == 0 {
                String::new()
            } else {
                format!(" {} of {} ", p.0 + 1, p.1)
            }
        }
        _ if app.listing_across() => {
            let people = &app.people;
            if people.visible.is_empty() {
                String::new()
            } else {
                format!(" {} of {} ", people.selected + 1, people.visible.len())
            }
        }
        _ => {
            let shelf = &app.shelf;
            if shelf.visible.is_empty() {
                String::new()
            } else {
                format!(" {} of {} ", shelf.selected + 1, shelf.visible.len())
            }
        }
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let width = usize::from(area.width);
    let right = place(app);
    let pending = app.pending.map(|c| format!("{c} ")).unwrap_or_default();
    let (left, style) = match app.mode {
        Mode::Filter => (
            format!("filter: {}▏", sanitize_line(&app.prompt)),
            theme::title(),
        ),
        Mode::Search => (format!("/{}▏", sanitize_line(&app.prompt)), theme::title()),
        _ => match &app.status {
            Some(s) if s.error => (sanitize_line(&s.text), theme::error()),
            Some(s) if app.mode == Mode::Confirm => (sanitize_line(&s.text), theme::title()),
            Some(s) => (sanitize_line(&s.text), theme::status()),
            None => (hints(app), theme::dim()),
        },
    };
    // A message comes first and the place gives way on narrow screens;
    // hints give way to the place.
    let hinting = app.mode == Mode::Normal && app.status.is_none();
    let right = if !hinting && text_width(&left) + text_width(&right) + pending.len() > width {
        String::new()
    } else {
        right
    };
    let room = width.saturating_sub(text_width(&right) + pending.len());
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
