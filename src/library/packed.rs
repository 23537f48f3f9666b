//! Story bodies kept compressed in the database (schema version 2).
//!
//! A body is nearly as large as the original it came from, and the
//! originals are kept too: stored plain, the bodies alone made a library
//! of text dumps 2.3 times the size of what was imported. zlib brings a
//! body to about 40% of its size, for ~20 µs to read one back. A body is
//! a BLOB (zlib) when that is smaller, else plain TEXT; both read back.
//!
//! The search index reads bodies through the `search_source` view, so
//! every connection lede opens registers `lede_text(body)`, which gives
//! the text of either kind, and `lede_pack(text)`, which the schema's
//! migration uses. (Outside lede, `sqlite3` can read every other column
//! and run full-text queries; only snippets and `texts.body` need these.)

use flate2::write::ZlibEncoder;
use flate2::{Compression, Decompress, FlushDecompress, Status};
use rusqlite::functions::{Context, FunctionFlags};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, Error};
use std::cell::RefCell;
use std::io::Write;

/// Bodies shorter than this are left as text: too short to gain much.
const MIN_PACKED: usize = 64;

/// What to store for `text`: zlib bytes when they are smaller, else the text.
pub fn pack(text: &str) -> Value {
    if text.len() >= MIN_PACKED {
        let mut enc = ZlibEncoder::new(Vec::with_capacity(text.len() / 2), Compression::default());
        // Writing to a Vec cannot fail.
        if enc.write_all(text.as_bytes()).is_ok()
            && let Ok(z) = enc.finish()
            && z.len() < text.len()
        {
            return Value::Blob(z);
        }
    }
    Value::Text(text.to_string())
}

/// The text of a stored body (`pack` undone); None when it is damaged.
pub fn unpack(stored: ValueRef<'_>) -> Option<String> {
    match stored {
        ValueRef::Text(t) => String::from_utf8(t.to_vec()).ok(),
        ValueRef::Blob(z) => String::from_utf8(inflate(z)?).ok(),
        _ => None,
    }
}

thread_local! {
    /// One inflater per thread, reset for each body: a fresh one costs an
    /// allocation and clearing its tables, as much as inflating a short
    /// body (snippets unpack a body per hit).
    static INFLATER: RefCell<Decompress> = RefCell::new(Decompress::new(true));
}

/// zlib bytes unpacked; None when they are not a whole zlib stream.
fn inflate(z: &[u8]) -> Option<Vec<u8>> {
    INFLATER.with(|cell| {
        let mut d = cell.try_borrow_mut().ok()?;
        d.reset(true);
        let mut out = Vec::with_capacity(z.len() * 3 + 64);
        loop {
            let (read, wrote) = (d.total_in(), d.total_out());
            let rest = z.get(usize::try_from(read).ok()?..)?;
            match d.decompress_vec(rest, &mut out, FlushDecompress::None) {
                Ok(Status::StreamEnd) => return Some(out),
                Ok(_) if out.len() == out.capacity() => out.reserve(out.capacity()),
                // No room wanted and no progress: the stream is cut short.
                Ok(_) if d.total_in() == read && d.total_out() == wrote => return None,
                Ok(_) => {}
                Err(_) => return None,
            }
        }
    })
}

/// Register `lede_text` and `lede_pack` on a connection.
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    // Deterministic and innocuous: usable in views and triggers even
    // where the schema is not trusted.
    let flags = FunctionFlags::SQLITE_UTF8
        | FunctionFlags::SQLITE_DETERMINISTIC
        | FunctionFlags::SQLITE_INNOCUOUS;
    conn.create_scalar_function("lede_text", 1, flags, |ctx: &mut Context| {
        match ctx.get_raw(0) {
            ValueRef::Null => Ok(None),
            v => unpack(v).map(Some).ok_or_else(|| damaged(DAMAGED)),
        }
    })?;
    conn.create_scalar_function("lede_pack", 1, flags, |ctx: &mut Context| {
        match ctx.get_raw(0) {
            ValueRef::Text(t) => std::str::from_utf8(t)
                .map(pack)
                .map_err(|_| damaged("a story's text is not UTF-8")),
            v => Value::try_from(v).map_err(|e| Error::UserFunctionError(Box::new(e))),
        }
    })
}

/// The message of `lede_text` on a body that does not unpack. SQLite
/// gives a function's errors the code SQLITE_ERROR whatever rusqlite sets,
/// so `db::is_damage` knows this one by its message.
pub const DAMAGED: &str = "a story's stored text is damaged";

fn damaged(why: &str) -> Error {
    Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
        Some(why.to_string()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_pack_when_smaller_and_come_back_whole() {
        let long = "The harbour board met on Tuesday. ".repeat(40);
        let packed = pack(&long);
        assert!(matches!(&packed, Value::Blob(z) if z.len() < long.len() / 4));
        let back = |v: &Value| unpack(ValueRef::from(v));
        assert_eq!(back(&packed).as_deref(), Some(long.as_str()));
        assert_eq!(pack("short"), Value::Text("short".into()));
        assert_eq!(back(&pack("short")).as_deref(), Some("short"));
        assert_eq!(back(&pack("")).as_deref(), Some(""));
        assert_eq!(unpack(ValueRef::Blob(b"not zlib at all")), None);
        // Cut short, or grown past the first guess of its size.
        let Value::Blob(z) = &packed else {
            unreachable!()
        };
        assert_eq!(unpack(ValueRef::Blob(&z[..z.len() / 2])), None);
        let big = "x".repeat(100_000);
        assert_eq!(back(&pack(&big)).as_deref(), Some(big.as_str()));
    }

    #[test]
    fn sql_functions_round_trip_and_report_damage() {
        let conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        let text = "Élan vital, “quoted”. ".repeat(20);
        let back: String = conn
            .query_row("SELECT lede_text(lede_pack(?1))", [&text], |r| r.get(0))
            .unwrap();
        assert_eq!(back, text);
        let kind: String = conn
            .query_row("SELECT typeof(lede_pack(?1))", [&text], |r| r.get(0))
            .unwrap();
        assert_eq!(kind, "blob");
        let err = conn
            .query_row("SELECT lede_text(x'00ff')", [], |r| r.get::<_, String>(0))
            .unwrap_err();
        assert!(super::super::db::is_damage(&err), "{err}");
    }
}
