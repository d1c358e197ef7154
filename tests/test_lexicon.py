"""The word-frequency table's cache: built once, read back the same, and never in the way.

Each test points ``XDG_CACHE_HOME`` at its own folder and calls the uncached loader (``zipf_table``
itself keeps one table per language for the process).
"""

from __future__ import annotations

import pytest

from newsclean import lexicon

LANG = "en"


@pytest.fixture(scope="module")
def built() -> dict[str, float]:
    return lexicon.build_zipf_table(LANG)


@pytest.fixture
def builds(monkeypatch, tmp_path, built) -> list[str]:
    """The languages built from wordfreq during the test (each build returns the real table)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    calls: list[str] = []

    def build(lang: str) -> dict[str, float]:
        calls.append(lang)
        return dict(built)

    monkeypatch.setattr(lexicon, "build_zipf_table", build)
    return calls


def load() -> dict[str, float]:
    return lexicon.zipf_table.__wrapped__(LANG)


def test_cache_is_built_once_then_read(builds, built, tmp_path):
    assert load() == built
    (path,) = (tmp_path / "cache" / "newsclean").iterdir()
    assert LANG in path.name and lexicon._wordfreq_version() in path.name
    assert load() == built
    assert builds == [LANG]
    assert lexicon.zipf("putin", LANG) == built["putin"]


def test_corrupted_cache_file_is_rebuilt(builds, built, tmp_path):
    load()
    (path,) = (tmp_path / "cache" / "newsclean").iterdir()
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    assert load() == built
    assert load() == built
    assert builds == [LANG, LANG]  # rebuilt once, then read from the repaired file


@pytest.mark.parametrize("damage", [b"", b"nczipf1\n", b"not a table at all"])
def test_truncated_or_foreign_cache_file_is_rebuilt(builds, built, damage):
    load()
    lexicon._cache_path(LANG).write_bytes(damage)
    assert load() == built
    assert builds == [LANG, LANG]


def test_unwritable_cache_dir_still_works(monkeypatch, tmp_path, builds, built):
    # a file where the folder should be: mkdir fails even for root, as a read-only home would
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert load() == built
    assert load() == built
    assert builds == [LANG, LANG]
    assert blocker.read_text() == ""


def test_write_leaves_no_temporary_file(builds, tmp_path):
    load()
    assert [p.suffix for p in (tmp_path / "cache" / "newsclean").iterdir()] == [".marshal"]
