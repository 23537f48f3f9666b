//! Parsing with bounded cost. html5ever scans its stack of open elements
//! for every new tag, so pathological nesting costs quadratic time; tags
//! past a sane depth are dropped before parsing (their text is kept).

use html5ever::driver::ParseOpts;
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use scraper::{Html, HtmlTreeSink};
use std::borrow::Cow;

/// Deepest element nesting passed to the parser. Real pages stay far below.
pub const MAX_DEPTH: usize = 1_500;

/// Parse a document with scripting off, so `<noscript>` content (where a
/// stray unclosed tag can push the article) is parsed as ordinary nodes.
pub fn parse(html: &str) -> Html {
    let html = flatten_deep_nesting(html, MAX_DEPTH);
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    html5ever::driver::parse_document(HtmlTreeSink::new(Html::new_document()), opts)
        .one(html.as_ref())
}

/// A tag name lowercased into a small buffer (longer names never match).
fn lower(name: &[u8]) -> ([u8; 10], usize) {
    let mut buf = [0u8; 10];
    let len = name.len().min(buf.len());
    for (slot, b) in buf.iter_mut().zip(name) {
        *slot = b.to_ascii_lowercase();
    }
    (buf, if name.len() > 10 { 0 } else { len })
}

/// Elements with no content or an optional end tag do not nest in practice.
fn never_nests(name: &[u8]) -> bool {
    let (buf, len) = lower(name);
    matches!(
        &buf[..len],
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"source"
            | b"track"
            | b"wbr"
            | b"param"
            | b"keygen"
            | b"p"
            | b"li"
            | b"dt"
            | b"dd"
            | b"option"
            | b"optgroup"
            | b"tr"
            | b"td"
            | b"th"
            | b"tbody"
            | b"thead"
            | b"tfoot"
            | b"colgroup"
            | b"rb"
            | b"rt"
            | b"rp"
            | b"html"
            | b"head"
            | b"body"
            | b"frame"
            | b"basefont"
            | b"bgsound"
    )
}

/// Elements whose content is raw text: tags inside them are not tags.
fn raw_text(name: &[u8]) -> bool {
    let (buf, len) = lower(name);
    matches!(
        &buf[..len],
        b"script" | b"style" | b"textarea" | b"title" | b"xmp"
    )
}

/// One scan over the tags, counting open elements. Returns the input
/// untouched unless the nesting passes `limit`; then start tags beyond it,
/// and as many end tags, are removed.
pub fn flatten_deep_nesting(html: &str, limit: usize) -> Cow<'_, str> {
    if max_depth(html) <= limit {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let (mut depth, mut excess) = (0usize, 0usize);
    for piece in Tags::new(html) {
        match piece {
            Piece::Text(t) | Piece::Other(t) => out.push_str(t),
            Piece::Open(t, name) => {
                if never_nests(name) {
                    out.push_str(t);
                } else if depth >= limit {
                    excess += 1;
                } else {
                    depth += 1;
                    out.push_str(t);
                }
            }
            Piece::Close(t, name) => {
                if never_nests(name) {
                    out.push_str(t);
                } else if excess > 0 {
                    excess -= 1;
                } else {
                    depth = depth.saturating_sub(1);
                    out.push_str(t);
                }
            }
        }
    }
    Cow::Owned(out)
}

fn max_depth(html: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    for piece in Tags::new(html) {
        match piece {
            Piece::Open(_, name) if !never_nests(name) => {
                depth += 1;
                max = max.max(depth);
            }
            Piece::Close(_, name) if !never_nests(name) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

enum Piece<'a> {
    Text(&'a str),
    /// Comments, doctypes, self-closed tags and raw-text elements whole.
    Other(&'a str),
    Open(&'a str, &'a [u8]),
    Close(&'a str, &'a [u8]),
}

/// A rough tag lexer: enough to count nesting, not to parse HTML.
struct Tags<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Tags<'a> {
    fn new(src: &'a str) -> Self {
        Tags { src, pos: 0 }
    }

    /// Byte offset just past `needle` (ASCII, case-insensitive) from `from`.
    fn past(&self, from: usize, needle: &[u8]) -> usize {
        let bytes = self.src.as_bytes();
        let mut at = from;
        while let Some(i) = memchr::memchr(needle[0], bytes.get(at..).unwrap_or_default()) {
            let start = at + i;
            let end = start + needle.len();
            if bytes
                .get(start..end)
                .is_some_and(|s| s.eq_ignore_ascii_case(needle))
            {
                return end;
            }
            at = start + 1;
        }
        bytes.len()
    }
}

impl<'a> Iterator for Tags<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        let bytes = self.src.as_bytes();
        let start = self.pos;
        if start >= bytes.len() {
            return None;
        }
        let rest = bytes.get(start..)?;
        if rest.first() != Some(&b'<') {
            let end = memchr::memchr(b'<', rest).map_or(bytes.len(), |i| start + i);
            self.pos = end;
            return self.src.get(start..end).map(Piece::Text);
        }
        if rest.starts_with(b"<!--") {
            self.pos = self.past(start + 4, b"-->");
            return self.src.get(start..self.pos).map(Piece::Other);
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes
            .get(name_start..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 {
            // "<" that opens no tag: plain text.
            self.pos = start + 1;
            return self.src.get(start..self.pos).map(Piece::Text);
        }
        let end = memchr::memchr(b'>', rest).map_or(bytes.len(), |i| start + i + 1);
        self.pos = end;
        let tag = self.src.get(start..end)?;
        let name = bytes.get(name_start..name_start + name_len)?;
        if closing {
            return Some(Piece::Close(tag, name));
        }
        if tag.ends_with("/>") {
            return Some(Piece::Other(tag));
        }
        if raw_text(name) {
            let mut close = Vec::with_capacity(name.len() + 2);
            close.extend_from_slice(b"</");
            close.extend_from_slice(name);
            self.pos = self.past(end, &close);
            // Keep the closing tag's ">" with the raw element.
            self.pos = self.past(self.pos, b">").min(bytes.len());
            return self.src.get(start..self.pos).map(Piece::Other);
        }
        Some(Piece::Open(tag, name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched() {
        let page = "<html><body><div><p>a<p>b</div><script>if (a<b) {}</script></body>";
        assert!(matches!(flatten_deep_nesting(page, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_flattened_and_text_kept() {
        let page = format!("{}text{}", "<div>".repeat(10), "</div>".repeat(10));
        let flat = flatten_deep_nesting(&page, 4);
        assert_eq!(
            flat,
            format!("{}text{}", "<div>".repeat(4), "</div>".repeat(4))
        );
    }

    #[test]
    fn hundred_thousand_deep_parses_quickly() {
        let page = format!("<html><body>{}deep words", "<div><span>".repeat(50_000));
        let started = std::time::Instant::now();
        let doc = parse(&page);
        assert!(started.elapsed().as_secs() < 5);
        assert!(doc.root_element().text().any(|t| t.contains("deep words")));
    }
}
