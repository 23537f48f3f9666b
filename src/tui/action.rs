//! Everything that can happen to the reader, and what update asks the
//! event loop to do in return.

use super::people::PlacesOf;
use crate::article::Story;
use crate::library::{CatalogEntry, Hit, Place, Position, SpeakerCount};

/// One thing that happened: a key resolved through the keymap, a resize, a
/// mouse event, or a worker's answer. `update` is a function of (App, Action).
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Quit,
    /// Back out of a story to the library (q, Esc, Left, h, Backspace).
    Back,
    /// `z`: the reading pane alone, without the side panes.
    ToggleWide,
    /// `y`: copy the selected quote or figure with a citation line.
    Copy,
    /// `o`: open the story's URL with the system opener.
    OpenUrl,
    /// `r`: mark the story read or unread.
    ToggleRead,
    /// `D`: delete the story (after a confirmation).
    Delete,
    /// `U`: bring back the last deleted story.
    Undo,
    /// `s`: the next sort order.
    CycleSort,
    /// `y` at a confirmation.
    ConfirmYes,
    /// A key bound to nothing where it was pressed (its name).
    UnknownKey(String),
    /// Once a second: save the reading position if it moved.
    Tick,
    /// SIGTERM, SIGHUP or SIGINT: save and leave.
    Terminate,
    /// The library changed on disk (another process added or removed).
    LibraryChanged(Vec<CatalogEntry>),
    FocusNext,
    FocusPrev,
    ToggleLibrary,
    ToggleSidebar,
    Up,
    Down,
    PageDown,
    PageUp,
    HalfDown,
    HalfUp,
    Top,
    Bottom,
    /// Enter: open the selected story, or jump to the selected sidebar item.
    Open,
    /// `/`: filter the library, or search the story.
    SearchStart,
    SearchNext,
    SearchPrev,
    PromptInput(char),
    PromptBackspace,
    PromptAccept,
    /// Esc: back out of a prompt, the help overlay, a filter or a mark.
    Cancel,
    NextQuote,
    PrevQuote,
    NextFigure,
    PrevFigure,
    TabPrev,
    TabNext,
    ToggleHelp,
    /// `''`: back to where the last jump started.
    JumpBack,
    /// `p`: the speakers across the library (again: the stories).
    ShowSpeakers,
    /// `=`: the other stories carrying the selected figure.
    SameFigure,
    /// The first key of a two-key binding.
    Pending(char),
    Resize(u16, u16),
    /// Mouse wheel over (column, row); `down` scrolls forward.
    Scroll {
        column: u16,
        row: u16,
        down: bool,
    },
    Click {
        column: u16,
        row: u16,
    },
    Loaded {
        id: String,
        story: Box<Story>,
    },
    LoadFailed {
        id: String,
        error: String,
    },
    /// A background job failed (saving a position, say).
    Failed(String),
    /// What a full-text search of the library found for `query`.
    LibraryHits {
        query: String,
        hits: Result<Vec<Hit>, String>,
    },
    /// Every speaker in the library (the answer to `Query::Speakers`).
    SpeakersFound(Result<Vec<SpeakerCount>, String>),
    /// The places a list asked for (a speaker's quotes, a figure's stories).
    PlacesFound {
        of: PlacesOf,
        places: Result<Vec<Place>, String>,
    },
}

/// A question for the library, answered off the UI thread.
#[derive(Clone, Debug, PartialEq)]
pub enum Query {
    Speakers,
    /// A speaker's quotes, or the stories carrying a figure.
    Places(PlacesOf),
}

/// Side effects `update` asks for; only the event loop performs them.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    LoadStory(String),
    /// Ask the library (speakers, a speaker's quotes, a figure's stories).
    Query(Query),
    /// Search the whole library (bodies, quotes, speakers) for this filter.
    SearchLibrary(String),
    SavePosition {
        id: String,
        position: Position,
        percent_read: u8,
    },
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Open this http(s) URL with the system opener.
    OpenUrl(String),
    SetRead {
        id: String,
        read: bool,
    },
    /// Remove these stories for good (deletions not undone by now).
    Remove(Vec<String>),
    Quit,
}
