"""Batch runs: find inputs (files, folders, JSON Lines), stream documents to one sink.

Sinks write either one stream (JSON Lines or CSV to stdout or to a file written
atomically), a collected rendering (table, JSON), or one ``.json`` file per input
under ``--output-dir`` (atomic, resumable). No spaCy, rich or typer here: the
caller passes the extraction stream and a progress callback.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, TextIO, Union

from .errors import InputError, OutputError, UsageError
from .io import AtomicFile, JsonlKeys, TextInput, is_jsonl, read_jsonl, read_path, write_atomic
from .records import SCHEMA_ID, Document

CSV_COLUMNS = ("source", "id", "claim", "kind", "speaker", "speaker_name", "role", "cue", "medium",
               "text", "start", "end", "dates", "places")


# ---------------------------------------------------------------- inputs

@dataclass(frozen=True)
class InputRef:
    """Where one input lives: its path, and the root it was found under (for mirroring)."""

    path: str
    root: Optional[str] = None


def walk(paths: Iterable[str], pattern: str = "*.txt") -> Iterator[Union[InputRef, InputError]]:
    """Expand folders (recursively, sorted) into files matching ``pattern``.

    Files named on the command line are taken whatever their name. Symlink loops and
    unreadable folders are reported as errors and skipped.
    """
    for path in paths:
        p = Path(path)
        if path == "-" or not p.is_dir():
            yield InputRef(path)
            continue
        seen: set[tuple[int, int]] = set()
        found = False
        for ref in _walk_dir(p, p, pattern, seen):
            found = found or isinstance(ref, InputRef)
            yield ref
        if not found:
            yield InputError(path, f"folder has no files matching {pattern!r}; use --glob")


def _walk_dir(folder: Path, root: Path, pattern: str, seen: set) -> Iterator[Union[InputRef, InputError]]:
    try:
        st = folder.stat()
    except OSError as exc:
        yield InputError(str(folder), f"cannot read folder ({exc.strerror or exc})")
        return
    key = (st.st_dev, st.st_ino)
    if key in seen:
        yield InputError(str(folder), "symbolic link loop; skipped")
        return
    seen.add(key)
    try:
        entries = sorted(folder.iterdir(), key=lambda e: e.name)
    except OSError as exc:
        yield InputError(str(folder), f"cannot read folder ({exc.strerror or exc})")
        return
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError as exc:
            yield InputError(str(entry), f"cannot read ({exc.strerror or exc})")
            continue
        if is_dir:
            yield from _walk_dir(entry, root, pattern, seen)
        elif entry.match(pattern):
            if entry.is_symlink() and not entry.exists():
                yield InputError(str(entry), "broken symbolic link")
                continue
            yield InputRef(str(entry), str(root))


def read_refs(refs: Iterable[Union[InputRef, InputError]], encoding: str = "utf-8",
              input_format: str = "auto", keys: Optional[JsonlKeys] = None,
              skip: Optional[Callable[[TextInput], bool]] = None) -> Iterator[Union[TextInput, InputError]]:
    """Read each input lazily; JSON Lines files give one input per record.

    ``skip`` drops inputs already done (``--resume``).
    """
    for ref in refs:
        if isinstance(ref, InputError):
            yield ref
            continue
        if is_jsonl(ref.path, input_format):
            items: Iterable = read_jsonl(ref.path, keys or JsonlKeys(), encoding=encoding)
        else:
            try:
                item = read_path(ref.path, encoding=encoding)
            except InputError as exc:
                yield exc
                continue
            items = [replace(item, root=ref.root)]
        for item in items:
            if isinstance(item, TextInput) and skip is not None and skip(item):
                continue
            yield item


# ---------------------------------------------------------------- sinks

class Sink:
    """Receives documents and errors in input order; ``close`` finishes the output."""

    def document(self, doc: Document) -> None:
        raise NotImplementedError

    def error(self, err: InputError) -> None:
        pass

    def close(self, ok: bool = True) -> None:
        pass


class _Stream:
    """stdout, or a file that appears only complete (see :class:`claimx.io.AtomicFile`)."""

    def __init__(self, output: Optional[str], inputs: tuple[str, ...]):
        self.output = output
        self.file = AtomicFile(output, inputs) if output is not None else None
        self.fh: TextIO = self.file.fh if self.file is not None else sys.stdout

    def close(self, ok: bool) -> None:
        if self.file is None:
            self.fh.flush()
        else:
            self.file.close(ok)


class JsonlSink(Sink):
    """One JSON document per line, flushed as it goes; errors become error records."""

    def __init__(self, output: Optional[str], inputs: tuple[str, ...]):
        self.stream = _Stream(output, inputs)

    def document(self, doc: Document) -> None:
        self.stream.fh.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        if self.stream.output is None:
            self.stream.fh.flush()

    def error(self, err: InputError) -> None:
        record = {"schema": SCHEMA_ID, "source": err.source}
        if err.line is not None:
            record["line"] = err.line
        record["error"] = err.reason
        self.stream.fh.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self, ok: bool = True) -> None:
        self.stream.close(ok)


def csv_rows(doc: Document) -> Iterator[list]:
    """One flat row per claim (see ``CSV_COLUMNS``)."""
    dates = {d.id: d for d in doc.dates}
    places = {p.id: p for p in doc.locations}
    for c in doc.claims:
        sp = c.speaker
        yield [doc.source, "" if doc.id is None else doc.id, c.id, c.kind,
               sp.text if sp else "", (sp.name or sp.text) if sp else "",
               sp.role.text if sp and sp.role else "", c.cue.text if c.cue else "",
               c.medium.text if c.medium else "", c.text, c.start, c.end,
               ";".join(f"{dates[i].text}={dates[i].value or ''}" for i in c.dates if i in dates),
               ";".join(f"{places[i].name or places[i].text}" for i in c.locations if i in places)]


class CsvSink(Sink):
    """Spreadsheet rows, one per claim, with a header."""

    def __init__(self, output: Optional[str], inputs: tuple[str, ...]):
        self.stream = _Stream(output, inputs)
        self.writer = csv.writer(self.stream.fh)
        self.writer.writerow(CSV_COLUMNS)

    def document(self, doc: Document) -> None:
        self.writer.writerows(csv_rows(doc))

    def close(self, ok: bool = True) -> None:
        self.stream.close(ok)


class CollectSink(Sink):
    """Collects documents and renders them at the end (table, pretty JSON)."""

    def __init__(self, render: Callable, output: Optional[str], inputs: tuple[str, ...], options):
        self.render, self.output, self.inputs, self.options = render, output, inputs, options
        self.docs: list[Document] = []

    def document(self, doc: Document) -> None:
        self.docs.append(doc)

    def close(self, ok: bool = True) -> None:
        if not ok:
            return
        if self.output:
            buf = io.StringIO()
            self.render(self.docs, buf, self.options)
            write_atomic(self.output, buf.getvalue(), inputs=self.inputs)
        elif self.docs:
            self.render(self.docs, sys.stdout, self.options)
            sys.stdout.flush()


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class DirSink(Sink):
    """One ``.json`` per input under a folder, mirroring relative paths, each written atomically."""

    def __init__(self, folder: str, overwrite: bool, inputs: tuple[str, ...]):
        self.folder = Path(folder).resolve()
        self.overwrite = overwrite
        self.inputs = {str(Path(p).resolve()) for p in inputs if p != "-"}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{folder}: cannot create output folder ({exc.strerror or exc})") from None
        self.kept = 0

    def path_for(self, source: str, root: Optional[str] = None, rid=None) -> Path:
        """Output path of an input; never outside the output folder."""
        if rid is not None:
            stem = Path(source).stem if source != "-" else "stdin"
            rel = Path(_UNSAFE.sub("_", stem)) / (_UNSAFE.sub("_", str(rid)).strip("._") or "record")
        elif source == "-":
            rel = Path("stdin")
        elif root:
            rel = Path(os.path.relpath(source, root))
        else:
            rel = Path(Path(source).name)
        target = (self.folder / rel).with_suffix(rel.suffix + ".json" if rid is not None else ".json")
        target = target.resolve()
        if self.folder not in target.parents:
            raise OutputError(f"{source}: output would fall outside {self.folder}")
        return target

    def valid(self, target: Path) -> bool:
        """An existing output that a finished run wrote (valid claimx JSON)."""
        try:
            data = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return isinstance(data, dict) and data.get("schema") == SCHEMA_ID

    def document(self, doc: Document) -> None:
        target = self.path_for(doc.source, doc.root, doc.id)
        if str(target) in self.inputs or (doc.source != "-" and str(Path(doc.source).resolve()) == str(target)):
            raise OutputError(f"{target}: refusing to overwrite an input file")
        if target.exists() and not self.overwrite:
            self.kept += 1
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(str(target), json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n")


# ---------------------------------------------------------------- the run

@dataclass
class Summary:
    """What a batch run did."""

    documents: int = 0
    claims: int = 0
    errors: int = 0
    skipped: int = 0
    seconds: float = 0.0
    started: float = field(default_factory=time.perf_counter)

    def line(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        extra = f", {self.skipped} skipped (already done)" if self.skipped else ""
        return (f"claimx: {self.documents} documents, {self.claims} claims, {self.errors} errors"
                f"{extra} in {self.seconds:.1f} s ({rate:.1f} docs/s)")


def run(results: Iterable[Union[Document, InputError]], sink: Sink, *, fail_fast: bool = False,
        on_error: Callable[[InputError], None] = lambda e: None,
        on_document: Callable[[Document], None] = lambda d: None,
        summary: Optional[Summary] = None) -> Summary:
    """Drive ``results`` into ``sink``; the sink's output is only completed when the run is."""
    summary = summary or Summary()
    ok = False
    try:
        for result in results:
            if isinstance(result, InputError):
                summary.errors += 1
                on_error(result)
                sink.error(result)
                if fail_fast:
                    break
                continue
            summary.documents += 1
            summary.claims += len(result.claims)
            sink.document(result)
            on_document(result)
        ok = True
    finally:
        sink.close(ok)
        summary.seconds = time.perf_counter() - summary.started
    return summary


def done_filter(sink: DirSink, summary: Summary) -> Callable[[TextInput], bool]:
    """For --resume: true for an input whose output file exists and is valid (counted as skipped)."""
    def done(item: TextInput) -> bool:
        finished = sink.valid(sink.path_for(item.source, item.root, item.id))
        summary.skipped += finished
        return finished

    return done


def check_output_options(fmt: str, output: Optional[str], output_dir: Optional[str], resume: bool) -> None:
    """Reject combinations that cannot work, with the fix."""
    if output and output_dir:
        raise UsageError("use either --output or --output-dir, not both")
    if resume and not output_dir:
        raise UsageError("--resume needs --output-dir (it skips inputs whose output file exists)")
    if output_dir and fmt == "csv":
        raise UsageError("--output-dir writes one JSON file per input; use --output FILE for CSV")
