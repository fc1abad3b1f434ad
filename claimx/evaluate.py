"""Scoring claimx output against annotated news (the format of ``shared/eval``); stdlib only.

The metrics follow the published definitions of the evaluation kit's scorer:
quotes at three matching levels (exact after trimming marks and outer
punctuation, overlap >= 80 % and >= 30 % of the longer span), one-to-one greedy
matching, recall by kind and on speech cues, speaker accuracy over matched
pairs and attribution P/R/F1; dates (overlap, strict, value); named locations.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Iterable, Optional

QUOTE_MARKS = frozenset("\"'`\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a\u2032\u2033\u300c\u300d\u300e\u300f")
TRIM_CHARS = QUOTE_MARKS | frozenset(",.;:!?")
LEVELS = (("exact", None), ("overlap80", (4, 5)), ("overlap30", (3, 10)))
KINDS = ("direct", "mixed", "indirect")
SPEECH_CUES = frozenset(
    "say said says saying tell told tells according added adds stated states asked asks wrote "
    "writes explained noted argued insisted claimed declared announced quoted warned replied "
    "responded continued acknowledged".split())
ARTICLES = frozenset({"the", "a", "an"})
HONORIFICS = frozenset(
    "mr mrs ms miss mx dr prof professor sir dame lord lady madam president vice former sen "
    "senator rep representative congressman congresswoman gov governor lt mayor premier prime "
    "minister secretary chancellor judge justice gen general col colonel maj major capt captain "
    "sgt adm admiral cmdr rev reverend father pope king queen prince princess ceo chairman "
    "chairwoman spokesman spokeswoman".split())
DATE_TYPES = ("DATE", "TIME")
LOCATION_SYNTAX = ("NAM", "PRE.NAM")
#: corpora whose date and place layers cover only the first N lines
PARTIAL_LINES = {"meantime": 6}


# ---------------------------------------------------------------- helpers

def _int(x: Any) -> Optional[int]:
    return x if isinstance(x, int) and not isinstance(x, bool) else None


def _prf(tp: int, n_gold: int, n_sys: int) -> dict[str, Any]:
    return {"tp": tp, "n_gold": n_gold, "n_sys": n_sys,
            "p": tp / n_sys if n_sys else None,
            "r": tp / n_gold if n_gold else None,
            "f1": 2 * tp / (n_gold + n_sys) if n_gold + n_sys else None}


def _strip_ws(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def trim_quote_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop outer whitespace, quote marks and , . ; : ! ? (keep the span if nothing is left)."""
    ws = _strip_ws(text, s, e)
    s, e = ws
    while s < e and (text[s].isspace() or text[s] in TRIM_CHARS):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in TRIM_CHARS):
        e -= 1
    return (s, e) if s < e else ws


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _match(n_gold: int, n_sys: int, ranked: list[tuple[tuple, int, int]]) -> dict[int, int]:
    """One-to-one greedy matching in the order of the ranking keys."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, g, s in sorted(ranked):
        if g in pairs or s in taken:
            continue
        pairs[g] = s
        taken.add(s)
        if len(pairs) == n_gold or len(taken) == n_sys:
            break
    return pairs


def _passes(level: Optional[tuple[int, int]], ov: int, longer: int, same: bool) -> bool:
    if level is None:
        return same
    num, den = level
    return ov * den >= num * longer


# ---------------------------------------------------------------- speakers

_POSSESSIVE = re.compile(r"['\u2019]s\b")
_NON_WORD = re.compile(r"[^\w\s]|_")


def _name_tokens(name: str) -> list[str]:
    words = _NON_WORD.sub(" ", _POSSESSIVE.sub("", name.casefold())).split()
    core = [w for w in words if w not in ARTICLES and w not in HONORIFICS]
    return core or words


def same_person(a: Optional[str], b: Optional[str]) -> bool:
    """Names match when their normalised tokens are equal or their last tokens are.

    Each name is also tried without an apposition after its first comma.
    """
    if not a or not b:
        return False
    forms_a = [t for t in (_name_tokens(a), _name_tokens(a.split(",")[0])) if t]
    forms_b = [t for t in (_name_tokens(b), _name_tokens(b.split(",")[0])) if t]
    return any(x == y or x[-1] == y[-1] for x in forms_a for y in forms_b)


def _system_speaker(q: dict, text: str) -> tuple[Optional[str], Optional[tuple[int, int]]]:
    ss, se = _int(q.get("speaker_start")), _int(q.get("speaker_end"))
    span = (ss, se) if ss is not None and se is not None and 0 <= ss < se <= len(text) else None
    name = q.get("speaker")
    name = name.strip() or None if isinstance(name, str) else None
    if name is None and span is not None:
        name = text[span[0]:span[1]].strip() or None
    return name, (span if name is not None else None)


def speaker_ok(gold: dict, system: dict, text: str) -> bool:
    """Whether the system's speaker is right for the gold quote."""
    s_name, s_span = _system_speaker(system, text)
    g_name = gold.get("speaker")
    g_name = g_name.strip() if isinstance(g_name, str) and g_name.strip() else None
    canonical = gold.get("speaker_canonical")
    if g_name is None:
        return s_name is None or (bool(canonical) and same_person(s_name, canonical))
    if s_name is None:
        return False
    gs, ge = _int(gold.get("speaker_start")), _int(gold.get("speaker_end"))
    if gs is not None and ge is not None and s_span is not None:
        if _overlap((gs, ge), s_span) > 0:
            return True
    elif same_person(g_name, s_name):
        return True
    return bool(canonical) and same_person(s_name, canonical)


def is_speech_cue(cue: Any) -> bool:
    return isinstance(cue, str) and any(w in SPEECH_CUES for w in re.findall(r"[a-z]+", cue.lower()))


# ---------------------------------------------------------------- system records

def system_record(doc: dict) -> dict:
    """A claimx/1 document in the scorer's terms (quotes with speaker fields)."""
    if "quotes" in doc or "claims" not in doc:
        return doc
    quotes = []
    for c in doc.get("claims") or []:
        sp = c.get("speaker") if isinstance(c.get("speaker"), dict) else {}
        cue = c.get("cue") if isinstance(c.get("cue"), dict) else {}
        quotes.append({"start": c.get("start"), "end": c.get("end"), "text": c.get("text"),
                       "speaker": sp.get("name") or sp.get("text"),
                       "speaker_start": sp.get("start"), "speaker_end": sp.get("end"),
                       "cue": cue.get("text"), "kind": c.get("kind")})
    return {"id": doc.get("id", doc.get("source")), "quotes": quotes,
            "dates": doc.get("dates") or [], "locations": doc.get("locations") or []}


def _valid_spans(items: list, text: str, warnings: dict, what: str) -> list[tuple[int, Optional[int], Optional[int]]]:
    out = []
    for i, item in enumerate(items or []):
        s = _int(item.get("start")) if isinstance(item, dict) else None
        e = _int(item.get("end")) if isinstance(item, dict) else None
        if s is None or e is None or not 0 <= s < e <= len(text):
            warnings[f"{what}: invalid offsets"] = warnings.get(f"{what}: invalid offsets", 0) + 1
            out.append((i, None, None))
            continue
        t = item.get("text")
        if isinstance(t, str) and t != text[s:e] and t.strip() != text[s:e].strip():
            key = f"{what}: 'text' differs from text[start:end] (offsets used)"
            warnings[key] = warnings.get(key, 0) + 1
        out.append((i, s, e))
    return out


# ---------------------------------------------------------------- accumulators

@dataclass
class _QuoteCounts:
    docs: int = 0
    gold: int = 0
    system: int = 0
    tp: dict = field(default_factory=lambda: {lv: 0 for lv, _ in LEVELS})
    kind_n: dict = field(default_factory=lambda: {k: 0 for k in KINDS})
    kind_tp: dict = field(default_factory=lambda: {k: {lv: 0 for lv, _ in LEVELS} for k in KINDS})
    cue_n: int = 0
    cue_tp: dict = field(default_factory=lambda: {lv: 0 for lv, _ in LEVELS})
    pairs: int = 0
    speaker_right: int = 0
    pairs_named: int = 0
    speaker_right_named: int = 0

    def result(self) -> Optional[dict]:
        if not self.docs:
            return None
        res: dict[str, Any] = {"n_docs": self.docs, "n_gold": self.gold, "n_sys": self.system}
        for lv, _ in LEVELS:
            res[lv] = _prf(self.tp[lv], self.gold, self.system)
        res["by_kind"] = {k: {"n_gold": self.kind_n[k], **{f"{lv}_r": (self.kind_tp[k][lv] / self.kind_n[k] if self.kind_n[k] else None) for lv, _ in LEVELS}} for k in KINDS}
        res["speech_cue"] = {"n_gold": self.cue_n, **{f"{lv}_r": (self.cue_tp[lv] / self.cue_n if self.cue_n else None) for lv, _ in LEVELS}}
        res["speaker"] = {
            "n_pairs": self.pairs, "correct": self.speaker_right,
            "accuracy": self.speaker_right / self.pairs if self.pairs else None,
            "n_pairs_gold_speaker_nonnull": self.pairs_named,
            "accuracy_gold_speaker_nonnull": self.speaker_right_named / self.pairs_named if self.pairs_named else None,
        }
        res["attribution"] = _prf(self.speaker_right, self.gold, self.system)
        return res


@dataclass
class _SpanCounts:
    with_value: bool
    docs: int = 0
    gold: int = 0
    system: int = 0
    ignored: int = 0
    outside: int = 0
    tp_overlap: int = 0
    tp_strict: int = 0
    value_right: int = 0

    def result(self, extra: dict) -> Optional[dict]:
        if not self.docs:
            return None
        res = dict(extra)
        res.update({"n_docs": self.docs, "n_gold": self.gold, "n_sys": self.system,
                    "n_sys_ignored": self.ignored, "n_sys_outside_region": self.outside,
                    "overlap": _prf(self.tp_overlap, self.gold, self.system),
                    "strict": _prf(self.tp_strict, self.gold, self.system)})
        if self.with_value:
            value = _prf(self.value_right, self.gold, self.system)
            value.update({"n_pairs": self.tp_overlap,
                          "accuracy": self.value_right / self.tp_overlap if self.tp_overlap else None})
            res["value"] = value
        return res


@dataclass
class Miss:
    """An error for ``--show-errors``: a missed gold quote, a false alarm or a wrong speaker."""

    doc_id: Any
    what: str  # "miss" | "false alarm" | "speaker"
    text: str
    context: str
    detail: str = ""


def region_end(record: dict) -> int:
    """Where the date and place annotation of ``record`` stops (MEANTIME: after six lines)."""
    text = record["text"]
    until = _int(record.get("annotated_until"))
    if until is not None:
        return min(until, len(text))
    lines = PARTIAL_LINES.get(str((record.get("meta") or {}).get("dataset") or "").lower())
    if lines is None:
        return len(text)
    pos = -1
    for _ in range(lines):
        pos = text.find("\n", pos + 1)
        if pos < 0:
            return len(text)
    return pos


def _context_line(text: str, s: int, e: int, width: int = 160) -> str:
    a = text.rfind("\n", 0, s) + 1
    b = text.find("\n", e)
    b = len(text) if b < 0 else b
    line = text[a:b]
    if len(line) > width:
        mid = (s - a + e - a) // 2
        lo = max(0, mid - width // 2)
        line = ("…" if lo else "") + line[lo:lo + width] + ("…" if lo + width < len(line) else "")
    return " ".join(line.split())


# ---------------------------------------------------------------- layers

def _score_quotes(acc: _QuoteCounts, gold: dict, system: dict, warnings: dict, misses: list) -> None:
    text = gold["text"]
    g_quotes = gold.get("quotes") or []
    s_quotes = system.get("quotes") or []
    spans = _valid_spans(s_quotes, text, warnings, "quotes")
    acc.docs += 1
    acc.gold += len(g_quotes)
    acc.system += len(spans)
    g_trim = [trim_quote_span(text, q["start"], q["end"]) for q in g_quotes]
    s_trim = [(i, trim_quote_span(text, s, e)) for i, s, e in spans if s is not None]
    cue_flags = [is_speech_cue(q.get("cue")) for q in g_quotes]
    for q, flag in zip(g_quotes, cue_flags):
        if q.get("kind") in acc.kind_n:
            acc.kind_n[q["kind"]] += 1
        acc.cue_n += flag
    candidates = []
    right: dict[tuple[int, int], bool] = {}
    for g, gspan in enumerate(g_trim):
        for s, sspan in s_trim:
            ov = _overlap(gspan, sspan)
            if ov <= 0:
                continue
            right[(g, s)] = speaker_ok(g_quotes[g], s_quotes[s], text)
            longer = max(gspan[1] - gspan[0], sspan[1] - sspan[0])
            candidates.append((g, s, ov, longer, gspan == sspan))
    matched: dict[str, dict[int, int]] = {}
    for lv, level in LEVELS:
        ranked = [((-ov, -Fraction(ov, longer), not right[(g, s)], g, s), g, s)
                  for g, s, ov, longer, same in candidates if _passes(level, ov, longer, same)]
        pairs = _match(len(g_quotes), len(s_trim), ranked)
        matched[lv] = pairs
        acc.tp[lv] += len(pairs)
        for g in pairs:
            kind = g_quotes[g].get("kind")
            if kind in acc.kind_tp:
                acc.kind_tp[kind][lv] += 1
            acc.cue_tp[lv] += cue_flags[g]
    pairs = matched["overlap30"]
    for g, s in pairs.items():
        ok = right[(g, s)]
        acc.pairs += 1
        acc.speaker_right += ok
        name = g_quotes[g].get("speaker")
        if isinstance(name, str) and name.strip():
            acc.pairs_named += 1
            acc.speaker_right_named += ok
        if not ok:
            q, sq = g_quotes[g], s_quotes[s]
            misses.append(Miss(gold.get("id"), "speaker", text[q["start"]:q["end"]],
                               _context_line(text, q["start"], q["end"]),
                               f"gold {q.get('speaker')!r}, system {sq.get('speaker')!r}"))
    for g, q in enumerate(g_quotes):
        if g not in pairs:
            misses.append(Miss(gold.get("id"), "miss", text[q["start"]:q["end"]],
                               _context_line(text, q["start"], q["end"]),
                               f"{q.get('kind')}, speaker {q.get('speaker')!r}, cue {q.get('cue')!r}"))
    hit = set(pairs.values())
    for s, sspan in s_trim:
        if s not in hit:
            q = s_quotes[s]
            misses.append(Miss(gold.get("id"), "false alarm", text[sspan[0]:sspan[1]],
                               _context_line(text, *sspan),
                               f"{q.get('kind')}, speaker {q.get('speaker')!r}, cue {q.get('cue')!r}"))


def _score_spans(acc: _SpanCounts, text: str, gold_items: list, excluded: list, sys_items: list,
                 warnings: dict, what: str, end_of_region: int) -> None:
    acc.docs += 1
    g_spans = [_strip_ws(text, x["start"], x["end"]) for x in gold_items]
    x_spans = [_strip_ws(text, x["start"], x["end"]) for x in excluded]
    kept = []
    for i, s, e in _valid_spans(sys_items, text, warnings, what):
        if s is not None:
            s, e = _strip_ws(text, s, e)
            if s >= end_of_region:
                acc.outside += 1
                continue
            if x_spans and not any(_overlap((s, e), g) for g in g_spans) \
                    and any(_overlap((s, e), x) for x in x_spans):
                acc.ignored += 1
                continue
        kept.append((i, s, e))
    acc.gold += len(g_spans)
    acc.system += len(kept)

    def value_right(g: int, i: int) -> bool:
        if not acc.with_value:
            return True
        v = sys_items[i].get("value")
        return v is not None and str(v) == str(gold_items[g].get("value"))

    by_overlap, by_identity = [], []
    for g, gspan in enumerate(g_spans):
        for i, s, e in kept:
            if s is None:
                continue
            ov = _overlap(gspan, (s, e))
            if ov <= 0:
                continue
            vr = value_right(g, i)
            by_overlap.append(((-ov, -Fraction(ov, max(gspan[1] - gspan[0], e - s)), not vr, g, i), g, i))
            if gspan == (s, e):
                by_identity.append(((not vr, g, i), g, i))
    p_overlap = _match(len(g_spans), len(kept), by_overlap)
    acc.tp_overlap += len(p_overlap)
    acc.tp_strict += len(_match(len(g_spans), len(kept), by_identity))
    if acc.with_value:
        acc.value_right += sum(value_right(g, i) for g, i in p_overlap.items())


def score(gold_records: Iterable[dict], system_records: Iterable[dict],
          date_types: Optional[tuple[str, ...]] = DATE_TYPES, whole_text: bool = False
          ) -> tuple[dict[str, Any], list[Miss]]:
    """Score system documents against gold records.

    Returns the metrics (keys ``documents``, ``quotes``, ``dates``, ``locations``,
    ``warnings``; a layer no gold document annotates is None) and the list of errors.
    """
    warnings: dict[str, int] = {}
    gold_records = list(gold_records)
    gold_ids = {g["id"] for g in gold_records}
    by_id: dict[Any, dict] = {}
    for rec in system_records:
        rec = system_record(rec) if isinstance(rec, dict) else rec
        rid = rec.get("id") if isinstance(rec, dict) else None
        if rid is None:
            warnings["system record without id ignored"] = warnings.get("system record without id ignored", 0) + 1
        elif rid in by_id:
            warnings["duplicate system id (first record used)"] = warnings.get("duplicate system id (first record used)", 0) + 1
        else:
            by_id[rid] = rec
    unknown = sum(1 for rid in by_id if rid not in gold_ids)
    if unknown:
        warnings["system ids not in gold (ignored)"] = unknown
    types = None if date_types is None else {t.upper() for t in date_types}
    quotes, dates, places = _QuoteCounts(), _SpanCounts(True), _SpanCounts(False)
    misses: list[Miss] = []
    missing = 0
    for gold in gold_records:
        layers = set(gold.get("annotated_layers") or [])
        system = by_id.get(gold["id"])
        if system is None:
            missing += 1
            system = {}
        text = gold["text"]
        end = len(text) if whole_text else region_end(gold)
        if "quotes" in layers:
            _score_quotes(quotes, gold, system, warnings, misses)
        if "timexes" in layers:
            timexes = gold.get("timexes") or []
            wanted = [t for t in timexes if types is None or str(t.get("type") or "").upper() in types]
            other = [t for t in timexes if not (types is None or str(t.get("type") or "").upper() in types)]
            _score_spans(dates, text, wanted, other, system.get("dates") or [], warnings, "dates", end)
        if "entities" in layers:
            named = [x for x in gold.get("entities") or []
                     if x.get("type") == "LOC" and x.get("syntactic_type") in LOCATION_SYNTAX]
            _score_spans(places, text, named, [], system.get("locations") or [], warnings, "locations", end)
    result = {
        "documents": {"n_gold": len(gold_records), "n_system": len(by_id), "n_gold_missing_in_system": missing},
        "quotes": quotes.result(),
        "dates": dates.result({"timex_types": sorted(types) if types is not None else "all",
                               "ignore_excluded_timex": True, "whole_text": whole_text}),
        "locations": places.result({"entity_type": "LOC", "syntactic_types": list(LOCATION_SYNTAX),
                                    "whole_text": whole_text}),
        "warnings": warnings,
    }
    return result, misses


def read_gold(path: str) -> list[dict]:
    """Gold records of a JSON Lines file.

    Raises:
        claimx.errors.InputError: the file is missing or a line is not a gold record.
    """
    from .errors import InputError

    records = []
    try:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(path, f"invalid JSON ({exc.msg})", number) from None
                if not isinstance(rec, dict) or "id" not in rec or not isinstance(rec.get("text"), str):
                    raise InputError(path, "not a gold record (needs 'id' and 'text')", number)
                records.append(rec)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except UnicodeDecodeError:
        raise InputError(path, "not valid UTF-8") from None
    if not records:
        raise InputError(path, "no gold records")
    return records
