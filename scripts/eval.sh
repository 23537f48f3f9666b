#!/usr/bin/env bash
# Score lede on one corpus of ../shared. Usage:
#   scripts/eval.sh CORPUS [OUTDIR] [-- score.py options such as -v]
# CORPUS: seeds | polnear-dev | polnear-train | wcxb-dev | dumps-dev | aeb
# LEDE_BIN=path skips the release build. Predictions are kept in OUTDIR
# (default /tmp/lede-eval/CORPUS) for reading errors in bulk.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${LEDE_SHARED:-../shared}
corpus=$1; shift
out=${1:-/tmp/lede-eval/$corpus}; [ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
if [ -z "${LEDE_BIN:-}" ]; then
  cargo build --release --quiet
  bin=$PWD/target/release/lede
else
  bin=$(realpath "$LEDE_BIN")
fi
case $corpus in
  seeds) src=$shared/seeds; suf=.txt; gold=$shared/gold/seeds ;;
  polnear-dev|polnear-train|dumps-dev) src=$shared/corpus/$corpus/stories; suf=.txt; gold=$shared/corpus/$corpus/gold ;;
  wcxb-dev) src=$shared/corpus/wcxb-dev/html; suf=.html.gz; gold=$shared/corpus/wcxb-dev/gold ;;
  aeb) src=$shared/corpus/aeb/html; suf=.html.gz; gold= ;;
  *) echo "unknown corpus $corpus" >&2; exit 2 ;;
esac
rm -rf "$out"; mkdir -p "$out"
export bin out suf
find "$src" -maxdepth 1 -name "*$suf" -print0 |
  xargs -0 -P "${JOBS:-2}" -n 16 sh -c 'for f; do s=$(basename "$f" "$suf"); "$bin" extract --json "$f" >"$out/$s.jsonl" 2>>"$out/errors.log" || true; done' sh
if [ "$corpus" = aeb ]; then
  python3 "$shared/tools/score_aeb.py" "$shared/corpus/aeb/ground-truth.json" "$out" "$@"
else
  python3 "$shared/tools/score.py" stories "$gold" "$out" "$@"
fi
