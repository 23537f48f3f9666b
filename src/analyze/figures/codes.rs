//! Digits that are not figures: product and model codes (`H20`, `F-35`,
//! `Boeing 737`, `iPhone 16`), labels (`Section 230`, `page 4`), phone
//! numbers and ids, clock times (`3:30 p.m.`, `10pm`), addresses, list
//! markers, footnotes, `9/11`.

use super::numbers::Numeral;
use super::scan::{Found, Scanner, Step};
use super::tokens::TokKind;
use super::words::{
    is_function_word, is_label_word, is_street_word, is_weekday, month, tens_word, unit_word,
    with_lower,
};
use crate::article::FigureKind;

/// Words a hyphen may join to a number that still is a figure: `mid-1990s`.
fn is_hyphen_prefix(w: &str) -> bool {
    with_lower(w, |l| {
        matches!(
            l,
            "mid"
                | "pre"
                | "post"
                | "early"
                | "late"
                | "circa"
                | "ca"
                | "around"
                | "over"
                | "under"
                | "about"
                | "nearly"
                | "top"
                | "sub"
                | "non"
                | "from"
                | "since"
        )
        .then_some(())
    })
    .is_some()
}

impl<'a> Scanner<'a, '_> {
    /// Whether the digits at `i` are something other than a figure (then
    /// where to go on), or a numeric date (`2023-06-14`).
    pub fn not_a_figure(&self, i: usize) -> Option<Step<'a>> {
        let t = self.tok(i)?;
        if let Some(p) = i.checked_sub(1).and_then(|p| self.tok(p))
            && p.end == t.start
        {
            let letters_before = p.kind == TokKind::Word;
            let hyphen_code = p.text == "-"
                && self.glued(i - 1)
                && self
                    .word(i - 2)
                    .is_some_and(|w| !is_hyphen_prefix(w) && unit_word(w).is_none());
            let marked = matches!(
                p.text,
                "#" | "@" | "/" | "\\" | "_" | "=" | "&" | "<" | ">" | "%"
            );
            // `’90s`, `class of ’16`; but `''27 companies` opens a quote
            let clipped_year = matches!(p.text, "'" | "’" | "‘") && t.text.len() == 2;
            // markup left in the text: `width="320"`
            let attribute =
                matches!(p.text, "\"" | "'") && self.glued(i - 1) && self.is_punct(i - 2, "=");
            let signed = self
                .numeral(i, false)
                .is_some_and(|n| self.unit_after(&n).is_some());
            if p.text == "+" && !signed {
                // `+44 20 7946 0958`: the whole phone number
                let mut j = i + 1;
                while self.kind(j) == Some(TokKind::Num) {
                    j += 1;
                }
                return Some(Step::Skip(j));
            }
            if letters_before || hyphen_code || marked || attribute || clipped_year {
                return Some(Step::Skip(self.glued_run_end(i)));
            }
        }
        // `the 90’s`
        let clipped_decade = t.text.len() == 2
            && self.tok(i + 1).is_some_and(|a| matches!(a.text, "'" | "’"))
            && self.glued(i + 1)
            && self.glued_word(i + 2) == Some("s");
        if clipped_decade {
            return Some(Step::Skip(i + 3));
        }
        if let Some(step) = self.chain(i) {
            return Some(step);
        }
        if t.text.len() >= 3 && t.text.starts_with('0') && !t.text.starts_with("0.") {
            // `0800 123 4567`: a phone number, with the groups after it
            let mut j = i + 1;
            while self.kind(j) == Some(TokKind::Num) {
                j += 1;
            }
            return Some(Step::Skip(j));
        }
        let long_id = t.text.len() >= 8 && t.text.bytes().all(|b| b.is_ascii_digit());
        // `[4]` footnotes, `(2)` list labels
        let footnote = (self.is_punct(i.wrapping_sub(1), "[") && self.is_punct(i + 1, "]"))
            || (self.is_punct(i.wrapping_sub(1), "(")
                && self.is_punct(i + 1, ")")
                && self.glued(i)
                && self.glued(i + 1)
                && t.text.len() <= 2);
        let list_marker = i == 0
            && self.tok(1).is_some_and(|n| matches!(n.text, "." | ")"))
            && self.glued(1)
            && !self.glued(2);
        if long_id || footnote || list_marker {
            return Some(Step::Skip(i + 1));
        }
        if self.label_before(i) {
            return Some(Step::Skip(self.glued_run_end(i)));
        }
        None
    }

    /// Digits joined by `-`, `.` or `/` with no spaces: a phone number, an
    /// IP or version, a numeric date, `9/11`, `24/7`.
    fn chain(&self, i: usize) -> Option<Step<'a>> {
        let joined = |j: usize| {
            self.tok(j + 1)
                .is_some_and(|s| matches!(s.text, "-" | "." | "/"))
                && self.glued(j + 1)
                && self.glued(j + 2)
                && self.kind(j + 2) == Some(TokKind::Num)
        };
        if !joined(i) {
            return None; // the usual case: a number on its own
        }
        let mut nums = vec![];
        let mut seps = vec![];
        let mut j = i;
        nums.push(self.tok(j)?);
        while let (Some(s), Some(n)) = (self.tok(j + 1), self.tok(j + 2)) {
            if !joined(j) || nums.len() >= 6 {
                break;
            }
            seps.push(s.text);
            nums.push(n);
            j += 2;
        }
        let end = j + 1;
        let len = |k: usize| nums.get(k).map_or(0, |t| t.text.len());
        match nums.len() {
            1 => None,
            2 => {
                let phone = seps.first() == Some(&"-") && len(0) == 3 && len(1) == 4;
                let fiscal = len(0) == 4 && len(1) == 2; // `2024/25`
                ((seps.first() == Some(&"/") && !fiscal) || phone).then_some(Step::Skip(end))
            }
            _ => {
                let same = seps.iter().all(|s| Some(s) == seps.first());
                let iso = same && seps.first() == Some(&"-") && len(0) == 4 && nums.len() == 3;
                let dmy = same && seps.first() == Some(&"/") && len(2) == 4 && nums.len() == 3;
                let year_at = if iso { 0 } else { 2 };
                if iso || dmy {
                    let y = nums.get(year_at).and_then(|t| t.text.parse::<f64>().ok());
                    return Some(Step::Found(Found {
                        first: i,
                        end,
                        kind: FigureKind::Date,
                        value: y,
                        unit: None,
                    }));
                }
                Some(Step::Skip(self.glued_run_end(end - 1)))
            }
        }
    }

    /// `Section 230`, `page 4`, `No. 10`.
    fn label_before(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        if self.word(p).is_some_and(is_label_word) {
            return true;
        }
        self.is_punct(p, ".")
            && self.glued(p)
            && p.checked_sub(1)
                .and_then(|q| self.word(q))
                .is_some_and(|w| matches!(w, "No" | "no" | "Nos" | "p" | "pp" | "Fig" | "Vol"))
    }

    /// A clock time: `3:30`, `10pm`, `9 a.m.`. The token after it.
    pub fn clock_end(&self, n: &Numeral) -> Option<usize> {
        if !n.digits {
            return None;
        }
        let mut j = n.end;
        if self.is_punct(j, ":")
            && self.glued(j)
            && self.glued(j + 1)
            && self.kind(j + 1) == Some(TokKind::Num)
        {
            j += 2;
        } else if n.value() >= 13.0 || (n.int.is_none() && self.am_pm(j).is_none()) {
            return None; // `10.30am` is a time, `10.30` alone is not
        }
        let after = self.am_pm(j);
        match after {
            Some(e) => Some(e),
            None if j > n.end => Some(j),
            None => None,
        }
    }

    /// `am`, `pm`, `a.m.`, `p.m.` at `j`: the token after.
    fn am_pm(&self, j: usize) -> Option<usize> {
        let w = self.word(j)?;
        if w.eq_ignore_ascii_case("am") || w.eq_ignore_ascii_case("pm") {
            return Some(j + 1);
        }
        if (w == "a" || w == "p") && self.is_punct(j + 1, ".") && self.is(j + 2, "m") {
            let end = if self.is_punct(j + 3, ".") && self.glued(j + 3) {
                j + 4
            } else {
                j + 3
            };
            return Some(end);
        }
        None
    }

    /// A name right before the number makes it a model or label: `Boeing
    /// 737`, `iPhone 16`, `RTX 4090`. Not at a sentence start (`In 2013`)
    /// and not after function words, months or number words.
    pub fn code_before(&self, first: usize) -> bool {
        let Some(p) = first.checked_sub(1) else {
            return false;
        };
        let Some(w) = self.word(p) else {
            return false;
        };
        if self.glued(first) || !w.chars().any(char::is_uppercase) {
            return false;
        }
        if is_function_word(w)
            || month(w).is_some()
            || is_weekday(w)
            || unit_word(w).is_some()
            || tens_word(w).is_some()
        {
            return false;
        }
        let sentence_start = match p.checked_sub(1).and_then(|q| self.tok(q)) {
            None => true,
            Some(q) => {
                q.kind == TokKind::Punct
                    && matches!(
                        q.text,
                        "." | "!" | "?" | ":" | "\"" | "“" | "‘" | "(" | "—" | "-"
                    )
            }
        };
        !sentence_start
    }

    /// `10 Downing Street`, `1600 Pennsylvania Avenue`.
    pub fn address_after(&self, end: usize) -> bool {
        let capital = |k: usize| {
            self.word(k)
                .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
        };
        capital(end)
            && (end + 1..end + 4)
                .take_while(|&k| capital(k) || self.is_punct(k, "."))
                .any(|k| self.word(k).is_some_and(is_street_word))
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::figs;

    #[test]
    fn product_and_model_codes() {
        for s in [
            "made-for-China H20 chips",
            "chips such as the A100",
            "the F-35 jet",
            "a Boeing 737 jet",
            "the new iPhone 16 sold",
            "cases of COVID-19 rose",
            "the G7 summit",
            "the 5G rollout",
            "the DeepSeek-V3.2 model",
            "DeepSeek R1 beat Kimi K2",
            "an Nvidia RTX 4090 card",
            "the EB-5 program",
            "the 4x4 truck",
        ] {
            assert!(figs(s).is_empty(), "{s}: {:?}", figs(s));
        }
    }

    #[test]
    fn labels_phones_clocks_addresses() {
        for s in [
            "under Section 230 of",
            "see page 4 of",
            "Article 5 of the treaty",
            "lives at No. 10 with",
            "call the hotline (800-273-8255).",
            "call 555-1234 now",
            "dial +44 20 7946 0958",
            "call 0800 123 4567 now",
            "id 778257943577919488 here",
            "after the 9/11 attacks",
            "open 24/7 now",
            "at 10pm on",
            "at 3:30 p.m. on",
            "at 9 a.m. E.T. by",
            "at 12:30 we met",
            "at 10.30 am we met",
            "at 9am sharp",
            "at 10 Downing Street",
            "near 1600 Pennsylvania Avenue",
            "version 3.2.1 shipped",
            "as cited [4] here",
            "in the ’80s and ’90s",
            "in the 90’s, business",
            "waved a high-five at",
            "prepare for Round Two, then",
            "a 911 caller said",
            "open a 529 plan",
            "the module: (1) crew quarters, (2) exercise",
            "<img width=\"320\" height=\"200\">",
        ] {
            assert!(figs(s).is_empty(), "{s}: {:?}", figs(s));
        }
    }

    #[test]
    fn signs_and_fiscal_years() {
        assert_eq!(
            figs("shares rose +5% today"),
            [("5%", "percent", Some(5.0), Some("%"))]
        );
        assert_eq!(
            figs("in 2024/25 the"),
            [("2024/25", "year", Some(2024.0), None)]
        );
    }

    #[test]
    fn names_before_figures_with_units_still_count() {
        assert_eq!(
            figs("leading Trump 47.3 percent"),
            [("47.3 percent", "percent", Some(47.3), Some("%"))]
        );
        assert_eq!(
            figs("visited Computex 2025 in May"),
            [("2025", "year", Some(2025.0), None)]
        );
        assert_eq!(
            figs("In 2013, research"),
            [("2013", "year", Some(2013.0), None)]
        );
    }
}
