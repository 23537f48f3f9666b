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

/// An entry as the catalog file stores it: fields at their default are
/// left out (they read back as defaults), so the file is smaller and
/// loads faster. `lede list --json` prints every field.
pub struct Compact<'a>(pub &'a CatalogEntry);

impl Serialize for Compact<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let e = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &e.id)?;
        m.serialize_entry("title", &e.title)?;
        for (key, value) in [
            ("publisher", &e.publisher),
            ("byline", &e.byline),
            ("published", &e.published),
        ] {
            if let Some(v) = value {
                m.serialize_entry(key, v)?;
            }
        }
        m.serialize_entry("added_at", &e.added_at)?;
        if let Some(v) = &e.source {
            m.serialize_entry("source", v)?;
        }
        m.serialize_entry("words", &e.words)?;
        m.serialize_entry("quotes", &e.quotes)?;
        m.serialize_entry("figures", &e.figures)?;
        if e.position != Position::default() {
            m.serialize_entry("position", &e.position)?;
        }
        if e.percent_read != 0 {
            m.serialize_entry("percent_read", &e.percent_read)?;
        }
        if e.read {
            m.serialize_entry("read", &e.read)?;
        }
        m.end()
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_lines_leave_defaults_out_and_read_back_whole() {
        let mut e = CatalogEntry {
            id: "0123456789abcdef".into(),
            title: "T".into(),
            publisher: None,
            byline: Some("B".into()),
            published: None,
            added_at: 5,
            source: None,
            words: 3,
            quotes: 0,
            figures: 1,
            position: Position::default(),
            percent_read: 0,
            read: false,
        };
        let line = serde_json::to_string(&Compact(&e)).unwrap();
        assert_eq!(
            line,
            r#"{"id":"0123456789abcdef","title":"T","byline":"B","added_at":5,"words":3,"quotes":0,"figures":1}"#
        );
        assert_eq!(serde_json::from_str::<CatalogEntry>(&line).unwrap(), e);
        e.position = Position {
            block: 2,
            offset: 7,
        };
        e.percent_read = 40;
        e.read = true;
        e.source = Some("a.html".into());
        let line = serde_json::to_string(&Compact(&e)).unwrap();
        assert_eq!(serde_json::from_str::<CatalogEntry>(&line).unwrap(), e);
        // Listing prints every field.
        let full = serde_json::to_value(&e).unwrap();
        assert!(full.get("publisher").is_some_and(|v| v.is_null()));
    }

    #[test]
    fn repeated_ids_keep_the_later_line() {
        let entry = |id: &str, title: &str| CatalogEntry {
            title: title.into(),
            ..serde_json::from_str(&format!(
                r#"{{"id":"{id}","title":"","added_at":0,"words":0,"quotes":0,"figures":0}}"#
            ))
            .unwrap()
        };
        let cat = Catalog::from_lines(vec![entry("a", "1"), entry("b", "2"), entry("a", "3")]);
        assert_eq!(cat.len(), 2);
        assert_eq!(cat.get("a").map(|e| e.title.as_str()), Some("3"));
        let cat = Catalog::from_lines(vec![entry("a", "1"), entry("b", "2")]);
        assert_eq!(cat.get("b").map(|e| e.title.as_str()), Some("2"));
    }
}
