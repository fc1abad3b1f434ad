"""Quotation-mark pairing."""

from __future__ import annotations

import time

import pytest

from claimx.extract.marks import find_quotes


def quoted(text):
    return [text[q.start:q.end] for q in find_quotes(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said "yes" and "no."', ["yes", "no."]),
    ("\u201cWe will win,\u201d she said.", ["We will win,"]),
    ("It was ''fine,'' he said.", ["fine,"]),
    ("``Great news,'' he said.", ["Great news,"]),
    ("The Government\u2019s and the forces\u2019 compliance.", []),
    ("She called it \u2018a good deal\u2019 on Monday.", ["a good deal"]),
    ("\u00abNon,\u00bb dit-il.", ["Non,"]),
    ('He is 6\'2" tall.', []),
    ('"First paragraph.\n\n"Second paragraph."', ["First paragraph.\n\n\"Second paragraph."]),
    ('"Never closed\nNext paragraph without a mark.', ["Never closed"]),
    ("", []),
])
def test_pairs(text, expected):
    assert quoted(text) == expected


def test_multi_paragraph_counts_paragraphs():
    q = find_quotes('"One.\n"Two.\n"Three."')[0]
    assert q.paragraphs == 3 and q.closed


def test_linear_on_pathological_input():
    text = '"' * 100_000 + "x" * 1_000_000
    started = time.perf_counter()
    find_quotes(text)
    assert time.perf_counter() - started < 10
