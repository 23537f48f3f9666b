//! The lede command line: argument parsing and one function per command.

mod add;
mod list;
mod progress;
mod quotes;
mod render;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use lede::library::{self, Library};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const AFTER_HELP: &str = "\
Examples:
  lede add ~/Downloads/story.html saved-pages/   import a file and a folder
  curl -s URL | lede add -                        import from stdin
  lede list                                       newest published first
  lede search harbour tolls                       stories holding both words
  lede show 3fa9                                  read a story (a unique id prefix is enough)
  lede extract --json page.html                   no library: one JSON object per file

The library lives in the user data directory (~/.local/share/lede on Linux)
unless --library DIR or LEDE_LIBRARY names another folder.";

#[derive(Parser)]
#[command(
    name = "lede",
    version,
    about = "A terminal reader for saved news stories",
    long_about = "A terminal reader for saved news stories.\n\n\
        lede imports saved web pages and plain-text dumps, cleans each into \
        the article itself (title, standfirst, byline, body, captions apart) \
        and finds its quotes, with who said them, and its figures. \
        With no command it opens the reader.",
    after_help = AFTER_HELP
)]
struct Cli {
    /// Library folder [default: $LEDE_LIBRARY, else the user data directory]
    #[arg(long, global = true, value_name = "DIR")]
    library: Option<PathBuf>,
    /// Reader config file [default: $LEDE_CONFIG, else config.toml in the user config directory]
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Print the default config file (keys, colours, sort) and exit
    #[arg(long)]
    print_config: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Import saved stories into the library
    #[command(long_about = "Import saved stories into the library.\n\n\
        Takes HTML pages (any charset, .gz too) and plain-text dumps; folders \
        are searched recursively (hidden files skipped); - reads stdin. Prints \
        one line per story: its id and title. The same bytes imported twice \
        are one story. A file that cannot be read or holds no story is named \
        on stderr with the reason; the rest still import, and the exit status \
        is 1.")]
    Add {
        /// Files or folders to import, or - for stdin
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// List the stories in the library, newest published first (undated after, by date added)
    List {
        /// Print one JSON object per story and line (the catalog entry)
        #[arg(long)]
        json: bool,
    },
    /// Search the whole library: titles, bylines, speakers, quotes, body text
    #[command(long_about = "Search the whole library: titles, bylines, \
        publishers, speakers, quotes and body text. Words match whole words \
        (case and accents aside); every word must appear. \
        \n\n  harb*               words starting with harb\
        \n  \"absolutely right\"  a phrase\
        \n  ferry OR bridge     either word\
        \n  budget -council     leave out stories with a word (or NOT council)\
        \n  speaker:lopez       in a field: title:, speaker:, quote:, byline:, publisher:, body:\
        \n\nPrints one line per story, best match first (a match in the title, \
        a speaker or a quote weighs more than one in the body): id, title, \
        where it matched and the words around the match. Exit status 1 when \
        nothing matches.\n\n\
        Example: lede search 'speaker:lopez \"tolls will rise\"'")]
    Search {
        /// What to find (see above)
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        /// Print one JSON object per story and line: id, title, field, snippet
        #[arg(long)]
        json: bool,
        /// Print at most N stories
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
    },
    /// Print a story as plain text, wrapped for reading or a pager
    #[command(long_about = "Print a story as plain text: title, standfirst, \
        byline, publisher and date on top, then the body wrapped to the \
        terminal width (at most 88 columns; 80 when piped), captions marked [Caption].\n\n\
        Example: lede show 3fa9 | less")]
    Show {
        /// Story id (a unique prefix is enough)
        id: String,
    },
    /// Remove a story and its files from the library
    Rm {
        /// Story ids (a unique prefix is enough)
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Rebuild the library from its kept originals
    #[command(long_about = "Re-extract every story from the original bytes kept \
        in the library into a fresh database, and swap it in whole, so stories \
        imported by an older lede get today's cleaning. Reading positions are \
        kept. A story that fails keeps its old text and is named on stderr \
        (exit status 1). A damaged database is moved aside as \
        library.db.damaged and rebuilt from the originals.")]
    Reindex,
    /// Every speaker in the library, most quoted first
    #[command(long_about = "Every speaker in the library with the number of \
        quotes and of stories they are quoted in, most quoted first. One \
        person is one entry: lede names each speaker in the fullest form the \
        story gives. Exit status 1 when no quote has a speaker.\n\n\
        Example: lede speakers | head")]
    Speakers {
        /// Print one JSON object per speaker and line: speaker, quotes, stories
        #[arg(long)]
        json: bool,
    },
    /// Quotes across the library, with their citations
    #[command(long_about = "Quotes across the library, newest story first, \
        each with its citation: speaker, story title, publisher, date, URL or \
        file, and where it stands (story id, block, byte offset). Filters \
        combine. Exit status 1 when nothing matches.\n\n\
        Examples:\n  lede quotes --speaker 'Donald Trump'\n  \
        lede quotes --search tariffs --format csv > quotes.csv")]
    Quotes {
        /// Only this speaker's quotes, under every form the speakers list
        /// counts (case does not matter; a surname finds the one person
        /// listed with it)
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Only this story's quotes (a unique id prefix is enough)
        #[arg(long, value_name = "ID")]
        story: Option<String>,
        /// Only stories that this search finds (as `lede search`)
        #[arg(long, value_name = "QUERY")]
        search: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: quotes::Format,
    },
    /// Export quotes and figures with full citations (Markdown, CSV, JSON)
    #[command(long_about = "Write quotes and figures with full citations: \
        speaker, quote or figure (kind, value, unit), story title, publisher, \
        byline, published date, URL or source file, story id, block and byte \
        offset. csv is RFC 4180 and opens in a spreadsheet; md is a \
        blockquote per quote with its citation line; json is one object per \
        line. With --speaker, quotes only.\n\n\
        Example: lede export --format md --story 3fa9 > notes.md")]
    Export {
        #[arg(long, value_enum)]
        format: quotes::Format,
        /// Only this story (a unique id prefix is enough)
        #[arg(long, value_name = "ID")]
        story: Option<String>,
        /// Only this speaker's quotes
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Only stories that this search finds (as `lede search`)
        #[arg(long, value_name = "QUERY")]
        search: Option<String>,
    },
    /// Extract stories without a library (JSON Lines with --json)
    #[command(long_about = "Extract stories without touching the library.\n\n\
        With --json, prints one JSON object per input and line: the cleaned \
        article, its quotes and its figures (the extract-json contract). \
        Without it, prints each story as plain text like `lede show`.")]
    Extract {
        /// Print one JSON object per input (the extract-json contract)
        #[arg(long)]
        json: bool,
        /// Files to extract, or - for stdin
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // A reader that stopped reading (`lede list | head`) is not an error.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            print_error(&e);
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
    })
}

/// The library the user chose, and whether they named it at all.
struct Chosen {
    library: Library,
    named: bool,
}

fn choose_library(dir: Option<PathBuf>) -> Result<Chosen> {
    let named =
        dir.is_some() || std::env::var_os(library::LIBRARY_ENV).is_some_and(|v| !v.is_empty());
    let root = match dir {
        Some(d) => d,
        None => library::default_root()
            .context("no data directory for the library; pass --library DIR")?,
    };
    let library = Library::open(&root)
        .with_context(|| format!("cannot open the library at {}", root.display()))?;
    Ok(Chosen { library, named })
}

fn run(cli: Cli) -> Result<ExitCode> {
    if cli.print_config {
        write!(std::io::stdout(), "{}", lede::config::defaults_toml())?;
        return Ok(ExitCode::SUCCESS);
    }
    let chosen = || choose_library(cli.library.clone());
    let Some(command) = cli.command else {
        return list::home(&chosen()?, cli.config.as_deref());
    };
    match command {
        Command::Extract { json, files } => extract(&files, json),
        Command::Add { paths } => add::add(&chosen()?.library, &paths),
        Command::List { json } => list::list(&chosen()?, json),
        Command::Search { query, json, limit } => {
            list::search(&chosen()?, &query.join(" "), json, limit)
        }
        Command::Show { id } => list::show(&chosen()?, &id),
        Command::Rm { ids } => list::remove(&chosen()?, &ids),
        Command::Reindex => add::reindex(&chosen()?.library),
        Command::Speakers { json } => quotes::speakers(&chosen()?.library, json),
        Command::Quotes {
            speaker,
            story,
            search,
            format,
        } => {
            let lib = chosen()?.library;
            let filter = citation_filter(&lib, speaker, story, search, true)?;
            quotes::write(&lib, &filter, format)
        }
        Command::Export {
            format,
            story,
            speaker,
            search,
        } => {
            let lib = chosen()?.library;
            let filter = citation_filter(&lib, speaker, story, search, false)?;
            quotes::write(&lib, &filter, format)
        }
    }
}

/// The filters of `lede quotes` and `lede export`, a story prefix resolved.
fn citation_filter(
    lib: &Library,
    speaker: Option<String>,
    story: Option<String>,
    search: Option<String>,
    quotes_only: bool,
) -> Result<library::CitationFilter> {
    let story = story.map(|prefix| lib.resolve_id(&prefix)).transpose()?;
    Ok(library::CitationFilter {
        speaker,
        story,
        search,
        quotes_only,
    })
}

/// Read one input: a file, or stdin for "-". Reads at most one byte more
/// than ingest accepts, so a huge file is refused without filling memory.
fn read_input(path: &Path) -> Result<Vec<u8>> {
    let limit = lede::ingest::MAX_INPUT_BYTES as u64 + 1;
    let mut buf = Vec::new();
    if path == Path::new("-") {
        std::io::stdin()
            .take(limit)
            .read_to_end(&mut buf)
            .context("-: reading stdin")?;
        return Ok(buf);
    }
    let name = || path.display().to_string();
    let file = std::fs::File::open(path).with_context(name)?;
    if let Ok(meta) = file.metadata()
        && meta.len() >= limit
    {
        let too_large = lede::ingest::IngestError::TooLarge {
            size: usize::try_from(meta.len()).unwrap_or(usize::MAX),
            limit: lede::ingest::MAX_INPUT_BYTES,
        };
        return Err(anyhow::Error::new(too_large).context(name()));
    }
    file.take(limit).read_to_end(&mut buf).with_context(name)?;
    Ok(buf)
}

fn extract(files: &[PathBuf], json: bool) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let width = render::output_width();
    let mut failed = false;
    for (n, path) in files.iter().enumerate() {
        let name = path.to_string_lossy();
        let result = read_input(path).and_then(|bytes| {
            lede::process_any(&bytes, Some(&name)).with_context(|| name.to_string())
        });
        // A readable page that is not a story is still reported (one object
        // per input), with the reason on stderr and a failing exit status.
        let result = result.map(|(story, not_a_story)| {
            if let Some(why) = not_a_story {
                print_error(&anyhow::anyhow!(
                    "{name}: {why}; what was found is printed anyway"
                ));
                failed = true;
            }
            story
        });
        match result {
            Ok(story) if json => {
                serde_json::to_writer(&mut out, &story)?;
                writeln!(out)?;
            }
            Ok(story) => {
                if n > 0 {
                    writeln!(out, "\n")?;
                }
                render::write_story(&mut out, &story, width)?;
            }
            Err(e) => {
                print_error(&e);
                failed = true;
            }
        }
    }
    out.flush()?;
    Ok(exit_status(!failed))
}

fn exit_status(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// An error on stderr, "lede: FILE: reason", with any terminal escape in a
/// file name or message made harmless.
fn print_error(e: &anyhow::Error) {
    eprintln!("lede: {}", lede::sanitize::sanitize_line(&format!("{e:#}")));
}
