"""Reading inputs and writing outputs safely: decoding with a fallback, atomic writes."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import NamedTuple


class InputError(Exception):
    """An input that cannot be cleaned; the message names the problem, the CLI adds the path."""


class Decoded(NamedTuple):
    text: str
    warning: str | None


def decode(data: bytes) -> Decoded:
    """Decode file bytes as UTF-8, falling back to Windows-1252 (then Latin-1) with a warning.

    >>> decode(b"Caf\\xc3\\xa9").text
    'Café'
    >>> decode(b"Caf\\xe9")
    Decoded(text='Café', warning='not UTF-8; decoded as cp1252')
    """
    if b"\0" in data:
        raise InputError("binary file")
    try:
        return Decoded(data.decode("utf-8-sig"), None)
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode("cp1252"), "not UTF-8; decoded as cp1252")
    except UnicodeDecodeError:
        return Decoded(data.decode("latin-1"), "not UTF-8; decoded as latin-1")


def read_path(path: str | Path) -> Decoded:
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    return decode(data)


def atomic_write(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename, so a
    reader never sees half a file and a crash leaves the old one. An existing file's mode is kept."""
    path = Path(path)
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    fd, tmp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
