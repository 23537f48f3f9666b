//! The library on disk: one SQLite database and the original files.
//! The only module that touches the disk.
//!
//! ```text
//! ROOT/library.db              stories, texts, quotes, figures, furniture,
//!                              the FTS5 index (see schema.sql); WAL mode
//! ROOT/originals/<id>.gz       each file as imported, gzip-compressed
//! ROOT/originals/<id>          ... or as it came, when it was gzip already
//! ROOT/library.db.damaged      a damaged database `lede reindex` replaced
//! ```
//!
//! The originals are files, not blobs in the database: they are what
//! `lede reindex` rebuilds a damaged database from, so they must not share
//! its fate. They are gzip-compressed, and so are the stories' texts in
//! the database (see `packed`): that keeps the whole library under twice
//! the size of what was imported (the search index being the rest).
//!
//! Nothing is created until the first write. A library of the old format
//! (catalog.jsonl, stories/) is migrated on first open (see `migrate`).

pub mod citations;
pub mod db;
pub mod entry;
pub mod furniture;
pub mod migrate;
pub mod packed;
pub mod queries;
pub mod reindex;
pub mod search;
pub mod store;
#[cfg(test)]
mod test_stories;

pub use citations::CitationFilter;
pub use entry::{Catalog, CatalogEntry, Position};
pub use furniture::FurnitureRecord;
pub use queries::{Place, SpeakerCount, forms, one_entry_per_person};
pub use search::{Field, Hit};
pub use store::{AddOutcome, Library, LibraryError, NewStory};

use std::path::PathBuf;

/// Environment variable that chooses another library folder.
pub const LIBRARY_ENV: &str = "LEDE_LIBRARY";

/// Where the library lives when the user names none: `LEDE_LIBRARY`, else
/// the platform data directory (`~/.local/share/lede` on Linux).
pub fn default_root() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(LIBRARY_ENV).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "lede").map(|d| d.data_dir().to_path_buf())
}

/// The id of a story: the first 16 hex digits of the SHA-256 of its bytes,
/// so the same bytes imported twice are one story. Gzip data is hashed
/// unpacked: a page saved gzipped and plain is one story.
pub fn story_id(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let plain = crate::ingest::decode::gunzip_if_needed(bytes);
    let digest = Sha256::digest(plain.as_deref().unwrap_or(bytes));
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}
