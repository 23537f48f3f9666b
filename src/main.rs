//! The lede command line. No subcommand opens the reader.

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use lede::library::{self, AddOutcome, Library, NewStory};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "lede", version, about = "A terminal reader for saved news stories", long_about = None)]
struct Cli {
    /// Library folder (default: $LEDE_LIBRARY, else the user data directory)
    #[arg(long, global = true, value_name = "DIR")]
    library: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Import saved stories: files, folders (recursively), or - for stdin
    Add {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// List the stories in the library
    List {
        /// One JSON object per line
        #[arg(long)]
        json: bool,
    },
    /// Print a story as plain text
    Show {
        /// Story id (a unique prefix is enough)
        id: String,
    },
    /// Remove a story from the library
    Rm {
        /// Story id (a unique prefix is enough)
        id: String,
    },
    /// Re-extract every story from its kept original
    Reindex,
    /// Extract stories without a library (JSON Lines with --json)
    Extract {
        /// Print one JSON object per input (the extract-json contract)
        #[arg(long)]
        json: bool,
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("lede: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let Some(command) = cli.command else {
        let lib = open_library(cli.library)?;
        list(&lib, false)?;
        return Ok(ExitCode::SUCCESS);
    };
    match command {
        Command::Extract { json, files } => extract(&files, json),
        Command::Add { paths } => add(&open_library(cli.library)?, &paths),
        Command::List { json } => {
            list(&open_library(cli.library)?, json).map(|_| ExitCode::SUCCESS)
        }
        Command::Show { id } => {
            let lib = open_library(cli.library)?;
            let id = lib.resolve_id(&id)?;
            let story = lib.load_story(&id)?;
            print_text(&story)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rm { id } => {
            let lib = open_library(cli.library)?;
            let id = lib.resolve_id(&id)?;
            let gone = lib.remove(&id)?;
            println!("removed {}  {}", gone.id, gone.title);
            Ok(ExitCode::SUCCESS)
        }
        Command::Reindex => {
            let lib = open_library(cli.library)?;
            let failures = lib.reindex(|_, bytes, source| lede::process(bytes, source))?;
            for (id, why) in &failures {
                eprintln!("lede: {id}: {why}");
            }
            Ok(if failures.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
    }
}

fn open_library(dir: Option<PathBuf>) -> Result<Library> {
    let root = match dir {
        Some(d) => d,
        None => library::default_root()
            .context("no data directory for the library; pass --library DIR")?,
    };
    Library::open(&root).with_context(|| format!("cannot open the library at {}", root.display()))
}

/// Read one input: a file, or stdin for "-".
fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("reading stdin")?;
        return Ok(buf);
    }
    std::fs::read(path).with_context(|| format!("{}", path.display()))
}

fn extract(files: &[PathBuf], json: bool) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    for path in files {
        let name = path.to_string_lossy();
        let result = read_input(path).and_then(|bytes| {
            lede::process(&bytes, Some(&name)).with_context(|| format!("{name}"))
        });
        match result {
            Ok(story) => {
                if json {
                    serde_json::to_writer(&mut out, &story)?;
                    writeln!(out)?;
                } else {
                    write_text(&mut out, &story)?;
                }
            }
            Err(e) => {
                eprintln!("lede: {e:#}");
                failed = true;
            }
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Every file under the given paths, folders walked recursively in name order.
fn collect_files(paths: &[PathBuf]) -> Vec<Result<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out);
        } else {
            out.push(Ok(p.clone()));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<PathBuf>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Err(anyhow::Error::new(e).context(dir.display().to_string())));
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
            walk(&p, out);
        } else {
            out.push(Ok(p));
        }
    }
}

fn add(lib: &Library, paths: &[PathBuf]) -> Result<ExitCode> {
    let mut failed = 0usize;
    let mut batch = Vec::new();
    for item in collect_files(paths) {
        let prepared = item.and_then(|path| {
            let name = path.to_string_lossy().into_owned();
            let bytes = read_input(&path)?;
            let story = lede::process(&bytes, Some(&name)).with_context(|| name.clone())?;
            Ok(NewStory {
                id: library::story_id(&bytes),
                original: bytes,
                story,
            })
        });
        match prepared {
            Ok(s) => batch.push(s),
            Err(e) => {
                eprintln!("lede: {e:#}");
                failed += 1;
            }
        }
        if batch.len() >= 64 {
            report(lib.add(std::mem::take(&mut batch))?);
        }
    }
    report(lib.add(batch)?);
    if failed > 0 {
        eprintln!("lede: {failed} file(s) could not be imported");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn report(outcomes: Vec<AddOutcome>) {
    for o in outcomes {
        match o {
            AddOutcome::Added { id, title } => println!("{id}  {title}"),
            AddOutcome::Duplicate { id, title } => {
                println!("{id}  {title}  (already in the library)")
            }
        }
    }
}

fn list(lib: &Library, json: bool) -> Result<()> {
    let cat = lib.catalog()?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut entries: Vec<_> = cat.entries().iter().collect();
    entries.sort_by_key(|e| std::cmp::Reverse(e.added_at));
    for e in entries {
        if json {
            serde_json::to_writer(&mut out, e)?;
            writeln!(out)?;
        } else {
            let title = lede::sanitize::sanitize_line(&e.title);
            let publisher = e
                .publisher
                .as_deref()
                .map(lede::sanitize::sanitize_line)
                .unwrap_or_default();
            writeln!(out, "{}  {}  {}", e.id, title, publisher)?;
        }
    }
    Ok(())
}

fn print_text(story: &lede::Story) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    write_text(&mut out, story)
}

fn write_text(out: &mut impl Write, story: &lede::Story) -> Result<()> {
    let a = &story.article;
    writeln!(out, "{}\n", lede::sanitize::sanitize_line(&a.title))?;
    for b in &a.blocks {
        writeln!(out, "{}\n", lede::sanitize::sanitize(&b.text))?;
    }
    if a.blocks.is_empty() {
        bail!("the story has no text");
    }
    Ok(())
}
