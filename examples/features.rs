//! Dump the lines of text dumps a fitted scorer sees, with their features,
//! as TSV (`file  index  text  f1 ... fn`): `keep` for the keep/drop line
//! model (`scripts/fit_keep.py`), `title` for the headline candidates
//! (`scripts/fit_title.py`).
//! Usage: cargo run --release --example features -- keep|title FILE...

use std::io::Write;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let candidates = match args.next().as_deref() {
        Some("keep") => lede::ingest::text::keep_candidates,
        Some("title") => lede::ingest::text::title_candidates,
        _ => {
            eprintln!("usage: features keep|title FILE...");
            std::process::exit(2);
        }
    };
    let out = std::io::stdout();
    let mut out = out.lock();
    for path in args {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for (i, (line, features)) in candidates(&text).iter().enumerate() {
            let line = line.replace(['\t', '\n'], " ");
            let f: Vec<String> = features.iter().map(|x| format!("{x:.4}")).collect();
            writeln!(out, "{path}\t{i}\t{line}\t{}", f.join("\t"))?;
        }
    }
    Ok(())
}
