"""The word-frequency table's cache: built once, read back the same, and never in the way.

Each test points ``XDG_CACHE_HOME`` at its own folder and makes its own tables (``zipf_table``
keeps one per language for the process); building from wordfreq is counted, and returns the real
table.
"""

from __future__ import annotations

import pytest

from newsclean import lexicon

LANG = "en"
#: Words to look up: frequent, rare, one with a case-folded key, and some the list does not have.
WORDS = ("the", "putin", "pyongyang", "ausserdem", "zinoviev", "putinand", "", "trumptweetedbefore")


@pytest.fixture(scope="module")
def built() -> dict[str, float]:
    return lexicon.build_zipf_table(LANG)


@pytest.fixture
def cache(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "newsclean"


@pytest.fixture(autouse=True)
def no_tables_loaded(monkeypatch):
    """The tests start as a new process would: no language's whole table read yet."""
    monkeypatch.setattr(lexicon, "_loaded", set())


@pytest.fixture
def builds(monkeypatch, cache, built) -> list[str]:
    """The languages built from wordfreq during the test."""
    calls: list[str] = []

    def build(lang: str) -> dict[str, float]:
        calls.append(lang)
        return dict(built)

    monkeypatch.setattr(lexicon, "build_zipf_table", build)
    return calls


def answers(table: lexicon.ZipfTable) -> list:
    return [table.get(w, 0.0) for w in WORDS] + [table.top]


def expected(built: dict[str, float]) -> list:
    return [built.get(w, 0.0) for w in WORDS] + [max(built.values())]


def test_tables_are_built_once_then_read(builds, built, cache):
    first = lexicon.ZipfTable(LANG)
    assert answers(first) == expected(built)
    assert sorted(p.suffix for p in cache.iterdir()) == [".marshal", ".sqlite"]
    assert all(LANG in p.name and lexicon._wordfreq_version() in p.name for p in cache.iterdir())
    second = lexicon.ZipfTable(LANG)
    assert answers(second) == expected(built)
    assert second._words is None  # answered from the SQLite copy, without reading the whole table
    assert builds == [LANG]


def test_sqlite_copy_answers_as_the_dict(cache, built):
    lexicon.ZipfTable(LANG).get("the")  # builds the copies
    table = lexicon.ZipfTable(LANG)
    sample = list(built)[:: len(built) // 2000]  # fewer than LOOKUPS_BEFORE_LOADING
    assert [table.get(w, 0.0) for w in sample] == [built[w] for w in sample]
    assert table._words is None


def test_many_lookups_read_the_whole_table(monkeypatch, builds, built):
    lexicon.ZipfTable(LANG).get("the")
    monkeypatch.setattr(lexicon, "LOOKUPS_BEFORE_LOADING", 3)
    table = lexicon.ZipfTable(LANG)
    assert answers(table) == expected(built)
    assert table._words is not None
    assert builds == [LANG]  # read from the marshal copy


def test_past_max_loaded_tables_a_language_keeps_reading_sqlite(monkeypatch, builds, built):
    # a corpus of many languages: the first to need their whole table get it, the others read
    # their words one at a time all along, so memory stays bounded; the answers are the same
    lexicon.ZipfTable(LANG).get("the")
    monkeypatch.setattr(lexicon, "LOOKUPS_BEFORE_LOADING", 3)
    monkeypatch.setattr(lexicon, "MAX_LOADED_TABLES", 1)
    monkeypatch.setattr(lexicon, "_loaded", {"de"})
    table = lexicon.ZipfTable(LANG)
    assert answers(table) == expected(built)
    assert table._words is None
    monkeypatch.setattr(lexicon, "MAX_LOADED_TABLES", 2)
    assert answers(table) == expected(built)
    assert table._words is not None
    assert lexicon._loaded == {"de", LANG}


def test_corrupted_marshal_copy_is_rebuilt(builds, built, cache):
    lexicon._full_table(LANG)
    path = lexicon._cache_path(LANG, ".marshal")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    assert lexicon._full_table(LANG) == built
    assert lexicon._full_table(LANG) == built
    assert builds == [LANG, LANG]  # rebuilt once, then read from the repaired file


@pytest.mark.parametrize("damage", [b"", b"nczipf1\n", b"not a table at all"])
def test_truncated_or_foreign_marshal_copy_is_rebuilt(builds, built, damage):
    lexicon._full_table(LANG)
    lexicon._cache_path(LANG, ".marshal").write_bytes(damage)
    assert lexicon._full_table(LANG) == built
    assert builds == [LANG, LANG]


@pytest.mark.parametrize("damage", [b"", b"SQLite format 3\x00" + b"\xff" * 200, b"not a database"])
def test_damaged_sqlite_copy_is_replaced(builds, built, damage):
    lexicon.ZipfTable(LANG).get("the")
    path = lexicon._cache_path(LANG, ".sqlite")
    path.write_bytes(damage)
    assert answers(lexicon.ZipfTable(LANG)) == expected(built)
    assert path.stat().st_size > len(damage)
    assert answers(lexicon.ZipfTable(LANG)) == expected(built)
    assert builds == [LANG]  # the whole table came from the marshal copy


def test_unwritable_cache_dir_still_works(monkeypatch, tmp_path, builds, built):
    # a file where the folder should be: mkdir fails even for root, as a read-only home would
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert answers(lexicon.ZipfTable(LANG)) == expected(built)
    assert answers(lexicon.ZipfTable(LANG)) == expected(built)
    assert builds == [LANG, LANG]
    assert blocker.read_text() == ""


def test_writing_leaves_no_temporary_file(builds, cache):
    lexicon.ZipfTable(LANG).get("the")
    assert sorted(p.suffix for p in cache.iterdir()) == [".marshal", ".sqlite"]
