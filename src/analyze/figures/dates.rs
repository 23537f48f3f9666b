//! Dates and years. A date's value is its year when the text gives one
//! (`14 June 2023` -> 2023, `January 2012` -> 2012), else null (`May 19`).
//! A bare month or weekday (`in May`, `on Tuesday`) is no figure: it is a
//! time reference, not a number. `early 2024` and `late January` are.

use super::numbers::Numeral;
use super::scan::{Found, Scanner};
use super::tokens::TokKind;
use super::words::{is_weekday, is_year_cue, month};
use crate::article::FigureKind;

impl<'a> Scanner<'a, '_> {
    /// `May 19`, `Nov. 3, 2025`, `Sept. 19 to 22`, `September 30th`,
    /// `January 2012`.
    pub fn date_at_month(&self, i: usize) -> Option<Found<'a>> {
        let w = self.word(i)?;
        month(w)?;
        let mut j = i + 1;
        if is_abbreviation(w) && self.is_punct(j, ".") && self.glued(j) {
            j += 1;
        }
        if let Some(end) = self.day_at(j, false) {
            let mut end = end;
            let to = self
                .tok(end)
                .is_some_and(|t| matches!(t.text, "-" | "\u{2013}"))
                || self.is(end, "to");
            if to && let Some(e) = self.day_at(end + 1, true) {
                end = e;
            }
            let (end, year) = self.year_after_day(end);
            return Some(self.date(i, end, year));
        }
        let y = self.year_number(j)?;
        Some(self.date(i, j + 1, Some(y)))
    }

    /// `Tuesday, May 19` or `Tuesday 19 May`: the weekday joins the date.
    pub fn date_after_weekday(&self, i: usize) -> Option<Found<'a>> {
        if !self.word(i).is_some_and(is_weekday) {
            return None;
        }
        let j = if self.is_punct(i + 1, ",") {
            i + 2
        } else {
            i + 1
        };
        let f = match self.kind(j) {
            Some(TokKind::Num) => self.date_from_day(&self.numeral(j, false)?),
            _ => self.date_at_month(j),
        }?;
        Some(Found { first: i, ..f })
    }

    /// `early 2024`, `late January`, `mid-1990s`, `the end of May 2020`.
    pub fn date_after_prefix(&self, i: usize) -> Option<Found<'a>> {
        if !self.is_any(i, &["early", "mid", "late"]) {
            return None;
        }
        let j = if self.hyphen_at(i + 1) { i + 2 } else { i + 1 };
        if self.word(j).and_then(month).is_some() {
            if let Some(f) = self.date_at_month(j) {
                return Some(Found { first: i, ..f });
            }
            return Some(self.date(i, j + 1, None));
        }
        let y = self.year_number(j)?;
        let end = if self.glued_word(j + 1) == Some("s") && y % 10 == 0 {
            j + 2
        } else {
            j + 1
        };
        Some(self.date(i, end, Some(y)))
    }

    /// Day first: `14 June 2023`, `3rd of May`.
    pub fn date_from_day(&self, n: &Numeral) -> Option<Found<'a>> {
        if !n.digits || n.width > 2 {
            return None;
        }
        let d = n.int?;
        if !(1..=31).contains(&d) {
            return None;
        }
        let mut j = n.end;
        if self.glued_word(j).is_some_and(is_day_suffix) {
            j += 1;
        }
        if self.is(j, "of") {
            j += 1;
        }
        let m = self.word(j)?;
        month(m)?;
        let mut end = j + 1;
        if is_abbreviation(m) && self.is_punct(end, ".") && self.glued(end) {
            end += 1;
        }
        let year = self.year_number(end);
        if year.is_some() {
            end += 1;
        }
        Some(self.date(n.first, end, year))
    }

    /// A four-digit year: `in 2025`, `established in 1993`, `the 2012
    /// election`, the decade `1990s`, the fiscal year `2012-13`. Not `2000
    /// votes`, nor a four-digit number far from our era with no cue before.
    pub fn year(&self, n: &Numeral) -> Option<Found<'a>> {
        let v = n.int.filter(|_| n.digits && n.width == 4)?;
        let cue = n
            .first
            .checked_sub(1)
            .and_then(|p| self.word(p))
            .is_some_and(is_year_cue);
        let likely = (1900..=2100).contains(&v);
        if !(likely || (cue && (1000..=2199).contains(&v))) {
            return None;
        }
        let j = n.end;
        if self.glued_word(j) == Some("s") && v % 10 == 0 {
            return Some(self.date(n.first, j + 1, Some(v)));
        }
        let fiscal = self
            .tok(j)
            .is_some_and(|t| matches!(t.text, "-" | "\u{2013}" | "/"))
            && self.glued(j)
            && self.glued(j + 1)
            && self
                .tok(j + 1)
                .is_some_and(|t| t.kind == TokKind::Num && t.text.len() == 2);
        if fiscal {
            return Some(self.plain(n.first, j + 2, FigureKind::Year, v as f64));
        }
        if self.glued_word(j).is_some() {
            return None;
        }
        if !cue && self.count_noun(j).is_some_and(|(_, from, _)| from == j) {
            return None; // `2000 votes`
        }
        Some(self.plain(n.first, j, FigureKind::Year, v as f64))
    }

    /// A day number at `j` (`19`, `30th`): the token after it.
    fn day_at(&self, j: usize, glued_ok: bool) -> Option<usize> {
        let t = self
            .tok(j)
            .filter(|t| t.kind == TokKind::Num && t.text.len() <= 2)?;
        let d: u32 = t.text.parse().ok()?;
        if !(1..=31).contains(&d) || (self.glued(j) && !glued_ok) {
            return None;
        }
        let mut end = j + 1;
        if self.glued_word(end).is_some_and(is_day_suffix) {
            end += 1;
        }
        // `May 5 percent` or `Nov 3:30` is no day
        let n = self.numeral(j, false)?;
        if self.unit_after(&n).is_some()
            || self.glued_word(end).is_some()
            || (self.is_punct(end, ":")
                && self.glued(end + 1)
                && self.kind(end + 1) == Some(TokKind::Num))
        {
            return None;
        }
        Some(end)
    }

    /// `, 2025` or ` 2025` after a day: (end, year).
    fn year_after_day(&self, end: usize) -> (usize, Option<u64>) {
        let k = if self.is_punct(end, ",") {
            end + 1
        } else {
            end
        };
        match self.year_number(k) {
            Some(y) => (k + 1, Some(y)),
            None => (end, None),
        }
    }

    /// A plausible year written alone at `j`.
    fn year_number(&self, j: usize) -> Option<u64> {
        let t = self
            .tok(j)
            .filter(|t| t.kind == TokKind::Num && t.text.len() == 4)?;
        let y: u64 = t.text.parse().ok()?;
        ((1000..=2199).contains(&y) && self.glued_word(j + 1).is_none_or(|w| w == "s")).then_some(y)
    }

    fn date(&self, first: usize, end: usize, year: Option<u64>) -> Found<'a> {
        Found {
            first,
            end,
            kind: FigureKind::Date,
            value: year.map(|y| y as f64),
            unit: None,
        }
    }
}

/// `Sept`, `Nov` (which may take a full stop), not `May` or `July`.
fn is_abbreviation(month: &str) -> bool {
    month.len() <= 4 && !matches!(month, "May" | "June" | "July")
}

fn is_day_suffix(w: &str) -> bool {
    matches!(w, "st" | "nd" | "rd" | "th")
}

#[cfg(test)]
mod tests {
    use super::super::testkit::figs;

    #[test]
    fn dates_month_first_and_day_first() {
        assert_eq!(
            figs("hot on Tuesday 19 July. Then"),
            [("Tuesday 19 July", "date", None, None)]
        );
        assert_eq!(
            figs("held September 16-19, using"),
            [("September 16-19", "date", None, None)]
        );
        assert_eq!(figs("seen on May 19."), [("May 19", "date", None, None)]);
        assert_eq!(
            figs("on 14 June 2023,"),
            [("14 June 2023", "date", Some(2023.0), None)]
        );
        assert_eq!(
            figs("by Nov. 3, 2025 at"),
            [("Nov. 3, 2025", "date", Some(2025.0), None)]
        );
        assert_eq!(
            figs("since Sept. 11 the"),
            [("Sept. 11", "date", None, None)]
        );
        assert_eq!(
            figs("expire on September 30th"),
            [("September 30th", "date", None, None)]
        );
        assert_eq!(
            figs("from Sept. 19 to 22, 1,001 adults"),
            [
                ("Sept. 19 to 22", "date", None, None),
                ("1,001 adults", "count", Some(1001.0), Some("adults"))
            ]
        );
        assert_eq!(
            figs("on the 3rd of May"),
            [("3rd of May", "date", None, None)]
        );
        assert_eq!(
            figs("on Tuesday, May 19 she"),
            [("Tuesday, May 19", "date", None, None)]
        );
        assert_eq!(
            figs("in January 2012 she"),
            [("January 2012", "date", Some(2012.0), None)]
        );
        assert_eq!(
            figs("in late January after"),
            [("late January", "date", None, None)]
        );
        assert_eq!(
            figs("released in early 2024,"),
            [("early 2024", "date", Some(2024.0), None)]
        );
        assert_eq!(
            figs("in the mid-1990s"),
            [("mid-1990s", "date", Some(1990.0), None)]
        );
        assert_eq!(
            figs("on 2023-06-14 we"),
            [("2023-06-14", "date", Some(2023.0), None)]
        );
    }

    #[test]
    fn bare_months_and_weekdays_are_no_figures() {
        assert!(figs("said on Tuesday in Beijing").is_empty());
        assert!(figs("The giant said in May that").is_empty());
        assert!(figs("You may 5 times").len() == 1);
    }

    #[test]
    fn years_with_and_without_cues() {
        assert_eq!(
            figs("30 percent below 2005 levels"),
            [
                ("30 percent", "percent", Some(30.0), Some("%")),
                ("2005", "year", Some(2005.0), None)
            ]
        );
        assert_eq!(
            figs("established in 1993, it"),
            [("1993", "year", Some(1993.0), None)]
        );
        assert_eq!(figs("AI in 2025."), [("2025", "year", Some(2025.0), None)]);
        assert_eq!(
            figs("the 2012 election"),
            [("2012", "year", Some(2012.0), None)]
        );
        assert_eq!(
            figs("built in 1450 by"),
            [("1450", "year", Some(1450.0), None)]
        );
        assert_eq!(
            figs("the 1990s boom"),
            [("1990s", "date", Some(1990.0), None)]
        );
        assert_eq!(
            figs("fiscal 2012-13 budget"),
            [("2012-13", "year", Some(2012.0), None)]
        );
        assert_eq!(
            figs("from 2001 to 2014."),
            [
                ("2001", "year", Some(2001.0), None),
                ("2014", "year", Some(2014.0), None)
            ]
        );
        assert_eq!(
            figs("won 2000 votes"),
            [("2000 votes", "count", Some(2000.0), Some("votes"))]
        );
        assert_eq!(
            figs("about 1450 people"),
            [("1450 people", "count", Some(1450.0), Some("people"))]
        );
    }
}
