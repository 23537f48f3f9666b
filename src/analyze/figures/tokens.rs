//! A block's text as numbers, words and single punctuation marks, with byte
//! offsets, so the figure rules can look at neighbours without re-scanning.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TokKind {
    /// Digits, with `,` thousands groups and a `.` decimal part: `1,001.5`.
    Num,
    /// A run of letters.
    Word,
    /// Any other single non-space character.
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Tok<'a> {
    pub kind: TokKind,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// Split `text` into tokens (reusing `out`'s buffer).
pub(super) fn tokenize<'a>(text: &'a str, out: &mut Vec<Tok<'a>>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let (kind, end) = if c.is_ascii_digit() {
            let end = number_end(bytes, start);
            while chars.peek().is_some_and(|&(i, _)| i < end) {
                chars.next();
            }
            (TokKind::Num, end)
        } else if c.is_alphabetic() {
            let mut end = start + c.len_utf8();
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
            (TokKind::Word, end)
        } else {
            (TokKind::Punct, start + c.len_utf8())
        };
        if let Some(t) = text.get(start..end) {
            out.push(Tok {
                kind,
                text: t,
                start,
                end,
            });
        }
    }
}

/// End of the number starting at `start`: digits, then `,ddd` groups (only
/// after a first group of at most three digits), then `.d+`.
fn number_end(b: &[u8], start: usize) -> usize {
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let mut i = start;
    while digit(i) {
        i += 1;
    }
    if i - start <= 3 {
        while b.get(i) == Some(&b',')
            && digit(i + 1)
            && digit(i + 2)
            && digit(i + 3)
            && !digit(i + 4)
        {
            i += 4;
        }
    }
    if b.get(i) == Some(&b'.') && digit(i + 1) {
        i += 1;
        while digit(i) {
            i += 1;
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(TokKind, &str)> {
        let mut v = Vec::new();
        tokenize(s, &mut v);
        v.into_iter().map(|t| (t.kind, t.text)).collect()
    }

    #[test]
    fn numbers_keep_groups_and_decimals() {
        use TokKind::*;
        assert_eq!(
            kinds("US$1,001.50 in 2011, then"),
            vec![
                (Word, "US"),
                (Punct, "$"),
                (Num, "1,001.50"),
                (Word, "in"),
                (Num, "2011"),
                (Punct, ","),
                (Word, "then")
            ]
        );
        assert_eq!(kinds("1995."), vec![(Num, "1995"), (Punct, ".")]);
        assert_eq!(
            kinds("2011,2012"),
            vec![(Num, "2011"), (Punct, ","), (Num, "2012")]
        );
        assert_eq!(kinds("H20"), vec![(Word, "H"), (Num, "20")]);
    }

    #[test]
    fn offsets_are_bytes() {
        let mut v = Vec::new();
        tokenize("€5 – 2.1°C", &mut v);
        for t in &v {
            assert_eq!(&"€5 – 2.1°C"[t.start..t.end], t.text);
        }
        assert_eq!(v.len(), 6);
    }
}
