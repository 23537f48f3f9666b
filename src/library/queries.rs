//! Questions across the library that the quotes and figures tables answer
//! with one indexed query each (see the indexes in schema.sql).

use super::db::db_err;
use super::store::{Library, LibraryError};
use rusqlite::params;
use std::collections::HashMap;

/// A speaker and how much they are quoted.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SpeakerCount {
    pub speaker: String,
    pub quotes: usize,
    pub stories: usize,
    /// Shorter forms other stories give the same person ("Obama" for
    /// "Barack Obama"), counted in with them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
}

impl SpeakerCount {
    /// Every form the library stores this person under.
    pub fn names(&self) -> Vec<String> {
        forms(&self.speaker, &self.also)
    }
}

/// A speaker's name and the shorter forms counted with it, as
/// `Library::quotes_by` takes them.
pub fn forms(name: &str, also: &[String]) -> Vec<String> {
    std::iter::once(name.to_string())
        .chain(also.iter().cloned())
        .collect()
}

/// One entry per person across the library, most quoted first: a name
/// that a story gives short ("Obama", "Owen Dempsey") joins the one fuller
/// person's name other stories give ("Barack Obama", "Owen John Dempsey"),
/// as each story already does within itself; with two fuller names to
/// choose from ("Barack Obama", "Michelle Obama") it stays apart, and so
/// do places and bodies ("Washington", "Senate Democrats").
pub fn one_entry_per_person(list: Vec<SpeakerCount>) -> Vec<SpeakerCount> {
    // Names of two words or more by their last word and length, so each
    // name reads only the few longer ones it could be short for.
    let words = |name: &str| name.split(' ').count();
    let mut by_last: HashMap<&str, Vec<(usize, String)>> = HashMap::new();
    for s in &list {
        if let Some((_, last)) = s.speaker.rsplit_once(' ') {
            let entry = (words(&s.speaker), s.speaker.clone());
            by_last.entry(last).or_default().push(entry);
        }
    }
    let target: Vec<Option<String>> = list
        .iter()
        .map(|s| {
            let last = s.speaker.rsplit(' ').next()?;
            let n = words(&s.speaker);
            let fuller: Vec<String> = by_last
                .get(last)?
                .iter()
                .filter(|(w, _)| *w > n)
                .map(|(_, name)| name.clone())
                .collect();
            if fuller.is_empty() {
                return None;
            }
            let full = crate::analyze::quotes::same_person_as(&s.speaker, &fuller);
            (full != s.speaker).then(|| full.to_string())
        })
        .collect();
    let (mut out, mut at) = (Vec::with_capacity(list.len()), HashMap::new());
    let mut short = Vec::new();
    for (s, t) in list.into_iter().zip(target) {
        match t {
            Some(t) => short.push((s, t)),
            None => {
                at.insert(s.speaker.clone(), out.len());
                out.push(s);
            }
        }
    }
    for (s, t) in short {
        if let Some(entry) = at.get(&t).and_then(|&i| out.get_mut(i)) {
            // One story never holds both forms (it would have joined them
            // itself), so the story counts add up.
            entry.quotes += s.quotes;
            entry.stories += s.stories;
            entry.also.push(s.speaker);
        }
    }
    out.sort_by(|a, b| {
        b.quotes
            .cmp(&a.quotes)
            .then_with(|| a.speaker.cmp(&b.speaker))
    });
    out
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
    /// fullest form the stories name them.
    pub fn speakers(&self) -> Result<Vec<SpeakerCount>, LibraryError> {
        let rows = self.read_rows(
            "SELECT person, count(*), count(DISTINCT story) FROM quotes \
             WHERE person IS NOT NULL GROUP BY person ORDER BY 2 DESC, 1",
            [],
            |r| {
                Ok(SpeakerCount {
                    speaker: r.get(0)?,
                    quotes: r.get(1)?,
                    stories: r.get(2)?,
                    also: Vec::new(),
                })
            },
        )?;
        Ok(one_entry_per_person(rows))
    }

    /// A speaker's quotes across stories under any of `names` (a
    /// `SpeakerCount`'s forms), newest first (published date, else the
    /// import date).
    pub fn quotes_by(&self, names: &[String]) -> Result<Vec<Place>, LibraryError> {
        let names = serde_json::to_string(names).unwrap_or_else(|_| "[]".into());
        self.read_rows(
            "SELECT s.id, s.title, s.publisher, s.published, q.text, q.block, q.start, q.end \
             FROM quotes q JOIN stories s ON s.sid = q.story \
             WHERE q.person IN (SELECT value FROM json_each(?1)) \
             ORDER BY coalesce(s.published, date(s.added_at, 'unixepoch')) DESC, s.sid DESC, q.seq",
            [names],
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
    use crate::article::FigureKind;
    use crate::library::SpeakerCount;
    use crate::library::test_stories::library_of;

    #[test]
    fn speakers_their_quotes_and_shared_figures() {
        let (_dir, lib) = library_of(&[
            ("Ada Venn", "2024-01-01"),
            ("Ada Venn", "2024-03-01"),
            ("Li Chen", "2024-02-01"),
        ]);
        let speakers = lib.speakers().unwrap();
        assert_eq!(speakers[0].speaker, "Ada Venn");
        assert_eq!((speakers[0].quotes, speakers[0].stories), (2, 2));
        let quotes = lib.quotes_by(&speakers[0].names()).unwrap();
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

    #[test]
    fn a_short_name_joins_the_one_fuller_name_across_stories() {
        let (_dir, lib) = library_of(&[
            ("Barack Obama", "2024-01-01"),
            ("Obama", "2024-03-01"),
            ("Obama", "2024-02-01"),
            ("Venn", "2024-02-01"),
            ("Ada Venn", "2024-02-01"),
            ("Tom Venn", "2024-02-01"),
        ]);
        let speakers = lib.speakers().unwrap();
        let first = &speakers[0];
        assert_eq!(first.speaker, "Barack Obama");
        assert_eq!((first.quotes, first.stories), (3, 3));
        assert_eq!(first.also, ["Obama"]);
        let titles: Vec<_> = lib.quotes_by(&first.names()).unwrap();
        let titles: Vec<_> = titles.iter().map(|q| q.title.as_str()).collect();
        assert_eq!(titles, ["Story 2", "Story 3", "Story 1"]);
        // Two Venns: the bare surname could be either.
        let names: Vec<_> = speakers.iter().map(|s| s.speaker.as_str()).collect();
        assert_eq!(names, ["Barack Obama", "Ada Venn", "Tom Venn", "Venn"]);
    }

    #[test]
    fn descriptions_and_lone_names_stay_themselves() {
        let count = |name: &str, quotes| SpeakerCount {
            speaker: name.into(),
            quotes,
            stories: 1,
            also: Vec::new(),
        };
        let merged = super::one_entry_per_person(vec![
            count("the company", 4),
            count("Company", 1),
            count("Li Chen", 2),
            count("Owen Dempsey", 1),
            count("Owen John Dempsey", 1),
            // A place, and a surname two people share (one first name unknown).
            count("Washington", 3),
            count("Anne Washington", 1),
            count("Richards", 3),
            count("Anne Richards", 1),
            count("Cecile Richards", 1),
            // No first name: a body, not a person.
            count("Democrats", 2),
            count("Senate Democrats", 1),
        ]);
        let names: Vec<_> = merged
            .iter()
            .map(|s| (s.speaker.as_str(), s.quotes))
            .collect();
        assert_eq!(
            names,
            [
                ("the company", 4),
                ("Richards", 3),
                ("Washington", 3),
                ("Democrats", 2),
                ("Li Chen", 2),
                ("Owen John Dempsey", 2),
                ("Anne Richards", 1),
                ("Anne Washington", 1),
                ("Cecile Richards", 1),
                ("Company", 1),
                ("Senate Democrats", 1),
            ]
        );
    }
}
