//! Sample stories bundled into the binary, shown while the library is empty
//! so that a first `lede` has something to read. Written for lede (not taken
//! from any outlet, the places and people invented): saved pages with the
//! usual clutter around real-shaped stories (headline, byline, date, quotes
//! and figures), which the pipeline cleans. Each is marked as a sample in
//! its source, and the reader and `lede list` say they are samples.

use crate::article::Story;
use crate::library::story_id;

/// (file name, bytes) of each bundled sample.
const SAMPLES: &[(&str, &[u8])] = &[
    (
        "harbour-expansion.html",
        include_bytes!("../assets/harbour-expansion.html"),
    ),
    (
        "orchard-frost.html",
        include_bytes!("../assets/orchard-frost.html"),
    ),
    (
        "library-reopens.txt",
        include_bytes!("../assets/library-reopens.txt"),
    ),
    (
        "solar-cooperative.txt",
        include_bytes!("../assets/solar-cooperative.txt"),
    ),
    (
        "rail-link-cjk.txt",
        include_bytes!("../assets/rail-link-cjk.txt"),
    ),
];

/// The raw samples: (file name, original bytes).
pub fn originals() -> &'static [(&'static str, &'static [u8])] {
    SAMPLES
}

/// Every sample run through the pipeline, with the id it would have in a
/// library. A sample the pipeline rejects is left out (the tests catch it).
pub fn stories() -> Vec<(String, Story)> {
    SAMPLES
        .iter()
        .filter_map(|(name, bytes)| {
            let mut story = crate::process(bytes, Some(name)).ok()?;
            story.source = Some(format!("{name} (lede sample)"));
            Some((story_id(bytes), story))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_makes_a_full_story() {
        assert_eq!(stories().len(), SAMPLES.len());
        for (name, bytes) in SAMPLES {
            let story = crate::process(bytes, Some(name)).unwrap();
            let a = &story.article;
            assert!(!a.title.trim().is_empty(), "{name}: no title");
            assert!(
                a.body().count() >= 3,
                "{name}: {} body blocks",
                a.body().count()
            );
            assert!(!story.quotes.is_empty(), "{name}: no quote");
            assert!(!story.figures.is_empty(), "{name}: no figure");
        }
    }

    /// The first impression: a headline (not a section kicker), byline,
    /// publisher and a real date; no share row, advert or link list left.
    #[test]
    fn samples_read_like_real_stories() {
        for (id, story) in stories() {
            let a = &story.article;
            let name = story.source.clone().unwrap_or_default();
            assert!(name.ends_with("(lede sample)"), "{id}: {name}");
            assert!(
                a.title.split_whitespace().count() >= 6,
                "{name}: title {:?}",
                a.title
            );
            assert!(a.byline.is_some(), "{name}: no byline");
            assert!(a.publisher.is_some(), "{name}: no publisher");
            let date = a.published.as_deref().and_then(crate::listing::parse);
            assert!(date.is_some_and(|d| d.day.is_some()), "{name}: no date");
            for b in &a.blocks {
                let t = b.text.to_lowercase();
                for junk in [
                    "share",
                    "follow us",
                    "advertisement",
                    "more from",
                    "reading time",
                ] {
                    assert!(
                        !t.starts_with(junk),
                        "{name}: {:?} left in the body",
                        b.text
                    );
                }
                let heading = b.kind == crate::BlockKind::Heading;
                assert!(
                    heading || b.text.split_whitespace().count() >= 4,
                    "{name}: stray line {:?}",
                    b.text
                );
            }
        }
    }

    #[test]
    fn samples_cover_html_text_a_legacy_charset_and_cjk() {
        let html = SAMPLES.iter().filter(|(n, _)| n.ends_with(".html")).count();
        let text = SAMPLES.iter().filter(|(n, _)| n.ends_with(".txt")).count();
        assert!(html >= 2 && text >= 2);
        assert!(SAMPLES.iter().any(|(_, b)| std::str::from_utf8(b).is_err()));
        let stories = stories();
        assert!(stories.iter().any(|(_, s)| {
            s.article.blocks.iter().any(|b| {
                b.text
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            })
        }));
        // The windows-1252 page decodes to real letters, not mojibake.
        let frost = stories
            .iter()
            .find(|(_, s)| s.source.as_deref() == Some("orchard-frost.html (lede sample)"))
            .map(|(_, s)| serde_json::to_string(s).unwrap_or_default())
            .unwrap_or_default();
        assert!(frost.contains("Müller") && frost.contains("€48 million"));
    }
}
