//! Drawing: pure functions of the App onto a frame. Nothing here changes
//! state or wraps the story (the layout is computed in update).

pub mod help;
pub mod library;
pub mod lists;
pub mod reader;
pub mod sidebar;
pub mod status;

use super::app::{App, Focus, Mode};
use super::panes::panes;
use super::theme;
use ratatui::Frame;
use ratatui::widgets::{Block, BorderType};

pub fn draw(frame: &mut Frame, app: &App) {
    let p = panes(app);
    if p.too_small {
        status::too_small(frame, app);
        return;
    }
    if let Some(r) = p.library {
        library::draw(frame, app, r);
    }
    if let Some(r) = p.reader {
        reader::draw(frame, app, r);
    }
    if let Some(r) = p.sidebar {
        sidebar::draw(frame, app, r);
    }
    status::draw(frame, app, p.status);
    if app.mode == Mode::Help {
        help::draw(frame, app);
    }
}

/// A pane's frame, its border lit when it has the focus.
pub fn pane_block(app: &App, pane: Focus) -> Block<'static> {
    let focused = app.focus == pane && app.mode != Mode::Help;
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(theme::border(focused))
}
