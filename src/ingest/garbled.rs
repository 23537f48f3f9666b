//! Is decoded text readable at all? Bytes that are not UTF-8 always decode
//! to *something* in a legacy charset, so random or corrupt bytes must be
//! caught by what they decode to: controls and replacement characters, too
//! few letters, or no word breaks where the script needs them.

/// Characters looked at: enough to judge, bounded on huge inputs.
const SAMPLE_CHARS: usize = 64 * 1024;

/// True when `text` is not plausibly a story. `legacy` says it was decoded
/// from a non-UTF-8 charset (where any byte soup decodes without error).
pub fn is_garbled(text: &str, legacy: bool) -> bool {
    // UTF-8 text is judged only on replacement and private-use characters
    // (U+E000..U+F8FF, U+FFFD), whose encodings all lead with 0xEE or 0xEF:
    // a text without those bytes has none, and needs no walk over it.
    if !legacy && memchr::memchr2(0xee, 0xef, text.as_bytes()).is_none() {
        return false;
    }
    let (mut chars, mut space, mut bad, mut letters, mut unspaced) = (0, 0, 0, 0, 0);
    for c in text.chars().take(SAMPLE_CHARS) {
        chars += 1;
        if c.is_whitespace() {
            space += 1;
        } else if c == '\u{fffd}'
            || ('\u{e000}'..='\u{f8ff}').contains(&c)
            // In real UTF-8 text controls are escape sequences the sanitizer
            // strips, not a sign of garbage; from a legacy charset they are.
            || (legacy && c.is_control())
        {
            bad += 1;
        } else if legacy && c.is_alphabetic() {
            letters += 1;
            unspaced += usize::from(writes_without_spaces(c));
        }
    }
    let visible = chars - space;
    if visible == 0 {
        return false;
    }
    if bad * 20 > visible {
        return true;
    }
    if !legacy {
        return false;
    }
    if letters * 2 < visible {
        return true;
    }
    if chars < 200 {
        return false;
    }
    // Scripts written without spaces still break lines between paragraphs.
    if unspaced * 10 > letters * 3 {
        space * 1000 < chars
    } else {
        space * 50 < chars
    }
}

/// Scripts that put no spaces between words (CJK, Thai, Lao, Khmer, Myanmar).
fn writes_without_spaces(c: char) -> bool {
    matches!(c,
        '\u{0e00}'..='\u{0eff}'
        | '\u{1000}'..='\u{109f}'
        | '\u{1780}'..='\u{17ff}'
        | '\u{3040}'..='\u{30ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7af}'
        | '\u{f900}'..='\u{faff}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{GBK, WINDOWS_1252};

    /// Deterministic byte soup (no NULs) from a small LCG.
    fn soup(len: usize, lo: u8) -> Vec<u8> {
        let mut x: u32 = 12345;
        (0..len)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                let b = (x >> 16) as u8;
                lo.max(1) + b % (255 - lo.max(1))
            })
            .collect()
    }

    #[test]
    fn byte_soup_is_garbled_in_any_legacy_charset() {
        for lo in [1, 0x80] {
            let bytes = soup(4000, lo);
            for enc in [WINDOWS_1252, GBK] {
                let (text, _, _) = enc.decode(&bytes);
                assert!(is_garbled(&text, true), "{} from {lo}", enc.name());
            }
        }
    }

    #[test]
    fn real_text_in_legacy_charsets_is_not() {
        let latin = "Les producteurs estiment les pertes à 48 millions d’euros. ".repeat(20);
        let (bytes, _, _) = WINDOWS_1252.encode(&latin);
        assert!(!is_garbled(&WINDOWS_1252.decode(&bytes).0, true));
        let chinese = "港口今年的吞吐量增长了百分之十二，官员表示新码头将在明年开放。\n".repeat(20);
        let (bytes, _, _) = GBK.encode(&chinese);
        assert!(!is_garbled(&GBK.decode(&bytes).0, true));
        // Numbers-heavy UTF-8 (a results table) is judged only on controls.
        assert!(!is_garbled(&"12-4, 3-1, 0-0; ".repeat(50), false));
        assert!(is_garbled("\u{fffd}\u{fffd}\u{fffd} ab", false));
    }
}
