//! Untrusted text never reaches the terminal raw. Whole escape sequences
//! (CSI, OSC, DCS, APC, PM, SOS, 8-bit C1 forms, unterminated ones too) go,
//! other controls and DEL go, tabs become spaces, soft hyphens and bidi
//! controls are dropped. Used at ingest and again at render.

/// Spaces a tab expands to.
const TAB_WIDTH: usize = 4;

/// Sanitize one piece of text. Newlines are kept; everything else that
/// could move the cursor, change modes or reorder text is removed.
pub fn sanitize(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // 8-bit C1 introducers: CSI, OSC, DCS, SOS, PM, APC.
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\t' => out.extend(std::iter::repeat_n(' ', TAB_WIDTH)),
            '\n' => out.push('\n'),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            c if is_dropped(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Sanitize and flatten to one line (titles, status lines, sidebar rows).
pub fn sanitize_line(input: &str) -> String {
    let clean = sanitize(input);
    clean.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True for characters that are removed outright.
pub fn is_dropped(c: char) -> bool {
    c.is_control() || c == '\u{ad}' || is_bidi_control(c)
}

/// The Unicode Bidi_Control characters (Trojan Source, CVE-2021-42574).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

fn skip_escape(chars: &mut Chars) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => skip_string(chars),
        // Two- and three-byte escapes: intermediates then a final byte.
        Some(c) if ('\u{20}'..='\u{2f}').contains(&c) => {
            while let Some(&n) = chars.peek() {
                chars.next();
                if !('\u{20}'..='\u{2f}').contains(&n) {
                    break;
                }
            }
        }
        _ => {}
    }
}

/// CSI: parameter and intermediate bytes, then one final byte (0x40..=0x7e).
fn skip_csi(chars: &mut Chars) {
    while let Some(&c) = chars.peek() {
        if ('\u{20}'..='\u{3f}').contains(&c) {
            chars.next();
        } else {
            if ('\u{40}'..='\u{7e}').contains(&c) {
                chars.next();
            }
            return;
        }
    }
}

/// OSC, DCS, SOS, PM, APC: everything up to BEL, ST (ESC \ or 0x9c), or a
/// newline for an unterminated one, so it cannot swallow the whole story.
fn skip_string(chars: &mut Chars) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            '\n' => return,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_whole_sequences() {
        assert_eq!(sanitize("a\u{1b}[31mred\u{1b}[0m"), "ared");
        assert_eq!(sanitize("x\u{1b}]52;c;ZXZpbA==\u{7}y"), "xy");
        assert_eq!(
            sanitize("x\u{1b}]8;;http://e\u{1b}\\link\u{1b}]8;;\u{1b}\\y"),
            "xlinky"
        );
        assert_eq!(sanitize("x\u{9b}2Jy"), "xy");
        assert_eq!(sanitize("x\u{1b}Pq#0\u{1b}\\y"), "xy");
    }

    #[test]
    fn unterminated_osc_stops_at_line_end() {
        assert_eq!(sanitize("a\u{1b}]0;title\nnext"), "anext");
    }

    #[test]
    fn drops_controls_soft_hyphen_and_bidi() {
        assert_eq!(sanitize("ab\u{7f}c\u{ad}d\u{202e}e\u{8}"), "abcde");
        assert_eq!(sanitize("a\tb"), "a    b");
        assert_eq!(sanitize("a\r\nb\rc"), "a\nb\nc");
    }

    #[test]
    fn keeps_ordinary_text() {
        let s = "Huang said “world class” – 48 per cent, 世界 👩‍🔬 שלום";
        assert_eq!(sanitize(s), s);
    }
}
