//! What a running reader needs from the library besides reading it: a
//! token that changes whenever any process commits a change, and the read
//! mark. (Simple versions over the catalog file; one `impl` block so a
//! different store can provide the same two methods.)

use super::catalog::Compact;
use super::store::{Library, LibraryError, atomic_write};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::ErrorKind;
use std::time::UNIX_EPOCH;

impl Library {
    /// Changes whenever a change is committed, by this process or another:
    /// here the catalog file's modification time and length (every commit
    /// replaces it). 0 while there is no catalog.
    pub fn change_token(&self) -> Result<u64, LibraryError> {
        let path = self.root().join("catalog.jsonl");
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(0),
            Err(source) => return Err(LibraryError::Io { path, source }),
        };
        let mut h = DefaultHasher::new();
        meta.len().hash(&mut h);
        if let Ok(t) = meta.modified()
            && let Ok(d) = t.duration_since(UNIX_EPOCH)
        {
            d.as_nanos().hash(&mut h);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            meta.ino().hash(&mut h);
        }
        Ok(h.finish().max(1))
    }

    /// Mark a story read or unread.
    pub fn set_read(&self, id: &str, read: bool) -> Result<(), LibraryError> {
        self.with_lock(|lib| {
            let mut cat = lib.catalog_locked()?;
            let entry = cat
                .get_mut(id)
                .ok_or_else(|| LibraryError::NotFound(id.to_string()))?;
            entry.read = read;
            let mut buf = b"{\"lede_catalog\":1}\n".to_vec();
            for e in cat.entries() {
                if serde_json::to_writer(&mut buf, &Compact(e)).is_ok() {
                    buf.push(b'\n');
                }
            }
            atomic_write(&lib.root().join("catalog.jsonl"), &buf)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::NewStory;

    #[test]
    fn token_changes_on_commit_and_read_marks_stick() {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap().without_sync();
        assert_eq!(lib.change_token().unwrap(), 0);
        let bytes = b"Bridge opens\n\nThe bridge opened on Monday to traffic.\n".to_vec();
        let story = crate::process(&bytes, Some("a.txt")).unwrap();
        let id = crate::library::story_id(&bytes);
        lib.add(vec![NewStory {
            id: id.clone(),
            original: bytes,
            story,
        }])
        .unwrap();
        let t1 = lib.change_token().unwrap();
        assert_ne!(t1, 0);
        lib.set_read(&id, true).unwrap();
        assert!(lib.catalog().unwrap().get(&id).unwrap().read);
        assert_ne!(lib.change_token().unwrap(), t1);
        lib.set_read(&id, false).unwrap();
        assert!(!lib.catalog().unwrap().get(&id).unwrap().read);
        assert!(lib.set_read("nope", true).is_err());
    }
}
