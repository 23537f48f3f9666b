//! Libraries of the old format (before the database): `catalog.jsonl`,
//! `stories/<id>.json`, `originals/<id>`, `furniture.jsonl`, `search/`.
//! They are moved into the database on first open, in one transaction,
//! counted and checked before it commits; the old files are removed only
//! after. The originals stay where they are: the new format reads them.

use super::db::{DB_FILE, db_err};
use super::entry::CatalogEntry;
use super::furniture::{FurnitureRecord, insert_records};
use super::store::{Library, LibraryError, index_new, insert_story, last_sid, unix_secs};
use crate::article::Story;
use rayon::prelude::*;
use rusqlite::{OptionalExtension, TransactionBehavior, params};
use std::collections::HashMap;
use std::fs;
use std::path::Path;

const CATALOG: &str = "catalog.jsonl";
const CATALOG_HEADER: &str = "{\"lede_catalog\":1}";
/// Files and folders of the old format, removed once migrated (not originals/).
const OLD_FILES: &[&str] = &[
    CATALOG,
    "catalog.jsonl.damaged",
    "stories",
    "search",
    "furniture.jsonl",
    "lock",
];

fn is_old(root: &Path) -> bool {
    root.join(CATALOG).exists() || root.join("stories").is_dir()
}

/// Migrate the library at `lib` if it is in the old format.
pub(super) fn migrate_if_old(lib: &Library) -> Result<(), LibraryError> {
    let root = lib.root();
    if !is_old(root) {
        return Ok(());
    }
    let existed = root.join(DB_FILE).exists();
    let fail = |reason: String| LibraryError::Migration {
        path: root.to_path_buf(),
        reason,
    };
    let result = (|| {
        let mut conn = lib.writer()?;
        let db_path = conn.path.clone();
        let err = db_err(&db_path);
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&err)?;
        // Another process, or a run that crashed before removing the old
        // files, may have migrated already.
        let done: Option<i64> = tx
            .query_row(
                "SELECT value FROM meta WHERE key = 'legacy_migrated'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(&err)?;
        if done.is_none() {
            let count = import(root, &tx).map_err(fail)?;
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('legacy_migrated', ?1)",
                [count],
            )
            .map_err(&err)?;
            tx.commit().map_err(&err)?;
        }
        Ok(())
    })();
    if let Err(e) = result {
        lib.pool().clear();
        if !existed {
            // Leave the folder as it was found.
            for suffix in ["", "-wal", "-shm"] {
                let _ = fs::remove_file(root.join(format!("{DB_FILE}{suffix}")));
            }
        }
        return Err(match e {
            LibraryError::Migration { .. } => e,
            other => fail(other.to_string()),
        });
    }
    for name in OLD_FILES {
        let path = root.join(name);
        let _ = if path.is_dir() {
            fs::remove_dir_all(&path)
        } else {
            fs::remove_file(&path)
        };
    }
    Ok(())
}

/// Read the old files and insert every story; returns how many. Any
/// story that cannot be read fails the whole migration, with its name.
fn import(root: &Path, tx: &rusqlite::Transaction) -> Result<usize, String> {
    let (catalog, catalog_whole) = read_catalog(root)?;
    let files = story_files(root)?;
    // A whole catalog says which stories the library held (story files
    // beyond it were never committed); a damaged one is completed from them.
    let mut ids: Vec<String> = catalog.iter().map(|e| e.id.clone()).collect();
    if !catalog_whole {
        let mut listed: std::collections::HashSet<String> = ids.iter().cloned().collect();
        for id in &files {
            if listed.insert(id.clone()) {
                ids.push(id.clone());
            }
        }
    }
    let by_id: HashMap<&str, &CatalogEntry> = catalog.iter().map(|e| (e.id.as_str(), e)).collect();
    let stories_dir = root.join("stories");
    let err = |e: rusqlite::Error| format!("{DB_FILE}: {e}");
    let before = last_sid(tx).map_err(err)?;
    for chunk in ids.chunks(512) {
        let stories: Vec<Result<Story, String>> = chunk
            .par_iter()
            .map(|id| {
                let path = stories_dir.join(format!("{id}.json"));
                let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                serde_json::from_slice(&bytes)
                    .map_err(|e| format!("{}: damaged story file: {e}", path.display()))
            })
            .collect();
        for (id, story) in chunk.iter().zip(stories) {
            let mut story = story?;
            let entry = by_id.get(id.as_str());
            let added_at = match entry {
                Some(e) => e.added_at,
                None => fs::metadata(stories_dir.join(format!("{id}.json")))
                    .and_then(|m| m.modified())
                    .map(unix_secs)
                    .unwrap_or(0),
            };
            if let Some(e) = entry {
                story.source = story.source.take().or(e.source.clone());
            }
            if !insert_story(tx, id, &story, added_at).map_err(err)? {
                continue;
            }
            if let Some(e) = entry {
                tx.execute(
                    "UPDATE stories SET pos_block = ?2, pos_offset = ?3, percent_read = ?4, read = ?5 \
                     WHERE id = ?1",
                    params![id, e.position.block, e.position.offset, e.percent_read.min(100), e.read],
                )
                .map_err(err)?;
            }
        }
    }
    index_new(tx, before).map_err(err)?;
    insert_records(tx, &read_furniture(root)).map_err(err)?;
    // Counted and checked: every story found is in the database.
    let count: usize = tx
        .query_row("SELECT count(*) FROM stories", [], |r| r.get(0))
        .map_err(err)?;
    if count != ids.len() {
        return Err(format!(
            "{} stories found but {count} landed in the database",
            ids.len()
        ));
    }
    Ok(count)
}

/// The catalog's entries (later lines win) and whether it was whole.
fn read_catalog(root: &Path) -> Result<(Vec<CatalogEntry>, bool), String> {
    let path = root.join(CATALOG);
    let bytes = match fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((Vec::new(), false)),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let mut lines = bytes.split(|&b| b == b'\n');
    let mut whole = lines
        .next()
        .is_some_and(|l| l.trim_ascii() == CATALOG_HEADER.as_bytes());
    let mut entries: Vec<CatalogEntry> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for line in lines.filter(|l| !l.trim_ascii().is_empty()) {
        match serde_json::from_slice::<CatalogEntry>(line) {
            Ok(e) if valid_id(&e.id) => match at.get(&e.id) {
                Some(&i) => entries[i] = e,
                None => {
                    at.insert(e.id.clone(), entries.len());
                    entries.push(e);
                }
            },
            _ => whole = false,
        }
    }
    Ok((entries, whole))
}

/// Ids of the story files, in name order.
fn story_files(root: &Path) -> Result<Vec<String>, String> {
    let dir = root.join("stories");
    let read = match fs::read_dir(&dir) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("{}: {e}", dir.display())),
    };
    let mut ids: Vec<String> = read
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let id = name.strip_suffix(".json")?;
            valid_id(id).then(|| id.to_string())
        })
        .collect();
    ids.sort();
    Ok(ids)
}

/// Ids are hex digests: anything else is not a story of ours (and never
/// becomes a file name).
fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

fn read_furniture(root: &Path) -> Vec<FurnitureRecord> {
    fs::read_to_string(root.join("furniture.jsonl"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

/// Writing libraries of the old format, for tests and benchmarks: the
/// files as the previous code wrote them, with no code of it left.
#[doc(hidden)]
pub mod fixture {
    use super::*;
    use crate::library::Position;

    /// One story of an old library, with its reading state.
    pub struct OldStory {
        pub original: Vec<u8>,
        pub story: Story,
        pub added_at: u64,
        pub position: Position,
        pub percent_read: u8,
        pub read: bool,
    }

    /// Write an old-format library at `root`; returns the ids, in order.
    pub fn write_old_library(
        root: &Path,
        stories: &[OldStory],
        furniture: &[FurnitureRecord],
    ) -> std::io::Result<Vec<String>> {
        for dir in ["stories", "originals", "search"] {
            fs::create_dir_all(root.join(dir))?;
        }
        let mut catalog = format!("{CATALOG_HEADER}\n");
        let mut ids = Vec::new();
        for s in stories {
            let id = crate::library::story_id(&s.original);
            fs::write(root.join("originals").join(&id), &s.original)?;
            fs::write(
                root.join("stories").join(format!("{id}.json")),
                serde_json::to_vec(&s.story)?,
            )?;
            let mut entry = CatalogEntry::from_story(&id, &s.story, s.added_at);
            entry.position = s.position;
            entry.percent_read = s.percent_read;
            entry.read = s.read;
            catalog.push_str(&compact_line(&entry)?);
            catalog.push('\n');
            ids.push(id);
        }
        fs::write(root.join(CATALOG), catalog)?;
        let mut lines = String::new();
        for r in furniture {
            lines.push_str(&serde_json::to_string(r)?);
            lines.push('\n');
        }
        fs::write(root.join("furniture.jsonl"), lines)?;
        fs::write(root.join("search").join("table"), b"LEDEIX01")?;
        fs::write(root.join("lock"), b"")?;
        Ok(ids)
    }

    /// A catalog line as the old code wrote it: fields at their default left out.
    fn compact_line(e: &CatalogEntry) -> serde_json::Result<String> {
        let mut v = serde_json::to_value(e)?;
        if let Some(m) = v.as_object_mut() {
            m.retain(|_, v| !v.is_null());
            if e.position == Position::default() {
                m.remove("position");
            }
            if e.percent_read == 0 {
                m.remove("percent_read");
            }
            if !e.read {
                m.remove("read");
            }
        }
        serde_json::to_string(&v)
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::*;
    use super::*;
    use crate::article::{Article, Block, Quote, QuoteKind, Span};
    use crate::library::Position;

    fn old_story(n: usize) -> OldStory {
        let body = format!("Body of story {n}. “We will rebuild,” said Ada Venn.");
        OldStory {
            original: format!("Story {n}\n\n{body}").into_bytes(),
            story: Story {
                source: Some(format!("s{n}.txt")),
                article: Article {
                    title: format!("Story {n}"),
                    published: n.is_multiple_of(2).then(|| "2024-05-01".to_string()),
                    blocks: vec![Block::paragraph(body.clone())],
                    ..Article::default()
                },
                quotes: vec![Quote::new(
                    "We will rebuild,",
                    Some("Ada Venn"),
                    QuoteKind::Direct,
                    Span::of(0, &body, "We will rebuild,"),
                )],
                figures: Vec::new(),
            },
            added_at: 1_700_000_000 + n as u64,
            position: Position {
                block: 0,
                offset: n,
            },
            percent_read: (n * 10 % 101) as u8,
            read: n == 3,
        }
    }

    #[test]
    fn an_old_library_is_migrated_whole_and_its_old_files_go() {
        let dir = tempfile::tempdir().unwrap();
        let olds: Vec<OldStory> = (0..12).map(old_story).collect();
        let ids = write_old_library(dir.path(), &olds, &[]).unwrap();
        let lib = Library::open(dir.path()).unwrap();
        let cat = lib.catalog().unwrap();
        assert_eq!(cat.len(), 12);
        for (id, old) in ids.iter().zip(&olds) {
            let e = cat.get(id).unwrap();
            assert_eq!(e.added_at, old.added_at);
            assert_eq!(e.position, old.position);
            assert_eq!(e.percent_read, old.percent_read);
            assert_eq!(e.read, old.read);
            assert_eq!(e.published, old.story.article.published);
            assert_eq!(lib.load_story(id).unwrap(), old.story);
            assert_eq!(lib.load_original(id).unwrap(), old.original);
        }
        assert_eq!(lib.search("rebuild").unwrap().len(), 12);
        for name in OLD_FILES {
            assert!(!dir.path().join(name).exists(), "{name} left behind");
        }
        // Opening again changes nothing.
        assert_eq!(
            Library::open(dir.path()).unwrap().catalog().unwrap().len(),
            12
        );
    }

    #[test]
    fn a_failed_migration_leaves_the_old_library_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let olds: Vec<OldStory> = (0..5).map(old_story).collect();
        let ids = write_old_library(dir.path(), &olds, &[]).unwrap();
        let bad = dir.path().join("stories").join(format!("{}.json", ids[2]));
        fs::write(&bad, b"{\"title\": tor").unwrap();
        let before = snapshot(dir.path());
        let err = Library::open(dir.path()).unwrap_err().to_string();
        assert!(err.contains("old format") && err.contains(&ids[2]), "{err}");
        assert_eq!(snapshot(dir.path()), before);
        // Repaired, it migrates.
        fs::write(&bad, serde_json::to_vec(&olds[2].story).unwrap()).unwrap();
        assert_eq!(
            Library::open(dir.path()).unwrap().catalog().unwrap().len(),
            5
        );
    }

    #[test]
    fn a_damaged_catalog_is_completed_from_the_story_files() {
        let dir = tempfile::tempdir().unwrap();
        let olds: Vec<OldStory> = (0..4).map(old_story).collect();
        let ids = write_old_library(dir.path(), &olds, &[]).unwrap();
        let path = dir.path().join(CATALOG);
        let text = fs::read_to_string(&path).unwrap();
        let torn: String = text.lines().take(3).collect::<Vec<_>>().join("\n") + "\n{\"id\":\"12";
        fs::write(&path, torn).unwrap();
        let lib = Library::open(dir.path()).unwrap();
        let cat = lib.catalog().unwrap();
        assert_eq!(cat.len(), 4);
        assert_eq!(cat.get(&ids[1]).unwrap().position, olds[1].position);
    }

    fn snapshot(root: &Path) -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::new();
        let mut stack = vec![root.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    let name = p.strip_prefix(root).unwrap().display().to_string();
                    out.push((name, fs::read(&p).unwrap()));
                }
            }
        }
        out.sort();
        out
    }
}
