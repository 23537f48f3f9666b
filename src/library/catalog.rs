//! The catalog: one compact line per story, enough to list, sort and filter
//! the library without opening a single story file.

use crate::article::Story;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

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

    /// Refresh what extraction decides, keep what the reader decided.
    pub fn refresh_from(&mut self, story: &Story) {
        self.refresh_with(CatalogEntry::from_story(&self.id, story, self.added_at));
    }

    /// `refresh_from` with the entry of the fresh story already made.
    pub fn refresh_with(&mut self, fresh: CatalogEntry) {
        *self = CatalogEntry {
            id: std::mem::take(&mut self.id),
            added_at: self.added_at,
            position: self.position,
            percent_read: self.percent_read,
            read: self.read,
            source: self.source.take().or(fresh.source.clone()),
            ..fresh
        };
    }
}

/// All entries, in the order they were added.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    entries: Vec<CatalogEntry>,
    index: HashMap<String, usize>,
}

impl Catalog {
    pub fn from_entries(entries: Vec<CatalogEntry>) -> Self {
        let mut cat = Catalog::default();
        for e in entries {
            cat.upsert(e);
        }
        cat
    }

    pub fn entries(&self) -> &[CatalogEntry] {
        &self.entries
    }

    /// Change entries in place (their ids are kept: the index depends on them).
    pub fn update_each(&mut self, mut f: impl FnMut(&str, &mut CatalogEntry)) {
        for e in &mut self.entries {
            let id = std::mem::take(&mut e.id);
            f(&id, e);
            e.id = id;
        }
    }

    /// Order by the time each story was added (stable: ties keep their order).
    pub fn sort_by_added(&mut self) {
        self.entries.sort_by_key(|e| e.added_at);
        self.index = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
    }

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
        self.index.get(id).map(|&i| &self.entries[i])
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut CatalogEntry> {
        self.index.get(id).map(|&i| &mut self.entries[i])
    }

    pub fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    /// Insert or replace by id.
    pub fn upsert(&mut self, entry: CatalogEntry) {
        match self.index.get(&entry.id) {
            Some(&i) => self.entries[i] = entry,
            None => {
                self.index.insert(entry.id.clone(), self.entries.len());
                self.entries.push(entry);
            }
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<CatalogEntry> {
        let i = self.index.remove(id)?;
        let gone = self.entries.remove(i);
        for v in self.index.values_mut() {
            if *v > i {
                *v -= 1;
            }
        }
        Some(gone)
    }

    /// Entries matching a prefix of an id (what users type).
    pub fn find_prefix(&self, prefix: &str) -> Vec<&CatalogEntry> {
        self.entries
            .iter()
            .filter(|e| e.id.starts_with(prefix))
            .collect()
    }
}
