//! A story as plain text for `lede show`: metadata on top, the body wrapped
//! to a width, captions marked. Fit for a pager.

use lede::sanitize::{sanitize, sanitize_line};
use lede::{BlockKind, Story};
use std::io::{self, IsTerminal, Write};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The widest measure `lede show` wraps to, as readers do: lines much
/// longer than this are hard to follow.
pub const MAX_MEASURE: usize = 88;

/// The terminal's width when stdout is one (at most MAX_MEASURE), else 80.
pub fn output_width() -> usize {
    if io::stdout().is_terminal()
        && let Ok((cols, _)) = ratatui::crossterm::terminal::size()
    {
        return usize::from(cols).clamp(20, MAX_MEASURE);
    }
    80
}

pub fn write_story(out: &mut impl Write, story: &Story, width: usize) -> io::Result<()> {
    let a = &story.article;
    let title = sanitize_line(&a.title);
    let title = if title.is_empty() {
        "(untitled)".to_string()
    } else {
        title
    };
    write_wrapped(out, &title, width, "", "")?;
    let rule = "=".repeat(title.width().min(width));
    writeln!(out, "{rule}")?;
    if let Some(s) = a.standfirst.as_deref().map(sanitize_line) {
        writeln!(out)?;
        write_wrapped(out, &s, width, "", "")?;
    }
    let meta: Vec<String> = [
        a.byline.as_deref().map(|b| {
            let b = sanitize_line(b);
            if b.to_lowercase().starts_with("by ") {
                b
            } else {
                format!("By {b}")
            }
        }),
        a.publisher.as_deref().map(sanitize_line),
        Some(
            a.published
                .as_deref()
                .and_then(lede::listing::parse)
                .map_or_else(|| "undated".to_string(), |d| d.readable()),
        ),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    .collect();
    if !meta.is_empty() {
        writeln!(out)?;
        write_wrapped(out, &meta.join(" | "), width, "", "")?;
    }
    if let Some(url) = a.url.as_deref().map(sanitize_line) {
        writeln!(out, "{url}")?;
    }
    let mut previous = None;
    for block in &a.blocks {
        // A list reads as one: no blank line between its items.
        if !(previous == Some(BlockKind::ListItem) && block.kind == BlockKind::ListItem) {
            writeln!(out)?;
        }
        previous = Some(block.kind);
        let text = sanitize(&block.text);
        match block.kind {
            BlockKind::Paragraph => write_wrapped(out, &text, width, "", "")?,
            BlockKind::Heading => {
                let heading = sanitize_line(&text);
                write_wrapped(out, &heading, width, "", "")?;
                writeln!(out, "{}", "-".repeat(heading.width().min(width)))?;
            }
            BlockKind::Blockquote => write_wrapped(out, &text, width, "  > ", "  > ")?,
            BlockKind::ListItem => write_wrapped(out, &text, width, "  * ", "    ")?,
            BlockKind::Caption => write_wrapped(out, &text, width, "[Caption] ", "          ")?,
            BlockKind::Preformatted => {
                for line in text.lines() {
                    writeln!(out, "    {line}")?;
                }
            }
        }
    }
    Ok(())
}

/// Write `text` (paragraph breaks kept) wrapped to `width` columns.
fn write_wrapped(
    out: &mut impl Write,
    text: &str,
    width: usize,
    first: &str,
    rest: &str,
) -> io::Result<()> {
    let mut prefix = first;
    for para in text.split('\n').filter(|p| !p.trim().is_empty()) {
        for line in wrap(para, width, prefix, rest) {
            writeln!(out, "{line}")?;
        }
        prefix = rest;
    }
    Ok(())
}

/// Greedy word wrap by display width. Words wider than a line, and runs of
/// wide characters (CJK has no spaces), break between graphemes.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut used = first.width();
    let mut empty = true;
    for word in text.split_whitespace() {
        let w = word.width();
        let gap = usize::from(!empty);
        if used + gap + w <= width {
            if !empty {
                line.push(' ');
            }
            line.push_str(word);
            used += gap + w;
            empty = false;
            continue;
        }
        let wide = word.chars().any(is_wide);
        if !wide && !empty {
            lines.push(std::mem::replace(&mut line, rest.to_string()));
            used = rest.width();
            empty = true;
        }
        if used + w <= width {
            line.push_str(word);
            used += w;
            empty = false;
            continue;
        }
        // Too long for any line, or wide characters: fill grapheme by grapheme.
        if !empty && used + 1 < width {
            line.push(' ');
            used += 1;
        }
        for g in word.graphemes(true) {
            let gw = g.width();
            if used + gw > width && !empty {
                lines.push(std::mem::replace(&mut line, rest.to_string()));
                used = rest.width();
            }
            line.push_str(g);
            used += gw;
            empty = false;
        }
    }
    if !empty || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn is_wide(c: char) -> bool {
    unicode_width::UnicodeWidthChar::width(c) == Some(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_words_within_width() {
        let lines = wrap("one two three four five six", 10, "", "");
        assert_eq!(lines, ["one two", "three four", "five six"]);
        assert!(lines.iter().all(|l| l.width() <= 10));
    }

    #[test]
    fn hanging_prefix_and_long_words() {
        let lines = wrap("alpha supercalifragilistic", 12, "  * ", "    ");
        assert_eq!(lines[0], "  * alpha");
        assert!(lines.iter().all(|l| l.width() <= 12), "{lines:?}");
        assert!(lines[1].starts_with("    "));
    }

    #[test]
    fn story_has_metadata_on_top_and_captions_marked() {
        use lede::{Article, Block};
        let story = Story {
            article: Article {
                title: "Bridge reopens".into(),
                standfirst: Some("Traffic returns after two years.".into()),
                byline: Some("Ada Venn".into()),
                publisher: Some("The Ardmoor Post".into()),
                published: Some("2026-05-01".into()),
                blocks: vec![
                    Block::paragraph("The bridge reopened on Friday."),
                    Block::new(BlockKind::Caption, "The bridge at dawn."),
                    Block::new(BlockKind::ListItem, "one"),
                    Block::new(BlockKind::ListItem, "two \u{1b}[31mred"),
                ],
                ..Article::default()
            },
            ..Story::default()
        };
        let mut out = Vec::new();
        write_story(&mut out, &story, 80).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "Bridge reopens\n==============\n\nTraffic returns after two years.\n\n\
             By Ada Venn | The Ardmoor Post | 1 May 2026\n\n\
             The bridge reopened on Friday.\n\n[Caption] The bridge at dawn.\n\n  * one\n  * two red\n"
        );
    }

    #[test]
    fn cjk_breaks_between_characters() {
        let text = "港口的吞吐量今年增长了百分之十二，官员表示";
        let lines = wrap(text, 10, "", "");
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.width() <= 10), "{lines:?}");
        assert_eq!(lines.concat(), text);
    }
}
