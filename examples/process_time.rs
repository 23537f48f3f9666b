//! Time `lede::process` over saved pages (for profiling the HTML path).
//! Usage: cargo run --release --example process_time -- PASSES FILE...

fn main() {
    let mut args = std::env::args().skip(1);
    let passes: usize = args.next().and_then(|p| p.parse().ok()).unwrap_or(3);
    let pages: Vec<Vec<u8>> = args
        .filter_map(|p| std::fs::read(p).ok())
        .filter_map(|raw| {
            lede::ingest::decode::gunzip_if_needed(&raw)
                .ok()
                .map(|b| b.into_owned())
        })
        .collect();
    let started = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..passes {
        for p in &pages {
            n += lede::process(p, Some("page.html")).map_or(0, |s| s.article.blocks.len());
        }
    }
    let per = started.elapsed().as_secs_f64() * 1000.0 / (passes * pages.len().max(1)) as f64;
    println!("{per:.3} ms/page ({n} blocks)");
}
