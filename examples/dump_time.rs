//! Time the text-dump cleaner alone over files (for profiling).
//! Usage: cargo run --release --example dump_time -- FILE...

fn main() {
    let texts: Vec<String> = std::env::args()
        .skip(1)
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let started = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..3 {
        for t in &texts {
            n += lede::ingest::text::extract(t, None).blocks.len();
        }
    }
    let per = started.elapsed().as_secs_f64() * 1000.0 / (3 * texts.len().max(1)) as f64;
    println!("{per:.2} ms/dump ({n} blocks)");
}
