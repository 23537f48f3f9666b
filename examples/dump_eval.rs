//! Write `lede extract --json` predictions for many files in one process
//! (a quick loop for tuning the text-dump cleaner; `scripts/eval.sh` is
//! the reference). Usage: cargo run --release --example dump_eval -- OUTDIR FILE...

use std::io::Write;
use std::path::Path;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: dump_eval OUTDIR FILE...");
        return Ok(());
    };
    for path in args {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let stem = Path::new(&path)
            .file_name()
            .and_then(|n| n.to_str())
            .map(|n| n.trim_end_matches(".txt").to_string())
            .unwrap_or_default();
        let Ok(story) = lede::process(&bytes, Some(&path)) else {
            continue;
        };
        let mut f = std::fs::File::create(Path::new(&out).join(format!("{stem}.jsonl")))?;
        serde_json::to_writer(&mut f, &story)?;
        writeln!(f)?;
    }
    Ok(())
}
