#!/usr/bin/env python3
"""Safety and recall of the boilerplate cleaner on annotated corpora, plus its cost.

    python bench/boilerplate.py [--eval-dir ../shared/eval] [--list]

Safety (a hard gate): no character of any gold quote, speaker, date or location may fall
inside a dropped span. Prints dropped lines per rule (all of them with --list), the safety
violations, the recall of known clutter lines on GGT dev, and the cleaner's share of
extraction time. Exit code 1 when the safety gate fails.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ["polnear/train.jsonl", "polnear/dev.jsonl", "ggt/dev.jsonl", "tempeval3/train.jsonl", "meantime/dev.jsonl"]
CLUTTER = ("Story continues below advertisement", "Open this photo in gallery")


def gold_spans(rec: dict) -> list[tuple[int, int, str]]:
    out = []
    for q in rec.get("quotes") or []:
        out.append((q["start"], q["end"], "quote"))
        if q.get("speaker_start") is not None and q.get("speaker_end") is not None:
            out.append((q["speaker_start"], q["speaker_end"], "speaker"))
    for t in rec.get("timexes") or []:
        out.append((t["start"], t["end"], "date"))
    for e in rec.get("entities") or []:
        if e.get("type") == "LOC":
            out.append((e["start"], e["end"], "location"))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--list", action="store_true", help="print every dropped line")
    args = ap.parse_args()
    from claimx.clean import clean

    per_rule: collections.Counter = collections.Counter()
    violations = []
    dropped_lines = []
    clutter_total = clutter_dropped = 0
    n_texts = 0
    t_clean = 0.0
    texts = []
    for name in FILES:
        path = Path(args.eval_dir) / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            text = rec["text"]
            n_texts += 1
            texts.append(text)
            t0 = time.perf_counter()
            result = clean(text)
            t_clean += time.perf_counter() - t0
            spans = gold_spans(rec)
            for d in result.dropped:
                per_rule[d.rule] += 1
                dropped_lines.append((name, rec["id"], d.rule, d.text))
                for s, e, what in spans:
                    if s < d.end and e > d.start:
                        violations.append((name, rec["id"], what, text[s:e][:80], d.text[:80]))
            if name.startswith("ggt"):
                for ln in text.split("\n"):
                    if ln.strip() in CLUTTER:
                        clutter_total += 1
                        clutter_dropped += any(d.text == ln.strip() for d in result.dropped)
    if not n_texts:
        print(f"no evaluation data in {args.eval_dir}")
        return 0
    print(f"texts: {n_texts}; dropped spans: {sum(per_rule.values())}")
    for rule, n in per_rule.most_common():
        print(f"  {rule:20s} {n}")
    if args.list:
        for name, rid, rule, text in dropped_lines:
            print(f"  [{rule}] {name} {rid}: {text[:120]}")
    print(f"safety: {len(violations)} gold spans touched by dropped text")
    for v in violations[:50]:
        print("  VIOLATION", *v, sep=" | ")
    if clutter_total:
        print(f"GGT dev clutter lines dropped: {clutter_dropped}/{clutter_total}")
    print(f"cleaning time: {t_clean:.3f} s for {n_texts} texts ({1000 * t_clean / n_texts:.2f} ms/text)")
    labelled_report()
    return 1 if violations else 0


def labelled_rows() -> list[tuple[str, str, str]]:
    """(label, site style, line) rows of fixtures/boilerplate_lines.tsv; label is drop or keep."""
    lines = (ROOT / "fixtures" / "boilerplate_lines.tsv").read_text(encoding="utf-8").splitlines()
    return [tuple(ln.split("\t")) for ln in lines if ln and not ln.startswith("#")]


def dropped_alone(line: str) -> bool:
    """Whether the cleaner drops ``line`` standing between two real lines of a story."""
    from claimx.clean import clean

    text = "A real first line of the story.\n" + line + "\nA real last line of the story."
    return any(d.text == line.strip() for d in clean(text).dropped)


def labelled_report() -> None:
    """Recall and real lines lost on fixtures/boilerplate_lines.tsv."""
    rows = labelled_rows()
    hit = lost = 0
    n_drop = sum(1 for r in rows if r[0] == "drop")
    for label, style, line in rows:
        gone = dropped_alone(line)
        hit += gone and label == "drop"
        lost += gone and label == "keep"
        if gone and label == "keep":
            print(f"  REAL LINE DROPPED [{style}] {line}")
    styles = len({r[1] for r in rows if r[0] == "drop"})
    print(f"labelled set: recall {hit}/{n_drop} = {hit / n_drop:.3f} over {styles} site styles; "
          f"real lines dropped {lost}/{len(rows) - n_drop}")


if __name__ == "__main__":
    sys.exit(main())
