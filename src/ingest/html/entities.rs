//! Character references left in metadata: JSON-LD is script text (the
//! parser never decodes it) and some sites encode attributes twice
//! ("&amp;#039;"). Decoded here, at most twice over.

use std::borrow::Cow;

/// Named references seen in titles and names; others stay as written.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", ' '),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("hellip", '…'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("aacute", 'á'),
    ("oacute", 'ó'),
    ("uuml", 'ü'),
    ("ouml", 'ö'),
    ("auml", 'ä'),
    ("szlig", 'ß'),
    ("ccedil", 'ç'),
    ("ntilde", 'ñ'),
];

/// Decode character references (`&#39;`, `&#x27;`, `&amp;`, ...).
pub fn decode(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let once = decode_once(s);
    if once.contains('&') {
        Cow::Owned(decode_once(&once))
    } else {
        Cow::Owned(once)
    }
}

fn decode_once(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference at the start of `s` stands for, and its length.
fn reference(s: &str) -> Option<(char, usize)> {
    let end = s.get(1..)?.find(';')? + 1;
    if end > 12 {
        return None;
    }
    let body = s.get(1..end)?;
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code).filter(|c| *c != '\0')?
    } else {
        NAMED.iter().find(|(n, _)| *n == body).map(|(_, c)| *c)?
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_are_decoded() {
        assert_eq!(decode("Mountaineering&#39;s peak"), "Mountaineering's peak");
        assert_eq!(decode("Full &#038; Part Time"), "Full & Part Time");
        assert_eq!(decode("Python, SQL &#x26; AI"), "Python, SQL & AI");
        assert_eq!(decode("Rates &amp;amp; Prices"), "Rates & Prices");
        assert_eq!(decode("Maria &amp; Katerina"), "Maria & Katerina");
        assert_eq!(decode("AT&T and R&D; &unknown;"), "AT&T and R&D; &unknown;");
        assert_eq!(decode("&#0; &#xD800; &"), "&#0; &#xD800; &");
    }
}
