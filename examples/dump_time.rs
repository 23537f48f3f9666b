//! Time the text-dump cleaner alone over files (for profiling): the mean
//! per dump, then the slowest dumps (each timed at its best of 3 passes).
//! Usage: cargo run --release --example dump_time -- FILE...

use std::time::Instant;

fn main() {
    let files: Vec<(String, String)> = std::env::args()
        .skip(1)
        .filter_map(|p| std::fs::read_to_string(&p).ok().map(|t| (p, t)))
        .collect();
    let mut best = vec![f64::MAX; files.len()];
    let started = Instant::now();
    let mut n = 0;
    for _ in 0..3 {
        for (slot, (_, t)) in best.iter_mut().zip(&files) {
            let one = Instant::now();
            n += lede::ingest::text::extract(t, None).blocks.len();
            *slot = slot.min(one.elapsed().as_secs_f64() * 1000.0);
        }
    }
    let per = started.elapsed().as_secs_f64() * 1000.0 / (3 * files.len().max(1)) as f64;
    let best_mean = best.iter().sum::<f64>() / files.len().max(1) as f64;
    println!("{per:.3} ms/dump, best-pass mean {best_mean:.3} ms ({n} blocks)");
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by(|&a, &b| best[b].total_cmp(&best[a]));
    for &i in order.iter().take(8) {
        let (path, text) = &files[i];
        println!("{:8.3} ms {:7} bytes {path}", best[i], text.len());
    }
}
