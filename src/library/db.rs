//! The database file: opening it, its schema and migrations, pooled
//! connections, and telling a damaged file from other errors.

use super::store::LibraryError;
use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The database file in the library folder.
pub const DB_FILE: &str = "library.db";

/// The schema this lede writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = 2;

/// Schema steps: `STEPS[n]` takes a database from version n to n + 1,
/// inside one transaction with the version change.
const STEPS: &[&str] = &[include_str!("schema.sql"), include_str!("schema_v2.sql")];

/// How long a writer waits for another to finish before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// Connections kept open for reuse (the reader's worker threads share them).
const POOL: usize = 4;

/// An error of SQLite on the database at `path`: damage gets its own
/// message, pointing at the command that repairs it.
pub fn db_err(path: &Path) -> impl Fn(rusqlite::Error) -> LibraryError + '_ {
    move |e| {
        if is_damage(&e) {
            LibraryError::Damaged {
                path: path.to_path_buf(),
                reason: e.to_string(),
            }
        } else {
            LibraryError::Db {
                path: path.to_path_buf(),
                source: e,
            }
        }
    }
}

pub fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
    ) || e.to_string().contains(super::packed::DAMAGED)
}

/// Open (and with `create`, make) the database at `path`, set up for this
/// library: busy timeout, WAL, the schema at `SCHEMA_VERSION`.
pub fn open(path: &Path, create: bool, sync: bool) -> Result<Connection, LibraryError> {
    let err = db_err(path);
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let mut conn = Connection::open_with_flags(path, flags).map_err(&err)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(&err)?;
    // FULL: a story reported added survives a power cut too. Commits are
    // per batch, so the cost is a few fsyncs per import.
    let sync_mode = if sync { "FULL" } else { "OFF" };
    conn.pragma_update(None, "synchronous", sync_mode)
        .map_err(&err)?;
    conn.set_prepared_statement_cache_capacity(32);
    // One plan per statement, whatever its bound values: else FTS5's own
    // index lookup is re-prepared on every search term it is bound to
    // (a tenth of a search that makes 500 snippets). lede runs no ANALYZE,
    // so no plan had anything to gain from the values.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
        .map_err(&err)?;
    // Before anything reads the schema: its view calls them.
    super::packed::register(&conn).map_err(&err)?;
    let version = user_version(&conn).map_err(&err)?;
    if version > SCHEMA_VERSION {
        return Err(LibraryError::TooNew {
            path: path.to_path_buf(),
            found: version,
        });
    }
    if version < SCHEMA_VERSION {
        migrate(&mut conn).map_err(&err)?;
    }
    Ok(conn)
}

fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Bring the schema up to date: each step and its version change commit
/// together, so a crash leaves the old version or the new, never half.
fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    // WAL is a property of the file; it cannot change inside a transaction.
    conn.pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(()))?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another process may have migrated while we waited for the lock.
    let mut version = user_version(&tx)?;
    while let Some(step) = usize::try_from(version).ok().and_then(|v| STEPS.get(v)) {
        tx.execute_batch(step)?;
        version += 1;
    }
    tx.pragma_update(None, "user_version", version)?;
    tx.commit()
}

/// Open connections for reuse, shared by every clone of a `Library`.
#[derive(Clone, Default)]
pub struct Pool(Arc<Mutex<Vec<Connection>>>);

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pool")
    }
}

impl Pool {
    pub fn take(&self) -> Option<Connection> {
        self.0.lock().ok()?.pop()
    }

    pub fn give(&self, conn: Connection) {
        if let Ok(mut v) = self.0.lock()
            && v.len() < POOL
        {
            v.push(conn);
        }
    }

    /// Close every pooled connection (the file is about to be replaced).
    pub fn clear(&self) {
        if let Ok(mut v) = self.0.lock() {
            v.clear();
        }
    }
}

/// A pooled connection, given back when dropped.
pub struct Conn {
    pub conn: Option<Connection>,
    pub pool: Pool,
    pub path: PathBuf,
}

impl std::ops::Deref for Conn {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        self.conn
            .as_ref()
            .expect("a pooled connection is present until dropped")
    }
}

impl std::ops::DerefMut for Conn {
    fn deref_mut(&mut self) -> &mut Connection {
        self.conn
            .as_mut()
            .expect("a pooled connection is present until dropped")
    }
}

impl Drop for Conn {
    fn drop(&mut self) {
        if let Some(c) = self.conn.take() {
            self.pool.give(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;
    use rusqlite::params;

    /// A database as version 1 wrote it (bodies as plain text) opens as
    /// version 2: bodies packed, the same text read, searched, snippeted
    /// and removed.
    #[test]
    fn a_version_1_database_is_migrated() {
        let dir = tempfile::tempdir().unwrap();
        let body = "The harbour board met on Tuesday to talk about tolls. ".repeat(10);
        {
            let v1 = Connection::open(dir.path().join(DB_FILE)).unwrap();
            v1.execute_batch(STEPS[0]).unwrap();
            v1.pragma_update(None, "user_version", 1).unwrap();
            v1.execute(
                "INSERT INTO stories (id, title, added_at, words, quote_count, figure_count) \
                 VALUES ('00ab', 'Harbour tolls', 1, 100, 0, 0)",
                [],
            )
            .unwrap();
            v1.execute(
                "INSERT INTO texts (sid, body, layout) VALUES (1, ?1, ?2)",
                params![body, format!("p{}", body.len())],
            )
            .unwrap();
        }
        let lib = Library::open(dir.path()).unwrap();
        assert_eq!(lib.load_story("00ab").unwrap().article.blocks[0].text, body);
        let conn = lib.conn(false).unwrap().unwrap();
        let (version, kind): (i64, String) = conn
            .query_row(
                "SELECT (SELECT user_version FROM pragma_user_version), typeof(body) FROM texts",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((version, kind.as_str()), (SCHEMA_VERSION, "blob"));
        drop(conn);
        let hits = lib.search("tuesday").unwrap();
        assert_eq!(hits.len(), 1);
        assert!(hits[0].snippet.contains("Tuesday"), "{}", hits[0].snippet);
        lib.remove("00ab").unwrap();
        assert!(lib.search("tuesday").unwrap().is_empty());
    }
}
