#!/usr/bin/env bash
# Fuzz every target for SECONDS each (default 600), one process at a time.
# Usage: fuzz/run.sh [SECONDS]
# Needs cargo-fuzz (`cargo install cargo-fuzz`). On a stable toolchain the
# nightly flags cargo-fuzz passes are allowed through RUSTC_BOOTSTRAP=1.
# Corpora grow in fuzz/corpus/TARGET (git-ignored), seeded from
# fuzz/seeds/TARGET; crashes land in fuzz/artifacts/TARGET.
set -euo pipefail
seconds="${1:-600}"
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
# No sanitizer: lede is safe Rust and ASan would slow the search down;
# debug assertions on, so overflow and ratatui's own checks fire. One
# process, one core (-jobs=1 would do the same but hide the output in a log).
flags=(-s none -a)
targets=(process analyze layout)
cargo fuzz build "${flags[@]}"
status=0
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t"
    echo "== $t: ${seconds}s"
    if ! cargo fuzz run "${flags[@]}" "$t" "corpus/$t" "seeds/$t" -- \
        -max_total_time="$seconds" -rss_limit_mb=4096 \
        -max_len=262144 -timeout=20 -print_final_stats=1; then
        echo "!! $t found a failure: see fuzz/artifacts/$t"
        status=1
    fi
done
exit "$status"
