//! Lists across stories in the library pane: the speakers (`p`, or the
//! pane's second tab), a speaker's quotes, the other stories carrying a
//! figure (`=`); opening a story at a place, and `''` back to where the
//! jump started. The library answers through the worker; stories held in
//! memory (samples, tests) are answered here at once.

use super::{jump_to_item, open_story, set_focus};
use crate::library::{Place, SpeakerCount};
use crate::sanitize::sanitize_line;
use crate::tui::action::{Effect, Query};
use crate::tui::app::{App, Arrival, Focus, Mode, Origin, Tab};
use crate::tui::panes::{inner, panes};
use crate::tui::people::{LibTab, PeopleSort, Places, PlacesOf, from_memory};
use crate::tui::view::lists::{PLACE_ROWS, tab_at};
use ratatui::layout::Rect;

/// `p`: the Speakers tab, focused; pressed there, back to the stories.
pub fn show_speakers(app: &mut App) -> Vec<Effect> {
    let here = app.focus == Focus::Library && app.places.is_none();
    if here && app.lib_tab == LibTab::Speakers {
        app.lib_tab = LibTab::Stories;
        return Vec::new();
    }
    app.places = None;
    app.lib_tab = LibTab::Speakers;
    set_focus(app, Focus::Library);
    load_speakers(app)
}

/// `[` `]` with the focus on the library pane: the other tab.
pub fn switch_tab(app: &mut App) -> Vec<Effect> {
    app.places = None;
    match app.lib_tab {
        LibTab::Speakers => {
            app.lib_tab = LibTab::Stories;
            Vec::new()
        }
        LibTab::Stories => {
            app.lib_tab = LibTab::Speakers;
            load_speakers(app)
        }
    }
}

/// A click on the library pane's top border: the tab under it.
pub fn click_tab(app: &mut App, x: u16) -> Vec<Effect> {
    if tab_at(app, x) == app.lib_tab {
        return Vec::new();
    }
    switch_tab(app)
}

/// Ask for every speaker again (the list shown meanwhile is kept).
fn load_speakers(app: &mut App) -> Vec<Effect> {
    if !app.persist {
        let list = from_memory::speakers(&app.memory);
        app.people.set(list);
        return Vec::new();
    }
    app.people.loading = true;
    vec![Effect::Query(Query::Speakers)]
}

/// The library changed on disk: a speakers list on screen is refreshed.
pub fn library_changed(app: &mut App) -> Vec<Effect> {
    if app.lib_tab == LibTab::Speakers && !app.people.loading {
        return load_speakers(app);
    }
    Vec::new()
}

pub fn speakers_found(app: &mut App, found: Result<Vec<SpeakerCount>, String>) {
    match found {
        Ok(list) => app.people.set(list),
        Err(e) => {
            app.people.loading = false;
            app.set_error(format!("could not list the speakers: {e}"));
        }
    }
}

pub fn places_found(app: &mut App, of: &PlacesOf, found: Result<Vec<Place>, String>) {
    // An answer for a list no longer shown is dropped.
    let Some(places) = app.places.as_mut().filter(|p| p.of == *of) else {
        return;
    };
    match found {
        Ok(items) => places.set(items),
        Err(e) => {
            places.set(Vec::new());
            app.set_error(format!("could not look through the library: {e}"));
        }
    }
}

/// Show a list of places in the library pane and ask for its items.
fn ask_places(app: &mut App, of: PlacesOf, from: Focus) -> Vec<Effect> {
    let mut places = Places::new(of.clone(), from);
    let fx = if app.persist {
        vec![Effect::Query(Query::Places(of))]
    } else {
        places.set(match &of {
            PlacesOf::Speaker { name, also } => {
                from_memory::quotes_by(&app.memory, &crate::library::forms(name, also))
            }
            PlacesOf::Figure {
                kind, value, unit, ..
            } => from_memory::stories_with_figure(&app.memory, *kind, *value, unit.as_deref()),
        });
        Vec::new()
    };
    app.places = Some(places);
    set_focus(app, Focus::Library);
    fx
}

/// `=`: the other stories carrying the selected figure (same kind,
/// value and unit).
pub fn same_figure(app: &mut App) -> Vec<Effect> {
    let Some(r) = app.reading.as_ref() else {
        app.set_status("open a story: = lists the other stories with one of its figures");
        return Vec::new();
    };
    if app.tab != Tab::Figures {
        app.set_status("= works on a figure: ] shows the Figures tab");
        return Vec::new();
    }
    let Some(f) = r.story.figures.get(r.figure) else {
        app.set_status("this story has no figures");
        return Vec::new();
    };
    let Some(value) = f.value.filter(|v| v.is_finite()) else {
        app.set_status(format!(
            "“{}” has no value to look for elsewhere",
            sanitize_line(&f.text)
        ));
        return Vec::new();
    };
    let of = PlacesOf::Figure {
        label: f.text.clone(),
        kind: f.kind,
        value,
        unit: f.unit.clone(),
        except: r.id.clone(),
    };
    let from = app.focus;
    ask_places(app, of, from)
}

/// Enter in a list: a speaker's quotes, or the story at the place.
pub fn open(app: &mut App) -> Vec<Effect> {
    let Some(places) = app.places.as_ref() else {
        let Some(s) = app.people.selected_speaker() else {
            return Vec::new();
        };
        let of = PlacesOf::Speaker {
            name: s.speaker.clone(),
            also: s.also.clone(),
        };
        return ask_places(app, of, Focus::Library);
    };
    let Some(place) = places.selected_place().cloned() else {
        return Vec::new();
    };
    let tab = match places.of {
        PlacesOf::Speaker { .. } => Tab::Quotes,
        PlacesOf::Figure { .. } => Tab::Figures,
    };
    let span = crate::Span {
        block: place.block,
        start: place.start,
        end: place.end,
    };
    let origin = Origin {
        story: app.reading.as_ref().map(|r| r.id.clone()),
        focus: app.focus,
    };
    let fx = open_story(app, place.id, Some(Arrival::At(tab, span)));
    app.origin = Some(origin);
    fx
}

/// The story asked for is shown: jump to the place, or focus a pane.
pub fn arrive(app: &mut App, arrival: Arrival) {
    match arrival {
        Arrival::Focus(focus) => set_focus(app, focus),
        Arrival::At(tab, span) => {
            let Some(r) = app.reading.as_ref() else {
                return;
            };
            let found = match tab {
                Tab::Quotes => r.story.quotes.iter().position(|q| q.span == span),
                Tab::Figures => r.story.figures.iter().position(|f| f.span == span),
            };
            set_focus(app, Focus::Reader);
            match found {
                Some(i) => jump_to_item(app, tab, i),
                None => app.set_error("not found in the story any more (was it re-imported?)"),
            }
            // `''` from here goes back to the list, not to this story's top.
            if let Some(r) = app.reading.as_mut() {
                r.back = None;
            }
        }
    }
}

/// `''` after a jump to another story: that story again at its place (it
/// was saved when we left it), and the list the jump was made from.
pub fn back_to_origin(app: &mut App) -> Vec<Effect> {
    let Some(origin) = app.origin.take() else {
        return Vec::new();
    };
    let current = app.reading.as_ref().map(|r| r.id.clone());
    match origin.story {
        Some(id) if Some(&id) != current.as_ref() => {
            open_story(app, id, Some(Arrival::Focus(origin.focus)))
        }
        _ => {
            set_focus(app, origin.focus);
            Vec::new()
        }
    }
}

/// q, Esc in a list: out one level (places, a speakers filter, the tab).
pub fn back_out(app: &mut App) {
    if let Some(p) = app.places.take() {
        set_focus(app, p.from);
        return;
    }
    if !app.people.filter.is_empty() {
        app.people.set_filter("");
        return;
    }
    app.lib_tab = LibTab::Stories;
}

/// `s`: speakers by count or by name.
pub fn cycle_sort(app: &mut App) {
    if app.places.is_some() {
        app.set_status("newest first: the order of a list of quotes or stories");
        return;
    }
    let sort = match app.people.sort {
        PeopleSort::Count => PeopleSort::Name,
        PeopleSort::Name => PeopleSort::Count,
    };
    app.people.set_sort(sort);
    app.set_status(format!("speakers sorted {}", sort.name()));
}

pub fn move_by(app: &mut App, delta: isize) {
    match app.places.as_mut() {
        Some(p) => p.move_by(delta),
        None => app.people.move_by(delta),
    }
}

/// Rows of a list item.
fn item_rows(app: &App) -> usize {
    if app.places.is_some() { PLACE_ROWS } else { 1 }
}

fn list_area(app: &App) -> Rect {
    panes(app).library.map_or(
        Rect::new(0, 0, app.size.0, app.size.1.saturating_sub(3)),
        inner,
    )
}

/// Items in a page of the list.
pub fn rows(app: &App) -> usize {
    (usize::from(list_area(app).height) / item_rows(app)).max(1)
}

/// Keep the selected item on screen in a list of `area`.
pub fn fit(app: &mut App, area: Rect) {
    let fits = (usize::from(area.height) / item_rows(app)).max(1);
    let (selected, top, n) = match app.places.as_mut() {
        Some(p) => (
            &mut p.selected,
            &mut p.top,
            p.items.as_ref().map_or(0, Vec::len),
        ),
        None => (
            &mut app.people.selected,
            &mut app.people.top,
            app.people.visible.len(),
        ),
    };
    *selected = (*selected).min(n.saturating_sub(1));
    *top = (*top)
        .min(*selected)
        .max((*selected + 1).saturating_sub(fits));
}

/// A click in a list: select the item under it and open it.
pub fn click(app: &mut App, area: Rect, row: u16) -> Vec<Effect> {
    if row < area.y || row >= area.bottom() || app.mode != Mode::Normal {
        return Vec::new();
    }
    let k = usize::from(row - area.y) / item_rows(app);
    let (top, n) = match app.places.as_ref() {
        Some(p) => (p.top, p.len()),
        None => (app.people.top, app.people.visible.len()),
    };
    let i = top + k;
    if i >= n {
        return Vec::new();
    }
    match app.places.as_mut() {
        Some(p) => p.selected = i,
        None => app.people.selected = i,
    }
    open(app)
}
