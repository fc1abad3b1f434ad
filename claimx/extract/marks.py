"""Quotation marks: a single linear scan that pairs opening and closing marks.

Handles straight ``"..."``, curly ``“...”``, typewriter ``''...''`` and `````...''``,
guillemets and single curly quotes ``‘...’``; an apostrophe inside or at the end
of a word (Government’s, forces’) is never a mark. A quote left open at the end
of a paragraph continues when the next paragraph reopens it (one quote over
several paragraphs) and is otherwise closed at the paragraph's end.
"""

from __future__ import annotations

from dataclasses import dataclass

_OPEN_AFTER = set(" \t\n([{\u2014\u2013-/:;,")
_CLOSE_BEFORE = set(" \t\n)]}.,;:!?\u2014\u2013-/")


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: ``outer`` includes the marks, ``inner`` is the quoted text."""

    outer_start: int
    start: int
    end: int
    outer_end: int
    paragraphs: int = 1
    closed: bool = True


def _mark_at(text: str, i: int) -> tuple[str, int]:
    """(kind, length) of a quote mark at ``i``: kind is 'open', 'close', 'either' or ''."""
    ch = text[i]
    n = len(text)
    prev = text[i - 1] if i > 0 else "\n"
    if ch == "\u201c" or ch == "\u201e" or ch == "\u00ab":
        return "open", 1
    if ch == "\u201d" or ch == "\u00bb":
        return "close", 1
    if ch == "`" and i + 1 < n and text[i + 1] == "`":
        return "open", 2
    if ch == "'" and i + 1 < n and text[i + 1] == "'":
        nxt = text[i + 2] if i + 2 < n else "\n"
        if prev in _OPEN_AFTER and not nxt.isspace():
            return "open", 2
        return "close", 2
    if ch == '"':
        nxt = text[i + 1] if i + 1 < n else "\n"
        can_open = (prev in _OPEN_AFTER or prev in "\u201c\u2018") and not nxt.isspace()
        can_close = not prev.isspace() and (nxt in _CLOSE_BEFORE or nxt in "\u201d\u2019'")
        if can_open and not can_close:
            return "open", 1
        if can_close and not can_open:
            return "close", 1
        if can_open and can_close:
            return "either", 1
        return "either", 1
    return "", 0


def _single_mark(text: str, i: int) -> str:
    """'open'/'close'/'' for single curly quotes (apostrophes are '')."""
    ch = text[i]
    n = len(text)
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < n else "\n"
    if ch == "\u2018" and (prev in _OPEN_AFTER or prev in "\u201c\"") and nxt.isalnum():
        return "open"
    if ch == "\u2019" and not prev.isspace() and not nxt.isalnum():
        return "close"
    return ""


def _reopens(text: str, i: int) -> int:
    """If the paragraph starting at ``i`` opens with a quote mark, its length; else 0."""
    if i >= len(text):
        return 0
    kind, length = _mark_at(text, i)
    if kind in ("open", "either"):
        return length
    return 0


def find_quotes(text: str) -> list[QuoteSpan]:
    """All outermost quotations in ``text``, in order, in linear time."""
    out: list[QuoteSpan] = []
    n = len(text)
    i = 0
    open_at = -1       # index of the opening mark of the current double quote
    open_len = 0
    single_at = -1     # index of an open single curly quote (only outside double quotes)
    paragraphs = 1

    def emit(close_start: int, close_len: int, closed: bool) -> None:
        s = open_at + open_len
        e = close_start
        if e > s:
            out.append(QuoteSpan(open_at, s, e, close_start + close_len, paragraphs, closed))

    while i < n:
        ch = text[i]
        if ch == "\n":
            if open_at >= 0 or single_at >= 0:
                # skip blank lines to find the next paragraph
                j = i
                while j < n and text[j] in "\n \t":
                    j += 1
                reopen = _reopens(text, j) if open_at >= 0 else 0
                if reopen:
                    paragraphs += 1
                    i = j + reopen
                    continue
                if open_at >= 0:
                    end = i
                    while end > open_at + open_len and text[end - 1].isspace():
                        end -= 1
                    emit(end, 0, False)
                    open_at = -1
                single_at = -1
                paragraphs = 1
            i += 1
            continue
        if ch in "\u2018\u2019" and open_at < 0:
            kind = _single_mark(text, i)
            if kind == "open" and single_at < 0:
                single_at = i
            elif kind == "close" and single_at >= 0:
                if i > single_at + 1:
                    out.append(QuoteSpan(single_at, single_at + 1, i, i + 1))
                single_at = -1
            i += 1
            continue
        kind, length = _mark_at(text, i)
        if not kind:
            i += 1
            continue
        if open_at < 0:
            if kind in ("open", "either"):
                single_at = -1
                open_at, open_len, paragraphs = i, length, 1
        elif kind in ("close", "either") or kind == "open":
            # an opener while open means a missing closer; close here either way
            emit(i, length, True)
            open_at = -1
            paragraphs = 1
        i += length
    if open_at >= 0:
        end = n
        while end > open_at + open_len and text[end - 1].isspace():
            end -= 1
        emit(end, 0, False)
    return out
