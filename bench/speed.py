#!/usr/bin/env python3
"""Throughput of claimx extraction versus plain ``nlp.pipe`` of the same model, in one run.

    python bench/speed.py [--texts FILE.jsonl | --repeat N] [--limit N] [--batch-size N]

Texts: a JSON Lines file with a "text" key (e.g. ../shared/eval/polnear/train.jsonl when
present), else the seed article and our fixtures repeated. Prints docs/s and tokens/s of
(a) plain nlp.pipe with the full model and (b) claimx's extract_many, and their ratio.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_JSONL = ROOT.parent / "shared" / "eval" / "polnear" / "train.jsonl"


def load_texts(args) -> tuple[list[str], str]:
    path = Path(args.texts) if args.texts else DEFAULT_JSONL
    if path.exists():
        texts = []
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    texts.append(json.loads(line)["text"])
                if len(texts) >= args.limit:
                    break
        return texts, str(path)
    base = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    base += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]
    texts = (base * args.repeat)[: args.limit]
    return texts, "seeds/ + fixtures/ (repeated)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--texts", help="JSON Lines file with a 'text' key")
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()

    import spacy

    from claimx import load_nlp
    from claimx.io import TextInput
    from claimx.pipeline import DEFAULT_MODELS, extract_many

    texts, origin = load_texts(args)
    plain = None
    for name in DEFAULT_MODELS:
        try:
            plain = spacy.load(name)
            break
        except OSError:
            continue
    nlp = load_nlp()
    # warm up both pipelines (lazy tables, gazetteer)
    list(plain.pipe(texts[:5]))
    list(extract_many([TextInput(str(i), t) for i, t in enumerate(texts[:5])], nlp=nlp))

    t0 = time.perf_counter()
    n_tokens = 0
    for doc in plain.pipe(texts, batch_size=args.batch_size):
        n_tokens += len(doc)
    t_plain = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_claims = 0
    for doc in extract_many((TextInput(str(i), t) for i, t in enumerate(texts)), nlp=nlp,
                            published="2016-03-16", batch_size=args.batch_size):
        n_claims += len(doc.claims)
    t_claimx = time.perf_counter() - t0

    n = len(texts)
    print(f"texts: {n} from {origin}; {n_tokens} tokens; batch size {args.batch_size}")
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, "
          f"spaCy {spacy.__version__}, CPUs available {len(__import__('os').sched_getaffinity(0))}")
    print(f"(a) plain nlp.pipe : {t_plain:7.2f} s  {n / t_plain:7.1f} docs/s  {n_tokens / t_plain:9.0f} tokens/s")
    print(f"(b) claimx extract : {t_claimx:7.2f} s  {n / t_claimx:7.1f} docs/s  {n_tokens / t_claimx:9.0f} tokens/s"
          f"  ({n_claims} claims)")
    print(f"(b)/(a) throughput ratio: {t_plain / t_claimx:.2f}")


if __name__ == "__main__":
    sys.exit(main())
