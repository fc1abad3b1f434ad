"""Value accuracy on our hand-labelled dates (fixtures/dates.tsv) and places (fixtures/places.tsv)."""

from __future__ import annotations

from claimx import extract_many
from claimx.io import TextInput

from .conftest import FIXTURES


def rows(name):
    out = []
    for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


def test_date_values(nlp):
    data = rows("dates.tsv")
    assert len(data) >= 100
    items = [TextInput(str(i), sentence, published=pub) for i, (pub, sentence, _, _) in enumerate(data)]
    wrong = []
    for (pub, sentence, mention, value), doc in zip(data, extract_many(items, nlp=nlp)):
        got = [d.value for d in doc.dates if d.text == mention or d.text.endswith(" " + mention)]
        expected = None if value == "None" else value
        if not got or got[0] != expected:
            wrong.append((sentence, mention, value, [(d.text, d.value) for d in doc.dates]))
    accuracy = 1 - len(wrong) / len(data)
    assert accuracy >= 0.95, wrong


def test_place_resolution(nlp):
    data = rows("places.tsv")
    assert len(data) >= 100
    items = [TextInput(str(i), sentence) for i, (sentence, _, _, _, _) in enumerate(data)]
    wrong = []
    for (sentence, mention, name, country, kind), doc in zip(data, extract_many(items, nlp=nlp)):
        got = [(p.name, p.country or "", p.type) for p in doc.locations if p.text == mention]
        if not got or got[0] != (name, country, kind):
            wrong.append((sentence, mention, (name, country, kind), [(p.text, p.name, p.country, p.type) for p in doc.locations]))
    accuracy = 1 - len(wrong) / len(data)
    assert accuracy >= 0.95, wrong
