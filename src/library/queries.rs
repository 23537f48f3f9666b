//! Questions across the library that the quotes and figures tables answer
//! with one indexed query each (see the indexes in schema.sql).

use super::db::db_err;
use super::store::{Library, LibraryError};
use rusqlite::params;

/// A speaker and how much they are quoted.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SpeakerCount {
    pub speaker: String,
    pub quotes: usize,
    pub stories: usize,
}

/// A quote or figure in one story, with what a list across stories shows
/// of that story: a speaker's quote, or a figure found again elsewhere.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Place {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub text: String,
    pub block: usize,
    pub start: usize,
    pub end: usize,
}

impl Library {
    /// Every speaker with their quote and story counts, most quoted first
    /// (reads the `quotes_person` index only): one entry per person, in the
    /// fullest form each story names them.
    pub fn speakers(&self) -> Result<Vec<SpeakerCount>, LibraryError> {
        self.read_rows(
            "SELECT person, count(*), count(DISTINCT story) FROM quotes \
             WHERE person IS NOT NULL GROUP BY person ORDER BY 2 DESC, 1",
            [],
            |r| {
                Ok(SpeakerCount {
                    speaker: r.get(0)?,
                    quotes: r.get(1)?,
                    stories: r.get(2)?,
                })
            },
        )
    }

    /// A speaker's quotes across stories, newest first (published date,
    /// else the import date).
    pub fn quotes_by(&self, speaker: &str) -> Result<Vec<Place>, LibraryError> {
        self.read_rows(
            "SELECT s.id, s.title, s.publisher, s.published, q.text, q.block, q.start, q.end \
             FROM quotes q JOIN stories s ON s.sid = q.story WHERE q.person = ?1 \
             ORDER BY coalesce(s.published, date(s.added_at, 'unixepoch')) DESC, s.sid DESC, q.seq",
            [speaker],
            place,
        )
    }

    /// The stories carrying a figure of this kind, value and unit (the
    /// `figures_value` index), newest first: its first such figure in each.
    pub fn stories_with_figure(
        &self,
        kind: crate::FigureKind,
        value: f64,
        unit: Option<&str>,
    ) -> Result<Vec<Place>, LibraryError> {
        // min(seq) makes SQLite take the other columns from that row.
        self.read_rows(
            "SELECT s.id, s.title, s.publisher, s.published, f.text, f.block, f.start, f.end, \
             min(f.seq) FROM figures f JOIN stories s ON s.sid = f.story \
             WHERE f.kind = ?1 AND f.value = ?2 AND f.unit IS ?3 GROUP BY f.story \
             ORDER BY coalesce(s.published, date(s.added_at, 'unixepoch')) DESC, s.sid DESC",
            params![kind.name(), value, unit],
            place,
        )
    }

    /// Every row of a read-only query, each mapped by `row`; nothing when
    /// no library has been written yet.
    pub(super) fn read_rows<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        row: impl FnMut(&rusqlite::Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, LibraryError> {
        let Some(conn) = self.conn(false)? else {
            return Ok(Vec::new());
        };
        let err = db_err(&conn.path);
        let mut stmt = conn.prepare_cached(sql).map_err(&err)?;
        stmt.query_map(params, row)
            .map_err(&err)?
            .collect::<Result<_, _>>()
            .map_err(&err)
    }
}

/// A `Place` from the first eight columns of a row.
fn place(r: &rusqlite::Row) -> rusqlite::Result<Place> {
    Ok(Place {
        id: r.get(0)?,
        title: r.get(1)?,
        publisher: r.get(2)?,
        published: r.get(3)?,
        text: r.get(4)?,
        block: r.get(5)?,
        start: r.get(6)?,
        end: r.get(7)?,
    })
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, Block, Figure, FigureKind, Quote, QuoteKind, Span, Story};
    use crate::library::{Library, NewStory};

    fn story(n: usize, speaker: &str, published: &str) -> NewStory {
        let text = format!("Story {n}: “Words {n},” said {speaker}. It cost $5 million.");
        let story = Story {
            article: Article {
                title: format!("Story {n}"),
                published: Some(published.into()),
                blocks: vec![Block::paragraph(text)],
                ..Article::default()
            },
            quotes: vec![Quote {
                text: format!("Words {n},"),
                speaker: Some(speaker.into()),
                canonical_speaker: None,
                kind: QuoteKind::Direct,
                span: Span::default(),
            }],
            figures: vec![Figure {
                text: "$5 million".into(),
                kind: FigureKind::Money,
                value: Some(5e6),
                unit: Some("USD".into()),
                span: Span::default(),
            }],
            ..Story::default()
        };
        let original = format!("original {n}").into_bytes();
        NewStory::new(original, story)
    }

    #[test]
    fn speakers_their_quotes_and_shared_figures() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        lib.add(vec![
            story(1, "Ada Venn", "2024-01-01"),
            story(2, "Ada Venn", "2024-03-01"),
            story(3, "Li Chen", "2024-02-01"),
        ])
        .unwrap();
        let speakers = lib.speakers().unwrap();
        assert_eq!(speakers[0].speaker, "Ada Venn");
        assert_eq!((speakers[0].quotes, speakers[0].stories), (2, 2));
        let quotes = lib.quotes_by("Ada Venn").unwrap();
        let titles: Vec<_> = quotes.iter().map(|q| q.title.as_str()).collect();
        assert_eq!(titles, ["Story 2", "Story 1"]);
        let same = lib
            .stories_with_figure(FigureKind::Money, 5e6, Some("USD"))
            .unwrap();
        assert_eq!(same.len(), 3);
        assert!(
            lib.stories_with_figure(FigureKind::Money, 5e6, None)
                .unwrap()
                .is_empty()
        );
    }
}
