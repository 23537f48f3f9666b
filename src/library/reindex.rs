//! `lede reindex`: every original re-extracted into a fresh database, then
//! swapped in whole. A healthy database is replaced through SQLite's
//! backup API (one step, atomic for every other connection); a damaged
//! one is moved aside as `library.db.damaged` and the fresh file renamed
//! into its place.

use super::db::{self, DB_FILE, db_err};
use super::entry::{CatalogEntry, Position};
use super::furniture::{FurnitureRecord, insert_records};
use super::store::{
    Library, LibraryError, index_new, insert_story, io_err, last_sid, load_story, sync_dir,
    unix_secs,
};
use crate::article::Story;
use crate::ingest::furniture::Furniture;
use rayon::prelude::*;
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, params};
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Stories re-extracted between two progress reports.
const CHUNK: usize = 64;

/// What the library held before the rebuild.
struct Before {
    entries: Vec<CatalogEntry>,
    /// The old database could be read (else it is damaged or missing).
    healthy: bool,
    generation: u64,
}

impl Library {
    /// Rebuild the library from its originals: `candidates` gives each
    /// original's furniture lines (learned first, from every original),
    /// `extract` makes the story. `progress(done, total)` is called as it
    /// goes. Returns (id, reason) for the stories that failed: they keep
    /// their old text when the old database still holds it.
    pub fn reindex<E: std::fmt::Display>(
        &self,
        candidates: impl Fn(&[u8], Option<&str>) -> Vec<String> + Sync,
        extract: impl Fn(&[u8], Option<&str>, &Furniture) -> Result<Story, E> + Sync,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<Vec<(String, String)>, LibraryError> {
        let before = self.before()?;
        let fresh_path = self.root().join(format!("{DB_FILE}.rebuild"));
        remove_db_files(&fresh_path);
        let mut fresh = db::open(&fresh_path, true, false)?;
        let err = db_err(&fresh_path);
        let records: Vec<FurnitureRecord> = before
            .entries
            .par_iter()
            .filter_map(|e| {
                let bytes = self.load_original(&e.id).ok()?;
                Some(FurnitureRecord {
                    id: e.id.clone(),
                    publisher: e.publisher.clone(),
                    lines: candidates(&bytes, e.source.as_deref()),
                })
            })
            .collect();
        let furniture = Furniture::learn(
            records
                .iter()
                .filter(|r| !r.lines.is_empty())
                .map(|r| (r.publisher.as_deref(), &r.lines)),
        );
        insert_records(&fresh, &records).map_err(&err)?;
        drop(records);
        let total = before.entries.len();
        let mut failures = Vec::new();
        let mut done = 0;
        for chunk in before.entries.chunks(CHUNK) {
            let results: Vec<Result<Story, String>> = chunk
                .par_iter()
                .map(|e| {
                    let bytes = self.load_original(&e.id).map_err(|e| e.to_string())?;
                    extract(&bytes, e.source.as_deref(), &furniture).map_err(|e| e.to_string())
                })
                .collect();
            let tx = fresh.transaction().map_err(&err)?;
            let last = last_sid(&tx).map_err(&err)?;
            for (entry, result) in chunk.iter().zip(results) {
                let story = match result {
                    Ok(mut story) => {
                        story.source = story.source.take().or(entry.source.clone());
                        Some(story)
                    }
                    Err(why) => {
                        failures.push((entry.id.clone(), why));
                        self.old_story(&entry.id, before.healthy)
                    }
                };
                if let Some(story) = story {
                    insert_story(&tx, &entry.id, &story, entry.added_at).map_err(&err)?;
                    set_state(&tx, entry).map_err(&err)?;
                }
            }
            index_new(&tx, last).map_err(&err)?;
            tx.commit().map_err(&err)?;
            done += chunk.len();
            progress(done, total);
        }
        let generation = before.generation.max(unix_secs(SystemTime::now())) + 1;
        fresh
            .execute(
                "UPDATE meta SET value = ?1 WHERE key = 'generation'",
                [generation],
            )
            .map_err(&err)?;
        // One merged index: smaller on disk, and searched faster.
        fresh
            .execute("INSERT INTO search(search) VALUES ('optimize')", [])
            .map_err(&err)?;
        if before.healthy {
            self.catch_up(&mut fresh, &fresh_path)?;
            self.swap_healthy(&fresh)?;
            drop(fresh);
            remove_db_files(&fresh_path);
        } else {
            fresh
                .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
                .map_err(&err)?;
            drop(fresh);
            self.swap_damaged(&fresh_path)?;
        }
        Ok(failures)
    }

    /// The stories to rebuild: the database's list when it can be read;
    /// else every original on disk, with what reading state can be saved.
    fn before(&self) -> Result<Before, LibraryError> {
        match self.catalog() {
            Ok(cat) => {
                let generation = self.change_token()?;
                Ok(Before {
                    entries: cat.into_entries(),
                    healthy: true,
                    generation,
                })
            }
            Err(LibraryError::Damaged { .. }) => {
                self.pool().clear();
                Ok(Before {
                    entries: self.salvage()?,
                    healthy: false,
                    generation: 0,
                })
            }
            Err(e) => Err(e),
        }
    }

    /// Every original in `originals/`, with the reading state of the rows
    /// the damaged database still gives.
    fn salvage(&self) -> Result<Vec<CatalogEntry>, LibraryError> {
        let dir = self.root().join("originals");
        let mut saved: HashMap<String, CatalogEntry> = HashMap::new();
        if let Ok(conn) = Connection::open(self.db_path())
            && let Ok(mut stmt) = conn.prepare(&format!(
                "SELECT {} FROM stories ORDER BY sid",
                super::store::ENTRY_COLUMNS
            ))
            && let Ok(rows) = stmt.query_map([], super::store::entry_from_row)
        {
            for e in rows.map_while(Result::ok) {
                saved.insert(e.id.clone(), e);
            }
        }
        let mut entries: Vec<CatalogEntry> = Vec::new();
        let read = match fs::read_dir(&dir) {
            Ok(r) => r,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(entries),
            Err(e) => return Err(io_err(&dir)(e)),
        };
        let mut seen = HashSet::new();
        for item in read.filter_map(Result::ok) {
            let Ok(name) = item.file_name().into_string() else {
                continue;
            };
            let id = name.strip_suffix(".gz").unwrap_or(&name).to_string();
            if id.is_empty()
                || !id.bytes().all(|b| b.is_ascii_hexdigit())
                || !seen.insert(id.clone())
            {
                continue;
            }
            let entry = saved.remove(&id).unwrap_or_else(|| {
                let added = item
                    .metadata()
                    .and_then(|m| m.modified())
                    .map(unix_secs)
                    .unwrap_or(0);
                CatalogEntry::from_story(&id, &Story::default(), added)
            });
            entries.push(entry);
        }
        entries.sort_by(|a, b| (a.added_at, &a.id).cmp(&(b.added_at, &b.id)));
        Ok(entries)
    }

    fn old_story(&self, id: &str, healthy: bool) -> Option<Story> {
        if !healthy {
            return None;
        }
        self.load_story(id).ok()
    }

    /// Just before the swap: stories added or removed, and reading state
    /// changed, while the rebuild ran are carried over.
    fn catch_up(&self, fresh: &mut Connection, fresh_path: &Path) -> Result<(), LibraryError> {
        let err = db_err(fresh_path);
        let live = self.catalog()?;
        let tx = fresh.transaction().map_err(&err)?;
        let had: HashSet<String> = {
            let mut stmt = tx.prepare("SELECT id FROM stories").map_err(&err)?;
            stmt.query_map([], |r| r.get(0))
                .map_err(&err)?
                .collect::<Result<_, _>>()
                .map_err(&err)?
        };
        let live_conn = self.writer()?;
        let before = last_sid(&tx).map_err(&err)?;
        for e in live.entries() {
            if !had.contains(&e.id)
                && let Some(story) =
                    load_story(&live_conn, &e.id).map_err(db_err(&live_conn.path))?
            {
                insert_story(&tx, &e.id, &story, e.added_at).map_err(&err)?;
            }
            set_state(&tx, e).map_err(&err)?;
        }
        drop(live_conn);
        // Indexed before any removal below (see `index_new`).
        index_new(&tx, before).map_err(&err)?;
        let keep: HashSet<&str> = live.entries().iter().map(|e| e.id.as_str()).collect();
        for id in had.iter().filter(|id| !keep.contains(id.as_str())) {
            tx.execute("DELETE FROM stories WHERE id = ?1", [id])
                .map_err(&err)?;
        }
        tx.commit().map_err(&err)
    }

    /// Copy the fresh database over the live one in one backup step.
    fn swap_healthy(&self, fresh: &Connection) -> Result<(), LibraryError> {
        let mut live = self.writer()?;
        let path = live.path.clone();
        let err = db_err(&path);
        {
            let backup = Backup::new(fresh, &mut live).map_err(&err)?;
            loop {
                match backup.step(-1).map_err(&err)? {
                    StepResult::Done => break,
                    StepResult::Busy | StepResult::Locked => {
                        std::thread::sleep(Duration::from_millis(50))
                    }
                    _ => {}
                }
            }
        }
        drop(live);
        self.pool().clear();
        Ok(())
    }

    /// Move the damaged file aside and the fresh one into its place.
    fn swap_damaged(&self, fresh_path: &Path) -> Result<(), LibraryError> {
        self.pool().clear();
        let live = self.db_path();
        let aside = self.root().join(format!("{DB_FILE}.damaged"));
        if live.exists() {
            fs::rename(&live, &aside).map_err(io_err(&live))?;
        }
        for suffix in ["-wal", "-shm"] {
            let _ = fs::remove_file(with_suffix(&live, suffix));
        }
        if let Ok(f) = fs::File::open(fresh_path) {
            let _ = f.sync_all();
        }
        fs::rename(fresh_path, &live).map_err(io_err(&live))?;
        sync_dir(self.root());
        remove_db_files(fresh_path);
        Ok(())
    }
}

/// Carry a story's reading state over.
fn set_state(tx: &Connection, e: &CatalogEntry) -> rusqlite::Result<()> {
    let Position { block, offset } = e.position;
    tx.prepare_cached(
        "UPDATE stories SET pos_block = ?2, pos_offset = ?3, percent_read = ?4, read = ?5 \
         WHERE id = ?1",
    )?
    .execute(params![
        e.id,
        block,
        offset,
        e.percent_read.min(100),
        e.read
    ])?;
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn remove_db_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = fs::remove_file(with_suffix(path, suffix));
    }
}
