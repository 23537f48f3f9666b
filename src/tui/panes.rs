//! Where each pane goes for a terminal size. One function, used by both
//! drawing and update (mouse hits, page sizes), so they always agree.

use super::app::{App, Focus};
use ratatui::layout::Rect;

/// From this width all three panes show.
pub const WIDE: u16 = 120;
/// The reading pane keeps at least this many columns.
pub const MIN_READER: u16 = 40;
/// Below this size one line asks for a bigger terminal.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Panes {
    pub library: Option<Rect>,
    pub reader: Option<Rect>,
    pub sidebar: Option<Rect>,
    pub status: Rect,
    pub too_small: bool,
}

/// Columns of the reading pane in the three-pane view: a comfortable
/// measure (MEASURE text columns) plus border and margins.
const READER_W: u16 = MEASURE + 4;
/// The library keeps at least this many columns beside a story.
const MIN_LIBRARY: u16 = 24;

pub fn panes(app: &App) -> Panes {
    let (w, h) = app.size;
    let full = Rect::new(0, 0, w, h);
    if w < MIN_WIDTH || h < MIN_HEIGHT {
        return Panes {
            status: full,
            too_small: true,
            ..Panes::default()
        };
    }
    let body_h = h - 1;
    let status = Rect::new(0, body_h, w, 1);
    let body = Rect::new(0, 0, w, body_h);
    let open = app.reading.is_some() || app.loading.is_some();
    let only = |p: Panes| Panes { status, ..p };
    // Nothing open: the library has the whole screen.
    if !open {
        return only(Panes {
            library: Some(body),
            ..Panes::default()
        });
    }
    // `z`: the story alone.
    if app.wide && app.focus == Focus::Reader {
        return only(Panes {
            reader: Some(body),
            ..Panes::default()
        });
    }
    if w >= WIDE {
        if app.focus == Focus::Library {
            // Browsing: the library takes what a glance at the story does not need.
            let reader_w = (w * 2 / 5).max(MIN_READER);
            let lib_w = w - reader_w;
            return only(Panes {
                library: Some(Rect::new(0, 0, lib_w, body_h)),
                reader: Some(Rect::new(lib_w, 0, reader_w, body_h)),
                ..Panes::default()
            });
        }
        // Reading: the story gets its measure, the sidebar a quarter, the
        // library the rest.
        let side_w = (w / 4).clamp(28, 44);
        let reader_w = READER_W.min(w - side_w - MIN_LIBRARY);
        let lib_w = w - side_w - reader_w;
        return only(Panes {
            library: Some(Rect::new(0, 0, lib_w, body_h)),
            reader: Some(Rect::new(lib_w, 0, reader_w, body_h)),
            sidebar: Some(Rect::new(lib_w + reader_w, 0, side_w, body_h)),
            ..Panes::default()
        });
    }
    // Narrow: the library covers the screen while it has the focus; the
    // sidebar unfolds beside the story, or over it when the two cannot
    // share the width.
    let spare = w - MIN_READER;
    let (side_w, overlay) = if spare >= 24 {
        (spare.min(40), false)
    } else {
        (w, true)
    };
    let mut p = only(Panes {
        reader: Some(body),
        ..Panes::default()
    });
    match app.unfolded {
        Some(Focus::Library) => {
            p.reader = None;
            p.library = Some(body);
        }
        Some(Focus::Sidebar) if overlay => {
            p.reader = None;
            p.sidebar = Some(body);
        }
        Some(Focus::Sidebar) => {
            p.reader = Some(Rect::new(0, 0, w - side_w, body_h));
            p.sidebar = Some(Rect::new(w - side_w, 0, side_w, body_h));
        }
        _ => {}
    }
    p
}

/// Inside a bordered pane.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// The widest line of story text; wider panes centre the text.
pub const MAX_MEASURE: u16 = 100;
/// The measure of the three-pane view (what readers and books use).
pub const MEASURE: u16 = 76;

/// Where the story text goes in the reading pane: inside the border, one
/// column of margin each side, at most MAX_MEASURE columns, centred.
pub fn reader_text(r: Rect) -> Rect {
    let i = inner(r);
    let room = i.width.saturating_sub(2);
    let width = room.min(MAX_MEASURE);
    Rect::new(
        i.x.saturating_add(1).saturating_add((room - width) / 2),
        i.y,
        width,
        i.height,
    )
}

/// The reading pane's text area for the app as it is, if the pane shows.
/// When it is folded under an overlay, the width it would have.
pub fn reader_area(app: &App) -> Rect {
    let p = panes(app);
    match p.reader {
        Some(r) => reader_text(r),
        None => {
            let (w, h) = app.size;
            reader_text(Rect::new(0, 0, w, h.saturating_sub(1)))
        }
    }
}

/// True when the terminal is too narrow for all three panes.
pub fn is_narrow(app: &App) -> bool {
    app.size.0 < WIDE
}
