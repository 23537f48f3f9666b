#!/usr/bin/env python3
"""One speaker's quotes as lede gives them over a PolNeAR set, set against
the gold (issue 17: the count of a person's quotes must match the quotes
the stories attribute to them).

Usage: scripts/speaker_audit.py NAME PRED_DIR [GOLD_DIR]
  NAME      the canonical speaker, e.g. "Donald Trump"
  PRED_DIR  `lede extract --json` outputs (scripts/eval.sh polnear-dev DIR)
  GOLD_DIR  default ../shared/corpus/polnear-dev

Each of lede's quotes for NAME falls in one group:
  named     gold names the same person (any of the gold's forms)
  pronoun   gold's source is a pronoun (not scored; read these by eye)
  other     gold names someone or something else (a description of the
            same person is counted here too: read by eye)
  optional  gold marks the quote optional (outside any attribution)
  unmatched no gold quote has this text
Quotes with the same text are paired in order, so the second "Islamic
terrorism" of a story meets the second in the gold.
Missed: gold quotes naming the person that lede gives to someone else."""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
from score import quote_match  # noqa: E402


def names_person(gold_speaker, name):
    """Whether the gold's speaker forms name the person (surname accepted)."""
    last = name.split()[-1].lower()
    return any(s.lower() in (name.lower(), last) for s in gold_speaker or [])


def pair(pred, gold):
    """Each predicted quote's gold quote, identical texts paired in order."""
    used = set()
    out = []
    for q in pred:
        match = None
        for i, g in enumerate(gold):
            if i not in used and quote_match(q["text"], g["text"]):
                match = i
                break
        if match is not None:
            used.add(match)
        out.append(match)
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    name, pred_dir = sys.argv[1], pathlib.Path(sys.argv[2])
    gold_dir = pathlib.Path(
        sys.argv[3] if len(sys.argv) > 3 else ROOT.parent / "shared/corpus/polnear-dev"
    )
    groups = {k: [] for k in ("named", "pronoun", "other", "optional", "unmatched")}
    missed = []
    gold_named = 0
    for gf in sorted((gold_dir / "gold").glob("*.json")):
        pf = pred_dir / (gf.stem + ".jsonl")
        if not pf.exists():
            continue
        gold = json.loads(gf.read_text(encoding="utf-8"))["quotes"]
        pred = json.loads(pf.read_text(encoding="utf-8").splitlines()[0])["quotes"]
        who = [q.get("canonical_speaker") or q.get("speaker") for q in pred]
        matches = pair(pred, gold)
        for q, w, m in zip(pred, who, matches):
            if w != name:
                continue
            g = gold[m] if m is not None else None
            if g is None:
                key = "unmatched"
            elif g.get("optional"):
                key = "optional"
            elif g.get("speaker") is None:
                key = "pronoun"
            elif names_person(g["speaker"], name):
                key = "named"
            else:
                key = "other"
            groups[key].append((gf.stem[:45], q["text"][:70], g and g.get("speaker")))
        given = {m: w for w, m in zip(who, matches) if m is not None}
        for i, g in enumerate(gold):
            if g.get("optional") or not names_person(g.get("speaker"), name):
                continue
            gold_named += 1
            if given.get(i) != name:
                missed.append((gf.stem[:45], g["text"][:70], given.get(i)))
    total = sum(len(v) for v in groups.values())
    print(f"{name}: lede gives {total} quotes; gold names {gold_named}")
    for key, rows in groups.items():
        print(f"\n{key}: {len(rows)}")
        for story, text, gold in rows:
            print(f"  {story} | {text} | gold: {gold}")
    print(f"\nmissed: {len(missed)}")
    for story, text, got in missed:
        print(f"  {story} | {text} | lede: {got}")


if __name__ == "__main__":
    main()
