"""Publication dates from an article's own date line (``--published auto``); stdlib only."""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_PATTERNS = (
    ("ymd", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("mdy", re.compile(r"\b" + _MONTH + r" (\d{1,2})(?:st|nd|rd|th)?, (\d{4})\b", re.I)),
    ("dmy", re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)? " + _MONTH + r",? (\d{4})\b", re.I)),
    ("numeric", re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")),
)
#: how far into the article a date line may stand
HEAD_LINES = 6


def find_dateline(text: str) -> Optional[str]:
    """The publication date an article states in its first lines, as ``YYYY-MM-DD``.

    Recognises "March 16, 2016", "16 March 2016", "16/03/2016 - 10:42" (day first
    unless that is impossible), "Published: 2016-03-16". Returns None when no line
    near the top carries a date.
    """
    lines = [ln for ln in text.split("\n", 40)[:40] if ln.strip()][:HEAD_LINES]
    for line in lines:
        if len(line) > 200:
            continue  # a paragraph, not a date line
        for kind, pattern in _PATTERNS:
            m = pattern.search(line)
            if not m:
                continue
            try:
                return _to_date(kind, m.groups()).isoformat()
            except ValueError:
                continue
    return None


def _to_date(kind: str, g: tuple) -> dt.date:
    if kind == "ymd":
        return dt.date(int(g[0]), int(g[1]), int(g[2]))
    if kind == "mdy":
        return dt.date(int(g[2]), _MONTHS[g[0][:3].lower()], int(g[1]))
    if kind == "dmy":
        return dt.date(int(g[2]), _MONTHS[g[1][:3].lower()], int(g[0]))
    a, b, year = int(g[0]), int(g[1]), int(g[2])
    if a > 12 or b <= 12:
        return dt.date(year, b, a)  # day first, the common order outside the US
    return dt.date(year, a, b)
