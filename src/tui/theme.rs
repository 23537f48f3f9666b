//! Every style the reader uses, in one place.

use ratatui::style::{Color, Modifier, Style};

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
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
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
    Style::new().fg(Color::Yellow)
}
/// Figures in the text: green, underlined.
pub fn figure() -> Style {
    Style::new()
        .fg(Color::Green)
        .add_modifier(Modifier::UNDERLINED)
}
pub fn search_match() -> Style {
    Style::new().bg(Color::Blue).fg(Color::White)
}
/// The span a jump landed on.
pub fn target() -> Style {
    Style::new()
        .bg(Color::Yellow)
        .fg(Color::Black)
        .add_modifier(Modifier::BOLD)
}
pub fn border(focused: bool) -> Style {
    if focused {
        Style::new().fg(Color::Cyan)
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
            .fg(Color::Cyan)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    } else {
        dim()
    }
}
pub fn error() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}
pub fn status() -> Style {
    Style::new().fg(Color::Gray)
}
