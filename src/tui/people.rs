//! The lists across stories the library pane can show instead of the
//! stories: every speaker (the Speakers tab), and a list of places in
//! other stories (a speaker's quotes, or the stories carrying a figure).
//! State only; the library answers through the worker (or, for stories
//! held in memory, `from_memory` here).

use crate::Story;
use crate::library::{Place, SpeakerCount};
use std::collections::{HashMap, HashSet};

/// What the library pane lists at its top level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LibTab {
    #[default]
    Stories,
    Speakers,
}

/// The order of the speakers list (`s` switches).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PeopleSort {
    /// Most quoted first.
    #[default]
    Count,
    Name,
}

impl PeopleSort {
    pub fn name(self) -> &'static str {
        match self {
            PeopleSort::Count => "most quoted",
            PeopleSort::Name => "by name",
        }
    }
}

/// The Speakers tab: every speaker, one entry per person.
#[derive(Clone, Debug, Default)]
pub struct People {
    /// None until the library has answered.
    pub speakers: Option<Vec<SpeakerCount>>,
    pub sort: PeopleSort,
    /// The filter as typed: every word must be in the name.
    pub filter: String,
    /// Indices into `speakers` that pass the filter, in order.
    pub visible: Vec<usize>,
    pub selected: usize,
    pub top: usize,
    /// A fresh list was asked for.
    pub loading: bool,
}

impl People {
    /// The library's answer: keep the selected speaker selected.
    pub fn set(&mut self, mut speakers: Vec<SpeakerCount>) {
        let keep = self.selected_speaker().map(|s| s.speaker.clone());
        sort(&mut speakers, self.sort);
        self.speakers = Some(speakers);
        self.loading = false;
        self.refilter(keep);
    }

    pub fn set_sort(&mut self, sort_by: PeopleSort) {
        self.sort = sort_by;
        let keep = self.selected_speaker().map(|s| s.speaker.clone());
        if let Some(list) = self.speakers.as_mut() {
            sort(list, sort_by);
        }
        self.refilter(keep);
    }

    pub fn set_filter(&mut self, filter: &str) {
        let keep = self.selected_speaker().map(|s| s.speaker.clone());
        self.filter = filter.to_string();
        self.refilter(keep);
    }

    fn refilter(&mut self, keep: Option<String>) {
        let words: Vec<String> = self
            .filter
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let list = self.speakers.as_deref().unwrap_or_default();
        self.visible = list
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                let name = s.speaker.to_lowercase();
                words.iter().all(|w| name.contains(w.as_str()))
            })
            .map(|(i, _)| i)
            .collect();
        self.selected = keep
            .and_then(|name| {
                self.visible
                    .iter()
                    .position(|&i| list.get(i).is_some_and(|s| s.speaker == name))
            })
            .unwrap_or(0);
        self.top = self.top.min(self.selected);
    }

    pub fn selected_speaker(&self) -> Option<&SpeakerCount> {
        let i = *self.visible.get(self.selected)?;
        self.speakers.as_ref()?.get(i)
    }

    pub fn move_by(&mut self, delta: isize) {
        let n = self.visible.len();
        self.selected = self
            .selected
            .saturating_add_signed(delta)
            .min(n.saturating_sub(1));
    }
}

fn sort(list: &mut [SpeakerCount], by: PeopleSort) {
    let name = |s: &SpeakerCount| s.speaker.to_lowercase();
    match by {
        PeopleSort::Count => list.sort_by(|a, b| {
            (b.quotes, b.stories)
                .cmp(&(a.quotes, a.stories))
                .then_with(|| name(a).cmp(&name(b)))
        }),
        PeopleSort::Name => list.sort_by_cached_key(name),
    }
}

/// What a list of places is about.
#[derive(Clone, Debug, PartialEq)]
pub enum PlacesOf {
    /// A speaker's quotes across the library, under their name and the
    /// shorter forms counted in with it.
    Speaker { name: String, also: Vec<String> },
    /// The other stories carrying this figure (`=`).
    Figure {
        /// The figure as the story writes it ("$5 million").
        label: String,
        kind: crate::FigureKind,
        value: f64,
        unit: Option<String>,
        /// The story it was asked from (left out of the list).
        except: String,
    },
}

/// A list of places in stories; Enter opens one at its place.
#[derive(Clone, Debug)]
pub struct Places {
    pub of: PlacesOf,
    /// None until the library has answered.
    pub items: Option<Vec<Place>>,
    pub selected: usize,
    pub top: usize,
    /// Where the focus goes when the list is closed.
    pub from: super::app::Focus,
}

impl Places {
    pub fn new(of: PlacesOf, from: super::app::Focus) -> Self {
        Places {
            of,
            items: None,
            selected: 0,
            top: 0,
            from,
        }
    }

    /// The library's answer (the asking story left out of a figure's list).
    pub fn set(&mut self, mut items: Vec<Place>) {
        if let PlacesOf::Figure { except, .. } = &self.of {
            items.retain(|p| p.id != *except);
        }
        self.items = Some(items);
        self.selected = 0;
        self.top = 0;
    }

    pub fn len(&self) -> usize {
        self.items.as_ref().map_or(0, Vec::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn selected_place(&self) -> Option<&Place> {
        self.items.as_ref()?.get(self.selected)
    }

    pub fn move_by(&mut self, delta: isize) {
        self.selected = self
            .selected
            .saturating_add_signed(delta)
            .min(self.len().saturating_sub(1));
    }
}

/// Answers for stories held in memory (samples, tests): the same lists
/// the library's queries give.
pub mod from_memory {
    use super::*;

    fn person(q: &crate::Quote) -> Option<&str> {
        q.canonical_speaker
            .as_deref()
            .or(q.speaker.as_deref())
            .filter(|s| !s.trim().is_empty())
    }

    pub fn speakers(stories: &HashMap<String, Story>) -> Vec<SpeakerCount> {
        let mut counts: HashMap<&str, (usize, HashSet<&str>)> = HashMap::new();
        for (id, s) in stories {
            for q in &s.quotes {
                if let Some(p) = person(q) {
                    let c = counts.entry(p).or_default();
                    c.0 += 1;
                    c.1.insert(id.as_str());
                }
            }
        }
        let out: Vec<SpeakerCount> = counts
            .into_iter()
            .map(|(speaker, (quotes, ids))| SpeakerCount {
                speaker: speaker.to_string(),
                quotes,
                stories: ids.len(),
                also: Vec::new(),
            })
            .collect();
        crate::library::one_entry_per_person(out)
    }

    fn place(id: &str, s: &Story, text: &str, span: crate::Span) -> Place {
        let a = &s.article;
        Place {
            id: id.to_string(),
            title: a.title.clone(),
            publisher: a.publisher.clone(),
            published: a.published.clone(),
            text: text.to_string(),
            block: span.block,
            start: span.start,
            end: span.end,
        }
    }

    /// Newest story first, then in reading order (as the library's query).
    fn newest_first(places: &mut [Place]) {
        places.sort_by(|a, b| {
            b.published
                .cmp(&a.published)
                .then_with(|| a.id.cmp(&b.id))
                .then_with(|| (a.block, a.start).cmp(&(b.block, b.start)))
        });
    }

    pub fn quotes_by(stories: &HashMap<String, Story>, names: &[String]) -> Vec<Place> {
        let mut out: Vec<Place> = stories
            .iter()
            .flat_map(|(id, s)| {
                s.quotes
                    .iter()
                    .filter(|q| person(q).is_some_and(|p| names.iter().any(|n| n == p)))
                    .map(move |q| place(id, s, &q.text, q.span))
            })
            .collect();
        newest_first(&mut out);
        out
    }

    pub fn stories_with_figure(
        stories: &HashMap<String, Story>,
        kind: crate::FigureKind,
        value: f64,
        unit: Option<&str>,
    ) -> Vec<Place> {
        let mut out: Vec<Place> = stories
            .iter()
            .filter_map(|(id, s)| {
                let f = s.figures.iter().find(|f| {
                    f.kind == kind && f.value == Some(value) && f.unit.as_deref() == unit
                })?;
                Some(place(id, s, &f.text, f.span))
            })
            .collect();
        newest_first(&mut out);
        out
    }
}
