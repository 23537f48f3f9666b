//! bytes -> Article. Pure: no I/O, no global state.
//!
//! The format is sniffed from the content (a file name is only a hint),
//! gzip is opened transparently, the charset decoded, then the HTML or the
//! plain-text cleaner makes the article.

pub mod candidate;
pub mod caption;
pub mod clutter;
pub mod dates;
pub mod decode;
pub mod furniture;
pub mod garbled;
pub mod html;
pub mod mojibake;
mod patterns;
pub mod text;

use crate::article::Article;
use furniture::Furniture;
use thiserror::Error;

/// Why a file could not become a story.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum IngestError {
    #[error("the file is empty")]
    Empty,
    #[error("this looks like a binary file ({0}), not a saved story")]
    Binary(&'static str),
    #[error("the gzip data is damaged: {0}")]
    Gzip(String),
    #[error("the file is too large ({size} bytes; the limit is {limit})")]
    TooLarge { size: usize, limit: usize },
    #[error("the bytes do not decode to readable text (corrupt, or not a story)")]
    Garbled,
    #[error("no article text was found")]
    NoText,
    #[error("the text is too short to be an article ({words} words; a story has at least {min})")]
    TooShort { words: usize, min: usize },
}

/// Fewer body words than this is a note or a fragment, not a story.
pub const MIN_STORY_WORDS: usize = 40;
/// The floor for a pasted text, counted over all its words: a headline and
/// one sentence is a news brief; a note of a dozen words is not a story.
pub const MIN_TEXT_WORDS: usize = 20;

/// Words of a text, for the length rule: runs between spaces, and in
/// scripts written without spaces (Chinese, Japanese, Thai...) one word
/// per two letters.
pub fn story_words<'a>(texts: impl Iterator<Item = &'a str>) -> usize {
    let mut words = 0;
    for token in texts.flat_map(str::split_whitespace) {
        let unspaced = token.chars().filter(|&c| is_unspaced_script(c)).count();
        words += if unspaced > 0 {
            unspaced.div_ceil(2)
        } else {
            1
        };
    }
    words
}

/// Letters of scripts that do not put spaces between words.
fn is_unspaced_script(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' // kana
        | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' // CJK ideographs
        | '\u{f900}'..='\u{faff}'
        | '\u{0e00}'..='\u{0e7f}' // Thai
        | '\u{0e80}'..='\u{0eff}' // Lao
        | '\u{1000}'..='\u{109f}' // Myanmar
        | '\u{1780}'..='\u{17ff}' // Khmer
    )
}

/// Largest input accepted, after decompression.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Text,
}

/// What the caller knows besides the bytes. All optional.
#[derive(Debug, Default, Clone, Copy)]
pub struct Hints<'a> {
    /// The file name or path, used only as a weak format hint.
    pub name: Option<&'a str>,
    /// Page furniture learned from the library (see `furniture`): lines
    /// that recur in a publisher's stories, removed from text dumps.
    pub furniture: Option<&'a Furniture>,
    /// Today, in days since 1970-01-01 (see [`dates::days_from_civil`]):
    /// a publication date after it is not trusted. The caller reads the
    /// clock, so ingest stays a function of its inputs.
    pub today: Option<i64>,
}

/// Turn the bytes of a saved story into a cleaned article.
pub fn ingest(bytes: &[u8], hints: Hints) -> Result<Article, IngestError> {
    let cleaned = clean(bytes, hints)?;
    match cleaned.not_a_story {
        Some(why) => Err(why),
        None => Ok(cleaned.article),
    }
}

/// What the cleaner made of a readable page, and why it is not a story
/// when it is not one (no article text, or too few words). `lede extract`
/// still reports such a page's title and metadata; the library refuses it.
#[derive(Debug)]
pub struct Cleaned {
    pub article: Article,
    pub not_a_story: Option<IngestError>,
}

/// Clean the bytes of a page; an error only when they hold no readable
/// text at all (empty, binary, damaged, undecodable).
pub fn clean(bytes: &[u8], hints: Hints) -> Result<Cleaned, IngestError> {
    let bytes = decode::gunzip_if_needed(bytes)?;
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty);
    }
    if let Some(kind) = decode::binary_kind(&bytes) {
        return Err(IngestError::Binary(kind));
    }
    let format = sniff(&bytes, hints.name);
    let text = decode::decode(&bytes, format == Format::Html)?;
    if garbled::is_garbled(&text, std::str::from_utf8(&bytes).is_err()) {
        return Err(IngestError::Garbled);
    }
    let article = match format {
        Format::Html => html::extract(&text),
        Format::Text => text::extract(&text, hints.furniture),
    };
    let not_a_story = story_check(&article, format, &text);
    Ok(Cleaned {
        article: sanitize_meta(article, hints.today),
        not_a_story,
    })
}

/// Why a cleaned page is not a story, if it is not one.
fn story_check(article: &Article, format: Format, text: &str) -> Option<IngestError> {
    if article.blocks.iter().all(|b| b.text.trim().is_empty()) {
        return Some(IngestError::NoText);
    }
    // A page is too short when even its extraction (which falls back to the
    // page's text) holds under 40 words. A pasted text is judged by all of
    // its words, not by what the cleaner kept: the corpora hold real news
    // briefs of 25 words, and a dump the cleaner under-reads is still a story.
    let (words, min) = match format {
        Format::Html => (
            story_words(article.body().map(|(_, b)| b.text.as_str())),
            MIN_STORY_WORDS,
        ),
        Format::Text => (story_words(std::iter::once(text)), MIN_TEXT_WORDS),
    };
    (words < min).then_some(IngestError::TooShort { words, min })
}

/// The lines of a text dump that could be page furniture, for the library
/// to count per publisher (see [`furniture`]). HTML pages give none: their
/// furniture is told apart by markup.
pub fn furniture_candidates(bytes: &[u8], name: Option<&str>) -> Vec<String> {
    let Ok(bytes) = decode::gunzip_if_needed(bytes) else {
        return Vec::new();
    };
    if decode::binary_kind(&bytes).is_some() || sniff(&bytes, name) != Format::Text {
        return Vec::new();
    }
    decode::decode(&bytes, false)
        .map(|text| furniture::candidate_lines(&text))
        .unwrap_or_default()
}

/// Metadata comes from attributes and markup the extractors may not have
/// cleaned: every field is one sanitized line, empty ones are none, and a
/// date that cannot be trusted (see [`dates::trusted`]) is no date.
fn sanitize_meta(mut a: Article, today: Option<i64>) -> Article {
    use crate::sanitize::sanitize_line;
    a.title = sanitize_line(&a.title);
    for field in [
        &mut a.standfirst,
        &mut a.byline,
        &mut a.publisher,
        &mut a.published,
        &mut a.url,
        &mut a.section,
    ] {
        *field = field
            .take()
            .map(|v| sanitize_line(&v))
            .filter(|v| !v.is_empty());
    }
    a.published = a.published.filter(|d| dates::trusted(d, today));
    a
}

/// HTML or plain text, from the first bytes of content; the name breaks ties.
pub fn sniff(bytes: &[u8], name: Option<&str>) -> Format {
    // A page may open with kilobytes of script before its first tag.
    let head = &bytes[..bytes.len().min(65_536)];
    let trimmed = trim_start(head);
    let starts_like_html = [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<?xml",
        "<!--",
        "<meta",
        "<div",
        "<article",
        "<script",
        "<style",
        "<link",
        "<title",
    ]
    .iter()
    .any(|p| {
        trimmed
            .get(..p.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(p.as_bytes()))
    });
    if starts_like_html {
        return Format::Html;
    }
    // Lowercased only here: most pages start like HTML and skip the copy.
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let tags = [
        "<p>", "<p ", "<div", "<br", "</a>", "<body", "<title", "<span",
    ];
    let tag_hits = tags.iter().filter(|t| head.contains(*t)).count();
    if tag_hits >= 2 {
        return Format::Html;
    }
    let by_name = name.map(|n| n.to_ascii_lowercase()).is_some_and(|n| {
        [".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".mhtml"]
            .iter()
            .any(|e| n.ends_with(e))
    });
    if by_name && tag_hits >= 1 {
        Format::Html
    } else {
        Format::Text
    }
}

/// `bytes` past any leading byte-order marks, then past leading
/// whitespace (Unicode's, as `str::trim_start` has it).
fn trim_start(bytes: &[u8]) -> &[u8] {
    let mut rest = bytes;
    while let Some(r) = rest.strip_prefix("\u{feff}".as_bytes()) {
        rest = r;
    }
    loop {
        let width = match rest.first() {
            Some(&b) if b < 0x80 => 1,
            Some(0xc2..=0xdf) => 2,
            Some(0xe0..=0xef) => 3,
            Some(0xf0..=0xf4) => 4,
            _ => return rest,
        };
        let is_space = rest
            .get(..width)
            .and_then(|c| std::str::from_utf8(c).ok())
            .and_then(|c| c.chars().next())
            .is_some_and(char::is_whitespace);
        match rest.get(width..) {
            Some(r) if is_space => rest = r,
            _ => return rest,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content_not_name() {
        assert_eq!(sniff(b"<!DOCTYPE html><html>", Some("x.txt")), Format::Html);
        assert_eq!(
            sniff(b"Headline\n\nBody text.", Some("x.html")),
            Format::Text
        );
        assert_eq!(sniff(b"  <html lang=en>", None), Format::Html);
        let marked = "\u{feff}\u{feff}\u{a0}\u{2003}\n<HTML lang=en>";
        assert_eq!(sniff(marked.as_bytes(), None), Format::Html);
        assert_eq!(sniff(b"\xff<html>", None), Format::Text);
        // A page that opens with a long script before any other tag.
        let script_first = format!(
            "<script>{}</script><html><head><title>T</title></head><body><p>x</p></body></html>",
            "var a = 1;\n".repeat(800)
        );
        assert_eq!(sniff(script_first.as_bytes(), None), Format::Html);
        let js_text = format!("<script>{}", "var a = 1;\n".repeat(800));
        assert_eq!(sniff(js_text.as_bytes(), None), Format::Html);
    }

    #[test]
    fn short_texts_are_refused_with_a_reason() {
        let note = b"Buy milk and eggs.\n\nCall the plumber about the sink on Monday.";
        let err = ingest(note, Hints::default()).unwrap_err();
        assert!(
            matches!(
                err,
                IngestError::TooShort {
                    words: 12,
                    min: MIN_TEXT_WORDS
                }
            ),
            "{err:?}"
        );
        assert!(err.to_string().contains("too short"));
        let story = format!(
            "Headline here\n\n{}",
            "The council met and voted on the plan. ".repeat(8)
        );
        assert!(ingest(story.as_bytes(), Hints::default()).is_ok());
    }

    #[test]
    fn unspaced_scripts_count_words_by_letters() {
        let ja = "商品の改造が商標法違反になる場合があります。";
        assert!(story_words([ja].into_iter()) >= 10);
        assert_eq!(story_words(["two words"].into_iter()), 2);
    }

    #[test]
    fn untrustworthy_dates_leave_published_empty() {
        let page = |date: &str| {
            format!(
                "<html><head><meta property=\"article:published_time\" content=\"{date}\"></head><body><article><h1>A headline for the test</h1>{}</article></body></html>",
                "<p>The council met on Tuesday and voted on the plan, which had been debated for months.</p>".repeat(4)
            )
        };
        let today = dates::days_from_civil(2026, 12, 7);
        let hints = Hints {
            today: Some(today),
            ..Hints::default()
        };
        for (date, kept) in [
            ("0001-01-01T00:00:00Z", false),
            ("1850-05-01", false),
            ("2031-01-01", false),
            ("2024-05-01", true),
        ] {
            let a = ingest(page(date).as_bytes(), hints).unwrap();
            assert_eq!(a.published.is_some(), kept, "{date}: {:?}", a.published);
        }
    }

    #[test]
    fn empty_and_binary_are_errors() {
        assert_eq!(ingest(b"  \n", Hints::default()), Err(IngestError::Empty));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(matches!(
            ingest(png, Hints::default()),
            Err(IngestError::Binary(_))
        ));
    }
}
