"""Dates and times: ``extract_dates(doc, published) -> list[DateMention]``.

Mentions are spaCy DATE/TIME entities plus what the small model misses (bare weekdays,
"now", "today", holidays it calls an event), joined or split the way TimeML annotates them;
values come from ``timex.resolve_date`` with the tense of the clause, then from
``anchors.anchor`` where they depend on other dates of the article.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from typing import Optional

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..records import DateMention
from .anchors import anchor
from .timex import HOLIDAYS, MONTH_NAMES, MONTHS, PARTS_OF_DAY, RE_ZONE, WEEKDAYS, period_ending, resolve_date

__all__ = ["extract_dates", "resolve_date"]


def _clause_head(tok: Token) -> Token:
    """The verb ``tok`` hangs from (up to six steps up), or the last head reached."""
    head = tok
    for _ in range(6):
        if head.pos_ in ("VERB", "AUX") or head.head is head:
            break
        head = head.head
    return head


def _tense(head: Token) -> str:
    """'past', 'future' or '' for the clause whose verb is ``head``."""
    if head.pos_ not in ("VERB", "AUX"):
        return ""
    for c in head.children:
        if c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall", "would", "'d"):
            return "future"
        if c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD":
            return "past"
        if c.dep_ in ("aux", "auxpass") and c.lower_ in ("is", "are", "am", "be", "'s", "'re") and head.tag_ == "VBN":
            return ""  # "is scheduled for Friday": present passive, no tense to go by
    if head.tag_ in ("VBD", "VBN"):
        return "past"  # a present passive ("is scheduled") returned above
    if head.tag_ == "VBG" and any(c.lower_ in ("is", "are", "'s", "'re") for c in head.children):
        return "future"
    return ""


#: verbs whose date may lie on either side of the report ("was planned for early March",
#: "is scheduled to close Monday", "the record set on Aug. 6")
_OPEN_VERBS = frozenset({"plan", "schedule", "reschedule", "set", "expect", "slate", "intend", "due"})
#: verbs whose "to"/"until" names a new date ("extended to Nov. 20", "postponed until Monday")
_TO_VERBS = frozenset({"extend", "postpone", "delay", "push", "move", "defer", "adjourn", "bring", "advance"})
#: words just before or after a date with the same effect ("payable Dec. 7", "until June",
#: "through Oct. 19", "holders of record Nov. 22", "the Tuesday deadline")
_OPEN_WORDS = frozenset({"until", "till", "through", "payable", "effective", "expire", "expires", "expiring",
                         "record"})


def _tense_of(span) -> str:
    """Tense for resolving ``span`` (a token or an entity): that of its clause, or "" (the
    closest date wins) when a scheduling verb or word makes the tense no guide: past
    tense "was postponed until Tuesday" still points ahead of the report."""
    doc = span.doc
    start = span.i if isinstance(span, Token) else span.start
    end = start + 1 if isinstance(span, Token) else span.end
    root = span if isinstance(span, Token) else span.root
    before = [doc[i].lower_ for i in range(max(0, start - 2), start)]
    if before and before[-1] in ("to", "until", "till") and doc[start - 1].head.lemma_ in _TO_VERBS:
        return "future"  # "postponed the vote until Monday", "extended to Nov. 20"
    if any(w in _OPEN_WORDS for w in before):
        return ""
    if end < len(doc) and doc[end].lower_ in ("deadline", "deadlines"):
        return ""
    head = _clause_head(root)
    if head.pos_ in ("VERB", "AUX", "ADJ"):
        if head.lemma_ in _OPEN_VERBS:
            return ""
        if any(c.dep_ == "aux" and c.tag_ == "TO" for c in head.children):
            gov = head.head
            if gov.lemma_ == "be" and gov.tag_ in ("VBZ", "VBP"):
                return "future"  # "is to resume trading Tuesday"
            if gov.lemma_ in _OPEN_VERBS:
                present = any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in gov.children)
                return "future" if present else ""  # "is scheduled to close Monday"
    return _tense(head)


def _keep_entity(text: str) -> bool:
    """spaCy calls ages, numbers of years and the like DATE; keep real time expressions."""
    low = text.lower()
    if re.search(r"\b(old|aged?)\b", low):
        return False
    if low in ("hours", "days", "weeks", "months", "years", "minutes", "decades", "the day", "a day"):
        return False
    if low in ("daily", "weekly", "monthly", "quarterly", "annual", "annually", "yearly", "nightly"):
        return False  # a frequency attribute ("quarterly results"), not a time
    return any(ch.isalpha() for ch in low) or bool(re.search(r"(?<!\d)\d{4}(?!\d)|\d{1,2}/\d{1,2}|\d{1,2}:\d\d", low))


_RE_COORD = re.compile(r",?\s+(?:and|or|&|to)\s+|,\s+")


def _split_coordinated(text: str, offset: int, published: Optional[str], tense: str) -> list[tuple[int, int]]:
    """ "Saturday and Sunday" -> two mentions, when each part is a date of its own."""
    parts = []
    pos = 0
    for m in _RE_COORD.finditer(text):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, len(text)))
    if len(parts) < 2 or not all(resolve_date(text[a:b], published or "2000-01-01", tense)[0] for a, b in parts):
        return [(offset, offset + len(text))]
    shapes = [_shape(text[a:b]) for a, b in parts]
    for (a, b), (c, _), left, right in zip(parts, parts[1:], shapes, shapes[1:]):
        joint = text[b:c]
        if (left, right) in (("monthday", "year"), ("weekday", "monthday")):
            return [(offset, offset + len(text))]  # "Aug. 7, 1998", "Monday, Oct. 26": one date
        if joint.strip(" ,") and (left != right or left is None):
            return [(offset, offset + len(text))]  # "and"/"or"/"to" join only dates of one kind
    return [(offset + a, offset + b) for a, b in parts]


_RE_ENDED = re.compile(r"(?i)((?:the\s+|its\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:quarter|year|period|half|months))"
                       r"\s+(?:ended|ending)\s+(\S.*)")
_RE_PART_OF = re.compile(r"(?i)((?:the\s+)?(?:first|last|past|final)\s+[\w-]+\s+(?:days|weeks|months|years))"
                         r"\s+of\s+(\S.*)")


def _split_period(text: str, start: int, end: int, published: Optional[str],
                  tense: str) -> list[tuple[int, int, Optional[str], str]]:
    """(start, end, value, type) of the two dates in ``text[start:end]``, or [].

    "the quarter ended Sept. 30" is two dates, the quarter (1989-Q3, the one that ends on
    that day) and the day; "the first nine months of 1997" is a duration and a year, the
    way TimeML annotates them.
    """
    piece = text[start:end]
    m = _RE_ENDED.fullmatch(piece) or _RE_PART_OF.fullmatch(piece)
    if m:
        left, right = m.span(1), m.span(2)
        r_value, r_kind = resolve_date(m.group(2), published, tense)
        if r_value is not None:
            l_value, l_kind = resolve_date(m.group(1), published, tense)
            if m.re is _RE_ENDED:
                l_value, l_kind = period_ending(m.group(1), r_value) or (l_value, l_kind)
            return [(start + left[0], start + left[1], l_value, l_kind),
                    (start + right[0], start + right[1], r_value, r_kind)]
    return []


def _shape(part: str) -> Optional[str]:
    """What kind of date a coordinated part is: "weekday", "year", "monthday", or None."""
    words = part.lower().replace(",", " ").split()
    if words and words[0] in ("between", "from", "on", "in"):
        words = words[1:]
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    if len(words) == 1 and words[0] in WEEKDAYS:
        return "weekday"
    if len(words) == 1 and re.fullmatch(r"1[5-9]\d\d|20\d\d", words[0]):
        return "year"
    if len(words) == 2 and words[0].rstrip(".") in MONTHS and words[1].isdigit():
        return "monthday"
    return None


# measured on TimeBank/AQUAINT: these are annotated far more often than not; "previously",
# "current" and "recent" are not, so they are left out; "soon" (4 of 10 annotated, none in
# "as soon as") is kept: users expect FUTURE_REF for it and it costs no F1
_REF_ADVERBS = frozenset({"now", "currently", "recently", "lately", "nowadays", "soon"})
#: the lower-case forms that can start a mention the model missed
_DAY_WORDS = frozenset({"today", "yesterday", "tomorrow", "tonight"})
_TOKEN_CUES = frozenset(WEEKDAYS) | _REF_ADVERBS | _DAY_WORDS | {"future", "past"}


def _reference_word(tok: Token) -> Optional[tuple[int, int]]:
    """Token range of a vague time reference the model leaves out: "now", "right now",
    "recently", "the future" (not "now-defunct" or "now that")."""
    doc = tok.doc
    low = tok.lower_
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if low in _REF_ADVERBS and tok.pos_ == "ADV":
        if tok.i > 0 and doc[tok.i - 1].lower_ == "right":
            return tok.i - 1, tok.i + 1
        if nxt is not None and nxt.text in ("-", "that"):
            return None
        if low == "soon" and ((tok.i > 0 and doc[tok.i - 1].lower_ in ("as", "too", "how"))
                              or (nxt is not None and nxt.lower_ in ("after", "afterwards", "afterward", "as"))):
            return None  # "as soon as", "soon after the attack": relative to an event, not to now
        return tok.i, tok.i + 1
    if low in ("future", "past") and tok.pos_ == "NOUN" and tok.i > 0 and doc[tok.i - 1].lower_ == "the":
        return tok.i - 1, tok.i + 1
    return None


def _names_day(text: str) -> bool:
    """ "Tuesday", "yesterday", "Nov. 9": a single day that a clock time can sit on."""
    low = text.lower().strip(" ,")
    return low in WEEKDAYS or low in ("yesterday", "today", "tomorrow") or bool(
        re.fullmatch(MONTH_NAMES + r"\s+\d{1,2}(?:,?\s+\d{4})?", low))


def _merged_time_entities(doc: Doc) -> list:
    """DATE/TIME entities (and holidays the model calls an event, "Easter Monday"), with
    a day and its part of day ("Tuesday" + "night") or clock time ("9 a.m." + "Tuesday") joined."""
    ents = [e for e in doc.ents if e.label_ in ("DATE", "TIME") or e.text.lower() in HOLIDAYS]
    out = []
    for ent in ents:
        prev = out[-1] if out else None
        if ent.label_ == "TIME" and ent.end < len(doc) and RE_ZONE.fullmatch(doc[ent.end].lower_):
            ent = SpacySpan(doc, ent.start, ent.end + 1, label="TIME")  # "14:58" + "UTC" (tagged ORG)
        if ent.start > 0 and ent[0].lower_ in ("year", "quarter", "month", "week") and \
                doc[ent.start - 1].lower_ in ("this", "last", "next") and doc[ent.start - 1].ent_type_ == "":
            ent = SpacySpan(doc, ent.start - 1, ent.end, label=ent.label_)  # "This year's" came out as "year"
        if prev is not None and prev.label_ == "TIME" and _names_day(ent.text) and \
                (prev.end == ent.start or (prev.end + 1 == ent.start and doc[prev.end].lower_ in (",", "on"))):
            out[-1] = SpacySpan(doc, prev.start, ent.end, label="TIME")  # "9 a.m. Tuesday", "noon Nov. 9"
            continue
        if prev is not None and prev.end == ent.start and prev.text.lower() in WEEKDAYS and _names_day(ent.text):
            out[-1] = SpacySpan(doc, prev.start, ent.end, label="DATE")  # "Friday Oct. 13"
            continue
        if prev is not None and prev.end == ent.start and ent.text.lower() in PARTS_OF_DAY \
                and _names_day(prev.text.split()[-1]):
            out[-1] = SpacySpan(doc, prev.start, ent.end, label="TIME")
            continue
        out.append(ent)
    return out


def _anchored(value: Optional[str], published: Optional[str]) -> bool:
    """A value is anchored when it has a publication date or needs none."""
    return published is not None or (value is not None and not value.startswith("X"))


def extract_dates(doc: Doc, published: Optional[str] = None) -> list[DateMention]:
    """Date and time mentions of ``doc`` with TimeML values, in text order."""
    found: list[DateMention] = []
    taken: set[int] = set()
    text = doc.text  # Doc.text joins every token: read it once
    for ent in _merged_time_entities(doc):
        if not _keep_entity(ent.text):
            continue
        tense = _tense_of(ent)
        taken.update(range(ent.start, ent.end))
        parts = _split_period(text, ent.start_char, ent.end_char, published, tense) or [
            (a, b, *resolve_date(text[a:b], published, tense))
            for a, b in _split_coordinated(ent.text, ent.start_char, published, tense)]
        for start, end, value, kind in parts:
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1  # the model can take a blank line into a date ("March 16, 2016\n\n")
            mention = text[start:end]
            if ent.label_ == "TIME" and kind == "DATE":
                kind = "TIME"
            found.append(DateMention(mention, start, end, value=value,
                                     type=kind, anchored=_anchored(value, published)))
    strings = doc.vocab.strings
    wanted = {strings.add(w) for w in _TOKEN_CUES}
    lowers = doc.to_array("LOWER").tolist() if len(doc) else []
    for i in (i for i, h in enumerate(lowers) if h in wanted):
        tok = doc[i]
        if tok.i in taken:
            continue
        ref = _reference_word(tok)
        if ref is not None:
            start, end = ref
            mention = doc[start:end]
            value, kind = resolve_date(mention.text, published, "")
            if value is not None:
                found.append(DateMention(mention.text, mention.start_char, mention.end_char, value=value,
                                         type=kind, anchored=True))
                taken.update(range(start, end))
            continue
        if tok.lower_ not in _DAY_WORDS and (tok.lower_ not in WEEKDAYS or not tok.text[:1].isupper()):
            continue
        value, kind = resolve_date(tok.text, published, _tense_of(tok))
        found.append(DateMention(tok.text, tok.idx, tok.idx + len(tok.text), value=value,
                                 type=kind, anchored=_anchored(value, published)))
    found.sort(key=lambda d: d.start)
    return anchor(_clock_days(doc, found, published), published)


_RE_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _clock_days(doc: Doc, found: list[DateMention], published: Optional[str]) -> list[DateMention]:
    """A bare clock time ("at 18:00 UTC") is on the day named before it in its sentence
    ("... made its first flight Tuesday in Everett at 18:00 UTC"), not on publication day."""
    if not published:
        return found

    def bare_clock(d: DateMention) -> bool:
        return d.type == "TIME" and (d.value or "").startswith(published[:10] + "T") and not re.search(
            r"[a-z]{3}", RE_ZONE.sub("", d.text.lower()).replace("a.m", "").replace("p.m", ""))

    if not any(bare_clock(d) for d in found):
        return found
    starts = [sent.start_char for sent in doc.sents]  # one pass; Span.sent walks the doc each time
    out: list[DateMention] = []
    last_day: Optional[tuple[int, str]] = None  # (sentence number, YYYY-MM-DD)
    for d in found:
        sent_no = bisect.bisect_right(starts, d.start)
        if bare_clock(d) and last_day and last_day[0] == sent_no:
            d = dataclasses.replace(d, value=last_day[1] + (d.value or "")[10:])
        if _RE_DAY_VALUE.match(d.value or "") and d.type in ("DATE", "TIME"):
            last_day = (sent_no, (d.value or "")[:10])
        out.append(d)
    return out
