"""Shared fixtures: the model is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]
FIXTURES = ROOT / "fixtures"
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def nlp():
    from claimx import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def spans_in(node):
    """Every span-like dict (text, start, end) inside a JSON-like structure."""
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int) and isinstance(node.get("text"), str):
            yield node
        for value in node.values():
            yield from spans_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from spans_in(value)


def assert_offsets(document: dict, text: str) -> int:
    """Assert text[start:end] == span text for every span; return how many were checked."""
    n = 0
    for span in spans_in(document):
        assert 0 <= span["start"] <= span["end"] <= len(text), span
        assert text[span["start"]:span["end"]] == span["text"], span
        n += 1
    return n
