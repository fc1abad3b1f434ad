"""Value accuracy on our hand-labelled dates (fixtures/dates.tsv) and places (fixtures/places.tsv).

The checks themselves live in bench/labelled.py, which reports the same figures.
"""

from __future__ import annotations

import importlib.util

from .conftest import ROOT


def _bench():
    spec = importlib.util.spec_from_file_location("bench_labelled", ROOT / "bench" / "labelled.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_date_values(nlp):
    total, wrong = _bench().check_dates(nlp)
    assert total >= 100
    assert 1 - len(wrong) / total >= 0.95, wrong


def test_place_resolution(nlp):
    total, wrong = _bench().check_places(nlp)
    assert total >= 100
    assert 1 - len(wrong) / total >= 0.95, wrong
