"""spaCy pipeline components: each runs one extractor and stores records on ``Doc._``.

``claimx_quotes`` -> ``doc._.claimx_claims``, ``claimx_dates`` -> ``doc._.claimx_dates``
(reads the publication date from ``doc._.claimx_published``), ``claimx_places`` ->
``doc._.claimx_places``. ``claimx_place_ruler`` is an entity ruler seeded from our
place aliases, for names the small model mislabels. An extractor that raises leaves its
records empty and says why in ``doc._.claimx_failed``; the document is then reported as
an error instead of stopping the batch.
"""

from __future__ import annotations

from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc

from .extract.dates import extract_dates
from .extract.places import extract_places
from .extract.quotes import extract_claims
from .gazetteer import ruler_aliases

EXTENSIONS = ("claimx_published", "claimx_claims", "claimx_dates", "claimx_places", "claimx_failed")


def install_extensions() -> None:
    """Register the ``Doc._`` attributes (safe to call more than once)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class _Component:
    def __init__(self, name: str, attr: str, fn: Callable[[Doc], list]):
        install_extensions()
        self.name = name
        self.attr = attr
        self.fn = fn

    def __call__(self, doc: Doc) -> Doc:
        try:
            records = self.fn(doc)
        except Exception as exc:  # a bug must cost one document, not the batch
            records = []
            doc._.claimx_failed = f"{self.name} failed ({type(exc).__name__}: {exc}); please report it"
        setattr(doc._, self.attr, records)
        return doc


@Language.factory("claimx_quotes", assigns=["doc._.claimx_claims"],
                  requires=["token.dep", "token.lemma", "doc.ents"])
def make_quotes_component(nlp: Language, name: str) -> _Component:
    return _Component(name, "claimx_claims", extract_claims)


@Language.factory("claimx_dates", assigns=["doc._.claimx_dates"], requires=["doc.ents"])
def make_dates_component(nlp: Language, name: str) -> _Component:
    return _Component(name, "claimx_dates", lambda doc: extract_dates(doc, doc._.claimx_published))


@Language.factory("claimx_places", assigns=["doc._.claimx_places"], requires=["doc.ents"])
def make_places_component(nlp: Language, name: str) -> _Component:
    return _Component(name, "claimx_places", extract_places)


@Language.component("claimx_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headlines and paragraphs never merge.

    Runs before the parser, which keeps boundaries that are already set.
    """
    after_break = False
    for tok in doc:
        if tok.is_space and "\n" in tok.text:
            after_break = True
            continue
        if after_break and tok.i > 0:
            tok.is_sent_start = True
        after_break = "\n" in tok.whitespace_
    return doc


_RULER_LABELS = {"facility": "FAC", "other": "GPE", "region": "LOC", "city": "GPE", "country": "GPE"}


def add_place_ruler(nlp: Language) -> None:
    """Add an entity ruler after ``ner`` with patterns for our facility aliases."""
    ruler = nlp.add_pipe("entity_ruler", name="claimx_place_ruler", after="ner",
                         config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
    patterns = []
    for alias, ptype in ruler_aliases():
        patterns.append({"label": _RULER_LABELS[ptype], "pattern": alias})
    ruler.add_patterns(patterns)
