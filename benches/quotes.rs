//! `cargo bench --bench quotes`: µs per article for the quote pass alone
//! (quotes and speakers, `lede::analyze::quotes::find`) over the PolNeAR
//! stories in ../shared (dev, and train when present). One warm-up pass,
//! then the best of a few timed passes per article.

use std::path::Path;
use std::time::{Duration, Instant};

const TIMED_PASSES: usize = 3;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut articles = Vec::new();
    for split in ["polnear-dev", "polnear-train"] {
        let Ok(dir) = std::fs::read_dir(root.join(split).join("stories")) else {
            continue;
        };
        for entry in dir.flatten() {
            let Ok(bytes) = std::fs::read(entry.path()) else {
                continue;
            };
            if let Ok(a) = lede::ingest::ingest(&bytes, lede::ingest::Hints::default()) {
                articles.push(a);
            }
        }
    }
    if articles.is_empty() {
        println!(
            "quotes bench skipped: no PolNeAR stories under {}",
            root.display()
        );
        return;
    }
    let mut best = vec![Duration::MAX; articles.len()];
    for pass in 0..=TIMED_PASSES {
        for (i, a) in articles.iter().enumerate() {
            let t = Instant::now();
            std::hint::black_box(lede::analyze::quotes::find(a).len());
            if pass > 0
                && let Some(b) = best.get_mut(i)
            {
                *b = (*b).min(t.elapsed());
            }
        }
    }
    let total: Duration = best.iter().sum();
    let mut sorted = best.clone();
    sorted.sort();
    let p95 = sorted
        .get(sorted.len() * 95 / 100)
        .copied()
        .unwrap_or_default();
    println!(
        "quote pass: {} PolNeAR articles, mean {:.3} ms/article, p95 {:.3} ms",
        articles.len(),
        total.as_secs_f64() * 1e3 / articles.len() as f64,
        p95.as_secs_f64() * 1e3
    );
}
