//! Invariants every story must keep, whatever its input.
#![allow(dead_code)]

use lede::Story;

/// Every quote and figure span slices its block to exactly its text.
pub fn spans(story: &Story) {
    for q in &story.quotes {
        assert_eq!(
            story.article.span_text(&q.span),
            Some(q.text.as_str()),
            "quote span {:?}",
            q.span
        );
    }
    for f in &story.figures {
        assert_eq!(
            story.article.span_text(&f.span),
            Some(f.text.as_str()),
            "figure span {:?}",
            f.span
        );
    }
}

/// Stored text carries no terminal controls (ESC, C0 but '\n', DEL, C1)
/// and no bidi controls: ingest sanitizes.
pub fn clean_text(story: &Story) {
    let a = &story.article;
    let fields = [&a.standfirst, &a.byline, &a.publisher, &a.published, &a.url];
    let texts = std::iter::once(a.title.as_str())
        .chain(fields.into_iter().flatten().map(String::as_str))
        .chain(a.blocks.iter().map(|b| b.text.as_str()));
    for t in texts {
        assert!(
            !t.chars()
                .any(|c| (c.is_control() && c != '\n') || lede::sanitize::is_bidi_control(c)),
            "unsanitized text {t:?}"
        );
    }
}
