//! Figures: the numbers a reader hunts for, each with its value and unit.
//!
//! One pass per body block: the text is cut into tokens (tokens.rs) and a
//! scanner tries the figure rules at each token (scan.rs; numbers.rs reads
//! numerals, money.rs, units.rs, dates.rs and ranges.rs what they measure;
//! codes.rs says what is not a figure). Captions are left out.
//!
//! Units: ISO 4217 for money, `%` for per cent (`percentage points`,
//! `basis points` when written so), the counted noun for counts (`1.5
//! million developers`: 1.5e6, `developers`), symbols for quantities (`km`,
//! `°C`, `GW`), `years`/`months`/... for durations (`two decades`: 20 years).
//!
//! Policy, in short:
//! - money, percent, counts, quantities, durations, multipliers, shares
//!   (`eight of 10` -> 0.8), years and dates with a day or a year are
//!   figures; so are spelled-out numbers from two up (`three models`).
//! - `one`, `first`, `second`, vague plurals (`thousands of`), bare months
//!   and weekdays, relative dates (`last week`), clock times and codes
//!   (`H20`, `F-35`, `Boeing 737`, `Section 230`, phone numbers) are not.
//! - A range whose low end has no unit of its own is one figure valued at
//!   its low end (`between 10 and 15 per cent` -> 10); ranges whose ends
//!   each carry a unit (`$500 to $2,000`, `2001 to 2014`) are two.
//! - A date's value is its year when given, else null.

mod cjk;
mod codes;
mod dates;
mod money;
mod numbers;
mod ranges;
mod scan;
mod tokens;
mod units;
mod words;

use crate::article::{Article, Figure, Span};
use scan::{Context, Found, Scanner};

/// Every figure of the body blocks, sorted by (block, start), never
/// overlapping.
pub fn find(article: &Article) -> Vec<Figure> {
    let ctx = Context {
        yuan: article.body().any(|(_, b)| mentions_yuan(&b.text)),
    };
    let mut out = Vec::new();
    let mut toks = Vec::new();
    let mut found = Vec::new();
    for (i, block) in article.body() {
        let text = block.text.as_str();
        tokens::tokenize(text, &mut toks);
        found.clear();
        Scanner {
            text,
            toks: &toks,
            ctx,
        }
        .run(&mut found);
        if is_counter_line(&toks) || is_spec_line(&toks, &found) {
            continue;
        }
        let from = out.len();
        out.extend(found.iter().filter_map(|f| figure(text, &toks, i, f)));
        if cjk::may_hold(text) {
            add_cjk(text, i, &mut out, from);
        }
    }
    out
}

/// Put the CJK-notation figures of block `block` among those found from
/// `out[from..]`, replacing what they overlap ("50" of "50亿元").
fn add_cjk(text: &str, block: usize, out: &mut Vec<Figure>, from: usize) {
    let cjk = cjk::find(text);
    if cjk.is_empty() {
        return;
    }
    let mut mine: Vec<Figure> = out.drain(from..).collect();
    mine.retain(|f| {
        !cjk.iter()
            .any(|c| f.span.start < c.end && c.start < f.span.end)
    });
    mine.extend(cjk.iter().filter_map(|c| {
        Some(Figure {
            text: text.get(c.start..c.end)?.to_string(),
            kind: c.kind,
            value: Some(c.value),
            unit: c.unit.map(str::to_string),
            span: Span {
                block,
                start: c.start,
                end: c.end,
            },
        })
    }));
    mine.sort_by_key(|f| f.span.start);
    out.extend(mine);
}

/// An image or page counter: "Image 1 of 4", "1 - 5 of 36", "3/12".
fn is_counter_line(toks: &[tokens::Tok<'_>]) -> bool {
    use tokens::TokKind;
    let label = |w: &str| {
        matches!(
            w.to_lowercase().as_str(),
            "image"
                | "images"
                | "photo"
                | "photos"
                | "picture"
                | "slide"
                | "slides"
                | "page"
                | "gallery"
                | "item"
                | "items"
                | "results"
                | "showing"
                | "video"
                | "videos"
        )
    };
    let rest: Vec<&tokens::Tok<'_>> = toks
        .iter()
        .skip_while(|t| t.kind == TokKind::Word && label(t.text))
        .collect();
    toks.len() <= 10
        && rest.iter().any(|t| t.kind == TokKind::Num)
        && rest.iter().any(|t| t.text == "of" || t.text == "/")
        && rest
            .iter()
            .all(|t| t.kind == TokKind::Num || matches!(t.text, "of" | "/" | "-" | "–" | "|" | ":"))
}

/// A recipe, spec or table line: mostly bare numbers ("Portion Fix
/// Containers: 1 Green, 1 Red, 1 Yellow, 1 tsp.", "12 34 56 78").
fn is_spec_line(toks: &[tokens::Tok<'_>], found: &[scan::Found<'_>]) -> bool {
    use tokens::TokKind;
    let bare = found
        .iter()
        .filter(|f| f.unit.is_none() && f.kind == crate::article::FigureKind::Number)
        .count();
    let nums = toks.iter().filter(|t| t.kind == TokKind::Num).count();
    let words = toks.iter().filter(|t| t.kind == TokKind::Word).count();
    bare >= 3 && nums * 10 >= (nums + words) * 3
}

fn figure(text: &str, toks: &[tokens::Tok<'_>], block: usize, f: &Found<'_>) -> Option<Figure> {
    let start = toks.get(f.first)?.start;
    let end = toks.get(f.end.checked_sub(1)?)?.end;
    Some(Figure {
        text: text.get(start..end)?.to_string(),
        kind: f.kind,
        value: f.value,
        unit: f.unit.map(str::to_string),
        span: Span { block, start, end },
    })
}

fn mentions_yuan(text: &str) -> bool {
    ["yuan", "RMB", "renminbi", "CNY"]
        .iter()
        .any(|w| text.contains(w))
}

#[cfg(test)]
pub(super) mod testkit {
    use crate::article::{Article, Block};

    /// (text, kind, value, unit) of the figures of one paragraph. The
    /// strings are leaked so that tests compare them with literals.
    pub fn figs(
        s: &str,
    ) -> Vec<(
        &'static str,
        &'static str,
        Option<f64>,
        Option<&'static str>,
    )> {
        let article = Article {
            blocks: vec![Block::paragraph(s)],
            ..Article::default()
        };
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        super::find(&article)
            .into_iter()
            .map(|f| {
                let kind = serde_json::to_value(f.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                (leak(f.text), leak(kind), f.value, f.unit.map(leak))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testkit::figs;
    use crate::article::{Article, Block, BlockKind};

    #[test]
    fn counts_take_their_noun() {
        assert_eq!(
            figs("more than 1.5 million developers in China"),
            [(
                "1.5 million developers",
                "count",
                Some(1.5e6),
                Some("developers")
            )]
        );
        assert_eq!(
            figs("Six million American jobs"),
            [("Six million", "count", Some(6e6), Some("jobs"))]
        );
        assert_eq!(
            figs("more than 20 former crew members"),
            [("20", "count", Some(20.0), Some("members"))]
        );
        assert_eq!(
            figs("nearly 13,000 fact-checked claims"),
            [("13,000", "count", Some(13000.0), Some("claims"))]
        );
        assert_eq!(
            figs("the 53 million people"),
            [("53 million people", "count", Some(5.3e7), Some("people"))]
        );
        assert_eq!(
            figs("listed three China-developed models"),
            [("three", "count", Some(3.0), Some("models"))]
        );
        assert_eq!(
            figs("a 46-page report"),
            [("46-page", "count", Some(46.0), Some("page"))]
        );
        assert_eq!(
            figs("the sample is 834, with"),
            [("834", "number", Some(834.0), None)]
        );
    }

    #[test]
    fn one_first_and_vague_plurals_are_no_figures() {
        for s in [
            "one of the largest investors",
            "the first open model",
            "the second debate",
            "Hundreds of projects",
            "thousands of bankers",
            "no one from the department",
            "at one point she said",
            "it can help one day",
        ] {
            assert!(figs(s).is_empty(), "{s}: {:?}", figs(s));
        }
    }

    #[test]
    fn counters_spec_lines_and_number_tables_are_no_figures() {
        for s in [
            "Image 1 of 4",
            "Image 1 of / 13",
            "1 - 5 of 36",
            "Photo 3/12",
            "Portion Fix Containers: 1 Green, 1 Red, 1 Yellow, 1 tsp.",
            "12 34 56 78",
        ] {
            assert!(figs(s).is_empty(), "{s}: {:?}", figs(s));
        }
        assert_eq!(
            figs("The team won five of six games."),
            [("five of six", "number", Some(5.0 / 6.0), None)]
        );
    }

    #[test]
    fn cjk_amounts_and_years_are_read() {
        assert_eq!(
            figs("公司计划投资50亿元，2027年建成。"),
            [
                ("50亿元", "money", Some(5e9), Some("CNY")),
                ("2027年", "year", Some(2027.0), None)
            ]
        );
        assert_eq!(
            figs("融资1,200万美元"),
            [("1,200万美元", "money", Some(1.2e7), Some("USD"))]
        );
    }

    #[test]
    fn spans_point_at_the_text_and_captions_are_skipped() {
        let article = Article {
            blocks: vec![
                Block::paragraph("Le coût: €5 millions — about 48 per cent of ¥300."),
                Block::new(BlockKind::Caption, "Seen on May 19. Photo: AP"),
                Block::paragraph("Up 2.1C in 2025."),
            ],
            ..Article::default()
        };
        let figs = super::find(&article);
        assert_eq!(figs.len(), 5, "{figs:?}");
        for f in &figs {
            assert_ne!(f.span.block, 1);
            let text = &article.blocks[f.span.block].text;
            assert_eq!(text.get(f.span.start..f.span.end), Some(f.text.as_str()));
        }
        let keys: Vec<_> = figs.iter().map(|f| (f.span.block, f.span.start)).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
    }

    #[test]
    fn odd_input_never_panics() {
        for s in [
            "",
            "$",
            "-",
            "$-",
            "1,",
            "99999999999999999999999",
            "£.",
            "May",
            "a",
            "half a",
            "1-",
            "(",
            "$1 to",
            "Sept. 1 to",
            "twenty-",
            "between 5 and",
        ] {
            let _ = figs(s);
        }
    }

    proptest::proptest! {
        #[test]
        fn spans_hold_on_any_text(s in "[0-9a-zA-Z $£€¥%.,:/()'’\\-–°]{0,40}") {
            let article = Article {
                blocks: vec![Block::paragraph(s.as_str())],
                ..Article::default()
            };
            let figs = super::find(&article);
            let mut last_end = 0;
            for f in &figs {
                let text = &article.blocks[f.span.block].text;
                proptest::prop_assert_eq!(text.get(f.span.start..f.span.end), Some(f.text.as_str()));
                proptest::prop_assert!(f.span.start >= last_end && f.span.end > f.span.start);
                last_end = f.span.end;
            }
        }
    }
}
