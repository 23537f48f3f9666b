//! Every key binding, in one table with its description: key resolution and
//! the help overlay both read it.

use super::action::Action;
use super::app::{App, Focus, Mode};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Global,
    Library,
    Reader,
    Sidebar,
    Prompt,
    Help,
}

impl Scope {
    pub fn name(self) -> &'static str {
        match self {
            Scope::Global => "Everywhere",
            Scope::Library => "Library",
            Scope::Reader => "Reading pane",
            Scope::Sidebar => "Sidebar",
            Scope::Prompt => "Search prompt",
            Scope::Help => "Help",
        }
    }
}

/// A key with its modifiers (Shift is folded into the character).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}
const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

impl Key {
    pub fn from_event(ev: &KeyEvent) -> Self {
        Key {
            code: ev.code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
        }
    }

    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Backspace => "Backspace".into(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

/// One binding: a key or a two-key sequence, where it applies, what it does.
#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [Key],
    pub scope: Scope,
    pub action: Action,
    pub help: &'static str,
}

macro_rules! bind {
    ($scope:ident, [$($key:expr),+], $action:expr, $help:literal) => {
        Binding { keys: &[$($key),+], scope: Scope::$scope, action: $action, help: $help }
    };
}

/// The default keys. One entry per key; the help overlay groups entries
/// with the same action and scope.
pub static BINDINGS: &[Binding] = &[
    bind!(Global, [k('q')], Action::Quit, "quit"),
    bind!(Global, [ctrl('c')], Action::Quit, "quit"),
    bind!(Global, [code(KeyCode::Tab)], Action::FocusNext, "next pane"),
    bind!(
        Global,
        [code(KeyCode::BackTab)],
        Action::FocusPrev,
        "previous pane"
    ),
    bind!(
        Global,
        [k('L')],
        Action::ToggleLibrary,
        "show/hide the library (narrow terminals)"
    ),
    bind!(
        Global,
        [k('S')],
        Action::ToggleSidebar,
        "show/hide the sidebar (narrow terminals)"
    ),
    bind!(Global, [k('?')], Action::ToggleHelp, "this help"),
    bind!(Global, [k('[')], Action::TabPrev, "sidebar: previous tab"),
    bind!(Global, [k(']')], Action::TabNext, "sidebar: next tab"),
    bind!(
        Global,
        [k('\''), k('\'')],
        Action::JumpBack,
        "jump back to where you were"
    ),
    bind!(
        Global,
        [code(KeyCode::Esc)],
        Action::Cancel,
        "clear filter / mark"
    ),
    bind!(Global, [k('j')], Action::Down, "down"),
    bind!(Global, [code(KeyCode::Down)], Action::Down, "down"),
    bind!(Global, [k('k')], Action::Up, "up"),
    bind!(Global, [code(KeyCode::Up)], Action::Up, "up"),
    bind!(Global, [k(' ')], Action::PageDown, "page down"),
    bind!(
        Global,
        [code(KeyCode::PageDown)],
        Action::PageDown,
        "page down"
    ),
    bind!(Global, [k('b')], Action::PageUp, "page up"),
    bind!(Global, [code(KeyCode::PageUp)], Action::PageUp, "page up"),
    bind!(Global, [k('d')], Action::HalfDown, "half page down"),
    bind!(Global, [k('u')], Action::HalfUp, "half page up"),
    bind!(Global, [k('g')], Action::Top, "top"),
    bind!(Global, [code(KeyCode::Home)], Action::Top, "top"),
    bind!(Global, [k('G')], Action::Bottom, "bottom"),
    bind!(Global, [code(KeyCode::End)], Action::Bottom, "bottom"),
    bind!(
        Global,
        [k('/')],
        Action::SearchStart,
        "search (library: filter + full text)"
    ),
    bind!(
        Library,
        [code(KeyCode::Enter)],
        Action::Open,
        "open the story"
    ),
    bind!(Reader, [k('n')], Action::SearchNext, "next match"),
    bind!(Reader, [k('N')], Action::SearchPrev, "previous match"),
    bind!(Reader, [k(')')], Action::NextQuote, "next quote"),
    bind!(Reader, [k('(')], Action::PrevQuote, "previous quote"),
    bind!(Reader, [k('}')], Action::NextFigure, "next figure"),
    bind!(Reader, [k('{')], Action::PrevFigure, "previous figure"),
    bind!(
        Sidebar,
        [code(KeyCode::Enter)],
        Action::Open,
        "jump to it in the text"
    ),
    bind!(Sidebar, [k(')')], Action::NextQuote, "next quote"),
    bind!(Sidebar, [k('(')], Action::PrevQuote, "previous quote"),
    bind!(Sidebar, [k('}')], Action::NextFigure, "next figure"),
    bind!(Sidebar, [k('{')], Action::PrevFigure, "previous figure"),
    bind!(
        Prompt,
        [code(KeyCode::Enter)],
        Action::PromptAccept,
        "accept"
    ),
    bind!(Prompt, [code(KeyCode::Esc)], Action::Cancel, "cancel"),
    bind!(
        Prompt,
        [code(KeyCode::Backspace)],
        Action::PromptBackspace,
        "delete a character"
    ),
    bind!(Help, [code(KeyCode::Esc)], Action::ToggleHelp, "close help"),
    bind!(Help, [k('?')], Action::ToggleHelp, "close help"),
    bind!(Help, [k('q')], Action::ToggleHelp, "close help"),
    bind!(Help, [k('j')], Action::Down, "scroll"),
    bind!(Help, [code(KeyCode::Down)], Action::Down, "scroll"),
    bind!(Help, [k('k')], Action::Up, "scroll"),
    bind!(Help, [code(KeyCode::Up)], Action::Up, "scroll"),
];

/// The scopes searched for a key, most specific first.
fn scopes(app: &App) -> &'static [Scope] {
    match app.mode {
        Mode::Help => &[Scope::Help],
        Mode::Filter | Mode::Search => &[Scope::Prompt],
        Mode::Normal => match app.focus {
            Focus::Library => &[Scope::Library, Scope::Global],
            Focus::Reader => &[Scope::Reader, Scope::Global],
            Focus::Sidebar => &[Scope::Sidebar, Scope::Global],
        },
    }
}

/// The action a key press means in the app's current state, if any.
pub fn resolve(app: &App, ev: &KeyEvent) -> Option<Action> {
    let key = Key::from_event(ev);
    let scopes = scopes(app);
    let in_scope = |b: &&Binding| scopes.contains(&b.scope);
    if let Some(first) = app.pending {
        let seq = BINDINGS
            .iter()
            .filter(in_scope)
            .find(|b| matches!(b.keys, [a, b2] if *a == k(first) && *b2 == key));
        if let Some(b) = seq {
            return Some(b.action.clone());
        }
    }
    for scope in scopes {
        for b in BINDINGS.iter().filter(|b| b.scope == *scope) {
            match b.keys {
                [only] if *only == key => return Some(b.action.clone()),
                [first, _] if *first == key => {
                    if let KeyCode::Char(c) = key.code {
                        return Some(Action::Pending(c));
                    }
                }
                _ => {}
            }
        }
    }
    match (app.mode, key) {
        (
            Mode::Filter | Mode::Search,
            Key {
                code: KeyCode::Char(c),
                ctrl: false,
            },
        ) => Some(Action::PromptInput(c)),
        _ => None,
    }
}

/// Help text: (scope, keys, description), one line per (scope, action).
pub fn help_lines() -> Vec<(Scope, String, &'static str)> {
    let mut out: Vec<(Scope, String, &'static str, &Action)> = Vec::new();
    for b in BINDINGS {
        let keys: Vec<String> = b.keys.iter().map(Key::label).collect();
        let keys = keys.join("");
        match out
            .iter_mut()
            .find(|(s, _, _, a)| *s == b.scope && **a == b.action)
        {
            Some(entry) => {
                entry.1.push_str(", ");
                entry.1.push_str(&keys);
            }
            None => out.push((b.scope, keys, b.help, &b.action)),
        }
    }
    out.into_iter().map(|(s, k, h, _)| (s, k, h)).collect()
}
