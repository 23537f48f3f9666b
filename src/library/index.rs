//! The search index on disk: every story's searchable text in two
//! append-only files with one small table of where each story's text is.
//!
//! ```text
//! ROOT/search/lower   folded text (see `fold`): what queries are matched against
//! ROOT/search/text    the same text as stored, at the same offsets: snippets
//! ROOT/search/table   per story: id, stamp, offset and section lengths; checksummed
//! ```
//!
//! A record is `id` then the sections joined by '\n'. Adding appends records
//! to both files (synced) and then replaces the table atomically, so a
//! crash leaves at worst unreferenced bytes at the end. Removing drops the
//! table entry; the bytes are reclaimed when garbage outweighs live text.
//! The table names a stamp of each story's catalog entry: a search checks
//! it against the catalog and re-indexes what disagrees, so a stale or
//! damaged index is repaired, never trusted.

use super::catalog::{Catalog, CatalogEntry};
use super::store::{LibraryError, io_err, sync_file, write_atomic};
use crate::article::Story;
use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
#[cfg(not(unix))]
use std::io::Read;
use std::io::{ErrorKind, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

const TABLE_MAGIC: &[u8; 8] = b"LEDEIX01";

/// The searchable parts of a story, in the order they are stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Title,
    Byline,
    Publisher,
    Speaker,
    Quote,
    Body,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Title,
        Field::Byline,
        Field::Publisher,
        Field::Speaker,
        Field::Quote,
        Field::Body,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Byline => "byline",
            Field::Publisher => "publisher",
            Field::Speaker => "speaker",
            Field::Quote => "quote",
            Field::Body => "body",
        }
    }
}

/// Where one story's record lies in the text files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexEntry {
    pub id: String,
    /// `stamp` of the catalog entry the record was made with.
    pub stamp: u64,
    /// Offset of the first section (just after the id).
    pub offset: u64,
    /// Byte length of each section, in `Field::ALL` order.
    pub lens: [u32; 6],
}

impl IndexEntry {
    /// Bytes of the sections with their '\n' separators.
    pub fn record_len(&self) -> u64 {
        self.lens.iter().map(|&l| u64::from(l)).sum::<u64>() + 5
    }

    /// Byte range of a section within the record.
    pub fn section(&self, field: Field) -> (usize, usize) {
        let mut start = 0usize;
        for (f, &len) in Field::ALL.iter().zip(&self.lens) {
            let end = start + len as usize;
            if *f == field {
                return (start, end);
            }
            start = end + 1;
        }
        (start, start)
    }
}

/// Case folding that keeps every byte offset: a character is lowercased
/// only when its lowercase is one character of the same UTF-8 length, so
/// an offset found in the folded text is valid in the original.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let mut low = c.to_lowercase();
        match (low.next(), low.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
    out
}

/// A fingerprint of what extraction put in a catalog entry (reading state
/// left out): the index is current for a story when the stamps agree.
pub fn stamp(e: &CatalogEntry) -> u64 {
    let mut h = Fnv::default();
    h.str(&e.title);
    for part in [&e.byline, &e.publisher, &e.published] {
        h.str(part.as_deref().unwrap_or("\u{0}"));
    }
    for n in [e.words, e.quotes, e.figures] {
        h.bytes(&(n as u64).to_le_bytes());
    }
    h.0
}

/// FNV-1a, 64 bits: stable across builds, enough to notice damage.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 = (self.0 ^ u64::from(x)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn str(&mut self, s: &str) {
        self.bytes(&(s.len() as u64).to_le_bytes());
        self.bytes(s.as_bytes());
    }
}

/// The searchable text of a story, one string per field.
pub fn sections(story: &Story) -> [String; 6] {
    let a = &story.article;
    let mut speakers: Vec<&str> = Vec::new();
    for q in &story.quotes {
        if let Some(s) = q.speaker.as_deref()
            && !speakers.contains(&s)
        {
            speakers.push(s);
        }
    }
    let quotes: Vec<&str> = story.quotes.iter().map(|q| q.text.as_str()).collect();
    let body: Vec<&str> = a
        .standfirst
        .iter()
        .map(String::as_str)
        .chain(a.blocks.iter().map(|b| b.text.as_str()))
        .collect();
    [
        a.title.clone(),
        a.byline.clone().unwrap_or_default(),
        a.publisher.clone().unwrap_or_default(),
        speakers.join("\n"),
        quotes.join("\n"),
        body.join("\n"),
    ]
}

/// The index files of a library.
#[derive(Debug, Clone)]
pub struct IndexFiles {
    dir: PathBuf,
    sync: bool,
}

/// What reading the table found.
pub enum TableRead {
    Fine(Vec<IndexEntry>),
    /// Missing, or not a table this build wrote whole.
    Damaged,
}

impl IndexFiles {
    pub fn new(root: &Path, sync: bool) -> Self {
        IndexFiles {
            dir: root.join("search"),
            sync,
        }
    }

    pub fn lower_path(&self) -> PathBuf {
        self.dir.join("lower")
    }

    pub fn text_path(&self) -> PathBuf {
        self.dir.join("text")
    }

    pub fn table_path(&self) -> PathBuf {
        self.dir.join("table")
    }

    pub fn read_table(&self) -> Result<TableRead, LibraryError> {
        let path = self.table_path();
        match fs::read(&path) {
            Ok(bytes) => Ok(parse_table(&bytes).map_or(TableRead::Damaged, TableRead::Fine)),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(TableRead::Damaged),
            Err(e) => Err(io_err(&path)(e)),
        }
    }

    pub fn write_table(&self, entries: &[IndexEntry]) -> Result<(), LibraryError> {
        fs::create_dir_all(&self.dir).map_err(io_err(&self.dir))?;
        write_atomic(&self.table_path(), &encode_table(entries), self.sync)
    }

    /// Append the records of `stories` to both text files and sync them.
    /// The caller holds the writer lock and writes the table afterwards.
    pub fn append(&self, stories: &[(&str, &Story, u64)]) -> Result<Vec<IndexEntry>, LibraryError> {
        if stories.is_empty() {
            return Ok(Vec::new());
        }
        fs::create_dir_all(&self.dir).map_err(io_err(&self.dir))?;
        let (lower_path, text_path) = (self.lower_path(), self.text_path());
        let mut lower = open_append(&lower_path)?;
        let mut text = open_append(&text_path)?;
        // Both files grow together; a torn earlier append leaves them apart,
        // so new records start where both can hold them.
        let start = file_len(&lower, &lower_path)?.max(file_len(&text, &text_path)?);
        let mut lower_buf = Vec::new();
        let mut text_buf = Vec::new();
        let mut entries = Vec::with_capacity(stories.len());
        for &(id, story, stamp) in stories {
            let secs = sections(story);
            text_buf.extend_from_slice(id.as_bytes());
            lower_buf.extend_from_slice(id.as_bytes());
            let offset = start + text_buf.len() as u64;
            let mut lens = [0u32; 6];
            for (i, s) in secs.iter().enumerate() {
                // Sections beyond 4 GiB cannot come from a 64 MiB input.
                lens[i] = u32::try_from(s.len()).unwrap_or(u32::MAX);
                let s = s.get(..lens[i] as usize).unwrap_or("");
                text_buf.extend_from_slice(s.as_bytes());
                lower_buf.extend_from_slice(fold(s).as_bytes());
                if i < 5 {
                    text_buf.push(b'\n');
                    lower_buf.push(b'\n');
                }
            }
            entries.push(IndexEntry {
                id: id.to_string(),
                stamp,
                offset,
                lens,
            });
        }
        for (file, path, buf) in [
            (&mut lower, &lower_path, &lower_buf),
            (&mut text, &text_path, &text_buf),
        ] {
            file.seek(SeekFrom::Start(start)).map_err(io_err(path))?;
            file.write_all(buf).map_err(io_err(path))?;
            if self.sync {
                sync_file(file, path)?;
            }
        }
        Ok(entries)
    }

    /// Rewrite both text files with only the live records (when removed and
    /// replaced records outweigh them), returning the moved entries.
    pub fn compact(&self, entries: Vec<IndexEntry>) -> Result<Vec<IndexEntry>, LibraryError> {
        let live: u64 = entries
            .iter()
            .map(|e| e.record_len() + e.id.len() as u64)
            .sum();
        let on_disk = fs::metadata(self.lower_path()).map_or(0, |m| m.len());
        if on_disk <= 2 * live + (1 << 20) {
            return Ok(entries);
        }
        let lower = fs::read(self.lower_path()).map_err(io_err(&self.lower_path()))?;
        let text = fs::read(self.text_path()).map_err(io_err(&self.text_path()))?;
        let mut new_lower = Vec::with_capacity(live as usize);
        let mut new_text = Vec::with_capacity(live as usize);
        let mut moved = Vec::with_capacity(entries.len());
        for mut e in entries {
            let from = (e.offset - e.id.len() as u64) as usize;
            let to = (e.offset + e.record_len()) as usize;
            let (Some(l), Some(t)) = (lower.get(from..to), text.get(from..to)) else {
                // Out of range: leave it out; the next search re-indexes it.
                continue;
            };
            e.offset = (new_text.len() + e.id.len()) as u64;
            new_lower.extend_from_slice(l);
            new_text.extend_from_slice(t);
            moved.push(e);
        }
        write_atomic(&self.lower_path(), &new_lower, self.sync)?;
        write_atomic(&self.text_path(), &new_text, self.sync)?;
        Ok(moved)
    }
}

fn open_append(path: &Path) -> Result<File, LibraryError> {
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(io_err(path))
}

fn file_len(file: &File, path: &Path) -> Result<u64, LibraryError> {
    file.metadata().map(|m| m.len()).map_err(io_err(path))
}

/// Replace the entries of `catalog`'s stories with `fresh` ones and drop
/// those the catalog no longer names.
pub fn merge(old: Vec<IndexEntry>, fresh: Vec<IndexEntry>, catalog: &Catalog) -> Vec<IndexEntry> {
    let mut by_id: HashMap<String, IndexEntry> = old
        .into_iter()
        .filter(|e| catalog.contains(&e.id))
        .map(|e| (e.id.clone(), e))
        .collect();
    for e in fresh {
        by_id.insert(e.id.clone(), e);
    }
    let mut out: Vec<IndexEntry> = by_id.into_values().collect();
    out.sort_by_key(|e| e.offset);
    out
}

fn encode_table(entries: &[IndexEntry]) -> Vec<u8> {
    let mut buf = Vec::with_capacity(16 + entries.len() * 64);
    buf.extend_from_slice(TABLE_MAGIC);
    buf.extend_from_slice(&(entries.len() as u64).to_le_bytes());
    for e in entries {
        let id = e.id.as_bytes();
        let id = id.get(..255).unwrap_or(id);
        buf.push(id.len() as u8);
        buf.extend_from_slice(id);
        buf.extend_from_slice(&e.stamp.to_le_bytes());
        buf.extend_from_slice(&e.offset.to_le_bytes());
        for l in e.lens {
            buf.extend_from_slice(&l.to_le_bytes());
        }
    }
    let mut h = Fnv::default();
    h.bytes(&buf);
    buf.extend_from_slice(&h.0.to_le_bytes());
    buf
}

fn parse_table(bytes: &[u8]) -> Option<Vec<IndexEntry>> {
    let (body, sum) = bytes.split_at_checked(bytes.len().checked_sub(8)?)?;
    let mut h = Fnv::default();
    h.bytes(body);
    if h.0.to_le_bytes() != sum {
        return None;
    }
    let mut r = Reader(body);
    if r.take(8)? != TABLE_MAGIC {
        return None;
    }
    let count = r.u64()?;
    let mut entries = Vec::with_capacity(usize::try_from(count).ok()?.min(1 << 24));
    for _ in 0..count {
        let n = usize::from(*r.take(1)?.first()?);
        let id = std::str::from_utf8(r.take(n)?).ok()?.to_string();
        let stamp = r.u64()?;
        let offset = r.u64()?;
        let mut lens = [0u32; 6];
        for l in &mut lens {
            *l = u32::from_le_bytes(r.take(4)?.try_into().ok()?);
        }
        entries.push(IndexEntry {
            id,
            stamp,
            offset,
            lens,
        });
    }
    r.0.is_empty().then_some(entries)
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
}

/// Read `len` bytes at `offset` of an open file.
pub fn read_at(
    file: &mut File,
    path: &Path,
    offset: u64,
    len: usize,
) -> Result<Vec<u8>, LibraryError> {
    let mut buf = Vec::new();
    read_into(file, path, offset, len, &mut buf)?;
    Ok(buf)
}

/// `read_at` into a buffer kept between reads (its pages stay mapped).
pub fn read_into(
    file: &mut File,
    path: &Path,
    offset: u64,
    len: usize,
    buf: &mut Vec<u8>,
) -> Result<(), LibraryError> {
    buf.resize(len, 0);
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        file.read_exact_at(buf, offset).map_err(io_err(path))
    }
    #[cfg(not(unix))]
    {
        file.seek(SeekFrom::Start(offset)).map_err(io_err(path))?;
        file.read_exact(buf).map_err(io_err(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_keeps_offsets() {
        for s in ["Hello WORLD", "Ärger über İstanbul ẞ Σ", "日本語 ÉTÉ", ""] {
            let f = fold(s);
            assert_eq!(f.len(), s.len(), "{s}");
            assert!(f.is_char_boundary(f.len()));
        }
        assert_eq!(fold("Ärger ÉTÉ"), "ärger été");
    }

    #[test]
    fn table_round_trips_and_damage_is_noticed() {
        let entries = vec![IndexEntry {
            id: "0123456789abcdef".into(),
            stamp: 7,
            offset: 16,
            lens: [1, 2, 3, 4, 5, 6],
        }];
        let bytes = encode_table(&entries);
        assert_eq!(parse_table(&bytes), Some(entries));
        for cut in [0, 1, 8, bytes.len() - 1] {
            assert_eq!(parse_table(&bytes[..cut]), None, "cut at {cut}");
        }
        let mut flipped = bytes.clone();
        flipped[20] ^= 1;
        assert_eq!(parse_table(&flipped), None);
    }

    #[test]
    fn sections_are_found_by_field() {
        let e = IndexEntry {
            id: "x".into(),
            stamp: 0,
            offset: 1,
            lens: [5, 0, 3, 0, 0, 4],
        };
        assert_eq!(e.section(Field::Title), (0, 5));
        assert_eq!(e.section(Field::Byline), (6, 6));
        assert_eq!(e.section(Field::Publisher), (7, 10));
        assert_eq!(e.section(Field::Body), (13, 17));
        assert_eq!(e.record_len(), 17);
    }
}
