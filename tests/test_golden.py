"""Golden files: fixtures/NAME.txt -> fixtures/NAME.expected.json.

Regenerate after a deliberate change with ``CLAIMX_REGEN=1 pytest tests/test_golden.py``
and review the diff before committing.
"""

from __future__ import annotations

import json
import os

import pytest

from claimx import extract_text

from .conftest import FIXTURES, assert_offsets

#: every fixture article is read as published on this date
PUBLISHED = "2024-03-15"
ARTICLES = sorted(FIXTURES.glob("*.txt"))


def test_enough_fixture_articles():
    assert len(ARTICLES) >= 8


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_golden(nlp, path):
    text = path.read_text(encoding="utf-8")
    got = extract_text(text, nlp=nlp, published=PUBLISHED, source=f"fixtures/{path.name}").to_dict()
    assert_offsets(got, text)
    expected_path = path.with_suffix(".expected.json")
    if os.environ.get("CLAIMX_REGEN") or not expected_path.exists():
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert got == expected
