//! The catalog: one compact line per story, enough to list, sort and filter
//! the library without opening a single story file.

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
// Fields at their default are left out of the line: a compact catalog
// reads faster, and a missing field reads back as its default.
pub struct CatalogEntry {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Seconds since the Unix epoch.
    pub added_at: u64,
    /// The file name it came from, for the user's sake.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub words: usize,
    pub quotes: usize,
    pub figures: usize,
    #[serde(default, skip_serializing_if = "is_default")]
    pub position: Position,
    /// How far the reader got, 0..=100.
    #[serde(default, skip_serializing_if = "is_default")]
    pub percent_read: u8,
    #[serde(default, skip_serializing_if = "is_default")]
    pub read: bool,
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
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

/// FNV-1a of an id: equal ids, equal hashes.
fn id_hash(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn build_index(entries: &[CatalogEntry]) -> HashMap<String, usize> {
    entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect()
}

/// All entries, in the order they were added. The id index is built on
/// first use: listing and the reader's first frame never need it.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    entries: Vec<CatalogEntry>,
    index: OnceLock<HashMap<String, usize>>,
}

impl Catalog {
    /// The entries in order; a later entry with the same id replaces an
    /// earlier one in place.
    pub fn from_entries(entries: Vec<CatalogEntry>) -> Self {
        let mut index = HashMap::with_capacity(entries.len());
        let mut kept: Vec<CatalogEntry> = Vec::with_capacity(entries.len());
        for e in entries {
            match index.get(&e.id) {
                Some(&i) => kept[i] = e,
                None => {
                    index.insert(e.id.clone(), kept.len());
                    kept.push(e);
                }
            }
        }
        Catalog {
            entries: kept,
            index: OnceLock::from(index),
        }
    }

    /// Entries as read from a catalog file. Ids are distinct in any file
    /// this program wrote; should one repeat (a hand edit), the later line
    /// wins, as in `from_entries`. Checked on hashes, without the index.
    pub fn from_lines(entries: Vec<CatalogEntry>) -> Self {
        let mut hashes: Vec<u64> = entries.iter().map(|e| id_hash(&e.id)).collect();
        hashes.sort_unstable();
        if hashes.windows(2).any(|w| w[0] == w[1]) {
            return Catalog::from_entries(entries);
        }
        Catalog {
            entries,
            index: OnceLock::new(),
        }
    }

    fn index(&self) -> &HashMap<String, usize> {
        self.index.get_or_init(|| build_index(&self.entries))
    }

    /// Change entries and index together.
    fn with_index<T>(
        &mut self,
        f: impl FnOnce(&mut HashMap<String, usize>, &mut Vec<CatalogEntry>) -> T,
    ) -> T {
        let mut index = self
            .index
            .take()
            .unwrap_or_else(|| build_index(&self.entries));
        let out = f(&mut index, &mut self.entries);
        self.index = OnceLock::from(index);
        out
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
        self.index = OnceLock::new();
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

    pub fn get_mut(&mut self, id: &str) -> Option<&mut CatalogEntry> {
        let i = *self.index().get(id)?;
        self.entries.get_mut(i)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.index().contains_key(id)
    }

    /// Insert or replace by id.
    pub fn upsert(&mut self, entry: CatalogEntry) {
        self.with_index(|index, entries| match index.get(&entry.id) {
            Some(&i) => entries[i] = entry,
            None => {
                index.insert(entry.id.clone(), entries.len());
                entries.push(entry);
            }
        });
    }

    pub fn remove(&mut self, id: &str) -> Option<CatalogEntry> {
        self.with_index(|index, entries| {
            let i = index.remove(id)?;
            let gone = entries.remove(i);
            for v in index.values_mut() {
                if *v > i {
                    *v -= 1;
                }
            }
            Some(gone)
        })
    }

    /// Entries matching a prefix of an id (what users type).
    pub fn find_prefix(&self, prefix: &str) -> Vec<&CatalogEntry> {
        self.entries
            .iter()
            .filter(|e| e.id.starts_with(prefix))
            .collect()
    }
}
