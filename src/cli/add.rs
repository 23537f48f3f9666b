//! `lede add` and `lede reindex`: extraction in parallel, storing in batches.

use super::progress::Progress;
use super::{exit_status, read_input};
use anyhow::{Context, Result};
use lede::library::{self, AddOutcome, Library, NewStory};
use lede::sanitize::sanitize_line;
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Files extracted between two progress updates.
const CHUNK: usize = 64;

pub fn add(lib: &Library, paths: &[PathBuf]) -> Result<ExitCode> {
    let (files, mut failed) = collect_files(paths);
    let known = lib.catalog()?.len();
    // Each store rewrites the catalog: in a big library, store less often.
    let store_every = CHUNK.max(known / 10);
    let mut progress = Progress::new("importing", files.len());
    let mut pending: Vec<NewStory> = Vec::new();
    let (mut added, mut duplicates) = (0usize, 0usize);
    let mut store = |pending: &mut Vec<NewStory>, progress: &mut Progress| -> Result<()> {
        let outcomes = lib.add(std::mem::take(pending))?;
        progress.suspend(|| -> Result<()> {
            let mut out = std::io::stdout().lock();
            for o in outcomes {
                match o {
                    AddOutcome::Added { id, title } => {
                        added += 1;
                        writeln!(out, "{id}  {}", sanitize_line(&title))?;
                    }
                    AddOutcome::Duplicate { id, title } => {
                        duplicates += 1;
                        writeln!(
                            out,
                            "{id}  {}  (already in the library)",
                            sanitize_line(&title)
                        )?;
                    }
                }
            }
            out.flush()?;
            Ok(())
        })
    };
    for chunk in files.chunks(CHUNK) {
        let prepared: Vec<Result<NewStory>> = chunk.par_iter().map(|p| prepare(p)).collect();
        for item in prepared {
            match item {
                Ok(story) => pending.push(story),
                Err(e) => {
                    failed += 1;
                    progress.suspend(|| super::print_error(&e));
                }
            }
        }
        progress.advance(chunk.len());
        if pending.len() >= store_every {
            store(&mut pending, &mut progress)?;
        }
    }
    store(&mut pending, &mut progress)?;
    progress.finish();
    let mut summary = format!("lede: {added} added");
    if duplicates > 0 {
        summary += &format!(", {duplicates} already in the library");
    }
    if failed > 0 {
        summary += &format!(", {failed} failed");
    }
    eprintln!("{summary}");
    Ok(exit_status(failed == 0))
}

/// Read and extract one file (runs on a rayon worker: `process` returns a
/// `Send` story, the !Send HTML tree never leaves the worker).
fn prepare(path: &Path) -> Result<NewStory> {
    let name = path.to_string_lossy();
    let bytes = read_input(path)?;
    let story = lede::process(&bytes, Some(&name)).with_context(|| name.to_string())?;
    Ok(NewStory {
        id: library::story_id(&bytes),
        original: bytes,
        story,
    })
}

/// Every file under the given paths, folders walked recursively in name
/// order, hidden entries skipped. Folders that cannot be read are named on
/// stderr and counted as failures.
fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, usize) {
    let mut files = Vec::new();
    let mut failed = 0;
    let mut stdin_seen = false;
    for p in paths {
        if p == Path::new("-") {
            // stdin can be read only once.
            if !std::mem::replace(&mut stdin_seen, true) {
                files.push(p.clone());
            }
        } else if p.is_dir() {
            walk(p, &mut files, &mut failed);
        } else {
            files.push(p.clone());
        }
    }
    (files, failed)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, failed: &mut usize) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            super::print_error(&anyhow::Error::new(e).context(dir.display().to_string()));
            *failed += 1;
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        let hidden = p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, files, failed);
        } else {
            files.push(p);
        }
    }
}

pub fn reindex(lib: &Library) -> Result<ExitCode> {
    let cat = lib.catalog()?;
    let mut progress = Progress::new("reindexing", cat.len());
    let failures = lib.reindex(lede::process, |done, _| progress.set(done))?;
    progress.finish();
    for (id, why) in &failures {
        let source = cat
            .get(id)
            .and_then(|e| e.source.as_deref())
            .map(|s| format!(" ({})", sanitize_line(s)))
            .unwrap_or_default();
        eprintln!("lede: {id}{source}: {why}");
    }
    eprintln!(
        "lede: {} re-extracted, {} failed",
        cat.len() - failures.len(),
        failures.len()
    );
    Ok(exit_status(failures.is_empty()))
}
