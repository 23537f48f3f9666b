//! Word lists the figure rules look up, all matched ASCII-case-insensitively.

/// `w` in ASCII lower case in `buf`, or None if it is longer or not ASCII
/// (no word of these lists is).
pub(super) fn lower<'b>(w: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let n = w.len();
    if n > buf.len() || !w.is_ascii() {
        return None;
    }
    let dst = buf.get_mut(..n)?;
    dst.copy_from_slice(w.as_bytes());
    dst.make_ascii_lowercase();
    std::str::from_utf8(dst).ok()
}

/// Run `f` on the lower-cased word (false for words no list holds).
pub(super) fn with_lower<T>(w: &str, f: impl FnOnce(&str) -> Option<T>) -> Option<T> {
    let mut buf = [0u8; 24];
    lower(w, &mut buf).and_then(f)
}

/// Could a figure start at this word? One lower-casing and one match that
/// let the scanner pass over most words at once (currency codes are
/// checked apart).
pub(super) fn may_start_figure(w: &str) -> bool {
    with_lower(w, |l| {
        matches!(
            l,
            "a" | "an"
                | "half"
                | "minus"
                | "between"
                | "twice"
                | "early"
                | "mid"
                | "late"
                | "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "thirteen"
                | "fourteen"
                | "fifteen"
                | "sixteen"
                | "seventeen"
                | "eighteen"
                | "nineteen"
                | "twenty"
                | "thirty"
                | "forty"
                | "fifty"
                | "sixty"
                | "seventy"
                | "eighty"
                | "ninety"
                | "third"
                | "fourth"
                | "fifth"
                | "sixth"
                | "seventh"
                | "eighth"
                | "ninth"
                | "tenth"
                | "eleventh"
                | "twelfth"
                | "thirteenth"
                | "fourteenth"
                | "fifteenth"
                | "sixteenth"
                | "seventeenth"
                | "eighteenth"
                | "nineteenth"
                | "twentieth"
                | "thirtieth"
                | "fortieth"
                | "fiftieth"
                | "sixtieth"
                | "seventieth"
                | "eightieth"
                | "ninetieth"
                | "hundredth"
                | "twofold"
                | "threefold"
                | "fourfold"
                | "fivefold"
                | "sixfold"
                | "sevenfold"
                | "eightfold"
                | "ninefold"
                | "tenfold"
                | "hundredfold"
                | "thousandfold"
                | "january"
                | "jan"
                | "february"
                | "feb"
                | "march"
                | "mar"
                | "april"
                | "apr"
                | "may"
                | "june"
                | "jun"
                | "july"
                | "jul"
                | "august"
                | "aug"
                | "september"
                | "sep"
                | "sept"
                | "october"
                | "oct"
                | "november"
                | "nov"
                | "december"
                | "dec"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
        )
        .then_some(())
    })
    .is_some()
}

/// one..nineteen.
pub(super) fn unit_word(w: &str) -> Option<u64> {
    with_lower(w, |l| {
        Some(match l {
            "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            "thirteen" => 13,
            "fourteen" => 14,
            "fifteen" => 15,
            "sixteen" => 16,
            "seventeen" => 17,
            "eighteen" => 18,
            "nineteen" => 19,
            _ => return None,
        })
    })
}

/// twenty..ninety.
pub(super) fn tens_word(w: &str) -> Option<u64> {
    with_lower(w, |l| {
        Some(match l {
            "twenty" => 20,
            "thirty" => 30,
            "forty" => 40,
            "fifty" => 50,
            "sixty" => 60,
            "seventy" => 70,
            "eighty" => 80,
            "ninety" => 90,
            _ => return None,
        })
    })
}

/// A scale after a number, as a power of ten. `glued`: written against the
/// digits (`5bn`); `money`: after a currency, where `m` and `b` mean million
/// and billion rather than metres and bytes.
pub(super) fn scale_word(w: &str, glued: bool, money: bool) -> Option<i32> {
    match w {
        "k" => return glued.then_some(3),
        "K" => return (glued && money).then_some(3),
        "m" | "M" => return (glued && money).then_some(6),
        "b" | "B" => return (glued && money).then_some(9),
        "MM" => return glued.then_some(6),
        _ => {}
    }
    with_lower(w, |l| match l {
        "hundred" => Some(2),
        "thousand" => Some(3),
        "million" | "mn" | "mln" => Some(6),
        "billion" | "bn" | "bln" => Some(9),
        "trillion" | "tn" | "trn" => Some(12),
        "lakh" => Some(5),
        "crore" => Some(7),
        _ => None,
    })
}

/// third..ninetieth (first and second are left out: in prose they are rarely
/// a number that matters, and `second` is also a unit of time).
pub(super) fn ordinal_word(w: &str) -> Option<u64> {
    with_lower(w, |l| {
        Some(match l {
            "third" => 3,
            "fourth" => 4,
            "fifth" => 5,
            "sixth" => 6,
            "seventh" => 7,
            "eighth" => 8,
            "ninth" => 9,
            "tenth" => 10,
            "eleventh" => 11,
            "twelfth" => 12,
            "thirteenth" => 13,
            "fourteenth" => 14,
            "fifteenth" => 15,
            "sixteenth" => 16,
            "seventeenth" => 17,
            "eighteenth" => 18,
            "nineteenth" => 19,
            "twentieth" => 20,
            "thirtieth" => 30,
            "fortieth" => 40,
            "fiftieth" => 50,
            "sixtieth" => 60,
            "seventieth" => 70,
            "eightieth" => 80,
            "ninetieth" => 90,
            "hundredth" => 100,
            _ => return None,
        })
    })
}

/// Ordinals that only count as the last part of a compound (`twenty-first`).
pub(super) fn low_ordinal_word(w: &str) -> Option<u64> {
    with_lower(w, |l| match l {
        "first" => Some(1),
        "second" => Some(2),
        _ => None,
    })
    .or_else(|| ordinal_word(w))
}

/// The denominator a fraction word names: `third(s)` -> 3.
pub(super) fn fraction_word(w: &str) -> Option<u64> {
    with_lower(w, |l| {
        Some(match l {
            "half" | "halves" => 2,
            "third" | "thirds" => 3,
            "quarter" | "quarters" => 4,
            "fifth" | "fifths" => 5,
            "sixth" | "sixths" => 6,
            "seventh" | "sevenths" => 7,
            "eighth" | "eighths" => 8,
            "ninth" | "ninths" => 9,
            "tenth" | "tenths" => 10,
            _ => return None,
        })
    })
}

/// `threefold` -> 3.
pub(super) fn fold_word(w: &str) -> Option<u64> {
    with_lower(w, |l| {
        Some(match l {
            "twofold" => 2,
            "threefold" => 3,
            "fourfold" => 4,
            "fivefold" => 5,
            "sixfold" => 6,
            "sevenfold" => 7,
            "eightfold" => 8,
            "ninefold" => 9,
            "tenfold" => 10,
            "hundredfold" => 100,
            "thousandfold" => 1000,
            _ => return None,
        })
    })
}

/// Month number of a capitalised month name or abbreviation.
pub(super) fn month(w: &str) -> Option<u32> {
    if !w.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    with_lower(w, |l| {
        Some(match l {
            "january" | "jan" => 1,
            "february" | "feb" => 2,
            "march" | "mar" => 3,
            "april" | "apr" => 4,
            "may" => 5,
            "june" | "jun" => 6,
            "july" | "jul" => 7,
            "august" | "aug" => 8,
            "september" | "sep" | "sept" => 9,
            "october" | "oct" => 10,
            "november" | "nov" => 11,
            "december" | "dec" => 12,
            _ => return None,
        })
    })
}

pub(super) fn is_weekday(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_uppercase())
        && with_lower(w, |l| {
            matches!(
                l,
                "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
            )
            .then_some(())
        })
        .is_some()
}

/// Words after which a four-digit number is a year even outside 1900-2100.
pub(super) fn is_year_cue(w: &str) -> bool {
    with_lower(w, |l| {
        matches!(
            l,
            "in" | "since"
                | "by"
                | "until"
                | "till"
                | "from"
                | "through"
                | "before"
                | "after"
                | "during"
                | "of"
                | "the"
                | "year"
                | "early"
                | "mid"
                | "late"
                | "below"
                | "above"
                | "circa"
                | "c"
                | "s"
                | "to"
                | "and"
        )
        .then_some(())
    })
    .is_some()
}

/// Words that cannot name the thing counted, or start a product name: they
/// end the search for a counted noun, and a number after them is no code.
pub(super) fn is_function_word(w: &str) -> bool {
    with_lower(w, |l| {
        matches!(
            l,
            "a" | "an"
                | "the"
                | "in"
                | "on"
                | "at"
                | "by"
                | "for"
                | "from"
                | "to"
                | "of"
                | "with"
                | "since"
                | "until"
                | "after"
                | "before"
                | "during"
                | "about"
                | "around"
                | "over"
                | "under"
                | "nearly"
                | "almost"
                | "roughly"
                | "some"
                | "only"
                | "just"
                | "more"
                | "most"
                | "less"
                | "least"
                | "fewer"
                | "than"
                | "and"
                | "but"
                | "or"
                | "nor"
                | "so"
                | "yet"
                | "all"
                | "each"
                | "every"
                | "those"
                | "these"
                | "that"
                | "this"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
                | "my"
                | "your"
                | "another"
                | "up"
                | "down"
                | "exactly"
                | "approximately"
                | "both"
                | "between"
                | "among"
                | "through"
                | "within"
                | "across"
                | "against"
                | "per"
                | "plus"
                | "minus"
                | "like"
                | "as"
                | "when"
                | "while"
                | "if"
                | "then"
                | "there"
                | "here"
                | "it"
                | "we"
                | "they"
                | "he"
                | "she"
                | "i"
                | "you"
                | "was"
                | "were"
                | "is"
                | "are"
                | "be"
                | "been"
                | "has"
                | "had"
                | "have"
                | "will"
                | "would"
                | "could"
                | "should"
                | "may"
                | "might"
                | "must"
                | "can"
                | "did"
                | "do"
                | "does"
                | "says"
                | "said"
                | "goes"
                | "gets"
                | "makes"
                | "takes"
                | "comes"
                | "seems"
                | "remains"
                | "means"
                | "many"
                | "several"
                | "last"
                | "next"
                | "first"
                | "even"
                | "also"
                | "still"
                | "already"
                | "now"
                | "today"
                | "top"
                | "who"
                | "which"
                | "what"
                | "where"
                | "why"
                | "how"
                | "not"
                | "no"
                | "out"
                | "off"
                | "into"
                | "onto"
                | "upon"
                | "via"
                | "because"
                | "though"
                | "although"
                | "unless"
                | "whether"
                | "amid"
                | "towards"
                | "toward"
        )
        .then_some(())
    })
    .is_some()
}

/// Words after which a number is a label, not a quantity (`Section 230`).
pub(super) fn is_label_word(w: &str) -> bool {
    with_lower(w, |l| {
        matches!(
            l,
            "section"
                | "sections"
                | "sec"
                | "page"
                | "pages"
                | "p"
                | "pp"
                | "article"
                | "chapter"
                | "clause"
                | "paragraph"
                | "para"
                | "rule"
                | "title"
                | "room"
                | "flight"
                | "route"
                | "highway"
                | "interstate"
                | "platform"
                | "gate"
                | "bus"
                | "item"
                | "figure"
                | "fig"
                | "table"
                | "verse"
                | "act"
                | "part"
                | "exhibit"
                | "appendix"
                | "annex"
                | "schedule"
                | "episode"
                | "season"
                | "volume"
                | "vol"
                | "issue"
                | "level"
                | "grade"
                | "phase"
                | "stage"
                | "version"
                | "model"
                | "type"
                | "tier"
                | "class"
                | "category"
                | "resolution"
                | "proposition"
                | "prop"
                | "measure"
                | "district"
                | "ward"
                | "precinct"
                | "unit"
                | "apartment"
                | "apt"
                | "suite"
                | "lot"
                | "box"
                | "channel"
                | "track"
                | "no"
                | "nos"
                | "number"
                | "order"
                | "bill"
                | "amendment"
                | "pier"
                | "terminal"
                | "hall"
                | "block"
                | "floor"
                | "line"
                | "lane"
        )
        .then_some(())
    })
    .is_some()
}

/// Street words that make `10 Downing Street` an address.
pub(super) fn is_street_word(w: &str) -> bool {
    with_lower(w, |l| {
        matches!(
            l,
            "street"
                | "st"
                | "avenue"
                | "ave"
                | "road"
                | "rd"
                | "boulevard"
                | "blvd"
                | "lane"
                | "ln"
                | "drive"
                | "dr"
                | "way"
                | "place"
                | "pl"
                | "square"
                | "sq"
                | "court"
                | "ct"
                | "terrace"
                | "parkway"
                | "highway"
                | "hwy"
                | "plaza"
                | "crescent"
                | "close"
        )
        .then_some(())
    })
    .is_some()
}

/// Nouns that are plural without an `s`.
pub(super) fn is_irregular_plural(w: &str) -> bool {
    with_lower(w, |l| {
        matches!(
            l,
            "people"
                | "children"
                | "men"
                | "women"
                | "police"
                | "staff"
                | "personnel"
                | "feet"
                | "teeth"
                | "mice"
                | "geese"
                | "cattle"
                | "sheep"
                | "fish"
                | "deer"
                | "aircraft"
                | "livestock"
                | "militia"
        )
        .then_some(())
    })
    .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_a_figure_may_start_with_passes_the_quick_test() {
        for w in [
            "Six", "twenty", "third", "Sept", "Sunday", "tenfold", "Half", "a",
        ] {
            assert!(may_start_figure(w), "{w}");
        }
        assert!(!may_start_figure("the") && !may_start_figure("said"));
    }

    #[test]
    fn lookups_ignore_case_but_months_need_a_capital() {
        assert_eq!(unit_word("Six"), Some(6));
        assert_eq!(tens_word("NINETY"), Some(90));
        assert_eq!(month("May"), Some(5));
        assert_eq!(month("may"), None);
        assert!(is_weekday("Tuesday") && !is_weekday("tuesday"));
        assert_eq!(scale_word("bn", false, false), Some(9));
        assert_eq!(scale_word("m", true, false), None);
        assert_eq!(scale_word("m", true, true), Some(6));
        assert_eq!(lower("Überall", &mut [0; 24]), None);
    }
}
