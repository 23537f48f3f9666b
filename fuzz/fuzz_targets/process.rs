//! Bytes of a saved file -> the whole pipeline (decode, HTML or text
//! extraction, quotes, figures). No panic; every story keeps its invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the file-name hint; the rest is the file.
    let (hint, bytes) = match data.split_first() {
        Some((h, rest)) => (*h, rest),
        None => (0, data),
    };
    let name = match hint % 4 {
        0 => None,
        1 => Some("story.html"),
        2 => Some("story.txt"),
        _ => Some("story.html.gz"),
    };
    if let Ok(story) = lede::process(bytes, name) {
        check::spans(&story);
        check::clean_text(&story);
    }
});
