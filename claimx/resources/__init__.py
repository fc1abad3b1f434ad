"""Data files (word lists, boilerplate patterns, place aliases) and a reader for them."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


def read_lines(name: str) -> list[str]:
    """Lines of a resource file without comments (``#``) and blank lines."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append(line.rstrip("\n"))
    return out


@lru_cache(maxsize=None)
def read_sections(name: str) -> dict[str, frozenset[str]]:
    """A word list split into ``[section]`` blocks, lowercased."""
    sections: dict[str, set[str]] = {}
    current = ""
    for line in read_lines(name):
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, set())
        else:
            sections.setdefault(current, set()).add(line.lower())
    return {k: frozenset(v) for k, v in sections.items()}
