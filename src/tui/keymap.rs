//! Every key binding, in one table with its description and its name in
//! the config file: key resolution, the help overlay, the status hints and
//! `lede --print-config` all read it.

use super::action::Action;
use super::app::{App, Focus, Mode};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Global,
    Library,
    /// The library pane listing speakers or places across stories.
    Lists,
    /// The reading pane and the sidebar: a story is open there.
    Story,
    Reader,
    Sidebar,
    Prompt,
    Confirm,
    Help,
}

impl Scope {
    pub const ALL: [Scope; 9] = [
        Scope::Global,
        Scope::Library,
        Scope::Lists,
        Scope::Story,
        Scope::Reader,
        Scope::Sidebar,
        Scope::Prompt,
        Scope::Confirm,
        Scope::Help,
    ];

    /// The scope's table in the config file ([keys.library], …).
    pub fn key(self) -> &'static str {
        match self {
            Scope::Global => "global",
            Scope::Library => "library",
            Scope::Lists => "lists",
            Scope::Story => "story",
            Scope::Reader => "reader",
            Scope::Sidebar => "sidebar",
            Scope::Prompt => "prompt",
            Scope::Confirm => "confirm",
            Scope::Help => "help",
        }
    }

    pub fn from_key(key: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn name(self) -> &'static str {
        match self {
            Scope::Global => "Everywhere",
            Scope::Library => "Library",
            Scope::Lists => "Speakers and their quotes, a figure elsewhere",
            Scope::Story => "Reading pane and sidebar",
            Scope::Reader => "Reading pane",
            Scope::Sidebar => "Sidebar",
            Scope::Prompt => "Search prompt",
            Scope::Confirm => "Confirmation",
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

/// Names of the keys that are not characters, as the config file writes them.
const NAMED: &[(&str, KeyCode)] = &[
    ("Space", KeyCode::Char(' ')),
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("Shift-Tab", KeyCode::BackTab),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("PgUp", KeyCode::PageUp),
    ("PgDn", KeyCode::PageDown),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
];

impl Key {
    pub fn from_event(ev: &KeyEvent) -> Self {
        Key {
            code: ev.code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
        }
    }

    /// The key as the config file writes it: "q", "Esc", "Ctrl-c", "PgDn".
    pub fn name(&self) -> String {
        let base = match self.code {
            KeyCode::Char(c) if c != ' ' => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            code => NAMED
                .iter()
                .find(|(_, c)| *c == code)
                .map_or_else(|| format!("{code:?}"), |(n, _)| n.to_string()),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }

    /// The key as help shows it (arrows as arrows).
    pub fn label(&self) -> String {
        let arrow = match self.code {
            KeyCode::Up => "↑",
            KeyCode::Down => "↓",
            KeyCode::Left => "←",
            KeyCode::Right => "→",
            _ => return self.name(),
        };
        arrow.to_string()
    }

    /// Parse one key name ("q", "Esc", "Ctrl-d", "F5", "↑").
    pub fn parse(s: &str) -> Option<Key> {
        if let Some(rest) = s.strip_prefix("Ctrl-").or_else(|| s.strip_prefix("ctrl-")) {
            let mut chars = rest.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                return None;
            };
            return Some(ctrl(c.to_ascii_lowercase()));
        }
        let mut chars = s.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Some(match c {
                '↑' => code(KeyCode::Up),
                '↓' => code(KeyCode::Down),
                '←' => code(KeyCode::Left),
                '→' => code(KeyCode::Right),
                c => k(c),
            });
        }
        if let Some(n) = s.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
            return Some(code(KeyCode::F(n)));
        }
        NAMED
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(s))
            .map(|(_, c)| code(*c))
    }
}

/// Parse a binding: one key, or two characters typed in turn ("''").
pub fn parse_keys(s: &str) -> Option<Vec<Key>> {
    if let Some(key) = Key::parse(s) {
        return Some(vec![key]);
    }
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [a, b] if !a.is_whitespace() && !b.is_whitespace() => Some(vec![k(*a), k(*b)]),
        _ => None,
    }
}

pub fn keys_name(keys: &[Key]) -> String {
    keys.iter().map(Key::name).collect()
}

fn keys_label(keys: &[Key]) -> String {
    keys.iter().map(Key::label).collect()
}

/// One binding: a key or a two-key sequence, where it applies, what it does.
#[derive(Clone, Debug)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub scope: Scope,
    pub action: Action,
    pub help: &'static str,
}

/// (config name, action) of every action a key can be bound to.
pub static ACTIONS: &[(&str, Action)] = &[
    ("quit", Action::Quit),
    ("back", Action::Back),
    ("next-pane", Action::FocusNext),
    ("previous-pane", Action::FocusPrev),
    ("toggle-library", Action::ToggleLibrary),
    ("toggle-sidebar", Action::ToggleSidebar),
    ("wide-view", Action::ToggleWide),
    ("help", Action::ToggleHelp),
    ("previous-tab", Action::TabPrev),
    ("next-tab", Action::TabNext),
    ("jump-back", Action::JumpBack),
    ("speakers", Action::ShowSpeakers),
    ("same-figure", Action::SameFigure),
    ("cancel", Action::Cancel),
    ("down", Action::Down),
    ("up", Action::Up),
    ("page-down", Action::PageDown),
    ("page-up", Action::PageUp),
    ("half-page-down", Action::HalfDown),
    ("half-page-up", Action::HalfUp),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("search", Action::SearchStart),
    ("open", Action::Open),
    ("next-match", Action::SearchNext),
    ("previous-match", Action::SearchPrev),
    ("next-quote", Action::NextQuote),
    ("previous-quote", Action::PrevQuote),
    ("next-figure", Action::NextFigure),
    ("previous-figure", Action::PrevFigure),
    ("copy", Action::Copy),
    ("open-url", Action::OpenUrl),
    ("toggle-read", Action::ToggleRead),
    ("delete", Action::Delete),
    ("undo", Action::Undo),
    ("sort", Action::CycleSort),
    ("yes", Action::ConfirmYes),
    ("accept", Action::PromptAccept),
    ("delete-char", Action::PromptBackspace),
];

/// The config name of a bindable action.
pub fn action_name(action: &Action) -> Option<&'static str> {
    ACTIONS.iter().find(|(_, a)| a == action).map(|(n, _)| *n)
}

fn b(scope: Scope, keys: &[Key], action: Action, help: &'static str) -> Binding {
    Binding {
        keys: keys.to_vec(),
        scope,
        action,
        help,
    }
}

/// The default keys: less/vim for moving, mutt/newsboat for back and quit.
pub fn defaults() -> Vec<Binding> {
    use Action as A;
    use KeyCode as C;
    use Scope::*;
    vec![
        b(Library, &[k('q')], A::Quit, "quit"),
        b(Global, &[ctrl('c')], A::Quit, "quit"),
        b(Story, &[k('q')], A::Back, "back to the library"),
        b(Story, &[code(C::Esc)], A::Back, "back to the library"),
        b(Story, &[code(C::Left)], A::Back, "back to the library"),
        b(Story, &[k('h')], A::Back, "back to the library"),
        b(Story, &[code(C::Backspace)], A::Back, "back to the library"),
        b(Global, &[code(C::Tab)], A::FocusNext, "next pane"),
        b(Global, &[code(C::BackTab)], A::FocusPrev, "previous pane"),
        b(Global, &[k('L')], A::ToggleLibrary, "show/hide the library"),
        b(Global, &[k('S')], A::ToggleSidebar, "show/hide the sidebar"),
        b(Story, &[k('z')], A::ToggleWide, "wide reading view"),
        b(Global, &[k('?')], A::ToggleHelp, "this help"),
        b(
            Global,
            &[k('[')],
            A::TabPrev,
            "previous tab (library or sidebar)",
        ),
        b(
            Global,
            &[k(']')],
            A::TabNext,
            "next tab (library or sidebar)",
        ),
        b(
            Story,
            &[k('\''), k('\'')],
            A::JumpBack,
            "jump back (also to a list)",
        ),
        b(
            Global,
            &[k('p')],
            A::ShowSpeakers,
            "speakers across the library",
        ),
        b(
            Story,
            &[k('=')],
            A::SameFigure,
            "other stories with this figure",
        ),
        b(Library, &[code(C::Esc)], A::Cancel, "clear the filter"),
        b(Global, &[k('j')], A::Down, "down"),
        b(Global, &[code(C::Down)], A::Down, "down"),
        b(Global, &[k('k')], A::Up, "up"),
        b(Global, &[code(C::Up)], A::Up, "up"),
        b(Global, &[k(' ')], A::PageDown, "page down"),
        b(Global, &[code(C::PageDown)], A::PageDown, "page down"),
        b(Global, &[k('b')], A::PageUp, "page up"),
        b(Global, &[code(C::PageUp)], A::PageUp, "page up"),
        b(Global, &[k('d')], A::HalfDown, "half page down"),
        b(Global, &[k('u')], A::HalfUp, "half page up"),
        b(Global, &[k('g')], A::Top, "top"),
        b(Global, &[code(C::Home)], A::Top, "top"),
        b(Global, &[k('G')], A::Bottom, "bottom"),
        b(Global, &[code(C::End)], A::Bottom, "bottom"),
        b(
            Global,
            &[k('/')],
            A::SearchStart,
            "search (library: filter)",
        ),
        b(Library, &[code(C::Enter)], A::Open, "open the story"),
        b(Library, &[code(C::Right)], A::Open, "open the story"),
        b(Library, &[k('l')], A::Open, "open the story"),
        b(
            Library,
            &[k('s')],
            A::CycleSort,
            "sort: published, added, …",
        ),
        b(Global, &[k('r')], A::ToggleRead, "mark read / unread"),
        b(Global, &[k('D')], A::Delete, "delete the story (asks)"),
        b(Global, &[k('U')], A::Undo, "undo the last delete"),
        b(Global, &[k('o')], A::OpenUrl, "open the story's URL"),
        b(Story, &[k('y')], A::Copy, "copy quote/figure + citation"),
        b(Reader, &[k('n')], A::SearchNext, "next match"),
        b(Reader, &[k('N')], A::SearchPrev, "previous match"),
        b(Story, &[k(')')], A::NextQuote, "next quote"),
        b(Story, &[k('(')], A::PrevQuote, "previous quote"),
        b(Story, &[k('}')], A::NextFigure, "next figure"),
        b(Story, &[k('{')], A::PrevFigure, "previous figure"),
        b(Lists, &[k('q')], A::Back, "back out one level"),
        b(Lists, &[code(C::Esc)], A::Back, "back out one level"),
        b(Lists, &[code(C::Left)], A::Back, "back out one level"),
        b(Lists, &[k('h')], A::Back, "back out one level"),
        b(Lists, &[code(C::Backspace)], A::Back, "back out one level"),
        b(
            Lists,
            &[code(C::Enter)],
            A::Open,
            "speaker: their quotes; quote: the story",
        ),
        b(Lists, &[k('s')], A::CycleSort, "sort speakers: count, name"),
        b(
            Sidebar,
            &[code(C::Enter)],
            A::Open,
            "jump to it in the text",
        ),
        b(Prompt, &[code(C::Enter)], A::PromptAccept, "accept"),
        b(Prompt, &[code(C::Esc)], A::Cancel, "cancel"),
        b(
            Prompt,
            &[code(C::Backspace)],
            A::PromptBackspace,
            "delete a character",
        ),
        b(Confirm, &[k('y')], A::ConfirmYes, "yes"),
        b(Confirm, &[code(C::Esc)], A::Cancel, "no"),
        b(Confirm, &[k('n')], A::Cancel, "no"),
        b(Help, &[code(C::Esc)], A::ToggleHelp, "close help"),
        b(Help, &[k('?')], A::ToggleHelp, "close help"),
        b(Help, &[k('q')], A::ToggleHelp, "close help"),
        b(Help, &[k('j')], A::Down, "scroll"),
        b(Help, &[code(C::Down)], A::Down, "scroll"),
        b(Help, &[k('k')], A::Up, "scroll"),
        b(Help, &[code(C::Up)], A::Up, "scroll"),
        b(Help, &[k(' ')], A::PageDown, "page down"),
        b(Help, &[code(C::PageDown)], A::PageDown, "page down"),
        b(Help, &[k('b')], A::PageUp, "page up"),
        b(Help, &[code(C::PageUp)], A::PageUp, "page up"),
        b(Help, &[k('g')], A::Top, "top"),
        b(Help, &[k('G')], A::Bottom, "bottom"),
    ]
}

/// (config name of an action, its keys) in one scope.
pub type ActionKeys = Vec<(&'static str, Vec<String>)>;

/// The key table in use: the defaults with the config's changes.
#[derive(Clone, Debug)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: defaults(),
        }
    }
}

impl Keymap {
    /// Give `action` these keys in `scope` (replacing its keys there).
    pub fn rebind(&mut self, scope: Scope, action: &Action, keys: &[Vec<Key>]) {
        let help = self
            .bindings
            .iter()
            .find(|b| b.action == *action && b.scope == scope)
            .or_else(|| self.bindings.iter().find(|b| b.action == *action))
            .map_or_else(|| action_name(action).unwrap_or("?"), |b| b.help);
        let at = self
            .bindings
            .iter()
            .position(|b| b.action == *action && b.scope == scope)
            .unwrap_or(self.bindings.len());
        let before = self.bindings[..at]
            .iter()
            .filter(|b| !(b.action == *action && b.scope == scope))
            .count();
        self.bindings
            .retain(|b| !(b.action == *action && b.scope == scope));
        let fresh = keys.iter().map(|keys| Binding {
            keys: keys.clone(),
            scope,
            action: action.clone(),
            help,
        });
        self.bindings.splice(before..before, fresh);
    }

    /// The keys of `action` in `scope` (or everywhere), first binding first.
    pub fn keys_for(&self, action: &Action, scope: Scope) -> Option<String> {
        self.bindings
            .iter()
            .find(|b| b.action == *action && (b.scope == scope || b.scope == Scope::Global))
            .map(|b| keys_label(&b.keys))
    }

    /// Every scope's actions with their keys, for `--print-config`.
    pub fn by_scope(&self) -> Vec<(Scope, ActionKeys)> {
        let mut out = Vec::new();
        for scope in Scope::ALL {
            let mut actions: ActionKeys = Vec::new();
            for b in self.bindings.iter().filter(|b| b.scope == scope) {
                let Some(name) = action_name(&b.action) else {
                    continue;
                };
                let keys = keys_name(&b.keys);
                match actions.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, ks)) if !ks.contains(&keys) => ks.push(keys),
                    Some(_) => {}
                    None => actions.push((name, vec![keys])),
                }
            }
            if !actions.is_empty() {
                out.push((scope, actions));
            }
        }
        out
    }

    /// Help text: (scope, keys, description), one line per (scope, action).
    pub fn help_lines(&self) -> Vec<(Scope, String, &'static str)> {
        let mut out: Vec<(Scope, String, &'static str, &Action)> = Vec::new();
        for b in &self.bindings {
            let keys = keys_label(&b.keys);
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
        // Grouped by scope, in the order scopes first appear.
        let mut order: Vec<Scope> = Vec::new();
        for (s, ..) in &out {
            if !order.contains(s) {
                order.push(*s);
            }
        }
        order
            .into_iter()
            .flat_map(|s| {
                out.iter()
                    .filter(move |(x, ..)| *x == s)
                    .map(|(s, k, h, _)| (*s, k.clone(), *h))
            })
            .collect()
    }
}

/// The scopes searched for a key, most specific first.
pub fn scopes(app: &App) -> &'static [Scope] {
    match app.mode {
        Mode::Help => &[Scope::Help],
        Mode::Filter | Mode::Search => &[Scope::Prompt],
        Mode::Confirm => &[Scope::Confirm],
        Mode::Normal => match app.focus {
            Focus::Library if app.listing_across() => {
                &[Scope::Lists, Scope::Library, Scope::Global]
            }
            Focus::Library => &[Scope::Library, Scope::Global],
            Focus::Reader => &[Scope::Reader, Scope::Story, Scope::Global],
            Focus::Sidebar => &[Scope::Sidebar, Scope::Story, Scope::Global],
        },
    }
}

/// The action a key press means in the app's current state. A key bound
/// to nothing here gives `UnknownKey`, so the status line can say so.
pub fn resolve(app: &App, ev: &KeyEvent) -> Option<Action> {
    let key = Key::from_event(ev);
    if matches!(key.code, KeyCode::Modifier(_) | KeyCode::Null) {
        return None;
    }
    let scopes = scopes(app);
    let bindings = &app.keymap.bindings;
    let in_scope = |b: &&Binding| scopes.contains(&b.scope);
    if let Some(first) = app.pending {
        let seq = bindings
            .iter()
            .filter(in_scope)
            .find(|b| matches!(b.keys.as_slice(), [a, b2] if *a == k(first) && *b2 == key));
        if let Some(b) = seq {
            return Some(b.action.clone());
        }
    }
    for scope in scopes {
        for b in bindings.iter().filter(|b| b.scope == *scope) {
            match b.keys.as_slice() {
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
        (Mode::Filter | Mode::Search, _) => None,
        // Anything but yes is no.
        (Mode::Confirm, _) => Some(Action::Cancel),
        _ => Some(Action::UnknownKey(key.name())),
    }
}
