//! Arbitrary text split into blocks -> quotes and figures. No panic; every
//! returned span slices its block to exactly the item's text.
#![no_main]

use lede::{Article, Block, BlockKind};
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

const KINDS: [BlockKind; 6] = [
    BlockKind::Paragraph,
    BlockKind::Heading,
    BlockKind::Blockquote,
    BlockKind::ListItem,
    BlockKind::Caption,
    BlockKind::Preformatted,
];

fuzz_target!(|text: &str| {
    // Blank lines separate blocks; the first line is the title. Blocks are
    // given as is (not sanitized): analyze must cope with any text.
    let mut parts = text.split("\n\n");
    let title = parts.next().unwrap_or_default().to_string();
    let blocks = parts
        .enumerate()
        .map(|(i, t)| Block::new(KINDS[i % KINDS.len()], t))
        .collect();
    let article = Article {
        title,
        blocks,
        ..Article::default()
    };
    let story = lede::analyze::analyze(article, None);
    check::spans(&story);
});
