//! The scanner: walks a block's tokens once, left to right, and at each
//! token tries the figure rules (money, dates, numbers with their units),
//! taking the first that holds and jumping past it, so figures come out in
//! order and never overlap.

use super::numbers::{Numeral, pow10};
use super::tokens::{Tok, TokKind};
use super::words::{is_function_word, is_weekday, month, ordinal_word, tens_word, unit_word};
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
