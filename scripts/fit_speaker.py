#!/usr/bin/env python3
"""Fit the speaker choice (src/analyze/quotes/choice.rs).

Each quotation has candidates: the rules' pick and the others it may go
with (its sentence's subject and speech cue, the sentence before, the
paragraph's last speaker, the last quotation's speaker), with features
printed by `examples/speaker_features.rs`. A candidate's label is whether
score.py accepts it for the gold speaker. A conditional logit (softmax over
the candidates and a null option; Adam, L2, stdlib only) is fitted on polnear-train, reported on its odd/even halves
and on polnear-dev (held out), and written to
src/analyze/quotes/speaker_weights.rs.

The choice takes the best scoring candidate; a quotation the rules leave
without a speaker takes one only at log-odds >= MIN_LOG_ODDS (more likely
right than wrong), since gold quotes with no scored speaker teach nothing
about abstaining.

Usage: cargo build --release --example speaker_features && scripts/fit_speaker.py
"""
import glob, json, math, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
BIN = os.path.join(ROOT, "target", "release", "examples", "speaker_features")
sys.path.insert(0, os.path.join(SHARED, "tools"))
import score  # noqa: E402
from fitting import descend, raw_weights, scaled, standardize  # noqa: E402

MIN_LOG_ODDS = 0.0


def load(corpus):
    """Per story: a list of quotations, each a list of (features, label)."""
    stories = sorted(glob.glob(os.path.join(SHARED, "corpus", corpus, "stories", "*.txt")))
    out = subprocess.run([BIN, *stories], capture_output=True, text=True, check=True).stdout
    data = []
    for line in out.splitlines():
        d = json.loads(line)
        sid = os.path.basename(d["path"])[:-4]
        gold = json.load(open(os.path.join(SHARED, "corpus", corpus, "gold", sid + ".json")))
        gq = gold.get("quotes", [])
        preds = d["quotes"]
        pairs = score.greedy_match(
            preds, gq,
            lambda p, g: score.strip_quote_text(p["text"]) == score.strip_quote_text(g["text"]),
            lambda p, g: score.quote_match(p["text"], g["text"]))
        quotes = []
        for i, j in pairs:
            g = gq[j]
            if g.get("optional") or not score.speaker_scored(g) or not g.get("speaker"):
                continue
            rows = [(f, int(score.speaker_ok(s, g["speaker"]) or score.speaker_ok(c, g["speaker"])))
                    for s, c, f in preds[i]["candidates"]]
            quotes.append(rows)
        data.append((sid, quotes))
    return data


def fit(quotes, dim, epochs=300, lr=0.05, l2=float(os.environ.get("L2", "3e-2"))):
    """A conditional logit over each quotation's candidates plus a null
    option scored 0 (right when no candidate is): a candidate's score is
    the log-odds that it, rather than nobody, spoke."""
    xs = [f for rows in quotes for f, _ in rows]
    mean, sd = standardize(xs, dim)
    zq = [([scaled(f, mean, sd) for f, _ in rows], [y for _, y in rows]) for rows in quotes]
    n = len(zq)

    def gradient(w, b, g):
        loss = 0.0
        for zs, ys in zq:
            ss = [b + sum(a * c for a, c in zip(z, w)) for z in zs]
            top = max([0.0] + ss)
            es = [math.exp(x - top) for x in ss]
            e0 = math.exp(-top)
            total = e0 + sum(es)
            pos = sum(e for e, y in zip(es, ys) if y) if any(ys) else e0
            loss -= math.log(pos / total + 1e-300) / n
            # d(-log pos/total)/ds_i = p_i - [i pos] * e_i / pos
            for z, e, y in zip(zs, es, ys):
                d = (e / total - (e / pos if y and any(ys) else 0.0)) / n
                for k in range(dim):
                    g[k] += d * z[k]
                g[dim] += d
        return loss

    w, b = descend(dim, epochs, lr, l2, gradient, every=100)
    return raw_weights(w, b, mean, sd)


def accuracy(data, w, bias):
    """(rules' pick right, choice right, quotations) over the dumped quotes."""
    base = chosen = total = 0
    for _, quotes in data:
        for rows in quotes:
            total += 1
            base += any(y for f, y in rows if f[0] == 1.0)
            if not rows:
                continue
            scored = [(bias + sum(a * c for a, c in zip(f, w)), f, y) for f, y in rows]
            s, f, y = max(scored, key=lambda t: t[0])
            rule = any(f[0] == 1.0 for _, f, _ in scored)
            if rule or s >= MIN_LOG_ODDS:
                chosen += y
    return base, chosen, total


def main():
    train = load("polnear-train")
    dev = load("polnear-dev")
    src = open(os.path.join(ROOT, "src/analyze/quotes/choice.rs")).read()
    names = re.findall(r'"(\w+)"', src.split("FEATURE_NAMES")[1].split("];")[0])
    dim = len(names)
    odd = [d for k, d in enumerate(train) if k % 2]
    even = [d for k, d in enumerate(train) if not k % 2]
    rows = lambda part: [rows for _, qs in part for rows in qs if rows]
    w, bias = fit(rows(odd), dim)
    for name, part in [("train odd (fitted)", odd), ("train even (held out)", even), ("dev", dev)]:
        print(name, "rules %d -> choice %d of %d" % accuracy(part, w, bias))
    w, bias = fit(rows(train), dim)
    for name, part in [("train (fitted)", train), ("dev (held out)", dev)]:
        print(name, "rules %d -> choice %d of %d" % accuracy(part, w, bias))
    for n, x in sorted(zip(names, w), key=lambda t: -abs(t[1])):
        print(f"  {n:24s} {x:+.3f}")
    body = "\n".join(f"    {x:.6f}, // {n}" for n, x in zip(names, w))
    with open(os.path.join(ROOT, "src/analyze/quotes/speaker_weights.rs"), "w") as fh:
        fh.write("//! Generated by scripts/fit_speaker.py: do not edit by hand.\n\n")
        fh.write(f"pub const BIAS: f64 = {bias:.6f};\n")
        fh.write(f"pub const MIN_LOG_ODDS: f64 = {MIN_LOG_ODDS:.1f};\n")
        fh.write(f"pub const WEIGHTS: [f64; {dim}] = [\n{body}\n];\n")


if __name__ == "__main__":
    main()
