"""Claim records: frozen dataclasses of JSON-native values and character offsets (stdlib only)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any, Callable, Optional

SCHEMA_ID = "claimx/1"


@dataclass(frozen=True)
class Span:
    """A stretch of text: ``text == source[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Speaker(Span):
    """Who speaks: the mention span, an optional role span and a resolved name."""

    role: Optional[Span] = None
    name: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        d["name"] = self.name or self.text
        d["role"] = self.role.to_dict() if self.role else None
        return d


@dataclass(frozen=True)
class Claim(Span):
    """One attributed statement."""

    id: str = ""
    kind: str = "direct"  # direct | indirect | mixed
    speaker: Optional[Speaker] = None
    cue: Optional[Span] = None
    medium: Optional[Span] = None
    dates: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    # character range of the sentences the claim and its attribution occupy
    context: tuple[int, int] = (0, 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            **Span.to_dict(self),
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "medium": self.medium.to_dict() if self.medium else None,
            "dates": list(self.dates),
            "locations": list(self.locations),
        }


@dataclass(frozen=True)
class DateMention(Span):
    """A date or time expression with its TimeML-style value (None when unknown)."""

    id: str = ""
    value: Optional[str] = None
    type: str = "DATE"  # DATE | TIME | DURATION | SET
    anchored: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, **Span.to_dict(self), "value": self.value,
                "type": self.type, "anchored": self.anchored}


@dataclass(frozen=True)
class Place(Span):
    """A place mention resolved against the offline gazetteer."""

    id: str = ""
    name: Optional[str] = None
    country: Optional[str] = None
    type: str = "other"  # country | region | city | facility | other
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonames_id: Optional[int] = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, **Span.to_dict(self), "name": self.name,
                "country": self.country, "type": self.type, "lat": self.lat,
                "lon": self.lon, "geonames_id": self.geonames_id}


@dataclass(frozen=True)
class Drop(Span):
    """A stretch of boilerplate removed before NLP, with the rule that removed it."""

    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {**Span.to_dict(self), "rule": self.rule}


@dataclass(frozen=True)
class Document:
    """Everything claimx found in one input text."""

    source: str
    published: Optional[str]
    claims: tuple[Claim, ...] = ()
    dates: tuple[DateMention, ...] = ()
    locations: tuple[Place, ...] = ()
    boilerplate: tuple[Drop, ...] = ()
    id: Optional[str] = None
    published_source: Optional[str] = None
    text: str = field(default="", repr=False, compare=False)
    root: Optional[str] = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"schema": SCHEMA_ID}
        if self.id is not None:
            d["id"] = self.id
        d["source"] = self.source
        d["published"] = self.published
        d["published_source"] = self.published_source
        d["claims"] = [c.to_dict() for c in self.claims]
        d["dates"] = [x.to_dict() for x in self.dates]
        d["locations"] = [x.to_dict() for x in self.locations]
        d["boilerplate"] = [x.to_dict() for x in self.boilerplate]
        return d


def map_span(span: Span, fn: Callable[[int, int], tuple[int, int]], text: str) -> Span:
    """Return a copy of ``span`` (and its nested spans) with offsets mapped by ``fn``.

    ``fn`` maps a (start, end) pair in one text to a pair in ``text``; the copy's
    ``text`` field is re-read from ``text`` so the offset invariant holds by construction.
    """
    start, end = fn(span.start, span.end)
    changes: dict[str, Any] = {"start": start, "end": end, "text": text[start:end]}
    for f in fields(span):
        value = getattr(span, f.name)
        if isinstance(value, Span):
            changes[f.name] = map_span(value, fn, text)
    if isinstance(span, Claim):
        cs, ce = fn(*span.context) if span.context[1] > span.context[0] else (start, end)
        changes["context"] = (cs, ce)
    return replace(span, **changes)
