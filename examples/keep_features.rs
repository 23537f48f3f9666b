//! Dump the body lines of text dumps with their features, as TSV
//! (`file  index  text  f1 ... fn`), for `scripts/fit_keep.py`.
//! Usage: cargo run --release --example keep_features -- FILE...

use std::io::Write;

fn main() -> std::io::Result<()> {
    let out = std::io::stdout();
    let mut out = out.lock();
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for (i, (line, features)) in lede::ingest::text::keep_candidates(&text)
            .iter()
            .enumerate()
        {
            let line = line.replace(['\t', '\n'], " ");
            let f: Vec<String> = features.iter().map(|x| format!("{x:.4}")).collect();
            writeln!(out, "{path}\t{i}\t{line}\t{}", f.join("\t"))?;
        }
    }
    Ok(())
}
