//! What listing needs of each story (one row of the `stories` table), and
//! the reading position.

use crate::article::Story;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A reading position that survives re-wrapping and re-extraction.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub block: usize,
    pub offset: usize,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct CatalogEntry {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub byline: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    /// Seconds since the Unix epoch.
    pub added_at: u64,
    /// The file name it came from, for the user's sake.
    #[serde(default)]
    pub source: Option<String>,
    pub words: usize,
    pub quotes: usize,
    pub figures: usize,
    #[serde(default)]
    pub position: Position,
    /// How far the reader got, 0..=100.
    #[serde(default)]
    pub percent_read: u8,
    #[serde(default)]
    pub read: bool,
}

impl CatalogEntry {
    pub fn from_story(id: &str, story: &Story, added_at: u64) -> Self {
        let a = &story.article;
        CatalogEntry {
            id: id.to_string(),
            title: a.title.clone(),
            publisher: a.publisher.clone(),
            byline: a.byline.clone(),
            published: a.published.clone(),
            added_at,
            source: story.source.clone(),
            words: a.word_count(),
            quotes: story.quotes.len(),
            figures: story.figures.len(),
            position: Position::default(),
            percent_read: 0,
            read: false,
        }
    }
}

/// All entries, in the order they were added. The id index is built on
/// first use: listing and the reader's first frame never need it.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    entries: Vec<CatalogEntry>,
    index: OnceLock<HashMap<String, usize>>,
}

impl Catalog {
    /// The entries in order (ids are distinct: the database says so).
    pub fn from_entries(entries: Vec<CatalogEntry>) -> Self {
        Catalog {
            entries,
            index: OnceLock::new(),
        }
    }

    fn index(&self) -> &HashMap<String, usize> {
        self.index.get_or_init(|| {
            self.entries
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.clone(), i))
                .collect()
        })
    }

    pub fn entries(&self) -> &[CatalogEntry] {
        &self.entries
    }

    /// The entries, without the index (the reader's shelf keeps its own order).
    pub fn into_entries(self) -> Vec<CatalogEntry> {
        self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&CatalogEntry> {
        self.index().get(id).map(|&i| &self.entries[i])
    }

    pub fn contains(&self, id: &str) -> bool {
        self.index().contains_key(id)
    }
}
