"""Boilerplate cleaning before NLP: text -> cleaned text + offset map + dropped spans.

Imports neither spaCy, rich nor typer. The cleaner works line by line: every line
is classified by named rules (known advert and prompt lines from a data file,
glued brand credits, a conservative call-to-action score, and block context),
and a line that carries a quote mark or a reporting verb is never dropped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from .errors import UsageError
from .records import Drop
from .resources import read_lines, read_sections

_SPACE_MAP = {0x00A0: " ", 0x2007: " ", 0x202F: " ", 0x200B: " ", 0xFEFF: " ", 0x2028: "\n", 0x2029: "\n"}
_QUOTE_CHARS = frozenset('"“”„«»`')
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_MATCH_KINDS = ("line", "prefix", "contains", "credit", "label")


#: a run of non-space characters longer than this is broken up for the tokenizer
MAX_RUN = 100
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))
#: inside such runs, stretches of 20+ symbols (100,000 quote marks) carry no language: blanked
_SYMBOL_RUN = re.compile(r"[^\w\s]{20,}")


def normalise(text: str) -> str:
    """Same-length normalisation: CRLF/CR line ends and odd spaces become ``\\n``/`` ``.

    Every character keeps its index, so offsets into the result are offsets into
    ``text``. Runs of more than ``MAX_RUN`` characters without a space (a URL-like
    string of a megabyte, thousands of quote marks) get a space every ``MAX_RUN``
    characters, because spaCy's tokenizer is quadratic on such runs, and stretches of 20
    or more symbols inside them are blanked; no word of a real article is that long.
    """
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    text = text.translate(_SPACE_MAP)
    runs = [m.span() for m in _LONG_RUN.finditer(text)]
    if runs:
        chars = list(text)
        for start, end in runs:
            for i in range(start + MAX_RUN, end, MAX_RUN):
                chars[i] = " "
            for m in _SYMBOL_RUN.finditer(text, start, end):
                chars[m.start():m.end()] = " " * (m.end() - m.start())
        text = "".join(chars)
    if len(text) > NOISE_LINE:
        text = _blank_noise_lines(text)
    return text


#: lines longer than this that are mostly symbols are blanked for NLP
NOISE_LINE = 2000


def _blank_noise_lines(text: str) -> str:
    """Blank long lines with little language in them ('" " " ...' fifty thousand times)."""
    out = []
    for line in text.split("\n"):
        if len(line) > NOISE_LINE and sum(ch.isalnum() for ch in line) < 0.2 * len(line):
            line = " " * len(line)
        out.append(line)
    return "\n".join(out)


def _squash(s: str) -> str:
    return "".join(s.split()).casefold()


@dataclass(frozen=True)
class Rule:
    """A named boilerplate pattern."""

    name: str
    match: str
    pattern: str  # squashed (no spaces, casefolded)


@dataclass(frozen=True)
class RuleSet:
    """Boilerplate patterns grouped by how they match."""

    rules: tuple[Rule, ...]

    def match_label(self, squashed: str) -> Optional[str]:
        """A link label such as "READ MORE: ..." that starts the line."""
        for r in self.rules:
            if r.match == "label" and squashed.startswith(r.pattern + ":"):
                return r.name
        return None

    def match_line(self, squashed: str) -> Optional[str]:
        for r in self.rules:
            if r.match == "line" and squashed == r.pattern:
                return r.name
            if r.match == "prefix" and squashed.startswith(r.pattern):
                return r.name
            if r.match == "contains" and r.pattern in squashed:
                return r.name
        return None

    def credits(self) -> list[Rule]:
        return sorted((r for r in self.rules if r.match == "credit"), key=lambda r: -len(r.pattern))


def parse_rules(lines: Iterable[str], origin: str) -> list[Rule]:
    """Parse boilerplate rule lines (``NAME<TAB>MATCH<TAB>PATTERN``).

    Raises:
        UsageError: a line that is not in that format, naming file and line.
    """
    rules = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.rstrip("\r\n").split("\t")
        if len(parts) != 3 or not all(p.strip() for p in parts):
            raise UsageError(f"{origin}:{n}: expected NAME<TAB>MATCH<TAB>PATTERN, got {line.strip()[:60]!r}")
        name, match, pattern = (p.strip() for p in parts)
        if match not in _MATCH_KINDS:
            raise UsageError(f"{origin}:{n}: unknown match {match!r}; use one of {', '.join(_MATCH_KINDS)}")
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name):
            raise UsageError(f"{origin}:{n}: rule name {name!r} must be lower-case letters, digits, - or _")
        rules.append(Rule(name, match, _squash(pattern)))
    return rules


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The rules shipped in ``resources/boilerplate.txt``."""
    return RuleSet(tuple(parse_rules(read_lines("boilerplate.txt"), "boilerplate.txt")))


def load_rules(path: Optional[str] = None) -> RuleSet:
    """Our rules plus, when ``path`` is given, a user's extra rules in the same format."""
    base = default_rules()
    if path is None:
        return base
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read boilerplate rules ({exc})") from None
    return RuleSet(base.rules + tuple(parse_rules(lines, path)))


# ---------------------------------------------------------------- offset map

@dataclass
class OffsetMap:
    """Maps offsets in the cleaned text back to offsets in the original text."""

    clean_starts: list[int] = field(default_factory=list)
    orig_starts: list[int] = field(default_factory=list)

    def add(self, clean_start: int, orig_start: int) -> None:
        self.clean_starts.append(clean_start)
        self.orig_starts.append(orig_start)

    def pos(self, i: int) -> int:
        """Original index of the cleaned character at index ``i``."""
        k = bisect.bisect_right(self.clean_starts, i) - 1
        if k < 0:
            return i
        return self.orig_starts[k] + (i - self.clean_starts[k])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the cleaned span [start, end)."""
        if end <= start:
            p = self.pos(start)
            return p, p
        return self.pos(start), self.pos(end - 1) + 1


@dataclass(frozen=True)
class Cleaned:
    """Result of cleaning: the text for NLP, its offset map and what was dropped."""

    original: str
    text: str
    offsets: OffsetMap
    dropped: tuple[Drop, ...]


# ---------------------------------------------------------------- classifier

def _words(line: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(line)]


def _vetoed(line: str, words: list[str]) -> bool:
    """A line that may be part of the story: it quotes or reports someone."""
    if any(ch in _QUOTE_CHARS for ch in line):
        return True
    reporting = read_sections("cta.txt")["reporting"]
    return any(w in reporting for w in words)


def _cta_score(line: str, words: list[str]) -> int:
    """Conservative call-to-action score of a line (higher = more advert-like)."""
    lists = read_sections("cta.txt")
    score = 0
    sentence_starts = [m.group(0).lower() for m in re.finditer(r"(?:^|[.?!]\s*)([A-Za-z]+)", line)]
    starts = {re.sub(r"[^a-z]", "", s) for s in sentence_starts}
    if starts & lists["verbs"]:
        score += 2
    if {"you", "your", "you're", "yours"} & set(words):
        score += 1
    if set(words) & lists["brand"]:
        score += 1
    if len(words) <= 12:
        score += 1
    if not line.rstrip().endswith("."):
        score += 1
    return score


_SOCIAL = frozenset("share facebook twitter email e-mail whatsapp linkedin pinterest reddit print "
                    "copy link tweet x messenger telegram flipboard comments comment save this "
                    "article story on via / | · •".split())
_CREDIT_START = ("photo", "photos", "image", "images", "picture", "photograph", "credit", "video",
                 "file photo", "illustration", "graphic")
_NETWORKS = ("twitter", "facebook", "instagram", "linkedin", "tiktok", "youtube", "threads", "bluesky", "x")
_COOKIE_PHRASES = ("weusecookies", "thiswebsiteusescookies", "thissiteusescookies", "bycontinuingtobrowse",
                   "bycontinuingtousethissite", "acceptallcookies", "acceptcookies", "cookiesettings",
                   "managecookies", "cookiepolicy")


def _pattern_rule(line: str, words: list[str]) -> Optional[str]:
    """Named shape rules for the web's usual clutter (no regular expressions on user data)."""
    stripped = line.strip()
    low = stripped.lower()
    squashed = _squash(stripped)
    after = low[len("copyright"):].lstrip() if low.startswith("copyright") else ""
    if len(words) <= 12 and (low.startswith(("\u00a9", "(c) ")) or "allrightsreserved" in squashed
                             or after[:1] == "\u00a9" or after[:4].isdigit()):
        return "copyright"
    if any(p in squashed for p in _COOKIE_PHRASES):
        return "cookie-prompt"
    if len(words) <= 10 and low.startswith(_CREDIT_START) and (":" in low[:14] or low.split()[1:2] == ["by"]):
        return "photo-credit"
    if stripped.startswith("(") and stripped.endswith(")") and len(words) <= 8 and (
            "/" in stripped or low[1:].startswith(_CREDIT_START) or "getty" in low or "reuters" in low):
        return "photo-credit"
    if 3 <= len(stripped) <= 8 and stripped.replace(":", "").isdigit() and stripped.count(":") in (1, 2):
        return "video-duration"
    tokens = low.replace("/", " / ").replace("|", " | ").split()
    if tokens and len(tokens) <= 14 and tokens[0] == "share" and all(t.strip(":,") in _SOCIAL for t in tokens):
        return "share-buttons"
    if words[:1] == ["follow"] and len(words) <= 12 and any(n in words for n in _NETWORKS) and \
            not stripped.endswith("."):
        return "social-follow"
    return None


def _classify(line: str, rules: RuleSet) -> Optional[str]:
    squashed = _squash(line)
    if not squashed:
        return None
    label = rules.match_label(squashed)
    if label:
        return label  # a link to another story: never part of this one, whatever it says
    words = _words(line)
    if _vetoed(line, words):
        return None
    name = rules.match_line(squashed) or _pattern_rule(line, words)
    if name:
        return name
    if _cta_score(line, words) >= 5:
        return "call-to-action"
    return None


def _block_candidate(line: str) -> bool:
    """A short line with no sentence end and no story signal, e.g. "Thank you!"."""
    words = _words(line)
    return 0 < len(words) <= 6 and not line.rstrip().endswith(".") and not _vetoed(line, words)


def _credit_length(line: str, rules: RuleSet) -> int:
    """Length of a glued brand credit at the start of ``line`` (0 if none)."""
    m = re.match(r"\s*[Bb][Yy]\s*", line)
    if not m:
        return 0
    rest = line[m.end():]
    for r in rules.credits():
        # walk the raw text, skipping spaces, to find where the squashed pattern ends
        i, j = 0, 0
        while i < len(rest) and j < len(r.pattern):
            if rest[i].isspace():
                i += 1
                continue
            if rest[i].casefold() != r.pattern[j]:
                break
            i += 1
            j += 1
        if j < len(r.pattern):
            continue
        after = rest[i:]
        if not after.strip() or after[:1].isupper() or after[:1] in _QUOTE_CHARS:
            return m.end() + i
    return 0


def clean(text: str, rules: Optional[RuleSet] = None, keep_boilerplate: bool = False) -> Cleaned:
    """Remove boilerplate lines from ``text``.

    Args:
        text: the original input text.
        rules: boilerplate rules (default: the shipped ones).
        keep_boilerplate: only normalise; drop nothing.

    Returns:
        The cleaned text for NLP, an offset map back to ``text`` and the dropped spans.
    """
    rules = rules or default_rules()
    norm = normalise(text)
    lines: list[tuple[int, int]] = []  # (start, end) of line content, newline excluded
    pos = 0
    for line in norm.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1

    verdict: list[Optional[str]] = [None] * len(lines)
    credit: list[int] = [0] * len(lines)
    if not keep_boilerplate:
        for k, (s, e) in enumerate(lines):
            line = norm[s:e]
            verdict[k] = _classify(line, rules)
            if verdict[k] is None:
                credit[k] = _credit_length(line, rules)
        # block context: a short unknown line between two dropped lines goes too
        nonblank = [k for k, (s, e) in enumerate(lines) if norm[s:e].strip()]
        for a, b, c in zip(nonblank, nonblank[1:], nonblank[2:]):
            if verdict[a] and verdict[c] and not verdict[b] and not credit[b] \
                    and _block_candidate(norm[lines[b][0]:lines[b][1]]):
                verdict[b] = "block-context"

    out: list[str] = []
    omap = OffsetMap()
    dropped: list[Drop] = []
    clean_len = 0
    for k, (s, e) in enumerate(lines):
        line_end = min(e + 1, len(norm))  # include the newline
        if verdict[k]:
            ds, de = s, e
            while ds < de and norm[ds].isspace():
                ds += 1
            while de > ds and norm[de - 1].isspace():
                de -= 1
            dropped.append(Drop(text[ds:de], ds, de, verdict[k]))
            continue
        start = s
        if credit[k]:
            cs = s
            while norm[cs].isspace():
                cs += 1
            ce = s + credit[k]
            while ce > cs and norm[ce - 1].isspace():
                ce -= 1
            dropped.append(Drop(text[cs:ce], cs, ce, "brand-credit"))
            start = s + credit[k]
        omap.add(clean_len, start)
        piece = norm[start:line_end]
        out.append(piece)
        clean_len += len(piece)
    return Cleaned(text, "".join(out), omap, tuple(dropped))
