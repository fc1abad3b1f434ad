#!/usr/bin/env python3
"""Value accuracy on our hand-labelled dates and resolution accuracy on our labelled places.

    python bench/labelled.py
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rows(name: str) -> list[list[str]]:
    lines = (ROOT / "fixtures" / name).read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln and not ln.startswith("#")]


def main() -> None:
    from claimx import extract_many, load_nlp
    from claimx.io import TextInput

    nlp = load_nlp()
    dates = rows("dates.tsv")
    items = [TextInput(str(i), r[1], published=r[0]) for i, r in enumerate(dates)]
    right = 0
    for (pub, sentence, mention, value), doc in zip(dates, extract_many(items, nlp=nlp)):
        got = [d.value for d in doc.dates if d.text == mention or d.text.endswith(" " + mention)]
        ok = bool(got) and got[0] == (None if value == "None" else value)
        right += ok
        if not ok:
            print(f"  date  {sentence!r}: {mention} expected {value}, got {got}")
    print(f"dates: value accuracy {right}/{len(dates)} = {right / len(dates):.3f}")
    places = rows("places.tsv")
    items = [TextInput(str(i), r[0]) for i, r in enumerate(places)]
    right = 0
    for (sentence, mention, name, country, kind), doc in zip(places, extract_many(items, nlp=nlp)):
        got = [(p.name, p.country or "", p.type) for p in doc.locations if p.text == mention]
        ok = bool(got) and got[0] == (name, country, kind)
        right += ok
        if not ok:
            print(f"  place {sentence!r}: {mention} expected {(name, country, kind)}, got {got}")
    print(f"places: resolution accuracy {right}/{len(places)} = {right / len(places):.3f}")


if __name__ == "__main__":
    main()
