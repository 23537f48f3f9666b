//! Quotes and figures across the library with their full citations, for
//! `lede quotes` and `lede export`: one query over the quotes and figures
//! tables joined to their stories.

use super::db::db_err;
use super::store::{Library, LibraryError};
use crate::cite::{Citation, Item};
use rusqlite::types::Value;

/// Which records to gather. Every filter given must hold.
#[derive(Clone, Debug, Default)]
pub struct CitationFilter {
    /// A speaker's name, matched without regard to case, with the other
    /// forms the library counts as that person ("Obama", "Barack Obama").
    pub speaker: Option<String>,
    /// A story's full id.
    pub story: Option<String>,
    /// Only stories a library search finds (the `lede search` language).
    pub search: Option<String>,
    /// Leave figures out (quotes only).
    pub quotes_only: bool,
}

/// The story columns every citation carries, after the record's own.
const STORY_COLUMNS: &str = "s.id, s.title, s.publisher, s.byline, s.published, \
     coalesce(s.url, s.source)";

impl Library {
    /// `name` and the forms the speakers list counts with it; a surname
    /// no entry is listed under ("Trump") stands for the one person the
    /// list names with it ("Donald Trump").
    fn forms_of(&self, name: &str) -> Result<Vec<String>, LibraryError> {
        let speakers = self.speakers()?;
        let same = |want: &str| {
            let want = want.to_lowercase();
            move |s: &String| s.to_lowercase() == want
        };
        let find = |want: &str| {
            speakers
                .iter()
                .find(|s| same(want)(&s.speaker) || s.also.iter().any(same(want)))
        };
        // A surname alone ("trump") stands for the one person the list
        // names with it; with two ("Bill", "Hillary Clinton") for neither.
        let entry = find(name).or_else(|| {
            let mut by_surname = speakers.iter().filter(|s| {
                s.speaker.contains(' ')
                    && s.speaker
                        .rsplit(' ')
                        .next()
                        .is_some_and(|last| last.to_lowercase() == name.to_lowercase())
            });
            match (by_surname.next(), by_surname.next()) {
                (Some(one), None) => Some(one),
                _ => None,
            }
        });
        Ok(entry.map_or_else(|| vec![name.to_string()], |s| s.names()))
    }

    /// Quotes (then figures, unless `quotes_only` or a speaker is asked
    /// for) with their citations, newest story first, in reading order
    /// within a story.
    pub fn citations(&self, filter: &CitationFilter) -> Result<Vec<Citation>, LibraryError> {
        let Some(conn) = self.conn(false)? else {
            return Ok(Vec::new());
        };
        let stories = match &filter.search {
            Some(q) => Some(
                self.search(q)?
                    .into_iter()
                    .map(|h| h.id)
                    .collect::<Vec<_>>(),
            ),
            None => None,
        };
        let db_path = conn.path.clone();
        let err = db_err(&db_path);
        let mut out = Vec::new();

        // Story filters shared by both queries, as SQL and values.
        let mut story_sql = String::new();
        let mut story_args: Vec<Value> = Vec::new();
        if let Some(id) = &filter.story {
            story_sql.push_str(" AND s.id = ?");
            story_args.push(Value::Text(id.clone()));
        }
        if let Some(ids) = &stories {
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            story_sql.push_str(" AND s.id IN (SELECT value FROM json_each(?))");
            story_args.push(Value::Text(
                serde_json::to_string(ids).unwrap_or_else(|_| "[]".into()),
            ));
        }
        let order = " ORDER BY coalesce(s.published, date(s.added_at, 'unixepoch')) DESC, \
                     s.sid DESC, block, start";

        let mut args = story_args.clone();
        let mut sql = format!(
            "SELECT coalesce(q.person, q.speaker), q.text, q.block, q.start, {STORY_COLUMNS} \
             FROM quotes q JOIN stories s ON s.sid = q.story WHERE 1{story_sql}"
        );
        if let Some(name) = &filter.speaker {
            let names =
                serde_json::to_string(&self.forms_of(name)?).unwrap_or_else(|_| "[]".into());
            sql.push_str(
                " AND (q.person COLLATE NOCASE IN (SELECT value FROM json_each(?)) \
                 OR q.speaker COLLATE NOCASE IN (SELECT value FROM json_each(?)))",
            );
            args.push(Value::Text(names.clone()));
            args.push(Value::Text(names));
        }
        sql.push_str(order);
        let mut stmt = conn.prepare(&sql).map_err(&err)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args), |r| {
                Ok(Citation {
                    item: Item::Quote,
                    speaker: r.get(0)?,
                    text: r.get(1)?,
                    figure_kind: None,
                    value: None,
                    unit: None,
                    block: r.get(2)?,
                    offset: r.get(3)?,
                    story_id: r.get(4)?,
                    title: r.get(5)?,
                    publisher: r.get(6)?,
                    byline: r.get(7)?,
                    published: r.get(8)?,
                    source: r.get(9)?,
                })
            })
            .map_err(&err)?;
        for row in rows {
            out.push(row.map_err(&err)?);
        }

        if filter.quotes_only || filter.speaker.is_some() {
            return Ok(out);
        }
        let sql = format!(
            "SELECT f.kind, f.value, f.unit, f.text, f.block, f.start, {STORY_COLUMNS} \
             FROM figures f JOIN stories s ON s.sid = f.story WHERE 1{story_sql}{order}"
        );
        let mut stmt = conn.prepare(&sql).map_err(&err)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(story_args), |r| {
                Ok(Citation {
                    item: Item::Figure,
                    speaker: None,
                    figure_kind: r.get(0)?,
                    value: r.get(1)?,
                    unit: r.get(2)?,
                    text: r.get(3)?,
                    block: r.get(4)?,
                    offset: r.get(5)?,
                    story_id: r.get(6)?,
                    title: r.get(7)?,
                    publisher: r.get(8)?,
                    byline: r.get(9)?,
                    published: r.get(10)?,
                    source: r.get(11)?,
                })
            })
            .map_err(&err)?;
        for row in rows {
            out.push(row.map_err(&err)?);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::test_stories::{library_of, story};

    #[test]
    fn a_surname_finds_the_one_person_it_is_short_for() {
        let (_dir, lib) = library_of(&[
            ("Ada Venn", "2024-01-01"),
            ("Ada Venn", "2024-03-01"),
            ("Li Chen", "2024-02-01"),
        ]);
        let by = |name: &str| {
            let filter = CitationFilter {
                speaker: Some(name.into()),
                quotes_only: true,
                ..CitationFilter::default()
            };
            lib.citations(&filter).unwrap().len()
        };
        assert_eq!(by("Venn"), 2);
        assert_eq!(by("venn"), 2);
        assert_eq!(by("chen"), 1);
        assert_eq!(by("Smith"), 0);
        // Two Venns: the surname alone names neither.
        lib.add(vec![story(4, "Bo Venn", "2024-04-01")]).unwrap();
        assert_eq!(by("venn"), 0);
        assert_eq!(by("Ada Venn"), 2);
    }

    #[test]
    fn filters_by_speaker_story_and_search() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        let batch = vec![
            story(1, "Ada Venn", "2024-01-01"),
            story(2, "Ada Venn", "2024-03-01"),
            story(3, "Li Chen", "2024-02-01"),
        ];
        let third = batch[2].id.clone();
        lib.add(batch).unwrap();

        let all = lib.citations(&CitationFilter::default()).unwrap();
        assert_eq!(all.len(), 6, "three quotes and three figures");
        let titles: Vec<_> = all.iter().take(3).map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["Story 2", "Story 3", "Story 1"], "newest first");
        assert_eq!(all[0].source.as_deref(), Some("story2.html"));
        assert_eq!((all[0].block, all[0].offset), (1, 3));

        let ada = CitationFilter {
            speaker: Some("ada venn".into()),
            ..CitationFilter::default()
        };
        let quotes = lib.citations(&ada).unwrap();
        assert_eq!(quotes.len(), 2);
        assert!(quotes.iter().all(|c| c.item == Item::Quote));

        let one = CitationFilter {
            story: Some(third),
            ..CitationFilter::default()
        };
        let items = lib.citations(&one).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].figure_kind.as_deref(), Some("money"));
        assert_eq!(items[1].value, Some(5e6));

        let found = CitationFilter {
            search: Some("\"Words 3\"".into()),
            quotes_only: true,
            ..CitationFilter::default()
        };
        let items = lib.citations(&found).unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].speaker.as_deref(), Some("Li Chen"));
        let none = CitationFilter {
            search: Some("nowhere".into()),
            ..CitationFilter::default()
        };
        assert!(lib.citations(&none).unwrap().is_empty());
    }

    #[test]
    fn a_speaker_brings_the_short_form_other_stories_give() {
        let (_dir, lib) = library_of(&[
            ("Ada Venn", "2024-01-01"),
            ("Venn", "2024-03-01"),
            ("Li Chen", "2024-02-01"),
        ]);
        for asked in ["Ada Venn", "venn"] {
            let filter = CitationFilter {
                speaker: Some(asked.into()),
                ..CitationFilter::default()
            };
            let quotes = lib.citations(&filter).unwrap();
            let titles: Vec<_> = quotes.iter().map(|c| c.title.as_str()).collect();
            assert_eq!(titles, ["Story 2", "Story 1"], "{asked}");
        }
    }
}
