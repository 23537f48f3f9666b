//! The scanner: walks a block's tokens once, left to right, and at each
//! token tries the figure rules (money, dates, numbers with their units),
//! taking the first that holds and jumping past it, so figures come out in
//! order and never overlap.

use super::tokens::{Tok, TokKind};
use super::words::{
    fold_word, fraction_word, is_function_word, is_weekday, low_ordinal_word, month, ordinal_word,
    scale_word, tens_word, unit_word,
};
use crate::article::FigureKind;

/// Facts about the whole article that decide a unit (`¥` is yuan in a story
/// about China's currency, yen otherwise).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Context {
    pub yuan: bool,
}

/// A figure found: tokens `first..end`, what it is, its value and unit.
#[derive(Clone, Copy, Debug)]
pub(super) struct Found<'a> {
    pub first: usize,
    pub end: usize,
    pub kind: FigureKind,
    pub value: Option<f64>,
    pub unit: Option<&'a str>,
}

/// What a rule made of the tokens at a position.
pub(super) enum Step<'a> {
    Found(Found<'a>),
    /// Not a figure (a code, a phone number, a clock time): go on from here.
    Skip(usize),
    Nothing,
}

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

/// What follows a number and says what it counts.
#[derive(Clone, Copy, Debug)]
pub(super) struct Unit<'a> {
    pub kind: FigureKind,
    pub unit: Option<&'a str>,
    /// Token after the unit.
    pub end: usize,
    /// Powers of ten the unit adds to the value (`cents` -2, `decades` 1).
    pub exp: i32,
}

pub(super) struct Scanner<'a, 't> {
    pub text: &'a str,
    pub toks: &'t [Tok<'a>],
    pub ctx: Context,
}

impl<'a> Scanner<'a, '_> {
    /// Every figure of the block, in order.
    pub fn run(&self, out: &mut Vec<Found<'a>>) {
        let mut i = 0;
        while i < self.toks.len() {
            match self.step(i) {
                Step::Found(f) if f.end > i => {
                    out.push(f);
                    i = f.end;
                }
                Step::Skip(j) if j > i => i = j,
                _ => i += 1,
            }
        }
    }

    fn step(&self, i: usize) -> Step<'a> {
        let Some(t) = self.tok(i) else {
            return Step::Nothing;
        };
        match t.kind {
            TokKind::Num => self.number_at(i),
            TokKind::Punct => {
                if let Some(f) = self.money_at(i) {
                    return Step::Found(f);
                }
                if matches!(t.text, "-" | "\u{2212}") {
                    return self.negative_at(i);
                }
                Step::Nothing
            }
            TokKind::Word => self.word_at(i, t.text),
        }
    }

    fn word_at(&self, i: usize, w: &'a str) -> Step<'a> {
        if let Some(f) = self.money_at(i) {
            return Step::Found(f);
        }
        if !super::words::may_start_figure(w) {
            return Step::Nothing;
        }
        if month(w).is_some() {
            return found(self.date_at_month(i));
        }
        if is_weekday(w) {
            return found(self.date_after_weekday(i));
        }
        if let Some(f) = self.date_after_prefix(i) {
            return Step::Found(f);
        }
        if self.is(i, "minus") && !self.is_any(i.wrapping_sub(1), &["or", "plus"]) {
            return self.negative_at(i);
        }
        if self.is(i, "between") {
            return found(self.between_at(i));
        }
        if let Some(f) = self
            .duration_word_at(i)
            .or_else(|| self.fraction_at(i))
            .or_else(|| self.multiplier_word_at(i))
        {
            return Step::Found(f);
        }
        if unit_word(w).is_some() || tens_word(w).is_some() || self.is_any(i, &["a", "an", "half"])
        {
            return self.number_at(i);
        }
        let party = self.is_any(i + 1, &["party", "parties"])
            || (self.hyphen_at(i + 1) && self.is(i + 2, "party"));
        if let Some(v) = ordinal_word(w).filter(|_| !party) {
            return Step::Found(self.plain(i, i + 1, FigureKind::Ordinal, v as f64));
        }
        Step::Nothing
    }

    /// A number and whatever it measures.
    pub fn number_at(&self, i: usize) -> Step<'a> {
        if self.kind(i) == Some(TokKind::Num)
            && let Some(step) = self.not_a_figure(i)
        {
            return step;
        }
        let Some(n) = self.numeral(i, false) else {
            return Step::Nothing;
        };
        if let Some(f) = self.date_from_day(&n) {
            return Step::Found(f);
        }
        if let Some(j) = self.clock_end(&n) {
            return Step::Skip(j);
        }
        if let Some(f) = self.compound_ordinal(&n) {
            return Step::Found(f);
        }
        let lone_one = !n.digits && n.int == Some(1);
        // `one percent` yes; `at one point`, `one day` are idioms
        let unit = self.unit_after(&n).filter(|u| {
            !lone_one
                || matches!(
                    u.kind,
                    FigureKind::Percent | FigureKind::Money | FigureKind::Quantity
                )
        });
        if let Some(u) = unit {
            let glued_symbol = matches!(u.kind, FigureKind::Quantity | FigureKind::Multiplier)
                && self.glued(n.end);
            if n.digits && glued_symbol && self.code_before(n.first) {
                return Step::Skip(self.glued_run_end(n.first));
            }
            return Step::Found(with_unit(&n, u));
        }
        if n.first >= 2 && self.is(n.first - 2, "factor") && self.is(n.first - 1, "of") {
            // `by a factor of 10`
            return Step::Found(self.plain(n.first, n.end, FigureKind::Multiplier, n.value()));
        }
        if let Some(f) = self
            .to_one(&n)
            .or_else(|| self.range_from(&n, n.first, false))
            .or_else(|| self.ratio(&n))
        {
            return Step::Found(f);
        }
        if lone_one {
            return Step::Nothing;
        }
        if let Some(f) = self.year(&n).or_else(|| self.digit_ordinal(&n)) {
            return Step::Found(f);
        }
        if self.glued_word(n.end).is_some() {
            return Step::Skip(self.glued_run_end(n.end));
        }
        let hyphen_word_before = !n.digits
            && n.first >= 2
            && self.hyphen_at(n.first - 1)
            && self.kind(n.first - 2) == Some(TokKind::Word);
        if self.code_before(n.first)
            || (n.digits && self.address_after(n.end))
            || hyphen_word_before
        {
            return Step::Skip(self.glued_run_end(n.first));
        }
        if self.label_after_article(&n) {
            return Step::Skip(n.end);
        }
        if let Some(f) = self.tally(&n).or_else(|| self.hyphen_noun(&n)) {
            return Step::Found(f);
        }
        match self.count_noun(n.end) {
            Some((noun, from, to)) => Step::Found(Found {
                first: n.first,
                // the noun joins the text when it follows at once: `74 countries`
                end: if from == n.end { to } else { n.end },
                kind: FigureKind::Count,
                value: Some(n.value()),
                unit: Some(noun),
            }),
            None => Step::Found(self.plain(n.first, n.end, FigureKind::Number, n.value())),
        }
    }

    /// `-5%`, `-$5m`, `minus five percent`: the figure after, negated.
    fn negative_at(&self, i: usize) -> Step<'a> {
        let sign = self.tok(i);
        let next = self.tok(i + 1);
        let (Some(sign), Some(next)) = (sign, next) else {
            return Step::Nothing;
        };
        if sign.kind == TokKind::Punct {
            let attached = next.start == sign.end;
            let free_before = i == 0
                || !self.glued(i)
                || self
                    .tok(i - 1)
                    .is_some_and(|p| matches!(p.text, "(" | "[" | "=" | ":"));
            if !attached || !free_before {
                return Step::Nothing;
            }
        }
        let inner = match self.money_at(i + 1) {
            Some(f) => Step::Found(f),
            None => self.number_at(i + 1),
        };
        match inner {
            Step::Found(f)
                if matches!(
                    f.kind,
                    FigureKind::Money
                        | FigureKind::Percent
                        | FigureKind::Quantity
                        | FigureKind::Number
                        | FigureKind::Count
                ) =>
            {
                Step::Found(Found {
                    first: i,
                    value: f.value.map(|v| -v),
                    ..f
                })
            }
            other => other,
        }
    }

    /// `between 10 and 15 per cent`: one figure, `between` included.
    fn between_at(&self, i: usize) -> Option<Found<'a>> {
        let n = self.numeral(i + 1, false)?;
        self.range_from(&n, i, true)
    }

    /// A range whose low end has no unit of its own and shares the high
    /// end's: `10-15%`, `5 to 10C`, `two to three years`, `18- to
    /// 24-year-old`. One figure whose value is the LOW end (with the high
    /// end's scale: `5 to 10 billion` -> 5e9). Ranges whose ends both carry
    /// a unit (`$500 to $2,000`, `2001 to 2014`) are two figures.
    fn range_from(&self, x: &Numeral, first: usize, and_ok: bool) -> Option<Found<'a>> {
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
    fn ratio(&self, x: &Numeral) -> Option<Found<'a>> {
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
    fn to_one(&self, x: &Numeral) -> Option<Found<'a>> {
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
    fn tally(&self, x: &Numeral) -> Option<Found<'a>> {
        let j = x.end;
        if !(x.digits && self.is_punct(j, "-") && self.glued(j) && self.glued(j + 1)) {
            return None;
        }
        let y = self.numeral(j + 1, false)?;
        (x.int.is_some() && y.digits && y.int.is_some() && self.glued_word(y.end).is_none())
            .then(|| self.plain(x.first, y.end, FigureKind::Number, x.value()))
    }

    /// `a 911 call`, `a 529 plan`: a number between an article and a
    /// singular noun names a thing; it counts nothing.
    fn label_after_article(&self, n: &Numeral) -> bool {
        let article = n.first > 0 && self.is_any(n.first - 1, &["a", "an"]);
        let Some(next) = self.word(n.end).filter(|_| !self.glued(n.end)) else {
            return false;
        };
        article
            && n.digits
            && n.int.is_some_and(|v| v >= 2)
            && next.starts_with(|c: char| c.is_lowercase())
            && !is_function_word(next)
            && !is_plural(next)
            && !self.hyphen_at(n.end + 1)
    }

    /// `46-page`, `four-way`, `52-count`: a count of the joined noun.
    fn hyphen_noun(&self, x: &Numeral) -> Option<Found<'a>> {
        let j = x.end;
        if !(self.is_punct(j, "-") && self.glued(j) && self.glued(j + 1)) {
            return None;
        }
        let w = self.word(j + 1)?;
        if !w.starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
        Some(Found {
            first: x.first,
            end: j + 2,
            kind: FigureKind::Count,
            value: Some(x.value()),
            unit: Some(w),
        })
    }

    /// `21st`, `3rd` (not in a date, which came first).
    fn digit_ordinal(&self, n: &Numeral) -> Option<Found<'a>> {
        let v = n.int.filter(|_| n.digits)?;
        let w = self.glued_word(n.end)?;
        matches!(w, "st" | "nd" | "rd" | "th")
            .then(|| self.plain(n.first, n.end + 1, FigureKind::Ordinal, v as f64))
    }

    /// `twenty-first`.
    fn compound_ordinal(&self, n: &Numeral) -> Option<Found<'a>> {
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
    fn multiplier_word_at(&self, i: usize) -> Option<Found<'a>> {
        let w = self.word(i)?;
        if let Some(v) = fold_word(w) {
            return Some(self.plain(i, i + 1, FigureKind::Multiplier, v as f64));
        }
        (self.is(i, "twice") && self.is_any(i + 1, &["as", "the", "that", "what", "its", "their"]))
            .then(|| self.plain(i, i + 1, FigureKind::Multiplier, 2.0))
    }

    /// `two-thirds`, `one-fifth`, `a third of`, `half of`, `three quarters of`.
    fn fraction_at(&self, i: usize) -> Option<Found<'a>> {
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
    fn scale_after_of(&self, j: usize) -> Option<i32> {
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
    fn and_a_half(&self, n: Numeral) -> Numeral {
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

    fn with_scale(&self, mut n: Numeral, money: bool) -> Numeral {
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

    fn word_numeral(&self, i: usize, money: bool) -> Option<Numeral> {
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

    /// A counted noun after a number: the first plural among the next three
    /// words (`20 former crew members` -> `members`), stopping at words like
    /// `of`, `were`, `the`.
    /// The noun, and where it starts and ends.
    pub fn count_noun(&self, mut j: usize) -> Option<(&'a str, usize, usize)> {
        for _ in 0..3 {
            if self.kind(j) != Some(TokKind::Word) || self.glued(j) {
                return None;
            }
            let first = j;
            while self.is_punct(j + 1, "-")
                && self.glued(j + 1)
                && self.kind(j + 2) == Some(TokKind::Word)
                && self.glued(j + 2)
            {
                j += 2;
            }
            let w = self.slice(first, j + 1);
            let head = self.word(first).unwrap_or_default();
            if is_function_word(head) || month(head).is_some() || is_weekday(head) {
                return None;
            }
            if is_plural(w) {
                return Some((w, first, j + 1));
            }
            j += 1;
        }
        None
    }

    /// A figure with a value and no unit.
    pub fn plain(&self, first: usize, end: usize, kind: FigureKind, value: f64) -> Found<'a> {
        Found {
            first,
            end,
            kind,
            value: Some(value),
            unit: None,
        }
    }

    // Token helpers. All take any index and answer "no" past the end.

    pub fn tok(&self, i: usize) -> Option<Tok<'a>> {
        self.toks.get(i).copied()
    }

    pub fn kind(&self, i: usize) -> Option<TokKind> {
        self.tok(i).map(|t| t.kind)
    }

    pub fn word(&self, i: usize) -> Option<&'a str> {
        self.tok(i)
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| t.text)
    }

    /// Is token `i` the word `w` (any case)?
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|t| t.eq_ignore_ascii_case(w))
    }

    pub fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        ws.iter().any(|w| self.is(i, w))
    }

    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == TokKind::Punct && t.text == p)
    }

    /// Does token `i` touch the one before it (no space between)?
    pub fn glued(&self, i: usize) -> bool {
        match (i.checked_sub(1).and_then(|p| self.tok(p)), self.tok(i)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// The word at `i` if it touches the token before.
    pub fn glued_word(&self, i: usize) -> Option<&'a str> {
        self.word(i).filter(|_| self.glued(i))
    }

    /// The text of tokens `first..end`.
    pub fn slice(&self, first: usize, end: usize) -> &'a str {
        match (
            self.tok(first),
            end.checked_sub(1).and_then(|e| self.tok(e)),
        ) {
            (Some(a), Some(b)) => self.text.get(a.start..b.end).unwrap_or_default(),
            _ => "",
        }
    }

    /// Past the run of touching letters, digits and inner `-./` from `i`
    /// (`737-800`, `V3.2`, `PfASkm7vah`).
    pub fn glued_run_end(&self, i: usize) -> usize {
        let mut j = i;
        loop {
            let next = self.tok(j + 1);
            match next {
                Some(t) if self.glued(j + 1) => {
                    let inner = matches!(t.text, "-" | "." | "/")
                        && self.glued(j + 2)
                        && matches!(self.kind(j + 2), Some(TokKind::Num | TokKind::Word));
                    if t.kind != TokKind::Punct || inner {
                        j += 1;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        j + 1
    }
}

fn found(f: Option<Found<'_>>) -> Step<'_> {
    f.map_or(Step::Nothing, Step::Found)
}

/// The figure of a number and the unit after it.
pub(super) fn with_unit<'a>(n: &Numeral, u: Unit<'a>) -> Found<'a> {
    Found {
        first: n.first,
        end: u.end,
        kind: u.kind,
        value: Some(pow10(n.mant as f64, n.exp + u.exp)),
        unit: u.unit,
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

/// Looks like a plural noun: `members`, `fact-checkers`, `people`.
fn is_plural(w: &str) -> bool {
    let last = w.rsplit('-').next().unwrap_or(w);
    if super::words::is_irregular_plural(last) {
        return true;
    }
    last.len() >= 3
        && last.ends_with('s')
        && !last.ends_with("ss")
        && !last.ends_with("us")
        && !last.ends_with("is")
        && !is_function_word(last)
}
