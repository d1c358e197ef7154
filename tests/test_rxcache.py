"""The compiled-pattern cache: a second start parses no pattern, and what it builds is what regex
compiles; a damaged file or a cache folder that cannot be written only costs compiling as usual.

The start-up tests run real processes (the cache is read once per process and written at exit),
each with ``XDG_CACHE_HOME`` pointed at its own folder.
"""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from newsclean import cachefiles, rxcache

from .command import run

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

#: A process that imports the whole pipeline, cleans a line, and prints how many patterns regex had
#: to parse (regex.compile's own calls, outside the cache's).
PROBE = """
import regex
parsed = []
compile = regex.compile
regex.compile = lambda pattern, flags=0, **kw: parsed.append(pattern) or compile(pattern, flags, **kw)
import newsclean
assert newsclean.clean_text("Seoul warns Moscow\\nSeoul said on Friday it would act.\\n")
print(len(parsed))
"""


def start(cache: Path) -> int:
    """Run PROBE with its cache in ``cache``; the number of patterns it parsed."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    return int(done.stdout)


def cache_file(cache: Path) -> Path:
    (path,) = (cache / "newsclean").glob("regex-*.marshal")
    return path


def programs_in(path: Path) -> dict:
    """The programs the cache file at ``path`` holds (it must check out)."""
    payload = cachefiles.read_checked(path, rxcache.CACHE_MAGIC)
    assert payload is not None
    return marshal.loads(payload)


def test_second_start_parses_no_pattern(tmp_path):
    first = start(tmp_path)
    assert first > 50  # every pattern of the package, parsed once
    assert regex.__version__ in cache_file(tmp_path).name
    assert start(tmp_path) == 0


def test_cached_programs_build_the_patterns_regex_compiles(tmp_path):
    start(tmp_path)
    programs = programs_in(cache_file(tmp_path))
    assert len(programs) > 50
    # regex's programs are not byte-identical from one process to the next (it orders some sets
    # as it meets them), so they are compared on what they find: every fixture article's text
    texts = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.rglob("*.txt"))]
    assert texts
    for (pattern, flags, _), program in programs.items():
        built = rxcache._build(*program)
        fresh = regex.compile(pattern, flags)
        assert (built.pattern, built.flags, built.groupindex) == (fresh.pattern, fresh.flags, fresh.groupindex)
        for text in texts:
            assert [m.span() for m in built.finditer(text)] == [m.span() for m in fresh.finditer(text)]


@pytest.mark.parametrize("damage", ["flip", "truncate", "foreign"])
def test_damaged_file_is_compiled_anew_and_replaced(tmp_path, damage):
    start(tmp_path)
    path = cache_file(tmp_path)
    if damage == "foreign":  # a program that names another pattern, behind a right CRC
        programs = programs_in(path)
        programs[next(iter(programs))] = regex.compile("x")._pickled_data
        cachefiles.write_checked(path, rxcache.CACHE_MAGIC, marshal.dumps(programs))
    else:
        data = bytearray(path.read_bytes())
        if damage == "flip":
            data[len(data) // 2] ^= 0xFF
        else:
            del data[len(data) // 2 :]
        path.write_bytes(bytes(data))
    assert start(tmp_path) >= 1
    assert start(tmp_path) == 0  # the file was written whole again


def test_unwritable_cache_folder_still_cleans(tmp_path):
    blocker = tmp_path / "not-a-dir"  # a file where the folder should be: mkdir fails even for root
    blocker.write_text("")
    assert start(blocker) > 50
    assert start(blocker) > 50
    assert blocker.read_text() == ""


def test_installed_command_writes_then_uses_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    article = tmp_path / "a.txt"
    article.write_text("Seoul warns Moscow\nSeoul said on Friday it would act.\n")
    first = run(article)
    assert first.returncode == 0
    path = cache_file(tmp_path)
    written = path.stat().st_mtime_ns
    second = run(article)
    assert (second.returncode, second.stdout, second.stderr) == (0, first.stdout, first.stderr)
    assert path.stat().st_mtime_ns == written  # nothing new to add: not written again


def test_users_patterns_are_not_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    article = tmp_path / "a.txt"
    article.write_text("Seoul said on Friday it would act.\nAdvertisement Qxqzy9\n")
    done = run(article, "--boilerplate", r"Advertisement Qxqzy\d")
    assert done.returncode == 0 and "Qxqzy9" not in done.stdout
    programs = programs_in(cache_file(tmp_path))
    assert not any("Qxqzy" in pattern for pattern, _, _ in programs)


def test_many_patterns_keep_only_the_used_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(rxcache, "_programs", {(f"old{i}", 0, 0): ("old",) for i in range(5)})
    monkeypatch.setattr(rxcache, "_compiled", {})
    monkeypatch.setattr(rxcache, "_used", set())
    monkeypatch.setattr(rxcache, "MAX_PATTERNS", 3)
    rxcache.compile(r"new\d+")
    rxcache._write()
    programs = programs_in(rxcache.cache_path())
    assert [pattern for pattern, _, _ in programs] == [r"new\d+"]
