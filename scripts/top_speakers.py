#!/usr/bin/env python3
"""The speakers lede gives most often over a folder of `lede extract --json`
outputs, for reading by eye (issue 14: no place, work, event or fragment).
Usage: scripts/top_speakers.py PRED_DIR [N]"""
import collections
import json
import pathlib
import sys


def main():
    pred = pathlib.Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    counts = collections.Counter()
    for f in sorted(pred.glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                for q in json.loads(line).get("quotes", []):
                    if q.get("speaker"):
                        counts[q["speaker"]] += 1
    for name, c in counts.most_common(n):
        print(f"{c:5d}  {name}")


if __name__ == "__main__":
    main()
