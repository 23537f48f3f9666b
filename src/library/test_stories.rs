//! Stories for the library's tests: one quote and one figure each.

use super::{Library, NewStory};
use crate::article::{Article, Block, Figure, FigureKind, Quote, QuoteKind, Span, Story};

/// Story `n`: "Story n" from The Gazette, published on `published`, with
/// `speaker`'s quote "Words n," and a $5 million figure.
pub fn story(n: usize, speaker: &str, published: &str) -> NewStory {
    let text = format!("“Words {n},” said {speaker}. It cost $5 million.");
    let story = Story {
        source: Some(format!("story{n}.html")),
        article: Article {
            title: format!("Story {n}"),
            publisher: Some("The Gazette".into()),
            published: Some(published.into()),
            blocks: vec![Block::paragraph("Lead."), Block::paragraph(text)],
            ..Article::default()
        },
        quotes: vec![Quote {
            text: format!("Words {n},"),
            speaker: Some(speaker.into()),
            canonical_speaker: None,
            kind: QuoteKind::Direct,
            span: Span {
                block: 1,
                start: 3,
                end: 12,
            },
        }],
        figures: vec![Figure {
            text: "$5 million".into(),
            kind: FigureKind::Money,
            value: Some(5e6),
            unit: Some("USD".into()),
            span: Span {
                block: 1,
                start: 40,
                end: 50,
            },
        }],
    };
    let original = format!("original {n}").into_bytes();
    NewStory::new(original, story)
}

/// A library in a temporary folder holding story 1, 2, ... of each
/// (speaker, published) pair.
pub fn library_of(stories: &[(&str, &str)]) -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    let batch = stories
        .iter()
        .enumerate()
        .map(|(i, (speaker, published))| story(i + 1, speaker, published))
        .collect();
    lib.add(batch).unwrap();
    (dir, lib)
}
