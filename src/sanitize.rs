//! Untrusted text never reaches the terminal raw. Used at ingest and again
//! at render:
//! - whole escape sequences go: CSI, OSC (52, 8, ...), DCS, APC, PM, SOS,
//!   their 8-bit C1 forms, unterminated ones (up to the end of the line),
//!   and ESC with whatever single character follows it;
//! - every other C0/C1 control and DEL goes; tabs become spaces; CR, VT,
//!   FF, NEL and the Unicode line/paragraph separators become newlines;
//! - soft hyphens, BOMs, the 12 Bidi_Control characters and the deprecated
//!   format controls go (removing bidi controls is simpler than balancing
//!   them and Hebrew or Arabic text does not need them to display);
//! - combining marks with nothing to combine with (at the start of a line)
//!   go, so they cannot attach to whatever the terminal drew before.
//!
//! Widths must be measured on the output, never on the input.

use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

/// Spaces a tab expands to.
const TAB_WIDTH: usize = 4;

/// Sanitize one piece of text. Newlines are kept; everything else that
/// could move the cursor, change modes or reorder text is removed.
pub fn sanitize(input: &str) -> String {
    drop_orphan_marks(strip(input))
}

/// Sanitize and flatten to one line (titles, status lines, sidebar rows).
pub fn sanitize_line(input: &str) -> String {
    let stripped = strip(input);
    let mut out = String::with_capacity(stripped.len());
    // Word by word: a mark after a collapsed space must not be left orphaned.
    for word in stripped.split_whitespace() {
        let word = if has_orphan_mark(word) {
            Cow::Owned(without_orphans(word))
        } else {
            Cow::Borrowed(word)
        };
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

/// True when `sanitize` would return the text unchanged (cheap: no copy).
pub fn is_clean(s: &str) -> bool {
    !s.chars().any(|c| c != '\n' && needs_stripping(c)) && !has_orphan_mark(s)
}

/// True for characters that are removed outright (when not part of an
/// escape sequence, which goes whole).
pub fn is_dropped(c: char) -> bool {
    c.is_control()
        || is_bidi_control(c)
        || matches!(
            c,
            '\u{ad}' | '\u{feff}' | '\u{206a}'..='\u{206f}' | '\u{fff9}'..='\u{fffb}'
        )
}

/// The 12 Unicode Bidi_Control characters (Trojan Source, CVE-2021-42574).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

/// Characters that end a line: LF, CR, VT, FF, NEL, U+2028, U+2029.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Anything the first pass changes or removes.
fn needs_stripping(c: char) -> bool {
    is_dropped(c) || is_line_break(c)
}

/// The text still to read, one character at a time or a run at once.
struct Chars<'a> {
    rest: &'a str,
}

impl Chars<'_> {
    fn peek(&self) -> Option<char> {
        self.rest.chars().next()
    }

    fn next(&mut self) -> Option<char> {
        let mut it = self.rest.chars();
        let c = it.next()?;
        self.rest = it.as_str();
        Some(c)
    }

    fn next_if(&mut self, f: impl FnOnce(&char) -> bool) -> Option<char> {
        self.peek().filter(f).and_then(|_| self.next())
    }

    fn next_if_eq(&mut self, expected: &char) -> Option<char> {
        self.next_if(|c| c == expected)
    }

    /// The run of printable ASCII that starts the rest (most of any text).
    fn take_printable_ascii(&mut self) -> &str {
        let len = self
            .rest
            .bytes()
            .position(|b| !(b' '..=b'~').contains(&b))
            .unwrap_or(self.rest.len());
        let (run, rest) = self.rest.split_at(len);
        self.rest = rest;
        run
    }
}

/// First pass: escape sequences, controls, line breaks, format characters.
fn strip(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = Chars { rest: input };
    loop {
        // Printable ASCII stays as it is, copied a run at a time.
        out.push_str(chars.take_printable_ascii());
        let Some(c) = chars.next() else { break };
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // 8-bit C1 introducers: CSI, then DCS, SOS, OSC, PM, APC.
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\t' => out.extend(std::iter::repeat_n(' ', TAB_WIDTH)),
            '\r' if chars.peek() == Some('\n') => {}
            c if is_line_break(c) => out.push('\n'),
            c if is_dropped(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// After ESC: the whole sequence goes. A character that cannot continue an
/// escape (a control, non-ASCII, another ESC) is left for the main loop.
fn skip_escape(chars: &mut Chars) {
    let Some(c) = chars.peek() else { return };
    match c {
        '[' => {
            chars.next();
            skip_csi(chars);
        }
        ']' | 'P' | 'X' | '^' | '_' => {
            chars.next();
            skip_string(chars);
        }
        // nF escapes (charset designations...): intermediates, then a final.
        '\u{20}'..='\u{2f}' => {
            while chars
                .next_if(|n| ('\u{20}'..='\u{2f}').contains(n))
                .is_some()
            {}
            chars.next_if(|n| ('\u{30}'..='\u{7e}').contains(n));
        }
        // Two-character escapes: ESC c (reset), ESC 7, ESC =, ESC N ...
        '\u{30}'..='\u{7e}' => {
            chars.next();
        }
        _ => {}
    }
}

/// CSI: parameter and intermediate bytes, then one final byte (0x40..=0x7e).
/// Anything else ends it and is left for the main loop.
fn skip_csi(chars: &mut Chars) {
    while chars
        .next_if(|c| ('\u{20}'..='\u{3f}').contains(c))
        .is_some()
    {}
    chars.next_if(|c| ('\u{40}'..='\u{7e}').contains(c));
}

/// OSC, DCS, SOS, PM, APC: everything up to BEL or ST (ESC \ or 0x9c). An
/// ESC not followed by `\` aborts the string and starts a new escape, as in
/// terminals. An unterminated string stops at the end of its line, so it
/// cannot swallow the rest of the story; the line break stays.
fn skip_string(chars: &mut Chars) {
    while let Some(c) = chars.peek() {
        match c {
            '\u{7}' | '\u{9c}' => {
                chars.next();
                return;
            }
            '\u{1b}' => {
                chars.next();
                if chars.next_if_eq(&'\\').is_none() {
                    skip_escape(chars);
                }
                return;
            }
            c if is_line_break(c) => return,
            _ => {
                chars.next();
            }
        }
    }
}

/// Could start a combining sequence with no base (zero width). The halfwidth
/// katakana sound marks are drawn on their own by terminals: they stay.
fn may_be_orphan(c: char) -> bool {
    // ASCII has no zero-width character (controls have no width at all).
    !c.is_ascii() && c.width() == Some(0) && !matches!(c, '\u{ff9e}' | '\u{ff9f}')
}

/// A grapheme made only of marks that would have joined a base character
/// (combining accents, variation selectors, ZWJ...) but stands alone: at
/// the start of a line, or after an invisible format character.
fn is_orphan(g: &str) -> bool {
    let Some(first) = g.chars().next() else {
        return false;
    };
    if !may_be_orphan(first) {
        return false;
    }
    let mut joined = String::with_capacity(g.len() + 1);
    joined.push('x');
    joined.push_str(g);
    joined.graphemes(true).nth(1).is_none()
}

fn has_orphan_mark(s: &str) -> bool {
    lines_with_marks(s).any(|line| line.graphemes(true).any(is_orphan))
}

/// The lines holding a character that may be an orphan mark. A line break
/// always ends a grapheme, so each line segments alone and the graphemes
/// (slow) are read only on the lines that need them.
fn lines_with_marks(s: &str) -> impl Iterator<Item = &str> {
    s.split('\n').filter(|line| may_hold_mark(line))
}

/// Does the line hold a character that may be an orphan mark? Below
/// U+0300 (UTF-8 lead bytes under 0xCC) only the soft hyphen (C2 AD) may:
/// a byte scan rules out most lines before any character is decoded.
fn may_hold_mark(line: &str) -> bool {
    line.bytes().any(|b| b >= 0xCC || b == 0xAD) && line.chars().any(may_be_orphan)
}

/// Second pass: remove combining marks that have nothing to combine with.
fn drop_orphan_marks(s: String) -> String {
    if has_orphan_mark(&s) {
        without_orphans(&s)
    } else {
        s
    }
}

fn without_orphans(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (k, line) in s.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        if may_hold_mark(line) {
            out.extend(line.graphemes(true).filter(|g| !is_orphan(g)));
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn only_the_soft_hyphen_may_be_an_orphan_below_u0300() {
        // `may_hold_mark` skips lines with no byte from 0xCC on but 0xAD.
        let below: Vec<char> = ('\u{0}'..'\u{300}').filter(|&c| may_be_orphan(c)).collect();
        assert_eq!(below, vec!['\u{ad}']);
        assert!(may_be_orphan('\u{300}'));
    }

    #[test]
    fn strips_whole_sequences() {
        assert_eq!(sanitize("a\u{1b}[31mred\u{1b}[0m"), "ared");
        assert_eq!(sanitize("a\u{1b}[38;2;255;0;0mb\u{1b}[?1049h"), "ab");
        assert_eq!(sanitize("x\u{1b}]52;c;ZXZpbA==\u{7}y"), "xy");
        assert_eq!(sanitize("x\u{1b}]52;c;ZXZpbA==\u{1b}\\y"), "xy");
        assert_eq!(
            sanitize("x\u{1b}]8;;http://e\u{1b}\\link\u{1b}]8;;\u{1b}\\y"),
            "xlinky"
        );
        assert_eq!(sanitize("x\u{1b}Pq#0;2;0;0;0\u{1b}\\y"), "xy");
        assert_eq!(sanitize("x\u{1b}_Gf=100;AAAA\u{1b}\\y"), "xy");
        assert_eq!(sanitize("x\u{1b}^privacy\u{1b}\\y"), "xy");
        assert_eq!(sanitize("x\u{1b}Xsos\u{1b}\\y"), "xy");
    }

    #[test]
    fn strips_eight_bit_forms() {
        assert_eq!(sanitize("x\u{9b}2Jy"), "xy");
        assert_eq!(sanitize("x\u{9b}31mred"), "xred");
        assert_eq!(sanitize("x\u{9d}52;c;ZXZp\u{9c}y"), "xy");
        assert_eq!(sanitize("x\u{90}q#0\u{9c}y"), "xy");
        assert_eq!(sanitize("x\u{9f}apc\u{7}y\u{85}z"), "xy\nz");
    }

    #[test]
    fn strips_short_escapes() {
        // Reset, save cursor, keypad mode, charset designation.
        assert_eq!(
            sanitize("a\u{1b}cb\u{1b}7c\u{1b}=d\u{1b}(Be\u{1b}#8f"),
            "abcdef"
        );
        // ESC before a non-ASCII character or a newline removes ESC only.
        assert_eq!(sanitize("a\u{1b}é\u{1b}\nb\u{1b}"), "aé\nb");
    }

    #[test]
    fn unterminated_strings_stop_at_line_end() {
        assert_eq!(sanitize("a\u{1b}]0;title\nnext"), "a\nnext");
        assert_eq!(sanitize("a\u{1b}]0;title"), "a");
        assert_eq!(sanitize("a\u{9d}8;;http://x\r\nb"), "a\nb");
        // CVE-2022-46663 shape: an OSC cut by a new escape.
        assert_eq!(sanitize("a\u{1b}]8;;\u{1b}0m\u{1b}[>0qb"), "amb");
    }

    #[test]
    fn drops_controls_soft_hyphen_bom_and_bidi() {
        assert_eq!(sanitize("ab\u{7f}c\u{ad}d\u{202e}e\u{8}\u{feff}"), "abcde");
        assert_eq!(sanitize("\u{7}\u{0}\u{1}\u{1f}\u{80}\u{9c}x"), "x");
        let bidi = "\u{61c}\u{200e}\u{200f}\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}\u{2066}\u{2067}\u{2068}\u{2069}";
        assert_eq!(sanitize(&format!("a{bidi}b")), "ab");
        assert_eq!(sanitize("a\u{206b}b\u{fff9}c\u{fffb}"), "abc");
    }

    #[test]
    fn tabs_and_line_breaks() {
        assert_eq!(sanitize("a\tb"), "a    b");
        assert_eq!(sanitize("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(
            sanitize("a\u{b}b\u{c}c\u{2028}d\u{2029}e\u{85}f"),
            "a\nb\nc\nd\ne\nf"
        );
    }

    #[test]
    fn lone_combining_marks_go_attached_ones_stay() {
        assert_eq!(sanitize("\u{301}abc"), "abc");
        assert_eq!(sanitize("a\n\u{301}\u{302}b"), "a\nb");
        assert_eq!(sanitize("\u{fe0f}x"), "x");
        assert_eq!(sanitize("a\u{200b}\u{301}b"), "a\u{200b}b");
        // A control between letter and mark goes; the mark then joins.
        assert_eq!(sanitize("e\u{7}\u{301}"), "e\u{301}");
        assert_eq!(sanitize("ﾊﾞ \u{ff9e}"), "ﾊﾞ \u{ff9e}");
        assert!(is_clean("ﾞ"));
    }

    #[test]
    fn keeps_ordinary_text() {
        let s = "Huang said “world class” – 48 per cent, 世界 👩‍🔬 🇫🇷 ❤️ e\u{301}\nשלום עולם, مرحبا بالعالم [1]; 3½";
        assert_eq!(sanitize(s), s);
        assert!(is_clean(s));
    }

    #[test]
    fn is_clean_agrees_with_sanitize() {
        for s in [
            "a\u{1b}[1m",
            "a\tb",
            "\u{301}",
            "x\u{2028}",
            "ok\n",
            "",
            "\u{ad}",
        ] {
            assert_eq!(is_clean(s), sanitize(s) == s, "{s:?}");
        }
    }

    #[test]
    fn sanitize_line_is_one_line() {
        assert_eq!(
            sanitize_line("  Title\u{1b}]0;x\u{7}\n\tpart\u{2029}two "),
            "Title part two"
        );
    }

    /// Pieces of hostile text: escape introducers and their parts, C1,
    /// bidi controls, line breaks, marks, and ordinary letters.
    fn hostile_piece() -> impl Strategy<Value = String> {
        prop_oneof![
            6 => Just("\u{1b}".to_string()),
            3 => (0x80u32..0xa0).prop_map(|c| char::from_u32(c).unwrap_or('?').to_string()),
            3 => prop::sample::select(vec![
                '\u{61c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}',
                '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
            ]).prop_map(String::from),
            6 => prop::sample::select(vec!["[", "]", ";", "\u{7}", "\\", "P", "X", "^", "_", "(", "#", "?", "m", "8", "52"]).prop_map(String::from),
            3 => (0u32..10).prop_map(|d| d.to_string()),
            2 => prop::sample::select(vec!["\u{1b}\\", "\u{9c}", "\u{1b}[", "\u{1b}]", "\u{9b}", "\u{9d}"]).prop_map(String::from),
            3 => prop::sample::select(vec!["\n", "\r", "\t", "\u{b}", "\u{c}", "\u{85}", "\u{2028}", "\u{2029}", "\u{7f}", "\u{0}"]).prop_map(String::from),
            2 => prop::sample::select(vec!["\u{301}", "\u{fe0f}", "\u{200d}", "\u{200b}", "\u{feff}", "\u{ad}", "\u{ff9e}", "\u{e0067}"]).prop_map(String::from),
            4 => "[a-z ]{1,4}",
            2 => prop::sample::select(vec!["世界", "שלום", "مرحبا", "👩‍🔬", "🇫🇷", "e\u{301}"]).prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
        ]
    }

    fn hostile_text() -> impl Strategy<Value = String> {
        prop::collection::vec(hostile_piece(), 0..40).prop_map(|v| v.concat())
    }

    fn is_unsafe_char(c: char) -> bool {
        (c.is_control() && c != '\n') || is_bidi_control(c)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn output_has_no_controls_escapes_or_bidi(s in hostile_text()) {
            let out = sanitize(&s);
            prop_assert!(!out.chars().any(is_unsafe_char), "{:?} -> {:?}", s, out);
            let gone = ['\u{ad}', '\u{feff}', '\u{2028}', '\u{2029}', '\r'];
            prop_assert!(!out.contains(gone), "{:?}", out);
            // No line starts with a lone mark that could join what came before.
            for line in out.split('\n') {
                prop_assert!(!line.starts_with(['\u{301}', '\u{fe0f}', '\u{200d}', '\u{e0067}']), "{:?}", line);
            }
            let flat = sanitize_line(&s);
            prop_assert!(!flat.chars().any(|c| c.is_control() || is_bidi_control(c)));
        }

        #[test]
        fn sanitize_is_idempotent(s in hostile_text()) {
            let once = sanitize(&s);
            prop_assert_eq!(sanitize(&once), once.clone());
            prop_assert!(is_clean(&once));
            let line = sanitize_line(&s);
            prop_assert_eq!(sanitize_line(&line), line);
        }

        #[test]
        fn is_clean_means_unchanged(s in hostile_text()) {
            prop_assert_eq!(is_clean(&s), sanitize(&s) == s);
        }

        #[test]
        fn plain_text_passes_unchanged(s in "[a-zA-Z0-9 .,;:'\"!?()\\[\\]%$€£—“”\n\u{4e00}-\u{4e20}\u{5d0}-\u{5ea}\u{627}-\u{64a}]{0,80}") {
            prop_assert_eq!(sanitize(&s), s.clone());
            prop_assert!(is_clean(&s));
        }
    }
}
