//! Dump the speaker candidates the fitted choice scores, one JSON line per
//! story: {"path", "quotes": [{"text", "candidates": [[speaker, canonical,
//! [features]]]}]}, for scripts/fit_speaker.py.
//! Usage: cargo run --release --example speaker_features -- FILE...

use std::io::Write;

fn main() -> std::io::Result<()> {
    let out = std::io::stdout();
    let mut out = out.lock();
    for path in std::env::args().skip(1) {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let Ok(story) = lede::process(&bytes, Some(&path)) else {
            continue;
        };
        let quotes: Vec<serde_json::Value> =
            lede::analyze::quotes::speaker_candidates(&story.article)
                .into_iter()
                .map(|q| serde_json::json!({"text": q.text, "candidates": q.candidates}))
                .collect();
        let line = serde_json::json!({"path": path, "quotes": quotes});
        writeln!(out, "{line}")?;
    }
    Ok(())
}
