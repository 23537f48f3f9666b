//! Article -> Story: quotes and figures as spans into the blocks. Pure.

pub mod figures;
pub mod quotes;

use crate::article::{Article, Story};

/// Find the quotes and figures of an article.
pub fn analyze(article: Article, source: Option<String>) -> Story {
    let quotes = quotes::find(&article);
    let figures = figures::find(&article);
    Story {
        source,
        article,
        quotes,
        figures,
    }
}
