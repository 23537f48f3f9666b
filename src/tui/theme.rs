//! Every style the reader uses, in one place; the colours that mean
//! something come from the palette (the config file's [colors]).

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use std::sync::OnceLock;

/// The colours the config file can change.
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    pub quote: Color,
    pub figure: Color,
    pub heading: Color,
    pub border: Color,
    pub target: Color,
    pub search: Color,
    pub error: Color,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            quote: Color::Yellow,
            figure: Color::Green,
            heading: Color::Cyan,
            border: Color::Cyan,
            target: Color::Yellow,
            search: Color::Blue,
            error: Color::Red,
        }
    }
}

static PALETTE: OnceLock<Palette> = OnceLock::new();

/// Set the palette once, before the first frame (later calls are ignored).
pub fn set_palette(p: Palette) {
    let _ = PALETTE.set(p);
}

fn palette() -> &'static Palette {
    PALETTE.get_or_init(Palette::default)
}

pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}
pub fn standfirst() -> Style {
    Style::new().add_modifier(Modifier::ITALIC)
}
pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}
pub fn heading() -> Style {
    Style::new()
        .fg(palette().heading)
        .add_modifier(Modifier::BOLD)
}
pub fn blockquote() -> Style {
    Style::new().add_modifier(Modifier::ITALIC)
}
pub fn caption() -> Style {
    Style::new()
        .fg(Color::DarkGray)
        .add_modifier(Modifier::ITALIC)
}
/// Quotes in the text: yellow words.
pub fn quote() -> Style {
    Style::new().fg(palette().quote)
}
/// Figures in the text: green, underlined.
pub fn figure() -> Style {
    Style::new()
        .fg(palette().figure)
        .add_modifier(Modifier::UNDERLINED)
}
pub fn search_match() -> Style {
    Style::new().bg(palette().search).fg(Color::White)
}
/// The span a jump landed on.
pub fn target() -> Style {
    Style::new()
        .bg(palette().target)
        .fg(Color::Black)
        .add_modifier(Modifier::BOLD)
}
pub fn border(focused: bool) -> Style {
    if focused {
        Style::new().fg(palette().border)
    } else {
        Style::new().fg(Color::DarkGray)
    }
}
pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}
pub fn tab(active: bool) -> Style {
    if active {
        Style::new()
            .fg(palette().border)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    } else {
        dim()
    }
}
pub fn error() -> Style {
    Style::new()
        .fg(palette().error)
        .add_modifier(Modifier::BOLD)
}
pub fn status() -> Style {
    Style::new().fg(Color::Gray)
}

/// NO_COLOR: drop every colour from a drawn frame, keeping what the
/// colours meant as text attributes (quotes bold, jump targets and search
/// matches reversed; figures are underlined already).
pub fn strip_colors(buf: &mut Buffer) {
    for cell in buf.content.iter_mut() {
        let meant = if cell.bg == target().bg.unwrap_or(Color::Reset)
            || cell.bg == search_match().bg.unwrap_or(Color::Reset)
        {
            Modifier::REVERSED
        } else if cell.fg == quote().fg.unwrap_or(Color::Reset) {
            Modifier::BOLD
        } else {
            Modifier::empty()
        };
        cell.modifier |= meant;
        cell.fg = Color::Reset;
        cell.bg = Color::Reset;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn no_color_keeps_meaning_as_attributes() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
        buf.set_string(0, 0, "q", quote());
        buf.set_string(1, 0, "t", target());
        buf.set_string(2, 0, "f", figure());
        strip_colors(&mut buf);
        for cell in &buf.content {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
        }
        assert!(buf.content[0].modifier.contains(Modifier::BOLD));
        assert!(buf.content[1].modifier.contains(Modifier::REVERSED));
        assert!(buf.content[2].modifier.contains(Modifier::UNDERLINED));
    }
}
