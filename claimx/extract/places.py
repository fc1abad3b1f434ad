"""Places: ``extract_places(doc) -> list[Place]``.

Mentions are spaCy GPE/LOC/FAC entities (and the FAC entities our ruler adds from
``resources/places.tsv``); nationalities (NORP) never count. Each mention is
resolved offline by ``gazetteer.resolve``; ambiguous names prefer countries
already named in the article, then population.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..gazetteer import ARTICLE_NAMES, resolve
from ..records import Place

_LABELS = {"GPE": "other", "LOC": "region", "FAC": "facility"}


_LOCATIVE = {"in", "from", "to", "near", "outside", "across", "into", "towards", "toward", "around", "throughout",
             "visited", "visit", "visits", "visiting"}


def _mention_bounds(doc: Doc, ent) -> tuple[int, int]:
    start = ent.start
    with_article = doc[start:ent.end].text
    if doc[start].lower_ == "the" and not (doc[start].text == "The" and with_article.lower() in ARTICLE_NAMES
                                           and resolve(with_article) is not None):
        start += 1
    end = ent.end
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return start, end


def _missed_places(doc: Doc) -> list:
    """Places the small model misses or calls a person: a country name outside any entity,
    a city of a million outside any entity, or a one-word PERSON/ORG right after "in",
    "from", "to", ... that the gazetteer knows as a city or country ("crews in Valencia")."""
    from spacy.tokens import Span as SpacySpan

    out = []
    propn = doc.vocab.strings.add("PROPN")
    tags = doc.to_array("POS").tolist() if len(doc) else []
    for tok in (doc[i] for i, pos in enumerate(tags) if pos == propn):
        if not tok.text[:1].isupper() or tok.text.isupper():
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            continue  # part of a longer name
        if tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN":
            continue
        after_locative = tok.i > 0 and doc[tok.i - 1].lower_ in _LOCATIVE
        if tok.ent_type_ and tok.ent_type_ not in ("PERSON", "ORG") or tok.ent_type_ == "PERSON" and not after_locative:
            continue
        hit = resolve(tok.text)
        if hit is None or hit.type not in ("country", "city"):
            continue
        if tok.ent_type_ == "PERSON" and not after_locative:
            continue  # "Chad", "Jordan": a person unless the sentence puts them somewhere
        if tok.ent_type_ == "ORG" and not (after_locative or hit.type == "country"):
            continue
        if hit.type == "city" and not after_locative and hit.population < 1_000_000:
            continue
        out.append(SpacySpan(doc, tok.i, tok.i + 1, label="GPE"))
    return out


def _acronym_like(doc: Doc, start: int, end: int) -> bool:
    """An abbreviation: one token with capitals after its first letter, or in brackets."""
    text = doc[start:end].text
    if end - start == 1 and any(ch.isupper() for ch in text[1:]):
        return True
    return start > 0 and end < len(doc) and doc[start - 1].text == "(" and doc[end].text == ")"


def extract_places(doc: Doc) -> list[Place]:
    """Place mentions of ``doc`` with canonical name, ISO country and type, in text order."""
    found: list[tuple[int, int, str]] = []
    for ent in list(doc.ents) + _missed_places(doc):
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
