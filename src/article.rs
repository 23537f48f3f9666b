//! The story model: one set of structs that `extract --json` prints, the
//! library stores and the reader shows. Quotes and figures are spans into
//! block text, never copies (see ../shared/spec/extract-json.md).

use serde::{Deserialize, Serialize};

/// What a block of the cleaned article is.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    Heading,
    Blockquote,
    ListItem,
    Caption,
    Preformatted,
}

impl BlockKind {
    /// Captions stand apart from the body: not scored as body, no quotes.
    pub fn is_body(self) -> bool {
        self != BlockKind::Caption
    }
}

/// One block of cleaned, sanitized text.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

impl Block {
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        Block {
            kind,
            text: text.into(),
        }
    }

    pub fn paragraph(text: impl Into<String>) -> Self {
        Block::new(BlockKind::Paragraph, text)
    }
}

/// The cleaned article: metadata and body blocks, clutter gone.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct Article {
    pub title: String,
    pub standfirst: Option<String>,
    pub byline: Option<String>,
    pub publisher: Option<String>,
    /// ISO 8601 date or date-time.
    pub published: Option<String>,
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    pub blocks: Vec<Block>,
}

impl Article {
    /// Body blocks only (captions left out), with their indices.
    pub fn body(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind.is_body())
    }

    /// Words in the body, for the catalog and reading-time hints.
    pub fn word_count(&self) -> usize {
        self.body()
            .map(|(_, b)| b.text.split_whitespace().count())
            .sum()
    }

    /// The text a span points at, if the span is valid.
    pub fn span_text(&self, span: &Span) -> Option<&str> {
        self.blocks.get(span.block)?.text.get(span.start..span.end)
    }
}

/// Where an item stands: byte offsets into `blocks[block].text`, end exclusive.
#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default,
)]
pub struct Span {
    pub block: usize,
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// Where `part` first stands in `text`, the text of block `block`
    /// (an empty span at the block's start when it does not).
    pub fn of(block: usize, text: &str, part: &str) -> Span {
        let start = text.find(part).unwrap_or(0);
        let end = if text.get(start..).is_some_and(|t| t.starts_with(part)) {
            start + part.len()
        } else {
            start
        };
        Span { block, start, end }
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A full quoted sentence or clause.
    Direct,
    /// A quoted fragment inside the writer's own sentence.
    Partial,
}

/// Words inside quotation marks (marks excluded) and who said them.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Quote {
    pub text: String,
    /// The speaker as the writer names them: a name in the fullest form
    /// the story gives, or a description as written ("the company").
    pub speaker: Option<String>,
    /// One name per person or body in the story, for grouping quotes:
    /// the fullest form of the name, titles dropped, case fixed, and a
    /// description or pronoun resolved to whom it stands for where the
    /// story says. Absent when there is no speaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_speaker: Option<String>,
    pub kind: QuoteKind,
    #[serde(flatten)]
    pub span: Span,
}

impl Quote {
    /// A quotation as the writer attributes it (no grouping name yet).
    pub fn new(text: &str, speaker: Option<&str>, kind: QuoteKind, span: Span) -> Quote {
        Quote {
            text: text.to_string(),
            speaker: speaker.map(str::to_string),
            canonical_speaker: None,
            kind,
            span,
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    Money,
    Percent,
    Count,
    Quantity,
    Year,
    Date,
    Duration,
    Multiplier,
    Ordinal,
    Number,
}

impl FigureKind {
    /// The kind's name as the JSON contract spells it ("money", "percent"...).
    pub fn name(self) -> &'static str {
        match self {
            FigureKind::Money => "money",
            FigureKind::Percent => "percent",
            FigureKind::Count => "count",
            FigureKind::Quantity => "quantity",
            FigureKind::Year => "year",
            FigureKind::Date => "date",
            FigureKind::Duration => "duration",
            FigureKind::Multiplier => "multiplier",
            FigureKind::Ordinal => "ordinal",
            FigureKind::Number => "number",
        }
    }
}

/// A number that matters, with what it means.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Figure {
    pub text: String,
    pub kind: FigureKind,
    pub value: Option<f64>,
    pub unit: Option<String>,
    #[serde(flatten)]
    pub span: Span,
}

/// An analysed story: what the library stores and `extract --json` prints.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct Story {
    /// Where the story came from: the path as given, or "-" for stdin.
    #[serde(default)]
    pub source: Option<String>,
    #[serde(flatten)]
    pub article: Article,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub figures: Vec<Figure>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_json_follows_the_contract() {
        let story = Story {
            source: Some("a.html".into()),
            article: Article {
                title: "T".into(),
                blocks: vec![Block::paragraph("He said “hi”.")],
                ..Article::default()
            },
            quotes: vec![Quote {
                text: "hi".into(),
                speaker: None,
                canonical_speaker: None,
                kind: QuoteKind::Partial,
                span: Span {
                    block: 0,
                    start: 11,
                    end: 13,
                },
            }],
            figures: vec![],
        };
        let v: serde_json::Value = serde_json::to_value(&story).unwrap();
        assert_eq!(v["source"], "a.html");
        assert_eq!(v["blocks"][0]["kind"], "paragraph");
        assert_eq!(v["quotes"][0]["block"], 0);
        assert_eq!(v["quotes"][0]["start"], 11);
        assert_eq!(v["quotes"][0]["kind"], "partial");
        assert!(v["standfirst"].is_null());
        assert!(v.get("section").is_none());
        assert_eq!(story.article.span_text(&story.quotes[0].span), Some("hi"));
        let back: Story = serde_json::from_value(v).unwrap();
        assert_eq!(back, story);
    }
}
