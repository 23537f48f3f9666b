//! UTF-8 that was decoded as Latin-1 and saved as UTF-8 again
//! ("Investorâ\u{80}\u{99}s" for "Investor's"): each character of the
//! original became two to four characters in U+0080..U+00FF. The C1
//! controls (U+0080..U+009F) such text is full of never occur in real
//! text, so their presence marks a double-encoded page, and each run that
//! re-reads as UTF-8 is put back.

use std::borrow::Cow;

/// The text with double-encoded UTF-8 runs repaired; unchanged (borrowed)
/// when it holds no C1 control that takes part in such a run.
pub fn repair(text: &str) -> Cow<'_, str> {
    // C1 controls are encoded as 0xC2 0x80..0x9F: none, nothing to do.
    let has_c1 = memchr::memchr_iter(0xc2, text.as_bytes())
        .any(|i| matches!(text.as_bytes().get(i + 1), Some(0x80..=0x9f)));
    if !has_c1 {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut fixed = 0usize;
    let mut i = 0;
    while i < chars.len() {
        if let Some((c, len)) = double_encoded(&chars[i..]) {
            out.push(c);
            fixed += 1;
            i += len;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    if fixed == 0 {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

/// One character of UTF-8 written as Latin-1 characters at the start of
/// `s`, with at least one C1 control among them: the character and how
/// many Latin-1 characters it took.
fn double_encoded(s: &[char]) -> Option<(char, usize)> {
    let lead = u32::from(*s.first()?);
    let len = match lead {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return None,
    };
    let run = s.get(..len)?;
    let tail_ok = run[1..].iter().all(|&c| ('\u{80}'..='\u{bf}').contains(&c));
    let c1 = run[1..].iter().any(|&c| ('\u{80}'..='\u{9f}').contains(&c));
    if !tail_ok || !c1 {
        return None;
    }
    let bytes: Vec<u8> = run
        .iter()
        .map(|&c| u8::try_from(u32::from(c)).ok())
        .collect::<Option<_>>()?;
    let decoded = std::str::from_utf8(&bytes).ok()?;
    let mut it = decoded.chars();
    let c = it.next()?;
    it.next().is_none().then_some((c, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn double_encoded_punctuation_is_put_back() {
        let broken = "A DIY Investor\u{e2}\u{80}\u{99}s Guide \u{e2}\u{80}\u{94} in 2025";
        assert_eq!(
            repair(broken),
            "A DIY Investor\u{2019}s Guide \u{2014} in 2025"
        );
    }

    #[test]
    fn real_latin_text_stays() {
        for ok in [
            "Café crème à la française",
            "Ã la carte",
            "plain ascii",
            "naïve ©",
        ] {
            assert!(matches!(repair(ok), Cow::Borrowed(_)), "{ok}");
        }
        // A lone C1 control that is not part of a sequence stays as it is.
        assert_eq!(repair("x\u{85}y"), "x\u{85}y");
    }
}
