//! Learned page furniture in the `furniture` table: per text story, its
//! publisher and its candidate furniture lines. Lines that recur across a
//! publisher's stories are dropped from its dumps at import and at
//! `lede reindex` (the pure model: `ingest::furniture`).

use super::db::db_err;
use super::store::{Library, LibraryError};
use crate::ingest::furniture::Furniture;
use rusqlite::{Connection, TransactionBehavior, params};
use serde::{Deserialize, Serialize};

/// What one story contributes to the furniture model.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct FurnitureRecord {
    pub id: String,
    pub publisher: Option<String>,
    pub lines: Vec<String>,
}

impl Library {
    /// The furniture learned from the stories the library holds (records
    /// of stories not, or no longer, in it teach nothing).
    pub fn furniture(&self) -> Result<Furniture, LibraryError> {
        let records: Vec<(Option<String>, Vec<String>)> = self.read_rows(
            "SELECT f.publisher, f.lines FROM furniture f \
             WHERE EXISTS (SELECT 1 FROM stories s WHERE s.id = f.id)",
            [],
            |r| {
                let lines: String = r.get(1)?;
                Ok((r.get(0)?, serde_json::from_str(&lines).unwrap_or_default()))
            },
        )?;
        Ok(Furniture::learn(
            records.iter().map(|(p, lines)| (p.as_deref(), lines)),
        ))
    }

    /// Remember what newly added stories teach.
    pub fn record_furniture(&self, records: &[FurnitureRecord]) -> Result<(), LibraryError> {
        if records.iter().all(|r| r.lines.is_empty()) {
            return Ok(());
        }
        self.write_furniture(records, false)
    }

    /// Replace everything learned (at reindex, from the kept originals).
    pub fn replace_furniture(&self, records: &[FurnitureRecord]) -> Result<(), LibraryError> {
        self.write_furniture(records, true)
    }

    /// Add `records` in one transaction, after forgetting all else if `replace`.
    fn write_furniture(
        &self,
        records: &[FurnitureRecord],
        replace: bool,
    ) -> Result<(), LibraryError> {
        let mut conn = self.writer()?;
        let db_path = conn.path.clone();
        let err = db_err(&db_path);
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&err)?;
        if replace {
            tx.execute("DELETE FROM furniture", []).map_err(&err)?;
        }
        insert_records(&tx, records).map_err(&err)?;
        tx.commit().map_err(&err)
    }
}

pub(super) fn insert_records(tx: &Connection, records: &[FurnitureRecord]) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT OR REPLACE INTO furniture (id, publisher, lines) VALUES (?1, ?2, ?3)",
    )?;
    for r in records.iter().filter(|r| !r.lines.is_empty()) {
        // Strings only: serialising cannot fail.
        let lines = serde_json::to_string(&r.lines).unwrap_or_default();
        stmt.execute(params![r.id, r.publisher, lines])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::NewStory;

    fn record(id: &str, lines: &[&str]) -> FurnitureRecord {
        FurnitureRecord {
            id: id.into(),
            publisher: Some("The Daily Example".into()),
            lines: lines.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn add(lib: &Library, n: usize) -> Vec<String> {
        let batch: Vec<NewStory> = (0..n)
            .map(|i| {
                let original = format!("story {i}").into_bytes();
                NewStory::new(original, crate::Story::default())
            })
            .collect();
        let ids = batch.iter().map(|s| s.id.clone()).collect();
        lib.add(batch).unwrap();
        ids
    }

    #[test]
    fn recurring_lines_of_stories_held_are_learned() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        let promo = "Get the Morning Digest in your inbox";
        let ids = add(&lib, 3);
        let recs: Vec<_> = ids.iter().map(|id| record(id, &[promo, id])).collect();
        lib.record_furniture(&recs).unwrap();
        let furniture = lib.furniture().unwrap();
        assert!(furniture.contains(Some("The Daily Example"), promo));
        assert!(!furniture.contains(Some("The Daily Example"), &ids[0]));
        // Stories no longer in the library teach nothing.
        lib.remove(&ids[2]).unwrap();
        assert!(
            !lib.furniture()
                .unwrap()
                .contains(Some("The Daily Example"), promo)
        );
        lib.replace_furniture(&recs[..1]).unwrap();
        assert!(
            !lib.furniture()
                .unwrap()
                .contains(Some("The Daily Example"), promo)
        );
    }
}
