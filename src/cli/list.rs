//! `lede list`, `lede show`, `lede rm`, and `lede` alone (the reader on a
//! terminal, the list when piped).

use super::Chosen;
use super::render;
use anyhow::Result;
use lede::library::{CatalogEntry, Library, LibraryError};
use lede::listing::Sort;
use lede::sanitize::sanitize_line;
use std::io::Write;
use std::process::ExitCode;

/// A library the user named must exist for reading commands: a typo in
/// `--library` is an error, not an empty list.
fn existing(chosen: &Chosen) -> Result<&Library> {
    let root = chosen.library.root();
    if chosen.named && !root.exists() {
        anyhow::bail!(
            "no library at {} (lede add creates one there)",
            sanitize_line(&root.display().to_string())
        );
    }
    Ok(&chosen.library)
}

/// The bundled samples, when they stand in for the user's empty default library.
fn samples_shown(chosen: &Chosen, entries: &[CatalogEntry]) -> Vec<(String, lede::Story)> {
    if entries.is_empty() && !chosen.named {
        lede::samples::stories()
    } else {
        Vec::new()
    }
}

/// `lede` alone: the reader on a terminal, the library list when piped.
/// The bundled samples stand in when the user's default library is empty.
pub fn home(chosen: &Chosen, config: Option<&std::path::Path>) -> Result<ExitCode> {
    use std::io::IsTerminal;
    let entries = sorted(existing(chosen)?)?;
    let samples = samples_shown(chosen, &entries);
    if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
        // A bad config file is named in the status line; the defaults apply.
        let (config, notice) = match lede::config::load(config) {
            Ok(c) => (c, None),
            Err(e) => (
                lede::config::Config::default(),
                Some(format!("config not used: {e}")),
            ),
        };
        lede::tui::event_loop::run_with(chosen.library.clone(), samples, config, notice.clone())?;
        // Said in the status line too, where a narrow screen may cut it.
        if let Some(n) = notice {
            eprintln!("lede: {}", sanitize_line(&n));
        }
        return Ok(ExitCode::SUCCESS);
    }
    print_listing(&entries, &samples)?;
    Ok(ExitCode::SUCCESS)
}

/// Print the library, or the samples with a note saying what they are.
fn print_listing(entries: &[CatalogEntry], samples: &[(String, lede::Story)]) -> Result<()> {
    if samples.is_empty() {
        return print_entries(entries, false);
    }
    eprintln!("lede: the library is empty; these are the bundled sample stories.");
    eprintln!("lede: read one with `lede show ID`, import your own with `lede add PATH`.");
    let mut samples: Vec<CatalogEntry> = samples
        .iter()
        .map(|(id, story)| CatalogEntry::from_story(id, story, 0))
        .collect();
    lede::listing::sort(&mut samples, Sort::default());
    print_entries(&samples, false)
}

pub fn list(chosen: &Chosen, json: bool) -> Result<ExitCode> {
    let entries = sorted(existing(chosen)?)?;
    let samples = samples_shown(chosen, &entries);
    if json || samples.is_empty() {
        print_entries(&entries, json)?;
    } else {
        print_listing(&entries, &samples)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// In the reader's default order (newest published first, undated stories
/// after them by date added), so `lede list` and the reader agree.
fn sorted(lib: &Library) -> Result<Vec<CatalogEntry>> {
    let mut entries = lib.catalog()?.into_entries();
    // Catalog order is the order of adding; newer additions first on ties.
    entries.reverse();
    lede::listing::sort(&mut entries, Sort::default());
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
        let mut about: Vec<String> = e
            .publisher
            .as_deref()
            .map(sanitize_line)
            .filter(|s| !s.is_empty())
            .into_iter()
            .collect();
        about.push(lede::listing::shown_date(e));
        writeln!(out, "{}  {title}  ({})", e.id, about.join(", "))?;
    }
    out.flush()?;
    Ok(())
}

/// The full id for what the user typed; an ambiguous prefix lists the
/// stories it could mean.
fn resolve(lib: &Library, prefix: &str) -> Result<String> {
    match lib.resolve_id(prefix) {
        Err(LibraryError::Ambiguous(_)) => {
            let cat = lib.catalog()?;
            let mut msg = format!(
                "the id {} is ambiguous; type more of one of these:",
                sanitize_line(prefix)
            );
            for e in cat
                .entries()
                .iter()
                .filter(|e| e.id.starts_with(prefix))
                .take(20)
            {
                msg.push_str(&format!("\n  {}  {}", e.id, sanitize_line(&e.title)));
            }
            Err(anyhow::anyhow!(msg))
        }
        other => Ok(other?),
    }
}

/// `lede rm ID...`: every id is resolved first, so a typo removes nothing.
pub fn remove(chosen: &Chosen, ids: &[String]) -> Result<ExitCode> {
    let lib = existing(chosen)?;
    let mut full = Vec::new();
    for id in ids {
        let id = resolve(lib, id)?;
        if !full.contains(&id) {
            full.push(id);
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for id in full {
        let gone = lib.remove(&id)?;
        writeln!(out, "removed {}  {}", gone.id, sanitize_line(&gone.title))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `lede search WORDS`: one line per matching story.
pub fn search(chosen: &Chosen, query: &str, json: bool, limit: Option<usize>) -> Result<ExitCode> {
    use std::io::IsTerminal;
    let lib = existing(chosen)?;
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
    let lib = existing(chosen)?;
    let story = match resolve(lib, id) {
        Ok(full) => lib.load_story(&full)?,
        Err(e)
            if matches!(e.downcast_ref(), Some(LibraryError::NotFound(_)))
                && !chosen.named
                && lib.catalog()?.is_empty() =>
        {
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
        Err(e) => return Err(e),
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    render::write_story(&mut out, &story, render::output_width())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
