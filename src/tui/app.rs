//! The reader's whole state. Built from catalog entries (a library) or
//! from stories held in memory (samples, tests); no terminal, no disk.

use super::keymap::Keymap;
use super::layout::{Doc, Layout, Spot};
use super::people::{LibTab, People, Places};
use super::shelf::Shelf;
use crate::article::Story;
use crate::library::CatalogEntry;
use crate::listing::Sort;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Library,
    Reader,
    Sidebar,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Quotes,
    Figures,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// Typing a library filter.
    Filter,
    /// Typing a search in the story.
    Search,
    /// Waiting for y/n (deleting a story).
    Confirm,
    Help,
}

/// The open story and everything about how it is shown.
#[derive(Clone, Debug)]
pub struct Reading {
    pub id: String,
    pub story: Story,
    pub doc: Doc,
    /// The doc wrapped to the reading pane's current width.
    pub layout: Layout,
    /// First row on screen.
    pub top: usize,
    /// Selected sidebar item in each tab.
    pub quote: usize,
    pub figure: usize,
    /// First sidebar item on screen (current tab).
    pub sidebar_top: usize,
    /// The span the last jump landed on.
    pub target: Option<Spot>,
    /// Where `''` goes: a (block, offset) position.
    pub back: Option<(usize, usize)>,
    pub query: String,
    pub matches: Vec<Spot>,
    pub current_match: Option<usize>,
    /// The reader moved since the place was last saved.
    pub moved: bool,
}

impl Reading {
    pub fn new(id: String, mut story: Story, width: u16) -> Self {
        // The sidebar lists items in the order they stand in the text.
        story.quotes.sort_by_key(|q| q.span);
        story.figures.sort_by_key(|f| f.span);
        let doc = Doc::new(&story);
        let layout = doc.wrap(width);
        Reading {
            id,
            story,
            doc,
            layout,
            top: 0,
            quote: 0,
            figure: 0,
            sidebar_top: 0,
            target: None,
            back: None,
            query: String::new(),
            matches: Vec::new(),
            current_match: None,
            moved: false,
        }
    }

    /// The reading position of the top row.
    pub fn position(&self) -> (usize, usize) {
        self.layout.position_of_row(&self.doc, self.top)
    }

    /// How far down the story the bottom of the screen is, 0..=100:
    /// 100 exactly when the last row is on screen.
    pub fn percent(&self, height: usize) -> u8 {
        let rows = self.layout.len().max(1);
        let seen = (self.top + height).min(rows);
        if seen >= rows {
            return 100;
        }
        (seen * 100 / rows).min(99) as u8
    }
}

/// Where a jump to another story started, for `''` to come back to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The story open then, if any (it reopens at its saved place).
    pub story: Option<String>,
    /// The pane the focus was in: the list the jump was made from.
    pub focus: Focus,
}

/// What to do once the story being loaded is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// Jump to the quote or figure at this span (block, start, end).
    At(Tab, crate::Span),
    /// Give the focus to this pane.
    Focus(Focus),
}

pub struct Status {
    pub text: String,
    pub error: bool,
}

pub struct App {
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    pub focus: Focus,
    pub tab: Tab,
    pub mode: Mode,
    /// On narrow terminals: the side pane that is unfolded, if any.
    pub unfolded: Option<Focus>,
    pub shelf: Shelf,
    /// Stories held in memory (samples, tests), by id.
    pub memory: HashMap<String, Story>,
    /// Whether reading positions are saved to the library.
    pub persist: bool,
    pub reading: Option<Reading>,
    /// The id of a story being loaded by the worker.
    pub loading: Option<String>,
    /// What is typed at the prompt.
    pub prompt: String,
    pub status: Option<Status>,
    /// The first key of a two-key binding.
    pub pending: Option<char>,
    pub help_top: usize,
    pub quit: bool,
    /// The key table (defaults plus the config file's changes).
    pub keymap: Keymap,
    /// `z`: the reading pane alone.
    pub wide: bool,
    /// The stories shown are the bundled samples (the library is empty).
    pub samples: bool,
    /// Deleted in this session, newest last: removed for good on exit,
    /// until then `U` brings them back.
    pub deleted: Vec<CatalogEntry>,
    /// The story a confirmation is about (id).
    pub confirm: Option<String>,
    /// What the library pane lists: the stories or the speakers.
    pub lib_tab: LibTab,
    pub people: People,
    /// A list of places across stories, shown in the library pane over
    /// its tab (a speaker's quotes, `=` on a figure).
    pub places: Option<Places>,
    /// Where the last jump to another story came from.
    pub origin: Option<Origin>,
    /// What to do when the story being loaded arrives.
    pub arrival: Option<Arrival>,
}

impl App {
    /// A reader over a library's catalog; stories load on demand.
    pub fn new(entries: Vec<CatalogEntry>) -> Self {
        App {
            size: (0, 0),
            focus: Focus::Library,
            tab: Tab::Quotes,
            mode: Mode::Normal,
            unfolded: Some(Focus::Library),
            shelf: Shelf::new(entries),
            memory: HashMap::new(),
            persist: true,
            reading: None,
            loading: None,
            prompt: String::new(),
            status: None,
            pending: None,
            help_top: 0,
            quit: false,
            keymap: Keymap::default(),
            wide: false,
            samples: false,
            deleted: Vec::new(),
            confirm: None,
            lib_tab: LibTab::Stories,
            people: People::default(),
            places: None,
            origin: None,
            arrival: None,
        }
    }

    /// The same reader with the library listed in another order.
    pub fn with_sort(mut self, sort: Sort) -> Self {
        self.shelf.set_sort(sort);
        self
    }

    /// A reader over stories held in memory; positions are not persisted.
    pub fn from_stories(stories: Vec<(String, Story)>) -> Self {
        let entries = stories
            .iter()
            .map(|(id, s)| CatalogEntry::from_story(id, s, 0))
            .collect();
        let mut app = App::new(entries);
        app.memory = stories.into_iter().collect();
        app.persist = false;
        app
    }

    pub fn set_status(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    /// The library pane shows a list across stories (speakers or places),
    /// not the stories.
    pub fn listing_across(&self) -> bool {
        self.places.is_some() || self.lib_tab == LibTab::Speakers
    }

    pub fn set_error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }
}

/// Context around a figure: up to `words` words either side, one line.
pub fn context(text: &str, start: usize, end: usize, words: usize) -> String {
    let before = text.get(..start).unwrap_or("");
    let item = text.get(start..end).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    let pre: Vec<&str> = before.split_whitespace().rev().take(words).collect();
    let post: Vec<&str> = after.split_whitespace().take(words).collect();
    let mut out = String::new();
    if before.split_whitespace().count() > words {
        out.push('…');
    }
    for w in pre.iter().rev() {
        out.push_str(w);
        out.push(' ');
    }
    if before.ends_with(char::is_alphanumeric) && !pre.is_empty() {
        out.pop();
    }
    out.push_str(item);
    if !post.is_empty() && after.starts_with(char::is_whitespace) {
        out.push(' ');
    }
    out.push_str(&post.join(" "));
    if after.split_whitespace().count() > words {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::context;

    #[test]
    fn context_takes_words_either_side() {
        let t = "one two three four 12% five six seven eight nine";
        let s = t.find("12%").unwrap();
        assert_eq!(context(t, s, s + 3, 2), "…three four 12% five six…");
        assert_eq!(context(t, s, s + 3, 0), "…12%…");
        assert_eq!(context("cost $5.", 5, 7, 3), "cost $5.");
        // Offsets off a char boundary or out of range give no panic.
        assert_eq!(context("é", 1, 9, 2), "");
    }
}
