//! Snapshots of each pane through ratatui's TestBackend, the layout/drawing
//! parity check, and "never panics at any size".

mod tui_common;

use insta::assert_snapshot;
use lede::tui::app::{Focus, Tab};
use lede::tui::panes::{panes, reader_text};
use lede::tui::{Action, update};
use ratatui::style::Color;
use tui_common::*;

#[test]
fn wide_all_three_panes() {
    let app = opened(vec![harbour(), sakura()], 160, 45);
    assert_snapshot!(render(&app).backend());
}

#[test]
fn wide_library_focus_before_opening() {
    let mut app = app_with(vec![harbour(), sakura()]);
    update(&mut app, Action::Resize(160, 45));
    assert_snapshot!(render(&app).backend());
}

#[test]
fn wide_figures_tab_and_jump() {
    let mut app = opened(vec![harbour()], 160, 45);
    update(&mut app, Action::TabNext);
    update(&mut app, Action::FocusNext);
    for _ in 0..5 {
        update(&mut app, Action::Down);
    }
    update(&mut app, Action::Open);
    assert_snapshot!(render(&app).backend());
}

#[test]
fn wide_help_overlay() {
    let mut app = opened(vec![harbour()], 160, 45);
    update(&mut app, Action::ToggleHelp);
    assert_snapshot!(render(&app).backend());
}

#[test]
fn narrow_library() {
    let mut app = app_with(vec![harbour(), sakura()]);
    update(&mut app, Action::Resize(80, 24));
    assert_snapshot!(render(&app).backend());
}

#[test]
fn narrow_reading() {
    let app = opened(vec![harbour(), sakura()], 80, 24);
    assert_eq!(app.focus, Focus::Reader);
    assert_snapshot!(render(&app).backend());
}

#[test]
fn narrow_quotes_sidebar() {
    let mut app = opened(vec![harbour()], 80, 24);
    update(&mut app, Action::FocusNext);
    assert_eq!(app.focus, Focus::Sidebar);
    assert_snapshot!(render(&app).backend());
}

#[test]
fn narrow_figures_sidebar() {
    let mut app = opened(vec![harbour()], 80, 24);
    update(&mut app, Action::ToggleSidebar);
    update(&mut app, Action::TabNext);
    assert_eq!(app.tab, Tab::Figures);
    assert_snapshot!(render(&app).backend());
}

#[test]
fn cjk_emoji_narrow() {
    let app = opened(vec![sakura()], 80, 24);
    assert_snapshot!(render(&app).backend());
}

#[test]
fn cjk_emoji_wide() {
    let mut app = opened(vec![sakura()], 160, 45);
    update(&mut app, Action::FocusNext);
    assert_snapshot!(render(&app).backend());
}

#[test]
fn too_small_asks_for_more() {
    let app = opened(vec![harbour()], 39, 12);
    assert_snapshot!(render(&app).backend());
}

/// The row the layout computes for each quote and figure is the row where
/// its highlighted cells are drawn, and the cells hold its exact words.
#[test]
fn layout_rows_match_drawn_rows() {
    for (w, h) in [(160, 45), (80, 24), (121, 30), (60, 12), (300, 40)] {
        for story in [harbour(), sakura()] {
            for tab in [Tab::Quotes, Tab::Figures] {
                let mut app = opened(vec![story.clone()], w, h);
                if tab == Tab::Figures {
                    update(&mut app, Action::TabNext);
                }
                let n = match tab {
                    Tab::Quotes => story.quotes.len(),
                    Tab::Figures => story.figures.len(),
                };
                for i in 0..n {
                    update(&mut app, Action::FocusNext);
                    while app.focus != Focus::Sidebar {
                        update(&mut app, Action::FocusNext);
                    }
                    update(&mut app, Action::Top);
                    for _ in 0..i {
                        update(&mut app, Action::Down);
                    }
                    update(&mut app, Action::Open);
                    check_target_drawn(&app, &story, tab, i);
                }
            }
        }
    }
}

fn check_target_drawn(app: &lede::tui::App, story: &lede::Story, tab: Tab, i: usize) {
    let r = app.reading.as_ref().expect("story open");
    let spot = r.target.expect("jump marks its span");
    let expected_row = r.layout.row_of(spot.para, spot.start);
    let area = reader_text(panes(app).reader.expect("reader shows"));
    let term = render(app);
    let buf = term.backend().buffer();
    let mut rows = Vec::new();
    let mut text = String::new();
    for y in area.y..area.bottom() {
        for x in area.x..area.right() {
            let cell = &buf[(x, y)];
            if cell.bg == Color::Yellow {
                if rows.last() != Some(&y) {
                    rows.push(y);
                }
                text.push_str(cell.symbol());
            }
        }
    }
    let first = *rows.first().expect("highlighted cells on screen");
    assert_eq!(
        usize::from(first - area.y) + r.top,
        expected_row,
        "{} {tab:?} {i}",
        app.size.0
    );
    let words = match tab {
        Tab::Quotes => &story.quotes[i].text,
        Tab::Figures => &story.figures[i].text,
    };
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert_eq!(squash(&text), squash(words), "{tab:?} {i}");
}

#[test]
fn never_panics_at_any_size() {
    let sizes = [
        0u16, 1, 2, 5, 9, 10, 11, 24, 39, 40, 41, 45, 59, 63, 64, 80, 119, 120, 121, 160, 300,
    ];
    for &w in &sizes {
        for &h in &[0u16, 1, 2, 5, 9, 10, 11, 24, 45, 100] {
            let mut app = opened(vec![harbour(), sakura()], w, h);
            for action in [
                Action::PageDown,
                Action::FocusNext,
                Action::Down,
                Action::Open,
                Action::ToggleLibrary,
                Action::ToggleHelp,
                Action::Bottom,
            ] {
                update(&mut app, action);
                render(&app);
            }
            update(
                &mut app,
                Action::Click {
                    column: w / 2,
                    row: h / 2,
                },
            );
            update(
                &mut app,
                Action::Scroll {
                    column: w / 2,
                    row: h / 2,
                    down: true,
                },
            );
            render(&app);
        }
    }
}

/// Nothing unsanitized reaches a cell: escape sequences in titles,
/// speakers and block text are gone before drawing.
#[test]
fn escapes_in_story_text_never_reach_cells() {
    let mut s = harbour();
    s.article.title = "Evil \u{1b}]52;c;ZXZpbA==\u{7}title\u{1b}[2J".into();
    s.article.blocks[0].text = format!("\u{1b}[31m{}", s.article.blocks[0].text);
    let spans = s.quotes.iter_mut().map(|q| &mut q.span);
    for span in spans.chain(s.figures.iter_mut().map(|f| &mut f.span)) {
        if span.block == 0 {
            span.start += 5;
            span.end += 5;
        }
    }
    s.quotes[1].speaker = Some("Tom\u{202e} Okafor\u{9b}2J".into());
    let mut app = opened(vec![s], 160, 45);
    update(&mut app, Action::FocusNext);
    update(&mut app, Action::Down);
    let term = render(&app);
    let buf = term.backend().buffer();
    let all: String = buf.content().iter().map(|c| c.symbol()).collect();
    assert!(!all.contains(|c: char| c.is_control() || lede::sanitize::is_bidi_control(c)));
    assert!(!all.contains("[31m") && !all.contains("52;c") && !all.contains("[2J"));
    assert!(all.contains("Evil title"));
    // The quote in the dirty block still highlights its exact words.
    assert!(app.reading.as_ref().unwrap().doc.quotes[0].is_some());
}

/// A library of realistic entries: long titles, publishers, dated and
/// undated, read and half read.
fn shelf_app(w: u16, h: u16) -> lede::tui::App {
    use lede::library::CatalogEntry;
    // (title, publisher, published, percent read, read)
    type Row<'a> = (&'a str, Option<&'a str>, Option<&'a str>, u8, bool);
    let rows: [Row; 8] = [
        (
            "Harbour authority approves second container terminal despite dredging fears",
            Some("The Coastal Herald"),
            Some("2024-05-02T09:30:00Z"),
            0,
            false,
        ),
        (
            "Orchard growers count the cost of a late frost that took half the apple blossom",
            Some("Valley Farmer Weekly"),
            Some("2024-04-18"),
            42,
            false,
        ),
        (
            "東京の桜が満開 🌸 Café crowds spill into the park",
            Some("Tokyo Letter"),
            Some("2024-04-01"),
            100,
            true,
        ),
        (
            "City library reopens after a two-year rebuild with a rooftop reading room",
            Some("Northbridge Gazette"),
            Some("2023-11-20"),
            0,
            false,
        ),
        (
            "Solar co-operative signs up its thousandth household as panel prices fall",
            None,
            Some("2023-06"),
            7,
            false,
        ),
        (
            "Council delays vote on night-time bus routes until the spring budget",
            Some("Northbridge Gazette"),
            Some("0001-01-01"),
            0,
            false,
        ),
        (
            "Rail link to the airport will open a year late, minister admits",
            Some("The Coastal Herald"),
            None,
            0,
            false,
        ),
        ("Untitled dispatch", None, None, 0, false),
    ];
    let entries = rows
        .iter()
        .enumerate()
        .map(|(i, &(title, publisher, published, pct, read))| {
            let mut e =
                CatalogEntry::from_story(&format!("e{i}"), &harbour(), 1_733_500_000 + i as u64);
            e.title = title.into();
            e.publisher = publisher.map(str::to_string);
            e.published = published.map(str::to_string);
            e.percent_read = pct;
            e.read = read;
            e
        })
        .collect();
    let mut app = lede::tui::App::new(entries);
    update(&mut app, Action::Resize(w, h));
    app
}

/// The text inside a pane (borders left out), rows joined, spaces dropped:
/// what a reader sees there, whatever the wrapping.
fn pane_text(app: &lede::tui::App, pane: ratatui::layout::Rect) -> String {
    let term = render(app);
    let buf = term.backend().buffer();
    let inner = lede::tui::panes::inner(pane);
    let mut out = String::new();
    for y in inner.y..inner.bottom() {
        for x in inner.x..inner.right() {
            out.push_str(buf[(x, y)].symbol());
        }
    }
    squash(&out)
}

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '▌' && *c != '…')
        .collect()
}

/// Every title in the library pane shows whole at these sizes.
fn assert_full_titles(app: &lede::tui::App) {
    let screen = pane_text(app, panes(app).library.expect("library shows"));
    for e in &app.shelf.entries {
        assert!(
            squash(&screen).contains(&squash(&e.title)),
            "{}x{}: {:?} cut",
            app.size.0,
            app.size.1,
            e.title
        );
    }
}

#[test]
fn library_160x45_full_titles() {
    let app = shelf_app(160, 45);
    assert_full_titles(&app);
    assert_snapshot!(render(&app).backend());
}

#[test]
fn library_120x40_full_titles() {
    let app = shelf_app(120, 40);
    assert_full_titles(&app);
    assert_snapshot!(render(&app).backend());
}

#[test]
fn library_80x24_full_titles() {
    let app = shelf_app(80, 24);
    assert_full_titles(&app);
    assert_snapshot!(render(&app).backend());
}

#[test]
fn library_beside_an_open_story_while_browsing() {
    let mut app = opened(vec![harbour(), sakura()], 160, 45);
    update(&mut app, Action::Back);
    assert_snapshot!(render(&app).backend());
}

#[test]
fn wide_view_without_side_panes() {
    let mut app = opened(vec![harbour(), sakura()], 160, 45);
    update(&mut app, Action::ToggleWide);
    assert_snapshot!(render(&app).backend());
}

#[test]
fn help_40x15_scrolls_to_the_end() {
    let mut app = opened(vec![harbour()], 40, 15);
    update(&mut app, Action::ToggleHelp);
    assert_snapshot!("help_40x15_top", render(&app).backend());
    let n = lede::tui::view::help::line_count(&app);
    for _ in 0..n {
        update(&mut app, Action::PageDown);
    }
    assert_snapshot!("help_40x15_end", render(&app).backend());
    // Every line was on screen at some point: nothing is cut.
    assert!(app.help_top + lede::tui::view::help::page(&app) >= n);
}

#[test]
fn empty_filter_result_says_so() {
    let mut app = shelf_app(80, 24);
    update(&mut app, Action::SearchStart);
    for c in "zzz".chars() {
        update(&mut app, Action::PromptInput(c));
    }
    update(&mut app, Action::PromptAccept);
    // The full-text search finds nothing either.
    update(
        &mut app,
        Action::LibraryHits {
            query: "zzz".into(),
            hits: Ok(Vec::new()),
        },
    );
    let term = render(&app);
    let text: String = term
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(text.contains("No story matches “zzz”"));
}

#[test]
fn selected_quote_shows_in_full() {
    let mut s = harbour();
    // Far more than the three rows an unselected quote gets.
    let long = "Every delay was paid for by the people who will now pay the toll, and every one of those delays was announced as the last, in a letter that nobody at the council ever signed with their own name,";
    s.quotes[2].text = long.into();
    let mut app = opened(vec![s], 80, 24);
    update(&mut app, Action::ToggleSidebar);
    for _ in 0..2 {
        update(&mut app, Action::Down);
    }
    let text = pane_text(&app, panes(&app).sidebar.expect("sidebar shows"));
    assert!(text.contains(&squash(long)), "{text}");
}
