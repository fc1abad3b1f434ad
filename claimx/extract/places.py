"""Places: ``extract_places(doc) -> list[Place]``.

Mentions are spaCy GPE/LOC/FAC entities (and the FAC entities our ruler adds from
``resources/places.tsv``); nationalities (NORP) never count. Each mention is
resolved offline by ``gazetteer.resolve``; ambiguous names prefer countries
already named in the article, then population.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..gazetteer import resolve
from ..records import Place

_LABELS = {"GPE": "other", "LOC": "region", "FAC": "facility"}


def _mention_bounds(doc: Doc, ent) -> tuple[int, int]:
    start = ent.start
    if doc[start].lower_ == "the":
        start += 1
    end = ent.end
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return start, end


def _acronym_like(doc: Doc, start: int, end: int) -> bool:
    """An abbreviation: one token with capitals after its first letter, or in brackets."""
    text = doc[start:end].text
    if end - start == 1 and any(ch.isupper() for ch in text[1:]):
        return True
    return start > 0 and end < len(doc) and doc[start - 1].text == "(" and doc[end].text == ")"


def extract_places(doc: Doc) -> list[Place]:
    """Place mentions of ``doc`` with canonical name, ISO country and type, in text order."""
    found: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ not in _LABELS:
            continue
        s, e = _mention_bounds(doc, ent)
        if e <= s:
            continue
        if all(t.pos_ == "ADJ" for t in doc[s:e]):
            continue  # "Syrian" tagged GPE: an adjective is a nationality, not a place
        found.append((s, e, ent.label_))
    # first pass: countries named in the article guide ambiguous names
    prefer = set()
    resolved = []
    for s, e, label in found:
        span = doc[s:e]
        hit = resolve(span.text)
        resolved.append(hit)
        if hit is not None and hit.type == "country" and hit.country:
            prefer.add(hit.country)
    frozen = frozenset(prefer)
    places: list[Place] = []
    for (s, e, label), hit in zip(found, resolved):
        span = doc[s:e]
        if hit is not None and hit.type != "country":
            hit = resolve(span.text, frozen)
        if hit is None:
            if label == "GPE" and _acronym_like(doc, s, e) or any(t.like_num for t in span):
                continue  # unresolved acronyms such as "(MoD)" name organisations, not places
            places.append(Place(span.text, span.start_char, span.end_char, name=span.text,
                                country=None, type=_LABELS[label]))
            continue
        places.append(Place(span.text, span.start_char, span.end_char, name=hit.name,
                            country=hit.country, type=hit.type, lat=hit.lat, lon=hit.lon,
                            geonames_id=hit.geonames_id))
    return places
