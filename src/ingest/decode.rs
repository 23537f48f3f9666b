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

/// How much of the head is searched for a declared charset.
const HEAD_LIMIT: usize = 512 * 1024;
/// How much of the content the detector reads.
const DETECT_LIMIT: usize = 4 * 1024 * 1024;

/// Decode to UTF-8: BOM, then (for HTML) a declared charset, then detection.
pub fn decode(bytes: &[u8], is_html: bool) -> Result<String, IngestError> {
    let encoding = Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| is_html.then(|| declared_charset(bytes)).flatten())
        .map(|declared| trust_utf8(declared, bytes))
        .unwrap_or_else(|| detect(bytes));
    let (text, _, _) = encoding.decode(bytes);
    Ok(match super::mojibake::repair(&text) {
        std::borrow::Cow::Owned(fixed) => fixed,
        std::borrow::Cow::Borrowed(_) => text.into_owned(),
    })
}

/// A page declared in a legacy charset whose bytes are valid UTF-8 with
/// non-ASCII in them was re-saved as UTF-8 without fixing the meta tag:
/// such bytes are almost never meaningful legacy text.
fn trust_utf8(declared: &'static Encoding, bytes: &[u8]) -> &'static Encoding {
    if declared == encoding_rs::UTF_8 || bytes.is_ascii() {
        return declared;
    }
    let sample = &bytes[..bytes.len().min(DETECT_LIMIT)];
    // A cut may split the last character: valid_up_to covers the rest.
    let valid = match std::str::from_utf8(sample) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && sample.len() == DETECT_LIMIT,
    };
    if valid { encoding_rs::UTF_8 } else { declared }
}

/// The charset named by `<meta charset>` or an http-equiv content-type,
/// anywhere in the head (saved pages often push it past the first 1 KB).
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(HEAD_LIMIT)];
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'<', head.get(at..)?) {
        let start = at + i;
        let rest = head.get(start + 1..).unwrap_or_default();
        let starts = |w: &[u8]| {
            rest.get(..w.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(w))
        };
        if starts(b"/head") {
            return None;
        }
        let stop = memchr::memchr(b'>', rest).map_or(head.len(), |e| start + 1 + e);
        if starts(b"meta") {
            let tag = String::from_utf8_lossy(head.get(start..stop).unwrap_or_default())
                .to_ascii_lowercase();
            if let Some(enc) = charset_in(&tag).and_then(|l| Encoding::for_label(l.as_bytes())) {
                // WHATWG: an ASCII tag cannot truly declare UTF-16, and
                // x-user-defined means windows-1252.
                if enc == encoding_rs::X_USER_DEFINED {
                    return Some(encoding_rs::WINDOWS_1252);
                }
                if enc != encoding_rs::UTF_16LE && enc != encoding_rs::UTF_16BE {
                    return Some(enc);
                }
            }
        }
        at = if starts(b"!--") {
            memchr::memmem::find(rest, b"-->").map_or(head.len(), |e| start + 1 + e)
        } else {
            stop.max(start + 1)
        };
    }
    None
}

fn charset_in(tag: &str) -> Option<&str> {
    let at = tag.find("charset")?;
    let rest = tag.get(at + "charset".len()..)?.trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| c == '"' || c == '\'' || c == ';' || c == '/' || c.is_whitespace())
        .unwrap_or(rest.len());
    let label = rest.get(..end)?.trim();
    (!label.is_empty()).then_some(label)
}

/// Guess the charset of undeclared bytes (UTF-8 when it validates).
pub fn detect(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return encoding_rs::UTF_8;
    }
    let sample = &bytes[..bytes.len().min(DETECT_LIMIT)];
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, sample.len() == bytes.len());
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

    /// A small page in `encoding`, declared in a meta tag or not at all.
    fn page(encoding: &'static Encoding, text: &str, declare: bool) -> Vec<u8> {
        let meta = if declare {
            format!("<meta charset=\"{}\">", encoding.name())
        } else {
            String::new()
        };
        let html =
            format!("<html><head>{meta}<title>t</title></head><body><p>{text}</p></body></html>");
        let (bytes, _, unmappable) = encoding.encode(&html);
        assert!(!unmappable, "fixture text must fit {}", encoding.name());
        bytes.into_owned()
    }

    const SAMPLES: &[(&str, &str)] = &[
        (
            "windows-1252",
            "Le café de la gare a rouvert ses portes, déclaré le maire à la presse. « C’est une réussite », a-t-il ajouté, très ému.",
        ),
        (
            "iso-8859-2",
            "Zażółć gęślą jaźń. Władze miasta ogłosiły, że nowy most zostanie otwarty w przyszłym tygodniu, a koszty wzrosły.",
        ),
        (
            "iso-8859-5",
            "Правительство объявило о новых мерах поддержки экономики, сообщили в министерстве финансов в понедельник.",
        ),
        (
            "iso-8859-7",
            "Η κυβέρνηση ανακοίνωσε νέα μέτρα στήριξης της οικονομίας, σύμφωνα με το υπουργείο οικονομικών τη Δευτέρα.",
        ),
        (
            "gbk",
            "国家统计局今天发布数据显示，今年前三个季度国内生产总值同比增长百分之五，经济运行总体平稳，就业形势基本稳定。",
        ),
        (
            "gb18030",
            "国家统计局今天发布数据显示，今年前三个季度国内生产总值同比增长，城镇新增就业人数超过预期目标。",
        ),
        (
            "big5",
            "行政院今天宣布新的經濟振興方案，預計將在明年第一季實施，並且提供中小企業更多的貸款協助與補貼。",
        ),
        (
            "shift_jis",
            "政府は今日、新しい経済対策を発表しました。来年の春から実施される予定で、中小企業への支援が拡大されます。",
        ),
        (
            "euc-kr",
            "정부는 오늘 새로운 경제 대책을 발표했습니다. 내년 봄부터 시행될 예정이며 중소기업에 대한 지원이 확대됩니다.",
        ),
    ];

    #[test]
    fn declared_charsets_decode() {
        for (label, text) in SAMPLES {
            let enc = Encoding::for_label(label.as_bytes()).unwrap();
            let out = decode(&page(enc, text, true), true).unwrap();
            assert!(out.contains(text), "{label}: {out}");
        }
    }

    #[test]
    fn undeclared_charsets_are_detected() {
        for (label, text) in SAMPLES {
            let enc = Encoding::for_label(label.as_bytes()).unwrap();
            let out = decode(&page(enc, text, false), true).unwrap();
            assert!(out.contains(text), "{label}: {out}");
        }
    }

    #[test]
    fn charset_deep_in_a_long_head() {
        let filler = "<link rel=\"preload\" href=\"/a.js\">".repeat(200);
        let html = format!(
            "<html><head>{filler}<meta http-equiv=\"content-type\" content=\"text/html; charset=Shift_JIS\"></head><body>日本語の記事</body>"
        );
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(&html);
        assert!(bytes.len() > 4096);
        assert!(decode(&bytes, true).unwrap().contains("日本語の記事"));
    }

    #[test]
    fn utf8_bytes_under_a_legacy_label_stay_utf8() {
        let page = "<meta charset=iso-8859-1><p>Müller said “yes”</p>".as_bytes();
        assert!(decode(page, true).unwrap().contains("Müller said “yes”"));
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
