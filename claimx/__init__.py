"""claimx: structured claims (who said what, when, where) from news articles.

The public API is loaded lazily so that ``import claimx`` (and ``claimx --help``)
stays fast and does not import spaCy.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["extract_text", "extract_many", "load_nlp", "clean", "Document", "__version__"]


def __getattr__(name: str):
    if name in ("extract_text", "extract_many", "load_nlp"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "clean":
        from .clean import clean

        return clean
    if name == "Document":
        from .records import Document

        return Document
    raise AttributeError(f"module 'claimx' has no attribute {name!r}")
