"""The files newsclean keeps between runs in the user's cache directory (the word tables of
:mod:`newsclean.lexicon`, the compiled patterns of :mod:`newsclean.rxcache`): where they are, and
how one is written and read back.

A file is written to a temporary file renamed over the old one, so a reader sees a whole file or
none; a "checked" file starts with a magic string and the CRC-32 of the payload, so a truncated or
damaged one reads as missing and is built again. A cache directory that cannot be written only
loses the speed-up.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import IO


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/newsclean``, else ``~/.cache/newsclean``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newsclean"


def write_atomically(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Write a cache file through ``write(file)`` into a temporary file renamed over ``path``, or do
    nothing if the cache directory cannot be written."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, suffix=".tmp", delete=False) as f:
            tmp = f.name
            write(f)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def write_checked(path: Path, magic: bytes, payload: bytes) -> None:
    """Save ``payload`` at ``path`` behind ``magic`` and its CRC-32 (4 bytes, big-endian)."""
    write_atomically(path, lambda f: f.write(magic + zlib.crc32(payload).to_bytes(4, "big") + payload))


def read_checked(path: Path, magic: bytes) -> bytes | None:
    """The payload :func:`write_checked` saved at ``path``; None if there is none, or it starts
    otherwise, or its CRC does not match."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(magic)
    payload = data[head + 4 :]
    if data[:head] != magic or int.from_bytes(data[head : head + 4], "big") != zlib.crc32(payload):
        return None
    return payload
