//! Render benchmark: layout (Doc::new + wrap) and one frame through
//! TestBackend for a generated 50,000-word story, plus filtering a
//! 100,000-entry library. Plain std::time timing: `cargo bench --bench render`.

use lede::library::CatalogEntry;
use lede::tui::{Action, App, update};
use lede::{Article, Block, BlockKind, Figure, FigureKind, Quote, QuoteKind, Span, Story};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
mod common;
use common::time;
use std::time::Duration;

const WORDS: &[&str] = &[
    "the",
    "council",
    "said",
    "on",
    "Tuesday",
    "that",
    "harbour",
    "traffic",
    "had",
    "grown",
    "faster",
    "than",
    "planned,",
    "and",
    "engineers",
    "warned",
    "of",
    "delays",
    "to",
    "work",
];

/// A story of `words` words in 100-word paragraphs, each with one quote,
/// one figure and, every tenth, a heading.
fn story(words: usize) -> Story {
    let mut blocks = Vec::new();
    let mut quotes = Vec::new();
    let mut figures = Vec::new();
    let mut n = 0;
    while n < words {
        if blocks.len() % 10 == 0 {
            blocks.push(Block::new(BlockKind::Heading, "A section heading"));
        }
        let mut text = String::from("“We will finish it,” she said. Costs rose 12% to $4.5bn as ");
        for i in 0..88 {
            text.push_str(WORDS[(n + i) % WORDS.len()]);
            text.push(' ');
        }
        text.push_str("in 2019.");
        let block = blocks.len();
        quotes.push(Quote {
            text: "We will finish it,".into(),
            speaker: Some("Ana Ruiz".into()),
            canonical_speaker: Some("Ana Ruiz".into()),
            kind: QuoteKind::Direct,
            span: Span {
                block,
                start: 3,
                end: 21,
            },
        });
        let start = text.find("12%").unwrap_or(0);
        figures.push(Figure {
            text: "12%".into(),
            kind: FigureKind::Percent,
            value: Some(12.0),
            unit: None,
            span: Span {
                block,
                start,
                end: start + 3,
            },
        });
        blocks.push(Block::paragraph(text));
        n += 100;
    }
    Story {
        source: None,
        article: Article {
            title: "A very long story".into(),
            byline: Some("Maria Lopez".into()),
            publisher: Some("The Coastal Herald".into()),
            blocks,
            ..Article::default()
        },
        quotes,
        figures,
    }
}

fn report(name: &str, (median, min): (Duration, Duration)) {
    println!("{name:<44} median {median:>10.3?}   min {min:>10.3?}");
}

fn main() {
    let s = story(50_000);
    println!(
        "story: {} words, {} blocks, {} quotes, {} figures",
        s.article.word_count(),
        s.article.blocks.len(),
        s.quotes.len(),
        s.figures.len()
    );
    report(
        "layout: Doc::new (50k words)",
        time(20, || {
            black_box(lede::tui::layout::Doc::new(black_box(&s)));
        }),
    );
    let doc = lede::tui::layout::Doc::new(&s);
    for width in [82u16, 40] {
        report(
            &format!("layout: wrap to {width} columns"),
            time(20, || {
                black_box(doc.wrap(black_box(width)));
            }),
        );
    }
    let mut app = App::from_stories(vec![("big".into(), s.clone())]);
    update(&mut app, Action::Resize(160, 45));
    let (open, _) = time(1, || {
        update(&mut app, Action::Open);
    });
    println!("{:<44} {open:>10.3?}", "open (Doc::new + wrap + restore)");
    let rows = app.reading.as_ref().map_or(0, |r| r.layout.len());
    println!("rows at 160x45: {rows}");
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("terminal");
    for (name, action) in [
        ("frame 160x45 at the top", Action::Top),
        ("frame 160x45 in the middle", Action::HalfDown),
        ("frame 160x45 at the bottom", Action::Bottom),
    ] {
        update(&mut app, action);
        if name.contains("middle") {
            for _ in 0..2000 {
                update(&mut app, Action::HalfDown);
            }
        }
        report(
            name,
            time(200, || {
                terminal
                    .draw(|f| lede::tui::view::draw(f, &app))
                    .expect("draw");
            }),
        );
    }
    report(
        "scroll one row (update)",
        time(200, || {
            update(&mut app, Action::Up);
        }),
    );
    report(
        "resize 160->120 (re-wrap, keep place)",
        time(10, || {
            update(&mut app, Action::Resize(120, 45));
            update(&mut app, Action::Resize(160, 45));
        }),
    );

    let base = CatalogEntry::from_story("x", &story(100), 0);
    let entries: Vec<CatalogEntry> = (0..100_000u64)
        .map(|i| {
            let mut e = base.clone();
            e.id = format!("{i:016x}");
            e.title = format!("Story {i} about {}", WORDS[i as usize % WORDS.len()]);
            e.added_at = i;
            e
        })
        .collect();
    let (build, _) = time(1, || {
        black_box(App::new(entries.clone()));
    });
    println!(
        "{:<44} {build:>10.3?}",
        "library: App::new (100k entries, sort)"
    );
    let mut lib = App::new(entries);
    update(&mut lib, Action::Resize(160, 45));
    update(&mut lib, Action::SearchStart);
    report(
        "library: filter keystroke (100k entries)",
        time(20, || {
            update(&mut lib, Action::PromptInput('t'));
            update(&mut lib, Action::PromptBackspace);
        }),
    );
    report(
        "library: frame 160x45 (100k entries)",
        time(100, || {
            terminal
                .draw(|f| lede::tui::view::draw(f, &lib))
                .expect("draw");
        }),
    );
}
