"""Accuracy floor on our own labelled fixtures (fixtures/attribution.gold.jsonl).

The gold file holds every claim a reader should find in fixtures/*.txt, with speakers
and kinds, reviewed by hand. Accuracy may rise; it must not silently fall below these floors.
"""

from __future__ import annotations

import json

from claimx import extract_many
from claimx.evaluate import score
from claimx.io import TextInput

from .conftest import FIXTURES

FLOORS = {"overlap30_f1": 0.95, "exact_f1": 0.90, "speaker_accuracy": 0.95, "attribution_f1": 0.90}


def test_attribution_floor(nlp):
    gold = [json.loads(line) for line in (FIXTURES / "attribution.gold.jsonl").read_text(encoding="utf-8").splitlines()]
    items = [TextInput(g["id"], g["text"], id=g["id"], published=g["dct"]) for g in gold]
    system = [d.to_dict() for d in extract_many(items, nlp=nlp)]
    result, _ = score(gold, system)
    q = result["quotes"]
    got = {"overlap30_f1": q["overlap30"]["f1"], "exact_f1": q["exact"]["f1"],
           "speaker_accuracy": q["speaker"]["accuracy"], "attribution_f1": q["attribution"]["f1"]}
    for key, floor in FLOORS.items():
        assert got[key] >= floor, (key, got[key], floor)
