//! Timing shared by the benchmarks (plain std::time, no harness).

use std::time::{Duration, Instant};

/// Median and minimum of `runs` timings of `f`.
pub fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut t: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    t.sort();
    (t[t.len() / 2], t[0])
}
