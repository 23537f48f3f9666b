//! Where the headline, standfirst, byline, outlet and date stand in a
//! dump, and how the headline is tidied.

use super::meta::{
    Byline, copyright_holder, dateline_agency, parse_byline, parse_date, tidy_case,
    trust_line_outlet,
};
use super::{Dump, Kind, Layout, TITLE_MAX_CHARS, TITLE_MAX_WORDS};
use crate::ingest::clutter::{ends_sentence, is_tag_line, sign_off_name, word_len};
use crate::ingest::patterns::starts_with_ignore_ascii_case;
use regex::Regex;
use std::sync::LazyLock;

impl Dump {
    /// Find the headline, dek and byline, and the span of the body: from
    /// the first running-text paragraph after them to the last one.
    pub(super) fn layout(&self) -> Layout {
        let title = self.score_title(self.find_title());
        let after_title = title.map_or(0, |t| t + 1);
        let standfirst = title.and_then(|t| self.find_standfirst(t));
        let after_meta = standfirst.map_or(after_title, |s| s + 1);
        let anchors: Vec<usize> = (after_meta..self.len())
            .filter(|&i| self.is_anchor(i))
            .collect();
        let (body_start, body_end) = match (anchors.first(), anchors.last()) {
            (Some(&a), Some(&b)) => (a, b),
            _ => (after_meta, self.len().saturating_sub(1)),
        };
        let found = self.find_byline(title, standfirst, body_start);
        Layout {
            title,
            standfirst,
            byline: found.as_ref().map(|(i, _)| *i),
            byline_parsed: found.map(|(_, b)| b),
            body_start,
            body_end,
        }
    }

    /// The first headline-like text line from the top; section labels and
    /// site names (one or two words) are passed over.
    pub(super) fn find_title(&self) -> Option<usize> {
        let mut fallback = None;
        for i in 0..self.len() {
            if !self.live(i) || self.kind(i) != Kind::Text || self.is_bullet(i) {
                continue;
            }
            let text = self.text(i);
            let words = self.words(i);
            let long = words > TITLE_MAX_WORDS || text.chars().count() > TITLE_MAX_CHARS;
            if long {
                break;
            }
            if self.is_prefixed_byline(i) {
                continue;
            }
            if words >= 3 && !self.masthead_before_headline(i) {
                return Some(i);
            }
            fallback = fallback.or(Some(i));
        }
        fallback
    }

    /// A site name ("The Daily Courier") or a section label ("Science and
    /// technology") standing above the real headline.
    pub(super) fn masthead_before_headline(&self, i: usize) -> bool {
        let text = self.text(i);
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.len() > 5 || ends_sentence(text) {
            return false;
        }
        let headline_like = |j: usize| {
            self.words(j) >= 5
                && !ends_sentence(self.text(j))
                && !self.is_bullet(j)
                && self.parsed_byline(j).is_none()
        };
        let Some(next) = self.next_text(i) else {
            return false;
        };
        let capitalised = words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        });
        // A site name needs only a headline after it (maybe past a label);
        // a label needs a headline and a dek, or it may be a short headline
        // above its dek.
        let site = capitalised && looks_like_outlet(text) && words.len() > 1;
        let after_label = self.words(next) <= 4 && !ends_sentence(self.text(next));
        if site
            && (headline_like(next)
                || (after_label && self.next_text(next).is_some_and(headline_like)))
        {
            return true;
        }
        words.len() <= 4 && headline_like(next) && self.next_text(next).is_some_and(headline_like)
    }

    /// The dek under the headline: a line without a full stop, or a short
    /// sentence standing just above the byline or date.
    pub(super) fn find_standfirst(&self, title: usize) -> Option<usize> {
        // The dek stands between the headline and the byline.
        let i = (title + 1..self.len())
            .find(|&j| self.live(j) && self.kind(j) == Kind::Text)
            .filter(|&j| self.parsed_byline(j).is_none())?;
        let u = self.units.get(i)?;
        let words = self.words(i);
        // "Susan December 9, 2024 0 Comments": a signature glued to its
        // date is a byline line, not a dek.
        if u.bullet || words < 5 || short_dated(&u.text) {
            return None;
        }
        let dek = !ends_sentence(&u.text) && words <= 50;
        let above_meta = words <= 60 && self.meta_follows(i);
        (dek || above_meta).then_some(i)
    }

    /// A byline or date line comes next (furniture between them ignored).
    pub(super) fn meta_follows(&self, i: usize) -> bool {
        let next = (i + 1..self.len()).find(|&j| {
            self.live(j) && matches!(self.kind(j), Kind::Text | Kind::Date | Kind::Byline)
        });
        next.is_some_and(|j| self.kind(j) != Kind::Text || self.parsed_byline(j).is_some())
    }

    /// The byline near the headline, chosen by score among the lines just
    /// above it and between it and the body (see `byline_score`); else a
    /// "By ..." line elsewhere above the headline or, in some outlets,
    /// after the body.
    pub(super) fn find_byline(
        &self,
        title: Option<usize>,
        standfirst: Option<usize>,
        body_start: usize,
    ) -> Option<(usize, Byline)> {
        let start = title.map_or(0, |t| t + 1);
        let prefixed = |i: usize| {
            (self.live(i) && self.kind(i) == Kind::Text && self.is_prefixed_byline(i))
                .then(|| self.parsed_byline(i).cloned())
                .flatten()
                .map(|b| (i, b))
        };
        let t = title.unwrap_or(0);
        let from = title.map_or(0, |t| t.saturating_sub(6));
        let to = body_start.max(start + 8).min(start + 25).min(self.len());
        let mut best: Option<(f64, usize, Byline)> = None;
        for i in from..to {
            if Some(i) == standfirst || Some(i) == title {
                continue;
            }
            let Some((j, b)) = self
                .byline_at(i)
                .or_else(|| self.name_over_date(i, t, body_start))
            else {
                continue;
            };
            let labelled = j != i || self.is_prefixed_byline(i) || has_by_word(self.text(i));
            if (!labelled || !b.names.contains(' ')) && self.common_words(&b.names) {
                continue;
            }
            let score = self.byline_score(i, j, &b, t, body_start);
            if score > 0.0 && best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                best = Some((score, j, b));
            }
        }
        // Above the headline a "By" line may have been dropped with the
        // menus around it, or taken for clutter ("by Jo Hale | SEO | 8 min
        // Read"): it still signs.
        let prefixed_above = |i: usize| {
            (matches!(self.kind(i), Kind::Text | Kind::Weak | Kind::Clutter)
                && self.is_prefixed_byline(i))
            .then(|| self.parsed_byline(i).cloned())
            .flatten()
            .map(|b| (i, b))
        };
        // "By Role", "By Audience": one common word after "By" sorts a
        // menu or heads a section.
        let signer = |(i, b): (usize, Byline)| {
            (b.names.contains(' ') || !self.common_words(&b.names)).then_some((i, b))
        };
        best.map(|(_, j, b)| (j, b))
            .or_else(|| {
                // "... beyond the U.S. By Lisa Jennings on Dec. 19, 2025": the
                // byline glued to the end of the dek.
                let s = standfirst?;
                let text = self.text(s);
                let at = text.rfind(" By ")?;
                let b = parse_byline(text.get(at + 1..)?)?;
                (word_len(text.get(at..)?) <= 10).then_some((s, b))
            })
            .or_else(|| {
                // Above the headline "By Event Type" sorts a menu: the words
                // of a signer's name are not the story's common words.
                (0..start.saturating_sub(1))
                    .find_map(|i| prefixed_above(i).filter(|(_, b)| !self.common_words(&b.names)))
            })
            .or_else(|| (body_start + 1..self.len()).find_map(|i| prefixed(i).and_then(signer)))
            .or_else(|| {
                // "Written by Jo Hale" in the author box past the story's
                // end, dropped with the rest of the tail.
                (body_start + 1..self.len()).find_map(|i| {
                    (self.kind(i) == Kind::End
                        && starts_with_ignore_ascii_case(self.text(i), "written by "))
                    .then(|| self.parsed_byline(i).cloned())
                    .flatten()
                    .map(|b| (i, b))
                })
            })
            .or_else(|| {
                // "Author" over "Jo Hale" in the box past the story's end.
                (body_start + 1..self.len())
                    .filter(|&i| self.live(i) && is_byline_label(self.text(i)))
                    .find_map(|i| self.byline_at(i))
            })
            .or_else(|| (body_start + 1..self.len()).find_map(|i| self.author_box(i)))
    }

    /// "Copper Pipes", "Event Type": every word of the would-be name also
    /// stands in lower case in the running text, so they are words of the
    /// story's subject, not a person's name (a surname is rarely written
    /// in lower case).
    fn common_words(&self, names: &str) -> bool {
        let words: Vec<String> = names
            .split_whitespace()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
            .map(str::to_lowercase)
            .collect();
        if words.is_empty() || words.iter().any(|w| !w.chars().all(char::is_alphabetic)) {
            return false;
        }
        let anchors: Vec<&str> = (0..self.len())
            .filter(|&i| self.is_anchor(i))
            .take(300)
            .map(|i| self.text(i))
            .collect();
        words.iter().all(|w| {
            anchors.iter().any(|t| {
                t.match_indices(w.as_str()).any(|(at, _)| {
                    let before = t.get(..at).and_then(|s| s.chars().next_back());
                    let after = t.get(at + w.len()..).and_then(|s| s.chars().next());
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                })
            })
        })
    }

    /// "Jo Hale" on its own line past the story's start with a bio under
    /// it ("Jo Hale is a ...", "Jo comes from ...", "I'm the founder ...")
    /// or an "Author" label: the author box names the writer.
    fn author_box(&self, i: usize) -> Option<(usize, Byline)> {
        let text = self.text(i);
        if !(2..=4).contains(&self.words(i)) || ends_sentence(text) {
            return None;
        }
        // A shouted line is a heading ("ORLANDO MOURNS" over "Orlando
        // mourned the dead ...").
        if !text.chars().any(char::is_lowercase) {
            return None;
        }
        // Cheap test first: a bio opening on the line's first word, an "I"
        // or a label must follow before a byline is parsed.
        let lead = text.split_whitespace().next()?;
        let maybe = (i + 1..self.len().min(i + 3)).any(|k| {
            let t = self.text(k).trim_start();
            t.starts_with(lead)
                || t.starts_with('I')
                || t.starts_with("Dr")
                || t.starts_with("Hi")
                || t.starts_with("Author")
                || t.starts_with("author")
        });
        if !maybe {
            return None;
        }
        let b = self
            .parsed_byline(i)
            .filter(|b| b.date.is_none() && !b.names.contains(" and "))?
            .clone();
        // "Marketer Vs Machine" over "Marketer Vs Machine: we need ...": a
        // subheading made of the story's own words.
        if self.common_words(&b.names) {
            return None;
        }
        let first = b.names.split_whitespace().next()?.to_string();
        let opens_on = |t: &str, name: &str| {
            t.strip_prefix(name)
                .is_some_and(|rest| rest.starts_with([' ', ',']))
        };
        // The box is often past the story's end, dropped: read it anyway.
        let bio = (i + 1..self.len().min(i + 3)).any(|k| {
            let t = self.text(k).trim();
            let lower = t.to_lowercase();
            (self.words(k) >= 8
                && (opens_on(t, &b.names)
                    || opens_on(t, &first)
                    || opens_on(t, &format!("Dr. {first}"))
                    || lower.starts_with("i'm ")
                    || lower.starts_with("i’m ")
                    || lower.starts_with("i am ")
                    || lower.starts_with("hi, i")))
                || matches!(
                    lower.as_str(),
                    "author" | "author's profile" | "author’s profile"
                )
        });
        // "Written by" over the box vouches for it wherever it stands.
        let labelled = self.live_before(i).next().is_some_and(|k| {
            matches!(
                self.text(k).trim().to_lowercase().as_str(),
                "written by" | "author" | "authors" | "about the author" | "by"
            )
        });
        (bio && (labelled || self.story_told_before(i))).then_some((i, b))
    }

    /// Most of the running text stands before unit `i`: an author box
    /// closes a story, while a subheading over a paragraph that opens on
    /// its words ("Liberty Tax" over "Liberty Tax is a tax service ...")
    /// has much of the story still below it.
    fn story_told_before(&self, i: usize) -> bool {
        let (mut before, mut after) = (0, 0);
        for k in (0..self.len()).filter(|&k| self.is_anchor(k)) {
            if k < i {
                before += self.words(k);
            } else {
                after += self.words(k);
            }
        }
        after * 3 < before
    }

    /// How much a byline found at unit `i` (its name at `j`) looks like the
    /// story's own: a "By" prefix or label, a date beside it, the name
    /// again in an author box further down, a role line under it, and
    /// nearness to the headline. Positive scores are bylines.
    fn byline_score(&self, i: usize, j: usize, b: &Byline, title: usize, body_start: usize) -> f64 {
        let text = self.text(i);
        let labelled = j != i || self.is_prefixed_byline(i) || has_by_word(text);
        let near_date = b.date.is_some()
            || (j.saturating_sub(2)..(j + 4).min(self.len()))
                .any(|k| k != j && (self.kind(k) == Kind::Date || short_dated(self.text(k))));
        let role_below = self
            .units
            .get(j + 1)
            .is_some_and(|u| self.words(j + 1) <= 8 && has_role(&u.text));
        let repeated = self.name_elsewhere(&b.names, j);
        let dist = j.abs_diff(title) as f64;
        let mut score = -0.08 * dist;
        if labelled {
            score += 3.0;
        }
        if near_date {
            score += 1.2;
        }
        if role_below {
            score += 1.0;
        }
        if repeated {
            score += 1.0;
        }
        if j > title {
            score += 0.5;
        }
        if j >= body_start && !labelled {
            score -= 1.0;
        }
        // An unlabelled name with nothing beside it is a menu item or a
        // section label as often as a byline.
        let in_head = j > title && j < body_start;
        if !labelled && !near_date && !role_below && !repeated && !in_head {
            score -= 1.0;
        }
        if !labelled
            && (super::title::ui_share(&b.names.split_whitespace().collect::<Vec<_>>()) > 0.0
                || (j < title && (!near_date || dist > 3.0)))
        {
            // "Member Login" above the headline is a menu item.
            score -= 3.0;
        }
        score
    }

    /// "Stefan" or "SIMPLEHAUS" on its own line between the headline and
    /// the body with a date line straight under it: a one-word signature
    /// (a first name, a handle, a company) that `parse_byline` leaves alone.
    fn name_over_date(&self, i: usize, title: usize, body_start: usize) -> Option<(usize, Byline)> {
        if i <= title || i >= body_start || !self.live(i) {
            return None;
        }
        // A signature glued to its date ("EcoFlow- 2025/4/29") may have
        // been taken for a date line.
        if !matches!(self.kind(i), Kind::Text | Kind::Date) {
            return None;
        }
        let full = self.text(i).trim();
        // "Susan December 9, 2024 0 Comments", "EcoFlow- 2025/4/29": the
        // signature glued to its date (a comment count may trail).
        let glued = super::meta::date_span(full).and_then(|(_, start, end)| {
            let name = full
                .get(..start)?
                .trim()
                .trim_end_matches(['-', ',', '|', '·']);
            let rest = full.get(end..)?;
            (start > 0 && word_len(rest) <= 2 && !name.is_empty()).then_some(name.trim())
        });
        // "Updated April 10, 2025", "Released Wednesday, March 2, 2022":
        // a label, not a signature.
        if glued.is_some_and(|name| {
            let first = name
                .split_whitespace()
                .next()
                .unwrap_or(name)
                .to_lowercase();
            DATE_LABELS.contains(&first.trim_end_matches(':'))
        }) {
            return None;
        }
        if glued.is_none() && self.kind(i) != Kind::Text {
            return None;
        }
        let text = glued.unwrap_or(full);
        if DATE_LABELS.contains(&text.to_lowercase().trim_end_matches(':')) {
            return None;
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        // The date line under it, past a copy of the name (an avatar's
        // alt text, a mobile layout).
        let next = self.live_after(i).find(|&j| self.text(j).trim() != full);
        let wordy = |w: &&str| {
            w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '\'' | '-'))
        };
        // Several words must all be capitalised ("West Bell Dental Care";
        // not "Updated by Jo Hale"); one may be a handle.
        let capitalised = |w: &&str| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        };
        let ok = (1..=4).contains(&words.len())
            && words.iter().all(wordy)
            && (words.len() == 1 || words.iter().all(capitalised))
            // "EcoFlow- 2025/4/29": one camel-cased word glued to its date
            // is a company's signature, not a glued menu.
            && (super::title::glued_words(&words) == 0 || (glued.is_some() && words.len() == 1))
            && text.chars().any(char::is_alphabetic)
            && !ends_sentence(text)
            && super::title::ui_share(&words) == 0.0
            && parse_date(text).is_none()
            && (glued.is_some()
                || next.is_some_and(|j| self.kind(j) == Kind::Date)
                || self.date_just_above(i, title));
        ok.then(|| {
            (
                i,
                Byline {
                    names: super::meta::tidy_case(text),
                    outlet: None,
                    date: None,
                },
            )
        })
    }

    /// The date line straight above unit `i`, itself under the headline
    /// ("January 14, 2025" over "Staff Clinician").
    fn date_just_above(&self, i: usize, title: usize) -> bool {
        self.live_before(i)
            .next()
            .is_some_and(|k| k > title && self.kind(k) == Kind::Date)
    }

    /// The names stand again in a unit away from `j` (an author box, a
    /// bio): searched in the first few thousand units only.
    fn name_elsewhere(&self, names: &str, j: usize) -> bool {
        let first = names.split(" and ").next().unwrap_or(names).trim();
        if first.chars().count() < 4 {
            return false;
        }
        (0..self.len().min(4000))
            .filter(|&k| k.abs_diff(j) > 3)
            .any(|k| self.words(k) >= 6 && self.text(k).contains(first))
    }

    /// The byline at unit `i`: its own text, or the name under a "By" or
    /// "Written by" label line.
    pub(super) fn byline_at(&self, i: usize) -> Option<(usize, Byline)> {
        if !self.live(i) {
            return None;
        }
        let text = self.text(i);
        // "Written by Jo Hale" reads as a sign-off too; "BySarah July 30,
        // 2019" as a date line.
        let usable = matches!(self.kind(i), Kind::Text | Kind::Weak | Kind::Byline)
            || (self.kind(i) == Kind::Date && starts_with_ignore_ascii_case(text, "by"))
            || (matches!(self.kind(i), Kind::Clutter | Kind::End) && self.is_prefixed_byline(i))
            || (self.kind(i) == Kind::Clutter && is_tag_line(text));
        if is_byline_label(text) {
            let j = (i + 1..self.len()).find(|&j| self.live(j))?;
            if j > i + 3 || !matches!(self.kind(j), Kind::Text | Kind::Weak) {
                return None;
            }
            let mut b = parse_byline(&format!("By {}", self.text(j)))?;
            // "Author(s)" over one name a line: the names below belong too.
            if b.date.is_none() && !b.names.contains(" and ") && !b.names.contains(',') {
                let mut names = vec![b.names.clone()];
                let mut k = j;
                while let Some(n) = self.live_after(k).next().filter(|&n| n <= k + 2) {
                    let more = matches!(self.kind(n), Kind::Text | Kind::Weak)
                        .then(|| self.parsed_byline(n).cloned())
                        .flatten()
                        .filter(|nb| {
                            nb.date.is_none()
                                && nb.outlet.is_none()
                                && !nb.names.contains(" and ")
                                && !nb.names.contains(',')
                                // "EdTech Content" under the name is a role.
                                && !nb.names.split_whitespace().any(|w| self.common_words(w))
                        });
                    let Some(nb) = more else { break };
                    if !names.contains(&nb.names) {
                        names.push(nb.names);
                    }
                    k = n;
                    if names.len() >= 8 {
                        break;
                    }
                }
                b.names = super::meta::join_names(&names);
            }
            return Some((j, b));
        }
        if !usable {
            return None;
        }
        self.parsed_byline(i)
            .cloned()
            .or_else(|| {
                (self.kind(i) == Kind::Byline)
                    .then(|| unnamed_byline(text))
                    .flatten()
            })
            .map(|b| (i, b))
    }

    /// The outlet: a sign-off, a trust line, a copyright line, the
    /// dateline's agency, then an outlet named in the byline.
    pub(super) fn publisher(
        &self,
        body_start: usize,
        byline_outlet: Option<String>,
    ) -> Option<String> {
        let all = 0..self.len();
        let sign_off = (body_start..self.len())
            .filter(|&i| matches!(self.kind(i), Kind::End | Kind::Clutter))
            .find_map(|i| sign_off_name(self.raw(i)))
            .filter(|n| looks_like_outlet(n))
            .map(|n| tidy_case(&n));
        sign_off
            .or_else(|| all.clone().find_map(|i| trust_line_outlet(self.text(i))))
            .or_else(|| all.clone().find_map(|i| copyright_holder(self.text(i))))
            .or_else(|| {
                (body_start..self.len())
                    .find(|&i| self.is_anchor(i))
                    .and_then(|i| dateline_agency(self.text(i)))
            })
            .or(byline_outlet)
            .or_else(|| {
                // "By AFP"
                (0..self.len())
                    .filter(|&i| self.kind(i) == Kind::Byline)
                    .find_map(|i| {
                        let name = self.text(i).get(3..)?.trim();
                        (looks_like_outlet(name) && !name.eq_ignore_ascii_case("staff"))
                            .then(|| tidy_case(name))
                    })
            })
    }

    /// A date line near the top, a date beside the byline, a date in the
    /// opening dateline, or a "Published ..." line anywhere.
    pub(super) fn published(&self, layout: &Layout, byline_date: Option<String>) -> Option<String> {
        let head = (0..layout.body_start).filter(|&i| self.kind(i) == Kind::Date);
        let dateline = (layout.body_start..self.len())
            .find(|&i| self.is_anchor(i))
            .and_then(|i| {
                let opening: String = self.text(i).chars().take(80).collect();
                parse_date(&opening)
            });
        let anywhere = (0..self.len()).filter(|&i| self.kind(i) == Kind::Date);
        // A date line or a short dated line nearest the headline: below it
        // first (byline and date stand there), then just above it.
        let near = layout.title.and_then(|t| {
            let dated = |i: usize| {
                let text = self.raw(i);
                (i != t && text.chars().count() <= 160 && !self.is_anchor(i))
                    .then(|| parse_date(text))
                    .flatten()
            };
            let below =
                (t + 1..self.len().min(t + 12).min(layout.body_start.max(t + 4))).find_map(dated);
            below.or_else(|| (t.saturating_sub(6)..t).rev().find_map(dated))
        });
        byline_date
            .clone()
            .or(near)
            .or_else(|| head.clone().find_map(|i| parse_date(self.raw(i))))
            .or(byline_date)
            .or(dateline)
            .or_else(|| anywhere.clone().find_map(|i| parse_date(self.raw(i))))
    }
}

/// "By 3i Global", "by ibby", "By Ask the Doctors": a short "By" line
/// whose signer is a company, a column or a handle rather than a person's
/// name; a news agency ("By AFP") or "By Staff" names no one.
fn unnamed_byline(text: &str) -> Option<Byline> {
    let rest = text.trim().get(3..)?.trim();
    let agency = looks_like_outlet(rest) && rest.chars().any(char::is_uppercase);
    (!agency && !rest.is_empty() && rest.chars().any(char::is_alphabetic)).then(|| Byline {
        names: rest.to_string(),
        outlet: None,
        date: None,
    })
}

/// "Posted on July 1, 2024 by Jo", "Jo Hale | by": a "by" inside the line.
fn has_by_word(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.starts_with("by") || lower.contains(" by ") || lower.contains(" by:")
}

/// A short line naming a role ("Senior Writer", "Trending Editor").
fn has_role(text: &str) -> bool {
    const ROLES: &[&str] = &[
        "writer",
        "editor",
        "reporter",
        "correspondent",
        "contributor",
        "author",
        "journalist",
        "columnist",
        "expert",
        "founder",
        "ceo",
        "director",
        "manager",
        "lead",
        "specialist",
        "strategist",
        "consultant",
        "dietitian",
        "producer",
        "analyst",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| ROLES.contains(&w.to_lowercase().as_str()))
}

/// A short line holding a date.
/// "Written by", "Author:": a label line over the names.
fn is_byline_label(text: &str) -> bool {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        crate::ingest::patterns::regex(
            r"^(?i:by|written by|author|authors|author\(s\)|posted by|article (?:written )?by|words by|story by|author details)\s*:?$",
        )
    });
    text.len() <= 24 && LABEL.is_match(text.trim())
}

/// Words that label a date rather than sign it.
const DATE_LABELS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "released",
    "modified",
    "last",
    "date",
    "created",
    "first",
    "on",
    "reviewed",
    "edited",
    "written",
];

fn short_dated(text: &str) -> bool {
    word_len(text) <= 10 && parse_date(text).is_some()
}

/// The line opens on "By ", "Written by " or "Posted by", in any case
/// (a no-break space counts as a space).
pub(super) fn has_by_prefix(text: &str) -> bool {
    let text = text.trim_start();
    let spaced;
    let text = if text.contains('\u{a0}') {
        spaced = text.replace('\u{a0}', " ");
        spaced.as_str()
    } else {
        text
    };
    ["by ", "written by ", "posted by"]
        .iter()
        .any(|p| starts_with_ignore_ascii_case(text, p))
}

/// A sign-off names an outlet ("-- THE HERALD", "— Reuters"), not a
/// columnist ("— Jane Smith").
pub(super) fn looks_like_outlet(name: &str) -> bool {
    const OUTLET_WORDS: &[&str] = &[
        "post",
        "times",
        "news",
        "press",
        "herald",
        "journal",
        "daily",
        "agency",
        "tribune",
        "telegraph",
        "guardian",
        "mail",
        "star",
        "globe",
        "gazette",
        "review",
        "wire",
        "media",
        "chronicle",
        "observer",
        "independent",
        "express",
        "standard",
        "reuters",
        "bernama",
        "xinhua",
        "kyodo",
        "yonhap",
        "nikkei",
        "asia",
        "network",
        "radio",
        "tv",
        "television",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    let shouting = name
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    words.len() == 1
        || shouting
        || words
            .iter()
            .any(|w| OUTLET_WORDS.contains(&w.to_lowercase().as_str()))
}

/// "(LEAD) Headline", "UPDATE 2-Headline": wire service tags go.
pub(super) fn strip_wire_tag(title: &str) -> String {
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\((?:LEAD|URGENT|\d+(?:st|nd|rd|th) LD|LD|UPDATE(?: \d+)?|EXCLUSIVE|CORRECTED|REFILE|WRAPUP(?: \d+)?)[^)]{0,30}\)\s*|(?:UPDATE \d+|REFILE|CORRECTED|WRAPUP \d+|EXCLUSIVE|BREAKINGVIEWS)\s*-\s*)")
            .unwrap_or_else(|e| panic!("bad wire tag pattern: {e}"))
    });
    let stripped = TAG.replace(title, "");
    if word_len(&stripped) >= 2 {
        stripped.into_owned()
    } else {
        title.to_string()
    }
}

/// "Headline | Site" -> "Headline"; "Headline - Outlet" when the outlet
/// is the publisher found elsewhere.
pub(super) fn strip_site_suffix(title: &str, publisher: Option<&str>) -> String {
    let title = title.trim();
    if let Some((head, _)) = title.split_once(" | ")
        && word_len(head) >= 3
    {
        return head.trim().to_string();
    }
    if let Some(p) = publisher {
        for sep in [" - ", " – ", " — "] {
            if let Some((head, tail)) = title.rsplit_once(sep)
                && tail.trim().eq_ignore_ascii_case(p)
                && word_len(head) >= 3
            {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// A headline line with more on it: "Home > Blog > Headline" or
/// "Section/Sub/Headline" (a breadcrumb glued on), "Headline by Jo Hale"
/// or "Headline by" (the byline glued on), "Headline March 3rd, 2025".
pub(super) fn cut_glued_title(title: &str) -> String {
    static CRUMB: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?i:you are here)\s*:?\s*)?(?:[^»›>/·]{1,40}?\s*[»›>·]\s*)+|^(?:[\p{Lu}][^/]{1,30}/){2,}|^(?i:home|blog|title|project|introduction)\s*[/:]\s*")
            .unwrap_or_else(|e| panic!("bad crumb pattern: {e}"))
    });
    static BY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s+by(?:\s+\p{Lu}[\p{L}'’-]*){0,4}\s*$")
            .unwrap_or_else(|e| panic!("bad by pattern: {e}"))
    });
    let mut t = title
        .trim()
        .trim_end_matches(|c: char| matches!(c, '━' | '─' | '═' | '_' | '=') || c.is_whitespace())
        .to_string();
    if let Some(m) = CRUMB.find(&t) {
        let rest = t.get(m.end()..).unwrap_or("").trim();
        if word_len(rest) >= 2 {
            t = rest.to_string();
        }
    }
    if let Some(m) = BY.find(&t) {
        let head = t.get(..m.start()).unwrap_or("").trim();
        let tail_words = word_len(t.get(m.start()..).unwrap_or(""));
        // "Stand by Me" keeps its "by": only "by" alone or a two-word name
        // ("Step by Step Guide" names no one).
        // The words after "by" must read as names without the "by".
        let named = t
            .get(m.start()..)
            .unwrap_or("")
            .trim()
            .get(2..)
            .is_some_and(|names| parse_byline(names).is_some());
        if word_len(head) >= 3 && (tail_words == 1 || (tail_words >= 3 && named)) {
            t = head.to_string();
        }
    }
    t = cut_tag_tail(&t);
    if let Some((_, start, end)) = super::meta::date_span(&t)
        && start > 0
        && end == t.len()
    {
        let head = t
            .get(..start)
            .unwrap_or("")
            .trim_end_matches([' ', '|', '-', '/', ',']);
        if word_len(head) >= 2 {
            t = head.to_string();
        }
    }
    t
}

/// "Framing the Landscape making images": a headline in title case with
/// lower-case tags or a handle glued after it loses them. Title case
/// leaves only short words (a, of, the) in lower case, so a longer
/// lower-case word after the last capitalised one is not the headline's.
fn cut_tag_tail(title: &str) -> String {
    let words: Vec<&str> = title.split_whitespace().collect();
    let starts_upper = |w: &&str| {
        w.chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let Some(last_cap) = words.iter().rposition(starts_upper) else {
        return title.to_string();
    };
    let (head, tail) = words.split_at(last_cap + 1);
    let long = |w: &&&str| w.chars().filter(|c| c.is_alphabetic()).count() >= 4;
    let plain = |w: &&str| w.chars().all(|c| c.is_lowercase() || c == '-');
    // Four capitalised longer words at least ("Introducing Bolmo: Byteifying
    // the next generation" is sentence case), and no count left dangling
    // ("... to 'Knives Out,' 10 movies to stream").
    let head_title_case = head.iter().filter(long).count() >= 4
        && head.iter().filter(long).all(starts_upper)
        && head
            .last()
            .is_some_and(|w| !w.chars().any(|c| c.is_ascii_digit()));
    if head_title_case
        && !tail.is_empty()
        && tail.iter().all(plain)
        && tail.iter().any(|w| long(&w))
    {
        head.join(" ")
    } else {
        title.to_string()
    }
}

/// An upper-cased headline (CSS `text-transform`) gets its case back from
/// the same words in another line of the dump (a breadcrumb, a share
/// text); a headline shouted in a plain story stays as written.
pub(super) fn uncase_title(title: &str, lines: &[&str]) -> String {
    let letters: Vec<char> = title.chars().filter(|c| c.is_alphabetic()).collect();
    let shouting = letters.len() > 3 && letters.iter().all(|c| !c.is_lowercase());
    if !shouting {
        return title.to_string();
    }
    let key = title.to_lowercase();
    for line in lines {
        if !line.chars().any(char::is_lowercase) {
            continue;
        }
        let lower = line.to_lowercase();
        // Byte offsets agree only when lower-casing keeps lengths.
        if lower.len() == line.len()
            && let Some(at) = lower.find(&key)
            && let Some(found) = line.get(at..at + key.len())
        {
            return found.to_string();
        }
    }
    title.to_string()
}
