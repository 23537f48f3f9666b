#!/usr/bin/env python3
"""dumps-dev scores split by renderer (chromium, w3m) and id parity (odd ids
tune, even ids are held out). Usage: scripts/dump_report.py PRED_DIR [--errors]
(--errors prints each story's wrong title, byline and date and its leaks)."""
import json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("LEDE_SHARED", os.path.join(ROOT, "..", "shared"))
sys.path.insert(0, os.path.join(SHARED, "tools"))
import score  # noqa: E402

KEYS = ["title_ok", "byline_ok", "published_ok", "body_f1", "body_p", "body_r", "clutter_leaks"]


def main(pred_dir, errors):
    gold_dir = os.path.join(SHARED, "corpus", "dumps-dev", "gold")
    groups = {}
    for name in sorted(os.listdir(gold_dir)):
        gold = json.load(open(os.path.join(gold_dir, name), encoding="utf-8"))
        sid = name[:-5]
        try:
            pred = score.load_pred(os.path.join(pred_dir, sid + ".jsonl"))
            m = score.score_story(gold, pred)
        except Exception:
            pred, m = {}, {"body_f1": 0, "body_p": 0, "body_r": 0, "title_ok": 0, "clutter_leaks": 0, "missing": 1}
        shape = gold.get("dump", {}).get("renderer", "?")
        parity = "odd" if int(sid) % 2 else "even"
        for g in ("all", shape, parity):
            groups.setdefault(g, []).append(m)
        if errors:
            out = []
            if not m.get("title_ok"):
                out.append(f"  T gold={gold.get('title')!r}\n    pred={pred.get('title')!r}")
            if m.get("byline_ok") == 0:
                out.append(f"  B gold={gold.get('byline')!r} pred={pred.get('byline')!r}")
            if m.get("published_ok") == 0:
                out.append(f"  D gold={gold.get('published')!r} pred={pred.get('published')!r}")
            if m.get("_leaked"):
                out.append(f"  L {m['_leaked']}")
            if m.get("body_f1", 1) < 0.9:
                out.append(f"  F p={m['body_p']:.2f} r={m['body_r']:.2f}")
            if out:
                print(f"== {sid} ({shape})\n" + "\n".join(out))
    print(f"{'':10}" + "".join(f"{k[:12]:>13}" for k in KEYS) + f"{'n':>6}")
    for g in ("all", "chromium", "w3m", "odd", "even"):
        mm = score.mean_metrics(groups.get(g, []))
        print(f"{g:10}" + "".join(f"{mm.get(k, 0):>13.4f}" if k != "clutter_leaks" else f"{mm.get(k, 0):>13}" for k in KEYS)
              + f"{len(groups.get(g, [])):>6}")


if __name__ == "__main__":
    main(sys.argv[1], "--errors" in sys.argv)
