//! `update`: the one place state changes. A function of (App, Action) that
//! returns the effects (load, save, quit) for the event loop to perform.

mod lists;

use super::action::{Action, Effect};
use super::app::{App, Arrival, Focus, Mode, Reading, Tab};
use super::layout::{Doc, Spot};
use super::panes::{self, inner, panes, reader_area};
use super::view::{library, sidebar};
use crate::library::{CatalogEntry, Position};
use crate::listing;
use crate::sanitize::sanitize_line;
use ratatui::layout::{Position as Point, Rect};

/// Rows the mouse wheel moves.
const WHEEL_ROWS: usize = 3;

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let mut fx = Vec::new();
    if !matches!(action, Action::Pending(_)) {
        app.pending = None;
    }
    match action {
        Action::Quit | Action::Terminate => {
            fx.extend(leave_story(app));
            let gone: Vec<String> = app.deleted.drain(..).map(|e| e.id).collect();
            if app.persist && !gone.is_empty() {
                fx.push(Effect::Remove(gone));
            }
            fx.push(Effect::Quit);
            app.quit = true;
        }
        Action::Back => fx.extend(back(app)),
        Action::ToggleWide => {
            if app.reading.is_some() {
                app.wide = !app.wide;
                set_focus(app, Focus::Reader);
                let msg = if app.wide {
                    "wide view: z for the side panes again"
                } else {
                    "side panes shown"
                };
                app.set_status(msg);
            } else {
                app.set_status("open a story first: z shows it alone");
            }
        }
        Action::Copy => fx.extend(copy(app)),
        Action::OpenUrl => fx.extend(open_url(app)),
        Action::ToggleRead => fx.extend(toggle_read(app)),
        Action::Delete => ask_delete(app),
        Action::ConfirmYes => {
            app.mode = Mode::Normal;
            if let Some(id) = app.confirm.take() {
                delete(app, &id);
            }
        }
        Action::Undo => undo(app),
        Action::CycleSort if app.focus == Focus::Library && app.listing_across() => {
            lists::cycle_sort(app);
        }
        Action::CycleSort => {
            let sort = app.shelf.sort.next();
            app.shelf.set_sort(sort);
            app.set_status(format!("sorted {}", sort.describe()));
        }
        Action::UnknownKey(key) => {
            let help = app
                .keymap
                .keys_for(&Action::ToggleHelp, super::keymap::Scope::Global)
                .unwrap_or_else(|| "?".into());
            app.set_status(format!(
                "{} does nothing here ({help} lists the keys)",
                sanitize_line(&key)
            ));
        }
        Action::Tick => fx.extend(checkpoint(app)),
        Action::LibraryChanged(entries) => {
            library_changed(app, entries);
            fx.extend(lists::library_changed(app));
        }
        Action::FocusNext => set_focus(app, cycle(app.focus, true)),
        Action::FocusPrev => set_focus(app, cycle(app.focus, false)),
        Action::ToggleLibrary => toggle(app, Focus::Library),
        Action::ToggleSidebar => toggle(app, Focus::Sidebar),
        Action::Up => step(app, -1),
        Action::Down => step(app, 1),
        Action::PageDown => page(app, 1, 1),
        Action::PageUp => page(app, -1, 1),
        Action::HalfDown => page(app, 1, 2),
        Action::HalfUp => page(app, -1, 2),
        Action::Top => step(app, isize::MIN / 2),
        Action::Bottom => step(app, isize::MAX / 2),
        Action::Open => match app.focus {
            Focus::Library if app.listing_across() => fx.extend(lists::open(app)),
            Focus::Library => fx.extend(open_selected(app)),
            Focus::Sidebar => jump_to_selected(app),
            Focus::Reader => {}
        },
        Action::SearchStart => search_start(app),
        Action::PromptInput(c) => {
            if matches!(app.mode, Mode::Filter | Mode::Search) && !c.is_control() {
                app.prompt.push(c);
                fx.extend(refilter(app));
            }
        }
        Action::PromptBackspace => {
            app.prompt.pop();
            fx.extend(refilter(app));
        }
        Action::PromptAccept => accept_prompt(app),
        Action::Cancel => cancel(app),
        Action::SearchNext => next_match(app, true),
        Action::SearchPrev => next_match(app, false),
        Action::NextQuote => next_item(app, Tab::Quotes, true),
        Action::PrevQuote => next_item(app, Tab::Quotes, false),
        Action::NextFigure => next_item(app, Tab::Figures, true),
        Action::PrevFigure => next_item(app, Tab::Figures, false),
        Action::TabPrev | Action::TabNext if app.focus == Focus::Library => {
            fx.extend(lists::switch_tab(app));
        }
        Action::TabPrev | Action::TabNext => switch_tab(app),
        Action::ToggleHelp => {
            app.mode = if app.mode == Mode::Help {
                Mode::Normal
            } else {
                Mode::Help
            };
            app.help_top = 0;
        }
        Action::JumpBack => fx.extend(jump_back(app)),
        Action::ShowSpeakers => fx.extend(lists::show_speakers(app)),
        Action::SameFigure => fx.extend(lists::same_figure(app)),
        Action::SpeakersFound(found) => lists::speakers_found(app, found),
        Action::PlacesFound { of, places } => lists::places_found(app, &of, places),
        Action::Pending(c) => app.pending = Some(c),
        Action::Resize(w, h) => app.size = (w, h),
        Action::Scroll { column, row, down } => wheel(app, column, row, down),
        Action::Click { column, row } => fx.extend(click(app, column, row)),
        Action::Loaded { id, story } => {
            if app.loading.as_deref() == Some(id.as_str()) {
                app.loading = None;
                show_story(app, id, *story);
            }
        }
        Action::LoadFailed { id, error } => {
            if app.loading.as_deref() == Some(id.as_str()) {
                app.loading = None;
                app.arrival = None;
            }
            app.set_error(format!("could not open the story: {error}"));
        }
        Action::Failed(error) => app.set_error(error),
        Action::LibraryHits { query, hits } => {
            // A search for an older filter is dropped: a newer one is coming.
            if query == app.shelf.filter {
                app.shelf.searching = false;
                match hits {
                    Ok(hits) => app.shelf.add_hits(hits),
                    Err(e) => app.set_error(format!("could not search the library: {e}")),
                }
            }
        }
    }
    settle(app);
    fx
}

fn cycle(f: Focus, forward: bool) -> Focus {
    match (f, forward) {
        (Focus::Library, true) | (Focus::Sidebar, false) => Focus::Reader,
        (Focus::Reader, true) | (Focus::Library, false) => Focus::Sidebar,
        (Focus::Sidebar, true) | (Focus::Reader, false) => Focus::Library,
    }
}

/// Move focus; on narrow terminals the focused side pane unfolds.
fn set_focus(app: &mut App, focus: Focus) {
    // With no story open there is only the library.
    let focus = if app.reading.is_none() && app.loading.is_none() {
        Focus::Library
    } else {
        focus
    };
    app.focus = focus;
    app.unfolded = match focus {
        Focus::Reader => None,
        side => Some(side),
    };
}

/// `L`, `S`: show the pane, or back to the story when it has the focus.
fn toggle(app: &mut App, pane: Focus) {
    if app.unfolded == Some(pane) || app.focus == pane {
        set_focus(app, Focus::Reader);
    } else {
        set_focus(app, pane);
    }
}

/// Height of the reading pane's text area.
fn reader_height(app: &App) -> usize {
    usize::from(reader_area(app).height).max(1)
}

/// Entries that fit in the library pane (two rows each).
fn library_rows(app: &App) -> usize {
    let h = panes(app)
        .library
        .map_or(app.size.1.saturating_sub(3), |r| inner(r).height);
    (usize::from(h) / 2).max(1)
}

/// Keep the selected entry on screen in the library pane (entries take
/// two rows, three when the title wraps).
fn fit_library(app: &mut App) {
    let area = panes(app).library.map_or(
        Rect::new(0, 0, app.size.0, app.size.1.saturating_sub(3)),
        inner,
    );
    if app.listing_across() {
        lists::fit(app, area);
        return;
    }
    let room = library::room(area.width);
    let h = usize::from(area.height).max(2);
    let shelf = &mut app.shelf;
    shelf.selected = shelf.selected.min(shelf.visible.len().saturating_sub(1));
    if shelf.selected < shelf.top {
        shelf.top = shelf.selected;
    }
    // At least two rows an entry: no more than h/2 fit.
    shelf.top = shelf.top.max(shelf.selected.saturating_sub(h / 2));
    let height = |shelf: &super::shelf::Shelf, k: usize| {
        shelf
            .visible
            .get(k)
            .and_then(|&i| shelf.entries.get(i))
            .map_or(2, |e| library::entry_height(e, room))
    };
    while shelf.top < shelf.selected
        && (shelf.top..=shelf.selected)
            .map(|k| height(shelf, k))
            .sum::<usize>()
            > h
    {
        shelf.top += 1;
    }
}

/// The visible entry drawn at screen row `row` of the library pane.
fn library_entry_at(app: &App, area: Rect, row: u16) -> Option<usize> {
    let room = library::room(area.width);
    let mut y = area.y;
    for k in app.shelf.top..app.shelf.visible.len() {
        let e = app.shelf.entries.get(app.shelf.visible[k])?;
        let h = library::entry_height(e, room) as u16;
        if row >= y && row < y.saturating_add(h) {
            return Some(k);
        }
        y = y.saturating_add(h);
        if y >= area.bottom() {
            break;
        }
    }
    None
}

/// One step (or a big one, for top/bottom) in the focused place.
fn step(app: &mut App, delta: isize) {
    if app.mode == Mode::Help {
        app.help_top = app.help_top.saturating_add_signed(delta.clamp(-1000, 1000));
        return;
    }
    match app.focus {
        Focus::Library if app.listing_across() => lists::move_by(app, delta),
        Focus::Library => app.shelf.move_by(delta),
        Focus::Reader => scroll(app, delta),
        Focus::Sidebar => {
            if let Some(r) = app.reading.as_mut() {
                let n = sidebar::count(r, app.tab);
                let sel = match app.tab {
                    Tab::Quotes => &mut r.quote,
                    Tab::Figures => &mut r.figure,
                };
                *sel = sel.saturating_add_signed(delta).min(n.saturating_sub(1));
            }
        }
    }
}

/// A page (`div` = 1) or half a page (`div` = 2) in the focused place.
fn page(app: &mut App, dir: isize, div: usize) {
    let rows = match app.focus {
        _ if app.mode == Mode::Help => super::view::help::page(app),
        Focus::Library if app.listing_across() => lists::rows(app),
        Focus::Library => library_rows(app),
        Focus::Reader => reader_height(app).saturating_sub(if div == 1 { 2 } else { 0 }),
        Focus::Sidebar => 5,
    };
    let n = (rows / div).max(1) as isize;
    step(app, dir * n);
}

/// Scroll the reading pane by rows; the sidebar follows what is in view.
fn scroll(app: &mut App, delta: isize) {
    let height = reader_height(app);
    if let Some(r) = app.reading.as_mut() {
        let max = r.layout.len().saturating_sub(height);
        let top = r.top.saturating_add_signed(delta).min(max);
        r.moved |= top != r.top;
        r.top = top;
        follow(r, height);
    }
}

/// Select, in both tabs, the first item whose row is on screen.
fn follow(r: &mut Reading, height: usize) {
    let (top, bottom) = (r.top, r.top + height);
    let first_in_view = |spots: &[Option<Spot>]| {
        spots.iter().position(|s| {
            s.is_some_and(|s| {
                let row = r.layout.row_of(s.para, s.start);
                row >= top && row < bottom
            })
        })
    };
    if let Some(i) = first_in_view(&r.doc.quotes) {
        r.quote = i;
    }
    if let Some(i) = first_in_view(&r.doc.figures) {
        r.figure = i;
    }
}

fn open_selected(app: &mut App) -> Vec<Effect> {
    let Some(id) = app.shelf.selected_entry().map(|e| e.id.clone()) else {
        return Vec::new();
    };
    // Opened from the library: no list to come back to.
    app.origin = None;
    open_story(app, id, None)
}

/// Show story `id` (loading it first when needed), then do `arrival`.
fn open_story(app: &mut App, id: String, arrival: Option<Arrival>) -> Vec<Effect> {
    if app.reading.as_ref().is_some_and(|r| r.id == id) {
        set_focus(app, Focus::Reader);
        if let Some(a) = arrival {
            lists::arrive(app, a);
        }
        return Vec::new();
    }
    let mut fx: Vec<Effect> = leave_story(app).into_iter().collect();
    app.arrival = arrival;
    if let Some(story) = app.memory.get(&id).cloned() {
        show_story(app, id, story);
    } else {
        app.loading = Some(id.clone());
        app.set_status("loading…");
        fx.push(Effect::LoadStory(id));
    }
    fx
}

/// Keep the open story's place in its catalog entry; ask to save it.
fn leave_story(app: &mut App) -> Option<Effect> {
    take_place(app).map(|(save, _)| save)
}

fn show_story(app: &mut App, id: String, story: crate::article::Story) {
    let width = reader_area(app).width;
    let mut r = Reading::new(id, story, width);
    if let Some(e) = app.shelf.entry(&r.id) {
        r.top = r
            .layout
            .row_of_position(&r.doc, e.position.block, e.position.offset);
    }
    let height = reader_height(app);
    r.top = r.top.min(r.layout.len().saturating_sub(height));
    follow(&mut r, height);
    // A story that fits on one screen is read once it is shown.
    r.moved = r.percent(height) == 100;
    app.reading = Some(r);
    app.status = None;
    set_focus(app, Focus::Reader);
    if let Some(a) = app.arrival.take() {
        lists::arrive(app, a);
    }
}

fn search_start(app: &mut App) {
    match app.focus {
        Focus::Library if app.places.is_some() => {
            app.set_status("/ filters the speakers or the stories: q closes this list");
        }
        Focus::Library if app.listing_across() => {
            app.prompt = app.people.filter.clone();
            app.mode = Mode::Filter;
            if panes::is_narrow(app) {
                app.unfolded = Some(Focus::Library);
            }
        }
        Focus::Library => {
            app.prompt = app.shelf.filter.clone();
            app.mode = Mode::Filter;
            if panes::is_narrow(app) {
                app.unfolded = Some(Focus::Library);
            }
        }
        _ if app.reading.is_some() => {
            app.prompt.clear();
            app.mode = Mode::Search;
        }
        _ => {}
    }
}

/// The filter matches title, publisher and byline at once; a library
/// reader also asks for the full-text search, whose hits join when done.
fn refilter(app: &mut App) -> Option<Effect> {
    if app.mode != Mode::Filter {
        return None;
    }
    let filter = app.prompt.clone();
    if app.listing_across() {
        app.people.set_filter(&filter);
        return None;
    }
    app.shelf.set_filter(&filter);
    if !app.persist || filter.trim().is_empty() {
        return None;
    }
    app.shelf.searching = true;
    Some(Effect::SearchLibrary(filter))
}

fn accept_prompt(app: &mut App) {
    match app.mode {
        Mode::Filter => app.mode = Mode::Normal,
        Mode::Search => {
            app.mode = Mode::Normal;
            let query = std::mem::take(&mut app.prompt);
            let Some(r) = app.reading.as_mut() else {
                return;
            };
            r.matches = find_all(&r.doc, &query);
            r.query = query;
            r.current_match = None;
            if r.matches.is_empty() {
                if !r.query.is_empty() {
                    let msg = format!("not found: {}", r.query);
                    app.set_error(msg);
                }
                return;
            }
            // The first match at or below the top of the screen.
            let top = r.top;
            let first = r
                .matches
                .iter()
                .position(|s| r.layout.row_of(s.para, s.start) >= top)
                .unwrap_or(0);
            go_to_match(app, first);
        }
        _ => {}
    }
}

fn cancel(app: &mut App) {
    match app.mode {
        Mode::Filter => {
            app.prompt.clear();
            if app.listing_across() {
                app.people.set_filter("");
            } else {
                app.shelf.set_filter("");
            }
            app.mode = Mode::Normal;
        }
        Mode::Search | Mode::Help => {
            app.prompt.clear();
            app.mode = Mode::Normal;
        }
        Mode::Confirm => {
            app.mode = Mode::Normal;
            app.confirm = None;
            app.set_status("nothing deleted");
        }
        Mode::Normal => {
            app.status = None;
            if app.focus == Focus::Library && !app.shelf.filter.is_empty() {
                app.shelf.set_filter("");
            } else if let Some(r) = app.reading.as_mut() {
                r.target = None;
                r.matches.clear();
                r.current_match = None;
            }
        }
    }
}

/// Every case-insensitive occurrence of `query` in the displayed text.
pub fn find_all(doc: &Doc, query: &str) -> Vec<Spot> {
    let fold = |c: char| c.to_lowercase().next().unwrap_or(c);
    let q: Vec<char> = query.chars().map(fold).collect();
    let mut out = Vec::new();
    if q.is_empty() {
        return out;
    }
    for (para, p) in doc.paras.iter().enumerate() {
        let chars: Vec<(usize, char)> = p.text.char_indices().map(|(i, c)| (i, fold(c))).collect();
        let mut i = 0;
        while let Some(window) = chars.get(i..i + q.len()) {
            if window.iter().map(|x| x.1).eq(q.iter().copied()) {
                let start = window.first().map_or(0, |x| x.0);
                let end = chars.get(i + q.len()).map_or(p.text.len(), |x| x.0);
                out.push(Spot { para, start, end });
                i += q.len();
            } else {
                i += 1;
            }
        }
    }
    out
}

fn next_match(app: &mut App, forward: bool) {
    let Some(r) = app.reading.as_ref() else {
        return;
    };
    let n = r.matches.len();
    if n == 0 {
        app.set_status("no search: press / to search the story");
        return;
    }
    let i = match (r.current_match, forward) {
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
        (None, true) => 0,
        (None, false) => n - 1,
    };
    go_to_match(app, i);
}

fn go_to_match(app: &mut App, i: usize) {
    let Some(spot) = app.reading.as_ref().and_then(|r| r.matches.get(i).copied()) else {
        return;
    };
    jump(app, spot);
    if let Some(r) = app.reading.as_mut() {
        r.current_match = Some(i);
        let msg = format!("match {} of {}: {}", i + 1, r.matches.len(), r.query);
        app.set_status(msg);
    }
}

/// Scroll so `spot` stands in the upper third, mark it, remember where we were.
fn jump(app: &mut App, spot: Spot) {
    let height = reader_height(app);
    let Some(r) = app.reading.as_mut() else {
        return;
    };
    r.back = Some(r.position());
    let row = r.layout.row_of(spot.para, spot.start);
    let max = r.layout.len().saturating_sub(height);
    r.top = row.saturating_sub(height / 3).min(max);
    r.moved = true;
    r.target = Some(spot);
}

/// Jump to a quote or figure by index and select it in the sidebar.
fn jump_to_item(app: &mut App, tab: Tab, i: usize) {
    let Some(r) = app.reading.as_ref() else {
        return;
    };
    let spots = match tab {
        Tab::Quotes => &r.doc.quotes,
        Tab::Figures => &r.doc.figures,
    };
    let Some(spot) = spots.get(i).copied().flatten() else {
        app.set_error("this item has no place in the text");
        return;
    };
    jump(app, spot);
    if let Some(r) = app.reading.as_mut() {
        match tab {
            Tab::Quotes => r.quote = i,
            Tab::Figures => r.figure = i,
        }
    }
    app.tab = tab;
}

fn jump_to_selected(app: &mut App) {
    let Some(r) = app.reading.as_ref() else {
        return;
    };
    let i = match app.tab {
        Tab::Quotes => r.quote,
        Tab::Figures => r.figure,
    };
    if sidebar::count(r, app.tab) == 0 {
        return;
    }
    jump_to_item(app, app.tab, i);
    if app.reading.as_ref().is_some_and(|r| r.target.is_some()) {
        app.focus = Focus::Reader;
        if panes::is_narrow(app) {
            app.unfolded = None;
        }
    }
}

/// `)` `(` `}` `{`: the next or previous quote or figure in the text.
fn next_item(app: &mut App, tab: Tab, forward: bool) {
    let Some(r) = app.reading.as_ref() else {
        return;
    };
    let (spots, selected) = match tab {
        Tab::Quotes => (&r.doc.quotes, r.quote),
        Tab::Figures => (&r.doc.figures, r.figure),
    };
    let rows: Vec<Option<usize>> = spots
        .iter()
        .map(|s| s.map(|s| r.layout.row_of(s.para, s.start)))
        .collect();
    // From the item last jumped to, else from the top of the screen.
    let on_target = r.target.is_some() && spots.get(selected).copied().flatten() == r.target;
    let found = if on_target {
        if forward {
            (selected + 1..spots.len()).find(|&i| rows.get(i).copied().flatten().is_some())
        } else {
            (0..selected)
                .rev()
                .find(|&i| rows.get(i).copied().flatten().is_some())
        }
    } else if forward {
        rows.iter().position(|row| row.is_some_and(|x| x >= r.top))
    } else {
        rows.iter().rposition(|row| row.is_some_and(|x| x < r.top))
    };
    match found {
        Some(i) => jump_to_item(app, tab, i),
        None => {
            let what = match tab {
                Tab::Quotes => "quote",
                Tab::Figures => "figure",
            };
            let dir = if forward { "after" } else { "before" };
            app.set_status(format!("no {what} {dir} this one"));
        }
    }
}

fn switch_tab(app: &mut App) {
    app.tab = match app.tab {
        Tab::Quotes => Tab::Figures,
        Tab::Figures => Tab::Quotes,
    };
    if let Some(r) = app.reading.as_mut() {
        r.sidebar_top = 0;
    }
}

fn jump_back(app: &mut App) -> Vec<Effect> {
    let height = reader_height(app);
    let Some(r) = app.reading.as_mut() else {
        return Vec::new();
    };
    let Some((block, offset)) = r.back else {
        if app.origin.is_some() {
            return lists::back_to_origin(app);
        }
        app.set_status("no earlier position");
        return Vec::new();
    };
    r.back = Some(r.position());
    let max = r.layout.len().saturating_sub(height);
    r.top = r.layout.row_of_position(&r.doc, block, offset).min(max);
    r.moved = true;
    follow(r, height);
    Vec::new()
}

fn hit(r: Option<Rect>, column: u16, row: u16) -> Option<Rect> {
    r.filter(|r| r.contains(Point::new(column, row)))
}

fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    let p = panes(app);
    let sign: isize = if down { 1 } else { -1 };
    if hit(p.library, column, row).is_some() {
        app.shelf.move_by(sign * WHEEL_ROWS as isize);
    } else if hit(p.reader, column, row).is_some() {
        scroll(app, sign * WHEEL_ROWS as isize);
    } else if hit(p.sidebar, column, row).is_some() {
        let focus = app.focus;
        app.focus = Focus::Sidebar;
        step(app, sign);
        app.focus = focus;
    }
}

/// A click selects what is under it; on a library entry it opens it.
fn click(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    if app.mode != Mode::Normal {
        return Vec::new();
    }
    let p = panes(app);
    if let Some(lib) = hit(p.library, column, row) {
        app.focus = Focus::Library;
        let area = inner(lib);
        if row == lib.y && app.places.is_none() {
            return lists::click_tab(app, column.saturating_sub(lib.x));
        }
        if app.listing_across() {
            return lists::click(app, area, row);
        }
        if let Some(i) = library_entry_at(app, area, row) {
            app.shelf.select(i);
            return open_selected(app);
        }
    } else if let Some(side) = hit(p.sidebar, column, row) {
        app.focus = Focus::Sidebar;
        let area = inner(side);
        if row == side.y {
            app.tab = sidebar::tab_at(app, column.saturating_sub(side.x));
            return Vec::new();
        }
        let Some(r) = app.reading.as_mut() else {
            return Vec::new();
        };
        if let Some(i) = sidebar::item_at(r, app.tab, area, row) {
            match app.tab {
                Tab::Quotes => r.quote = i,
                Tab::Figures => r.figure = i,
            }
        }
    } else if hit(p.reader, column, row).is_some() {
        app.focus = Focus::Reader;
    }
    Vec::new()
}

/// After every action: re-wrap if the reading pane's width changed
/// (keeping the top position), and keep selections on screen.
fn settle(app: &mut App) {
    let area = reader_area(app);
    let height = reader_height(app);
    fit_library(app);
    let side_area = panes(app).sidebar.map(inner);
    let tab = app.tab;
    if let Some(r) = app.reading.as_mut() {
        if r.layout.width != area.width {
            let (block, offset) = r.position();
            r.layout = r.doc.wrap(area.width);
            r.top = r.layout.row_of_position(&r.doc, block, offset);
        }
        r.top = r.top.min(r.layout.len().saturating_sub(height));
        if let Some(side) = side_area {
            sidebar::fit(r, tab, side);
        }
    }
    if app.mode == Mode::Help {
        let room = super::view::help::line_count(app).saturating_sub(super::view::help::page(app));
        app.help_top = app.help_top.min(room);
    }
}

/// Back out of the story to the library; its place is saved.
fn back(app: &mut App) -> Option<Effect> {
    if app.focus == Focus::Library && app.listing_across() {
        lists::back_out(app);
        return None;
    }
    let save = leave_story(app);
    if let Some(r) = app.reading.as_mut() {
        r.target = None;
        r.matches.clear();
        r.current_match = None;
    }
    app.status = None;
    set_focus(app, Focus::Library);
    if let Some(id) = app.reading.as_ref().map(|r| r.id.clone())
        && let Some(i) = app
            .shelf
            .visible
            .iter()
            .position(|&i| app.shelf.entries.get(i).is_some_and(|e| e.id == id))
    {
        app.shelf.select(i);
    }
    save
}

/// Save the reading position if it moved since the last save (called once
/// a second, so scrolling costs at most one write a second).
pub fn checkpoint(app: &mut App) -> Option<Effect> {
    take_place(app)
        .filter(|(_, changed)| *changed)
        .map(|(save, _)| save)
}

/// The place the reader moved to, written into the story's entry, and
/// whether the entry held another place. Only a place the reader moved to
/// counts: re-wrapping for another pane size must not overwrite what
/// another reader saved since.
fn take_place(app: &mut App) -> Option<(Effect, bool)> {
    let height = reader_height(app);
    let r = app.reading.as_mut().filter(|r| r.moved)?;
    r.moved = false;
    let r = app.reading.as_ref()?;
    let (block, offset) = r.position();
    let position = Position { block, offset };
    let percent_read = r.percent(height);
    let id = r.id.clone();
    let changed = match app.shelf.entry_mut(&id) {
        Some(e) => {
            let changed = e.position != position || e.percent_read != percent_read;
            e.position = position;
            e.percent_read = percent_read;
            e.read |= percent_read >= 95;
            changed
        }
        None => false,
    };
    let save = app.persist.then_some(Effect::SavePosition {
        id,
        position,
        percent_read,
    })?;
    Some((save, changed))
}

/// The story an action in the current pane is about: the selected entry in
/// the library, the open story elsewhere.
fn target_id(app: &App) -> Option<String> {
    match app.focus {
        // A list across stories: the story of the selected place (a
        // speaker is no story).
        Focus::Library if app.listing_across() => app
            .places
            .as_ref()
            .and_then(|p| p.selected_place())
            .map(|p| p.id.clone()),
        Focus::Library => app.shelf.selected_entry().map(|e| e.id.clone()),
        _ => app.reading.as_ref().map(|r| r.id.clone()),
    }
}

fn title_of(app: &App, id: &str) -> String {
    let t = app
        .shelf
        .entry(id)
        .map(|e| sanitize_line(&e.title))
        .unwrap_or_default();
    if t.is_empty() { "(untitled)".into() } else { t }
}

fn toggle_read(app: &mut App) -> Option<Effect> {
    let Some(id) = target_id(app) else {
        app.set_status("no story selected");
        return None;
    };
    let e = app.shelf.entry_mut(&id)?;
    e.read = !e.read;
    let read = e.read;
    let title = title_of(app, &id);
    app.set_status(format!(
        "marked {}: {title}",
        if read { "read" } else { "unread" }
    ));
    app.persist.then_some(Effect::SetRead { id, read })
}

fn ask_delete(app: &mut App) {
    let Some(id) = target_id(app) else {
        app.set_status("no story selected");
        return;
    };
    let title = title_of(app, &id);
    app.confirm = Some(id);
    app.mode = Mode::Confirm;
    app.set_status(format!(
        "Delete “{title}”? y deletes, any other key keeps it"
    ));
}

/// Take the story off the list; it leaves the disk when the reader exits,
/// so `U` can bring it back until then.
fn delete(app: &mut App, id: &str) {
    if app.reading.as_ref().is_some_and(|r| r.id == id) {
        app.reading = None;
        app.wide = false;
        set_focus(app, Focus::Library);
    }
    let title = title_of(app, id);
    if let Some(e) = app.shelf.take(id) {
        app.deleted.push(e);
        let undo = app
            .keymap
            .keys_for(&Action::Undo, super::keymap::Scope::Global)
            .unwrap_or_else(|| "U".into());
        app.set_status(format!("deleted “{title}” ({undo} undoes)"));
    }
}

fn undo(app: &mut App) {
    let Some(e) = app.deleted.pop() else {
        app.set_status("nothing to undo");
        return;
    };
    let id = e.id.clone();
    let title = sanitize_line(&e.title);
    let mut entries = std::mem::take(&mut app.shelf.entries);
    entries.push(e);
    app.shelf.replace(entries);
    if let Some(i) = app
        .shelf
        .visible
        .iter()
        .position(|&i| app.shelf.entries.get(i).is_some_and(|e| e.id == id))
    {
        app.shelf.select(i);
    }
    app.set_status(format!("restored “{title}”"));
}

/// The catalog on disk changed: show what is there now (less what this
/// reader deleted), keeping the place in the open story.
fn library_changed(app: &mut App, mut entries: Vec<CatalogEntry>) {
    entries.retain(|e| !app.deleted.iter().any(|d| d.id == e.id));
    if !app.persist {
        if entries.is_empty() {
            return;
        }
        // The first story arrived: the samples give way to the library.
        app.memory.clear();
        app.samples = false;
        app.persist = true;
        if app.reading.is_some() {
            app.reading = None;
            app.wide = false;
            set_focus(app, Focus::Library);
        }
    }
    let before = app.shelf.entries.len();
    if let Some(r) = app.reading.as_ref()
        && let Some(old) = app.shelf.entry(&r.id).cloned()
        && let Some(e) = entries.iter_mut().find(|e| e.id == r.id)
    {
        // Our place is newer than what the file holds until our save lands.
        e.position = old.position;
        e.percent_read = old.percent_read;
    }
    let gone_open = app
        .reading
        .as_ref()
        .is_some_and(|r| !entries.iter().any(|e| e.id == r.id));
    app.shelf.replace(entries);
    if gone_open {
        app.reading = None;
        app.wide = false;
        set_focus(app, Focus::Library);
        app.set_status("the open story was removed from the library elsewhere");
    } else {
        let now = app.shelf.entries.len();
        if now > before {
            let n = now - before;
            app.set_status(format!(
                "{n} new {} in the library",
                if n == 1 { "story" } else { "stories" }
            ));
        }
    }
}

/// `y`: the selected quote (or figure, on the Figures tab) with a citation.
fn copy(app: &mut App) -> Option<Effect> {
    let Some(r) = app.reading.as_ref() else {
        app.set_status("open a story to copy a quote");
        return None;
    };
    let text = match app.tab {
        Tab::Quotes => r.story.quotes.get(r.quote).map(|q| {
            (
                format!("“{}”", sanitize_line(&q.text)),
                q.speaker.as_deref().map(sanitize_line),
            )
        }),
        Tab::Figures => r.story.figures.get(r.figure).map(|f| {
            let block = r.story.article.blocks.get(f.span.block);
            let ctx = block
                .map(|b| super::app::context(&b.text, f.span.start, f.span.end, 12))
                .unwrap_or_else(|| f.text.clone());
            (sanitize_line(&ctx), None)
        }),
    };
    let Some((body, speaker)) = text else {
        app.set_status("nothing selected to copy");
        return None;
    };
    let clip = format!("{body}\n— {}", citation(r, speaker.as_deref()));
    let what = match app.tab {
        Tab::Quotes => "quote",
        Tab::Figures => "figure",
    };
    app.set_status(format!("copied the {what} with its citation"));
    Some(Effect::Copy(clip))
}

/// "Speaker, “Title”, Publisher, 2 May 2024, URL" (parts left out when unknown).
pub fn citation(r: &Reading, speaker: Option<&str>) -> String {
    let a = &r.story.article;
    let clean = |s: Option<&str>| s.map(sanitize_line).filter(|s| !s.trim().is_empty());
    let mut parts: Vec<String> = Vec::new();
    parts.extend(clean(speaker));
    parts.extend(clean(Some(&a.title)).map(|t| format!("“{t}”")));
    parts.extend(clean(a.publisher.as_deref()));
    parts.push(
        a.published
            .as_deref()
            .and_then(listing::parse)
            .map_or_else(|| "undated".to_string(), |d| d.readable()),
    );
    match clean(a.url.as_deref()) {
        Some(u) => parts.push(u),
        None => parts.extend(clean(r.story.source.as_deref()).map(|f| format!("file {f}"))),
    }
    parts.join(", ")
}

/// An http(s) URL fit to hand to the system opener: no spaces or controls.
pub fn openable_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && url.len() > 8
        && url.len() < 4096
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || crate::sanitize::is_bidi_control(c))
}

fn open_url(app: &mut App) -> Option<Effect> {
    let id = target_id(app)?;
    let Some(r) = app.reading.as_ref().filter(|r| r.id == id) else {
        app.set_status("open the story first, then o opens its URL");
        return None;
    };
    match r.story.article.url.as_deref() {
        Some(u) if openable_url(u) => {
            let url = u.to_string();
            app.set_status(format!("opening {}", sanitize_line(&url)));
            Some(Effect::OpenUrl(url))
        }
        Some(_) => {
            app.set_error("this story's URL is not an http(s) address; not opened");
            None
        }
        None => {
            let from = r
                .story
                .source
                .as_deref()
                .map(|s| format!(" (it came from {})", sanitize_line(s)))
                .unwrap_or_default();
            app.set_status(format!("this story has no URL{from}"));
            None
        }
    }
}
