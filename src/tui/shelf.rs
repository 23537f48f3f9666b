//! The library pane's list: catalog entries in the chosen order (newest
//! published first by default, as `lede list`), with a precomputed
//! lowercase haystack so filtering 100,000 entries stays quick.

use crate::library::{CatalogEntry, Field, Hit};
use crate::listing::{self, Sort};
use std::collections::HashMap;

#[derive(Clone, Debug, Default)]
pub struct Shelf {
    /// In `sort` order.
    pub entries: Vec<CatalogEntry>,
    pub sort: Sort,
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

impl Shelf {
    pub fn new(mut entries: Vec<CatalogEntry>) -> Self {
        listing::sort(&mut entries, Sort::default());
        let visible = (0..entries.len()).collect();
        Shelf {
            entries,
            visible,
            ..Shelf::default()
        }
    }

    /// List in another order, keeping the selection and the filter.
    pub fn set_sort(&mut self, sort: Sort) {
        self.sort = sort;
        let keep = self.selected_entry().map(|e| e.id.clone());
        let entries = std::mem::take(&mut self.entries);
        self.replace_keeping(entries, keep);
    }

    /// New entries (the library changed on disk): sorted, filtered as
    /// before, the selected story kept selected when it is still there.
    pub fn replace(&mut self, entries: Vec<CatalogEntry>) {
        let keep = self.selected_entry().map(|e| e.id.clone());
        self.replace_keeping(entries, keep);
    }

    fn replace_keeping(&mut self, mut entries: Vec<CatalogEntry>, keep: Option<String>) {
        listing::sort(&mut entries, self.sort);
        self.entries = entries;
        self.haystacks.clear();
        let filter = std::mem::take(&mut self.filter);
        let found = std::mem::take(&mut self.found);
        let top = self.top;
        self.set_filter(&filter);
        if !found.is_empty() {
            let hits = found
                .into_iter()
                .map(|(id, (field, snippet))| Hit {
                    id,
                    title: String::new(),
                    field,
                    snippet,
                    marks: Vec::new(),
                })
                .collect();
            self.add_hits(hits);
        }
        self.reselect(keep);
        self.top = top;
    }

    /// Take an entry off the list (deleted); its neighbour is selected.
    pub fn take(&mut self, id: &str) -> Option<CatalogEntry> {
        let i = self.entries.iter().position(|e| e.id == id)?;
        let sel = self.selected;
        let mut entries = std::mem::take(&mut self.entries);
        let gone = entries.remove(i);
        self.replace(entries);
        self.selected = sel.min(self.visible.len().saturating_sub(1));
        Some(gone)
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
        if words.is_empty() {
            // No filter: every entry, without building the haystacks.
            self.visible = (0..self.entries.len()).collect();
            self.reselect(keep);
            self.top = 0;
            return;
        }
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
    fn sort_keeps_selection_and_take_selects_a_neighbour() {
        let mut s = Shelf::new(vec![
            entry("a", "Zebra crossing", Some("2020-01-01")),
            entry("b", "Apple harvest", Some("2024-05-02")),
            entry("c", "Middle road", None),
        ]);
        assert_eq!(s.entries[2].id, "c", "undated last");
        s.select(1);
        s.set_sort(Sort::Title);
        assert_eq!(s.selected_entry().unwrap().id, "a");
        assert_eq!(s.entries[0].id, "b");
        s.take("a");
        assert_eq!(s.entries.len(), 2);
        assert!(s.selected_entry().is_some());
    }
}
