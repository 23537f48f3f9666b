//! Files, atomic writes and the writer lock.

use super::catalog::{Catalog, CatalogEntry, Position};
use crate::article::Story;
use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};
use thiserror::Error;

const CATALOG: &str = "catalog.jsonl";
const CATALOG_HEADER: &str = "{\"lede_catalog\":1}";

#[derive(Debug, Error)]
pub enum LibraryError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: damaged story file: {source}")]
    BadStory {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("no story with id {0}")]
    NotFound(String),
    #[error("the id {0} is ambiguous: type more of it")]
    Ambiguous(String),
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> LibraryError + '_ {
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddOutcome {
    Added { id: String, title: String },
    Duplicate { id: String, title: String },
}

/// A library folder. Cheap to create; every call reads what it needs.
#[derive(Debug, Clone)]
pub struct Library {
    root: PathBuf,
}

impl Library {
    /// Open (creating if needed) the library at `root`.
    pub fn open(root: impl Into<PathBuf>) -> Result<Self, LibraryError> {
        let root = root.into();
        for dir in [root.clone(), root.join("originals"), root.join("stories")] {
            fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        }
        Ok(Library { root })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn catalog_path(&self) -> PathBuf {
        self.root.join(CATALOG)
    }

    fn story_path(&self, id: &str) -> PathBuf {
        self.root.join("stories").join(format!("{id}.json"))
    }

    fn original_path(&self, id: &str) -> PathBuf {
        self.root.join("originals").join(id)
    }

    /// The catalog alone: listing never opens a story file. A damaged
    /// catalog is rebuilt from the story files, never silently emptied.
    pub fn catalog(&self) -> Result<Catalog, LibraryError> {
        match self.read_catalog()? {
            Some(cat) => Ok(cat),
            None => self.with_lock(|lib| {
                // Another writer may have repaired it while we waited.
                if let Some(cat) = lib.read_catalog()? {
                    return Ok(cat);
                }
                let cat = lib.rebuild_catalog()?;
                lib.write_catalog(&cat)?;
                Ok(cat)
            }),
        }
    }

    /// `Ok(None)` when the catalog is damaged.
    fn read_catalog(&self) -> Result<Option<Catalog>, LibraryError> {
        let path = self.catalog_path();
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                // No catalog yet: fine when there are no stories either.
                let any_story = fs::read_dir(self.root.join("stories"))
                    .map_err(io_err(&path))?
                    .next()
                    .is_some();
                return Ok((!any_story).then(Catalog::default));
            }
            Err(e) => return Err(io_err(&path)(e)),
        };
        let mut entries = Vec::new();
        for (n, line) in BufReader::new(file).lines().enumerate() {
            let line = line.map_err(io_err(&path))?;
            if n == 0 {
                if line != CATALOG_HEADER {
                    return Ok(None);
                }
                continue;
            }
            match serde_json::from_str::<CatalogEntry>(&line) {
                Ok(e) => entries.push(e),
                Err(_) => return Ok(None),
            }
        }
        Ok(Some(Catalog::from_entries(entries)))
    }

    fn write_catalog(&self, cat: &Catalog) -> Result<(), LibraryError> {
        let mut buf = Vec::with_capacity(cat.len() * 256 + 32);
        buf.extend_from_slice(CATALOG_HEADER.as_bytes());
        buf.push(b'\n');
        for e in cat.entries() {
            // CatalogEntry holds only strings and numbers: serialising cannot fail.
            if let Ok(line) = serde_json::to_vec(e) {
                buf.extend_from_slice(&line);
                buf.push(b'\n');
            }
        }
        atomic_write(&self.catalog_path(), &buf)
    }

    /// Rebuild the catalog from the story files (keeps no reading state).
    fn rebuild_catalog(&self) -> Result<Catalog, LibraryError> {
        let dir = self.root.join("stories");
        let mut cat = Catalog::default();
        let mut names: Vec<_> = fs::read_dir(&dir)
            .map_err(io_err(&dir))?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        names.sort();
        for path in names {
            let Some(id) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            let Ok(story) = self.load_story(id) else {
                continue;
            };
            let added = fs::metadata(&path)
                .and_then(|m| m.modified())
                .map(unix_secs)
                .unwrap_or(0);
            cat.upsert(CatalogEntry::from_story(id, &story, added));
        }
        Ok(cat)
    }

    /// Run `f` holding the library's writer lock (blocks for other writers).
    fn with_lock<T>(
        &self,
        f: impl FnOnce(&Self) -> Result<T, LibraryError>,
    ) -> Result<T, LibraryError> {
        let path = self.root.join("lock");
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io_err(&path))?;
        lock.lock().map_err(io_err(&path))?;
        let out = f(self);
        // Dropping the file releases the lock too; unlock early and ignore errors.
        let _ = lock.unlock();
        out
    }

    /// Store a batch of stories: originals and story files first, then one
    /// catalog write under the lock. A story is reported only once the
    /// catalog that names it is on disk.
    pub fn add(&self, batch: Vec<NewStory>) -> Result<Vec<AddOutcome>, LibraryError> {
        let known = self.catalog()?;
        let mut fresh = Vec::new();
        let mut outcomes = Vec::new();
        for item in batch {
            if let Some(e) = known.get(&item.id) {
                outcomes.push(AddOutcome::Duplicate {
                    id: item.id,
                    title: e.title.clone(),
                });
                continue;
            }
            atomic_write(&self.original_path(&item.id), &item.original)?;
            self.write_story(&item.id, &item.story)?;
            fresh.push(item);
        }
        if fresh.is_empty() {
            return Ok(outcomes);
        }
        let now = unix_secs(SystemTime::now());
        self.with_lock(|lib| {
            let mut cat = lib.catalog_unlocked()?;
            for item in fresh {
                let title = item.story.article.title.clone();
                if cat.contains(&item.id) {
                    outcomes.push(AddOutcome::Duplicate { id: item.id, title });
                } else {
                    cat.upsert(CatalogEntry::from_story(&item.id, &item.story, now));
                    outcomes.push(AddOutcome::Added { id: item.id, title });
                }
            }
            lib.write_catalog(&cat)
        })?;
        Ok(outcomes)
    }

    /// Read the catalog while already holding the lock (repairs in place).
    fn catalog_unlocked(&self) -> Result<Catalog, LibraryError> {
        match self.read_catalog()? {
            Some(c) => Ok(c),
            None => self.rebuild_catalog(),
        }
    }

    fn write_story(&self, id: &str, story: &Story) -> Result<(), LibraryError> {
        let path = self.story_path(id);
        let json = serde_json::to_vec(story).map_err(|source| LibraryError::BadStory {
            path: path.clone(),
            source,
        })?;
        atomic_write(&path, &json)
    }

    /// The unique catalog id that starts with `prefix`.
    pub fn resolve_id(&self, prefix: &str) -> Result<String, LibraryError> {
        let cat = self.catalog()?;
        match cat.find_prefix(prefix).as_slice() {
            [one] => Ok(one.id.clone()),
            [] => Err(LibraryError::NotFound(prefix.to_string())),
            _ => Err(LibraryError::Ambiguous(prefix.to_string())),
        }
    }

    pub fn load_story(&self, id: &str) -> Result<Story, LibraryError> {
        let path = self.story_path(id);
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(LibraryError::NotFound(id.to_string()));
            }
            Err(e) => return Err(io_err(&path)(e)),
        };
        serde_json::from_slice(&bytes).map_err(|source| LibraryError::BadStory { path, source })
    }

    pub fn load_original(&self, id: &str) -> Result<Vec<u8>, LibraryError> {
        let path = self.original_path(id);
        fs::read(&path).map_err(io_err(&path))
    }

    /// Remove a story and its files.
    pub fn remove(&self, id: &str) -> Result<CatalogEntry, LibraryError> {
        self.with_lock(|lib| {
            let mut cat = lib.catalog_unlocked()?;
            let gone = cat
                .remove(id)
                .ok_or_else(|| LibraryError::NotFound(id.to_string()))?;
            lib.write_catalog(&cat)?;
            for path in [lib.story_path(id), lib.original_path(id)] {
                match fs::remove_file(&path) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(io_err(&path)(e)),
                }
            }
            Ok(gone)
        })
    }

    /// Save where the reader is in a story.
    pub fn set_position(
        &self,
        id: &str,
        position: Position,
        percent_read: u8,
    ) -> Result<(), LibraryError> {
        self.with_lock(|lib| {
            let mut cat = lib.catalog_unlocked()?;
            let entry = cat
                .get_mut(id)
                .ok_or_else(|| LibraryError::NotFound(id.to_string()))?;
            entry.position = position;
            entry.percent_read = percent_read.min(100);
            entry.read |= percent_read >= 95;
            lib.write_catalog(&cat)
        })
    }

    /// Re-extract every story from its kept original with `extract`;
    /// returns (id, error) for the ones that failed (they keep their old story).
    pub fn reindex<E: std::fmt::Display>(
        &self,
        mut extract: impl FnMut(&str, &[u8], Option<&str>) -> Result<Story, E>,
    ) -> Result<Vec<(String, String)>, LibraryError> {
        let cat = self.catalog()?;
        let mut failures = Vec::new();
        let mut updated = Vec::new();
        for entry in cat.entries() {
            let result = self
                .load_original(&entry.id)
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    extract(&entry.id, &bytes, entry.source.as_deref()).map_err(|e| e.to_string())
                });
            match result {
                Ok(story) => {
                    self.write_story(&entry.id, &story)?;
                    updated.push((entry.id.clone(), story));
                }
                Err(e) => failures.push((entry.id.clone(), e)),
            }
        }
        self.with_lock(|lib| {
            let mut cat = lib.catalog_unlocked()?;
            for (id, story) in &updated {
                if let Some(e) = cat.get_mut(id) {
                    e.refresh_from(story);
                }
            }
            lib.write_catalog(&cat)
        })?;
        Ok(failures)
    }
}

fn unix_secs(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Write a file so that readers see the old bytes or the new, never half:
/// temp file in the same folder, fsync, rename, fsync the folder.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), LibraryError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .tempfile_in(dir)
        .map_err(io_err(dir))?;
    tmp.write_all(bytes).map_err(io_err(path))?;
    tmp.as_file().sync_all().map_err(io_err(path))?;
    tmp.persist(path).map_err(|e| io_err(path)(e.error))?;
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
