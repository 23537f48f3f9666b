//! The render-time sanitizer on its own: stories that never went through
//! ingest (an old or tampered library file) carry raw escape sequences,
//! controls, bidi overrides, line separators and lone combining marks in
//! every field; whatever the reader draws holds none of them.

mod tui_common;

use lede::tui::{Action, update};
use lede::{Article, Block, BlockKind, Figure, FigureKind, Quote, QuoteKind, Span, Story};
use proptest::prelude::*;
use tui_common::{app_with, render};

const HOSTILE: &str = "\u{1b}[31mred\u{1b}[0m \u{1b}]52;c;ZXZpbA==\u{7} \
    \u{1b}]8;;https://evil.example/\u{1b}\\link\u{1b}]8;;\u{1b}\\ \u{202e}txet\u{202c} \
    \u{9b}41m \u{9d}0;pwned\u{9c} \u{1b}P+q544e\u{1b}\\ \u{ad}\u{feff}\u{2028}\u{301}mark \u{1b}]0;unterminated";

/// A character that must never reach a cell.
fn forbidden(c: char) -> bool {
    c.is_control()
        || lede::sanitize::is_bidi_control(c)
        || matches!(c, '\u{ad}' | '\u{feff}' | '\u{2028}' | '\u{2029}')
}

/// Story fields all poisoned; one quote and one figure with valid spans
/// into the raw text, after the sequences.
fn poisoned(block_text: &str) -> Story {
    let quoted = format!("{block_text} “We will pay,” she said, 45% of it.");
    let q = quoted.find("We will pay,").unwrap_or(0);
    let f = quoted.find("45%").unwrap_or(0);
    let field = |s: &str| Some(format!("{s}{HOSTILE}"));
    Story {
        source: field("src"),
        article: Article {
            title: format!("Title {HOSTILE}"),
            standfirst: field("Standfirst"),
            byline: field("Byline"),
            publisher: field("Publisher"),
            published: field("2024-01-01"),
            url: field("https://example.com/"),
            section: None,
            blocks: vec![
                Block::paragraph(quoted.clone()),
                Block::new(BlockKind::Heading, format!("\u{301}{HOSTILE}")),
                Block::new(BlockKind::ListItem, format!("\t{HOSTILE}\r\nnext")),
            ],
        },
        quotes: vec![Quote {
            text: "We will pay,".into(),
            speaker: field("Ana"),
            canonical_speaker: field("Ana"),
            kind: QuoteKind::Direct,
            span: Span {
                block: 0,
                start: q,
                end: q + "We will pay,".len(),
            },
        }],
        figures: vec![Figure {
            text: "45%".into(),
            kind: FigureKind::Percent,
            value: Some(45.0),
            unit: field("percent"),
            span: Span {
                block: 0,
                start: f,
                end: f + 3,
            },
        }],
    }
}

/// Every screen the reader can show for the story: library, reader with
/// each sidebar tab, search prompt, at two sizes. Returns the problems.
fn screens_problems(story: Story) -> Vec<String> {
    let mut problems = Vec::new();
    for (w, h) in [(160, 45), (80, 24)] {
        let mut app = app_with(vec![story.clone()]);
        update(&mut app, Action::Resize(w, h));
        let mut screens = vec![render(&app)];
        update(&mut app, Action::Open);
        screens.push(render(&app));
        update(&mut app, Action::TabNext);
        screens.push(render(&app));
        for t in &screens {
            let buf = t.backend().buffer();
            let mut text = String::new();
            for cell in buf.content() {
                let sym = cell.symbol();
                text.push_str(sym);
                if let Some(c) = sym.chars().find(|&c| forbidden(c)) {
                    problems.push(format!("{w}x{h}: cell {sym:?} holds {c:?}"));
                }
                // A lone mark in a cell would join whatever is drawn left of it.
                if sym.starts_with('\u{301}') {
                    problems.push(format!("{w}x{h}: cell starts with a lone mark"));
                }
            }
            for remnant in [
                "[31m",
                "52;c",
                "evil.example",
                "41m",
                "pwned",
                "+q544e",
                "unterminated",
            ] {
                if text.contains(remnant) {
                    problems.push(format!("{w}x{h}: {remnant:?} is visible"));
                }
            }
        }
    }
    problems
}

#[test]
fn poisoned_story_draws_clean() {
    let problems = screens_problems(poisoned("Opening words"));
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn separators_and_lone_marks_alone_are_cleaned_too() {
    // Nothing here is a control: only the line separator and the mark.
    let mut story = poisoned("x");
    story.article.blocks[1].text = "\u{301}Lone mark\u{2028}and a \u{2029} separator".into();
    let problems = screens_problems(story);
    assert!(problems.is_empty(), "{problems:#?}");
}

fn hostile_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "\u{1b}", "\u{1b}[", "\u{1b}]", "\u{1b}P", "\u{1b}\\", "\u{9b}", "\u{9d}", "\u{9c}",
            "\u{7}", "[", "]", ";", "31m", "52;c;", "\u{202e}", "\u{2066}", "\u{200f}",
            "\u{2028}", "\u{301}", "\u{fe0f}", "\u{ad}", "\r", "\n", "\t", "\u{7f}", "\u{0}",
        ]).prop_map(String::from),
        3 => "[a-z]{1,6} ",
        1 => prop::sample::select(vec!["世界", "שלום", "👩‍🔬", "e\u{301}"]).prop_map(String::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_raw_text_draws_without_controls(pieces in prop::collection::vec(hostile_piece(), 0..30)) {
        let problems = screens_problems(poisoned(&pieces.concat()));
        // Only forbidden characters count here: random text may spell a "remnant".
        let real: Vec<_> = problems.iter().filter(|p| !p.contains("is visible")).collect();
        prop_assert!(real.is_empty(), "{:#?}", real);
    }
}
