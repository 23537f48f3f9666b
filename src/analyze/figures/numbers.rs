//! Numbers as written: digits with groups and decimals, scale words
//! (`4.8 million`, `5bn`, `2 lakh crore`), spelled-out numbers (`twenty-five`,
//! `two hundred`, `half a million`), fractions, ordinals, multiplier words.

use super::scan::{Found, Scanner};
use super::tokens::TokKind;
use super::words::{
    fold_word, fraction_word, is_function_word, low_ordinal_word, scale_word, tens_word, unit_word,
};
use crate::article::FigureKind;

/// A number as written: `mant * 10^exp`, kept exact so that `4.8 million`
/// is 4800000.0, not 4799999.999.
#[derive(Clone, Copy, Debug)]
pub(super) struct Numeral {
    pub first: usize,
    pub end: usize,
    pub mant: u64,
    pub exp: i32,
    /// The power of ten a scale word added (`million` -> 6), else 0.
    pub scale: i32,
    pub digits: bool,
    /// The plain integer, when written without grouping, decimals or scale.
    pub int: Option<u64>,
    /// Length of the digit token (0 for spelled-out numbers).
    pub width: usize,
}

impl Numeral {
    pub fn value(&self) -> f64 {
        pow10(self.mant as f64, self.exp)
    }

    /// The same number shifted by `exp` powers of ten.
    pub fn shifted(self, exp: i32) -> Numeral {
        Numeral {
            exp: self.exp + exp,
            ..self
        }
    }
}

/// `m * 10^e` with a single rounding.
pub(super) fn pow10(m: f64, e: i32) -> f64 {
    if e >= 0 {
        m * 10f64.powi(e)
    } else {
        m / 10f64.powi(-e)
    }
}

impl<'a> Scanner<'a, '_> {
    /// `21st`, `3rd` (not in a date, which came first).
    pub fn digit_ordinal(&self, n: &Numeral) -> Option<Found<'a>> {
        let v = n.int.filter(|_| n.digits)?;
        let w = self.glued_word(n.end)?;
        matches!(w, "st" | "nd" | "rd" | "th")
            .then(|| self.plain(n.first, n.end + 1, FigureKind::Ordinal, v as f64))
    }

    /// `twenty-first`.
    pub fn compound_ordinal(&self, n: &Numeral) -> Option<Found<'a>> {
        let v = n.int.filter(|_| !n.digits)?;
        let j = n.end;
        if !(self.is_punct(j, "-") && self.glued(j) && self.glued(j + 1)) || v % 10 != 0 {
            return None;
        }
        let o = self
            .word(j + 1)
            .and_then(low_ordinal_word)
            .filter(|&o| o < 10)?;
        Some(self.plain(n.first, j + 2, FigureKind::Ordinal, (v + o) as f64))
    }

    /// `twofold`, `twice as`.
    pub fn multiplier_word_at(&self, i: usize) -> Option<Found<'a>> {
        let w = self.word(i)?;
        if let Some(v) = fold_word(w) {
            return Some(self.plain(i, i + 1, FigureKind::Multiplier, v as f64));
        }
        (self.is(i, "twice") && self.is_any(i + 1, &["as", "the", "that", "what", "its", "their"]))
            .then(|| self.plain(i, i + 1, FigureKind::Multiplier, 2.0))
    }

    /// `two-thirds`, `one-fifth`, `a third of`, `half of`, `three quarters of`.
    pub fn fraction_at(&self, i: usize) -> Option<Found<'a>> {
        let w = self.word(i)?;
        if self.is(i, "half") {
            let prev_blocks = self.is_any(
                i.wrapping_sub(1),
                &["first", "second", "other", "latter", "the", "and", "a"],
            );
            let next_ok = self.is_any(
                i + 1,
                &[
                    "of", "the", "its", "their", "his", "her", "our", "all", "them",
                ],
            );
            return (next_ok && !prev_blocks)
                .then(|| self.plain(i, i + 1, FigureKind::Number, 0.5));
        }
        let top = if self.is_any(i, &["a", "an"]) {
            1
        } else {
            unit_word(w).filter(|&v| v < 10)?
        };
        let hyphen = self.is_punct(i + 1, "-") && self.glued(i + 1) && self.glued(i + 2);
        let d = if hyphen { i + 2 } else { i + 1 };
        let den = self.word(d).and_then(fraction_word)?;
        if self.is_punct(d + 1, "-") && self.glued(d + 1) {
            return None; // `a sixth-grader`, `a half-frozen snake`
        }
        let plural = self.word(d).is_some_and(|w| w.ends_with('s'));
        // `a third term` is an ordinal; `a third of`, `by a third` and
        // `two-thirds` are shares.
        let noun_after = self
            .word(d + 1)
            .is_some_and(|w| !is_function_word(w) && !self.glued(d + 1));
        let sure = hyphen || (top > 1 && plural) || (top == 1 && d == i + 1 && !noun_after);
        if !sure || top >= den {
            return None;
        }
        if self.scale_after_of(d + 1).is_some() {
            return None; // `a quarter of a million`: a number, read elsewhere
        }
        Some(self.plain(i, d + 1, FigureKind::Number, top as f64 / den as f64))
    }

    /// `of a million` after a fraction: the scale.
    pub fn scale_after_of(&self, j: usize) -> Option<i32> {
        if self.is(j, "of") && self.is(j + 1, "a") {
            self.word(j + 2).and_then(|w| scale_word(w, false, false))
        } else {
            None
        }
    }

    /// A number at `i`: digits (`1,001.5`, `4.8 million`, `$10K` with
    /// `money`), or words (`twenty-five`, `two hundred`, `Six million`,
    /// `a million`, `half a million`, `a quarter of a million`).
    pub fn numeral(&self, i: usize, money: bool) -> Option<Numeral> {
        let t = self.tok(i)?;
        match t.kind {
            TokKind::Num => {
                let (mant, exp, grouped) = parse_digits(t.text)?;
                let n = Numeral {
                    first: i,
                    end: i + 1,
                    mant,
                    exp,
                    scale: 0,
                    digits: true,
                    int: (exp == 0 && !grouped).then_some(mant),
                    width: t.text.len(),
                };
                Some(self.and_a_half(self.with_scale(n, money)))
            }
            TokKind::Word => self.word_numeral(i, money).map(|n| self.and_a_half(n)),
            TokKind::Punct => None,
        }
    }

    /// `seven and a half years`: 7.5.
    pub fn and_a_half(&self, n: Numeral) -> Numeral {
        let j = n.end;
        let half =
            n.scale == 0 && self.is(j, "and") && self.is(j + 1, "a") && self.is(j + 2, "half");
        match n.mant.checked_mul(10).and_then(|m| m.checked_add(5)) {
            Some(mant) if half => Numeral {
                end: j + 3,
                mant,
                exp: n.exp - 1,
                int: None,
                ..n
            },
            _ => n,
        }
    }

    pub fn with_scale(&self, mut n: Numeral, money: bool) -> Numeral {
        let j = n.end;
        // `1.5m people` counts millions; `a 100m sprint` is metres
        let millions = !money
            && self.glued_word(j) == Some("m")
            && self
                .count_noun(j + 1)
                .is_some_and(|(_, from, _)| from == j + 1);
        if let Some(s) = self
            .word(j)
            .and_then(|w| scale_word(w, self.glued(j), money || millions))
        {
            n.exp += s;
            n.scale += s;
            n.end = j + 1;
            n.int = None;
            // `2 lakh crore`, `5 hundred thousand`: a larger scale multiplies
            let k = n.end;
            if let Some(t) = self
                .word(k)
                .filter(|_| !self.glued(k))
                .and_then(|w| scale_word(w, false, money))
                .filter(|&t| t > s)
            {
                n.exp += t;
                n.scale += t;
                n.end = k + 1;
            }
        }
        n
    }

    pub fn word_numeral(&self, i: usize, money: bool) -> Option<Numeral> {
        let lead = |mant: u64, shift: i32, at: usize| -> Option<Numeral> {
            let s = self.word(at).and_then(|w| scale_word(w, false, money))?;
            Some(Numeral {
                first: i,
                end: at + 1,
                mant,
                exp: s + shift,
                scale: s,
                digits: false,
                int: None,
                width: 0,
            })
        };
        if self.is_any(i, &["a", "an"]) {
            if self.is(i + 1, "quarter") && self.is(i + 2, "of") && self.is(i + 3, "a") {
                return lead(25, -2, i + 4);
            }
            return lead(1, 0, i + 1);
        }
        if self.is(i, "half") {
            return if self.is(i + 1, "a") {
                lead(5, -1, i + 2)
            } else {
                None
            };
        }
        let (mut total, mut cur, mut j, mut small, mut seen, mut scale) =
            (0u64, 0u64, i, false, false, 0);
        while let Some(w) = self.word(j) {
            if let Some(v) = tens_word(w) {
                if small {
                    break;
                }
                cur += v;
                j += 1;
                let k = if self.is_punct(j, "-") && self.glued(j) && self.glued(j + 1) {
                    j + 1
                } else {
                    j
                };
                if let Some(u) = self.word(k).and_then(unit_word).filter(|&u| u < 10) {
                    cur += u;
                    j = k + 1;
                }
            } else if let Some(v) = unit_word(w) {
                if small {
                    break;
                }
                cur += v;
                j += 1;
            } else if let Some(s) = seen.then(|| scale_word(w, false, false)).flatten() {
                if s == 2 {
                    cur = cur.max(1) * 100;
                    j += 1;
                    let more = self
                        .word(j + 1)
                        .is_some_and(|w| unit_word(w).is_some() || tens_word(w).is_some());
                    if self.is(j, "and") && more {
                        j += 1;
                    }
                    small = false;
                    continue;
                }
                total = total.checked_add(cur.checked_mul(10u64.checked_pow(s as u32)?)?)?;
                cur = 0;
                scale = s;
                j += 1;
                small = false;
                continue;
            } else {
                break;
            }
            seen = true;
            small = true;
        }
        if !seen {
            return None;
        }
        let total = total.checked_add(cur)?;
        Some(Numeral {
            first: i,
            end: j,
            mant: total,
            exp: 0,
            scale,
            digits: false,
            int: (scale == 0).then_some(total),
            width: 0,
        })
    }
}

/// `1,001.50` -> (100150, -2, grouped).
fn parse_digits(s: &str) -> Option<(u64, i32, bool)> {
    let mut mant: u64 = 0;
    let mut exp = 0i32;
    let mut after_point = false;
    let mut grouped = false;
    for b in s.bytes() {
        match b {
            b'0'..=b'9' => {
                mant = mant.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
                if after_point {
                    exp -= 1;
                }
            }
            b',' => grouped = true,
            b'.' => after_point = true,
            _ => return None,
        }
    }
    Some((mant, exp, grouped))
}

#[cfg(test)]
mod tests {
    use super::super::testkit::figs;

    #[test]
    fn spelled_out_numbers() {
        assert_eq!(
            figs("seven and a half years"),
            [(
                "seven and a half years",
                "duration",
                Some(7.5),
                Some("years")
            )]
        );
        assert_eq!(
            figs("twenty-five people"),
            [("twenty-five people", "count", Some(25.0), Some("people"))]
        );
        assert_eq!(
            figs("two hundred and fifty jobs"),
            [(
                "two hundred and fifty jobs",
                "count",
                Some(250.0),
                Some("jobs")
            )]
        );
        assert_eq!(
            figs("two million voters"),
            [("two million voters", "count", Some(2e6), Some("voters"))]
        );
        assert_eq!(
            figs("half a million homes"),
            [("half a million homes", "count", Some(5e5), Some("homes"))]
        );
        assert_eq!(
            figs("a quarter of a million dollars"),
            [(
                "a quarter of a million dollars",
                "money",
                Some(2.5e5),
                Some("USD")
            )]
        );
        assert_eq!(
            figs("ninety-nine problems"),
            [(
                "ninety-nine problems",
                "count",
                Some(99.0),
                Some("problems")
            )]
        );
    }

    #[test]
    fn shares_fractions_ordinals() {
        assert!(figs("shared with third parties and third-party sites").is_empty());
        assert_eq!(
            figs("two-thirds of voters"),
            [("two-thirds", "number", Some(2.0 / 3.0), None)]
        );
        assert_eq!(
            figs("the middle one-fifth"),
            [("one-fifth", "number", Some(0.2), None)]
        );
        assert_eq!(
            figs("less than a third of the cost"),
            [("a third", "number", Some(1.0 / 3.0), None)]
        );
        assert_eq!(
            figs("half of all tomatoes"),
            [("half", "number", Some(0.5), None)]
        );
        assert!(figs("in the second half of the year").is_empty());
        assert_eq!(
            figs("a sixth-grader took a half-frozen snake"),
            [("sixth", "ordinal", Some(6.0), None)]
        );
        assert_eq!(
            figs("his third trip"),
            [("third", "ordinal", Some(3.0), None)]
        );
        assert_eq!(
            figs("the 21st century"),
            [("21st", "ordinal", Some(21.0), None)]
        );
        assert_eq!(
            figs("the twenty-first time"),
            [("twenty-first", "ordinal", Some(21.0), None)]
        );
    }
}
