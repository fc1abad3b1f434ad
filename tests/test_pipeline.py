"""Library API: chunked long texts, streaming many inputs, components on their own."""

from __future__ import annotations

import spacy

from claimx import extract_many, extract_text
from claimx.errors import InputError
from claimx.io import TextInput
from claimx.pipeline import _chunks

from .conftest import assert_offsets

PARAGRAPH = '"We will rebuild the harbour wall before winter," said engineer Mia Kovac on Tuesday.\n\n'


def test_chunks_cover_text_exactly():
    text = "para one.\n\n" * 50 + "x" * 300
    pieces = _chunks(text, size=100)
    assert "".join(p for _, p in pieces) == text
    assert all(text[o:o + len(p)] == p for o, p in pieces)
    assert all(len(p) <= 100 for _, p in pieces)


def test_long_text_is_chunked_with_offsets(nlp, monkeypatch):
    monkeypatch.setattr("claimx.pipeline.CHUNK_CHARS", 400)
    text = "Advertisement\n" + "".join(PARAGRAPH.replace("harbour wall", f"harbour wall {i}") for i in range(12))
    doc = extract_text(text, nlp=nlp, published="2016-03-16")
    assert len(doc.claims) == 12
    assert {c.speaker.text for c in doc.claims} == {"Mia Kovac"}
    assert [c.id for c in doc.claims] == [f"c{i}" for i in range(1, 13)]
    assert [d.value for d in doc.dates if d.text == "Tuesday"] == ["2016-03-15"] * 12
    assert assert_offsets(doc.to_dict(), text) > 40


def test_extract_many_keeps_order_and_errors(nlp):
    items = [TextInput("a", PARAGRAPH), InputError("bad.txt", "binary data"), TextInput("b", "No quotes here.")]
    out = list(extract_many(items, nlp=nlp))
    assert [type(x).__name__ for x in out] == ["Document", "InputError", "Document"]
    assert out[0].source == "a" and out[2].source == "b"


def test_components_work_in_plain_nlp_pipe(nlp):
    docs = list(nlp.pipe([PARAGRAPH, "", " "]))
    assert docs[0]._.claimx_claims[0].speaker.text == "Mia Kovac"
    assert docs[1]._.claimx_claims == [] and docs[2]._.claimx_claims == []


def test_factories_registered_by_entry_point():
    nlp = spacy.blank("en")
    for name in ("claimx_quotes", "claimx_dates", "claimx_places"):
        assert name in spacy.registry.factories.get_all() or nlp.has_factory(name)
