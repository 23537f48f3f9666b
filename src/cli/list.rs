//! `lede list`, `lede show`, and the home screen that stands in for the reader.

use super::Chosen;
use super::render;
use anyhow::Result;
use lede::library::{CatalogEntry, Library, LibraryError};
use lede::sanitize::sanitize_line;
use std::io::Write;
use std::process::ExitCode;

/// `lede` alone: the reader on a terminal, the library list when piped.
/// The bundled samples stand in when the user's default library is empty.
pub fn home(chosen: &Chosen) -> Result<ExitCode> {
    use std::io::IsTerminal;
    let entries = newest_first(&chosen.library)?;
    let samples = if entries.is_empty() && !chosen.named {
        lede::samples::stories()
    } else {
        Vec::new()
    };
    if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
        lede::tui::run(chosen.library.clone(), samples)?;
        return Ok(ExitCode::SUCCESS);
    }
    if samples.is_empty() {
        print_entries(&entries, false)?;
    } else {
        eprintln!("lede: the library is empty; here are the bundled sample stories.");
        eprintln!("lede: read one with `lede show ID`, import your own with `lede add PATH`.");
        let samples: Vec<CatalogEntry> = samples
            .iter()
            .map(|(id, story)| CatalogEntry::from_story(id, story, 0))
            .collect();
        print_entries(&samples, false)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn list(lib: &Library, json: bool) -> Result<ExitCode> {
    print_entries(&newest_first(lib)?, json)?;
    Ok(ExitCode::SUCCESS)
}

fn newest_first(lib: &Library) -> Result<Vec<CatalogEntry>> {
    let mut entries = lib.catalog()?.into_entries();
    // Catalog order is the order of adding; the stable sort keeps it for ties.
    entries.reverse();
    entries.sort_by_key(|e| std::cmp::Reverse(e.added_at));
    Ok(entries)
}

fn print_entries(entries: &[CatalogEntry], json: bool) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for e in entries {
        if json {
            serde_json::to_writer(&mut out, e)?;
            writeln!(out)?;
            continue;
        }
        let title = sanitize_line(&e.title);
        let title = if title.is_empty() {
            "(untitled)".into()
        } else {
            title
        };
        let about: Vec<String> = [e.publisher.as_deref(), e.published.as_deref()]
            .into_iter()
            .flatten()
            .map(sanitize_line)
            .filter(|s| !s.is_empty())
            .collect();
        if about.is_empty() {
            writeln!(out, "{}  {title}", e.id)?;
        } else {
            writeln!(out, "{}  {title}  ({})", e.id, about.join(", "))?;
        }
    }
    out.flush()?;
    Ok(())
}

/// `lede search QUERY`: one line per matching story, best first; on a
/// terminal the matched words are shown in bold.
pub fn search(lib: &Library, query: &str, json: bool, limit: Option<usize>) -> Result<ExitCode> {
    use std::io::IsTerminal;
    let hits = lib.search_best(query, limit.unwrap_or(usize::MAX), usize::MAX)?;
    let stdout = std::io::stdout();
    let bold = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut out = stdout.lock();
    for hit in hits.iter().take(limit.unwrap_or(usize::MAX)) {
        if json {
            serde_json::to_writer(&mut out, hit)?;
            writeln!(out)?;
            continue;
        }
        let title = sanitize_line(&hit.title);
        let field = hit.field.name();
        if hit.field == lede::library::Field::Title {
            writeln!(out, "{}  {title}  [{field}]", hit.id)?;
        } else {
            let snippet = marked(&hit.snippet, &hit.marks, bold);
            writeln!(out, "{}  {title}  [{field}] {snippet}", hit.id)?;
        }
    }
    out.flush()?;
    Ok(super::exit_status(!hits.is_empty()))
}

/// The snippet made safe for the terminal, its marked words in bold.
fn marked(snippet: &str, marks: &[(usize, usize)], bold: bool) -> String {
    if !bold {
        return sanitize_line(snippet);
    }
    let mut out = String::new();
    let mut at = 0;
    for &(s, e) in marks {
        let (Some(before), Some(word)) = (snippet.get(at..s), snippet.get(s..e)) else {
            continue;
        };
        out.push_str(&sanitize_line(before));
        out.push_str("\x1b[1m");
        out.push_str(&sanitize_line(word));
        out.push_str("\x1b[22m");
        at = e;
    }
    out.push_str(&sanitize_line(snippet.get(at..).unwrap_or("")));
    out
}

/// `lede show ID`: from the library, or from the samples while the user's
/// default library is empty (so the ids `lede` listed work).
pub fn show(chosen: &Chosen, id: &str) -> Result<ExitCode> {
    let lib = &chosen.library;
    let story = match lib.resolve_id(id) {
        Ok(full) => lib.load_story(&full)?,
        Err(LibraryError::NotFound(_)) if !chosen.named && lib.catalog()?.is_empty() => {
            let mut found: Vec<_> = lede::samples::stories()
                .into_iter()
                .filter(|(sid, _)| sid.starts_with(id))
                .collect();
            match found.len() {
                1 => found.remove(0).1,
                0 => return Err(LibraryError::NotFound(id.to_string()).into()),
                _ => return Err(LibraryError::Ambiguous(id.to_string()).into()),
            }
        }
        Err(e) => return Err(e.into()),
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    render::write_story(&mut out, &story, render::output_width())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
