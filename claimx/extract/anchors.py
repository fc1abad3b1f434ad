"""Document-level anchoring of dates: values that depend on other dates in the article.

``resolve_date`` sees one mention at a time and anchors it to the publication date. Some
expressions are anchored to another date of the same article instead, the way TimeML
annotators and HeidelTime's news strategy read them:

- earnings reports compare with "a year ago", "the year-earlier quarter", "the 1988
  period": with a reporting quarter in the text ("the third quarter" -> 1989-Q3) these
  mean the same quarter one year back (1988-Q3), not the whole year;
- "the quarter" and "the latest period" in such a report are the quarter it reports;
- "that year", "later that year", "the following year", "that day", "the next day"
  refer to the date mentioned last before them.

``anchor(mentions, published)`` returns the mentions with such values replaced; mentions
it does not recognise are returned unchanged.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Optional, Sequence

from ..records import DateMention
from .timex import QUARTER_NUMBERS

_ORDINAL_QUARTER = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+quarter\b")
_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])$")

#: comparisons with the same period one year back ("a year ago", "year-earlier", ...)
_YEAR_BACK = re.compile(
    r"(?:(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?year[-\s](?:ago|earlier)\b.*"
    r"|a\s+year\s+(?:ago|earlier|before)"
    r"|(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?(?:quarter|period)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)"
    r"|last\s+year's\s+(?:quarter|period|(?:first|second|third|fourth)\s+quarter))$")
#: "the 1988 quarter", "the 1989 period": a reported period of a given year
_YEAR_PERIOD = re.compile(r"(?:the\s+)?(1[5-9]\d\d|20\d\d)\s+(?:quarter|period)$")
#: the report's own period
_THIS_PERIOD = re.compile(r"(?:the\s+)?(?:latest\s+)?(?:quarter|period)|this\s+quarter")

#: anaphoric references to the date mentioned last: pattern -> (granularity, step)
_ANAPHORA = [
    (re.compile(r"(?:(?:early|earlier|late|later)\s+(?:in\s+)?)?that\s+year$"), "year", 0),
    (re.compile(r"(?:the\s+)?following\s+year$"), "year", 1),
    (re.compile(r"(?:the\s+)?previous\s+year|the\s+year\s+before$"), "year", -1),
    (re.compile(r"(?:(?:early|earlier|late|later)\s+(?:in\s+)?)?that\s+month$"), "month", 0),
    (re.compile(r"(?:the\s+)?following\s+month$"), "month", 1),
    (re.compile(r"(?:(?:early|earlier|late|later)\s+(?:in\s+)?)?that\s+day$"), "day", 0),
    (re.compile(r"(?:the\s+)?following\s+(?:day|morning)|the\s+next\s+(?:day|morning)$"), "day", 1),
    (re.compile(r"(?:the\s+)?(?:previous\s+day|day\s+before)$"), "day", -1),
]


def _norm(text: str) -> str:
    t = " ".join(text.lower().replace("\u2019", "'").split()).strip(" ,.;:")
    return re.sub(r"^(?:in|on|at|for|during|from|since|by|over)\s+", "", t)


def _explicit_quarter(mention: DateMention, t: str, published: Optional[str]) -> Optional[tuple[int, int]]:
    """(year, quarter) of a mention (normalised text ``t``) that names a quarter a report can
    be about: one that had ended by publication ("the third quarter", not "the fourth
    quarter of 1990")."""
    m = _QUARTER_VALUE.match(mention.value or "")
    if not m or not _ORDINAL_QUARTER.search(t) or _YEAR_BACK.match(t) or "last year" in t or "next year" in t:
        return None
    year, quarter = int(m.group(1)), int(m.group(2))
    if published and (year, quarter * 3) >= (int(published[:4]), int(published[5:7])):
        return None  # not over yet when the article appeared
    return year, quarter


def _year_back(t: str, ref: Optional[tuple[int, int]], published: Optional[str]) -> Optional[str]:
    """Value of a year-back comparison; None when ``t`` is not one."""
    if not _YEAR_BACK.match(t):
        return None
    own = _ORDINAL_QUARTER.search(t)
    if ref is not None:
        quarter = QUARTER_NUMBERS[own.group(1)] if own else ref[1]
        return f"{ref[0] - 1:04d}-Q{quarter}"
    if published:
        return f"{int(published[:4]) - 1:04d}"
    return None


def _shift(value: str, granularity: str, step: int) -> Optional[str]:
    """``value`` cut to ``granularity`` and moved by ``step`` units; None if too coarse."""
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    if granularity == "year":
        return f"{int(year) + step:04d}"
    if granularity == "month":
        if month is None:
            return None
        y, mo = divmod(int(year) * 12 + int(month) - 1 + step, 12)
        return f"{y:04d}-{mo + 1:02d}"
    if day is None:
        return None
    try:
        return (dt.date(int(year), int(month), int(day)) + dt.timedelta(days=step)).isoformat()
    except (ValueError, OverflowError):
        return None


def anchor(mentions: Sequence[DateMention], published: Optional[str]) -> list[DateMention]:
    """Replace values that depend on other dates of the same text (see the module doc)."""
    texts = [_norm(m.text) for m in mentions]
    quarters = [_explicit_quarter(m, t, published) for m, t in zip(mentions, texts)]
    first_quarter = next((q for q in quarters if q is not None), None)
    out: list[DateMention] = []
    last_quarter: Optional[tuple[int, int]] = None
    last_value: Optional[str] = None
    for mention, t, own_quarter in zip(mentions, texts, quarters):
        ref = last_quarter or first_quarter
        value = _year_back(t, ref, published)
        if value is None and ref is not None:
            m = _YEAR_PERIOD.match(t)
            if m:
                value = f"{m.group(1)}-Q{ref[1]}"
            elif _THIS_PERIOD.fullmatch(t):
                value = f"{ref[0]:04d}-Q{ref[1]}"
        if value is None and last_value is not None:
            for pattern, granularity, step in _ANAPHORA:
                if pattern.fullmatch(t):
                    value = _shift(last_value, granularity, step)
                    break
        if value is not None and value != mention.value:
            mention = dataclasses.replace(mention, value=value, type="DATE", anchored=True)
        if own_quarter is not None:
            last_quarter = own_quarter
        if mention.value and re.match(r"\d{4}", mention.value) and mention.type in ("DATE", "TIME"):
            last_value = mention.value
        out.append(mention)
    return out
