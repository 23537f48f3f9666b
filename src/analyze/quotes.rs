//! Quotes: the words inside quotation marks, and who said them.

use crate::article::{Article, Quote, QuoteKind, Span};

/// Every curly-quoted passage in the body blocks.
pub fn find(article: &Article) -> Vec<Quote> {
    let mut out = Vec::new();
    for (i, block) in article.body() {
        let text = &block.text;
        let mut from = 0;
        while let Some(open) = text[from..].find('“') {
            let start = from + open + '“'.len_utf8();
            let Some(close) = text[start..].find('”') else {
                break;
            };
            let end = start + close;
            out.push(Quote {
                text: text[start..end].to_string(),
                speaker: None,
                kind: QuoteKind::Partial,
                span: Span {
                    block: i,
                    start,
                    end,
                },
            });
            from = end + '”'.len_utf8();
        }
    }
    out
}
