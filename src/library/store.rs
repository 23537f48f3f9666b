//! The library's stories: adding, loading, listing, removing, reading state.
//! Every change is one SQLite transaction; the originals are files written
//! (and synced) before the transaction that names them commits.

use super::db::{self, Conn, DB_FILE, Pool, db_err};
use super::entry::{Catalog, CatalogEntry, Position};
use crate::article::{
    Article, Block, BlockKind, Figure, FigureKind, Quote, QuoteKind, Span, Story,
};
use rayon::prelude::*;
use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};
use std::fs::{self, File};
use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum LibraryError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Db {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "{path}: the library database is damaged ({reason}); run `lede reindex` to rebuild it from the originals"
    )]
    Damaged { path: PathBuf, reason: String },
    #[error("{path}: made by a newer lede (schema version {found}); update lede to open it")]
    TooNew { path: PathBuf, found: i64 },
    #[error("{path}: damaged story file: {source}")]
    BadStory {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("the library at {path} is in the old format and was left as it was: {reason}")]
    Migration { path: PathBuf, reason: String },
    #[error("no story with id {0}")]
    NotFound(String),
    #[error("the id {0} is ambiguous: type more of it")]
    Ambiguous(String),
}

pub(super) fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> LibraryError + '_ {
    move |source| LibraryError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A story ready to be stored: its original bytes and what was made of them.
#[derive(Debug, Clone)]
pub struct NewStory {
    pub id: String,
    pub original: Vec<u8>,
    pub story: Story,
}

impl NewStory {
    /// A story to add, named by the hash of its original.
    pub fn new(original: Vec<u8>, story: Story) -> NewStory {
        NewStory {
            id: crate::library::story_id(&original),
            original,
            story,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddOutcome {
    Added { id: String, title: String },
    Duplicate { id: String, title: String },
}

/// A library folder: `library.db` and `originals/`. Clones share their
/// open connections; nothing is created until the first write.
#[derive(Debug, Clone)]
pub struct Library {
    root: PathBuf,
    /// Whether writes are synced to disk (see `without_sync`).
    sync: bool,
    pool: Pool,
}

/// The columns `entry_from_row` reads, in its order.
pub(super) const ENTRY_COLUMNS: &str = "id, title, publisher, byline, published, added_at, source, \
     words, quote_count, figure_count, pos_block, pos_offset, percent_read, read";

pub(super) fn entry_from_row(r: &Row) -> rusqlite::Result<CatalogEntry> {
    Ok(CatalogEntry {
        id: r.get(0)?,
        title: r.get(1)?,
        publisher: r.get(2)?,
        byline: r.get(3)?,
        published: r.get(4)?,
        added_at: r.get(5)?,
        source: r.get(6)?,
        words: r.get(7)?,
        quotes: r.get(8)?,
        figures: r.get(9)?,
        position: Position {
            block: r.get(10)?,
            offset: r.get(11)?,
        },
        percent_read: r.get(12)?,
        read: r.get(13)?,
    })
}

impl Library {
    /// The library at `root`. A library in the old format (catalog.jsonl
    /// and story files) is migrated into the database here, once.
    pub fn open(root: impl Into<PathBuf>) -> Result<Self, LibraryError> {
        let lib = Library {
            root: root.into(),
            sync: true,
            pool: Pool::default(),
        };
        super::migrate::migrate_if_old(&lib)?;
        Ok(lib)
    }

    /// The same library with no fsync at all: for generating test and
    /// benchmark libraries quickly. A crash may then lose recent changes.
    pub fn without_sync(mut self) -> Self {
        self.sync = false;
        self.pool = Pool::default();
        self
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn db_path(&self) -> PathBuf {
        self.root.join(DB_FILE)
    }

    pub(super) fn pool(&self) -> &Pool {
        &self.pool
    }

    fn originals_dir(&self) -> PathBuf {
        self.root.join("originals")
    }

    /// A connection to the database; None when there is none yet and
    /// `create` is false (reading a library that was never written).
    pub(super) fn conn(&self, create: bool) -> Result<Option<Conn>, LibraryError> {
        let path = self.db_path();
        let conn = match self.pool.take() {
            Some(c) => c,
            None => {
                if !create && !path.exists() {
                    return Ok(None);
                }
                fs::create_dir_all(&self.root).map_err(io_err(&self.root))?;
                db::open(&path, create, self.sync)?
            }
        };
        Ok(Some(Conn {
            conn: Some(conn),
            pool: self.pool.clone(),
            path,
        }))
    }

    /// A connection, making the database when it does not exist.
    pub(super) fn writer(&self) -> Result<Conn, LibraryError> {
        self.conn(true)?
            .ok_or_else(|| LibraryError::NotFound(self.db_path().display().to_string()))
    }

    /// Every story, in the order added: what listing and the reader's
    /// first frame need, from the small `stories` rows alone.
    pub fn catalog(&self) -> Result<Catalog, LibraryError> {
        let Some(conn) = self.conn(false)? else {
            return Ok(Catalog::default());
        };
        let db_path = conn.path.clone();
        let err = db_err(&db_path);
        let mut stmt = conn
            .prepare_cached(&format!("SELECT {ENTRY_COLUMNS} FROM stories ORDER BY sid"))
            .map_err(&err)?;
        // Room for every row at once: a growing Vec would peak at twice it.
        let rows: usize = conn
            .query_row("SELECT count(*) FROM stories", [], |r| r.get(0))
            .map_err(&err)?;
        let mut entries = Vec::with_capacity(rows);
        for entry in stmt.query_map([], entry_from_row).map_err(&err)? {
            entries.push(entry.map_err(&err)?);
        }
        Ok(Catalog::from_entries(entries))
    }

    /// One story's catalog entry.
    pub fn entry(&self, id: &str) -> Result<CatalogEntry, LibraryError> {
        let not_found = || LibraryError::NotFound(id.to_string());
        let conn = self.conn(false)?.ok_or_else(not_found)?;
        conn.query_row(
            &format!("SELECT {ENTRY_COLUMNS} FROM stories WHERE id = ?1"),
            [id],
            entry_from_row,
        )
        .optional()
        .map_err(db_err(&conn.path))?
        .ok_or_else(not_found)
    }

    /// A value that changes whenever any process adds or removes a story
    /// or rebuilds the library (not on reading-state changes): the reader
    /// polls it to notice `lede add` and `lede rm` in another shell. It is
    /// a counter the database's triggers bump in the same transaction.
    pub fn change_token(&self) -> Result<u64, LibraryError> {
        let Some(conn) = self.conn(false)? else {
            return Ok(0);
        };
        conn.query_row("SELECT value FROM meta WHERE key = 'generation'", [], |r| {
            r.get(0)
        })
        .map_err(db_err(&conn.path))
    }

    /// Store a batch of stories. The same bytes twice are one story.
    /// Outcomes come in the order of the batch; a story is reported added
    /// only once the transaction naming it has committed.
    pub fn add(&self, batch: Vec<NewStory>) -> Result<Vec<AddOutcome>, LibraryError> {
        self.add_with_furniture(batch, &[])
    }

    /// `add`, remembering what the stories teach of page furniture in the
    /// same transaction.
    pub fn add_with_furniture(
        &self,
        batch: Vec<NewStory>,
        furniture: &[super::FurnitureRecord],
    ) -> Result<Vec<AddOutcome>, LibraryError> {
        if batch.is_empty() {
            return Ok(Vec::new());
        }
        let mut conn = self.writer()?;
        let db_path = conn.path.clone();
        let err = db_err(&db_path);
        // Originals of stories already here are not written again.
        let mut seen = std::collections::HashSet::new();
        let fresh: Vec<bool> = batch
            .iter()
            .map(|s| {
                let known = conn
                    .prepare_cached("SELECT 1 FROM stories WHERE id = ?1")?
                    .exists([&s.id])?;
                Ok(!known && seen.insert(s.id.clone()))
            })
            .collect::<rusqlite::Result<_>>()
            .map_err(&err)?;
        self.write_originals(
            batch
                .iter()
                .zip(&fresh)
                .filter(|(_, f)| **f)
                .map(|(s, _)| (s.id.as_str(), s.original.as_slice())),
        )?;
        let now = unix_secs(SystemTime::now());
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&err)?;
        let mut outcomes = Vec::with_capacity(batch.len());
        let before = last_sid(&tx).map_err(&err)?;
        for item in &batch {
            let (id, title) = (item.id.clone(), item.story.article.title.clone());
            if insert_story(&tx, &item.id, &item.story, now).map_err(&err)? {
                outcomes.push(AddOutcome::Added { id, title });
            } else {
                let title = tx
                    .query_row("SELECT title FROM stories WHERE id = ?1", [&id], |r| {
                        r.get(0)
                    })
                    .map_err(&err)?;
                outcomes.push(AddOutcome::Duplicate { id, title });
            }
        }
        index_new(&tx, before).map_err(&err)?;
        super::furniture::insert_records(&tx, furniture).map_err(&err)?;
        tx.commit().map_err(&err)?;
        Ok(outcomes)
    }

    /// Write originals (compressed, in parallel), each by temp file and
    /// rename, synced before the database names them.
    fn write_originals<'a>(
        &self,
        files: impl Iterator<Item = (&'a str, &'a [u8])>,
    ) -> Result<(), LibraryError> {
        let files: Vec<(&str, &[u8])> = files.collect();
        if files.is_empty() {
            return Ok(());
        }
        let dir = self.originals_dir();
        fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        files.par_iter().try_for_each(|(id, bytes)| {
            let (name, data) = stored_original(id, bytes);
            replace_file(&dir.join(name), &data, self.sync)
        })?;
        if self.sync {
            sync_dir(&dir);
        }
        Ok(())
    }

    /// The unique story id that starts with `prefix`.
    pub fn resolve_id(&self, prefix: &str) -> Result<String, LibraryError> {
        let not_found = || LibraryError::NotFound(prefix.to_string());
        let conn = self.conn(false)?.ok_or_else(not_found)?;
        let db_path = conn.path.clone();
        let err = db_err(&db_path);
        // Ids are lowercase hex: every id with the prefix sorts before prefix + '~'.
        let mut stmt = conn
            .prepare_cached(
                "SELECT id FROM stories WHERE id >= ?1 AND id < ?1 || '~' ORDER BY id LIMIT 2",
            )
            .map_err(&err)?;
        let ids: Vec<String> = stmt
            .query_map([prefix], |r| r.get(0))
            .map_err(&err)?
            .collect::<Result<_, _>>()
            .map_err(&err)?;
        match ids.as_slice() {
            [one] => Ok(one.clone()),
            [] => Err(not_found()),
            [first, ..] if first == prefix => Ok(first.clone()),
            _ => Err(LibraryError::Ambiguous(prefix.to_string())),
        }
    }

    pub fn load_story(&self, id: &str) -> Result<Story, LibraryError> {
        let not_found = || LibraryError::NotFound(id.to_string());
        let conn = self.conn(false)?.ok_or_else(not_found)?;
        load_story(&conn, id)
            .map_err(db_err(&conn.path))?
            .ok_or_else(not_found)
    }

    /// The original bytes, exactly as imported.
    pub fn load_original(&self, id: &str) -> Result<Vec<u8>, LibraryError> {
        let dir = self.originals_dir();
        let gz = dir.join(format!("{id}.gz"));
        match File::open(&gz) {
            Ok(f) => {
                let mut out = Vec::new();
                flate2::read::GzDecoder::new(f)
                    .read_to_end(&mut out)
                    .map_err(io_err(&gz))?;
                return Ok(out);
            }
            Err(e) if e.kind() == ErrorKind::NotFound => {}
            Err(e) => return Err(io_err(&gz)(e)),
        }
        // Stored as they came: gzip files, and libraries of the old format.
        let raw = dir.join(id);
        fs::read(&raw).map_err(io_err(&raw))
    }

    /// Remove a story: its rows (text, quotes, figures and index entries
    /// go with it, see the schema's trigger), then its original.
    pub fn remove(&self, id: &str) -> Result<CatalogEntry, LibraryError> {
        let gone = self.entry(id)?;
        let mut conn = self.writer()?;
        let db_path = conn.path.clone();
        let err = db_err(&db_path);
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&err)?;
        let n = tx
            .execute("DELETE FROM stories WHERE id = ?1", [id])
            .map_err(&err)?;
        tx.execute("DELETE FROM furniture WHERE id = ?1", [id])
            .map_err(&err)?;
        tx.commit().map_err(&err)?;
        if n == 0 {
            return Err(LibraryError::NotFound(id.to_string()));
        }
        let dir = self.originals_dir();
        for path in [dir.join(format!("{id}.gz")), dir.join(id)] {
            match fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == ErrorKind::NotFound => {}
                Err(e) => return Err(io_err(&path)(e)),
            }
        }
        Ok(gone)
    }

    /// Save where the reader is in a story (read once 95% is reached).
    pub fn set_position(
        &self,
        id: &str,
        position: Position,
        percent_read: u8,
    ) -> Result<(), LibraryError> {
        let percent = percent_read.min(100);
        self.update_one(
            "UPDATE stories SET pos_block = ?2, pos_offset = ?3, percent_read = ?4, \
             read = read OR ?5 WHERE id = ?1",
            params![id, position.block, position.offset, percent, percent >= 95],
            id,
        )
    }

    /// Mark a story read or unread (its position is kept).
    pub fn set_read(&self, id: &str, read: bool) -> Result<(), LibraryError> {
        self.update_one(
            "UPDATE stories SET read = ?2 WHERE id = ?1",
            params![id, read],
            id,
        )
    }

    fn update_one(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        id: &str,
    ) -> Result<(), LibraryError> {
        let conn = self.writer()?;
        let n = conn
            .prepare_cached(sql)
            .and_then(|mut s| s.execute(params))
            .map_err(db_err(&conn.path))?;
        if n == 0 {
            return Err(LibraryError::NotFound(id.to_string()));
        }
        Ok(())
    }
}

/// The file name and bytes an original is kept as: gzip-compressed as
/// `<id>.gz`, or as it came (`<id>`) when it is gzip already.
fn stored_original(id: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return (id.to_string(), bytes.to_vec());
    }
    let mut enc = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::fast(),
    );
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(bytes);
    (format!("{id}.gz"), enc.finish().unwrap_or_default())
}

/// The newest story's sid (0 when there is none): what `index_new` takes.
pub(super) fn last_sid(tx: &Connection) -> rusqlite::Result<i64> {
    tx.query_row("SELECT coalesce(max(sid), 0) FROM stories", [], |r| {
        r.get(0)
    })
}

/// Put the stories inserted after sid `before` in the search index, in
/// one statement. Call it in the transaction of the inserts, before any
/// story is removed: a new story's sid is above every other (one writer
/// at a time), and until this runs it is not in the index. One statement
/// for the batch because FTS5 writes what it holds to disk at every
/// statement savepoint: row by row, that was a segment per story to merge.
pub(super) fn index_new(tx: &Connection, before: i64) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO search(rowid, title, byline, publisher, speakers, quoted, body) \
         SELECT sid, title, byline, publisher, speakers, quoted, body FROM search_source \
         WHERE sid > ?1",
    )?
    .execute([before])?;
    Ok(())
}

/// Insert one story with its text, quotes and figures; `index_new` then
/// indexes it. False when a story with this id is already there.
pub(super) fn insert_story(
    tx: &Connection,
    id: &str,
    story: &Story,
    added_at: u64,
) -> rusqlite::Result<bool> {
    let a = &story.article;
    let n = tx
        .prepare_cached(
            "INSERT INTO stories (id, title, standfirst, byline, publisher, published, url, \
             section, source, added_at, words, quote_count, figure_count) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) \
             ON CONFLICT(id) DO NOTHING",
        )?
        .execute(params![
            id,
            a.title,
            a.standfirst,
            a.byline,
            a.publisher,
            a.published,
            a.url,
            a.section,
            story.source,
            added_at,
            a.word_count(),
            story.quotes.len(),
            story.figures.len()
        ])?;
    if n == 0 {
        return Ok(false);
    }
    let sid = tx.last_insert_rowid();
    let mut q = tx.prepare_cached(
        "INSERT INTO quotes (story, seq, speaker, person, text, kind, block, start, end) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (seq, quote) in story.quotes.iter().enumerate() {
        let kind = match quote.kind {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
        };
        let s = quote.span;
        q.execute(params![
            sid,
            seq,
            quote.speaker,
            quote.canonical_speaker.as_ref().or(quote.speaker.as_ref()),
            quote.text,
            kind,
            s.block,
            s.start,
            s.end
        ])?;
    }
    let mut f = tx.prepare_cached(
        "INSERT INTO figures (story, seq, kind, value, unit, text, block, start, end) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (seq, fig) in story.figures.iter().enumerate() {
        let s = fig.span;
        f.execute(params![
            sid,
            seq,
            fig.kind.name(),
            fig.value,
            fig.unit,
            fig.text,
            s.block,
            s.start,
            s.end
        ])?;
    }
    let (body, layout) = join_blocks(&a.blocks);
    tx.prepare_cached("INSERT INTO texts (sid, body, layout) VALUES (?1, ?2, ?3)")?
        .execute(params![sid, super::packed::pack(&body), layout])?;
    Ok(true)
}

/// Read one story back whole; None when there is no such id.
pub(super) fn load_story(conn: &Connection, id: &str) -> rusqlite::Result<Option<Story>> {
    let head = conn
        .prepare_cached(
            "SELECT s.sid, s.title, s.standfirst, s.byline, s.publisher, s.published, s.url, \
             s.section, s.source, t.body, t.layout \
             FROM stories s JOIN texts t ON t.sid = s.sid WHERE s.id = ?1",
        )?
        .query_row([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Article {
                    title: r.get(1)?,
                    standfirst: r.get(2)?,
                    byline: r.get(3)?,
                    publisher: r.get(4)?,
                    published: r.get(5)?,
                    url: r.get(6)?,
                    section: r.get(7)?,
                    blocks: Vec::new(),
                },
                r.get::<_, Option<String>>(8)?,
                super::packed::unpack(r.get_ref(9)?),
                r.get::<_, String>(10)?,
            ))
        })
        .optional()?;
    let Some((sid, mut article, source, body, layout)) = head else {
        return Ok(None);
    };
    let blocks = body.and_then(|body| split_blocks(&body, &layout));
    article.blocks = blocks.ok_or_else(|| {
        rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            Some(format!(
                "story {id}: its text is damaged or does not fit its layout"
            )),
        )
    })?;
    let quotes = conn
        .prepare_cached(
            "SELECT speaker, text, kind, block, start, end, person FROM quotes WHERE story = ?1 ORDER BY seq",
        )?
        .query_map([sid], |r| {
            let speaker: Option<String> = r.get(0)?;
            let person: Option<String> = r.get(6)?;
            Ok(Quote {
                // Stored as the speaker when the story gave no other form.
                canonical_speaker: person.filter(|p| Some(p) != speaker.as_ref()),
                speaker,
                text: r.get(1)?,
                kind: if r.get::<_, String>(2)? == "partial" {
                    QuoteKind::Partial
                } else {
                    QuoteKind::Direct
                },
                span: Span {
                    block: r.get(3)?,
                    start: r.get(4)?,
                    end: r.get(5)?,
                },
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let figures = conn
        .prepare_cached(
            "SELECT kind, value, unit, text, block, start, end FROM figures WHERE story = ?1 ORDER BY seq",
        )?
        .query_map([sid], |r| {
            Ok(Figure {
                kind: figure_kind(&r.get::<_, String>(0)?),
                value: r.get(1)?,
                unit: r.get(2)?,
                text: r.get(3)?,
                span: Span {
                    block: r.get(4)?,
                    start: r.get(5)?,
                    end: r.get(6)?,
                },
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Some(Story {
        source,
        article,
        quotes,
        figures,
    }))
}

const KINDS: [(BlockKind, char); 6] = [
    (BlockKind::Paragraph, 'p'),
    (BlockKind::Heading, 'h'),
    (BlockKind::Blockquote, 'q'),
    (BlockKind::ListItem, 'l'),
    (BlockKind::Caption, 'c'),
    (BlockKind::Preformatted, 'r'),
];

/// The blocks' text joined by '\n' (what search reads), and the layout
/// that splits it back: a kind letter and a byte length per block.
pub(super) fn join_blocks(blocks: &[Block]) -> (String, String) {
    let mut body = String::with_capacity(blocks.iter().map(|b| b.text.len() + 1).sum());
    let mut layout = String::with_capacity(blocks.len() * 5);
    for (i, b) in blocks.iter().enumerate() {
        if i > 0 {
            body.push('\n');
            layout.push(' ');
        }
        body.push_str(&b.text);
        let letter = KINDS
            .iter()
            .find(|(k, _)| *k == b.kind)
            .map_or('p', |k| k.1);
        layout.push(letter);
        layout.push_str(&b.text.len().to_string());
    }
    (body, layout)
}

/// `join_blocks` undone; None when the layout does not fit the text.
pub(super) fn split_blocks(body: &str, layout: &str) -> Option<Vec<Block>> {
    let mut blocks = Vec::new();
    let mut at: usize = 0;
    for item in layout.split(' ').filter(|s| !s.is_empty()) {
        let letter = item.chars().next()?;
        let kind = KINDS.iter().find(|(_, l)| *l == letter)?.0;
        let len: usize = item.get(1..)?.parse().ok()?;
        let text = body.get(at..at.checked_add(len)?)?;
        blocks.push(Block::new(kind, text));
        at += len + 1;
    }
    Some(blocks)
}

fn figure_kind(name: &str) -> FigureKind {
    serde_json::from_value(serde_json::Value::String(name.to_string()))
        .unwrap_or(FigureKind::Number)
}

pub(super) fn unix_secs(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Write a file so that readers see the old bytes or the new, never half:
/// temp file in the same folder, fsync, rename, fsync the folder.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), LibraryError> {
    replace_file(path, bytes, true)?;
    sync_dir(path.parent().unwrap_or(Path::new(".")));
    Ok(())
}

/// Temp file beside `path`, written (and synced), renamed over `path`.
fn replace_file(path: &Path, bytes: &[u8], sync: bool) -> Result<(), LibraryError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .tempfile_in(dir)
        .map_err(io_err(dir))?;
    tmp.write_all(bytes).map_err(io_err(path))?;
    if sync {
        tmp.as_file().sync_data().map_err(io_err(path))?;
    }
    tmp.persist(path).map_err(|e| io_err(path)(e.error))?;
    Ok(())
}

/// Make a rename durable (best effort: not every platform can sync a folder).
pub(super) fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(title: &str) -> Story {
        Story {
            source: Some(format!("{title}.txt")),
            article: Article {
                title: title.to_string(),
                published: Some("2024-05-06".into()),
                blocks: vec![
                    Block::paragraph(format!("The body of {title}.")),
                    Block::new(BlockKind::Preformatted, "line one\nline two"),
                    Block::new(BlockKind::Caption, ""),
                ],
                ..Article::default()
            },
            figures: vec![Figure {
                text: "5%".into(),
                kind: FigureKind::Percent,
                value: Some(5.0),
                unit: None,
                span: Span {
                    block: 0,
                    start: 0,
                    end: 2,
                },
            }],
            ..Story::default()
        }
    }

    fn new_story(title: &str) -> NewStory {
        let original = format!("{title}\n\nThe body of {title}.").into_bytes();
        NewStory::new(original, story(title))
    }

    fn titles(lib: &Library) -> Vec<String> {
        let cat = lib.catalog().unwrap();
        cat.entries().iter().map(|e| e.title.clone()).collect()
    }

    #[test]
    fn same_bytes_twice_are_one_story_and_come_back_whole() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        let out = lib.add(vec![new_story("One"), new_story("One")]).unwrap();
        assert!(matches!(out[0], AddOutcome::Added { .. }));
        assert!(matches!(out[1], AddOutcome::Duplicate { .. }));
        let again = lib.add(vec![new_story("One"), new_story("Two")]).unwrap();
        assert!(matches!(again[0], AddOutcome::Duplicate { .. }));
        assert!(matches!(again[1], AddOutcome::Added { .. }));
        assert_eq!(titles(&lib), ["One", "Two"]);
        let id = new_story("One").id;
        assert_eq!(lib.load_original(&id).unwrap(), b"One\n\nThe body of One.");
        assert_eq!(lib.load_story(&id).unwrap(), story("One"));
        let e = lib.entry(&id).unwrap();
        assert_eq!(e.published.as_deref(), Some("2024-05-06"));
        assert!(e.added_at > 1_600_000_000, "added_at is the import time");
    }

    #[test]
    fn a_page_gzipped_and_plain_is_one_story() {
        use flate2::{Compression, write::GzEncoder};
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        let plain = new_story("Zipped");
        let mut enc = GzEncoder::new(Vec::new(), Compression::default());
        enc.write_all(&plain.original).unwrap();
        let gz = enc.finish().unwrap();
        assert_eq!(crate::library::story_id(&gz), plain.id);
        let zipped = NewStory {
            id: crate::library::story_id(&gz),
            original: gz.clone(),
            story: story("Zipped"),
        };
        lib.add(vec![zipped]).unwrap();
        let out = lib.add(vec![plain.clone()]).unwrap();
        assert!(matches!(out[0], AddOutcome::Duplicate { .. }));
        // The original is kept byte for byte: the gzip file as it came.
        assert_eq!(lib.load_original(&plain.id).unwrap(), gz);
    }

    #[test]
    fn a_missing_library_is_empty_and_left_uncreated() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("nowhere");
        let lib = Library::open(&root).unwrap();
        assert!(lib.catalog().unwrap().is_empty());
        assert!(lib.search("anything").unwrap().is_empty());
        assert_eq!(lib.change_token().unwrap(), 0);
        assert!(matches!(
            lib.resolve_id("ab"),
            Err(LibraryError::NotFound(_))
        ));
        assert!(!root.exists());
    }

    #[test]
    fn position_and_read_state_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        lib.add(vec![new_story("A")]).unwrap();
        let id = new_story("A").id;
        let pos = Position {
            block: 3,
            offset: 17,
        };
        lib.set_position(&id, pos, 50).unwrap();
        let e = lib.entry(&id).unwrap();
        assert_eq!((e.position, e.percent_read, e.read), (pos, 50, false));
        lib.set_position(&id, pos, 200).unwrap();
        let e = lib.entry(&id).unwrap();
        assert_eq!((e.percent_read, e.read), (100, true));
        lib.set_read(&id, false).unwrap();
        assert!(!lib.entry(&id).unwrap().read);
        assert!(matches!(
            lib.set_position("nope", pos, 1),
            Err(LibraryError::NotFound(_))
        ));
        assert!(matches!(
            lib.set_read("nope", true),
            Err(LibraryError::NotFound(_))
        ));
    }

    #[test]
    fn remove_deletes_rows_and_original_and_moves_the_token() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        lib.add(vec![new_story("A"), new_story("B")]).unwrap();
        let token = lib.change_token().unwrap();
        let a = new_story("A").id;
        lib.set_position(&a, Position::default(), 10).unwrap();
        assert_eq!(
            lib.change_token().unwrap(),
            token,
            "reading state is no change"
        );
        // Another handle (its own connections, as another process) sees it.
        let other = Library::open(dir.path()).unwrap();
        assert_eq!(other.change_token().unwrap(), token);
        assert_eq!(lib.remove(&a).unwrap().title, "A");
        assert_ne!(other.change_token().unwrap(), token);
        let token = other.change_token().unwrap();
        other.add(vec![new_story("C")]).unwrap();
        assert_ne!(lib.change_token().unwrap(), token);
        assert_eq!(titles(&lib), ["B", "C"]);
        assert!(lib.load_original(&a).is_err());
        assert!(matches!(lib.load_story(&a), Err(LibraryError::NotFound(_))));
        assert!(matches!(lib.remove(&a), Err(LibraryError::NotFound(_))));
        // Removed bytes can come back.
        let out = lib.add(vec![new_story("A")]).unwrap();
        assert!(matches!(out[0], AddOutcome::Added { .. }));
    }

    #[test]
    fn ids_resolve_by_unique_prefix() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        lib.add(vec![new_story("A"), new_story("B")]).unwrap();
        let id = new_story("A").id;
        assert_eq!(lib.resolve_id(&id[..5]).unwrap(), id);
        assert_eq!(lib.resolve_id(&id).unwrap(), id);
        assert!(matches!(
            lib.resolve_id(""),
            Err(LibraryError::Ambiguous(_))
        ));
        assert!(matches!(
            lib.resolve_id("zz"),
            Err(LibraryError::NotFound(_))
        ));
    }

    #[test]
    fn a_damaged_database_says_so_and_reindex_rebuilds_it() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        lib.add(vec![new_story("A"), new_story("B")]).unwrap();
        drop(lib);
        let db = dir.path().join(DB_FILE);
        let _ = fs::remove_file(dir.path().join(format!("{DB_FILE}-wal")));
        let _ = fs::remove_file(dir.path().join(format!("{DB_FILE}-shm")));
        fs::write(&db, b"this is not a database, it was overwritten").unwrap();
        let lib = Library::open(dir.path()).unwrap();
        let err = lib.catalog().unwrap_err().to_string();
        assert!(
            err.contains("damaged") && err.contains("lede reindex"),
            "{err}"
        );
        let failures = lib
            .reindex(
                |_, _| Vec::new(),
                |bytes, _, _| -> Result<Story, String> {
                    let text = String::from_utf8_lossy(bytes);
                    Ok(story(text.lines().next().unwrap_or("")))
                },
                |_, _| {},
            )
            .unwrap();
        assert!(failures.is_empty());
        let mut got = titles(&lib);
        got.sort();
        assert_eq!(got, ["A", "B"]);
        assert!(dir.path().join(format!("{DB_FILE}.damaged")).exists());
    }

    #[test]
    fn reindex_refreshes_stories_keeps_state_and_names_failures() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        lib.add(vec![new_story("A"), new_story("B")]).unwrap();
        let a = new_story("A").id;
        lib.set_position(&a, Position::default(), 30).unwrap();
        let token = lib.change_token().unwrap();
        let mut calls = Vec::new();
        let failures = lib
            .reindex(
                |_, _| Vec::new(),
                |bytes, _, _| {
                    let text = String::from_utf8_lossy(bytes);
                    match text.lines().next() {
                        Some("B") => Err("cannot"),
                        other => Ok(story(&format!("{} again", other.unwrap_or("")))),
                    }
                },
                |done, total| calls.push((done, total)),
            )
            .unwrap();
        assert_eq!(failures, [(new_story("B").id, "cannot".to_string())]);
        assert_eq!(calls.last(), Some(&(2, 2)));
        assert_eq!(titles(&lib), ["A again", "B"]);
        assert_eq!(lib.entry(&a).unwrap().percent_read, 30);
        assert_eq!(lib.load_story(&a).unwrap().article.title, "A again");
        assert_eq!(lib.search("again").unwrap().len(), 1);
        assert_ne!(lib.change_token().unwrap(), token);
        assert!(!dir.path().join(format!("{DB_FILE}.rebuild")).exists());
    }
}
