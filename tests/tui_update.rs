//! update() is a pure function of (App, Action): one test per action, plus
//! key resolution through the keymap table.

mod tui_common;

use lede::library::{CatalogEntry, Field, Hit, Position};
use lede::tui::app::{App, Focus, Mode, Tab};
use lede::tui::keymap;
use lede::tui::panes::{panes, reader_text};
use lede::tui::{Action, Effect, update};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers,
};
use tui_common::*;

fn wide() -> App {
    opened(vec![harbour(), sakura()], 160, 45)
}

/// A short screen, so the fixture story scrolls.
fn short() -> App {
    opened(vec![harbour()], 160, 12)
}

fn top(app: &App) -> usize {
    app.reading.as_ref().expect("open").top
}

fn height(app: &App) -> usize {
    usize::from(reader_text(panes(app).reader.expect("reader")).height)
}

#[test]
fn quit_saves_position_when_persisting() {
    let mut app = App::new(vec![CatalogEntry::from_story("s1", &harbour(), 5)]);
    update(&mut app, Action::Resize(160, 12));
    let fx = update(&mut app, Action::Open);
    assert_eq!(fx, [Effect::LoadStory("s1".into())]);
    assert_eq!(app.loading.as_deref(), Some("s1"));
    update(
        &mut app,
        Action::Loaded {
            id: "s1".into(),
            story: Box::new(harbour()),
        },
    );
    update(&mut app, Action::PageDown);
    let fx = update(&mut app, Action::Quit);
    assert!(app.quit);
    let Effect::SavePosition {
        id,
        position,
        percent_read,
    } = &fx[0]
    else {
        panic!("expected a save first: {fx:?}");
    };
    assert_eq!(id, "s1");
    assert!(position.block > 0 && *percent_read > 0);
    assert_eq!(fx[1], Effect::Quit);
}

#[test]
fn quit_with_samples_does_not_persist() {
    let mut app = wide();
    assert_eq!(update(&mut app, Action::Quit), [Effect::Quit]);
}

#[test]
fn focus_cycles_both_ways_and_starts_on_library() {
    let mut app = app_with(vec![harbour()]);
    update(&mut app, Action::Resize(160, 45));
    assert_eq!(app.focus, Focus::Library);
    update(&mut app, Action::FocusNext);
    assert_eq!(app.focus, Focus::Library, "nothing open: only the library");
    update(&mut app, Action::Open);
    update(&mut app, Action::FocusPrev);
    assert_eq!(app.focus, Focus::Library);
    update(&mut app, Action::FocusNext);
    assert_eq!(app.focus, Focus::Reader);
    update(&mut app, Action::FocusNext);
    assert_eq!(app.focus, Focus::Sidebar);
    update(&mut app, Action::FocusNext);
    assert_eq!(app.focus, Focus::Library);
    update(&mut app, Action::FocusPrev);
    assert_eq!(app.focus, Focus::Sidebar);
}

#[test]
fn narrow_panes_fold_and_toggle() {
    let mut app = opened(vec![harbour()], 80, 24);
    let p = panes(&app);
    assert!(p.library.is_none() && p.sidebar.is_none());
    assert!(p.reader.unwrap().width >= 40);
    update(&mut app, Action::ToggleLibrary);
    let p = panes(&app);
    assert!(p.library.is_some() && p.sidebar.is_none());
    assert_eq!(p.library.unwrap().width, 80, "the library takes the screen");
    update(&mut app, Action::ToggleLibrary);
    assert!(panes(&app).library.is_none());
    assert_eq!(app.focus, Focus::Reader);
    update(&mut app, Action::ToggleSidebar);
    assert!(panes(&app).sidebar.is_some());
    assert_eq!(app.focus, Focus::Sidebar);
    update(&mut app, Action::ToggleSidebar);
    assert!(panes(&app).sidebar.is_none());
    // Wide: all three always show.
    update(&mut app, Action::Resize(120, 30));
    let p = panes(&app);
    assert!(p.library.is_some() && p.reader.is_some() && p.sidebar.is_some());
}

#[test]
fn up_down_move_in_each_pane() {
    let mut app = short();
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    assert_eq!(top(&app), 2);
    update(&mut app, Action::Up);
    assert_eq!(top(&app), 1);
    update(&mut app, Action::FocusNext);
    update(&mut app, Action::Down);
    assert_eq!(app.reading.as_ref().unwrap().quote, 1);
    let mut app = wide();
    update(&mut app, Action::FocusPrev);
    assert_eq!(app.focus, Focus::Library);
    update(&mut app, Action::Down);
    assert_eq!(app.shelf.selected, 1);
    update(&mut app, Action::Down);
    assert_eq!(app.shelf.selected, 1, "clamped at the last entry");
}

#[test]
fn pages_and_half_pages() {
    let mut app = short();
    let h = height(&app);
    update(&mut app, Action::PageDown);
    assert_eq!(top(&app), h - 2);
    update(&mut app, Action::PageUp);
    assert_eq!(top(&app), 0);
    update(&mut app, Action::HalfDown);
    assert_eq!(top(&app), h / 2);
    update(&mut app, Action::HalfUp);
    assert_eq!(top(&app), 0);
}

#[test]
fn top_and_bottom() {
    let mut app = short();
    update(&mut app, Action::Bottom);
    let r = app.reading.as_ref().unwrap();
    assert_eq!(r.top, r.layout.len() - height(&app));
    assert_eq!(r.percent(height(&app)), 100);
    update(&mut app, Action::Top);
    assert_eq!(top(&app), 0);
}

#[test]
fn open_from_library_and_jump_from_sidebar() {
    let mut app = short();
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(app.reading.as_ref().unwrap().id, "id0");
    update(&mut app, Action::FocusNext);
    update(&mut app, Action::Down);
    update(&mut app, Action::Open);
    assert_eq!(app.focus, Focus::Reader);
    let r = app.reading.as_ref().unwrap();
    let spot = r.target.expect("marked");
    let text = &r.doc.paras[spot.para].text[spot.start..spot.end];
    assert_eq!(text, harbour().quotes[1].text);
    let row = r.layout.row_of(spot.para, spot.start);
    let h = height(&app);
    assert!(r.top > 0 && row == r.top + h / 3, "upper third");
}

#[test]
fn library_filter_as_you_type() {
    let mut app = wide();
    update(&mut app, Action::FocusPrev);
    update(&mut app, Action::SearchStart);
    assert_eq!(app.mode, Mode::Filter);
    for c in "café".chars() {
        update(&mut app, Action::PromptInput(c));
    }
    assert_eq!(app.shelf.visible.len(), 1);
    update(&mut app, Action::PromptBackspace);
    assert_eq!(app.prompt, "caf");
    update(&mut app, Action::PromptAccept);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.shelf.filter, "caf");
    update(&mut app, Action::Cancel);
    assert!(app.shelf.filter.is_empty());
    assert_eq!(app.shelf.visible.len(), 2);
    // Esc in the prompt cancels the filter too.
    update(&mut app, Action::SearchStart);
    update(&mut app, Action::PromptInput('q'));
    assert_eq!(app.shelf.visible.len(), 0);
    update(&mut app, Action::Cancel);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.shelf.visible.len(), 2);
}

#[test]
fn library_filter_asks_for_full_text_hits_and_shows_them() {
    let entries = vec![
        CatalogEntry::from_story("s1", &harbour(), 5),
        CatalogEntry::from_story("s2", &sakura(), 6),
    ];
    let mut app = App::new(entries);
    update(&mut app, Action::Resize(160, 45));
    update(&mut app, Action::SearchStart);
    let fx = update(&mut app, Action::PromptInput('z'));
    assert_eq!(fx, [Effect::SearchLibrary("z".into())]);
    assert!(app.shelf.searching);
    let fx = update(&mut app, Action::PromptInput('q'));
    assert_eq!(fx, [Effect::SearchLibrary("zq".into())]);
    assert!(app.shelf.visible.is_empty());
    let hit = Hit {
        id: "s2".into(),
        title: String::new(),
        field: Field::Quote,
        snippet: "…a zq word…".into(),
        marks: Vec::new(),
    };
    // Hits for an older filter are dropped.
    update(
        &mut app,
        Action::LibraryHits {
            query: "z".into(),
            hits: Ok(vec![hit.clone()]),
        },
    );
    assert!(app.shelf.visible.is_empty() && app.shelf.searching);
    update(
        &mut app,
        Action::LibraryHits {
            query: "zq".into(),
            hits: Ok(vec![hit]),
        },
    );
    assert_eq!(
        app.shelf.selected_entry().map(|e| e.id.as_str()),
        Some("s2")
    );
    assert!(!app.shelf.searching);
    let screen = format!("{:?}", render(&app).backend().buffer());
    assert!(screen.contains("quote: …a zq word…"), "{screen}");
    // Samples held in memory have no index to search.
    let mut samples = wide();
    update(&mut samples, Action::FocusPrev);
    update(&mut samples, Action::SearchStart);
    assert!(update(&mut samples, Action::PromptInput('z')).is_empty());
}

#[test]
fn story_search_next_and_previous() {
    let mut app = short();
    update(&mut app, Action::SearchStart);
    assert_eq!(app.mode, Mode::Search);
    for c in "HARBOUR".chars() {
        update(&mut app, Action::PromptInput(c));
    }
    update(&mut app, Action::PromptAccept);
    let r = app.reading.as_ref().unwrap();
    assert_eq!(r.matches.len(), 4);
    assert_eq!(r.current_match, Some(0));
    update(&mut app, Action::SearchNext);
    assert_eq!(app.reading.as_ref().unwrap().current_match, Some(1));
    update(&mut app, Action::SearchPrev);
    update(&mut app, Action::SearchPrev);
    assert_eq!(app.reading.as_ref().unwrap().current_match, Some(3));
    let r = app.reading.as_ref().unwrap();
    let m = r.matches[3];
    assert_eq!(r.target, Some(m));
    assert_eq!(
        r.doc.paras[m.para].text[m.start..m.end].to_lowercase(),
        "harbour"
    );
    update(&mut app, Action::Cancel);
    assert!(app.reading.as_ref().unwrap().matches.is_empty());
}

#[test]
fn next_and_previous_quote_and_figure() {
    let mut app = short();
    update(&mut app, Action::NextQuote);
    assert_eq!(app.reading.as_ref().unwrap().quote, 0);
    update(&mut app, Action::NextQuote);
    update(&mut app, Action::NextQuote);
    let r = app.reading.as_ref().unwrap();
    assert_eq!(r.quote, 2);
    assert_eq!(r.target, r.doc.quotes[2]);
    update(&mut app, Action::PrevQuote);
    assert_eq!(app.reading.as_ref().unwrap().quote, 1);
    update(&mut app, Action::NextFigure);
    assert_eq!(app.tab, Tab::Figures, "the sidebar follows");
    update(&mut app, Action::NextFigure);
    let fig = app.reading.as_ref().unwrap().figure;
    update(&mut app, Action::PrevFigure);
    assert_eq!(app.reading.as_ref().unwrap().figure, fig - 1);
}

#[test]
fn sidebar_tabs_switch() {
    let mut app = wide();
    update(&mut app, Action::TabNext);
    assert_eq!(app.tab, Tab::Figures);
    update(&mut app, Action::TabNext);
    assert_eq!(app.tab, Tab::Quotes);
    update(&mut app, Action::TabPrev);
    assert_eq!(app.tab, Tab::Figures);
}

#[test]
fn help_overlay_opens_scrolls_closes() {
    let mut app = wide();
    update(&mut app, Action::ToggleHelp);
    assert_eq!(app.mode, Mode::Help);
    update(&mut app, Action::Down);
    assert_eq!(app.help_top, 1);
    assert_eq!(top(&app), 0, "help scrolls, not the story");
    update(&mut app, Action::Cancel);
    assert_eq!(app.mode, Mode::Normal);
    // Every binding's description is in the overlay.
    let text: String = lede::tui::view::help::lines(&app, 200)
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    for b in &app.keymap.bindings {
        assert!(text.contains(b.help), "{}", b.help);
    }
}

#[test]
fn jump_back_returns_and_toggles() {
    let mut app = short();
    update(&mut app, Action::Bottom);
    let bottom = top(&app);
    update(&mut app, Action::NextQuote);
    assert_ne!(top(&app), bottom, "jumped");
    let there = top(&app);
    update(&mut app, Action::Pending('\''));
    assert_eq!(app.pending, Some('\''));
    update(&mut app, Action::JumpBack);
    assert_eq!(app.pending, None);
    assert_eq!(top(&app), bottom);
    update(&mut app, Action::JumpBack);
    assert_eq!(top(&app), there);
}

#[test]
fn resize_rewraps_and_keeps_the_place() {
    let mut app = opened(vec![harbour()], 160, 20);
    update(&mut app, Action::HalfDown);
    update(&mut app, Action::HalfDown);
    let before = app.reading.as_ref().unwrap().position();
    update(&mut app, Action::Resize(80, 20));
    let r = app.reading.as_ref().unwrap();
    assert_eq!(
        r.layout.width,
        reader_text(panes(&app).reader.unwrap()).width
    );
    let after = r.position();
    assert_eq!(after.0, before.0, "same block at the top");
    assert!(after.1 <= before.1);
    update(&mut app, Action::Resize(160, 20));
    assert_eq!(app.reading.as_ref().unwrap().position(), before);
}

#[test]
fn position_restored_on_reopen() {
    let mut app = opened(vec![harbour(), sakura()], 160, 12);
    update(&mut app, Action::PageDown);
    let place = app.reading.as_ref().unwrap().position();
    // Open the other story, then come back.
    update(&mut app, Action::FocusPrev);
    update(&mut app, Action::Down);
    update(&mut app, Action::Open);
    assert_eq!(app.reading.as_ref().unwrap().id, "id1");
    let e = app.shelf.entry("id0").unwrap();
    assert_eq!(
        e.position,
        Position {
            block: place.0,
            offset: place.1
        }
    );
    assert!(e.percent_read > 0);
    update(&mut app, Action::FocusPrev);
    update(&mut app, Action::Up);
    update(&mut app, Action::Open);
    assert_eq!(app.reading.as_ref().unwrap().position(), place);
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = opened(vec![harbour(), sakura()], 160, 12);
    let p = panes(&app);
    let reader = p.reader.unwrap();
    update(
        &mut app,
        Action::Scroll {
            column: reader.x + 2,
            row: 3,
            down: true,
        },
    );
    assert_eq!(top(&app), 3);
    let lib = p.library.unwrap();
    update(
        &mut app,
        Action::Scroll {
            column: lib.x + 2,
            row: 3,
            down: true,
        },
    );
    assert_eq!(app.shelf.selected, 1);
    assert_eq!(top(&app), 3, "the reader did not move");
    let side = p.sidebar.unwrap();
    let q = app.reading.as_ref().unwrap().quote;
    update(
        &mut app,
        Action::Scroll {
            column: side.x + 2,
            row: 3,
            down: true,
        },
    );
    assert_eq!(app.reading.as_ref().unwrap().quote, q + 1);
}

#[test]
fn mouse_click_selects_rows_and_items() {
    let mut app = wide();
    let p = panes(&app);
    let lib = p.library.unwrap();
    update(
        &mut app,
        Action::Click {
            column: lib.x + 3,
            row: lib.y + 3,
        },
    );
    // A click on an entry selects and opens it.
    assert_eq!(app.shelf.selected, 1);
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(app.reading.as_ref().unwrap().id, "id1");
    let p = panes(&app);
    let side = p.sidebar.unwrap();
    // Items: 3 rows each for one-line quotes; row 4 is the second item.
    update(
        &mut app,
        Action::Click {
            column: side.x + 3,
            row: side.y + 4,
        },
    );
    assert_eq!(app.focus, Focus::Sidebar);
    assert_eq!(app.reading.as_ref().unwrap().quote, 1);
    // A click on the tab bar switches tabs.
    update(
        &mut app,
        Action::Click {
            column: side.x + side.width - 4,
            row: side.y,
        },
    );
    assert_eq!(app.tab, Tab::Figures);
}

#[test]
fn worker_answers() {
    let mut app = App::new(vec![CatalogEntry::from_story("s1", &harbour(), 5)]);
    update(&mut app, Action::Resize(160, 45));
    update(&mut app, Action::Open);
    update(
        &mut app,
        Action::LoadFailed {
            id: "s1".into(),
            error: "disk on fire".into(),
        },
    );
    assert!(app.loading.is_none() && app.reading.is_none());
    let status = app.status.as_ref().unwrap();
    assert!(status.error && status.text.contains("disk on fire"));
    // A stale answer for a story no longer awaited is ignored.
    update(
        &mut app,
        Action::Loaded {
            id: "s1".into(),
            story: Box::new(harbour()),
        },
    );
    assert!(app.reading.is_none());
    update(&mut app, Action::Failed("could not save".into()));
    assert!(app.status.as_ref().unwrap().error);
    update(&mut app, Action::Cancel);
    assert!(app.status.is_none());
}

#[test]
fn scrolling_selects_first_item_in_view() {
    let mut app = short();
    update(&mut app, Action::Bottom);
    let r = app.reading.as_ref().unwrap();
    let h = height(&app);
    let spot = r.doc.quotes[r.quote].unwrap();
    let row = r.layout.row_of(spot.para, spot.start);
    assert!(row >= r.top && row < r.top + h);
    if r.quote > 0 {
        let prev = r.doc.quotes[r.quote - 1].unwrap();
        assert!(r.layout.row_of(prev.para, prev.start) < r.top);
    }
}

fn press(c: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent {
        code: c,
        modifiers: mods,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

#[test]
fn keys_resolve_through_the_table() {
    let mut app = wide();
    let none = KeyModifiers::NONE;
    assert_eq!(
        keymap::resolve(&app, &press(KeyCode::Char('j'), none)),
        Some(Action::Down)
    );
    assert_eq!(
        keymap::resolve(&app, &press(KeyCode::Char(')'), none)),
        Some(Action::NextQuote)
    );
    assert_eq!(
        keymap::resolve(&app, &press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
        Some(Action::Bottom)
    );
    assert_eq!(
        keymap::resolve(&app, &press(KeyCode::BackTab, KeyModifiers::SHIFT)),
        Some(Action::FocusPrev)
    );
    let quote = press(KeyCode::Char('\''), none);
    let a = keymap::resolve(&app, &quote).unwrap();
    assert_eq!(a, Action::Pending('\''));
    update(&mut app, a);
    assert_eq!(keymap::resolve(&app, &quote), Some(Action::JumpBack));
    // In a prompt, letters are typed, not commands.
    update(&mut app, Action::SearchStart);
    assert_eq!(
        keymap::resolve(&app, &press(KeyCode::Char('q'), none)),
        Some(Action::PromptInput('q'))
    );
    assert_eq!(
        keymap::resolve(&app, &press(KeyCode::Esc, none)),
        Some(Action::Cancel)
    );
}

#[test]
fn key_releases_are_ignored() {
    let app = wide();
    let mut ev = press(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(
        lede::tui::event_loop::to_action(&app, Event::Key(ev)),
        Some(Action::Down)
    );
    ev.kind = KeyEventKind::Release;
    assert_eq!(lede::tui::event_loop::to_action(&app, Event::Key(ev)), None);
    ev.kind = KeyEventKind::Repeat;
    assert_eq!(lede::tui::event_loop::to_action(&app, Event::Key(ev)), None);
    assert_eq!(
        lede::tui::event_loop::to_action(&app, Event::Resize(90, 30)),
        Some(Action::Resize(90, 30))
    );
}

#[test]
fn big_library_filters_and_draws() {
    let base = CatalogEntry::from_story("x", &harbour(), 0);
    let entries: Vec<CatalogEntry> = (0..100_000)
        .map(|i| {
            let mut e = base.clone();
            e.id = format!("id{i}");
            e.added_at = i;
            e.title = format!(
                "Story number {i} about {}",
                ["ports", "trains", "bridges"][i as usize % 3]
            );
            e.published = None;
            e
        })
        .collect();
    let mut app = App::new(entries);
    update(&mut app, Action::Resize(160, 45));
    assert_eq!(app.shelf.entries[0].id, "id99999", "newest first");
    update(&mut app, Action::SearchStart);
    for c in "trains 777".chars() {
        update(&mut app, Action::PromptInput(c));
    }
    assert!(app.shelf.visible.len() > 1 && app.shelf.visible.len() < 100);
    update(&mut app, Action::PromptAccept);
    update(&mut app, Action::Bottom);
    render(&app);
}

#[test]
fn sidebar_lists_items_in_text_order() {
    let mut s = harbour();
    s.quotes.reverse();
    s.figures.swap(0, 5);
    let app = opened(vec![s], 160, 45);
    let r = app.reading.as_ref().unwrap();
    assert!(r.story.quotes.windows(2).all(|w| w[0].span <= w[1].span));
    assert!(r.story.figures.windows(2).all(|w| w[0].span <= w[1].span));
    assert_eq!(r.story.quotes[0].text, harbour().quotes[0].text);
}
