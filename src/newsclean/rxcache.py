"""Compiled patterns kept between runs, so that a run does not parse its patterns again.

newsclean compiles about 80 patterns as it starts; ``regex`` parses each in Python, which took
about 55 ms of a one-file run's 190 (pre-commit starts newsclean on every commit). A compiled
pattern holds its compiled program, which is what pickle saves of it (``Pattern._pickled_data``),
and ``regex`` builds a pattern from a program without parsing anything: pickle.loads does exactly
that. So the programs are kept in the user's cache directory (see :mod:`newsclean.cachefiles`) in
one file, ``regex-<format>-<regex version>-<Python tag>.marshal``: the magic ``CACHE_MAGIC``, a
CRC-32, then ``marshal.dumps`` of a dict from ``(pattern, flags, regex.DEFAULT_VERSION)`` to the
program. A run reads it once, in about a millisecond.

A pattern the file does not hold is compiled as usual, and the file is written again when the
process exits, with what it held and the new ones (or only the ones this process used, past
``MAX_PATTERNS``: an upgraded newsclean leaves its old patterns behind). A file that does not
check out, an older or newer ``regex`` (its version is in the name), a program this ``regex``
refuses: each only costs compiling as usual. Workers forked from a process that has the patterns
neither read nor write the file.

Only newsclean's own patterns go through here: a user's ``--boilerplate`` pattern is compiled by
``regex`` itself.
"""

from __future__ import annotations

import atexit
import marshal
import sys
from pathlib import Path
from typing import Any

import regex

from .cachefiles import cache_dir, read_checked, write_checked

try:  # how pickle rebuilds a pattern: regex's copyreg entry returns this function and the program
    from regex._regex import compile as _build  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - a regex without it: everything is compiled as usual
    _build = None

#: The first bytes of the file; a new layout gets a new one.
CACHE_MAGIC = b"ncrgx01\n"
_CACHE_FORMAT = "v1"
#: Past this many patterns in the file, it is written with only those the process used.
MAX_PATTERNS = 2000

_Key = tuple[str, int, int]
_programs: dict[_Key, tuple[Any, ...]] | None = None  # read from the file at the first compile
_compiled: dict[_Key, tuple[Any, ...]] = {}  # compiled by this process, to add to the file
_used: set[_Key] = set()


def compile(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)``, built from the cached program when there is one."""
    key = (pattern, int(flags), int(regex.DEFAULT_VERSION))
    programs = _programs if _programs is not None else _read()
    _used.add(key)
    program = programs.get(key)
    if program is not None and _build is not None:
        try:
            return _build(*program)
        except Exception:
            pass
    compiled = regex.compile(pattern, flags)
    program = getattr(compiled, "_pickled_data", None)
    if _build is not None and isinstance(program, tuple):
        if not _compiled:
            atexit.register(_write)
        _compiled[key] = program
    return compiled


def cache_path() -> Path:
    """The file of this regex version and Python."""
    version = getattr(regex, "__version__", "unknown")
    return cache_dir() / f"regex-{_CACHE_FORMAT}-{version}-{sys.implementation.cache_tag}.marshal"


def _read() -> dict[_Key, tuple[Any, ...]]:
    """The programs in the file (none if it is missing or does not check out)."""
    global _programs
    _programs = {}
    payload = read_checked(cache_path(), CACHE_MAGIC)
    if payload is not None:
        try:
            programs = marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            programs = None
        if isinstance(programs, dict):
            # a program names its pattern first: one that does not is not ours
            _programs = {k: v for k, v in programs.items() if isinstance(v, tuple) and v and v[0] == k[0]}
    return _programs


def _write() -> None:
    """Write the file again with the patterns compiled since it was read (at exit)."""
    global _programs
    if not _compiled:
        return
    programs = {**(_programs or {}), **_compiled}
    if len(programs) > MAX_PATTERNS:
        programs = {key: program for key, program in programs.items() if key in _used}
    try:
        payload = marshal.dumps(programs)
    except ValueError:  # a program marshal cannot write (none known): keep compiling as usual
        return
    write_checked(cache_path(), CACHE_MAGIC, payload)
    _programs = programs
    _compiled.clear()
