//! Plain-text dumps -> Article, paragraph by paragraph.

use crate::article::{Article, Block};
use crate::sanitize::sanitize;

/// Clean a plain-text story dump. The first substantial line is the title;
/// every other non-empty line is a paragraph.
pub fn extract(input: &str) -> Article {
    let clean = sanitize(input);
    let mut lines = clean
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !is_obvious_clutter(l));
    let title = lines.next().unwrap_or_default().to_string();
    let blocks = lines.map(Block::paragraph).collect();
    Article {
        title,
        blocks,
        ..Article::default()
    }
}

fn is_obvious_clutter(line: &str) -> bool {
    let lower = line.to_lowercase();
    lower == "advertisement" || lower.starts_with("reading time")
}
