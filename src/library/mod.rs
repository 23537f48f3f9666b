//! The library on disk: original bytes, extracted stories and a catalog.
//! The only module that touches the disk.
//!
//! ```text
//! ROOT/originals/<id>      the file as imported, unchanged
//! ROOT/stories/<id>.json   the analysed Story (extract-json schema)
//! ROOT/catalog.jsonl       one CatalogEntry per line: all that listing needs
//! ROOT/search/             the search index (see `index`)
//! ROOT/furniture.jsonl     lines of text dumps, to learn publishers' furniture
//! ROOT/lock                taken by every writer
//! ROOT/catalog.jsonl.damaged   the last damaged catalog, kept after a rebuild
//! ```
//!
//! Nothing is created until the first write.

pub mod catalog;
pub mod furniture;
pub mod index;
pub mod live;
pub mod search;
pub mod store;

pub use catalog::{Catalog, CatalogEntry, Position};
pub use furniture::FurnitureRecord;
pub use index::Field;
pub use search::Hit;
pub use store::{AddOutcome, Library, LibraryError, NewStory, Staged};

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
/// so the same bytes imported twice are one story.
pub fn story_id(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(bytes);
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}
