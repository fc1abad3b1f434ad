"""The one-way data flow, held by reading imports with ast."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "claimx"


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            names.add("." * node.level + mod)
    return names


def top(names: set[str]) -> set[str]:
    return {n.lstrip(".").split(".")[0] if not n.startswith(".") else n for n in names}


@pytest.mark.parametrize("module, forbidden", [
    ("records.py", {"spacy", "rich", "typer"}),
    ("io.py", {"spacy", "rich", "typer"}),
    ("clean.py", {"spacy", "rich", "typer"}),
    ("render.py", {"spacy", "typer"}),
    ("errors.py", {"spacy", "rich", "typer"}),
    ("gazetteer.py", {"spacy", "rich", "typer"}),
    ("batch.py", {"spacy", "rich", "typer"}),
    ("dateline.py", {"spacy", "rich", "typer"}),
    ("evaluate.py", {"spacy", "rich", "typer"}),
])
def test_module_does_not_import(module, forbidden):
    names = {n.split(".")[0] for n in imports_of(PKG / module) if not n.startswith(".")}
    assert not names & forbidden


def test_only_cli_imports_typer_and_nothing_imports_cli():
    for path in PKG.rglob("*.py"):
        names = imports_of(path)
        if path.name != "cli.py":
            assert "typer" not in {n.split(".")[0] for n in names}, path
        if path.name != "__main__.py":
            assert not any(n.endswith("cli") for n in names), path


def test_extractors_are_independent():
    for path in (PKG / "extract").glob("*.py"):
        names = imports_of(path)
        for bad in ("..io", "..render", "..cli", "..pipeline"):
            assert bad not in names, (path, bad)
        siblings = {n for n in names if n.startswith(".") and not n.startswith("..")}
        # shared helpers only: quote marks, date values (timex) and their document-level anchoring
        assert siblings <= {".marks", ".anchors", ".timex"}, (path, siblings)
        text = path.read_text(encoding="utf-8")
        assert "print(" not in text
