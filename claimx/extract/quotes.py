"""Quotes and reported speech: ``extract_claims(doc) -> list[Claim]``.

Direct quotes come from the quotation-mark scan (``marks.py``); cues are verbs
of the reporting lexicon (``resources/cues.txt``) outside quotes, plus
"according to". The speaker is read off the dependency parse around the cue:
its subject, the subject of the verb it hangs from ("was quoted by Y as
saying"), or the noun phrase right after it ("…," said X). Indirect speech is
the clausal complement of a cue (``X said (that) S``, ``S, X said``) or the rest
of the sentence around "according to X"; a clause that contains a quoted
fragment is ``mixed``. Offsets are character offsets into ``doc.text``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..records import Claim, Span, Speaker
from ..resources import read_sections
from .marks import QuoteSpan, find_quotes

_PRONOUNS = {"he", "she", "they", "we", "i", "it", "you"}
_SUBJ = ("nsubj", "nsubjpass")
_CLAUSE_DEPS = ("ccomp", "parataxis")
_STRIP = set(" \t\n,.;:!?\"'“”‘’`—–-")
_PERSONISH = ("PERSON", "ORG", "NORP", "GPE")


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    sections = read_sections("cues.txt")
    return sections["verbs"], sections["verbs"] | sections["direct-only"]


@lru_cache(maxsize=1)
def _characterizing() -> frozenset[str]:
    sections = read_sections("cues.txt")
    return sections["characterize"] | sections["verbs"]


@dataclass
class _Cue:
    token: Token
    speaker: Optional[Speaker]
    medium: Optional[Span]
    content: Optional[tuple[int, int]]  # clause the cue reports (char offsets)
    cue_span: Span
    according: bool = False
    # a parenthetical cue ("S1, he says, S2") reports a second clause too
    content2: Optional[tuple[int, int]] = None


def _tok_span(doc: Doc, first: Token, last: Token) -> Span:
    """Record span from token ``first`` to token ``last`` (inclusive).

    Built from the tokens, never from ``doc.text``, which spaCy rebuilds on every access.
    Whitespace tokens at either end (an entity can swallow a line break) are left out.
    """
    while last.i > first.i and last.is_space:
        last = doc[last.i - 1]
    while first.i < last.i and first.is_space:
        first = doc[first.i + 1]
    return Span(doc[first.i:last.i + 1].text, first.idx, last.idx + len(last.text))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


def _trim_direct(text: str, start: int, end: int) -> tuple[int, int]:
    """Quoted text without surrounding spaces and a trailing comma or colon."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _trim_mixed(text: str, start: int, end: int) -> tuple[int, int]:
    """A paraphrase keeps its quote marks; only spaces and outer , ; : go."""
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


# ------------------------------------------------------------------ speakers

def _entity_of(tok: Token, labels: tuple[str, ...] = _PERSONISH) -> Optional[SpacySpan]:
    """The named entity ``tok`` belongs to, if its label is one of ``labels``.

    Walks the IOB tags around the token instead of scanning ``doc.ents``.
    """
    if tok.ent_type_ not in labels:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return SpacySpan(doc, start, end, label=tok.ent_type_)


def _np_tokens(head: Token) -> list[Token]:
    """The noun phrase of ``head``: its subtree without clauses and trailing appositions."""
    drop = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"}
    keep = [head]
    stack = [c for c in head.children if c.dep_ not in drop or (c.dep_ == "punct" and c.i < head.i)]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(c for c in t.children if c.dep_ not in {"relcl", "acl", "advcl"})
    keep.sort(key=lambda t: t.i)
    # keep the contiguous run around the head
    run = [t for t in keep if t.i <= head.i]
    lo = head.i
    for t in reversed(run):
        if t.i == lo or t.i == lo - 1:
            lo = t.i
    hi = head.i
    for t in keep:
        if t.i == hi + 1:
            hi = t.i
    doc = head.doc
    toks = [doc[i] for i in range(lo, hi + 1)]
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "case"):
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    return toks or [head]


def _make_speaker(doc: Doc, head: Token) -> Optional[Speaker]:
    """Speaker mention (and role) for the subject token ``head``."""
    if head.is_punct or head.pos_ in ("VERB", "AUX"):
        return None
    toks = _np_tokens(head)
    first, last = toks[0], toks[-1]
    ent = _entity_of(head)
    role: Optional[Span] = None
    if ent is None and head.pos_ == "NOUN" and not any(c.dep_ in ("det", "poss") for c in head.children):
        # "Senior adviser to Syrian President Bouthaina Shaaban": a bare title noun
        # followed by a name -> the name speaks, the rest is the role
        person = _entity_of(last, ("PERSON",))
        if person is not None and person.end - 1 == last.i and person.start >= first.i:
            ent = person
    if ent is None or ent.label_ != "PERSON":
        # "The operator's chief executive, Tom Albright, said": the apposed name speaks
        for child in head.children:
            if child.dep_ == "appos" and _entity_of(child) is not None and _entity_of(child).label_ in ("PERSON", "ORG"):
                person = _entity_of(child)
                role_toks = toks
                span = _tok_span(doc, doc[person.start], doc[person.end - 1])
                return Speaker(span.text, span.start, span.end,
                               role=_tok_span(doc, role_toks[0], role_toks[-1]))
    if ent is not None:
        name_first, name_last = doc[ent.start], doc[ent.end - 1]
        if name_first.i > first.i:
            r_last = doc[name_first.i - 1]
            while r_last.i > first.i and r_last.is_punct:
                r_last = doc[r_last.i - 1]
            role = _tok_span(doc, first, r_last)
        for child in head.children:
            if child.dep_ == "appos" and child.i > head.i:
                a = _np_tokens(child)
                role = _tok_span(doc, a[0], a[-1])
                break
        span = _tok_span(doc, name_first, name_last)
        if name_first.lower_ == "the" and ent.label_ == "PERSON":
            span = _tok_span(doc, doc[name_first.i + 1], name_last)
        return Speaker(span.text, span.start, span.end, role=role)
    span = _tok_span(doc, first, last)
    return Speaker(span.text, span.start, span.end)


def _subject(verb: Token) -> Optional[Token]:
    for c in verb.children:
        if c.dep_ in _SUBJ:
            return c
    return None


def _agent(verb: Token) -> Optional[Span]:
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    toks = _np_tokens(p)
                    return _tok_span(verb.doc, toks[0], toks[-1])
    return None


_MEDIA_LABELS = ("ORG", "PERSON", "WORK_OF_ART", "GPE")


def _medium(verb: Token) -> Optional[Span]:
    """Where the words appeared: "told CNN", "in an interview with the BBC", "wrote on Twitter"."""
    doc = verb.doc
    for c in verb.children:
        if verb.lemma_ == "tell" and c.dep_ in ("dobj", "dative") and c.ent_type_ == "ORG":
            ent = _entity_of(c, ("ORG",))
            return _tok_span(doc, doc[ent.start], doc[ent.end - 1])
        if c.dep_ == "prep" and c.lower_ in ("in", "to", "on"):
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                if p.lower_ in ("interview", "statement", "post", "op-ed", "column", "letter"):
                    for w in p.children:
                        if w.dep_ == "prep" and w.lower_ in ("with", "to", "on", "in"):
                            for o in w.children:
                                ent = _entity_of(o, ("ORG",)) if o.dep_ == "pobj" else None
                                if ent is not None:
                                    return _tok_span(doc, doc[ent.start], doc[ent.end - 1])
                ent = _entity_of(p, ("ORG",))
                if ent is not None and c.lower_ in ("to", "on"):
                    return _tok_span(doc, doc[ent.start], doc[ent.end - 1])
    return None


#: nouns for a text that speaks for its author ("a statement from the union said")
_DOCUMENT_NOUNS = frozenset({"statement", "release", "report", "document", "email", "e-mail", "letter", "memo",
                             "note", "notice", "filing", "announcement", "post", "tweet", "communique"})


def _document_source(noun: Token, in_quote: list[int]) -> Optional[Token]:
    """The organisation or person behind a document noun: "a release from UFCW Local 832",
    "a statement by the ministry", "the company's statement"; None when none is named."""
    for tok in noun.subtree:
        if in_quote[tok.i] >= 0 or tok.i > noun.i + 12:
            break
        if tok.dep_ == "poss" and tok.head is noun and _entity_of(tok, ("ORG", "PERSON", "GPE")) is not None:
            return tok
        if tok.dep_ == "pobj" and tok.head.lower_ in ("from", "by") and tok.head.dep_ == "prep" \
                and _entity_of(tok, ("ORG", "PERSON", "GPE")):
            return tok  # not the agent of a passive ("emails combed through by Vox")
    return None


def _speaker_for(verb: Token, in_quote: list[int]) -> tuple[Optional[Speaker], Optional[Span]]:
    """(speaker, medium) of a cue verb; a subject inside a quotation never speaks."""
    doc = verb.doc
    subj = _subject(verb)
    if subj is not None and subj.dep_ == "nsubjpass" and verb.lemma_ != "quote":
        subj = None
    if subj is not None and in_quote[subj.i] >= 0:
        subj = None
    if subj is not None and subj.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
        # "voters who say ...": the mention is "who", the antecedent names it
        antecedent = _make_speaker(doc, verb.head)
        mention = _make_speaker(doc, subj)
        if mention is not None and antecedent is not None:
            return replace(mention, name=antecedent.text), None
    if subj is not None:
        medium = _agent(verb) if verb.lemma_ == "quote" else _medium(verb)
        source = _document_source(subj, in_quote) if subj.lemma_ in _DOCUMENT_NOUNS else None
        return _make_speaker(doc, source if source is not None else subj), medium
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN") and in_quote[verb.head.i] < 0:
        return _make_speaker(doc, verb.head), None  # "footage of Clinton asking, ..."
    # "X was quoted by Y as saying", "X added, saying": climb to the verb that has the subject
    t = verb
    for _ in range(3):
        if t.head is t or t.dep_ not in ("pcomp", "prep", "advcl", "xcomp", "conj"):
            break
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            s = _subject(t)
            if s is not None and in_quote[s.i] < 0 and s.dep_ != "nsubjpass" or (s is not None and t.lemma_ == "quote"):
                return _make_speaker(doc, s), _agent(t)
            break
    # the parse hung the name on the quote: '"…," Flynn, a top surrogate, said'
    j = verb.i - 1
    while j >= 0 and in_quote[j] < 0 and verb.i - j <= 15 and "\n" not in doc[j].text:
        j -= 1
    if j >= 0 and in_quote[j] >= 0:
        k = j + 1
        while k < verb.i and (doc[k].is_punct or doc[k].is_space):
            k += 1
        if k < verb.i and doc[k].pos_ == "PROPN" and doc[k].ent_type_ not in ("DATE", "TIME", "GPE"):
            first = k
            while k + 1 < verb.i and doc[k + 1].pos_ == "PROPN" and k - first < 4:
                k += 1  # "Rep. Elijah E. Cummings": the whole run, its last word is the head
            return _make_speaker(doc, doc[k]), None
    # the parse missed the subject: a name just before the verb ("…," Chief Jordan said)
    prev = verb.i - 1
    while prev >= 0 and doc[prev].dep_ in ("aux", "advmod", "neg") and in_quote[prev] < 0:
        prev -= 1
    if prev >= 0 and in_quote[prev] < 0 and doc[prev].pos_ in ("PROPN", "PRON", "NOUN") \
            and doc[prev].ent_type_ not in ("DATE", "TIME"):
        return _make_speaker(doc, doc[prev]), None
    # inverted or unparsed "…," said X: the noun right after the verb
    nxt = verb.i + 1
    while nxt < len(doc) and doc[nxt].pos_ in ("DET", "ADJ", "PROPN", "NOUN", "PRON") and nxt - verb.i <= 6:
        tok = doc[nxt]
        if in_quote[nxt] >= 0 or tok.ent_type_ in ("DATE", "TIME"):
            break
        if tok.pos_ in ("PROPN", "NOUN", "PRON"):
            head = tok
            while head.head.i > head.i and head.dep_ in ("compound", "amod", "det", "flat"):
                head = head.head
            return _make_speaker(doc, head), None
        nxt += 1
    return None, None


# ------------------------------------------------------------------ cues

def _clause_span(tok: Token, exclude: Token) -> Optional[tuple[int, int]]:
    """Character span of ``tok``'s subtree minus the cue's own subtree side."""
    left, right = tok.left_edge, tok.right_edge
    if left.i <= exclude.i <= right.i:
        return None
    return left.idx, right.idx + len(right.text)


def _candidates(doc: Doc, words: frozenset[str]) -> list[int]:
    """Indices of tokens whose lemma or lower-case form is in ``words`` (array lookup, no Token objects)."""
    strings = doc.vocab.strings
    hashes = {strings.add(w) for w in words}
    return [i for i, (lemma, lower) in enumerate(doc.to_array(["LEMMA", "LOWER"]).tolist())
            if lemma in hashes or lower in hashes]


def _find_cues(doc: Doc, in_quote: list[int], starts: list[int]) -> list[_Cue]:
    indirect_verbs, all_verbs = _lexicon()
    cues: list[_Cue] = []
    for i in _candidates(doc, all_verbs | {"according"}) if len(doc) else ():
        tok = doc[i]
        if in_quote[tok.i] >= 0:
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None or in_quote[pobj.i] >= 0:
                continue
            speaker = _make_speaker(doc, pobj)
            # the reported clause: the clause "according to X" hangs from, without that phrase
            head = tok.head if tok.head is not tok else tok
            np_end = pobj.right_edge.i
            if tok.i < head.i or head is tok:
                last = head.right_edge if head is not tok else tok.sent[-1]
                first = doc[np_end + 1] if np_end + 1 < len(doc) else None
                if first is None or first.i > last.i:
                    continue
                content = (first.idx, last.idx + len(last.text))
            else:
                content = (head.left_edge.idx, tok.idx)
            cues.append(_Cue(tok, speaker, None, content, _tok_span(doc, tok, to), according=True))
            continue
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in all_verbs:
            continue
        if tok.lemma_ == "point" and not any(c.lower_ == "out" for c in tok.children):
            continue
        speaker, medium = _speaker_for(tok, in_quote)
        content = content2 = None
        reports = tok.lemma_.lower() in indirect_verbs and _asserts(tok)
        if reports:
            clauses = [c for c in tok.children if c.dep_ in _CLAUSE_DEPS]
            # "OTTAWA — X says S": take the biggest clause, not a stray dateline
            clauses.sort(key=lambda c: c.right_edge.i - c.left_edge.i, reverse=True)
            for c in clauses[:1]:
                content = _clause_span(c, tok)
                first = c.left_edge
                if content and first.i > 0 and doc[first.i - 1].lower_ == "that" and doc[first.i - 1].head == c:
                    content = (doc[first.i - 1].idx, content[1])
            if content is None:
                content = _statement_clause(tok)
            if content is None:
                parts = _parenthetical(tok)
                if parts:
                    content, content2 = parts
            if content is None:
                content = _preceding_clause(tok)
            if content is not None and _question_clause(doc, starts, content):
                content = content2 = None
        cues.append(_Cue(tok, speaker, medium, content, _tok_span(doc, tok, tok), content2=content2))
    return cues


_WEAK_SUBJECTS = {"it", "this", "that", "you", "who", "which", "what", "there"}


def _weak(speaker: Optional[Speaker]) -> bool:
    """No speaker, or one ("it", "you", "who") that cannot carry a paraphrased claim."""
    return speaker is None or speaker.text.lower() in _WEAK_SUBJECTS
_QUESTION_WORDS = {"if", "whether", "what", "why", "how", "when", "where", "who", "which", "whom"}


def _asserts(verb: Token) -> bool:
    """An affirmative, active use of a cue: not "did not say", not "was told", not "asked if"."""
    for c in verb.children:
        if c.dep_ == "neg":
            return False
        if c.dep_ in ("auxpass", "nsubjpass") and verb.lemma_ not in ("quote",):
            return False
    return True


def _question_clause(doc: Doc, starts: list[int], content: tuple[int, int]) -> bool:
    """An indirect question ("asked if ...", "won't say what ...") reports no claim."""
    i = bisect.bisect_left(starts, content[0])
    return i < len(doc) and doc[i].lower_ in _QUESTION_WORDS


def _parenthetical(verb: Token) -> Optional[tuple[tuple[int, int], Optional[tuple[int, int]]]]:
    """ "S1, he says, S2": the cue sits between commas inside its sentence; both sides are claims."""
    subj = _subject(verb)
    if subj is None or subj.i > verb.i:
        return None
    doc = verb.doc
    left = subj.left_edge.i
    right = verb.i
    while right + 1 < len(doc) and doc[right + 1].dep_ in ("advmod", "prt") and doc[right + 1].head == verb:
        right += 1
    for c in verb.children:  # "S1, he told me on Friday, S2": the cue's own objects sit inside the commas
        if c.i > right and c.dep_ in ("dative", "dobj", "prep", "npadvmod", "advmod", "prt") \
                and all(t.text != "," for t in doc[right + 1:c.right_edge.i + 1]):
            right = c.right_edge.i
    if left == 0 or right + 1 >= len(doc) or doc[left - 1].text != "," or doc[right + 1].text != ",":
        return None
    sent = verb.sent
    before = [t for t in doc[sent.start:left - 1] if not t.is_punct]
    after_start = right + 2
    after = [t for t in doc[after_start:sent.end] if not t.is_punct]
    if len(before) < 2:
        return None
    first_piece = (doc[sent.start].idx, doc[left - 1].idx)
    if len(after) < 2 or after[0].tag_ == "VBG":
        return first_piece, None  # "S, he said, adding ..." reports S only
    last = doc[sent.end - 1]
    return first_piece, (doc[after_start].idx, last.idx + len(last.text))


def _preceding_clause(verb: Token) -> Optional[tuple[int, int]]:
    """ "S, X announced": the parser often hangs the cue off S as a conjunct; S is the claim."""
    if verb.dep_ not in ("conj", "parataxis", "advcl") or verb.head.i >= verb.i:
        return None
    if _subject(verb) is None or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return None
    doc = verb.doc
    first = verb.left_edge
    while first.is_punct and first.i < verb.i:
        first = doc[first.i + 1]
    if first.i == 0 or doc[first.i - 1].text not in (",", "\u2014", "--"):
        return None
    start = verb.head.left_edge
    if start.i >= first.i - 1:
        return None
    return start.idx, doc[first.i - 1].idx


def _statement_clause(verb: Token) -> Optional[tuple[int, int]]:
    """The "that" clause the parser hung on a noun: "said in a statement that S",
    "told the committee that S"."""
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    nouns += [p for prep in verb.children if prep.dep_ == "prep" for p in prep.children if p.dep_ == "pobj"]
    for noun in nouns:
        for clause in noun.children:
            if clause.dep_ in ("acl", "ccomp", "relcl") and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                return clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text)
    return None


# ------------------------------------------------------------------ claims

def _token_quote_index(starts: list[int], quotes: list[QuoteSpan]) -> list[int]:
    """For each token (by its start offset), the index of the quote it lies in, or -1."""
    idx = [-1] * len(starts)
    k = 0
    for i, start in enumerate(starts):
        while k < len(quotes) and quotes[k].outer_end <= start:
            k += 1
        if k < len(quotes) and quotes[k].outer_start <= start < quotes[k].outer_end:
            idx[i] = k
    return idx


def _adjacent_cue(doc: Doc, starts: list[int], q: QuoteSpan, cues_by_tok: dict[int, _Cue],
                  in_quote: list[int]) -> Optional[_Cue]:
    """A cue right after the quote ("…," she said) or right before it (She said: "…").

    ``starts`` holds the character offset of every token, for bisection.
    """
    # right side: within a few tokens, same paragraph, before another quote
    first_after = bisect.bisect_left(starts, q.outer_end)
    for n, i in enumerate(range(first_after, min(first_after + 14, len(doc)))):
        tok = doc[i]
        if "\n" in tok.text or in_quote[i] >= 0:
            break
        if n == 0 and not (tok.is_punct or tok.pos_ in ("VERB", "PRON", "PROPN", "NOUN", "DET", "ADJ", "AUX", "ADV")):
            break
        if i in cues_by_tok and (not cues_by_tok[i].according or n <= 1):
            return cues_by_tok[i]  # '"…," she said' or '"…," according to Dr. Ahamad'
        if tok.text in ".!?" and n > 0 or tok.pos_ in ("VERB", "AUX") and tok.text.islower():
            break  # '"glass box" is what critics said': another verb comes first
    # left side: the closest cue before the quote in the same paragraph
    last_before = bisect.bisect_left(starts, q.outer_start) - 1
    i = last_before
    steps = 0
    while i >= 0 and steps < 40:
        tok = doc[i]
        if "\n" in tok.text or in_quote[i] >= 0:
            break
        if i in cues_by_tok and not cues_by_tok[i].according:
            gap = [t for t in doc[i + 1:last_before + 1] if not t.is_punct]
            content = [t for t in gap if t.lower_ not in ("that", "as", "saying", "reporters", "journalists")]
            if len(content) <= 4 and not any(t.pos_ in ("VERB", "AUX") for t in content):
                return cues_by_tok[i]
            verb = cues_by_tok[i].token
            objects = {t.i for c in verb.children if c.dep_ in ("dobj", "dative", "npadvmod") for t in c.subtree}
            if content and len(content) <= 8 and all(t.i in objects for t in content):
                return cues_by_tok[i]  # "Limbaugh told his radio audience of Monday, "…""
            return None
        if tok.text in ".!?" and steps > 0:
            break
        i -= 1
        steps += 1
    return None


_DASHES = ("\u2014", "\u2015", "\u2013", "--", "-")  # "--" before "-": the first that matches wins


def _dash_speaker(doc: Doc, text: str, starts: list[int], q: QuoteSpan) -> Optional[Speaker]:
    """'"…" — Jane Doe': a name after a dash that follows the quote on its line (the
    dash may be glued to the closing mark: '”― Pamela Padilla')."""
    pos = q.outer_end
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    dash = next((d for d in _DASHES if text.startswith(d, pos)), None)
    if dash is None:
        return None
    j = bisect.bisect_left(starts, pos + len(dash))
    while j < len(doc) and doc[j].is_space and "\n" not in doc[j].text:
        j += 1
    if j >= len(doc) or not doc[j].text[:1].isupper():
        return None
    person = _entity_of(doc[j], ("PERSON", "ORG"))
    if person is not None and person.start == j:
        last = doc[person.end - 1]
    else:
        k = j
        while k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN" and doc[k + 1].text[:1].isupper() and k - j < 4:
            k += 1
        if doc[j].pos_ != "PROPN":
            return None
        last = doc[k]
    span = _tok_span(doc, doc[j], last)
    return Speaker(span.text, span.start, span.end)


def _colon_speaker(doc: Doc, starts: list[int], q: QuoteSpan, in_quote: list[int]) -> Optional[Speaker]:
    """'Martell, the addictions doctor, is more blunt: "…"': a quote opened right after a
    colon belongs to the person the clause before the colon is about."""
    i = bisect.bisect_left(starts, q.outer_start) - 1
    while i >= 0 and doc[i].is_space and doc[i].text.count("\n") <= 2:
        i -= 1  # also 'Caddell continued:' closing the paragraph before the quote
    if i < 1 or doc[i].text != ":" or in_quote[i] >= 0:
        return None
    verb = doc[i].head
    if verb.i > i or in_quote[verb.i] >= 0:  # the colon hangs on the quote: climb from the word before it
        verb = doc[i - 1]
    for _ in range(8):  # "Sanders made the following comment:" hangs the colon on "comment"
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb or verb.head.i > i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i > i:
        return None
    subj = _subject(verb)
    if subj is None or in_quote[subj.i] >= 0 or subj.dep_ == "nsubjpass":
        return None
    person = _entity_of(subj, ("PERSON",))
    if person is None and not (subj.pos_ == "PRON" and subj.lower_ in ("he", "she", "they", "we", "i")) \
            and not (subj.pos_ == "PROPN" and subj.ent_type_ in ("", "PERSON", "ORG")):
        return None
    return _make_speaker(doc, subj)


def _voice_before(claims: list[Claim], last_direct: Optional[tuple[Claim, int]], q: QuoteSpan, para: int,
                  para_of) -> Optional[Claim]:
    """The attributed claim whose voice a following quote with no cue continues: the last
    direct quote of this or the previous paragraph, or any attributed claim earlier in the
    same paragraph ('… "not meeting the demand," says Paul Rieckhoff. "We often …"')."""
    same = [c for c in claims if c.speaker is not None and c.cue is not None and c.end <= q.outer_start
            and para_of(c.start) == para]
    latest = max(same, key=lambda c: c.end, default=None)
    if last_direct is not None and para - last_direct[1] <= 1 and (latest is None or last_direct[0].end >= latest.end):
        return last_direct[0]
    return latest


def _is_speechlike(text: str, q: QuoteSpan) -> bool:
    """Long enough, or a full sentence, to be a statement rather than a quoted term."""
    inner = text[q.start:q.end].strip()
    words = inner.split()
    if len(words) >= 6:
        return True
    return len(words) >= 2 and inner[:1].isupper() and inner[-1:] in ",.!?"


def extract_claims(doc: Doc) -> list[Claim]:
    """Direct, indirect and mixed claims of ``doc``, in text order."""
    text = doc.text
    quotes = find_quotes(text)
    starts = doc.to_array("IDX").tolist() if len(doc) else []
    in_quote = _token_quote_index(starts, quotes)
    cues = _find_cues(doc, in_quote, starts)
    cues_by_tok = {c.token.i: c for c in cues}
    claims: list[Claim] = []
    used_quotes: set[int] = set()

    def add(kind: str, start: int, end: int, context: tuple[int, int], cue: Optional[_Cue] = None,
            speaker: Optional[Speaker] = None, medium: Optional[Span] = None) -> Optional[Claim]:
        trim = {"indirect": _trim, "mixed": _trim_mixed, "direct": _trim_direct}[kind]
        start, end = trim(text, start, end)
        if end <= start:
            return None
        if cue is not None:
            speaker, medium = cue.speaker, cue.medium
        claim = Claim(text[start:end], start, end, kind=kind, speaker=speaker,
                      cue=cue.cue_span if cue else None, medium=medium, context=context)
        claims.append(claim)
        return claim

    terms = {k for k, q in enumerate(quotes) if _scare_quote(text, q)}

    # 1. cues with a reported clause: indirect, mixed, or a direct quote as the clause
    for cue, (cs, ce) in [(c, part) for c in cues for part in (c.content, c.content2) if part]:
        # "The museum, Mr. Bush said, celebrated …": the piece before a parenthetical cue is a
        # fragment of the claim even without a verb of its own (corpora annotate both pieces)
        fragment = cue.content2 is not None and (cs, ce) == cue.content
        if _weak(cue.speaker):
            continue
        cs, ce = _trim(text, cs, ce)
        if ce - cs < 8:
            continue
        inside = [k for k, q in enumerate(quotes) if q.start < ce and q.end > cs and k not in terms]
        ctx = (min(cs, cue.cue_span.start, cue.speaker.start), max(ce, cue.cue_span.end, cue.speaker.end))
        if inside:
            q0 = quotes[inside[0]]
            covered = sum(min(quotes[k].end, ce) - max(quotes[k].start, cs) for k in inside)
            if len(inside) == 1 and (covered >= 0.8 * (ce - cs) or (q0.start <= cs and q0.end >= ce)):
                continue  # the clause is the quote: handled as a direct quote below
            if any(quotes[k].start < cs - 1 or quotes[k].end > ce + 1 for k in inside):
                continue  # the quote runs past the clause: direct
            if add("mixed", min(cs, q0.outer_start), max(ce, quotes[inside[-1]].outer_end), ctx, cue):
                used_quotes.update(inside)
            continue
        lo, hi = bisect.bisect_left(starts, cs), bisect.bisect_left(starts, ce)
        if fragment or any(t.pos_ in ("VERB", "AUX") for t in doc[lo:hi]):
            add("indirect", cs, ce, ctx, cue)

    # 1b. a quoted fragment in the object of a characterising verb: "X called Y 'Z'"
    for k, q in enumerate(quotes):
        if k in used_quotes or k in terms or _is_utterance(text, q):
            continue
        found = _characterizing_verb(doc, starts, q, in_quote)
        if found is None:
            continue
        verb, first, last = found
        speaker, medium = _speaker_for(verb, in_quote)
        if _weak(speaker):
            continue
        end = max(q.outer_end, last.idx + len(last.text))
        cue_span = _tok_span(doc, verb, verb)
        ctx = (min(speaker.start, cue_span.start), end)
        if add("mixed", first.idx, end, ctx, speaker=speaker, medium=medium) is not None:
            claims[-1] = replace(claims[-1], cue=cue_span)
            used_quotes.update(j for j, other in enumerate(quotes) if first.idx <= other.start and other.end <= end)

    # 2. direct quotes, attributed by an adjacent cue or by the voice before them
    last_direct: Optional[tuple[Claim, int]] = None  # (claim, paragraph index)
    para_of = _paragraph_index(text)
    for k, q in enumerate(quotes):
        if k in used_quotes or k in terms:
            continue
        cue = _adjacent_cue(doc, starts, q, cues_by_tok, in_quote)
        if cue is None:
            for c in cues:
                if c.content and not c.according and c.speaker is not None:
                    cs, ce = c.content
                    if cs <= q.start < ce or q.start <= cs < q.end:
                        cue = c
                        break
        para = para_of(q.outer_start)
        own = (q.outer_start, q.outer_end)
        speechlike = _is_speechlike(text, q)
        claim = None
        if cue is not None and cue.speaker is not None:
            ctx = (min(q.outer_start, cue.cue_span.start, cue.speaker.start),
                   max(q.outer_end, cue.cue_span.end, cue.speaker.end))
            claim = add("direct", q.start, q.end, ctx, cue)
        elif cue is None and (dash := _dash_speaker(doc, text, starts, q)) is not None:
            claim = add("direct", q.start, q.end, own, speaker=dash)
        elif cue is None and speechlike and (colon := _colon_speaker(doc, starts, q, in_quote)):
            claim = add("direct", q.start, q.end, own, speaker=colon)
        elif cue is None and speechlike and _opens_unit(text, q) \
                and (prev := _voice_before(claims, last_direct, q, para, para_of)) is not None:
            claim = add("direct", q.start, q.end, own, speaker=prev.speaker, medium=prev.medium)
        elif speechlike and len(text[q.start:q.end].split()) >= 8:
            claim = add("direct", q.start, q.end, own)
        if claim is not None and claim.speaker is not None:
            last_direct = (claim, para)
    skip = _caption_lines(text) + _headline(text)
    if skip:
        claims = [c for c in claims if not any(a <= c.start < b for a, b in skip)]
    claims.sort(key=lambda c: (c.start, c.end))
    return _resolve_names(doc, claims)


def _headline(text: str) -> list[tuple[int, int]]:
    """The article's first line when it is a headline: short, no sentence end, text follows."""
    first = text.lstrip()
    offset = len(text) - len(first)
    end = first.find("\n")
    if end < 0:
        return []
    line = first[:end].rstrip()
    if not line or len(line.split()) > 20 or line[-1] in ".!?\u201d\"'":
        return []
    if not first[end:].strip():
        return []
    return [(offset, offset + end)]


_CREDIT_WORDS = ("photo", "image", "picture", "credit", "file photo", "getty", "reuters", "ap photo")


def _caption_lines(text: str) -> list[tuple[int, int]]:
    """Lines that end with a photo credit such as "(Steve Lawrence/CBC)": captions, not claims."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.rstrip()
        if stripped.endswith(")"):
            open_at = stripped.rfind("(")
            inner = stripped[open_at + 1:-1] if open_at >= 0 else ""
            if 0 < len(inner) <= 80 and ("/" in inner or inner.lower().startswith(_CREDIT_WORDS)):
                out.append((pos, end))
        pos = end + 1
    return out


_WORK_NOUNS = ("show", "program", "programme", "film", "movie", "book", "series", "column", "song",
               "album", "podcast", "documentary", "newspaper", "magazine", "play", "novel", "episode")


def _scare_quote(text: str, q: QuoteSpan) -> bool:
    """A quoted term, not speech: the so-called "peace deal", the word "fraud", NBC's "Today" show."""
    before = text[max(0, q.outer_start - 20):q.outer_start].lower().rstrip()
    if before.endswith(("so-called", "so called", "the word", "the term", "the phrase")):
        return True
    words = text[q.start:q.end].split()
    if 0 < len(words) <= 5 and all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        after = text[q.outer_end:q.outer_end + 15].lower().split()
        return bool(after) and after[0].strip(",.") in _WORK_NOUNS
    return False


def _is_utterance(text: str, q: QuoteSpan) -> bool:
    """A quote that is a statement of its own: it opens a sentence or ends with . ! ? or a comma."""
    inner = text[q.start:q.end].rstrip()
    j = q.outer_start - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    after_colon = j >= 0 and text[j] == ":"
    # '"A," she said, "and B."': the second part of a split quote
    resumed = j >= 0 and text[j] == "," and inner[-1:] in ".!?,"
    return _opens_unit(text, q) or after_colon or resumed or (inner[-1:] in ".,!?" and inner[:1].isupper())


def _characterizing_verb(doc: Doc, starts: list[int], q: QuoteSpan, in_quote: list[int]):
    """(verb, first, last) when the quote sits in the object of a characterising verb.

    ``first``..``last`` are the tokens from the verb's first right dependent to the end of
    the dependent that holds the quote.
    """
    i = bisect.bisect_left(starts, q.start)
    if i >= len(doc):
        return None
    tok = doc[i]
    lexicon = _characterizing()
    for _ in range(8):
        head = tok.head
        if head is tok or in_quote[head.i] >= 0 and head.i != tok.i:
            if head is tok:
                return None
        tok = head
        if tok.pos_ == "VERB" and tok.lemma_.lower() in lexicon and tok.i < i and _asserts(tok):
            break
    else:
        return None
    if not (tok.pos_ == "VERB" and tok.lemma_.lower() in lexicon and tok.i < i):
        return None
    verb = tok
    right = [c for c in verb.children if c.i > verb.i and not c.is_punct]
    holder = next((c for c in right if c.left_edge.idx <= q.start < c.right_edge.idx + len(c.right_edge.text)), None)
    if holder is None or not right:
        return None
    first = right[0].left_edge
    return verb, first, holder.right_edge


def _paragraph_index(text: str):
    """A function: character offset -> index of its paragraph (blank lines do not count)."""
    starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        if text[pos + 1:pos + 2].strip() or (pos + 1 < len(text) and text[pos + 1] not in "\n \t"):
            starts.append(pos + 1)
        pos = text.find("\n", pos + 1)

    def para(offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1

    return para


def _opens_unit(text: str, q: QuoteSpan) -> bool:
    """The quote starts a paragraph or follows a sentence end."""
    j = q.outer_start - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in "\n.!?\u201d\""


def _strip_article(name: str) -> str:
    words = name.split()
    return " ".join(words[1:]) if words and words[0].lower() in ("the", "a", "an") else name


def _resolve_names(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """Give each speaker a ``name``, resolved within the article.

    he/she -> the latest earlier person; they/we -> the latest earlier organisation;
    a surname -> the fullest earlier form ("Putin" -> "Vladimir Putin"); a nominal
    speaker ("the ministry") -> an earlier organisation named with that noun
    ("the Russian Ministry of Defence"). The mention itself stays the speaker span.
    """
    persons = [(e.start_char, e.text) for e in doc.ents if e.label_ == "PERSON"]
    orgs = [(e.start_char, _strip_article(e.text)) for e in doc.ents if e.label_ in ("ORG", "NORP")]
    out = []
    for c in claims:
        sp = c.speaker
        if sp is None:
            out.append(c)
            continue
        earlier = [n for pos, n in persons if pos < sp.start]
        earlier_orgs = [n for pos, n in orgs if pos < sp.start]
        name = sp.name or sp.text
        low = sp.text.lower()
        if low in ("he", "she", "him", "her") and earlier:
            name = earlier[-1]
        elif low in ("they", "we") and earlier_orgs:
            name = earlier_orgs[-1]
        elif low.startswith("the ") and len(low.split()) <= 3 and sp.name is None:
            head = low.split()[-1]
            match = [n for n in earlier_orgs if head in n.lower().split()]
            if match:
                name = match[-1]
        if name:
            last = name.split()[-1] if name.split() else name
            for full in earlier:
                if len(full) > len(name) and full.split()[-1] == last:
                    name = full
                    break
        out.append(replace(c, speaker=replace(sp, name=name)))
    return _drop_repeats(out)


def _drop_repeats(claims: list[Claim]) -> list[Claim]:
    """A pull-quote or caption that repeats a quote word for word is not a second claim."""
    seen: dict[str, Claim] = {}
    out = []
    for c in claims:
        key = " ".join(c.text.split()).strip(".,!?\"'“”").lower()
        if c.kind == "direct" and len(key.split()) >= 5 and key in seen:
            continue
        seen.setdefault(key, c)
        out.append(c)
    return out
