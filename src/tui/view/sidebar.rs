//! The sidebar: Quotes (speaker and words, in text order) and Figures (each
//! with a few words of context). Items have variable heights; only those on
//! screen are laid out and drawn.

use super::pane_block;
use crate::sanitize::sanitize_line;
use crate::tui::app::{App, Focus, Mode, Reading, Tab, context};
use crate::tui::layout::{text_width, truncate, wrap};
use crate::tui::panes::inner;
use crate::tui::theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Rows of quote text shown per item before it is cut; the selected
/// quote shows in full.
const QUOTE_ROWS: usize = 3;
/// Words of context either side of a figure.
const CONTEXT_WORDS: usize = 4;

pub fn count(r: &Reading, tab: Tab) -> usize {
    match tab {
        Tab::Quotes => r.story.quotes.len(),
        Tab::Figures => r.story.figures.len(),
    }
}

fn selected(r: &Reading, tab: Tab) -> usize {
    match tab {
        Tab::Quotes => r.quote,
        Tab::Figures => r.figure,
    }
}

fn tab_labels(app: &App) -> [String; 2] {
    let (q, f) = app
        .reading
        .as_ref()
        .map_or((0, 0), |r| (count(r, Tab::Quotes), count(r, Tab::Figures)));
    [format!(" Quotes ({q}) "), format!(" Figures ({f}) ")]
}

/// Which tab a click on the top border at column `x` (pane-relative) hits.
pub fn tab_at(app: &App, x: u16) -> Tab {
    let [q, _] = tab_labels(app);
    if usize::from(x) <= text_width(&q) {
        Tab::Quotes
    } else {
        Tab::Figures
    }
}

/// The lines of one sidebar item at `width` columns, separator included.
/// Quotes are cut at QUOTE_ROWS rows unless selected.
pub fn item_lines(r: &Reading, tab: Tab, i: usize, width: usize) -> Vec<Line<'static>> {
    let full = selected(r, tab) == i;
    let mut out = Vec::new();
    match tab {
        Tab::Quotes => {
            let Some(q) = r.story.quotes.get(i) else {
                return out;
            };
            let speaker = match q.speaker.as_deref().map(sanitize_line) {
                Some(s) if !s.is_empty() => Line::styled(truncate(&s, width), theme::title()),
                _ => Line::styled(truncate("(unattributed)", width), theme::dim()),
            };
            out.push(speaker);
            let text = format!("“{}”", sanitize_line(&q.text));
            let inner_w = width.saturating_sub(2).max(1);
            let rows = wrap(&text, inner_w);
            let keep = if full { rows.len() } else { QUOTE_ROWS };
            let cut = rows.len() > keep;
            for (n, &(s, e)) in rows.iter().take(keep).enumerate() {
                let mut row = text.get(s..e).unwrap_or("").to_string();
                if cut && n + 1 == keep {
                    row = if text_width(&row) < inner_w {
                        format!("{row}…")
                    } else {
                        truncate(&row, inner_w)
                    };
                }
                out.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(row, theme::quote()),
                ]));
            }
        }
        Tab::Figures => {
            let Some(f) = r.story.figures.get(i) else {
                return out;
            };
            let mut head = sanitize_line(&f.text);
            head.push_str("  ");
            let mut what = f.kind.name().to_string();
            if let Some(u) = f
                .unit
                .as_deref()
                .map(sanitize_line)
                .filter(|u| !u.is_empty())
            {
                what.push_str(" · ");
                what.push_str(&u);
            }
            let head_w = text_width(&head);
            out.push(Line::from(vec![
                Span::styled(truncate(&head, width), theme::figure()),
                Span::styled(truncate(&what, width.saturating_sub(head_w)), theme::dim()),
            ]));
            // Fewer words of context until the figure and its context fit.
            let room = width.saturating_sub(2);
            let text = r.story.article.blocks.get(f.span.block).map(|b| &b.text);
            let ctx = (0..=CONTEXT_WORDS)
                .rev()
                .filter_map(|n| {
                    let ctx = context(text?, f.span.start, f.span.end, n);
                    Some(sanitize_line(&ctx))
                })
                .find(|c| text_width(c) <= room)
                .unwrap_or_default();
            out.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(truncate(&ctx, room), theme::dim()),
            ]));
        }
    }
    out.push(Line::default());
    out
}

fn item_height(r: &Reading, tab: Tab, i: usize, width: usize) -> usize {
    match tab {
        Tab::Figures => 3,
        Tab::Quotes => item_lines(r, tab, i, width).len(),
    }
}

/// Keep the selected item on screen in a sidebar of `area`.
pub fn fit(r: &mut Reading, tab: Tab, area: Rect) {
    let n = count(r, tab);
    let sel = selected(r, tab).min(n.saturating_sub(1));
    match tab {
        Tab::Quotes => r.quote = sel,
        Tab::Figures => r.figure = sel,
    }
    let width = usize::from(area.width);
    let height = usize::from(area.height);
    if sel < r.sidebar_top {
        r.sidebar_top = sel;
    }
    // Move the top down until the selected item ends on screen.
    loop {
        let used: usize = (r.sidebar_top..=sel)
            .map(|i| item_height(r, tab, i, width))
            .sum();
        if used <= height || r.sidebar_top >= sel {
            break;
        }
        r.sidebar_top += 1;
    }
    r.sidebar_top = r.sidebar_top.min(n.saturating_sub(1));
}

/// The item drawn at screen row `y` of a sidebar of `area`.
pub fn item_at(r: &Reading, tab: Tab, area: Rect, y: u16) -> Option<usize> {
    let width = usize::from(area.width);
    let mut top = area.y;
    for i in r.sidebar_top..count(r, tab) {
        let h = item_height(r, tab, i, width) as u16;
        if y >= top && y < top.saturating_add(h) {
            return Some(i);
        }
        top = top.saturating_add(h);
        if top >= area.bottom() {
            break;
        }
    }
    None
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let [q, f] = tab_labels(app);
    let title = Line::from(vec![
        Span::styled(q, theme::tab(app.tab == Tab::Quotes)),
        Span::styled("│", theme::dim()),
        Span::styled(f, theme::tab(app.tab == Tab::Figures)),
    ]);
    pane_block(app, Focus::Sidebar)
        .title(title)
        .render(area, frame.buffer_mut());
    let area = inner(area);
    let buf = frame.buffer_mut();
    let width = usize::from(area.width);
    let Some(r) = app.reading.as_ref() else {
        buf.set_stringn(
            area.x,
            area.y,
            truncate("No story open.", width),
            width,
            theme::dim(),
        );
        return;
    };
    let n = count(r, app.tab);
    if n == 0 {
        let msg = match app.tab {
            Tab::Quotes => "No quotes found in this story.",
            Tab::Figures => "No figures found in this story.",
        };
        buf.set_stringn(area.x, area.y, truncate(msg, width), width, theme::dim());
        return;
    }
    let focused = app.focus == Focus::Sidebar && app.mode == Mode::Normal;
    let sel = selected(r, app.tab);
    let mut y = area.y;
    for i in r.sidebar_top..n {
        if y >= area.bottom() {
            break;
        }
        let lines = item_lines(r, app.tab, i, width);
        let last = lines.len().saturating_sub(1);
        for (k, line) in lines.iter().enumerate() {
            if y >= area.bottom() {
                break;
            }
            if i == sel && k < last {
                let marker = if focused {
                    theme::selected()
                } else {
                    theme::title()
                };
                buf.set_style(Rect::new(area.x, y, area.width, 1), Style::new());
                buf.set_line(area.x, y, line, area.width);
                if k == 0 {
                    buf.set_style(Rect::new(area.x, y, area.width, 1), marker);
                }
            } else {
                buf.set_line(area.x, y, line, area.width);
            }
            y += 1;
        }
    }
}
