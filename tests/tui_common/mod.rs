//! Small fixture stories for the reader tests (written for these tests).
#![allow(dead_code)]

use lede::tui::{Action, App, update};
use lede::{Article, Block, BlockKind, Figure, FigureKind, Quote, QuoteKind, Span, Story};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The span of the `nth` occurrence of `needle` in block `block`.
fn span_of(blocks: &[Block], block: usize, needle: &str) -> Span {
    let text = &blocks[block].text;
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in block {block}"));
    Span {
        block,
        start,
        end: start + needle.len(),
    }
}

pub fn story(
    title: &str,
    published: &str,
    blocks: Vec<(BlockKind, &str)>,
    quotes: &[(usize, &str, Option<&str>)],
    figures: &[(usize, &str, FigureKind)],
) -> Story {
    let blocks: Vec<Block> = blocks.into_iter().map(|(k, t)| Block::new(k, t)).collect();
    let quotes = quotes
        .iter()
        .map(|&(b, text, speaker)| Quote {
            text: text.into(),
            speaker: speaker.map(str::to_string),
            canonical_speaker: speaker.map(str::to_string),
            kind: QuoteKind::Direct,
            span: span_of(&blocks, b, text),
        })
        .collect();
    let figures = figures
        .iter()
        .map(|&(b, text, kind)| Figure {
            text: text.into(),
            kind,
            value: None,
            unit: None,
            span: span_of(&blocks, b, text),
        })
        .collect();
    Story {
        source: Some("fixture".into()),
        article: Article {
            title: title.into(),
            standfirst: Some("A new crossing opens after six years of work and argument".into()),
            byline: Some("Maria Lopez".into()),
            publisher: Some("The Coastal Herald".into()),
            published: Some(published.into()),
            url: None,
            section: None,
            blocks,
        },
        quotes,
        figures,
    }
}

/// An English story with every block kind, quotes and figures, long
/// enough to scroll at 80x24.
pub fn harbour() -> Story {
    use BlockKind::*;
    story(
        "Harbour bridge opens to traffic",
        "2024-05-02",
        vec![
            (
                Paragraph,
                "The harbour bridge opened on Monday, six years after work began and $1.2bn over the first budget. “It is a great day for the city,” the mayor, Ana Ruiz, told a crowd of 3,000 people.",
            ),
            (Heading, "A long road"),
            (
                Paragraph,
                "Engineers said the crossing would carry 40,000 vehicles a day. “We planned for twice that,” said the chief engineer, Tom Okafor, who joined the project in 2018.",
            ),
            (
                ListItem,
                "Two lanes each way and a protected cycle path along the whole length of the span",
            ),
            (ListItem, "A toll of $4 for cars, waived for buses"),
            (
                Blockquote,
                "Nobody believed we would finish it, and here we are, standing on it.",
            ),
            (
                Caption,
                "The bridge at dawn on its opening day. Photo: Coastal Herald",
            ),
            (
                Paragraph,
                "Critics pointed to the cost. “Every delay was paid for by the people who will now pay the toll,” said Lena Brandt, a councillor. The council voted 7 to 2 to approve the final payment.",
            ),
            (
                Paragraph,
                "Traffic on the old ferry route fell by 80% in the first hour, the operator said. “We will keep two boats running for now,” a spokesman said.",
            ),
            (
                Paragraph,
                "The bridge is 2.4 kilometres long. Its towers rise 180 metres above the water, and its lights can be seen from the hills above the harbour on a clear night.",
            ),
            (
                Paragraph,
                "Ruiz said the next project would be a rail link. “The harbour has waited long enough,” she said, “and so have the people who cross it every day.”",
            ),
        ],
        &[
            (0, "It is a great day for the city,", Some("Ana Ruiz")),
            (2, "We planned for twice that,", Some("Tom Okafor")),
            (
                7,
                "Every delay was paid for by the people who will now pay the toll,",
                Some("Lena Brandt"),
            ),
            (8, "We will keep two boats running for now,", None),
            (10, "The harbour has waited long enough,", Some("Ana Ruiz")),
            (
                10,
                "and so have the people who cross it every day.",
                Some("Ana Ruiz"),
            ),
        ],
        &[
            (0, "$1.2bn", FigureKind::Money),
            (0, "3,000 people", FigureKind::Count),
            (2, "40,000 vehicles", FigureKind::Count),
            (2, "2018", FigureKind::Year),
            (4, "$4", FigureKind::Money),
            (8, "80%", FigureKind::Percent),
            (9, "2.4 kilometres", FigureKind::Quantity),
            (9, "180 metres", FigureKind::Quantity),
        ],
    )
}

/// CJK, emoji (with ZWJ) and combining marks.
pub fn sakura() -> Story {
    use BlockKind::*;
    story(
        "東京の桜が満開 🌸 Café crowds",
        "2024-04-01",
        vec![
            (
                Paragraph,
                "東京都内の桜が31日に満開となった。気象庁によると、平年より5日早い。上野公園には朝から多くの花見客が訪れた。",
            ),
            (
                Paragraph,
                "「今年は本当にきれいです」と話す会社員の田中さん（34）は、同僚と一緒に場所を取っていた。👩‍🔬 研究者も観察に来ていた。",
            ),
            (
                Paragraph,
                "At the Cafe\u{301} next door, owner Zoë said: “We sold 1,200 cups of sakura latte ☕ before noon.”",
            ),
        ],
        &[
            (1, "今年は本当にきれいです", Some("田中さん")),
            (
                2,
                "We sold 1,200 cups of sakura latte ☕ before noon.",
                Some("Zoë"),
            ),
        ],
        &[
            (0, "5日", FigureKind::Duration),
            (2, "1,200 cups", FigureKind::Count),
        ],
    )
}

pub fn app_with(stories: Vec<Story>) -> App {
    let stories = stories
        .into_iter()
        .enumerate()
        .map(|(i, s)| (format!("id{i}"), s))
        .collect();
    App::from_stories(stories)
}

/// An app at w x h with the newest story open.
pub fn opened(stories: Vec<Story>, w: u16, h: u16) -> App {
    let mut app = app_with(stories);
    update(&mut app, Action::Resize(w, h));
    update(&mut app, Action::Open);
    app
}

pub fn render(app: &App) -> Terminal<TestBackend> {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    t.draw(|f| lede::tui::view::draw(f, app)).expect("draw");
    t
}
