#!/usr/bin/env python3
"""Throughput and start-up of claimx at an earlier revision versus the working tree, in one run.

    python bench/revisions.py REV [--limit N] [--rounds N] [--texts FILE.jsonl]

REV is checked out into a temporary git worktree (removed afterwards). Each round times,
for the old tree and then the current one, ``extract_many`` over the same texts (model
loaded and warmed up first, so load time is not counted) in a fresh interpreter; the best
round of each is reported, with their ratio. Start-up is the wall time of
``python -m claimx extract`` on the seed article (best of three per tree).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_JSONL = ROOT.parent / "shared" / "eval" / "polnear" / "train.jsonl"

#: run inside a fresh interpreter whose PYTHONPATH points at one tree
_TIMER = """
import json, sys, time
from claimx import load_nlp
from claimx.io import TextInput
from claimx.pipeline import extract_many
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = load_nlp()
list(extract_many([TextInput(str(i), t) for i, t in enumerate(texts[:5])], nlp=nlp, published="2016-03-16"))
t0 = time.perf_counter()
for doc in extract_many((TextInput(str(i), t) for i, t in enumerate(texts)), nlp=nlp, published="2016-03-16"):
    pass
elapsed = time.perf_counter() - t0
tokens = sum(len(d) for d in nlp.tokenizer.pipe(texts))
print(json.dumps({"seconds": elapsed, "docs": len(texts), "tokens": tokens}))
"""


def _env(tree: Path) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(tree)
    return env


def throughput(tree: Path, texts_file: str) -> dict:
    out = subprocess.run([sys.executable, "-c", _TIMER, texts_file], env=_env(tree), cwd=tree,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def startup(tree: Path) -> float:
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "claimx", "extract", str(seed), "--published", "2016-03-16",
                        "-f", "json"], env=_env(tree), cwd=tree, capture_output=True, check=True)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rev", help="the earlier revision (commit, tag or branch)")
    ap.add_argument("--texts", default=str(DEFAULT_JSONL), help="JSON Lines file with a 'text' key")
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    if not Path(args.texts).exists():
        print(f"no texts at {args.texts} (pass --texts)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        texts_file = Path(tmp) / "texts.jsonl"
        with open(args.texts, encoding="utf-8") as src, open(texts_file, "w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if i >= args.limit:
                    break
                dst.write(json.dumps({"text": json.loads(line)["text"]}) + "\n")
        old = Path(tmp) / "old"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old), args.rev],
                       check=True, capture_output=True)
        try:
            runs: dict[str, list[dict]] = {"before": [], "now": []}
            for _ in range(args.rounds):
                for label, tree in (("before", old), ("now", ROOT)):
                    runs[label].append(throughput(tree, str(texts_file)))
            starts = {"before": startup(old), "now": startup(ROOT)}
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)],
                           check=False, capture_output=True)
    best = {k: min(v, key=lambda r: r["seconds"]) for k, v in runs.items()}
    print(f"texts: {best['now']['docs']} from {args.texts}; {best['now']['tokens']} tokens; "
          f"{args.rounds} rounds, best of each; CPUs {len(os.sched_getaffinity(0))}")
    for label in ("before", "now"):
        r = best[label]
        name = args.rev if label == "before" else "working tree"
        print(f"{label:6} ({name}): {r['seconds']:7.2f} s  {r['docs'] / r['seconds']:6.2f} docs/s  "
              f"{r['tokens'] / r['seconds']:7.0f} tokens/s  start-up on the seed {starts[label]:.2f} s")
    ratio = best["before"]["seconds"] / best["now"]["seconds"]
    print(f"throughput now/before: {ratio:.2f}; start-up change {starts['now'] - starts['before']:+.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
