//! lede: a terminal reader for saved news stories.
//!
//! The flow: `ingest` (bytes -> Article) -> `analyze` (Article -> Story
//! with quotes and figures) -> `library` (on disk) -> `tui` (the reader).
//! ingest and analyze are pure functions of their input.

pub mod analyze;
pub mod article;
pub mod cite;
pub mod config;
pub mod ingest;
pub mod library;
pub mod listing;
pub mod samples;
pub mod sanitize;
pub mod tui;

/// mimalloc, here in the library so the binary, the benches and the tests
/// all run on the allocator the product ships with: the cleaners make and
/// drop many small strings, and it cuts their cost by a twentieth.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub use article::{Article, Block, BlockKind, Figure, FigureKind, Quote, QuoteKind, Span, Story};

/// Today in days since 1970-01-01, from the clock (UTC).
fn today() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    (secs / 86_400) as i64
}

/// What ingest is told besides the bytes: the name, learned furniture, today.
fn hints<'a>(
    source: Option<&'a str>,
    furniture: Option<&'a ingest::furniture::Furniture>,
) -> ingest::Hints<'a> {
    ingest::Hints {
        name: source,
        furniture,
        today: Some(today()),
    }
}

/// The whole pure pipeline: bytes of a saved file -> analysed story.
pub fn process(bytes: &[u8], source: Option<&str>) -> Result<Story, ingest::IngestError> {
    process_with(bytes, source, None)
}

/// `process` with the page furniture the library has learned.
pub fn process_with(
    bytes: &[u8],
    source: Option<&str>,
    furniture: Option<&ingest::furniture::Furniture>,
) -> Result<Story, ingest::IngestError> {
    let article = ingest::ingest(bytes, hints(source, furniture))?;
    Ok(analyze::analyze(article, source.map(str::to_string)))
}

/// `process` for a page that may not be a story: the analysed page with the
/// reason it is not one (see [`ingest::Cleaned`]), for `lede extract`,
/// which reports every readable input.
pub fn process_any(
    bytes: &[u8],
    source: Option<&str>,
) -> Result<(Story, Option<ingest::IngestError>), ingest::IngestError> {
    let cleaned = ingest::clean(bytes, hints(source, None))?;
    let story = analyze::analyze(cleaned.article, source.map(str::to_string));
    Ok((story, cleaned.not_a_story))
}
