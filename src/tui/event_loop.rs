//! The only code that touches the terminal: set it up, restore it on quit,
//! on error, on panic and on SIGTERM/SIGHUP/SIGINT, read input, draw when
//! something changed, and run disk work on plain threads that answer over
//! a channel. Once a second it saves the reading position if it moved and
//! looks whether another process changed the library.

use super::action::{Action, Effect, Query};
use super::app::App;
use super::keymap;
use super::people::PlacesOf;
use super::update::update;
use super::view;
use crate::Story;
use crate::config::Config;
use crate::library::Library;
use base64::Engine;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long to wait for input before looking at the workers' answers.
const POLL: Duration = Duration::from_millis(50);
/// How often the position is saved (if it moved) and the library looked at.
const TICK: Duration = Duration::from_secs(1);
/// How long a signal waits for the loop to save and leave by itself.
const SIGNAL_GRACE: Duration = Duration::from_secs(3);

/// Open the reader on `library` with the default settings.
pub fn run(library: Library, samples: Vec<(String, Story)>) -> anyhow::Result<()> {
    run_with(library, samples, Config::default(), None)
}

/// Open the reader on `library`. When the library is empty, the `samples`
/// are shown instead (held in memory; positions not saved). `notice` is
/// shown in the status line first (a config file that could not be read).
pub fn run_with(
    library: Library,
    samples: Vec<(String, Story)>,
    config: Config,
    notice: Option<String>,
) -> anyhow::Result<()> {
    let mut app = open_app(&library, samples)?;
    app.keymap = config.keymap.clone();
    app.shelf.set_sort(config.sort);
    if let Some(n) = notice {
        app.set_error(n);
    }
    super::theme::set_palette(config.palette.clone());
    // Ours runs after ratatui's hook has restored the screen: it turns the
    // mouse off and then prints the panic message on the normal screen.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let signal = Arc::new(AtomicI32::new(0));
    let (tx, rx) = mpsc::channel::<Action>();
    watch_signals(tx.clone(), signal.clone())?;
    let mut terminal = ratatui::try_init()?;
    RESTORED.store(false, Ordering::SeqCst);
    let _guard = Restore;
    if config.mouse {
        execute!(std::io::stdout(), EnableMouseCapture)?;
    }
    let outcome = event_loop(&mut terminal, app, library, &config, tx, rx);
    restore_terminal();
    let failures = outcome?;
    for f in failures {
        eprintln!("lede: {}", crate::sanitize::sanitize_line(&f));
    }
    // Leave the way the signal asked, now that all is saved and restored.
    let sig = signal.load(Ordering::SeqCst);
    if sig != 0 {
        let _ = signal_hook::low_level::emulate_default_handler(sig);
    }
    Ok(())
}

/// The reader's state for `library` before its first frame: the catalog
/// alone is read (stories load when opened). The samples stand in for an
/// empty library.
pub fn open_app(library: &Library, samples: Vec<(String, Story)>) -> anyhow::Result<App> {
    let catalog = library.catalog()?;
    Ok(if catalog.is_empty() {
        let some = !samples.is_empty();
        let mut app = App::from_stories(samples);
        app.samples = some;
        app
    } else {
        App::new(catalog.into_entries())
    })
}

/// SIGTERM, SIGHUP (the terminal closed, ssh dropped) and SIGINT become
/// an action: the loop restores the terminal, saves, and leaves.
fn watch_signals(tx: Sender<Action>, signal: Arc<AtomicI32>) -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            signal.store(sig, Ordering::SeqCst);
            let _ = tx.send(Action::Terminate);
            // Once the terminal is gone, crossterm's `event::poll` spins on
            // the hung-up tty and never returns, so the loop may never see
            // the action. Give it time to save and leave; then leave anyway
            // as the signal asks (the place was saved as the reader moved,
            // at most a second ago; SQLite commits whole or not at all).
            std::thread::sleep(SIGNAL_GRACE);
            restore_terminal();
            let _ = signal_hook::low_level::emulate_default_handler(sig);
            std::process::exit(128 + sig);
        }
    });
    Ok(())
}

static RESTORED: AtomicBool = AtomicBool::new(true);

/// Leave the alternate screen, show the cursor, turn the mouse off: once.
fn restore_terminal() {
    if !RESTORED.swap(true, Ordering::SeqCst) {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        ratatui::restore();
        // A signal ends the process before the terminal is dropped (which
        // would show the cursor): show it here.
        let _ = execute!(std::io::stdout(), ratatui::crossterm::cursor::Show);
    }
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
        restore_terminal();
    }
}

/// Run until quit. Whatever ends the loop (a key, a signal, a terminal
/// that went away), the position is saved and deletions carried out;
/// returns the messages of what failed.
fn event_loop(
    terminal: &mut DefaultTerminal,
    mut app: App,
    library: Library,
    config: &Config,
    tx: Sender<Action>,
    rx: Receiver<Action>,
) -> anyhow::Result<Vec<String>> {
    let searcher = spawn_searcher(library.clone(), tx.clone());
    let querier = spawn_querier(library.clone(), tx.clone());
    spawn_watcher(library.clone(), tx.clone());
    let size = terminal.size()?;
    update(&mut app, Action::Resize(size.width, size.height));
    let mut dirty = true;
    let mut jobs = Jobs::default();
    let mut last_tick = Instant::now();
    // https://no-color.org: any non-empty NO_COLOR turns colour off.
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mut broken: Option<std::io::Error> = None;
    loop {
        let mut actions = drain(&rx);
        if last_tick.elapsed() >= TICK {
            last_tick = Instant::now();
            actions.push(Action::Tick);
        }
        if actions.is_empty() {
            let io = (|| -> std::io::Result<Option<Event>> {
                if dirty {
                    terminal.draw(|f| {
                        view::draw(f, &app);
                        if no_color {
                            super::theme::strip_colors(f.buffer_mut());
                        }
                    })?;
                    dirty = false;
                }
                if event::poll(POLL)? {
                    return event::read().map(Some);
                }
                Ok(None)
            })();
            match io {
                Ok(Some(ev)) => actions.extend(to_action(&app, ev)),
                Ok(None) => {}
                // The terminal is gone (a hang-up): save and leave.
                Err(e) => {
                    broken = Some(e);
                    actions.push(Action::Terminate);
                }
            }
        }
        for action in actions {
            let tick = action == Action::Tick;
            if action == Action::Terminate {
                // The screen first: the user sees a sane terminal at once.
                restore_terminal();
            }
            let effects = update(&mut app, action);
            dirty |= !tick || !effects.is_empty();
            for effect in effects {
                let workers = Workers {
                    searcher: &searcher,
                    querier: &querier,
                };
                if perform(effect, &library, config, &tx, &workers, &mut jobs) {
                    jobs.finish();
                    return match broken {
                        Some(e) if jobs.failures.is_empty() => Err(e.into()),
                        _ => Ok(jobs.failures),
                    };
                }
            }
        }
    }
}

type Job = Box<dyn FnOnce() -> Result<(), String> + Send>;

/// Writes (positions, read marks) run in order on one worker thread, so
/// an older save never lands after a newer one; waited for before quitting.
struct Jobs {
    tx: Option<Sender<Job>>,
    worker: Option<JoinHandle<Vec<String>>>,
    failures: Vec<String>,
}

impl Default for Jobs {
    fn default() -> Self {
        let (tx, rx) = mpsc::channel::<Job>();
        let worker = std::thread::spawn(move || {
            let mut failures = Vec::new();
            for job in rx {
                if let Err(e) = job() {
                    failures.push(e);
                }
            }
            failures
        });
        Jobs {
            tx: Some(tx),
            worker: Some(worker),
            failures: Vec::new(),
        }
    }
}

impl Jobs {
    fn spawn(&mut self, job: impl FnOnce() -> Result<(), String> + Send + 'static) {
        let sent = self.tx.as_ref().map(|tx| tx.send(Box::new(job)));
        if !matches!(sent, Some(Ok(()))) {
            self.failures.push("a save was dropped".into());
        }
    }

    /// Wait for every write asked for so far (no more are taken after).
    fn finish(&mut self) {
        self.tx = None;
        if let Some(worker) = self.worker.take() {
            match worker.join() {
                Ok(f) => self.failures.extend(f),
                Err(_) => self.failures.push("a save failed".into()),
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

/// A thread that answers the lists across stories (speakers, a speaker's
/// quotes, a figure's stories) one at a time; of several questions of a
/// kind waiting, only the newest is answered.
fn spawn_querier(library: Library, tx: Sender<Action>) -> Sender<Query> {
    let (queries, rx) = mpsc::channel::<Query>();
    std::thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            let (mut speakers, mut places) = (None, None);
            for q in std::iter::once(first).chain(rx.try_iter()) {
                match q {
                    Query::Speakers => speakers = Some(()),
                    Query::Places(of) => places = Some(of),
                }
            }
            let mut answers = Vec::new();
            if speakers.is_some() {
                answers.push(Action::SpeakersFound(
                    library.speakers().map_err(|e| e.to_string()),
                ));
            }
            if let Some(of) = places {
                let found = match &of {
                    PlacesOf::Speaker { name, also } => {
                        library.quotes_by(&crate::library::forms(name, also))
                    }
                    PlacesOf::Figure {
                        kind, value, unit, ..
                    } => library.stories_with_figure(*kind, *value, unit.as_deref()),
                };
                answers.push(Action::PlacesFound {
                    of,
                    places: found.map_err(|e| e.to_string()),
                });
            }
            for a in answers {
                if tx.send(a).is_err() {
                    return;
                }
            }
        }
    });
    queries
}

/// A thread that looks at the library's change token once a second and
/// sends the new catalog when another process (or a save) changed it.
fn spawn_watcher(library: Library, tx: Sender<Action>) {
    std::thread::spawn(move || {
        let mut seen = library.change_token().ok();
        loop {
            std::thread::sleep(TICK);
            let now = library.change_token().ok();
            if now == seen {
                continue;
            }
            seen = now;
            if let Ok(cat) = library.catalog()
                && tx.send(Action::LibraryChanged(cat.into_entries())).is_err()
            {
                return;
            }
        }
    });
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

/// The one OSC 52 sequence that puts `text` on the clipboard (works over
/// ssh and through tmux with set-clipboard on).
pub fn osc52(text: &str) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\u{1b}]52;c;{b64}\u{7}")
}

/// The program that opens URLs: the config's, else the platform's.
fn opener(config: &Config) -> String {
    if let Some(o) = config.opener.as_deref().filter(|o| !o.trim().is_empty()) {
        return o.to_string();
    }
    if cfg!(target_os = "macos") {
        "open".into()
    } else if cfg!(windows) {
        "explorer".into()
    } else {
        "xdg-open".into()
    }
}

/// The threads that answer the library's questions.
struct Workers<'a> {
    searcher: &'a Sender<String>,
    querier: &'a Sender<Query>,
}

/// Carry out one effect; true means quit. Loading and saving run on worker
/// threads; saves are kept in `jobs` so quitting can wait for them.
fn perform(
    effect: Effect,
    library: &Library,
    config: &Config,
    tx: &Sender<Action>,
    workers: &Workers,
    jobs: &mut Jobs,
) -> bool {
    match effect {
        Effect::Quit => return true,
        Effect::SearchLibrary(query) => {
            let _ = workers.searcher.send(query);
        }
        Effect::Query(query) => {
            let _ = workers.querier.send(query);
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
            jobs.spawn(move || {
                library
                    .set_position(&id, position, percent_read)
                    .map_err(|e| {
                        let msg = format!("could not save your place: {e}");
                        let _ = tx.send(Action::Failed(msg.clone()));
                        msg
                    })
            });
        }
        Effect::SetRead { id, read } => {
            let (library, tx) = (library.clone(), tx.clone());
            jobs.spawn(move || {
                library.set_read(&id, read).map_err(|e| {
                    let msg = format!("could not mark the story: {e}");
                    let _ = tx.send(Action::Failed(msg.clone()));
                    msg
                })
            });
        }
        Effect::Remove(ids) => {
            // Only on the way out: wait for pending saves, then remove.
            jobs.finish();
            for id in ids {
                if let Err(e) = library.remove(&id) {
                    jobs.failures.push(format!("could not delete {id}: {e}"));
                }
            }
        }
        Effect::Copy(text) => {
            let mut out = std::io::stdout();
            let sent = out
                .write_all(osc52(&text).as_bytes())
                .and_then(|()| out.flush());
            if let Err(e) = sent {
                let _ = tx.send(Action::Failed(format!("could not copy: {e}")));
            }
        }
        Effect::OpenUrl(url) => {
            // No shell: the URL is one argument; update checked it is http(s).
            let spawned = std::process::Command::new(opener(config))
                .arg(&url)
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn();
            match spawned {
                Ok(mut child) => {
                    std::thread::spawn(move || child.wait());
                }
                Err(e) => {
                    let msg = format!("could not run {}: {e}", opener(config));
                    let _ = tx.send(Action::Failed(msg));
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::osc52;

    #[test]
    fn osc52_is_one_sequence_with_the_text_in_base64() {
        assert_eq!(osc52("hi"), "\u{1b}]52;c;aGk=\u{7}");
        let s = osc52("“q”\n— Ana, \u{1b}]2;x\u{7}");
        assert_eq!(
            s.matches('\u{1b}').count(),
            1,
            "escapes in the text stay encoded"
        );
        assert_eq!(s.matches('\u{7}').count(), 1);
    }
}
