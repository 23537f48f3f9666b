//! Searching the whole library: titles, bylines, publishers, speakers,
//! quotes and body text, through the index (see `index`), never by opening
//! story files.

use super::catalog::Catalog;
use super::index::{self, Field, IndexEntry, TableRead};
use super::store::{Library, LibraryError, io_err};
use memchr::memmem::Finder;
use rayon::prelude::*;
use std::collections::HashMap;
use std::fs::File;
use std::path::Path;

/// Folded text read per step: bounds memory whatever the library's size.
const WINDOW: u64 = 8 << 20;
/// Bytes of context either side of a match in a snippet.
const CONTEXT: usize = 60;

/// The order in which a story's fields are reported: the most telling first.
const PRIORITY: [Field; 6] = [
    Field::Title,
    Field::Speaker,
    Field::Quote,
    Field::Byline,
    Field::Publisher,
    Field::Body,
];

/// One story that matches, where, and the words around the match.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub field: Field,
    pub snippet: String,
}

/// A query: words that must all appear (case-insensitively, anywhere in
/// a word) in the story.
struct Query {
    words: Vec<String>,
}

impl Query {
    fn parse(q: &str) -> Self {
        Query {
            words: q.split_whitespace().map(index::fold).collect(),
        }
    }
}

/// Where a record matched: field and byte range within the record.
struct Found {
    field: Field,
    start: usize,
    end: usize,
}

/// Match one record's folded text.
fn match_record(rec: &[u8], entry: &IndexEntry, finders: &[Finder]) -> Option<Found> {
    if !finders.iter().all(|f| f.find(rec).is_some()) {
        return None;
    }
    for field in PRIORITY {
        let (s, e) = entry.section(field);
        let Some(sec) = rec.get(s..e) else { continue };
        for f in finders {
            if let Some(p) = f.find(sec) {
                return Some(Found {
                    field,
                    start: s + p,
                    end: s + p + f.needle().len(),
                });
            }
        }
    }
    None
}

impl Library {
    /// Stories matching every word of `query`, most telling field first
    /// (title, speaker, quote, byline, publisher, body), newest first within
    /// a field. A missing, damaged or stale index is repaired first.
    pub fn search(&self, query: &str) -> Result<Vec<Hit>, LibraryError> {
        self.search_with_snippets(query, usize::MAX)
    }

    /// `search`, with snippets cut for the first `snippets` hits only (the
    /// others have an empty snippet): what a screen shows costs the same
    /// whether a query matches ten stories or ten thousand.
    pub fn search_with_snippets(
        &self,
        query: &str,
        snippets: usize,
    ) -> Result<Vec<Hit>, LibraryError> {
        let query = Query::parse(query);
        let mut cat = self.catalog()?;
        if query.words.is_empty() || cat.is_empty() {
            return Ok(Vec::new());
        }
        let mut entries = match self.current_index(&cat)? {
            Some(entries) => entries,
            None => {
                self.with_lock(|lib| lib.repair_index(&lib.catalog_locked()?))?;
                cat = self.catalog()?;
                self.current_index(&cat)?.ok_or_else(not_repaired)?
            }
        };
        let found = match self.scan(&entries, &query)? {
            Some(found) => found,
            // The files did not hold what the table said: rebuild them.
            None => {
                self.with_lock(|lib| lib.rebuild_index(&lib.catalog_locked()?))?;
                cat = self.catalog()?;
                entries = self.current_index(&cat)?.ok_or_else(not_repaired)?;
                self.scan(&entries, &query)?.ok_or_else(not_repaired)?
            }
        };
        self.hits(&cat, &entries, found, snippets)
    }

    /// The table's entries in catalog order, when it covers exactly the
    /// catalog's stories as they are.
    fn current_index(&self, cat: &Catalog) -> Result<Option<Vec<IndexEntry>>, LibraryError> {
        match self.index_files().read_table()? {
            TableRead::Fine(entries) => Ok(aligned(cat, entries)),
            TableRead::Damaged => Ok(None),
        }
    }

    /// Under the lock: index the stories the table lacks or holds stale,
    /// drop those the catalog lacks; rebuild a damaged table whole.
    fn repair_index(&self, cat: &Catalog) -> Result<Vec<IndexEntry>, LibraryError> {
        if let TableRead::Fine(entries) = self.index_files().read_table()?
            && aligned(cat, entries.clone()).is_some()
        {
            return Ok(entries);
        }
        let files = self.index_files();
        let TableRead::Fine(old) = files.read_table()? else {
            return self.rebuild_index(cat);
        };
        let stamps: HashMap<&str, u64> = old.iter().map(|e| (e.id.as_str(), e.stamp)).collect();
        let stale: Vec<&str> = cat
            .entries()
            .iter()
            .filter(|c| stamps.get(c.id.as_str()) != Some(&index::stamp(c)))
            .map(|c| c.id.as_str())
            .collect();
        let fresh = self.index_stories(cat, &stale)?;
        let merged = files.compact(index::merge(old, fresh, cat))?;
        files.write_table(&merged)?;
        Ok(merged)
    }

    /// Under the lock: write the index anew from the story files.
    pub(super) fn rebuild_index(&self, cat: &Catalog) -> Result<Vec<IndexEntry>, LibraryError> {
        let files = self.index_files();
        for path in [files.lower_path(), files.text_path()] {
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(io_err(&path)(e)),
            }
        }
        let ids: Vec<&str> = cat.entries().iter().map(|e| e.id.as_str()).collect();
        let entries = self.index_stories(cat, &ids)?;
        files.write_table(&entries)?;
        Ok(entries)
    }

    /// Append records for `ids`, read from their story files in parallel.
    /// A story whose file is gone or damaged is indexed from its catalog
    /// entry alone (title, byline, publisher), as much as is known.
    fn index_stories(&self, cat: &Catalog, ids: &[&str]) -> Result<Vec<IndexEntry>, LibraryError> {
        let files = self.index_files();
        let mut out = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(256) {
            let stories: Vec<(&str, crate::article::Story, u64)> = chunk
                .par_iter()
                .filter_map(|&id| {
                    let entry = cat.get(id)?;
                    let story = self.load_story(id).unwrap_or_else(|_| {
                        let mut s = crate::article::Story::default();
                        s.article.title = entry.title.clone();
                        s.article.byline = entry.byline.clone();
                        s.article.publisher = entry.publisher.clone();
                        s
                    });
                    Some((id, story, index::stamp(entry)))
                })
                .collect();
            let refs: Vec<(&str, &crate::article::Story, u64)> =
                stories.iter().map(|(id, s, st)| (*id, s, *st)).collect();
            out.extend(files.append(&refs)?);
        }
        Ok(out)
    }

    /// Scan the folded text window by window, records in parallel. None
    /// when a record is not where the table says (damaged files).
    fn scan(
        &self,
        entries: &[IndexEntry],
        query: &Query,
    ) -> Result<Option<Vec<(usize, Found)>>, LibraryError> {
        let files = self.index_files();
        let path = files.lower_path();
        let mut order: Vec<usize> = (0..entries.len()).collect();
        order.sort_by_key(|&i| entries[i].offset);
        let mut file = match File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_err(&path)(e)),
        };
        // Snippets come from the stored text: it must hold every record too.
        let text_size = std::fs::metadata(files.text_path()).map_or(0, |m| m.len());
        let size = file.metadata().map_err(io_err(&path))?.len().min(text_size);
        let finders: Vec<Finder> = query
            .words
            .iter()
            .map(|w| Finder::new(w.as_bytes()))
            .collect();
        let mut found = Vec::new();
        let mut buf = Vec::new();
        let mut next = 0;
        while next < order.len() {
            // Records [next, stop) fit one window (or one record alone).
            let first = &entries[order[next]];
            let from = first.offset.saturating_sub(first.id.len() as u64);
            let mut stop = next;
            let mut to = from;
            while let Some(&i) = order.get(stop) {
                let end = entries[i].offset + entries[i].record_len();
                if stop > next && end - from > WINDOW {
                    break;
                }
                to = to.max(end);
                stop += 1;
            }
            if to > size || from > to {
                return Ok(None);
            }
            index::read_into(&mut file, &path, from, (to - from) as usize, &mut buf)?;
            let batch: Option<Vec<Option<(usize, Found)>>> = order[next..stop]
                .par_iter()
                .map(|&i| {
                    let e = &entries[i];
                    let start = (e.offset - from) as usize;
                    let id = buf.get(start.checked_sub(e.id.len())?..start)?;
                    if id != e.id.as_bytes() {
                        return None;
                    }
                    let rec = buf.get(start..start + e.record_len() as usize)?;
                    Some(match_record(rec, e, &finders).map(|f| (i, f)))
                })
                .collect();
            let Some(batch) = batch else {
                return Ok(None);
            };
            found.extend(batch.into_iter().flatten());
            next = stop;
        }
        Ok(Some(found))
    }

    /// Order the matches and cut their snippets from the stored text.
    fn hits(
        &self,
        cat: &Catalog,
        entries: &[IndexEntry],
        mut found: Vec<(usize, Found)>,
        snippets: usize,
    ) -> Result<Vec<Hit>, LibraryError> {
        let files = self.index_files();
        let path = files.text_path();
        let mut file = File::open(&path).map_err(io_err(&path))?;
        // Entry i is catalog story i (see `aligned`): later is newer.
        found.sort_by_key(|(i, f)| {
            let field = PRIORITY.iter().position(|&p| p == f.field);
            (field, std::cmp::Reverse(*i))
        });
        let mut hits = Vec::with_capacity(found.len());
        for (n, (i, f)) in found.into_iter().enumerate() {
            let e = &entries[i];
            let snippet = if n < snippets {
                snippet(&mut file, &path, e, &f)?
            } else {
                String::new()
            };
            let title = cat
                .entries()
                .get(i)
                .map(|c| c.title.clone())
                .unwrap_or_default();
            hits.push(Hit {
                id: e.id.clone(),
                title,
                field: f.field,
                snippet,
            });
        }
        Ok(hits)
    }
}

/// `entries` in catalog order (entry k is the catalog's story k), or None
/// when one is missing or was made from another version of its story.
fn aligned(cat: &Catalog, entries: Vec<IndexEntry>) -> Option<Vec<IndexEntry>> {
    let order: Vec<usize> = {
        let pos: HashMap<&str, usize> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        cat.entries()
            .iter()
            .map(|c| {
                let &i = pos.get(c.id.as_str())?;
                (entries[i].stamp == index::stamp(c)).then_some(i)
            })
            .collect::<Option<_>>()?
    };
    let mut slots: Vec<Option<IndexEntry>> = entries.into_iter().map(Some).collect();
    order
        .into_iter()
        .map(|i| slots.get_mut(i)?.take())
        .collect()
}

fn not_repaired() -> LibraryError {
    LibraryError::Io {
        path: std::path::PathBuf::from("search"),
        source: std::io::Error::other("the search index could not be rebuilt"),
    }
}

/// The line (block, quote, name) holding the match, cut to about CONTEXT
/// bytes either side at word boundaries, whitespace collapsed.
fn snippet(
    file: &mut File,
    path: &Path,
    e: &IndexEntry,
    f: &Found,
) -> Result<String, LibraryError> {
    let (sec_start, sec_end) = e.section(f.field);
    let from = f.start.saturating_sub(CONTEXT * 4).max(sec_start);
    let to = (f.end + CONTEXT * 4).min(sec_end);
    let bytes = index::read_at(file, path, e.offset + from as u64, to - from)?;
    let (m_start, m_end) = (f.start - from, f.end - from);
    // The line holding the match.
    let line_start =
        memchr::memrchr(b'\n', bytes.get(..m_start).unwrap_or(&[])).map_or(0, |p| p + 1);
    let line_end =
        memchr::memchr(b'\n', bytes.get(m_end..).unwrap_or(&[])).map_or(bytes.len(), |p| m_end + p);
    let mut start = m_start.saturating_sub(CONTEXT).max(line_start);
    let mut end = (m_end + CONTEXT).min(line_end);
    let cut_start = start > line_start || (line_start == 0 && from > sec_start);
    let cut_end = end < line_end || (line_end == bytes.len() && to < sec_end);
    if cut_start {
        // Start after a space so no word is cut.
        if let Some(p) = bytes
            .get(start..m_start)
            .and_then(|b| b.iter().position(|c| c.is_ascii_whitespace()))
        {
            start += p + 1;
        }
    }
    if cut_end
        && let Some(p) = bytes
            .get(m_end..end)
            .and_then(|b| b.iter().rposition(|c| c.is_ascii_whitespace()))
    {
        end = m_end + p;
    }
    let text = String::from_utf8_lossy(bytes.get(start..end).unwrap_or(&[]));
    let mut out = String::new();
    if cut_start {
        out.push('…');
    }
    out.push_str(&text.split_whitespace().collect::<Vec<_>>().join(" "));
    if cut_end {
        out.push('…');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, Block, Quote, QuoteKind, Span, Story};
    use crate::library::{Field, Library, NewStory};
    use std::fs;

    fn story(title: &str, body: &str, quote: Option<(&str, &str)>) -> NewStory {
        let mut s = Story {
            article: Article {
                title: title.into(),
                byline: Some("Ann Writer".into()),
                blocks: vec![Block::paragraph(body)],
                ..Article::default()
            },
            ..Story::default()
        };
        if let Some((text, speaker)) = quote {
            let start = body.find(text).unwrap_or(0);
            s.quotes.push(Quote {
                text: text.into(),
                speaker: Some(speaker.into()),
                canonical_speaker: Some(speaker.into()),
                kind: QuoteKind::Direct,
                span: Span {
                    block: 0,
                    start,
                    end: start + text.len(),
                },
            });
        }
        let original = format!("{title}\n{body}").into_bytes();
        NewStory {
            id: crate::library::story_id(&original),
            original,
            story: s,
        }
    }

    fn fixture() -> (tempfile::TempDir, Library) {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        lib.add(vec![
            story("Harbour works delayed", "Engineers warned of delays to the harbour.", None),
            story(
                "Budget passes",
                "The council voted. “Tolls will rise in Spring,” said the mayor. More text follows here.",
                Some(("Tolls will rise in Spring,", "Maria Lopez")),
            ),
            story("Élan vital", "Une histoire d’ÉTÉ à Zürich.", None),
        ])
        .unwrap();
        (dir, lib)
    }

    fn fields(lib: &Library, q: &str) -> Vec<(String, Field)> {
        lib.search(q)
            .unwrap()
            .into_iter()
            .map(|h| (h.title, h.field))
            .collect()
    }

    #[test]
    fn finds_each_field_and_says_where() {
        let (_dir, lib) = fixture();
        assert_eq!(
            fields(&lib, "HARBOUR"),
            [("Harbour works delayed".into(), Field::Title)]
        );
        assert_eq!(
            fields(&lib, "lopez"),
            [("Budget passes".into(), Field::Speaker)]
        );
        assert_eq!(
            fields(&lib, "tolls"),
            [("Budget passes".into(), Field::Quote)]
        );
        assert_eq!(
            fields(&lib, "council voted"),
            [("Budget passes".into(), Field::Body)]
        );
        assert_eq!(
            fields(&lib, "été zürich"),
            [("Élan vital".into(), Field::Body)]
        );
        assert_eq!(fields(&lib, "élan"), [("Élan vital".into(), Field::Title)]);
        // Every word must match; an empty query matches nothing.
        assert!(fields(&lib, "harbour budget").is_empty());
        assert!(fields(&lib, "  ").is_empty());
        // A common word: the title match ranks first.
        let all = fields(&lib, "a");
        assert_eq!(all.len(), 3);
        assert_eq!(all[0].1, Field::Title);
    }

    #[test]
    fn snippets_show_the_words_around_the_match() {
        let (_dir, lib) = fixture();
        let hits = lib.search("voted").unwrap();
        // The start of a block is shown whole; the end is cut at a word.
        assert_eq!(
            hits[0].snippet,
            "The council voted. “Tolls will rise in Spring,” said the mayor. More…"
        );
        let long = "word ".repeat(100) + "needle " + &"more ".repeat(100);
        lib.add(vec![story("Long", &long, None)]).unwrap();
        let hits = lib.search("needle").unwrap();
        let s = &hits[0].snippet;
        assert!(
            s.starts_with("…word") && s.ends_with("more…") && s.contains("needle"),
            "{s}"
        );
        assert!(s.len() < 160, "{s}");
    }

    #[test]
    fn removed_stories_leave_the_results() {
        let (_dir, lib) = fixture();
        let id = lib.search("harbour").unwrap()[0].id.clone();
        lib.remove(&id).unwrap();
        assert!(lib.search("harbour").unwrap().is_empty());
        assert_eq!(lib.search("budget").unwrap().len(), 1);
    }

    #[test]
    fn a_missing_or_damaged_index_is_rebuilt() {
        let (dir, lib) = fixture();
        let search = dir.path().join("search");
        fs::remove_dir_all(&search).unwrap();
        assert_eq!(
            fields(&lib, "tolls"),
            [("Budget passes".into(), Field::Quote)]
        );
        // Garbage in the text files: the table no longer fits them.
        fs::write(search.join("lower"), "garbage").unwrap();
        assert_eq!(
            fields(&lib, "tolls"),
            [("Budget passes".into(), Field::Quote)]
        );
        // A damaged table.
        let table = search.join("table");
        let mut bytes = fs::read(&table).unwrap();
        bytes[10] ^= 0xff;
        fs::write(&table, bytes).unwrap();
        assert_eq!(fields(&lib, "harbour").len(), 1);
        // An index that lost a story (a crash before its table was written).
        let lost = lib.search("zürich").unwrap()[0].id.clone();
        let kept: Vec<_> = match crate::library::index::IndexFiles::new(dir.path(), true)
            .read_table()
            .unwrap()
        {
            crate::library::index::TableRead::Fine(e) => {
                e.into_iter().filter(|e| e.id != lost).collect()
            }
            crate::library::index::TableRead::Damaged => panic!("table damaged"),
        };
        crate::library::index::IndexFiles::new(dir.path(), true)
            .write_table(&kept)
            .unwrap();
        assert_eq!(fields(&lib, "zürich"), [("Élan vital".into(), Field::Body)]);
    }

    #[test]
    fn reindexed_text_is_searched() {
        let (_dir, lib) = fixture();
        lib.reindex(
            |bytes, _| -> Result<Story, String> {
                let text = String::from_utf8_lossy(bytes).replace("harbour", "quayside");
                let mut s = Story::default();
                s.article.title = text.lines().next().unwrap_or("").to_string();
                s.article.blocks = vec![Block::paragraph(text)];
                Ok(s)
            },
            |_, _| {},
        )
        .unwrap();
        assert_eq!(
            fields(&lib, "quayside"),
            [("Harbour works delayed".into(), Field::Body)]
        );
    }
}
