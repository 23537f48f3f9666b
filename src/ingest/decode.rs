//! bytes -> text: gzip, BOM, <meta charset>, http-equiv, then detection.

use super::{IngestError, MAX_INPUT_BYTES};
use encoding_rs::Encoding;
use std::borrow::Cow;
use std::io::Read;

/// Open gzip data transparently (saved pages often arrive as .html.gz).
pub fn gunzip_if_needed(bytes: &[u8]) -> Result<Cow<'_, [u8]>, IngestError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(IngestError::TooLarge {
            size: bytes.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(Cow::Borrowed(bytes));
    }
    let mut out = Vec::new();
    let limit = MAX_INPUT_BYTES as u64 + 1;
    flate2::read::MultiGzDecoder::new(bytes)
        .take(limit)
        .read_to_end(&mut out)
        .map_err(|e| IngestError::Gzip(e.to_string()))?;
    if out.len() > MAX_INPUT_BYTES {
        return Err(IngestError::TooLarge {
            size: out.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(Cow::Owned(out))
}

/// Name the kind of a binary file from its magic bytes or NUL density.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"PK\x03\x04", "zip archive"),
        (b"%PDF", "PDF document"),
        (b"\x7fELF", "executable"),
        (b"RIFF", "RIFF media"),
        (b"\x00\x00\x00", "binary data"),
    ];
    if let Some((_, name)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(name);
    }
    // UTF-16 text has many NULs but a BOM; let the decoder handle it.
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return None;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let nul = memchr::memchr_iter(0, head).count();
    let odd = head
        .iter()
        .filter(|&&b| b < 0x09 || (0x0e..0x20).contains(&b))
        .count();
    (nul > 0 || odd * 10 > head.len()).then_some("binary data")
}

/// Decode to UTF-8: BOM, then (for HTML) a declared charset, then detection.
pub fn decode(bytes: &[u8], is_html: bool) -> Result<String, IngestError> {
    let encoding = Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| is_html.then(|| declared_charset(bytes)).flatten())
        .unwrap_or_else(|| detect(bytes));
    let (text, _, _) = encoding.decode(bytes);
    Ok(text.into_owned())
}

/// The charset named by `<meta charset>` or an http-equiv content-type,
/// anywhere in the head (saved pages often push it past the first 1 KB).
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let end = memchr::memmem::find(bytes, b"</head")
        .or_else(|| memchr::memmem::find(bytes, b"</HEAD"))
        .unwrap_or(bytes.len().min(64 * 1024));
    let head = String::from_utf8_lossy(&bytes[..end]).to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = head[from..].find("<meta") {
        let start = from + pos;
        let stop = head[start..].find('>').map_or(head.len(), |e| start + e);
        let tag = &head[start..stop];
        if let Some(label) = charset_in(tag) {
            // A page saved as UTF-16 cannot declare itself in ASCII; ignore such lies.
            if let Some(enc) = Encoding::for_label(label.as_bytes())
                && enc != encoding_rs::UTF_16LE
                && enc != encoding_rs::UTF_16BE
            {
                return Some(enc);
            }
        }
        from = stop;
    }
    None
}

fn charset_in(tag: &str) -> Option<&str> {
    let at = tag.find("charset")?;
    let rest = tag[at + "charset".len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| c == '"' || c == '\'' || c == ';' || c == '/' || c.is_whitespace())
        .unwrap_or(rest.len());
    let label = rest[..end].trim();
    (!label.is_empty()).then_some(label)
}

/// Guess the charset of undeclared bytes (UTF-8 when it validates).
pub fn detect(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return encoding_rs::UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_and_http_equiv() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9</body>";
        assert!(decode(page, true).unwrap().contains("café"));
        let page = b"<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head>na\xefve";
        assert!(decode(page, true).unwrap().contains("naïve"));
    }

    #[test]
    fn bom_wins() {
        let mut page = vec![0xef, 0xbb, 0xbf];
        page.extend_from_slice("<meta charset=gbk>é".as_bytes());
        assert!(decode(&page, true).unwrap().contains('é'));
    }

    #[test]
    fn gzip_is_transparent() {
        use flate2::{Compression, write::GzEncoder};
        use std::io::Write;
        let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
        enc.write_all(b"hello").unwrap();
        let gz = enc.finish().unwrap();
        assert_eq!(&*gunzip_if_needed(&gz).unwrap(), b"hello");
        assert!(gunzip_if_needed(&[0x1f, 0x8b, 1, 2, 3]).is_err());
    }
}
