//! HTML pages -> Article: the main content, not all page text.

use crate::article::{Article, Block, BlockKind};
use crate::sanitize::sanitize_line;
use scraper::{ElementRef, Html, Selector};
use std::sync::LazyLock;

static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("h1, title"));
static BLOCKS: LazyLock<Selector> =
    LazyLock::new(|| sel("p, h2, h3, h4, li, blockquote, pre, figcaption"));
static ROOTS: LazyLock<Selector> = LazyLock::new(|| sel("article, main, body"));

fn sel(s: &str) -> Selector {
    // Selectors here are literals; a typo is a bug caught by the tests.
    Selector::parse(s).unwrap_or_else(|_| panic!("bad selector {s}"))
}

/// Extract the article from a decoded HTML page.
pub fn extract(html: &str) -> Article {
    let doc = Html::parse_document(html);
    let title = doc
        .select(&TITLE)
        .map(|e| sanitize_line(&e.text().collect::<String>()))
        .find(|t| !t.is_empty())
        .unwrap_or_default();
    let root = doc.select(&ROOTS).next();
    let blocks = root
        .map(|r| r.select(&BLOCKS).filter_map(block_of).collect())
        .unwrap_or_default();
    Article {
        title,
        blocks,
        ..Article::default()
    }
}

fn block_of(el: ElementRef) -> Option<Block> {
    let kind = match el.value().name() {
        "h2" | "h3" | "h4" => BlockKind::Heading,
        "li" => BlockKind::ListItem,
        "blockquote" => BlockKind::Blockquote,
        "pre" => BlockKind::Preformatted,
        "figcaption" => BlockKind::Caption,
        _ => BlockKind::Paragraph,
    };
    let text = sanitize_line(&el.text().collect::<Vec<_>>().join(" "));
    (!text.is_empty()).then(|| Block::new(kind, text))
}
