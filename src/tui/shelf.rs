//! The library pane's list: catalog entries newest first, with a
//! precomputed lowercase haystack so filtering 100,000 entries stays quick.

use crate::library::{CatalogEntry, Field, Hit};
use std::collections::HashMap;

#[derive(Clone, Debug, Default)]
pub struct Shelf {
    /// Newest first.
    pub entries: Vec<CatalogEntry>,
    /// Lowercased "title \n publisher \n byline" of each entry (see `haystacks`).
    haystacks: Vec<String>,
    /// The filter as typed.
    pub filter: String,
    /// Indices into `entries` that pass the filter, in order.
    pub visible: Vec<usize>,
    /// Index into `visible` of the selected row.
    pub selected: usize,
    /// Index into `visible` of the first row on screen.
    pub top: usize,
    /// Full-text hits for the current filter, by id: where and the snippet.
    pub found: HashMap<String, (Field, String)>,
    /// A full-text search for the current filter is under way.
    pub searching: bool,
}

/// Sort key for "newest first": the published date when known, else the
/// date the story was added, both as ISO text (borrowed when it can be).
fn date_key(e: &CatalogEntry) -> std::borrow::Cow<'_, str> {
    match e.published.as_deref() {
        Some(p) if !p.is_empty() => p.into(),
        _ => iso_date(e.added_at).into(),
    }
}

/// YYYY-MM-DD of a Unix time (UTC), by the civil-from-days algorithm.
pub fn iso_date(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The date shown for an entry: the first 10 characters of the published
/// date, else the day it was added.
pub fn shown_date(e: &CatalogEntry) -> String {
    match e.published.as_deref() {
        Some(p) if !p.is_empty() => p.chars().take(10).collect(),
        _ if e.added_at > 0 => iso_date(e.added_at),
        _ => String::new(),
    }
}

impl Shelf {
    pub fn new(mut entries: Vec<CatalogEntry>) -> Self {
        // Sort positions by borrowed keys, then move the entries once.
        let mut order: Vec<usize> = (0..entries.len()).collect();
        {
            let keys: Vec<_> = entries.iter().map(date_key).collect();
            order.sort_by(|&a, &b| {
                keys[b]
                    .cmp(&keys[a])
                    .then(entries[b].added_at.cmp(&entries[a].added_at))
            });
        }
        let mut slots: Vec<Option<CatalogEntry>> = entries.drain(..).map(Some).collect();
        let entries: Vec<CatalogEntry> = order.iter().filter_map(|&i| slots[i].take()).collect();
        let visible = (0..entries.len()).collect();
        Shelf {
            entries,
            visible,
            ..Shelf::default()
        }
    }

    /// Lowercased "title \n publisher \n byline" of each entry, made on
    /// the first filter: the first frame does not wait for them.
    fn haystacks(&mut self) -> &[String] {
        if self.haystacks.len() != self.entries.len() {
            self.haystacks = self
                .entries
                .iter()
                .map(|e| {
                    let mut h = e.title.to_lowercase();
                    for part in [&e.publisher, &e.byline].into_iter().flatten() {
                        h.push('\n');
                        h.push_str(&part.to_lowercase());
                    }
                    h
                })
                .collect();
        }
        &self.haystacks
    }

    /// Apply a new filter: every word must appear in title, publisher or
    /// byline. The full-text hits of the previous filter are dropped.
    pub fn set_filter(&mut self, filter: &str) {
        let keep = self.selected_entry().map(|e| e.id.clone());
        self.filter = filter.to_string();
        self.found.clear();
        self.searching = false;
        let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
        let finders: Vec<memchr::memmem::Finder> = words
            .iter()
            .map(|w| memchr::memmem::Finder::new(w.as_bytes()))
            .collect();
        self.visible = self
            .haystacks()
            .iter()
            .enumerate()
            .filter(|(_, h)| finders.iter().all(|f| f.find(h.as_bytes()).is_some()))
            .map(|(i, _)| i)
            .collect();
        self.reselect(keep);
        self.top = 0;
    }

    /// Add the stories a full-text search found for the current filter
    /// (bodies, quotes, speakers) to those the filter shows, in shelf order.
    pub fn add_hits(&mut self, hits: Vec<Hit>) {
        let keep = self.selected_entry().map(|e| e.id.clone());
        self.found = hits
            .into_iter()
            .map(|h| (h.id, (h.field, h.snippet)))
            .collect();
        let mut shown = vec![false; self.entries.len()];
        for &i in &self.visible {
            if let Some(s) = shown.get_mut(i) {
                *s = true;
            }
        }
        for (i, e) in self.entries.iter().enumerate() {
            if self.found.contains_key(&e.id) {
                shown[i] = true;
            }
        }
        self.visible = (0..self.entries.len()).filter(|&i| shown[i]).collect();
        self.reselect(keep);
    }

    /// Keep the story `keep` selected if it is still shown, else the first.
    fn reselect(&mut self, keep: Option<String>) {
        self.selected = keep
            .and_then(|id| {
                self.visible
                    .iter()
                    .position(|&i| self.entries.get(i).is_some_and(|e| e.id == id))
            })
            .unwrap_or(0);
    }

    /// Where the full-text search matched an entry beyond what its row
    /// shows (body, quote, speaker), with the snippet.
    pub fn found_in(&self, id: &str) -> Option<(Field, &str)> {
        match self.found.get(id) {
            Some((f, s)) if !matches!(f, Field::Title | Field::Publisher | Field::Byline) => {
                Some((*f, s.as_str()))
            }
            _ => None,
        }
    }

    pub fn selected_entry(&self) -> Option<&CatalogEntry> {
        self.visible
            .get(self.selected)
            .and_then(|&i| self.entries.get(i))
    }

    pub fn entry_mut(&mut self, id: &str) -> Option<&mut CatalogEntry> {
        self.entries.iter_mut().find(|e| e.id == id)
    }

    pub fn entry(&self, id: &str) -> Option<&CatalogEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Move the selection by `delta` rows, clamped.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.visible.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    pub fn select(&mut self, index: usize) {
        self.selected = index.min(self.visible.len().saturating_sub(1));
    }

    /// Keep the selection among `rows` visible entries.
    pub fn fit(&mut self, rows: usize) {
        let rows = rows.max(1);
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + rows {
            self.top = self.selected + 1 - rows;
        }
        self.top = self.top.min(self.visible.len().saturating_sub(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Position;

    fn entry(id: &str, title: &str, published: Option<&str>) -> CatalogEntry {
        CatalogEntry {
            id: id.into(),
            title: title.into(),
            publisher: Some("The Daily".into()),
            byline: Some("Ann Writer".into()),
            published: published.map(str::to_string),
            added_at: 0,
            source: None,
            words: 10,
            quotes: 0,
            figures: 0,
            position: Position::default(),
            percent_read: 0,
            read: false,
        }
    }

    #[test]
    fn newest_first_and_filter() {
        let mut s = Shelf::new(vec![
            entry("a", "Old news", Some("2020-01-01")),
            entry("b", "Fresh Budget", Some("2024-05-02")),
        ]);
        assert_eq!(s.entries[0].id, "b");
        s.set_filter("budget DAILY");
        assert_eq!(s.visible, [0]);
        s.set_filter("writer old");
        assert_eq!(s.visible, [1]);
        s.set_filter("");
        assert_eq!(s.visible.len(), 2);
    }

    #[test]
    fn full_text_hits_join_the_filter() {
        let mut s = Shelf::new(vec![
            entry("a", "Old news", Some("2020-01-01")),
            entry("b", "Fresh Budget", Some("2024-05-02")),
            entry("c", "Quiet day", Some("2022-05-02")),
        ]);
        s.set_filter("budget");
        assert_eq!(s.visible, [0]);
        let hit = |id: &str, field| Hit {
            id: id.into(),
            title: String::new(),
            field,
            snippet: "…the budget…".into(),
            marks: Vec::new(),
        };
        s.add_hits(vec![hit("a", Field::Body), hit("b", Field::Title)]);
        assert_eq!(
            s.visible,
            [0, 2],
            "shelf order, the filter's own match kept"
        );
        assert_eq!(s.found_in("a"), Some((Field::Body, "…the budget…")));
        assert_eq!(
            s.found_in("b"),
            None,
            "a title match shows in its row already"
        );
        s.set_filter("budge");
        assert_eq!(s.visible, [0]);
        assert!(s.found.is_empty());
    }

    #[test]
    fn civil_dates() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(1_700_000_000), "2023-11-14");
    }
}
