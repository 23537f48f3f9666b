//! Words, punctuation and quotations of one block as tokens with byte
//! offsets, and the sentences they form. Quotations are single tokens, so
//! the writer's own words can be read around them.

use std::borrow::Cow;

use super::lexicon;
use super::marks::Marked;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct(char),
    /// The index of the quotation in the block's list.
    Quote(usize),
}

#[derive(Clone, Debug)]
pub struct Tok<'a> {
    pub kind: Kind,
    pub text: &'a str,
    pub start: usize,
    /// Lowercase form of a word (empty for other tokens).
    pub low: Cow<'a, str>,
}

impl Tok<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is_cap(&self) -> bool {
        self.is_word() && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    pub fn is_quote(&self) -> bool {
        matches!(self.kind, Kind::Quote(_))
    }

    /// A word with no lowercase letter in it, longer than one letter (WASHINGTON).
    pub fn is_all_caps(&self) -> bool {
        self.is_word()
            && self.text.chars().filter(|c| c.is_alphabetic()).count() > 1
            && !self.text.chars().any(char::is_lowercase)
    }
}

/// The word in lowercase, borrowed when it has no capital.
fn lowercase(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Letters, digits and combining accents: text in decomposed form spells
/// "Peña" as "Pen" + U+0303 + "a".
fn word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Joiners that stay inside a word when letters stand on both sides.
/// Latin-1 symbols stay too: text decoded twice spells "Peña" "PeÃ±a".
fn joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '&' | '.')
        || (('\u{80}'..='\u{bf}').contains(&c) && !matches!(c, '\u{a0}' | '«' | '»'))
}

/// Tokens of `text`, each quotation (from `quotes`, sorted) one token.
pub fn tokens<'a>(text: &'a str, quotes: &[Marked]) -> Vec<Tok<'a>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for (qi, q) in quotes.iter().enumerate() {
        if q.outer_start < pos {
            continue;
        }
        scan(text, pos, q.outer_start, &mut out);
        out.push(Tok {
            kind: Kind::Quote(qi),
            text: text.get(q.start..q.end).unwrap_or(""),
            start: q.outer_start,
            low: Cow::Borrowed(""),
        });
        pos = q.outer_end;
    }
    scan(text, pos, text.len(), &mut out);
    out
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

fn scan<'a>(text: &'a str, from: usize, to: usize, out: &mut Vec<Tok<'a>>) {
    let Some(part) = text.get(from..to) else {
        return;
    };
    let mut at = 0;
    while let Some(c) = char_at(part, at) {
        if c.is_whitespace() {
            at += c.len_utf8();
            continue;
        }
        if !word_char(c) {
            out.push(Tok {
                kind: Kind::Punct(c),
                text: part.get(at..at + c.len_utf8()).unwrap_or(""),
                start: from + at,
                low: Cow::Borrowed(""),
            });
            at += c.len_utf8();
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(a) = char_at(part, end) {
            let joins = joiner(a) && char_at(part, end + a.len_utf8()).is_some_and(word_char);
            if !word_char(a) && !joins {
                break;
            }
            end += a.len_utf8();
        }
        // Keep the dot of an abbreviation or an initial: Mr. Rep. U.S. G.K.
        if char_at(part, end) == Some('.')
            && lexicon::is_abbreviation(part.get(at..end).unwrap_or(""))
        {
            end += 1;
        }
        let word = part.get(at..end).unwrap_or("");
        out.push(Tok {
            kind: Kind::Word,
            text: word,
            start: from + at,
            low: lowercase(word),
        });
        at = end;
    }
}

/// A quotation ending with . ! or ? ends the sentence when a new one
/// starts after it (a capitalised word that is not an attribution).
fn quote_ends_sentence(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if !t.is_quote() || !t.text.ends_with(['.', '!', '?']) {
        return false;
    }
    let Some(next) = toks.get(i + 1) else {
        return false;
    };
    if !next.is_cap() && !next.is_quote() {
        return false;
    }
    // “... .” then a capital: a period inside the marks closes the sentence
    // (an attribution would follow a comma).
    if t.text.ends_with('.') {
        return true;
    }
    // "“...?” asked Jane Smith, a teacher." keeps its attribution.
    let attribution = toks
        .get(i + 1..(i + 20).min(toks.len()))
        .unwrap_or(&[])
        .iter()
        .take_while(|t| {
            !matches!(t.kind, Kind::Punct('.' | '!' | '?'))
                && (!t.is_quote() || t.text.split_whitespace().count() == 1)
        })
        .any(|t| t.is_word() && lexicon::is_speech_verb(&t.low));
    !attribution
}

/// Sentence ranges `[start, end)` over `toks`: a sentence ends after . ! ?
/// that stand outside quotations (abbreviations keep their dots).
pub fn sentences(toks: &[Tok]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in toks.iter().enumerate() {
        let ends =
            matches!(t.kind, Kind::Punct('.' | '!' | '?' | '…')) || quote_ends_sentence(toks, i);
        if ends {
            // Keep closing brackets with the sentence they end.
            let mut end = i + 1;
            while toks.get(end).is_some_and(|n| n.is_punct(')')) {
                end += 1;
            }
            if end > start {
                out.push((start, end));
            }
            start = end;
        }
    }
    if start < toks.len() {
        out.push((start, toks.len()));
    }
    // Closing brackets already consumed may leave empty gaps: merge them.
    out.retain(|&(a, b)| a < b);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::quotes::marks;

    fn split(text: &str) -> Vec<String> {
        let toks = tokens(text, &marks::find(text));
        sentences(&toks)
            .iter()
            .map(|&(a, b)| {
                let s = toks.get(a).map_or(0, |t| t.start);
                let e = toks.get(b - 1).map_or(0, |t| t.start + t.text.len());
                text.get(s..e).unwrap_or("").to_string()
            })
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_keep_their_dots() {
        let s = split("Mr. J.R. Smith of the U.S. Navy spoke. Then Sen. Ortiz left.");
        assert_eq!(
            s,
            [
                "Mr. J.R. Smith of the U.S. Navy spoke.",
                "Then Sen. Ortiz left."
            ]
        );
    }

    #[test]
    fn a_quotation_is_one_token() {
        let t = "She said “Stop. Now.” and walked on.";
        let toks = tokens(t, &marks::find(t));
        assert_eq!(toks.iter().filter(|t| t.is_quote()).count(), 1);
        assert_eq!(split(t).len(), 1);
    }

    #[test]
    fn a_quotation_closed_by_a_period_ends_its_sentence() {
        let t = "Rivals called it “a sham.” Officials disagreed.";
        assert_eq!(split(t).len(), 2);
        let t = "“Is it over?” Ms Lee asked.";
        assert_eq!(split(t).len(), 1);
    }
}
