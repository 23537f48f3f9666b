//! The only code that touches the terminal: set it up, restore it on quit,
//! on error and on panic, read input, draw when something changed, and run
//! disk work on plain threads that answer over a channel.

use super::action::{Action, Effect};
use super::app::App;
use super::keymap;
use super::update::update;
use super::view;
use crate::Story;
use crate::library::Library;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long to wait for input before looking at the workers' answers.
const POLL: Duration = Duration::from_millis(50);

/// Open the reader on `library`. When the library is empty, the `samples`
/// are shown instead (held in memory; positions not saved).
pub fn run(library: Library, samples: Vec<(String, Story)>) -> anyhow::Result<()> {
    let app = open_app(&library, samples)?;
    // Ours runs after ratatui's hook has restored the screen: it turns the
    // mouse off and then prints the panic message on the normal screen.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let mut terminal = ratatui::try_init()?;
    let _guard = Restore;
    execute!(std::io::stdout(), EnableMouseCapture)?;
    event_loop(&mut terminal, app, library)
}

/// The reader's state for `library` before its first frame: the catalog
/// alone is read (stories load when opened). The samples stand in for an
/// empty library.
pub fn open_app(library: &Library, samples: Vec<(String, Story)>) -> anyhow::Result<App> {
    let catalog = library.catalog()?;
    Ok(if catalog.is_empty() {
        App::from_stories(samples)
    } else {
        App::new(catalog.into_entries())
    })
}

/// Restores the terminal when the loop returns or fails.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        // When unwinding, the panic hook has restored the terminal already;
        // leaving the alternate screen twice would move the cursor back
        // over the panic message.
        if std::thread::panicking() {
            return;
        }
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        ratatui::restore();
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    mut app: App,
    library: Library,
) -> anyhow::Result<()> {
    let (tx, rx) = mpsc::channel::<Action>();
    let searcher = spawn_searcher(library.clone(), tx.clone());
    let size = terminal.size()?;
    update(&mut app, Action::Resize(size.width, size.height));
    let mut dirty = true;
    let mut saves = Vec::new();
    // https://no-color.org: any non-empty NO_COLOR turns colour off.
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    loop {
        if dirty {
            terminal.draw(|f| {
                view::draw(f, &app);
                if no_color {
                    super::theme::strip_colors(f.buffer_mut());
                }
            })?;
            dirty = false;
        }
        let mut actions = drain(&rx);
        if event::poll(POLL)? {
            actions.extend(to_action(&app, event::read()?));
        }
        for action in actions {
            dirty = true;
            for effect in update(&mut app, action) {
                if perform(effect, &library, &tx, &searcher, &mut saves) {
                    // Quitting: let every save finish first.
                    for job in saves.drain(..) {
                        let _ = job.join();
                    }
                    return Ok(());
                }
            }
        }
    }
}

/// A thread that runs full-text searches one at a time, always the newest
/// query asked for (typing fast skips the searches in between).
fn spawn_searcher(library: Library, tx: Sender<Action>) -> Sender<String> {
    let (queries, rx) = mpsc::channel::<String>();
    std::thread::spawn(move || {
        while let Ok(mut query) = rx.recv() {
            while let Ok(newer) = rx.try_recv() {
                query = newer;
            }
            let hits = library
                .search_typing(&query, SNIPPETS)
                .map_err(|e| e.to_string());
            if tx.send(Action::LibraryHits { query, hits }).is_err() {
                return;
            }
        }
    });
    queries
}

/// Snippets cut per search: the library pane shows far fewer rows.
const SNIPPETS: usize = 500;

fn drain(rx: &Receiver<Action>) -> Vec<Action> {
    rx.try_iter().collect()
}

/// Map one terminal event to an action (key presses only: terminals that
/// report releases would otherwise double every key).
pub fn to_action(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind == KeyEventKind::Press => keymap::resolve(app, &k),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll {
                column: m.column,
                row: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::Scroll {
                column: m.column,
                row: m.row,
                down: false,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        _ => None,
    }
}

/// Carry out one effect; true means quit. Loading and saving run on worker
/// threads; saves are kept in `saves` so quitting can wait for them.
fn perform(
    effect: Effect,
    library: &Library,
    tx: &Sender<Action>,
    searcher: &Sender<String>,
    saves: &mut Vec<JoinHandle<()>>,
) -> bool {
    match effect {
        Effect::Quit => return true,
        Effect::SearchLibrary(query) => {
            let _ = searcher.send(query);
        }
        Effect::LoadStory(id) => {
            let (library, tx) = (library.clone(), tx.clone());
            std::thread::spawn(move || {
                let action = match library.load_story(&id) {
                    Ok(story) => Action::Loaded {
                        id,
                        story: Box::new(story),
                    },
                    Err(e) => Action::LoadFailed {
                        id,
                        error: e.to_string(),
                    },
                };
                let _ = tx.send(action);
            });
        }
        Effect::SavePosition {
            id,
            position,
            percent_read,
        } => {
            let (library, tx) = (library.clone(), tx.clone());
            saves.retain(|job| !job.is_finished());
            saves.push(std::thread::spawn(move || {
                if let Err(e) = library.set_position(&id, position, percent_read) {
                    let _ = tx.send(Action::Failed(format!("could not save your place: {e}")));
                }
            }));
        }
    }
    false
}
