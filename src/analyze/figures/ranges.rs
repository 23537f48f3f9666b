//! Two numbers read as one figure: ranges (`10-15%`, `between 10 and 15
//! per cent`), shares (`eight of 10`), margins (`3 to 1`), tallies (`5-4`).

use super::numbers::{Numeral, pow10};
use super::scan::{Found, Scanner};
use crate::article::FigureKind;

impl<'a> Scanner<'a, '_> {
    /// `between 10 and 15 per cent`: one figure, `between` included.
    pub fn between_at(&self, i: usize) -> Option<Found<'a>> {
        let n = self.numeral(i + 1, false)?;
        self.range_from(&n, i, true)
    }

    /// A range whose low end has no unit of its own and shares the high
    /// end's: `10-15%`, `5 to 10C`, `two to three years`, `18- to
    /// 24-year-old`. One figure whose value is the LOW end (with the high
    /// end's scale: `5 to 10 billion` -> 5e9). Ranges whose ends both carry
    /// a unit (`$500 to $2,000`, `2001 to 2014`) are two figures.
    pub fn range_from(&self, x: &Numeral, first: usize, and_ok: bool) -> Option<Found<'a>> {
        let mut j = x.end;
        if self.is_punct(j, "-") && self.glued(j) && !self.glued(j + 1) {
            j += 1; // suspended hyphen: `18- to 24-year-old`
        }
        let c = self.tok(j)?;
        let dash = matches!(c.text, "-" | "\u{2013}");
        if !(dash || self.is(j, "to") || (and_ok && self.is(j, "and"))) {
            return None;
        }
        let y = self.numeral(j + 1, false)?;
        let u = self.unit_after(&y)?;
        if !matches!(
            u.kind,
            FigureKind::Percent
                | FigureKind::Money
                | FigureKind::Quantity
                | FigureKind::Duration
                | FigureKind::Multiplier
        ) {
            return None;
        }
        let low = share_scale(x, &y);
        Some(Found {
            first,
            end: u.end,
            kind: u.kind,
            value: Some(pow10(low.value(), u.exp)),
            unit: u.unit,
        })
    }

    /// `eight of 10`, `one in five`, `nine out of 10`: the share, 0.8.
    pub fn ratio(&self, x: &Numeral) -> Option<Found<'a>> {
        let a = x.int?;
        let mut j = x.end;
        if self.is(j, "out") && self.is(j + 1, "of") {
            j += 2;
        } else if self.is_any(j, &["of", "in"]) {
            j += 1;
        } else {
            return None;
        }
        let y = self.numeral(j, false)?;
        let b = y.int?;
        if b < 2 || a >= b || b > 1000 || self.unit_after(&y).is_some() {
            return None;
        }
        Some(self.plain(x.first, y.end, FigureKind::Number, a as f64 / b as f64))
    }

    /// `a 3 to 1 margin`, `3-to-1`: a multiplier.
    pub fn to_one(&self, x: &Numeral) -> Option<Found<'a>> {
        let a = x.int?;
        let mut j = x.end;
        let hyphens = self.is_punct(j, "-") && self.glued(j);
        if hyphens {
            j += 1;
        }
        if !self.is(j, "to") {
            return None;
        }
        j += 1;
        if hyphens {
            if !self.is_punct(j, "-") {
                return None;
            }
            j += 1;
        }
        let y = self.numeral(j, false)?;
        (a > 1 && y.int == Some(1) && self.unit_after(&y).is_none())
            .then(|| self.plain(x.first, y.end, FigureKind::Multiplier, a as f64))
    }

    /// `5-4` (a vote or a score): one number, the first.
    pub fn tally(&self, x: &Numeral) -> Option<Found<'a>> {
        let j = x.end;
        if !(x.digits && self.is_punct(j, "-") && self.glued(j) && self.glued(j + 1)) {
            return None;
        }
        let y = self.numeral(j + 1, false)?;
        (x.int.is_some() && y.digits && y.int.is_some() && self.glued_word(y.end).is_none())
            .then(|| self.plain(x.first, y.end, FigureKind::Number, x.value()))
    }
}

/// The low end of a range takes the high end's scale when it has none and
/// stays below it: `5 to 10 billion` -> 5 billion.
pub(super) fn share_scale(x: &Numeral, y: &Numeral) -> Numeral {
    if x.scale == 0 && y.scale > 0 {
        let scaled = x.shifted(y.scale);
        if scaled.value() <= y.value() {
            return scaled;
        }
    }
    *x
}

#[cfg(test)]
mod tests {
    use super::super::testkit::figs;

    #[test]
    fn bare_number_ranges_stay_apart() {
        assert_eq!(
            figs("ages 16 to 24 were"),
            [
                ("16", "number", Some(16.0), None),
                ("24", "number", Some(24.0), None)
            ]
        );
        assert_eq!(figs("a 5-4 ruling"), [("5-4", "number", Some(5.0), None)]);
    }

    #[test]
    fn shares_and_margins() {
        assert_eq!(
            figs("nearly eight of 10 voters"),
            [("eight of 10", "number", Some(0.8), None)]
        );
        assert_eq!(
            figs("eight out of 10 said"),
            [("eight out of 10", "number", Some(0.8), None)]
        );
        assert_eq!(
            figs("one in five adults"),
            [("one in five", "number", Some(0.2), None)]
        );
        assert_eq!(
            figs("by a 2-to-1 vote"),
            [("2-to-1", "multiplier", Some(2.0), None)]
        );
        assert_eq!(
            figs("won one in 2016"),
            [("2016", "year", Some(2016.0), None)]
        );
    }
}
