//! Issue 16: back and quit, actions (copy, open, read, delete with undo,
//! sort), unknown keys, the position saved as you read, and a library
//! that changes under the reader. update() only: no terminal.

mod tui_common;

use lede::library::CatalogEntry;
use lede::tui::app::{App, Focus, Mode, Tab};
use lede::tui::keymap;
use lede::tui::panes::panes;
use lede::tui::{Action, Effect, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_common::*;

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

/// A reader over a "library" (positions persisted) with two stories, the
/// first open at w x h.
fn library_app(w: u16, h: u16) -> App {
    let mut app = App::new(vec![
        CatalogEntry::from_story("s1", &harbour(), 5),
        CatalogEntry::from_story("s2", &sakura(), 6),
    ]);
    update(&mut app, Action::Resize(w, h));
    update(&mut app, Action::Open);
    update(
        &mut app,
        Action::Loaded {
            id: "s1".into(),
            story: Box::new(harbour()),
        },
    );
    app
}

#[test]
fn q_and_esc_back_out_of_a_story_then_q_quits() {
    for back in [
        KeyCode::Char('q'),
        KeyCode::Esc,
        KeyCode::Left,
        KeyCode::Char('h'),
        KeyCode::Backspace,
    ] {
        for from_sidebar in [false, true] {
            let mut app = opened(vec![harbour(), sakura()], 160, 45);
            if from_sidebar {
                update(&mut app, Action::FocusNext);
                assert_eq!(app.focus, Focus::Sidebar);
            }
            let a = keymap::resolve(&app, &key(back)).unwrap();
            assert_eq!(a, Action::Back, "{back:?}");
            update(&mut app, a);
            assert_eq!(app.focus, Focus::Library, "{back:?}");
            assert!(!app.quit);
            let a = keymap::resolve(&app, &key(KeyCode::Char('q'))).unwrap();
            assert_eq!(a, Action::Quit);
            assert_eq!(update(&mut app, a), [Effect::Quit]);
            assert!(app.quit);
        }
    }
}

#[test]
fn back_saves_the_place_and_keeps_the_story_selected() {
    let mut app = library_app(160, 12);
    update(&mut app, Action::PageDown);
    let fx = update(&mut app, Action::Back);
    assert!(matches!(&fx[..], [Effect::SavePosition { id, .. }] if id == "s1"));
    assert_eq!(app.shelf.selected_entry().unwrap().id, "s1");
    // The library takes the width reading does not need while browsing.
    let p = panes(&app);
    assert!(p.library.unwrap().width > p.reader.unwrap().width);
    assert!(p.sidebar.is_none());
}

#[test]
fn unknown_keys_say_so() {
    let mut app = opened(vec![harbour()], 160, 45);
    let a = keymap::resolve(&app, &key(KeyCode::Char('x'))).unwrap();
    assert_eq!(a, Action::UnknownKey("x".into()));
    update(&mut app, a);
    let s = app.status.as_ref().unwrap();
    assert!(s.text.contains("x does nothing here") && s.text.contains('?'));
    // In the library, h is not bound: it says so too.
    update(&mut app, Action::Back);
    let a = keymap::resolve(&app, &key(KeyCode::Char('h'))).unwrap();
    assert_eq!(a, Action::UnknownKey("h".into()));
}

#[test]
fn copy_gives_the_quote_and_its_citation() {
    let mut app = opened(vec![harbour()], 160, 45);
    update(&mut app, Action::FocusNext);
    update(&mut app, Action::Down);
    let fx = update(&mut app, Action::Copy);
    let [Effect::Copy(text)] = &fx[..] else {
        panic!("{fx:?}");
    };
    assert_eq!(
        text,
        "“We planned for twice that,”\n— Tom Okafor, “Harbour bridge opens to traffic”, The Coastal Herald, 2 May 2024, file fixture"
    );
    // A figure copies with words around it.
    update(&mut app, Action::TabNext);
    assert_eq!(app.tab, Tab::Figures);
    let fx = update(&mut app, Action::Copy);
    let [Effect::Copy(text)] = &fx[..] else {
        panic!("{fx:?}");
    };
    assert!(text.contains("$1.2bn") && text.contains("\n— “Harbour bridge"));
}

#[test]
fn open_url_only_for_http() {
    let mut s = harbour();
    s.article.url = Some("https://herald.example/bridge".into());
    let mut app = opened(vec![s.clone()], 160, 45);
    assert_eq!(
        update(&mut app, Action::OpenUrl),
        [Effect::OpenUrl("https://herald.example/bridge".into())]
    );
    for bad in [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "https://x.example/a b",
        "https://x.example/\u{1b}]52",
        "--help",
    ] {
        s.article.url = Some(bad.into());
        let mut app = opened(vec![s.clone()], 160, 45);
        assert_eq!(update(&mut app, Action::OpenUrl), [], "{bad}");
        assert!(app.status.is_some());
    }
    let mut app = opened(vec![harbour()], 160, 45);
    assert_eq!(update(&mut app, Action::OpenUrl), []);
    assert!(app.status.as_ref().unwrap().text.contains("no URL"));
}

#[test]
fn r_toggles_read() {
    let mut app = library_app(160, 45);
    assert_eq!(
        update(&mut app, Action::ToggleRead),
        [Effect::SetRead {
            id: "s1".into(),
            read: true
        }]
    );
    assert!(app.shelf.entry("s1").unwrap().read);
    update(&mut app, Action::Back);
    update(&mut app, Action::Down);
    assert_eq!(
        update(&mut app, Action::ToggleRead),
        [Effect::SetRead {
            id: "s2".into(),
            read: true
        }]
    );
    update(&mut app, Action::ToggleRead);
    assert!(!app.shelf.entry("s2").unwrap().read);
}

#[test]
fn delete_asks_then_undo_brings_it_back_and_quit_removes() {
    let mut app = library_app(160, 45);
    update(&mut app, Action::Delete);
    assert_eq!(app.mode, Mode::Confirm);
    // Anything but y keeps it (d, u stay half pages elsewhere).
    let a = keymap::resolve(&app, &key(KeyCode::Char('d'))).unwrap();
    assert_eq!(a, Action::Cancel);
    update(&mut app, a);
    assert_eq!(app.shelf.entries.len(), 2);
    assert!(app.reading.is_some());
    update(&mut app, Action::Delete);
    let a = keymap::resolve(&app, &key(KeyCode::Char('y'))).unwrap();
    update(&mut app, a);
    assert_eq!(app.shelf.entries.len(), 1);
    assert!(app.reading.is_none(), "the open story was deleted");
    assert_eq!(app.focus, Focus::Library);
    assert!(app.status.as_ref().unwrap().text.contains("U undoes"));
    update(&mut app, Action::Undo);
    assert_eq!(app.shelf.entries.len(), 2);
    assert_eq!(app.shelf.selected_entry().unwrap().id, "s1");
    // Deleted again; nothing leaves the disk until the reader quits.
    update(&mut app, Action::Delete);
    assert_eq!(update(&mut app, Action::ConfirmYes), []);
    assert_eq!(
        update(&mut app, Action::Quit),
        [Effect::Remove(vec!["s1".into()]), Effect::Quit]
    );
}

#[test]
fn s_cycles_the_sort() {
    let mut app = app_with(vec![harbour(), sakura()]);
    update(&mut app, Action::Resize(160, 45));
    assert_eq!(app.shelf.entries[0].id, "id0");
    let mut seen = Vec::new();
    for _ in 0..5 {
        update(&mut app, Action::CycleSort);
        seen.push(app.shelf.sort.name());
    }
    assert_eq!(seen, ["added", "title", "publisher", "unread", "published"]);
    update(&mut app, Action::CycleSort);
    update(&mut app, Action::CycleSort);
    assert_eq!(app.shelf.sort.name(), "title");
    assert_eq!(app.shelf.entries[0].id, "id0", "“Harbour” before “東京”");
}

#[test]
fn the_place_is_saved_as_you_read_at_most_once_a_tick() {
    let mut app = library_app(160, 12);
    assert_eq!(update(&mut app, Action::Tick), [], "nothing moved yet");
    update(&mut app, Action::PageDown);
    update(&mut app, Action::Down);
    let fx = update(&mut app, Action::Tick);
    assert!(matches!(&fx[..], [Effect::SavePosition { id, .. }] if id == "s1"));
    assert_eq!(update(&mut app, Action::Tick), [], "saved already");
    // Reading to the end shows 100% and marks the story read.
    update(&mut app, Action::Bottom);
    let fx = update(&mut app, Action::Tick);
    assert!(matches!(
        &fx[..],
        [Effect::SavePosition {
            percent_read: 100,
            ..
        }]
    ));
    let e = app.shelf.entry("s1").unwrap();
    assert_eq!(e.percent_read, 100);
    assert!(e.read);
    // A signal saves like quitting does.
    update(&mut app, Action::Up);
    let fx = update(&mut app, Action::Terminate);
    assert!(matches!(
        &fx[..],
        [Effect::SavePosition { .. }, Effect::Quit]
    ));
}

#[test]
fn stories_added_or_removed_elsewhere_show_up() {
    let mut app = library_app(160, 45);
    update(&mut app, Action::PageDown);
    let place = app.reading.as_ref().unwrap().position();
    let mut third = CatalogEntry::from_story("s3", &harbour(), 9);
    third.title = "Ferry service ends after ninety years".into();
    third.published = Some("2025-01-01".into());
    let mut entries = vec![
        CatalogEntry::from_story("s1", &harbour(), 5),
        CatalogEntry::from_story("s2", &sakura(), 6),
        third,
    ];
    update(&mut app, Action::LibraryChanged(entries.clone()));
    assert_eq!(app.shelf.entries.len(), 3);
    assert_eq!(app.shelf.entries[0].id, "s3", "newest published first");
    assert!(app.status.as_ref().unwrap().text.contains("1 new story"));
    assert_eq!(app.reading.as_ref().unwrap().position(), place);
    // The open story removed by `lede rm` elsewhere: back to the library.
    entries.remove(0);
    update(&mut app, Action::LibraryChanged(entries));
    assert!(app.reading.is_none());
    assert_eq!(app.focus, Focus::Library);
}

#[test]
fn the_first_story_added_replaces_the_samples() {
    let mut app = app_with(vec![harbour()]);
    app.samples = true;
    update(&mut app, Action::Resize(160, 45));
    assert!(!app.persist);
    update(
        &mut app,
        Action::LibraryChanged(vec![CatalogEntry::from_story("real", &sakura(), 1)]),
    );
    assert!(app.persist && !app.samples);
    assert_eq!(app.shelf.entries.len(), 1);
    assert_eq!(app.shelf.entries[0].id, "real");
}

#[test]
fn z_shows_the_story_alone() {
    let mut app = opened(vec![harbour()], 160, 45);
    update(&mut app, Action::ToggleWide);
    let p = panes(&app);
    assert!(p.library.is_none() && p.sidebar.is_none());
    assert_eq!(p.reader.unwrap().width, 160);
    update(&mut app, Action::ToggleWide);
    assert!(panes(&app).sidebar.is_some());
}
