//! The reader: crossterm events -> keymap -> Action -> update(&mut App) ->
//! draw(&App). Only `event_loop` touches the terminal.

pub mod action;
pub mod app;
pub mod event_loop;
pub mod keymap;
pub mod layout;
pub mod panes;
pub mod people;
pub mod shelf;
pub mod theme;
pub mod update;
pub mod view;

pub use action::{Action, Effect};
pub use app::App;
pub use event_loop::{open_app, run};
pub use update::update;
