"""TimeML values of date expressions: ``resolve_date(text, published, tense)``.

Pure string rules, no spaCy: "on Tuesday" + publication date + tense -> ``2016-03-15``.
Values follow TimeML/TIMEX3: days ``2016-03-15``, months ``2016-03``, years ``2016``, ISO
weeks ``2016-W10``, decades ``199``, quarters ``2016-Q1``, halves ``1989-H2``, seasons,
parts of day, ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF`` and durations ``P3D``. Relative
expressions resolve against the publication date; without one they get no value.
``resolve_date`` is cached by its arguments.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Optional

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"])}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
NUMBERS.update({w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())})
NUMBERS.update({"a": 1, "an": 1, "couple": 2, "a couple of": 2, "hundred": 100})
VAGUE = {"several", "few", "a few", "many", "some", "couple of"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "hour": "H",
         "minute": "M", "second": "S", "century": "CE"}

MONTH_NAMES = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
_RE_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_RE_DMY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH_NAMES + r"(?:,?\s+(\d{4}))?")
_RE_MDY = re.compile(MONTH_NAMES + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?")
_RE_MY = re.compile(MONTH_NAMES + r",?\s+(\d{4})")
_RE_MONTH = re.compile(r"(?:in\s+|last\s+|next\s+|this\s+)?" + MONTH_NAMES + r"$")
_RE_YEAR = re.compile(r"(?:in\s+|the\s+year\s+)?(1[5-9]\d\d|20\d\d)$")
_RE_DECADE = re.compile(r"(?:the\s+)?(?:early\s+|mid-?|late\s+)?(1[5-9]\d|20\d)0'?s$")
_RE_CENTURY = re.compile(r"(?:the\s+|a\s+)?(\d{1,2})(?:st|nd|rd|th)[-\s]+century")
_RE_AGO = re.compile(r"(\w+)\s+(day|week|month|year|decade)s?\s+ago$")
_RE_DURATION = re.compile(r"(?:the\s+)?(?:past\s+|last\s+|next\s+|coming\s+|first\s+)?(a\s+few|a\s+couple\s+of|[\w-]+)\s+(day|week|month|year|decade|hour|minute)s?(?:\s+long)?$")
_RE_HYPHEN_DURATION = re.compile(r"(?:a\s+)?(\w+)-(hour|minute|day|week|month|year|decade)(?:-long)?$")
_RE_MODIFIER = re.compile(r"^(more\s+than|less\s+than|fewer\s+than|about|nearly|almost|at\s+least|at\s+most|some|over|under|up\s+to|around|roughly|just|only|approximately)\s+")
_RE_SEASON = re.compile(r"(?:(last|next|this|the\s+coming|the\s+past|early|late)\s+)?(spring|summer|autumn|fall|winter)(?:\s+of\s+(\d{4})|\s+(\d{4}))?$")
_RE_ANY_MONTH = re.compile(r"\b" + MONTH_NAMES + r"\b")
_RE_REL = re.compile(r"(last|next|this|past|coming)\s+(week|month|year|weekend)$")

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_RE_CLOCK = re.compile(r"(\d{1,2})(?::(\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?)")
_RE_CLOCK24 = re.compile(r"(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])")
RE_QUARTER = re.compile(r"(?:the\s+)?(?:fiscal\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)(?:-|\s+)quarter")
QUARTER_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

PRESENT = {"now", "currently", "current", "nowadays", "at present", "at the moment", "right now", "present",
           "these days", "today's"}
PAST = {"recently", "recent", "lately", "the past", "previously", "formerly", "in the past"}
FUTURE = {"soon", "the future", "future", "in the future", "shortly", "the near future", "the coming days"}


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _closest_year(month: int, day: Optional[int], pub: dt.date, tense: str = "") -> int:
    """Year for a month (and day) without one: the latest on or before publication in
    past-tense context, the earliest after it in future-tense context (a month back still
    counts: "is to be enforced from 27 February" printed on 16 March lags, it does not
    mean next year), else the closest."""
    if tense == "past" and day is None and month == pub.month % 12 + 1:
        tense = ""  # "cuts supply in September" told in August: the coming September
    if tense in ("past", "future"):
        since = pub - dt.timedelta(days=31) if tense == "future" else pub
        for y in ((pub.year, pub.year - 1) if tense == "past" else (pub.year, pub.year + 1)):
            try:
                cand = dt.date(y, month, day or 1)
            except ValueError:
                continue
            if (tense == "past" and cand <= pub) or (tense == "future" and (cand >= since or (day is None and (y, month) == (pub.year, pub.month)))):
                return y
    best = pub.year
    best_gap = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            cand = dt.date(y, month, day or 15)
        except ValueError:
            continue
        gap = (cand - pub).days
        gap = gap * 1.5 if gap > 0 else -gap  # news looks back more often than ahead
        if best_gap is None or gap < best_gap:
            best, best_gap = y, gap
    return best


def _weekday_of(year: int, month: int, day: int) -> Optional[int]:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


def _number(word: str) -> Optional[int]:
    """Value of a number word or digits ("twenty-five" -> 25); None if not a number."""
    word = " ".join(word.split())
    if word.isdigit():
        return int(word)
    if "-" in word:
        tens, _, ones = word.partition("-")
        if tens in NUMBERS and ones in NUMBERS and NUMBERS[ones] < 10:
            return NUMBERS[tens] + NUMBERS[ones]
    return NUMBERS.get(word)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def _spelled_year(t: str) -> Optional[str]:
    """ "nineteen ninety-six" -> 1996, "the year two thousand" -> 2000, "the nineties" -> 199."""
    t = re.sub(r"^(?:the\s+)?year\s+", "", t)
    m = re.fullmatch(r"(?:the\s+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)", t)
    if m:
        return f"19{_DECADE_WORDS[m.group(1)]}"
    words = t.split()
    if len(words) >= 2 and words[0] in ("nineteen", "eighteen") and all(w in NUMBERS or "-" in w for w in words[1:]):
        tail = _number(" ".join(words[1:])) if len(words) == 2 else None
        if tail is not None and 0 <= tail < 100:
            return f"{(19 if words[0] == 'nineteen' else 18)}{tail:02d}"
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        tail = _number(" ".join(rest)) if rest else 0
        if tail is not None and tail < 100:
            return f"{2000 + tail}"
    return None


RE_ZONE = re.compile(r"\b(?:[a-z]{1,2}[sd]t|gmt|utc|local time)\b")
_RE_PART = re.compile(r"^(?:mid-?|early\s+|late\s+)?(morning|afternoon|evening|night)\s+|\s+(?:mid-?|early\s+|late\s+)?(morning|afternoon|evening|night)$")


def _time_of_day(t: str, pub: Optional[dt.date], tense: str) -> Optional[str]:
    """Clock times ("10:35 a.m.", "9 a.m. Tuesday", "5 p.m. EST Nov. 9", "midday"),
    parts of named days ("mid-afternoon yesterday") and "tonight"/"this morning"."""
    if pub is None:
        return None
    if t in ("tonight", "this evening", "this morning", "this afternoon", "last night"):
        day = pub - dt.timedelta(days=1) if t == "last night" else pub
        code = {"tonight": "NI", "last night": "NI"}.get(t) or PARTS_OF_DAY[t.split()[-1]]
        return f"{day.isoformat()}T{code}"
    clock = _RE_CLOCK.search(t)
    clock24 = None if clock else _RE_CLOCK24.search(t)
    hour = minute = None
    rest = t
    if clock:
        hour, minute = int(clock.group(1)), int(clock.group(2) or 0)
        if hour > 12 or minute > 59:
            return None
        pm = clock.group(3).startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
        rest = t[:clock.start()] + " " + t[clock.end():]
    elif clock24:
        hour, minute = int(clock24.group(1)), int(clock24.group(2))
        rest = t[:clock24.start()] + " " + t[clock24.end():]
    else:
        m = re.match(r"(noon|midday|midnight)\b", t)
        if m:
            hour, minute = (24 if m.group(1) == "midnight" else 12), 0
            rest = t[m.end():]
    rest = " ".join(RE_ZONE.sub(" ", rest).replace(",", " ").split())
    rest = re.sub(r"^(?:(?:on|at|about|around|approximately|roughly|nearly|shortly|just|some|before|after"
                  r"|by|until|till|since|from|to)\s+)+", "", rest + " ").strip()
    if hour is None:
        part = _RE_PART.search(t)
        rest = (t[:part.start()] + t[part.end():]).strip() if part else ""
        if not part or rest not in ("yesterday", "today", "tomorrow") and rest not in WEEKDAYS:
            return None
        code = PARTS_OF_DAY[part.group(1) or part.group(2)]
    day = pub
    if rest:
        value, _ = resolve_date(rest, pub.isoformat(), tense)
        if value is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return None
        day = dt.date.fromisoformat(value)
    if hour is None:
        return f"{day.isoformat()}T{code}"
    utc = "Z" if re.search(r"\b(?:utc|gmt)\b", t) else ""
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}{utc}"


_RE_HALF = re.compile(r"(?:the\s+)?(first|second|last|latter)\s+(?:half|two\s+quarters)\s+of\s+(.+)")

#: holidays by name: fixed (month, day), or (month, weekday, n) for the n-th weekday of the
#: month (n = -1: the last one); US federal holidays and widely reported days
HOLIDAYS: dict[str, tuple[int, ...]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "st. patrick's day": (3, 17), "may day": (5, 1), "independence day": (7, 4), "bastille day": (7, 14),
    "halloween": (10, 31), "veterans day": (11, 11), "armistice day": (11, 11), "remembrance day": (11, 11),
    "christmas eve": (12, 24), "christmas": (12, 25), "christmas day": (12, 25), "boxing day": (12, 26),
    "martin luther king day": (1, 0, 3), "presidents day": (2, 0, 3), "presidents' day": (2, 0, 3),
    "memorial day": (5, 0, -1), "labor day": (9, 0, 1), "columbus day": (10, 0, 2),
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4),
    "election day": (11, 1, 0),  # US: the Tuesday after the first Monday of November
    "easter": (), "easter sunday": (), "good friday": (), "easter monday": (),
}
_EASTER_OFFSETS = {"easter": 0, "easter sunday": 0, "good friday": -2, "easter monday": 1}


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _holiday_in(name: str, year: int) -> dt.date:
    rule = HOLIDAYS[name]
    if not rule:
        return _easter(year) + dt.timedelta(days=_EASTER_OFFSETS[name])
    if len(rule) == 2:
        return dt.date(year, *rule)
    month, weekday, n = rule
    if n == 0:  # election day
        first_monday = dt.date(year, month, 1) + dt.timedelta(days=(0 - dt.date(year, month, 1).weekday()) % 7)
        return first_monday + dt.timedelta(days=1)
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _holiday(t: str, published: Optional[str], tense: str) -> Optional[str]:
    """ "Thanksgiving", "last Christmas", "Easter 1998" -> the day; None if not a holiday."""
    m = re.fullmatch(r"(?:(last|next|this)\s+)?(.+?)(?:,?\s+(1[5-9]\d\d|20\d\d))?", t)
    if not m or m.group(2) not in HOLIDAYS:
        return None
    mod, name, year = m.groups()
    if year:
        return _holiday_in(name, int(year)).isoformat()
    if not published:
        return None
    pub = dt.date.fromisoformat(published[:10])
    before = next(d for d in (_holiday_in(name, y) for y in (pub.year, pub.year - 1)) if d <= pub)
    after = next(d for d in (_holiday_in(name, y) for y in (pub.year, pub.year + 1)) if d >= pub)
    if mod == "last" or (mod is None and tense == "past"):
        return before.isoformat()
    if mod in ("next", "this") or tense == "future":
        return after.isoformat()
    return min((before, after), key=lambda d: abs((d - pub).days)).isoformat()


def _quarter(t: str, pub: Optional[dt.date], tense: str = "") -> Optional[str]:
    """ "the third quarter" -> 1989-Q3 (the latest such quarter up to publication; the
    coming one in future-tense context)."""
    m = RE_QUARTER.search(t)
    year_m = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", t)
    if m:
        q = QUARTER_NUMBERS[m.group(1)]
        if year_m:
            return f"{year_m.group(1)}-Q{q}"
        if pub is None:
            return None
        year = pub.year if q <= (pub.month - 1) // 3 + 1 or tense == "future" else pub.year - 1
        if t.startswith(("last year", "a year")):
            year -= 1
        elif t.startswith("next year"):
            year = pub.year + 1
        return f"{year:04d}-Q{q}"
    if t in ("the current quarter", "this quarter") and pub is not None:
        return f"{pub.year:04d}-Q{(pub.month - 1) // 3 + 1}"
    if t in ("the quarter", "the latest quarter", "the latest period", "the period") and pub is not None:
        q = (pub.month - 1) // 3  # the quarter just reported: the last one completed
        year = pub.year if q else pub.year - 1
        return f"{year:04d}-Q{q or 4}"
    return None


@lru_cache(maxsize=8192)
def resolve_date(text: str, published: Optional[str], tense: str = "") -> tuple[Optional[str], str]:
    """TimeML value and type of a date expression (see ``_resolve``); a date that cannot
    exist ("Feb. 30", a holiday in the year 10000) has no value rather than an error."""
    try:
        return _resolve(text, published, tense)
    except (ValueError, OverflowError):
        return None, "DATE"


def _resolve(text: str, published: Optional[str], tense: str = "") -> tuple[Optional[str], str]:
    """TimeML value and type of a date expression.

    Args:
        text: the mention, e.g. "on Tuesday", "27 February", "last week".
        published: publication date ``YYYY-MM-DD`` or None.
        tense: "past", "future" or "" (unknown), from the clause the date sits in.

    Returns:
        (value or None, type) where type is DATE, TIME, DURATION or SET.
    """
    t = " ".join(text.lower().replace("\u2019", "'").split()).strip(" ,.;:")
    t = re.sub(r"^(on|in|at(?!\s+(?:least|most)\b)|by|since|until|from|during|of|for|between|before|after|through)\s+", "", t)
    t = re.sub(r"'s?$", "", t)
    t = re.sub(r"^(?:just|later|earlier|as recently as)\s+(?=(?:today|tonight|yesterday|tomorrow|this|last|next|a|an|\w+ (?:days?|weeks?|months?|years?) ago)\b)", "", t)
    t = re.sub(r"^(?:sometime|some time|both|as early as|as late as|no later than|as soon as)\s+(?=\S)", "", t)
    m = re.fullmatch(r"(?:earlier|later|early|late)\s+in\s+the\s+(day|week|month|year)", t)
    if m:  # "earlier in the year": the publication's year
        t = {"day": "today", "week": "this week", "month": "this month", "year": "this year"}[m.group(1)]
    t = re.sub(r"^(?:fiscal|early|late|mid|the end of|the start of|the beginning of|the middle of)[\s-]+(?=\S)", "", t)
    m = _RE_HALF.fullmatch(t)
    if m:
        inner, _ = resolve_date(m.group(2), published, tense)
        if inner is not None and re.fullmatch(r"\d{4}", inner):
            return f"{inner}-H{1 if m.group(1) == 'first' else 2}", "DATE"
    holiday = _holiday(t, published, tense)
    if holiday is not None:
        return holiday, "DATE"
    spelled = _spelled_year(t)
    if spelled is not None:
        return spelled, "DATE"
    if re.fullmatch(r"(?:recent|past) (?:days|weeks|months|years)", t):
        return "PAST_REF", "DATE"
    if re.fullmatch(r"(?:the )?(?:coming|next few|upcoming) (?:days|weeks|months|years)", t):
        return "FUTURE_REF", "DATE"
    t = re.sub(r"\b(earlier|before)$", "ago", t) if re.match(r"(a|an|\w+) (day|week|month|year)s? (earlier|before)$", t) else t
    pub = dt.date.fromisoformat(published) if published else None
    if t in ("the weekend", "this weekend", "weekend") and pub is not None:
        # the weekend just past in past-tense context, else the coming one
        saturday = pub + dt.timedelta(days=(5 - pub.weekday()) % 7)
        if tense == "past" or (tense == "" and pub.weekday() < 2):
            saturday -= dt.timedelta(days=7) if saturday > pub else dt.timedelta(0)
        return _week(saturday) + "-WE", "DATE"
    if t in PRESENT or t in PAST or t in FUTURE:
        return ("PRESENT_REF" if t in PRESENT else "PAST_REF" if t in PAST else "FUTURE_REF"), "DATE"
    value = _time_of_day(t, pub, tense)
    if value is not None:
        return value, "TIME"
    quarter = _quarter(t, pub, tense)
    if quarter is not None:
        return quarter, "DATE"
    if t.startswith("every ") or t in ("daily", "weekly", "monthly", "annually", "yearly"):
        return None, "SET"
    m = _RE_ISO.search(t)
    if m:
        return m.group(0), "DATE"
    m = _RE_DMY.search(t) or _RE_MDY.search(t)
    if m:
        if m.re is _RE_DMY:
            day, mon, year = int(m.group(1)), MONTHS[m.group(2)], m.group(3)
        else:
            mon, day, year = MONTHS[m.group(1)], int(m.group(2)), m.group(3)
        if 1 <= day <= 31:
            if year:
                return dt.date(int(year), mon, day).isoformat(), "DATE"  # ValueError: no such day
            if pub:
                named = [WEEKDAYS[w] for w in re.findall(r"[a-z]+", t) if w in WEEKDAYS]
                year = _closest_year(mon, day, pub, tense)
                if named:  # "Monday, Oct. 26": the year in which that day is a Monday
                    fits = [y for y in sorted((pub.year, pub.year - 1, pub.year + 1), key=lambda y: abs(y - year))
                            if _weekday_of(y, mon, day) == named[0]]
                    year = fits[0] if fits else year
                return dt.date(year, mon, day).isoformat(), "DATE"
            return f"XXXX-{mon:02d}-{day:02d}", "DATE"
    m = re.fullmatch(MONTH_NAMES + r",?\s+(?:of\s+)?(last|next|this)\s+year", t)
    if m and pub:  # "October of next year", "July last year"
        year = pub.year + {"last": -1, "next": 1, "this": 0}[m.group(2)]
        return f"{year:04d}-{MONTHS[m.group(1)]:02d}", "DATE"
    m = _RE_MY.search(t)
    if m:
        return f"{int(m.group(2)):04d}-{MONTHS[m.group(1)]:02d}", "DATE"
    m = _RE_MONTH.match(t)
    if m:
        mon = MONTHS[m.group(1)]
        if not pub:
            return None, "DATE"
        year = pub.year
        if t.startswith("last "):
            year = pub.year if mon < pub.month else pub.year - 1
        elif t.startswith("next "):
            year = pub.year if mon > pub.month else pub.year + 1
        elif not t.startswith("this "):
            year = _closest_year(mon, None, pub, tense)
        return f"{year:04d}-{mon:02d}", "DATE"
    m = _RE_YEAR.match(t)
    if m:
        return m.group(1), "DATE"
    m = _RE_DECADE.match(t)
    if m:
        return m.group(1), "DATE"
    words = t.split()
    part = PARTS_OF_DAY.get(words[-1]) if len(words) >= 2 else None
    if part and words[-2] in WEEKDAYS:
        day, _ = resolve_date(" ".join(words[:-1]), published, tense)
        return (f"{day}T{part}" if day else None), "TIME"
    if len(words) > 2:
        inner = [w for w in words if w.strip(",") in WEEKDAYS]
        if len(inner) == 1 and not re.search(r"\d", t):
            return resolve_date(inner[0].strip(","), published, tense)
    if words and words[-1] in WEEKDAYS and len(words) <= 2:
        if not pub:
            return None, "DATE"
        target = WEEKDAYS[words[-1]]
        mod = words[0] if len(words) == 2 else ""
        back = (pub.weekday() - target) % 7
        fwd = (target - pub.weekday()) % 7
        if mod == "last":
            back = back or 7
            return _iso(pub - dt.timedelta(days=back)), "DATE"
        if mod == "next":
            fwd = fwd or 7
            return _iso(pub + dt.timedelta(days=fwd)), "DATE"
        if tense == "future":
            return _iso(pub + dt.timedelta(days=fwd)), "DATE"
        if tense == "past" or back <= fwd:
            return _iso(pub - dt.timedelta(days=back)), "DATE"
        return _iso(pub + dt.timedelta(days=fwd)), "DATE"
    simple = {"today": 0, "yesterday": -1, "tomorrow": 1}  # parts of days went to _time_of_day above
    if t in simple:
        if not pub:
            return None, "DATE"
        return _iso(pub + dt.timedelta(days=simple[t])), "DATE"
    m = _RE_REL.match(t)
    if m:
        if not pub:
            return None, "DATE"
        mod, unit = m.groups()
        step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[mod]
        if unit in ("week", "weekend"):
            d = pub + dt.timedelta(weeks=step)
            return _week(d) + ("-WE" if unit == "weekend" else ""), "DATE"
        if unit == "month":
            y, mo = divmod(pub.year * 12 + pub.month - 1 + step, 12)
            return f"{y:04d}-{mo + 1:02d}", "DATE"
        return f"{pub.year + step:04d}", "DATE"
    if t in ("the year", "the current year", "the current fiscal year", "the fiscal year", "this fiscal year",
             "the full year", "the whole year", "the entire year") and pub:
        return f"{pub.year:04d}", "DATE"
    if t in ("earlier this year", "later this year", "this year's"):
        return (f"{pub.year:04d}" if pub else None), "DATE"
    if t in ("earlier this month", "later this month"):
        return (f"{pub.year:04d}-{pub.month:02d}" if pub else None), "DATE"
    if t in ("earlier this week", "later this week"):
        return (_week(pub) if pub else None), "DATE"
    m = _RE_AGO.match(_RE_MODIFIER.sub("", t))
    if m:
        n = _number(m.group(1))
        if not pub or n is None:
            return ("PAST_REF" if n is None else None), "DATE"
        unit = m.group(2)
        if unit == "day":
            return _iso(pub - dt.timedelta(days=n)), "DATE"
        if unit == "week":
            return _week(pub - dt.timedelta(weeks=n)), "DATE"
        if unit == "month":
            y, mo = divmod(pub.year * 12 + pub.month - 1 - n, 12)
            return f"{y:04d}-{mo + 1:02d}", "DATE"
        return f"{pub.year - n * (10 if unit == 'decade' else 1):04d}", "DATE"
    m = _RE_CENTURY.fullmatch(t)
    if m:  # "the 20th century" -> 19 (TimeML: the first two digits of its years)
        n = int(m.group(1))
        return (f"{n - 1:02d}" if 1 < n <= 21 else None), "DATE"
    m = _RE_DURATION.match(_RE_MODIFIER.sub("", t)) or _RE_HYPHEN_DURATION.match(t)
    if m:
        word = " ".join(m.group(1).split())
        n = _number(word)
        if m.group(2) == "decade":
            n, word = (n * 10 if n is not None else None), word
            m_unit = "Y"
        else:
            m_unit = UNITS[m.group(2)]
        if n is not None or word in VAGUE:
            amount = n if n is not None else "X"
            unit = m_unit
            if m.group(2) in ("hour", "minute"):
                return f"PT{amount}{unit}", "DURATION"
            return f"P{amount}{unit}", "DURATION"
    m = _RE_SEASON.search(t)
    if m:
        mod, season, y1, y2 = m.groups()
        code = SEASONS[season]
        if y1 or y2:
            return f"{y1 or y2}-{code}", "DATE"
        if not pub:
            return None, "DATE"
        year = pub.year
        if mod in ("last", "the past"):
            year -= 1
        elif mod in ("next", "the coming") and code != "WI":
            year = year if {"SP": 3, "SU": 6, "FA": 9}[code] > pub.month else year + 1
        return f"{year:04d}-{code}", "DATE"
    m = _RE_ANY_MONTH.search(t)
    if m and pub and not re.search(r"\d", t):
        mon = MONTHS[m.group(1)]
        return f"{_closest_year(mon, None, pub, tense):04d}-{mon:02d}", "DATE"
    return None, "DATE"


def period_ending(period: str, end_value: str) -> Optional[tuple[str, str]]:
    """Value of "the quarter"/"the year" that ends on ``end_value`` (a day)."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", end_value)
    if not m or int(m.group(1)) < 2:
        return None
    end = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    low = period.lower()
    if "quarter" in low:
        named = RE_QUARTER.search(low)
        # a fiscal quarter ending 31 July is mostly May-July: take its middle
        middle = end - dt.timedelta(days=45)
        quarter = QUARTER_NUMBERS[named.group(1)] if named else (middle.month - 1) // 3 + 1
        return f"{middle.year:04d}-Q{quarter}", "DATE"
    if re.search(r"\byear\b", low):
        return f"{end.year:04d}", "DATE"
    return None
