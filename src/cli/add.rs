//! `lede add` and `lede reindex`: extraction in parallel, storing in batches.

use super::progress::Progress;
use super::{exit_status, read_input};
use anyhow::{Context, Result};
use lede::ingest::candidate::{Companion, companion};
use lede::ingest::furniture::Furniture;
use lede::library::{AddOutcome, FurnitureRecord, Library, NewStory};
use lede::sanitize::sanitize_line;
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;

/// Files extracted between two progress updates.
const CHUNK: usize = 64;

pub fn add(lib: &Library, paths: &[PathBuf]) -> Result<ExitCode> {
    let (files, mut failed, skipped) = collect_files(paths);
    if let Some(note) = skipped_note(&skipped) {
        eprintln!("{note}");
    }
    // What the library learned of each publisher's page furniture.
    let furniture = lib.furniture()?;
    let mut progress = Progress::new("importing", files.len());
    let mut counts = Counts::default();
    // Extraction (every core) overlaps writing: a writer thread stores each
    // batch in one transaction (its fsyncs wait on the disk, not the CPU).
    let (batches, to_writer) = mpsc::sync_channel::<Batch>(1);
    let (outcomes_tx, outcomes) = mpsc::channel::<Vec<AddOutcome>>();
    let writer_result = std::thread::scope(|scope| {
        let writer = scope.spawn(|| write_batches(lib, to_writer, outcomes_tx));
        for chunk in files.chunks(CHUNK) {
            let prepared: Vec<Result<(NewStory, FurnitureRecord)>> =
                chunk.par_iter().map(|p| prepare(p, &furniture)).collect();
            let mut batch = Vec::with_capacity(prepared.len());
            let mut records = Vec::new();
            for item in prepared {
                match item {
                    Ok((story, record)) => {
                        records.push(record);
                        batch.push(story);
                    }
                    Err(e) => {
                        failed += 1;
                        progress.suspend(|| super::print_error(&e));
                    }
                }
            }
            progress.advance(chunk.len());
            for done in outcomes.try_iter() {
                progress.suspend(|| counts.report(done))?;
            }
            if batches.send((batch, records)).is_err() {
                // The writer stopped on an error: it is reported below.
                break;
            }
        }
        drop(batches);
        writer
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("the writer thread failed")))
    });
    progress.finish();
    for done in outcomes.try_iter() {
        counts.report(done)?;
    }
    writer_result?;
    let mut summary = format!("lede: {} added", counts.added);
    if counts.duplicates > 0 {
        summary += &format!(", {} already in the library", counts.duplicates);
    }
    if failed > 0 {
        summary += &format!(", {failed} failed");
    }
    eprintln!("{summary}");
    Ok(exit_status(failed == 0))
}

/// The writer thread: store each batch as it comes (one transaction per
/// batch) and send the outcomes back. The originals' fsyncs run on a pool
/// of their own, so they overlap without taking the extraction's threads.
fn write_batches(
    lib: &Library,
    batches: mpsc::Receiver<Batch>,
    outcomes: mpsc::Sender<Vec<AddOutcome>>,
) -> Result<()> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(WRITE_THREADS)
        .build()?;
    for (batch, records) in batches {
        let _ = outcomes.send(pool.install(|| lib.add_with_furniture(batch, &records))?);
    }
    Ok(())
}

/// Stories extracted together, and what they teach of page furniture.
type Batch = (Vec<NewStory>, Vec<FurnitureRecord>);

/// Threads that wait on fsync while the cores extract.
const WRITE_THREADS: usize = 8;

#[derive(Default)]
struct Counts {
    added: usize,
    duplicates: usize,
}

impl Counts {
    /// One line per story on stdout: id and title.
    fn report(&mut self, outcomes: Vec<AddOutcome>) -> Result<()> {
        let mut out = std::io::stdout().lock();
        for o in outcomes {
            match o {
                AddOutcome::Added { id, title } => {
                    self.added += 1;
                    writeln!(out, "{id}  {}", sanitize_line(&title))?;
                }
                AddOutcome::Duplicate { id, title } => {
                    self.duplicates += 1;
                    let title = sanitize_line(&title);
                    writeln!(out, "{id}  {title}  (already in the library)")?;
                }
            }
        }
        out.flush()?;
        Ok(())
    }
}

/// Read and extract one file (runs on a rayon worker: `process` returns a
/// `Send` story, the !Send HTML tree never leaves the worker).
fn prepare(path: &Path, furniture: &Furniture) -> Result<(NewStory, FurnitureRecord)> {
    let name = path.to_string_lossy();
    let bytes = read_input(path)?;
    let story = lede::process_with(&bytes, Some(&name), Some(furniture))
        .with_context(|| name.to_string())?;
    let lines = lede::ingest::furniture_candidates(&bytes, Some(&name));
    let story = NewStory::new(bytes, story);
    let record = FurnitureRecord {
        id: story.id.clone(),
        publisher: story.story.article.publisher.clone(),
        lines,
    };
    Ok((story, record))
}

/// One line naming the companion files skipped (scripts, styles, images
/// of a saved page's folder): they are not stories, and not failures.
fn skipped_note(skipped: &[(PathBuf, Companion)]) -> Option<String> {
    let ((first, why), rest) = skipped.split_first()?;
    let first = sanitize_line(&first.display().to_string());
    Some(if rest.is_empty() {
        format!("lede: skipped {first} ({why}, not a story)")
    } else {
        format!(
            "lede: skipped {} files that are not stories ({first}: {why}, ...)",
            skipped.len()
        )
    })
}

type Skipped = Vec<(PathBuf, Companion)>;

/// Every file under the given paths, folders walked recursively in name
/// order, hidden entries and companion files (see [`companion`]) skipped.
/// Folders that cannot be read are named on stderr and counted as failures.
fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, usize, Skipped) {
    let mut files = Vec::new();
    let mut failed = 0;
    let mut skipped = Vec::new();
    let mut stdin_seen = false;
    for p in paths {
        if p == Path::new("-") {
            // stdin can be read only once.
            if !std::mem::replace(&mut stdin_seen, true) {
                files.push(p.clone());
            }
        } else if p.is_dir() {
            walk(p, &mut files, &mut failed, &mut skipped);
        } else if let Some(why) = companion(p, false) {
            skipped.push((p.clone(), why));
        } else {
            files.push(p.clone());
        }
    }
    (files, failed, skipped)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, failed: &mut usize, skipped: &mut Skipped) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            super::print_error(&anyhow::Error::new(e).context(dir.display().to_string()));
            *failed += 1;
            return;
        }
    };
    let mut paths: Vec<(PathBuf, bool)> = entries
        .filter_map(|e| e.ok())
        .map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_symlink())))
        .collect();
    paths.sort();
    for (p, symlink) in paths {
        let hidden = p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            // Links to folders are not followed: they can loop.
            if !symlink {
                walk(&p, files, failed, skipped);
            }
        } else if let Some(why) = companion(&p, true) {
            skipped.push((p, why));
        } else {
            files.push(p);
        }
    }
}

pub fn reindex(lib: &Library) -> Result<ExitCode> {
    let mut progress: Option<Progress> = None;
    // Furniture is learned afresh from every kept original, then each is re-cleaned.
    let failures = lib.reindex(
        lede::ingest::furniture_candidates,
        |bytes, source, furniture| lede::process_with(bytes, source, Some(furniture)),
        |done, total| {
            progress
                .get_or_insert_with(|| Progress::new("reindexing", total))
                .set(done)
        },
    )?;
    let total = lib.catalog()?.len();
    if let Some(mut p) = progress {
        p.finish();
    }
    for (id, why) in &failures {
        eprintln!("lede: {id}: {}", sanitize_line(why));
    }
    eprintln!(
        "lede: {} re-extracted, {} failed",
        total.saturating_sub(failures.len()),
        failures.len()
    );
    Ok(exit_status(failures.is_empty()))
}
