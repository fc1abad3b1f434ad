"""Reading inputs: files and stdin, decoding and validation (no spaCy, rich or typer)."""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Optional

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


def write_atomic(path: str, data: str, inputs: tuple[str, ...] = ()) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Raises:
        OutputError: ``path`` is one of the inputs, or cannot be written.
    """
    target = Path(path)
    for src in inputs:
        if src != "-" and Path(src).exists() and target.exists() and os.path.samefile(src, target):
            raise OutputError(f"{path}: refusing to overwrite an input file")
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
