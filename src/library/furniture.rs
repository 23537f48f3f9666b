//! Learned page furniture on disk: `ROOT/furniture.jsonl`, one line per
//! text story with its publisher and its candidate furniture lines. Lines
//! that recur across a publisher's stories are dropped from its dumps at
//! import and at `lede reindex` (the pure model: `ingest::furniture`).

use super::catalog::Catalog;
use super::store::{Library, LibraryError, atomic_write, io_err};
use crate::ingest::furniture::Furniture;
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;

const FILE: &str = "furniture.jsonl";

/// What one story contributes to the furniture model.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct FurnitureRecord {
    pub id: String,
    pub publisher: Option<String>,
    pub lines: Vec<String>,
}

impl Library {
    fn furniture_path(&self) -> PathBuf {
        self.root().join(FILE)
    }

    /// The furniture learned from the stories `known` still holds. A torn
    /// or damaged line costs only what that story taught.
    pub fn furniture(&self, known: &Catalog) -> Result<Furniture, LibraryError> {
        let path = self.furniture_path();
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Furniture::default()),
            Err(e) => return Err(io_err(&path)(e)),
        };
        let records: Vec<FurnitureRecord> = BufReader::new(file)
            .lines()
            .map_while(Result::ok)
            .filter_map(|line| serde_json::from_str(&line).ok())
            .filter(|r: &FurnitureRecord| known.contains(&r.id))
            .collect();
        Ok(Furniture::learn(
            records.iter().map(|r| (r.publisher.as_deref(), &r.lines)),
        ))
    }

    /// Remember what newly added stories teach (appended under the lock).
    pub fn record_furniture(&self, records: &[FurnitureRecord]) -> Result<(), LibraryError> {
        let records: Vec<_> = records.iter().filter(|r| !r.lines.is_empty()).collect();
        if records.is_empty() {
            return Ok(());
        }
        let mut buf = Vec::new();
        for r in records {
            // Strings only: serialising cannot fail.
            if let Ok(line) = serde_json::to_vec(r) {
                buf.extend_from_slice(&line);
                buf.push(b'\n');
            }
        }
        let path = self.furniture_path();
        self.with_lock(|_| {
            let mut file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .map_err(io_err(&path))?;
            file.write_all(&buf).map_err(io_err(&path))?;
            file.sync_data().map_err(io_err(&path))
        })
    }

    /// Replace everything learned (at reindex, from the kept originals).
    pub fn replace_furniture(&self, records: &[FurnitureRecord]) -> Result<(), LibraryError> {
        let mut buf = Vec::new();
        for r in records.iter().filter(|r| !r.lines.is_empty()) {
            if let Ok(line) = serde_json::to_vec(r) {
                buf.extend_from_slice(&line);
                buf.push(b'\n');
            }
        }
        let path = self.furniture_path();
        self.with_lock(|_| atomic_write(&path, &buf))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::CatalogEntry;

    fn entry(id: &str) -> CatalogEntry {
        let story = crate::Story::default();
        CatalogEntry::from_story(id, &story, 0)
    }

    fn record(id: &str, lines: &[&str]) -> FurnitureRecord {
        FurnitureRecord {
            id: id.into(),
            publisher: Some("The Daily Example".into()),
            lines: lines.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn recurring_lines_of_known_stories_are_learned() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        let promo = "Get the Morning Digest in your inbox";
        let recs: Vec<_> = ["a", "b", "c"]
            .iter()
            .map(|id| record(id, &[promo, id]))
            .collect();
        lib.record_furniture(&recs).unwrap();
        let all = Catalog::from_entries(vec![entry("a"), entry("b"), entry("c")]);
        let furniture = lib.furniture(&all).unwrap();
        assert!(furniture.contains(Some("The Daily Example"), promo));
        assert!(!furniture.contains(Some("The Daily Example"), "a"));
        // Stories no longer in the library teach nothing.
        let two = Catalog::from_entries(vec![entry("a"), entry("b")]);
        assert!(
            !lib.furniture(&two)
                .unwrap()
                .contains(Some("The Daily Example"), promo)
        );
    }

    #[test]
    fn a_torn_line_costs_only_its_story() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        let promo = "Follow us for breaking alerts";
        let recs: Vec<_> = ["a", "b", "c"]
            .iter()
            .map(|id| record(id, &[promo]))
            .collect();
        lib.replace_furniture(&recs).unwrap();
        let mut f = OpenOptions::new()
            .append(true)
            .open(lib.furniture_path())
            .unwrap();
        f.write_all(b"{\"id\":\"d\",\"publ").unwrap();
        let all = Catalog::from_entries(["a", "b", "c", "d"].map(entry).to_vec());
        assert!(
            lib.furniture(&all)
                .unwrap()
                .contains(Some("The Daily Example"), promo)
        );
    }
}
