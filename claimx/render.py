"""Renderers: documents -> text for one output format (never imports spaCy).

``RENDERERS`` maps a format name to a function ``(documents, stream, options)``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable, Sequence, TextIO

from .records import Document


@dataclass(frozen=True)
class RenderOptions:
    """Presentation switches shared by the renderers."""

    show_dropped: bool = False
    width: int | None = None


def to_json(doc: Document, indent: int | None = None) -> str:
    """One document as JSON (stable key order, UTF-8 characters kept)."""
    return json.dumps(doc.to_dict(), ensure_ascii=False, indent=indent)


def render_json(docs: Sequence[Document], out: TextIO, options: RenderOptions) -> None:
    """Pretty JSON: one object for one document, a list for several."""
    if len(docs) == 1:
        out.write(to_json(docs[0], indent=2))
    else:
        out.write(json.dumps([d.to_dict() for d in docs], ensure_ascii=False, indent=2))
    out.write("\n")


def render_jsonl(docs: Sequence[Document], out: TextIO, options: RenderOptions) -> None:
    """JSON Lines: one document per line."""
    for d in docs:
        out.write(to_json(d))
        out.write("\n")


def _short(text: str, limit: int = 400) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_table(docs: Sequence[Document], out: TextIO, options: RenderOptions) -> None:
    """Rich tables: claims, then dates and places, then (optionally) dropped boilerplate."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, width=options.width, soft_wrap=False)
    for doc in docs:
        dates = {d.id: d for d in doc.dates}
        places = {p.id: p for p in doc.locations}
        title = doc.id or doc.source
        if doc.published:
            title += f" (published {doc.published})"
        wide = console.width >= 100
        table = Table(title=_escape(title), show_lines=True)
        # fixed widths for the short columns, the rest for the claim text;
        # narrow terminals fold cue and when/where into the neighbouring cells
        widths = {"#": 3, "speaker / role": 18, "kind": 8}
        if wide:
            widths.update({"cue": 12, "when / where": 22})
        padding = 3 * len(widths) + 4
        claim_width = max(20, console.width - sum(widths.values()) - padding)
        table.add_column("#", no_wrap=True, width=widths["#"])
        table.add_column("speaker / role", width=widths["speaker / role"])
        if wide:
            table.add_column("cue", width=widths["cue"])
        table.add_column("claim", width=claim_width)
        table.add_column("kind", no_wrap=True, width=widths["kind"])
        if wide:
            table.add_column("when / where", width=widths["when / where"])
        for c in doc.claims:
            who = "—"
            if c.speaker:
                who = _escape(c.speaker.name or c.speaker.text)
                if c.speaker.name and c.speaker.name != c.speaker.text:
                    who += _escape(f" ({c.speaker.text})")
                if c.speaker.role:
                    who += f"\n[dim]{_escape(c.speaker.role.text)}[/dim]"
            cue = _escape(c.cue.text) if c.cue else "—"
            if c.medium:
                cue += f"\n[dim]via {_escape(c.medium.text)}[/dim]"
            where = [f"{dates[i].text} → {dates[i].value or '?'}" for i in c.dates if i in dates]
            seen = []
            for i in c.locations:
                if i in places and (places[i].name or places[i].text) not in seen:
                    seen.append(places[i].name or places[i].text)
            where += seen
            claim = _escape(_short(c.text))
            if wide:
                table.add_row(c.id, who, cue, claim, c.kind, _escape("\n".join(where)))
            else:
                who += f"\n[italic]{cue}[/italic]"
                if where:
                    claim += f"\n[dim]{_escape('; '.join(where))}[/dim]"
                table.add_row(c.id, who, claim, c.kind)
        if doc.claims:
            console.print(table)
        else:
            console.print(f"[bold]{_escape(title)}[/bold]: no claims found")
        if doc.dates or doc.locations:
            facts = Table(show_header=True, expand=False, title="dates and places")
            facts.add_column("id", no_wrap=True)
            facts.add_column("mention")
            facts.add_column("value / place")
            for d in doc.dates:
                facts.add_row(d.id, _escape(d.text), f"{d.value or '?'} ({d.type.lower()})")
            for p in doc.locations:
                where = ", ".join(x for x in (p.country, p.type) if x)
                facts.add_row(p.id, _escape(p.text), _escape(f"{p.name} ({where})"))
            console.print(facts)
        if options.show_dropped and doc.boilerplate:
            dropped = Table(title="dropped boilerplate", expand=False)
            dropped.add_column("offset", no_wrap=True)
            dropped.add_column("rule", no_wrap=True)
            dropped.add_column("text")
            for b in doc.boilerplate:
                dropped.add_row(f"{b.start}-{b.end}", b.rule, _escape(_short(b.text, 120)))
            console.print(dropped)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _pct(x) -> str:
    return "-" if x is None else f"{x:.3f}"


def render_scores(result: dict, out: TextIO, title: str = "") -> None:
    """The metrics of ``claimx eval`` as rich tables."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out)
    docs = result["documents"]
    console.print(f"[bold]{_escape(title)}[/bold] documents: gold {docs['n_gold']}, system {docs['n_system']}, "
                  f"missing {docs['n_gold_missing_in_system']}")
    q = result.get("quotes")
    if q:
        t = Table(title=f"quotes (gold {q['n_gold']}, system {q['n_sys']})")
        for col in ("level", "P", "R", "F1", "TP"):
            t.add_column(col, justify="right" if col != "level" else "left")
        for lv in ("exact", "overlap80", "overlap30"):
            m = q[lv]
            t.add_row(lv, _pct(m["p"]), _pct(m["r"]), _pct(m["f1"]), str(m["tp"]))
        console.print(t)
        r = Table(title="recall by kind")
        for col in ("kind", "n", "exact", "overlap80", "overlap30"):
            r.add_column(col, justify="right" if col != "kind" else "left")
        rows = [(k, q["by_kind"][k]) for k in ("direct", "mixed", "indirect")] + [("speech-cue", q["speech_cue"])]
        for name, m in rows:
            r.add_row(name, str(m["n_gold"]), _pct(m["exact_r"]), _pct(m["overlap80_r"]), _pct(m["overlap30_r"]))
        console.print(r)
        sp, at = q["speaker"], q["attribution"]
        console.print(f"speaker accuracy {_pct(sp['accuracy'])} over {sp['n_pairs']} overlap30 pairs "
                      f"(gold speaker named: {_pct(sp['accuracy_gold_speaker_nonnull'])} of "
                      f"{sp['n_pairs_gold_speaker_nonnull']})")
        console.print(f"attribution P {_pct(at['p'])}  R {_pct(at['r'])}  F1 {_pct(at['f1'])}")
    for key in ("dates", "locations"):
        m = result.get(key)
        if not m:
            continue
        t = Table(title=f"{key} (gold {m['n_gold']}, system {m['n_sys']}, ignored {m['n_sys_ignored']}, "
                        f"outside annotated region {m['n_sys_outside_region']})")
        for col in ("level", "P", "R", "F1", "TP"):
            t.add_column(col, justify="right" if col != "level" else "left")
        for lv in ("overlap", "strict") + (("value",) if key == "dates" else ()):
            x = m[lv]
            t.add_row(lv, _pct(x["p"]), _pct(x["r"]), _pct(x["f1"]), str(x["tp"]))
        console.print(t)


def render_errors(misses: Sequence, out: TextIO, limit: int) -> None:
    """The first ``limit`` errors of ``claimx eval --show-errors``, one block each."""
    for m in list(misses)[:limit]:
        out.write(f"[{m.what}] {m.doc_id}: {_short(m.text, 200)}\n    {m.detail}\n    context: {m.context}\n")


RENDERERS: dict[str, Callable[[Sequence[Document], TextIO, RenderOptions], None]] = {
    "table": render_table,
    "json": render_json,
    "jsonl": render_jsonl,
}
