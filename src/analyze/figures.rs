//! Figures: numbers that matter, with their value and unit.

use crate::article::{Article, Figure, FigureKind, Span};
use regex::Regex;
use std::sync::LazyLock;

static PERCENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d+(?:\.\d+)?)(?:%| per ?cent\b)").expect("literal regex"));

/// Percentages in the body blocks.
pub fn find(article: &Article) -> Vec<Figure> {
    let mut out = Vec::new();
    for (i, block) in article.body() {
        for m in PERCENT.captures_iter(&block.text) {
            let (Some(all), Some(num)) = (m.get(0), m.get(1)) else {
                continue;
            };
            out.push(Figure {
                text: all.as_str().to_string(),
                kind: FigureKind::Percent,
                value: num.as_str().parse().ok(),
                unit: Some("%".into()),
                span: Span {
                    block: i,
                    start: all.start(),
                    end: all.end(),
                },
            });
        }
    }
    out
}
