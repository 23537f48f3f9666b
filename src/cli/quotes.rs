//! `lede speakers`, `lede quotes` and `lede export`: who said what across
//! the library, with citations ready to paste.

use anyhow::Result;
use clap::ValueEnum;
use lede::cite::{self, Citation};
use lede::library::{CitationFilter, Library};
use lede::sanitize::sanitize_line;
use std::io::Write;
use std::process::ExitCode;

/// How quotes and figures are written out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The words, then an indented citation line
    Text,
    /// JSON Lines: one object per quote or figure
    Json,
    /// RFC 4180 CSV with a header row, for spreadsheets
    Csv,
    /// A blockquote per quote with its citation line
    Md,
}

/// `lede speakers`: every speaker with their quote and story counts.
pub fn speakers(lib: &Library, json: bool) -> Result<ExitCode> {
    let speakers = lib.speakers()?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for s in &speakers {
        if json {
            serde_json::to_writer(&mut out, s)?;
            writeln!(out)?;
        } else {
            let quotes = plural(s.quotes, "quote");
            let stories = plural(s.stories, "story");
            let name = sanitize_line(&s.speaker);
            writeln!(out, "{quotes:>11}  {stories:>11}  {name}")?;
        }
    }
    out.flush()?;
    Ok(super::exit_status(!speakers.is_empty()))
}

/// `lede quotes` (quotes only) and `lede export` (quotes and figures).
pub fn write(lib: &Library, filter: &CitationFilter, format: Format) -> Result<ExitCode> {
    let items = lib.citations(filter)?;
    let items: Vec<Citation> = items.into_iter().map(sanitized).collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match format {
        Format::Text => cite::write_text(&mut out, &items)?,
        Format::Json => cite::write_json(&mut out, &items)?,
        Format::Csv => cite::write_csv(&mut out, &items)?,
        Format::Md => cite::write_markdown(&mut out, &items)?,
    }
    out.flush()?;
    Ok(super::exit_status(!items.is_empty()))
}

/// Stories are sanitized at import; this keeps a library written by
/// anything else from reaching the terminal raw.
fn sanitized(mut c: Citation) -> Citation {
    let clean = |s: &mut String| *s = sanitize_line(s);
    clean(&mut c.text);
    clean(&mut c.title);
    for field in [
        &mut c.speaker,
        &mut c.publisher,
        &mut c.byline,
        &mut c.published,
        &mut c.source,
    ] {
        if let Some(s) = field.as_mut() {
            clean(s);
        }
    }
    c
}

fn plural(n: usize, word: &str) -> String {
    match (n, word) {
        (1, _) => format!("1 {word}"),
        (_, "story") => format!("{n} stories"),
        _ => format!("{n} {word}s"),
    }
}
