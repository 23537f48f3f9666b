//! Files, atomic writes and the writer lock.

use super::catalog::{Catalog, CatalogEntry, Compact, Position};
use super::index::{self, IndexEntry, IndexFiles};
use crate::article::Story;
use rayon::prelude::*;
use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddOutcome {
    Added { id: String, title: String },
    Duplicate { id: String, title: String },
}

/// What reading the catalog file found.
enum CatalogRead {
    Fine(Catalog),
    /// Missing while stories exist, or unreadable lines: the good lines are
    /// kept so that a repair loses no reading state it can save.
    Damaged(Vec<CatalogEntry>),
}

/// Stories on disk but not yet in the catalog, in the order given.
#[derive(Debug, Default)]
pub struct Staged {
    items: Vec<StagedItem>,
    /// Their search records, appended to the index files but not yet in its table.
    index: Vec<IndexEntry>,
}

#[derive(Debug)]
enum StagedItem {
    /// Already in the library when staged.
    Known(AddOutcome),
    New(CatalogEntry),
}

impl StagedItem {
    fn known(self) -> Option<AddOutcome> {
        match self {
            StagedItem::Known(o) => Some(o),
            StagedItem::New(_) => None,
        }
    }
}

impl Staged {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Join another batch after this one.
    pub fn append(&mut self, mut other: Staged) {
        self.items.append(&mut other.items);
        self.index.append(&mut other.index);
    }
}

/// A library folder. Cheap to create; every call reads what it needs.
#[derive(Debug, Clone)]
pub struct Library {
    root: PathBuf,
    /// Whether writes are synced to disk (see `without_sync`).
    sync: bool,
}

impl Library {
    /// The library at `root`. Nothing is created until the first write, so
    /// listing a library that does not exist yet leaves no trace.
    pub fn open(root: impl Into<PathBuf>) -> Result<Self, LibraryError> {
        Ok(Library {
            root: root.into(),
            sync: true,
        })
    }

    /// The same library with no fsync at all: for generating test and
    /// benchmark libraries quickly. A crash may then lose or tear any file.
    pub fn without_sync(mut self) -> Self {
        self.sync = false;
        self
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn catalog_path(&self) -> PathBuf {
        self.root.join(CATALOG)
    }

    fn stories_dir(&self) -> PathBuf {
        self.root.join("stories")
    }

    fn story_path(&self, id: &str) -> PathBuf {
        self.stories_dir().join(format!("{id}.json"))
    }

    fn original_path(&self, id: &str) -> PathBuf {
        self.root.join("originals").join(id)
    }

    /// Make the library's folders (every writer calls this first).
    fn ensure_dirs(&self) -> Result<(), LibraryError> {
        for dir in [self.root.join("originals"), self.stories_dir()] {
            fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        }
        Ok(())
    }

    /// The catalog alone: listing never opens a story file. A damaged
    /// catalog is rebuilt from the story files, never silently emptied.
    pub fn catalog(&self) -> Result<Catalog, LibraryError> {
        match self.read_catalog()? {
            CatalogRead::Fine(cat) => Ok(cat),
            // Another writer may have repaired it while we waited for the lock.
            CatalogRead::Damaged(_) => self.with_lock(Self::catalog_locked),
        }
    }

    fn read_catalog(&self) -> Result<CatalogRead, LibraryError> {
        let path = self.catalog_path();
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == ErrorKind::NotFound => {
                // No catalog yet: fine when there are no stories either.
                return Ok(if self.has_story_files()? {
                    CatalogRead::Damaged(Vec::new())
                } else {
                    CatalogRead::Fine(Catalog::default())
                });
            }
            Err(e) => return Err(io_err(&path)(e)),
        };
        let mut lines = bytes.split(|&b| b == b'\n');
        let header_ok = lines
            .next()
            .is_some_and(|l| l.trim_ascii() == CATALOG_HEADER.as_bytes());
        let lines: Vec<&[u8]> = lines.filter(|l| !l.trim_ascii().is_empty()).collect();
        // Lines parse on every core: opening a big library waits on this.
        let parsed: Vec<Option<CatalogEntry>> = lines
            .par_iter()
            .with_min_len(2048)
            .map(|line| serde_json::from_slice::<CatalogEntry>(line).ok())
            .collect();
        let damaged = !header_ok || parsed.iter().any(Option::is_none);
        let entries: Vec<CatalogEntry> = parsed.into_iter().flatten().collect();
        if damaged {
            // A header-less file holds nothing to trust but parsable lines.
            return Ok(CatalogRead::Damaged(entries));
        }
        Ok(CatalogRead::Fine(Catalog::from_lines(entries)))
    }

    fn has_story_files(&self) -> Result<bool, LibraryError> {
        let dir = self.stories_dir();
        match fs::read_dir(&dir) {
            Ok(mut it) => {
                Ok(it.any(|e| e.is_ok_and(|e| e.path().extension().is_some_and(|x| x == "json"))))
            }
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(false),
            Err(e) => Err(io_err(&dir)(e)),
        }
    }

    /// Read the catalog while holding the lock, repairing it when damaged:
    /// the damaged file is kept beside it as `catalog.jsonl.damaged`.
    pub(super) fn catalog_locked(&self) -> Result<Catalog, LibraryError> {
        let salvaged = match self.read_catalog()? {
            CatalogRead::Fine(cat) => return Ok(cat),
            CatalogRead::Damaged(salvaged) => salvaged,
        };
        let path = self.catalog_path();
        if path.exists() {
            let keep = self.root.join(format!("{CATALOG}.damaged"));
            fs::copy(&path, &keep).map_err(io_err(&keep))?;
        }
        let saved = Catalog::from_entries(salvaged);
        let mut cat = self.rebuild_catalog()?;
        cat.update_each(|id, entry| {
            if let Some(old) = saved.get(id) {
                entry.added_at = old.added_at;
                entry.source = old.source.clone().or(entry.source.take());
                entry.position = old.position;
                entry.percent_read = old.percent_read;
                entry.read = old.read;
            }
        });
        cat.sort_by_added();
        self.write_catalog(&cat)?;
        Ok(cat)
    }

    fn write_catalog(&self, cat: &Catalog) -> Result<(), LibraryError> {
        let mut buf = Vec::with_capacity(cat.len() * 256 + 32);
        buf.extend_from_slice(CATALOG_HEADER.as_bytes());
        buf.push(b'\n');
        for e in cat.entries() {
            // CatalogEntry holds only strings and numbers: serialising cannot fail.
            if serde_json::to_writer(&mut buf, &Compact(e)).is_ok() {
                buf.push(b'\n');
            }
        }
        write_atomic(&self.catalog_path(), &buf, self.sync)
    }

    /// Rebuild the catalog from the story files (keeps no reading state).
    fn rebuild_catalog(&self) -> Result<Catalog, LibraryError> {
        let dir = self.stories_dir();
        let mut cat = Catalog::default();
        let mut names: Vec<_> = match fs::read_dir(&dir) {
            Ok(it) => it.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
            Err(e) if e.kind() == ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(io_err(&dir)(e)),
        };
        names.retain(|p| p.extension().is_some_and(|x| x == "json"));
        names.sort();
        for path in names {
            let Some(id) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            // A damaged story file stays on disk but out of the list.
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
    pub(super) fn with_lock<T>(
        &self,
        f: impl FnOnce(&Self) -> Result<T, LibraryError>,
    ) -> Result<T, LibraryError> {
        self.ensure_dirs()?;
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

    /// Store a batch of stories: `stage` then `commit`. The same bytes
    /// twice are one story. Outcomes come in the order of the batch.
    pub fn add(&self, batch: Vec<NewStory>) -> Result<Vec<AddOutcome>, LibraryError> {
        let known = self.catalog()?;
        let staged = self.stage(&known, batch)?;
        self.commit(staged)
    }

    /// Write the originals and story files of the stories `known` does not
    /// hold, keeping only their small catalog entries for `commit`. Big
    /// imports stage many batches and commit them at once, so the catalog
    /// is rewritten seldom and the originals leave memory early.
    pub fn stage(&self, known: &Catalog, batch: Vec<NewStory>) -> Result<Staged, LibraryError> {
        self.ensure_catalog_file()?;
        let mut staged = Staged::default();
        let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
        let mut searchable = Vec::new();
        for item in batch {
            if let Some(e) = known.get(&item.id) {
                staged.items.push(StagedItem::Known(AddOutcome::Duplicate {
                    id: item.id,
                    title: e.title.clone(),
                }));
                continue;
            }
            let json = self.story_json(&item.id, &item.story)?;
            files.push((self.story_path(&item.id), json));
            let entry = CatalogEntry::from_story(&item.id, &item.story, 0);
            files.push((self.original_path(&item.id), item.original));
            searchable.push((item.id, item.story, index::stamp(&entry)));
            staged.items.push(StagedItem::New(entry));
        }
        write_all_atomic(&files, self.sync)?;
        drop(files);
        let records: Vec<(&str, &Story, u64)> = searchable
            .iter()
            .map(|(id, s, st)| (id.as_str(), s, *st))
            .collect();
        staged.index = self.with_lock(|lib| lib.index_files().append(&records))?;
        Ok(staged)
    }

    /// Put staged stories in the catalog: one catalog write under the lock.
    /// A story is reported added only once the catalog naming it is on disk.
    pub fn commit(&self, staged: Staged) -> Result<Vec<AddOutcome>, LibraryError> {
        if !staged.items.iter().any(|i| matches!(i, StagedItem::New(_))) {
            return Ok(staged
                .items
                .into_iter()
                .filter_map(StagedItem::known)
                .collect());
        }
        let now = unix_secs(SystemTime::now());
        self.with_lock(|lib| {
            let mut cat = lib.catalog_locked()?;
            let mut outcomes = Vec::with_capacity(staged.items.len());
            for item in staged.items {
                outcomes.push(match item {
                    StagedItem::Known(outcome) => outcome,
                    StagedItem::New(mut entry) => {
                        let (id, title) = (entry.id.clone(), entry.title.clone());
                        if cat.contains(&id) {
                            AddOutcome::Duplicate { id, title }
                        } else {
                            entry.added_at = now;
                            cat.upsert(entry);
                            AddOutcome::Added { id, title }
                        }
                    }
                });
            }
            lib.write_index_table(&cat, staged.index)?;
            lib.write_catalog(&cat)?;
            Ok(outcomes)
        })
    }

    pub(super) fn index_files(&self) -> IndexFiles {
        IndexFiles::new(&self.root, self.sync)
    }

    /// Under the lock, before the catalog: the index table names the
    /// catalog's stories, with `fresh` records replacing older ones.
    fn write_index_table(&self, cat: &Catalog, fresh: Vec<IndexEntry>) -> Result<(), LibraryError> {
        let files = self.index_files();
        let old = match files.read_table()? {
            index::TableRead::Fine(old) => old,
            // The next search notices the stories it lacks and adds them.
            index::TableRead::Damaged => Vec::new(),
        };
        let merged = files.compact(index::merge(old, fresh, cat))?;
        files.write_table(&merged)
    }

    /// Story files without a catalog mean a lost catalog, so a new library
    /// gets its (empty) catalog before its first story file.
    fn ensure_catalog_file(&self) -> Result<(), LibraryError> {
        if self.catalog_path().exists() {
            return Ok(());
        }
        self.with_lock(|lib| {
            let cat = lib.catalog_locked()?;
            if lib.catalog_path().exists() {
                return Ok(());
            }
            lib.write_catalog(&cat)
        })
    }

    fn story_json(&self, id: &str, story: &Story) -> Result<Vec<u8>, LibraryError> {
        serde_json::to_vec(story).map_err(|source| LibraryError::BadStory {
            path: self.story_path(id),
            source,
        })
    }

    /// The unique catalog id that starts with `prefix`.
    pub fn resolve_id(&self, prefix: &str) -> Result<String, LibraryError> {
        let cat = self.catalog()?;
        if cat.contains(prefix) {
            return Ok(prefix.to_string());
        }
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
            Err(e) if e.kind() == ErrorKind::NotFound => {
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
            let mut cat = lib.catalog_locked()?;
            let gone = cat
                .remove(id)
                .ok_or_else(|| LibraryError::NotFound(id.to_string()))?;
            lib.write_catalog(&cat)?;
            lib.write_index_table(&cat, Vec::new())?;
            for path in [lib.story_path(id), lib.original_path(id)] {
                match fs::remove_file(&path) {
                    Ok(()) => {}
                    Err(e) if e.kind() == ErrorKind::NotFound => {}
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
            let mut cat = lib.catalog_locked()?;
            let entry = cat
                .get_mut(id)
                .ok_or_else(|| LibraryError::NotFound(id.to_string()))?;
            entry.position = position;
            entry.percent_read = percent_read.min(100);
            entry.read |= percent_read >= 95;
            lib.write_catalog(&cat)
        })
    }

    /// Re-extract every story from its kept original with `extract` (run in
    /// parallel), calling `progress(done, total)` as it goes. Returns (id,
    /// reason) for the stories that failed; they keep their old story.
    pub fn reindex<E: std::fmt::Display>(
        &self,
        extract: impl Fn(&[u8], Option<&str>) -> Result<Story, E> + Sync,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<Vec<(String, String)>, LibraryError> {
        let cat = self.catalog()?;
        let total = cat.len();
        let mut failures = Vec::new();
        let mut updated = Vec::new();
        for chunk in cat.entries().chunks(REINDEX_CHUNK) {
            let results: Vec<Result<Story, String>> = chunk
                .par_iter()
                .map(|entry| {
                    let bytes = self.load_original(&entry.id).map_err(|e| e.to_string())?;
                    extract(&bytes, entry.source.as_deref()).map_err(|e| e.to_string())
                })
                .collect();
            let mut files = Vec::new();
            for (entry, result) in chunk.iter().zip(results) {
                match result {
                    Ok(story) => {
                        files.push((
                            self.story_path(&entry.id),
                            self.story_json(&entry.id, &story)?,
                        ));
                        // Only the small catalog entry is kept for the end.
                        updated.push(CatalogEntry::from_story(&entry.id, &story, 0));
                    }
                    Err(e) => failures.push((entry.id.clone(), e)),
                }
            }
            write_all_atomic(&files, self.sync)?;
            progress(updated.len() + failures.len(), total);
        }
        if updated.is_empty() {
            return Ok(failures);
        }
        self.with_lock(|lib| {
            let mut cat = lib.catalog_locked()?;
            for fresh in updated {
                if let Some(e) = cat.get_mut(&fresh.id) {
                    e.refresh_with(fresh);
                }
            }
            lib.write_catalog(&cat)?;
            // Every story file changed: the index is written anew.
            lib.rebuild_index(&cat).map(drop)
        })?;
        Ok(failures)
    }
}

/// Stories re-extracted between two progress reports.
const REINDEX_CHUNK: usize = 32;

fn unix_secs(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Write a file so that readers see the old bytes or the new, never half:
/// temp file in the same folder, fsync, rename, fsync the folder.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), LibraryError> {
    write_atomic(path, bytes, true)
}

/// `atomic_write`, with the fsyncs left out when `sync` is false.
pub(super) fn write_atomic(path: &Path, bytes: &[u8], sync: bool) -> Result<(), LibraryError> {
    replace_file(path, bytes, sync)?;
    if sync {
        sync_dir(&parent(path));
    }
    Ok(())
}

/// `atomic_write` for many files at once: the fsyncs overlap when issued
/// from several threads, and each folder is synced once at the end.
pub fn atomic_write_all(files: &[(PathBuf, impl AsRef<[u8]> + Sync)]) -> Result<(), LibraryError> {
    write_all_atomic(files, true)
}

fn write_all_atomic(
    files: &[(PathBuf, impl AsRef<[u8]> + Sync)],
    sync: bool,
) -> Result<(), LibraryError> {
    files
        .par_iter()
        .try_for_each(|(path, bytes)| replace_file(path, bytes.as_ref(), sync))?;
    if !sync {
        return Ok(());
    }
    let mut dirs: Vec<PathBuf> = files.iter().map(|(p, _)| parent(p)).collect();
    dirs.sort();
    dirs.dedup();
    for dir in dirs {
        sync_dir(&dir);
    }
    Ok(())
}

/// fsync one file's data.
pub(super) fn sync_file(file: &File, path: &Path) -> Result<(), LibraryError> {
    file.sync_data().map_err(io_err(path))
}

fn parent(path: &Path) -> PathBuf {
    path.parent().unwrap_or(Path::new(".")).to_path_buf()
}

/// Temp file beside `path`, written and synced, renamed over `path`.
fn replace_file(path: &Path, bytes: &[u8], sync: bool) -> Result<(), LibraryError> {
    let dir = parent(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .tempfile_in(&dir)
        .map_err(io_err(&dir))?;
    tmp.write_all(bytes).map_err(io_err(path))?;
    if sync {
        tmp.as_file().sync_data().map_err(io_err(path))?;
    }
    tmp.persist(path).map_err(|e| io_err(path)(e.error))?;
    Ok(())
}

/// Make a rename durable (best effort: not every platform can sync a folder).
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Block};

    fn story(title: &str) -> Story {
        Story {
            source: Some(format!("{title}.txt")),
            article: Article {
                title: title.to_string(),
                blocks: vec![Block::paragraph(format!("The body of {title}."))],
                ..Article::default()
            },
            ..Story::default()
        }
    }

    fn new_story(title: &str) -> NewStory {
        let original = format!("{title}\n\nThe body of {title}.").into_bytes();
        NewStory {
            id: crate::library::story_id(&original),
            original,
            story: story(title),
        }
    }

    fn titles(lib: &Library) -> Vec<String> {
        let cat = lib.catalog().unwrap();
        cat.entries().iter().map(|e| e.title.clone()).collect()
    }

    #[test]
    fn atomic_write_replaces_whole_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        atomic_write(&path, b"old").unwrap();
        atomic_write(&path, b"new bytes").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new bytes");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "a temp file was left behind");
        // A write that cannot happen names the path and touches nothing.
        let err = atomic_write(&dir.path().join("missing/f"), b"x").unwrap_err();
        assert!(err.to_string().contains("missing"), "{err}");
    }

    #[test]
    fn same_bytes_twice_are_one_story() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        let out = lib.add(vec![new_story("One"), new_story("One")]).unwrap();
        assert!(matches!(out[0], AddOutcome::Added { .. }));
        assert!(matches!(out[1], AddOutcome::Duplicate { .. }));
        let again = lib.add(vec![new_story("One"), new_story("Two")]).unwrap();
        assert!(matches!(again[0], AddOutcome::Duplicate { .. }));
        assert!(matches!(again[1], AddOutcome::Added { .. }));
        assert_eq!(titles(&lib), ["One", "Two"]);
        let id = crate::library::story_id(b"One\n\nThe body of One.");
        assert_eq!(lib.load_original(&id).unwrap(), b"One\n\nThe body of One.");
        assert_eq!(lib.load_story(&id).unwrap().article.title, "One");
    }

    #[test]
    fn staged_stories_are_listed_only_once_committed() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        let known = lib.catalog().unwrap();
        let mut staged = lib.stage(&known, vec![new_story("A")]).unwrap();
        staged.append(
            lib.stage(&known, vec![new_story("B"), new_story("A")])
                .unwrap(),
        );
        assert_eq!(staged.len(), 3);
        assert!(lib.catalog().unwrap().is_empty());
        let out = lib.commit(staged).unwrap();
        assert!(matches!(out[2], AddOutcome::Duplicate { .. }));
        assert_eq!(titles(&lib), ["A", "B"]);
        assert!(lib.catalog().unwrap().entries()[0].added_at > 0);
    }

    #[test]
    fn listing_reads_only_the_catalog() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        lib.add(vec![new_story("Real")]).unwrap();
        let mut cat = lib.catalog().unwrap();
        for n in 0..10_000 {
            let s = story(&format!("Story {n}"));
            cat.upsert(CatalogEntry::from_story(&format!("{n:016x}"), &s, n));
        }
        lib.write_catalog(&cat).unwrap();
        // No story file left to open: listing must still see every entry.
        fs::remove_dir_all(dir.path().join("stories")).unwrap();
        fs::remove_dir_all(dir.path().join("originals")).unwrap();
        let listed = lib.catalog().unwrap();
        assert_eq!(listed.len(), 10_001);
        assert_eq!(listed.entries()[10_000].title, "Story 9999");
        assert!(!dir.path().join("stories").exists());
    }

    #[test]
    fn a_missing_library_is_empty_and_left_uncreated() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("nowhere");
        let lib = Library::open(&root).unwrap();
        assert!(lib.catalog().unwrap().is_empty());
        assert!(!root.exists());
    }

    #[test]
    fn damaged_catalog_is_rebuilt_from_story_files() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        lib.add(vec![new_story("A"), new_story("B"), new_story("C")])
            .unwrap();
        let b = lib.resolve_id(&new_story("B").id).unwrap();
        let pos = Position {
            block: 0,
            offset: 4,
        };
        lib.set_position(&b, pos, 40).unwrap();
        let path = dir.path().join(CATALOG);
        let good = fs::read_to_string(&path).unwrap();

        // A garbled line: the others keep their reading state.
        let garbled = good.replacen("\"title\":\"A\"", "\"title\":", 1);
        fs::write(&path, garbled).unwrap();
        let mut got = titles(&lib);
        got.sort();
        assert_eq!(got, ["A", "B", "C"]);
        assert_eq!(lib.catalog().unwrap().get(&b).unwrap().position, pos);
        assert!(dir.path().join("catalog.jsonl.damaged").exists());

        // Emptied, truncated or deleted: never an empty library.
        for damage in ["", "{\"lede_catalog\":1}\n{\"id\":\"12", "not a catalog"] {
            fs::write(&path, damage).unwrap();
            assert_eq!(lib.catalog().unwrap().len(), 3, "after {damage:?}");
        }
        fs::remove_file(&path).unwrap();
        assert_eq!(lib.catalog().unwrap().len(), 3);
        // The repair was written back.
        assert!(
            fs::read_to_string(&path)
                .unwrap()
                .starts_with(CATALOG_HEADER)
        );
    }

    #[test]
    fn position_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        lib.add(vec![new_story("A")]).unwrap();
        let id = new_story("A").id;
        let pos = Position {
            block: 3,
            offset: 17,
        };
        lib.set_position(&id, pos, 50).unwrap();
        let e = lib.catalog().unwrap().get(&id).cloned().unwrap();
        assert_eq!((e.position, e.percent_read, e.read), (pos, 50, false));
        lib.set_position(&id, pos, 200).unwrap();
        let e = lib.catalog().unwrap().get(&id).cloned().unwrap();
        assert_eq!((e.percent_read, e.read), (100, true));
        assert!(matches!(
            lib.set_position("nope", pos, 1),
            Err(LibraryError::NotFound(_))
        ));
    }

    #[test]
    fn remove_deletes_entry_and_files() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        lib.add(vec![new_story("A"), new_story("B")]).unwrap();
        let a = new_story("A").id;
        assert_eq!(lib.remove(&a).unwrap().title, "A");
        assert_eq!(titles(&lib), ["B"]);
        assert!(!lib.story_path(&a).exists());
        assert!(!lib.original_path(&a).exists());
        assert!(matches!(lib.remove(&a), Err(LibraryError::NotFound(_))));
        // Removed bytes can come back.
        let out = lib.add(vec![new_story("A")]).unwrap();
        assert!(matches!(out[0], AddOutcome::Added { .. }));
    }

    #[test]
    fn ids_resolve_by_unique_prefix() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        lib.add(vec![new_story("A")]).unwrap();
        let id = new_story("A").id;
        assert_eq!(lib.resolve_id(&id[..5]).unwrap(), id);
        assert!(matches!(
            lib.resolve_id("zz"),
            Err(LibraryError::NotFound(_))
        ));
    }

    #[test]
    fn reindex_refreshes_stories_and_names_failures() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        lib.add(vec![new_story("A"), new_story("B")]).unwrap();
        let a = new_story("A").id;
        lib.set_position(&a, Position::default(), 30).unwrap();
        let mut calls = Vec::new();
        let failures = lib
            .reindex(
                |bytes, _| {
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
        let cat = lib.catalog().unwrap();
        assert_eq!(cat.get(&a).unwrap().title, "A again");
        assert_eq!(cat.get(&a).unwrap().percent_read, 30);
        assert_eq!(lib.load_story(&a).unwrap().article.title, "A again");
    }
}
