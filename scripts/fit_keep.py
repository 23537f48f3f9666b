#!/usr/bin/env python3
"""Fit the keep/drop line model of the text-dump cleaner (src/ingest/text/keep.rs).

Every line the cleaner would put in a dump's body is a row with shallow
features (printed by `examples/features.rs keep`); its label is whether the
line belongs to the gold body (its text stands in the gold paragraphs, or
nearly all its words do). A logistic regression (Adam, L2, stdlib only) is
fitted on the odd ids of dumps-dev plus polnear-train (plain stories, whose
lines must all stay), reported on the even ids (held out), and written to
src/ingest/text/keep_weights.rs.

Usage: scripts/fit_keep.py [--all]   (--all fits on every dump)
"""
import glob, json, math, os, re, subprocess, sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
BIN = os.path.join(ROOT, "target", "release", "examples", "features")
sys.path.insert(0, os.path.join(SHARED, "tools"))
import score  # noqa: E402


def label(text, gold_norm, gold_tokens):
    t = score.norm(text).lower()
    if t and t in gold_norm:
        return 1
    toks = score.tokens(text)
    if len(toks) >= 6 and sum((Counter(toks) & gold_tokens).values()) >= 0.9 * len(toks):
        return 1
    return 0


def load(corpus, limit=None):
    stories = sorted(glob.glob(os.path.join(SHARED, "corpus", corpus, "stories", "*.txt")))[:limit]
    out = subprocess.run([BIN, "keep", *stories], capture_output=True, text=True, check=True).stdout
    groups = {}
    for line in out.splitlines():
        path, _, text, *feats = line.split("\t")
        groups.setdefault(path, []).append((text, [float(x) for x in feats]))
    data = []
    for path in stories:
        sid = os.path.basename(path)[:-4]
        gold = json.load(open(os.path.join(SHARED, "corpus", corpus, "gold", sid + ".json")))
        body = "\n".join(gold["paragraphs"])
        gn, gt = score.norm(body).lower(), Counter(score.tokens(body))
        rows = [(f, label(t, gn, gt), len(score.tokens(t))) for t, f in groups.get(path, [])]
        data.append((corpus, sid, rows))
    return data


def fit(rows, dim, epochs=300, lr=0.05, l2=1e-3):
    xs = [r[0] for r in rows]
    mean = [sum(x[k] for x in xs) / len(xs) for k in range(dim)]
    sd = [max(1e-6, math.sqrt(sum((x[k] - mean[k]) ** 2 for x in xs) / len(xs))) for k in range(dim)]
    zs = [[(x[k] - mean[k]) / sd[k] for k in range(dim)] for x in xs]
    # A line weighs by its words (the body score counts words), at least 3.
    ws = [max(3, r[2]) for r in rows]
    ys = [r[1] for r in rows]
    wsum = sum(ws)
    w, b = [0.0] * dim, 0.0
    m, v = [0.0] * (dim + 1), [0.0] * (dim + 1)
    for ep in range(1, epochs + 1):
        g = [l2 * wk for wk in w] + [0.0]
        loss = 0.0
        for z, y, wt in zip(zs, ys, ws):
            s = b + sum(a * c for a, c in zip(z, w))
            p = 1 / (1 + math.exp(-max(-30, min(30, s))))
            d = (p - y) * wt / wsum
            loss -= wt * (math.log(p + 1e-12) if y else math.log(1 - p + 1e-12)) / wsum
            for k in range(dim):
                g[k] += d * z[k]
            g[dim] += d
        params = w + [b]
        for k in range(dim + 1):
            m[k] = 0.9 * m[k] + 0.1 * g[k]
            v[k] = 0.999 * v[k] + 0.001 * g[k] * g[k]
            params[k] -= lr * (m[k] / (1 - 0.9 ** ep)) / (math.sqrt(v[k] / (1 - 0.999 ** ep)) + 1e-8)
        w, b = params[:dim], params[dim]
        if ep % 50 == 0:
            print(f"epoch {ep}: loss {loss:.4f}", file=sys.stderr)
    raw = [w[k] / sd[k] for k in range(dim)]
    bias = b - sum(w[k] * mean[k] / sd[k] for k in range(dim))
    return raw, bias


def report(name, data, w, bias, threshold):
    kept_good = dropped_good = kept_bad = dropped_bad = 0
    for _, _, rows in data:
        for f, y, n in rows:
            keep = bias + sum(a * c for a, c in zip(f, w)) >= threshold
            if y:
                kept_good += n if keep else 0
                dropped_good += 0 if keep else n
            else:
                kept_bad += n if keep else 0
                dropped_bad += 0 if keep else n
    print(f"{name}: good words dropped {dropped_good}/{kept_good + dropped_good}, "
          f"clutter words dropped {dropped_bad}/{kept_bad + dropped_bad}")


def main():
    dumps = load("dumps-dev")
    polnear = load("polnear-train")
    dim = len(next(r for _, _, rows in dumps for r in rows)[0])
    src = open(os.path.join(ROOT, "src/ingest/text/keep.rs")).read()
    names = re.findall(r'"(\w+)"', src.split("FEATURE_NAMES")[1].split("];")[0])
    threshold = float(re.search(r"KEEP_THRESHOLD: f64 = (-?[\d.]+)", src).group(1))
    odd = [d for d in dumps if int(d[1]) % 2 == 1]
    even = [d for d in dumps if int(d[1]) % 2 == 0]
    train = (dumps if "--all" in sys.argv else odd) + polnear
    w, bias = fit([r for _, _, rows in train for r in rows], dim)
    for name, part in [("dumps odd", odd), ("dumps even (held out)", even), ("polnear-train", polnear)]:
        report(name, part, w, bias, threshold)
    for n, x in sorted(zip(names, w), key=lambda t: -abs(t[1])):
        print(f"  {n:22s} {x:+.3f}")
    body = ",\n".join(f"    {x:.6f}, // {n}" for n, x in zip(names, w))
    with open(os.path.join(ROOT, "src/ingest/text/keep_weights.rs"), "w") as fh:
        fh.write("//! Generated by scripts/fit_keep.py: do not edit by hand.\n\n")
        fh.write(f"pub const BIAS: f64 = {bias:.6f};\n")
        fh.write("pub const WEIGHTS: [f64; super::keep::N_FEATURES] = [\n" + body + "\n];\n")


if __name__ == "__main__":
    main()
