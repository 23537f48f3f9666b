//! Issue 17 in the reader: the Speakers tab (`p`), a speaker's quotes
//! across stories, `=` on a figure, opening a story at the place and `''`
//! back. update() only (plus snapshots through TestBackend).

mod tui_common;

use insta::assert_snapshot;
use lede::library::{CatalogEntry, Place, SpeakerCount};
use lede::tui::action::Query;
use lede::tui::app::{App, Focus, Mode, Tab};
use lede::tui::keymap;
use lede::tui::people::{LibTab, PeopleSort, PlacesOf};
use lede::tui::{Action, Effect, update};
use lede::{BlockKind, FigureKind, Story};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_common::*;

/// A later story quoting Ana Ruiz again, with a $4 toll like the harbour's.
fn ferry() -> Story {
    use BlockKind::*;
    let mut s = story(
        "Ferry keeps two boats for the winter",
        "2024-06-10",
        vec![
            (
                Paragraph,
                "The ferry will keep two boats running. “We listened to the riders,” the mayor, Ana Ruiz, said on Friday.",
            ),
            (
                Paragraph,
                "A crossing costs $4, the same as the bridge toll. “Nobody should pay twice,” said Ruiz.",
            ),
        ],
        &[
            (0, "We listened to the riders,", Some("Ana Ruiz")),
            (1, "Nobody should pay twice,", Some("Ana Ruiz")),
        ],
        &[(1, "$4", FigureKind::Money)],
    );
    s.figures[0].value = Some(4.0);
    s.figures[0].unit = Some("USD".into());
    s
}

/// The harbour story with values on its figures (the $4 toll among them).
fn harbour_valued() -> Story {
    let mut s = harbour();
    for f in &mut s.figures {
        f.value = Some(1.0 + f.span.start as f64);
        if f.text == "$4" {
            f.value = Some(4.0);
            f.unit = Some("USD".into());
        }
    }
    s
}

/// A reader over three stories held in memory at w x h (nothing open).
fn three(w: u16, h: u16) -> App {
    let mut app = app_with(vec![harbour_valued(), sakura(), ferry()]);
    update(&mut app, Action::Resize(w, h));
    app
}

fn names(app: &App) -> Vec<String> {
    let list = app.people.speakers.as_ref().expect("speakers listed");
    app.people
        .visible
        .iter()
        .map(|&i| list[i].speaker.clone())
        .collect()
}

/// The library row of the story whose title starts with `title`.
fn row_of(app: &App, title: &str) -> usize {
    app.shelf
        .visible
        .iter()
        .position(|&i| app.shelf.entries[i].title.starts_with(title))
        .unwrap()
}

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

fn press(app: &mut App, c: KeyCode) -> Vec<Effect> {
    let a = keymap::resolve(app, &key(c)).expect("a bound key");
    update(app, a)
}

#[test]
fn p_lists_each_person_once_with_quotes_and_stories() {
    let mut app = three(100, 30);
    assert!(press(&mut app, KeyCode::Char('p')).is_empty());
    assert_eq!(app.lib_tab, LibTab::Speakers);
    assert_eq!(app.focus, Focus::Library);
    let list = app.people.speakers.clone().unwrap();
    let ana = list.iter().find(|s| s.speaker == "Ana Ruiz").unwrap();
    assert_eq!((ana.quotes, ana.stories), (5, 2));
    assert_eq!(names(&app)[0], "Ana Ruiz", "most quoted first");
    assert_eq!(
        list.iter().filter(|s| s.speaker.contains("Ruiz")).count(),
        1
    );

    // s: by name, and back to by count.
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.people.sort, PeopleSort::Name);
    let by_name = names(&app);
    let mut sorted = by_name.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(by_name, sorted);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.people.sort, PeopleSort::Count);

    // /: filtered as you type; Esc clears the filter, then leaves the tab.
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.mode, Mode::Filter);
    for c in "oka".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    assert_eq!(names(&app), ["Tom Okafor"]);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(names(&app), ["Tom Okafor"], "the filter stays after Enter");
    press(&mut app, KeyCode::Esc);
    assert_eq!(names(&app).len(), list.len());
    assert_eq!(app.lib_tab, LibTab::Speakers);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.lib_tab, LibTab::Stories);
    // p again, and p there goes back to the stories; ] switches too.
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(app.lib_tab, LibTab::Stories);
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.lib_tab, LibTab::Speakers);
    press(&mut app, KeyCode::Char('['));
    assert_eq!(app.lib_tab, LibTab::Stories);
}

/// p, then Enter on Ana Ruiz: her quotes, newest story first.
fn ana_quotes(app: &mut App) {
    press(app, KeyCode::Char('p'));
    assert_eq!(names(app)[0], "Ana Ruiz");
    press(app, KeyCode::Enter);
}

#[test]
fn a_speakers_quotes_open_their_story_at_the_quote_and_come_back() {
    let mut app = three(160, 20);
    ana_quotes(&mut app);
    let places = app.places.as_ref().expect("a list of quotes");
    assert_eq!(
        places.of,
        PlacesOf::Speaker {
            name: "Ana Ruiz".into(),
            also: Vec::new()
        }
    );
    let items = places.items.as_ref().unwrap();
    let titles: Vec<&str> = items.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Ferry keeps two boats for the winter",
            "Ferry keeps two boats for the winter",
            "Harbour bridge opens to traffic",
            "Harbour bridge opens to traffic",
            "Harbour bridge opens to traffic",
        ]
    );
    assert_eq!(items[0].text, "We listened to the riders,");

    // The fifth: the harbour's last quote, far down the story.
    for _ in 0..4 {
        press(&mut app, KeyCode::Char('j'));
    }
    let want = app
        .places
        .as_ref()
        .unwrap()
        .selected_place()
        .unwrap()
        .clone();
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(app.tab, Tab::Quotes);
    let r = app.reading.as_ref().expect("the story is open");
    assert_eq!(r.story.article.title, "Harbour bridge opens to traffic");
    let q = &r.story.quotes[r.quote];
    assert_eq!(q.text, want.text, "the quote is selected in the sidebar");
    assert_eq!(r.target, r.doc.quotes[r.quote], "and marked in the text");
    assert!(r.top > 0, "scrolled to it");
    // `''`: back to the list, where we were.
    update(&mut app, Action::Pending('\''));
    press(&mut app, KeyCode::Char('\''));
    assert_eq!(app.focus, Focus::Library);
    assert_eq!(app.places.as_ref().unwrap().selected, 4);
}

#[test]
fn q_backs_out_one_level_at_a_time_then_quits() {
    let mut app = three(160, 45);
    ana_quotes(&mut app);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Focus::Reader);
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(app.focus, Focus::Library);
    assert!(app.places.is_some(), "the story -> her quotes");
    press(&mut app, KeyCode::Char('q'));
    assert!(app.places.is_none(), "her quotes -> the speakers");
    assert_eq!(app.lib_tab, LibTab::Speakers);
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(app.lib_tab, LibTab::Stories, "the speakers -> the stories");
    assert!(!app.quit);
    assert!(press(&mut app, KeyCode::Char('q')).contains(&Effect::Quit));
}

#[test]
fn jumping_back_reopens_the_story_we_came_from() {
    let mut app = three(160, 20);
    // The harbour story open and scrolled.
    let harbour = row_of(&app, "Harbour");
    app.shelf.select(harbour);
    press(&mut app, KeyCode::Enter);
    update(&mut app, Action::PageDown);
    let top = app.reading.as_ref().unwrap().top;
    assert!(top > 0);
    // p, Ana Ruiz, her newest quote (in the ferry story).
    ana_quotes(&mut app);
    press(&mut app, KeyCode::Enter);
    assert!(
        app.reading
            .as_ref()
            .unwrap()
            .story
            .article
            .title
            .starts_with("Ferry"),
        "the ferry story open"
    );
    update(&mut app, Action::JumpBack);
    let r = app.reading.as_ref().unwrap();
    assert!(r.story.article.title.starts_with("Harbour"));
    assert_eq!(r.top, top, "at the place we left it");
    assert_eq!(app.focus, Focus::Library, "with the list we jumped from");
    assert!(app.places.is_some());
}

#[test]
fn equals_lists_the_other_stories_with_the_same_figure() {
    let mut app = opened(vec![harbour_valued(), sakura(), ferry()], 160, 45);
    // The ferry story is newest: open the harbour one instead.
    let i = row_of(&app, "Harbour");
    update(&mut app, Action::Back);
    app.shelf.select(i);
    update(&mut app, Action::Open);
    // `=` on the Quotes tab says what it needs.
    update(&mut app, Action::FocusNext);
    assert_eq!(app.focus, Focus::Sidebar);
    assert!(press(&mut app, KeyCode::Char('=')).is_empty());
    assert!(app.places.is_none());
    assert!(app.status.as_ref().unwrap().text.contains("Figures"));
    // The $4 toll on the Figures tab.
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.tab, Tab::Figures);
    let toll = {
        let r = app.reading.as_ref().unwrap();
        r.story.figures.iter().position(|f| f.text == "$4").unwrap()
    };
    app.reading.as_mut().unwrap().figure = toll;
    press(&mut app, KeyCode::Char('='));
    let places = app.places.as_ref().expect("a list of stories");
    let items = places.items.as_ref().unwrap();
    assert_eq!(items.len(), 1, "the other story only: {items:?}");
    assert_eq!(items[0].title, "Ferry keeps two boats for the winter");
    assert_eq!(app.focus, Focus::Library);
    // Enter: the ferry story at its $4.
    press(&mut app, KeyCode::Enter);
    let r = app.reading.as_ref().unwrap();
    assert!(r.story.article.title.starts_with("Ferry"));
    assert_eq!(app.tab, Tab::Figures);
    assert_eq!(r.story.figures[r.figure].text, "$4");
    assert_eq!(r.target, r.doc.figures[r.figure]);
    // q: back to the list; q: back to the sidebar it came from.
    press(&mut app, KeyCode::Char('q'));
    assert!(app.places.is_some());
    press(&mut app, KeyCode::Char('q'));
    assert!(app.places.is_none());
    assert_eq!(app.focus, Focus::Sidebar);
    assert_eq!(app.lib_tab, LibTab::Stories);
}

#[test]
fn a_figure_without_a_value_is_not_looked_for() {
    let mut app = opened(vec![harbour()], 160, 45);
    update(&mut app, Action::TabNext);
    update(&mut app, Action::SameFigure);
    assert!(app.places.is_none());
    assert!(app.status.as_ref().unwrap().text.contains("no value"));
}

/// A library reader: the worker answers (here, by hand).
fn library_reader() -> App {
    let mut app = App::new(vec![
        CatalogEntry::from_story("s1", &harbour(), 5),
        CatalogEntry::from_story("s2", &ferry(), 6),
    ]);
    update(&mut app, Action::Resize(120, 40));
    app
}

fn place(id: &str, s: &Story, q: usize) -> Place {
    let quote = &s.quotes[q];
    Place {
        id: id.into(),
        title: s.article.title.clone(),
        publisher: s.article.publisher.clone(),
        published: s.article.published.clone(),
        text: quote.text.clone(),
        block: quote.span.block,
        start: quote.span.start,
        end: quote.span.end,
    }
}

#[test]
fn a_library_is_asked_off_the_ui_thread() {
    let mut app = library_reader();
    let fx = update(&mut app, Action::ShowSpeakers);
    assert_eq!(fx, [Effect::Query(Query::Speakers)]);
    assert!(app.people.speakers.is_none(), "nothing until the answer");
    let count = |name: &str, quotes, stories| SpeakerCount {
        speaker: name.into(),
        quotes,
        stories,
        also: Vec::new(),
    };
    update(
        &mut app,
        Action::SpeakersFound(Ok(vec![count("Tom Okafor", 1, 1), count("Ana Ruiz", 5, 2)])),
    );
    assert_eq!(names(&app), ["Ana Ruiz", "Tom Okafor"]);
    let fx = update(&mut app, Action::Open);
    let of = PlacesOf::Speaker {
        name: "Ana Ruiz".into(),
        also: Vec::new(),
    };
    assert_eq!(fx, [Effect::Query(Query::Places(of.clone()))]);
    // An answer for another list is dropped.
    update(
        &mut app,
        Action::PlacesFound {
            of: PlacesOf::Speaker {
                name: "Tom Okafor".into(),
                also: Vec::new(),
            },
            places: Ok(vec![place("s1", &harbour(), 1)]),
        },
    );
    assert!(app.places.as_ref().unwrap().items.is_none());
    update(
        &mut app,
        Action::PlacesFound {
            of,
            places: Ok(vec![place("s1", &harbour(), 4)]),
        },
    );
    let fx = update(&mut app, Action::Open);
    assert_eq!(fx, [Effect::LoadStory("s1".into())]);
    update(
        &mut app,
        Action::Loaded {
            id: "s1".into(),
            story: Box::new(harbour()),
        },
    );
    let r = app.reading.as_ref().unwrap();
    assert_eq!(r.story.quotes[r.quote].text, harbour().quotes[4].text);
    assert!(r.target.is_some());
    assert_eq!(app.focus, Focus::Reader);
    // A failed query says so and leaves an empty list.
    update(&mut app, Action::Back);
    update(&mut app, Action::Back);
    update(&mut app, Action::Open);
    update(
        &mut app,
        Action::PlacesFound {
            of: PlacesOf::Speaker {
                name: "Ana Ruiz".into(),
                also: Vec::new(),
            },
            places: Err("database is locked".into()),
        },
    );
    assert!(app.status.as_ref().unwrap().error);
    assert_eq!(app.places.as_ref().unwrap().len(), 0);
}

#[test]
fn keys_for_the_lists() {
    let mut app = three(100, 30);
    let resolve = |app: &App, c| keymap::resolve(app, &key(c));
    assert_eq!(
        resolve(&app, KeyCode::Char('p')),
        Some(Action::ShowSpeakers)
    );
    assert_eq!(resolve(&app, KeyCode::Char('q')), Some(Action::Quit));
    update(&mut app, Action::ShowSpeakers);
    for k in [
        KeyCode::Char('q'),
        KeyCode::Esc,
        KeyCode::Left,
        KeyCode::Char('h'),
    ] {
        assert_eq!(resolve(&app, k), Some(Action::Back), "{k:?}");
    }
    assert_eq!(resolve(&app, KeyCode::Enter), Some(Action::Open));
    assert_eq!(resolve(&app, KeyCode::Char('s')), Some(Action::CycleSort));
    assert_eq!(resolve(&app, KeyCode::Char('/')), Some(Action::SearchStart));
    let help = app.keymap.help_lines();
    assert!(
        help.iter()
            .any(|(_, k, h)| k == "=" && h.contains("figure"))
    );
    assert!(
        help.iter()
            .any(|(_, k, h)| k == "p" && h.contains("speakers"))
    );
}

#[test]
fn speakers_view() {
    let mut app = three(100, 20);
    update(&mut app, Action::ShowSpeakers);
    update(&mut app, Action::Down);
    assert_snapshot!(render(&app).backend());
}

#[test]
fn a_speakers_quotes() {
    let mut app = three(100, 20);
    ana_quotes(&mut app);
    update(&mut app, Action::Down);
    assert_snapshot!(render(&app).backend());
}

#[test]
fn a_speakers_quote_opened_beside_the_list() {
    let mut app = three(160, 30);
    ana_quotes(&mut app);
    update(&mut app, Action::Down);
    update(&mut app, Action::Open);
    assert_snapshot!(render(&app).backend());
}

#[test]
fn same_figure_elsewhere() {
    let mut app = three(160, 30);
    let i = row_of(&app, "Harbour");
    app.shelf.select(i);
    update(&mut app, Action::Open);
    update(&mut app, Action::TabNext);
    let r = app.reading.as_mut().unwrap();
    r.figure = r.story.figures.iter().position(|f| f.text == "$4").unwrap();
    update(&mut app, Action::SameFigure);
    assert_snapshot!(render(&app).backend());
}

#[test]
fn lists_never_panic_at_any_size() {
    for (w, h) in [(40, 10), (41, 12), (60, 15), (80, 24), (119, 30), (200, 60)] {
        let mut app = three(w, h);
        update(&mut app, Action::ShowSpeakers);
        render(&app);
        update(&mut app, Action::Open);
        render(&app);
        update(&mut app, Action::Bottom);
        update(&mut app, Action::Open);
        render(&app);
        update(&mut app, Action::JumpBack);
        render(&app);
    }
}

#[test]
fn story_actions_on_the_speakers_list_touch_no_story() {
    let mut app = three(100, 30);
    update(&mut app, Action::ShowSpeakers);
    update(&mut app, Action::Delete);
    assert_eq!(app.mode, Mode::Normal, "no story to ask about");
    assert!(app.confirm.is_none());
    assert!(update(&mut app, Action::ToggleRead).is_empty());
    assert!(app.shelf.entries.iter().all(|e| !e.read));
    // On a quote, they are about its story.
    update(&mut app, Action::Open);
    update(&mut app, Action::Delete);
    assert_eq!(app.mode, Mode::Confirm);
    let id = app
        .places
        .as_ref()
        .unwrap()
        .selected_place()
        .unwrap()
        .id
        .clone();
    assert_eq!(app.confirm.as_deref(), Some(id.as_str()));
}

#[test]
fn a_click_on_the_tab_shows_the_speakers_and_on_a_row_opens_it() {
    let mut app = three(100, 30);
    // " Library (3) · published │ Speakers ": the second label.
    update(&mut app, Action::Click { column: 32, row: 0 });
    assert_eq!(app.lib_tab, LibTab::Speakers);
    update(&mut app, Action::Click { column: 5, row: 1 });
    assert_eq!(
        app.places.as_ref().map(|p| p.of.clone()),
        Some(PlacesOf::Speaker {
            name: "Ana Ruiz".into(),
            also: Vec::new()
        })
    );
    // The second place (rows 3 and 4) opens its story.
    update(&mut app, Action::Click { column: 5, row: 4 });
    assert_eq!(app.focus, Focus::Reader);
    let r = app.reading.as_ref().unwrap();
    assert_eq!(r.story.quotes[r.quote].text, "Nobody should pay twice,");
    // And back on the first tab.
    update(&mut app, Action::Back);
    update(&mut app, Action::Back);
    update(&mut app, Action::Click { column: 3, row: 0 });
    assert_eq!(app.lib_tab, LibTab::Stories);
}

#[test]
fn a_surname_another_story_gives_alone_is_counted_with_the_full_name() {
    let bare = story(
        "Toll row goes on",
        "2024-07-01",
        vec![(
            BlockKind::Paragraph,
            "“The toll stays,” Ruiz told the council.",
        )],
        &[(0, "The toll stays,", Some("Ruiz"))],
        &[],
    );
    let mut app = app_with(vec![harbour_valued(), sakura(), ferry(), bare]);
    press(&mut app, KeyCode::Esc);
    ana_quotes(&mut app);
    assert!(
        !names(&app).contains(&"Ruiz".to_string()),
        "{:?}",
        names(&app)
    );
    let places = app.places.as_ref().expect("a list of quotes");
    assert_eq!(
        places.of,
        PlacesOf::Speaker {
            name: "Ana Ruiz".into(),
            also: vec!["Ruiz".into()]
        }
    );
    let items = places.items.as_ref().unwrap();
    assert_eq!(
        items.first().map(|p| p.title.as_str()),
        Some("Toll row goes on")
    );
    assert_eq!(items.len(), 6);
}
