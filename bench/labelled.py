#!/usr/bin/env python3
"""Value accuracy on our hand-labelled dates and resolution accuracy on our labelled places.

    python bench/labelled.py

``check_dates`` and ``check_places`` are also what tests/test_labelled_dates_places.py asserts on.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rows(name: str) -> list[list[str]]:
    """Rows of a labelled TSV file in fixtures/ (comments and blank lines skipped)."""
    lines = (ROOT / "fixtures" / name).read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln and not ln.startswith("#")]


def check_dates(nlp) -> tuple[int, list[str]]:
    """(number of rows, descriptions of the wrong ones) for fixtures/dates.tsv."""
    from claimx import extract_many
    from claimx.io import TextInput

    data = rows("dates.tsv")
    items = [TextInput(str(i), r[1], published=r[0]) for i, r in enumerate(data)]
    wrong = []
    for (pub, sentence, mention, value), doc in zip(data, extract_many(items, nlp=nlp)):
        got = [d.value for d in doc.dates if d.text == mention or d.text.endswith(" " + mention)]
        if not got or got[0] != (None if value == "None" else value):
            wrong.append(f"date  {sentence!r}: {mention} expected {value}, got {got}")
    return len(data), wrong


def check_places(nlp) -> tuple[int, list[str]]:
    """(number of rows, descriptions of the wrong ones) for fixtures/places.tsv."""
    from claimx import extract_many
    from claimx.io import TextInput

    data = rows("places.tsv")
    items = [TextInput(str(i), r[0]) for i, r in enumerate(data)]
    wrong = []
    for (sentence, mention, name, country, kind), doc in zip(data, extract_many(items, nlp=nlp)):
        got = [(p.name, p.country or "", p.type) for p in doc.locations if p.text == mention]
        if not got or got[0] != (name, country, kind):
            wrong.append(f"place {sentence!r}: {mention} expected {(name, country, kind)}, got {got}")
    return len(data), wrong


def main() -> None:
    from claimx import load_nlp

    nlp = load_nlp()
    for what, check, measure in (("dates", check_dates, "value"), ("places", check_places, "resolution")):
        total, wrong = check(nlp)
        for line in wrong:
            print(" ", line)
        right = total - len(wrong)
        print(f"{what}: {measure} accuracy {right}/{total} = {right / total:.3f}")


if __name__ == "__main__":
    main()
