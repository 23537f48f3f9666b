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
