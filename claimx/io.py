"""Reading inputs: files and stdin, decoding and validation (no spaCy, rich or typer)."""

from __future__ import annotations

import codecs
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator, Optional, TextIO, Union

from .errors import InputError, OutputError

#: Inputs larger than this are refused (claimx reads each input into memory).
MAX_INPUT_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class TextInput:
    """One decoded input text and where it came from."""

    source: str
    text: str
    id: Optional[str] = None
    published: Optional[str] = None
    line: Optional[int] = None  # line number in a JSON Lines file
    root: Optional[str] = None  # the folder it was found under (for --output-dir)


def decode_bytes(data: bytes, source: str, encoding: str = "utf-8") -> str:
    """Decode raw input bytes into text, refusing binary and undecodable data.

    A UTF-8 byte-order mark is removed; the returned string is the text all
    output offsets refer to.

    Raises:
        InputError: empty, binary or undecodable input.
    """
    if not data.strip():
        raise InputError(source, "empty input (no text to read)")
    if b"\x00" in data[:8192] and not encoding.lower().startswith("utf-16"):
        raise InputError(source, "binary data (contains NUL bytes); claimx reads plain text")
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        text = data.decode(codec)
    except LookupError:
        raise InputError(source, f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise InputError(
            source,
            f"not valid {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it to UTF-8 or pass --encoding",
        ) from None
    if not text.strip():
        raise InputError(source, "empty input (only whitespace)")
    return text


def _read_limited(fh: BinaryIO, source: str, limit: int) -> bytes:
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise InputError(source, f"input larger than {limit // (1024 * 1024)} MB; split it first")
    return data


def read_path(path: str, encoding: str = "utf-8", limit: int = MAX_INPUT_BYTES) -> TextInput:
    """Read one input: a file path, or ``-`` for standard input.

    Raises:
        InputError: missing, unreadable, a folder, empty, binary or undecodable.
    """
    if path == "-":
        data = _read_limited(sys.stdin.buffer, "-", limit)
        return TextInput("-", decode_bytes(data, "-", encoding))
    p = Path(path)
    if p.is_dir():
        raise InputError(path, "is a folder; pass the files in it")
    try:
        with open(p, "rb") as fh:
            data = _read_limited(fh, path, limit)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read ({exc.strerror or exc})") from None
    return TextInput(path, decode_bytes(data, path, encoding))


JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")


@dataclass(frozen=True)
class JsonlKeys:
    """Which keys of a JSON Lines record hold the text, the id and the publication date."""

    text: str = "text"
    id: str = "id"
    published: Optional[str] = None


def is_jsonl(path: str, input_format: str = "auto") -> bool:
    """Whether ``path`` is read as JSON Lines (by ``input_format`` or by its suffix)."""
    if input_format != "auto":
        return input_format == "jsonl"
    return path != "-" and path.lower().endswith(JSONL_SUFFIXES)


def parse_jsonl_line(line: str, source: str, number: int, keys: JsonlKeys) -> Optional[TextInput]:
    """One JSON Lines record as a :class:`TextInput` (None for a blank line).

    Raises:
        InputError: the line is not a JSON object, lacks the text key, or its text is empty.
    """
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"invalid JSON ({exc.msg} at column {exc.colno})", number) from None
    if not isinstance(record, dict):
        raise InputError(source, f"a record must be a JSON object, not {type(record).__name__}", number)
    text = record.get(keys.text)
    if not isinstance(text, str):
        found = ", ".join(sorted(map(str, record))[:8]) or "none"
        raise InputError(source, f"no text under key {keys.text!r} (keys: {found}); use --text-key", number)
    if not text.strip():
        raise InputError(source, "empty text", number)
    rid = record.get(keys.id)
    if rid is None:
        rid = f"{source}:{number}"
    elif not isinstance(rid, (str, int)):
        rid = json.dumps(rid, ensure_ascii=False)
    published = record.get(keys.published) if keys.published else None
    if published is not None and not isinstance(published, str):
        raise InputError(source, f"publication date under {keys.published!r} must be a string", number)
    return TextInput(source, text, id=rid, published=published or None, line=number)


def read_jsonl(path: str, keys: JsonlKeys, encoding: str = "utf-8",
               limit: int = MAX_INPUT_BYTES) -> Iterator[Union[TextInput, InputError]]:
    """Records of a JSON Lines file (``-`` = stdin), streamed; a bad line yields its error."""
    try:
        fh = sys.stdin.buffer if path == "-" else open(path, "rb")
    except FileNotFoundError:
        yield InputError(path, "no such file")
        return
    except IsADirectoryError:
        yield InputError(path, "is a folder; pass the files in it")
        return
    except OSError as exc:
        yield InputError(path, f"cannot read ({exc.strerror or exc})")
        return
    try:
        empty = True
        for number, raw in enumerate(fh, 1):
            if len(raw) > limit:
                yield InputError(path, f"line longer than {limit // (1024 * 1024)} MB", number)
                continue
            try:
                bom = number == 1 and raw.startswith(codecs.BOM_UTF8) and codecs.lookup(encoding).name == "utf-8"
                line = raw.decode("utf-8-sig" if bom else encoding)
            except (UnicodeDecodeError, LookupError):
                yield InputError(path, f"not valid {encoding} (see --encoding)", number)
                continue
            try:
                item = parse_jsonl_line(line, path, number, keys)
            except InputError as exc:
                yield exc
                continue
            if item is not None:
                empty = False
                yield item
        if empty:
            yield InputError(path, "empty input (no JSON Lines records)")
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def refuse_input(path: str, inputs: tuple[str, ...]) -> None:
    """Raise OutputError when ``path`` is one of the input files.

    Raises:
        OutputError: ``path`` names the same file as an input.
    """
    target = Path(path)
    if not target.exists():
        return
    for src in inputs:
        if src != "-" and Path(src).exists() and os.path.samefile(src, target):
            raise OutputError(f"{path}: refusing to overwrite an input file")


class AtomicFile:
    """A text file written through a temporary file beside it, renamed into place by ``close(True)``.

    ``close(False)`` removes the temporary file: readers see the whole file or none.

    Raises:
        OutputError: ``path`` is one of the inputs, or cannot be written.
    """

    def __init__(self, path: str, inputs: tuple[str, ...] = ()):
        self.path = path
        target = Path(path)
        refuse_input(path, inputs)
        directory = target.parent if str(target.parent) else Path(".")
        try:
            fd, self.tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
        self.fh: TextIO = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def close(self, ok: bool) -> None:
        self.fh.close()
        if ok:
            os.replace(self.tmp, self.path)
            return
        try:
            os.unlink(self.tmp)
        except OSError:
            pass


def write_atomic(path: str, data: str, inputs: tuple[str, ...] = ()) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Raises:
        OutputError: ``path`` is one of the inputs, or cannot be written.
    """
    out = AtomicFile(path, inputs)
    ok = False
    try:
        out.fh.write(data)
        ok = True
    finally:
        out.close(ok)
