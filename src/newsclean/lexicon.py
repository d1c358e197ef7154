"""Word frequencies and language detection: the only module that knows where they come from.

Frequencies are wordfreq's "best" lists, read with ``get_frequency_list`` into a plain dict (it
needs none of wordfreq's tokenizers, so Japanese and Chinese do not pull in MeCab or jieba).
Everything is expressed on wordfreq's Zipf scale: ``log10(frequency per billion words)``, so
``the`` is 7.73, ``putin`` 4.13 and a word the list has never seen is 0.

Building a language's table from wordfreq's list takes about half a second (importing wordfreq,
unpacking its msgpack, one dict entry per word), which a one-file run would pay every time. So the
table is built once and kept in the user's cache directory (``$XDG_CACHE_HOME/newsclean``, else
``~/.cache/newsclean``), in two forms named ``zipf-<format>-wordfreq<version>-py<marshal
version>-<lang>`` plus a suffix:

- ``.marshal``: 8 bytes ``CACHE_MAGIC``, the CRC-32 of the payload (4 bytes, big-endian), then the
  payload, ``marshal.dumps`` of the whole dict: read back in about 0.1 s, without wordfreq;
- ``.sqlite``: the same words in an SQLite table ``words(word TEXT PRIMARY KEY, zipf REAL)``, and
  the largest value in ``meta``: a word is read in 5 to 10 µs without reading the rest.

One article asks for 400 to 1,100 words, so a run starts with the SQLite copy and is ready in a
few milliseconds; past ``LOOKUPS_BEFORE_LOADING`` words (a folder, a corpus) it reads the whole
table into a dict, for ``MAX_LOADED_TABLES`` languages at most (the others keep reading SQLite,
so memory stays bounded). A copy that does not check out (a marshal file truncated or corrupted,
an SQLite file SQLite refuses) is built again and replaced; a cache directory that cannot be
written only costs the building, every run.

Language detection uses ``data/stopwords.json``, the 100 most frequent words of each wordfreq
language with their Zipf values, rebuilt by ``scripts/build_stopwords.py``.
"""

from __future__ import annotations

import contextlib
import functools
import json
import marshal
import math
import os
import sqlite3
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from . import rxcache
from .cachefiles import cache_dir, read_checked, write_atomically, write_checked

#: Languages whose words are written with spaces between them in an alphabet that has case or at
#: least letters we can segment: only these get dictionary-based segmentation.
_SPACED_SCRIPT = rxcache.compile(r"[\p{Latin}\p{Cyrillic}\p{Greek}]")
#: Han, kana, Hangul, Thai: scripts where a missing space is not a defect we can see.
_UNSPACED_SCRIPT = rxcache.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")
#: A character that may be of those scripts: none is below Thai (U+0E00) or a General Punctuation
#: mark (curly quotes, dashes). A plain range, scanned much faster than the script properties.
_MAYBE_UNSPACED = rxcache.compile(r"[^\x00-\u0dff\u2000-\u206f]")
# Words for detection; a lower-case word glued to a capitalised one is split so that "theSenate"
# counts its "the" (but "DeSantis" is one word, not Portuguese "de"). Possessive: inside a run of
# lower-case letters no capital follows, so giving letters back could not make the lookahead match.
_WORD = rxcache.compile(r"\p{Ll}{2,}+(?=\p{Lu}\p{Ll})|\p{L}+")

#: How many words of a document detection looks at; the top words of a language settle it fast.
DETECT_WORDS = 2000
#: A language must account for this share of the words looked at, or the document is "unknown".
#: English news text scores about 0.45, German 0.40; random names and numbers score near 0.
DETECT_MIN_SHARE = 0.12


@functools.cache
def _stopwords() -> dict[str, dict[str, float]]:
    # read beside this module where it is a file (importlib.resources costs a few ms at start);
    # through importlib.resources from a zip
    path = Path(__file__).with_name("data") / "stopwords.json"
    if path.is_file():
        data = path.read_text(encoding="utf-8")
    else:  # pragma: no cover - an install from a zip
        data = resources.files("newsclean").joinpath("data/stopwords.json").read_text(encoding="utf-8")
    return json.loads(data)["languages"]


def available_languages() -> frozenset[str]:
    return frozenset(_stopwords())


#: How many words a process reads one at a time from the SQLite copy before it reads the whole
#: table into a dict. An article asks for 400 to 1,100, so a one-file run never reads the table; a
#: lookup there costs 5 to 10 µs, so a corpus pays at most 30 ms a language for starting this way
#: (reading the marshal copy costs about 0.1 s).
LOOKUPS_BEFORE_LOADING = 3_000


#: How many languages' whole tables a process reads into memory (40 to 130 MB each, about 280 MB
#: for the eight languages of the dev set). The first languages to need them get them; the words of
#: any other are read from the SQLite copy all along (5 to 10 µs a word instead of 0.1): a corpus
#: of many languages runs in bounded memory, a little slower in its rarer languages.
MAX_LOADED_TABLES = 2
#: The languages whose whole table this process holds.
_loaded: set[str] = set()


@functools.cache
def zipf_table(lang: str) -> ZipfTable:
    """Case-folded word -> Zipf value, for every word of the language's wordfreq list. Shared by
    every caller: ask it with ``get(word, default)``; ``top`` is its largest value."""
    return ZipfTable(lang)


class ZipfTable:
    """The words of one language, read from the cache's SQLite copy one at a time while a process
    has asked for few of them, and from a dict once it has asked for many (see the module
    docstring). Either way ``get`` answers what the dict built by :func:`build_zipf_table` would."""

    def __init__(self, lang: str):
        self.lang = lang
        self._words: dict[str, float] | None = None
        self._db: sqlite3.Connection | None = None
        self._db_pid = 0
        self._left = LOOKUPS_BEFORE_LOADING
        path = _cache_path(lang, ".sqlite")
        self._db_path = path if path is not None and path.is_file() else None
        if self._db_path is None:
            self.get = self._load().get

    def get(self, word: str, default: float | None = None) -> float | None:
        """The word's value, read from the SQLite copy; from the whole table once enough were asked,
        unless MAX_LOADED_TABLES other languages hold theirs."""
        self._left -= 1
        if self._left >= 0 or (self._db_path is not None and len(_loaded) >= MAX_LOADED_TABLES):
            try:
                row = self._connection().execute("SELECT zipf FROM words WHERE word = ?", (word,)).fetchone()
            except sqlite3.Error:
                self._discard_db()
            else:
                return default if row is None else row[0]
        self.get = self._load().get
        return self.get(word, default)

    @functools.cached_property
    def top(self) -> float:
        """The largest value of the table (the language's most frequent word)."""
        if self._words is None and self._db_path is not None:
            try:
                (top,) = self._connection().execute("SELECT value FROM meta WHERE key = 'top'").fetchone()
                return top
            except (sqlite3.Error, TypeError):
                self._discard_db()
        return max(self._load().values(), default=0.0)

    def _connection(self) -> sqlite3.Connection:
        # one connection per process: a worker forked from a process that had one opens its own
        if self._db is None or self._db_pid != os.getpid():
            if self._db_path is None:
                raise sqlite3.OperationalError("no SQLite copy")
            self._db = sqlite3.connect(f"{self._db_path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
            self._db_pid = os.getpid()
        return self._db

    def _discard_db(self) -> None:
        """An SQLite copy SQLite refuses: read the whole table, and build the copy again."""
        if self._db_path is not None:
            with contextlib.suppress(OSError):
                self._db_path.unlink()
        self._db_path = None
        self._load()

    def _load(self) -> dict[str, float]:
        if self._words is None:
            self._words = _full_table(self.lang)
            _loaded.add(self.lang)
            self._db = None
        return self._words


class _NoWords(dict):
    """The table of a document in no language the lexicon has: it knows no word."""

    top = 0.0


NO_WORDS = _NoWords()


def _full_table(lang: str) -> dict[str, float]:
    """The whole table: from the marshal copy in the cache, else built and saved there (with the
    SQLite copy, if that is missing too)."""
    path = _cache_path(lang, ".marshal")
    table = _read_cached_table(path) if path else None
    if table is None:
        table = build_zipf_table(lang)
        if path:
            _write_cached_table(path, table)
    db_path = _cache_path(lang, ".sqlite")
    if db_path is not None and not db_path.is_file():
        _write_cached_db(db_path, table)
    return table


def build_zipf_table(lang: str) -> dict[str, float]:
    """The table of :func:`zipf_table`, built from wordfreq's list.

    Built as ``wordfreq.get_frequency_dict`` builds its word -> frequency dict, from the list's
    buckets (bucket ``i`` holds the words of frequency ``10 ** (-i / 100)``), but with the Zipf value
    worked out once per bucket instead of at every lookup: the joins stage looks up hundreds of
    words per document.
    """
    import wordfreq  # imported here: only documents that need segmentation pay for it

    table: dict[str, float] = {}
    for index, bucket in enumerate(wordfreq.get_frequency_list(lang, wordlist="best")):
        f = wordfreq.cB_to_freq(-index)
        table.update(dict.fromkeys(bucket, round(math.log10(f) + 9, 2) if f else 0.0))
    return table


#: The first bytes of a cached table; a new layout or a new way of building the table gets a new one.
CACHE_MAGIC = b"nczipf1\n"
_CACHE_FORMAT = "v1"


def _wordfreq_version() -> str | None:
    """wordfreq's installed version, read from its dist-info folder's name without importing it
    (importing wordfreq, or importlib.metadata, costs more than reading a cached table)."""
    spec = find_spec("wordfreq")
    if spec is None or not spec.origin:
        return None
    site = Path(spec.origin).parent.parent
    versions = [p.name[len("wordfreq-") : -len(".dist-info")] for p in site.glob("wordfreq-*.dist-info")]
    return versions[0] if len(versions) == 1 else None


def _cache_path(lang: str, suffix: str) -> Path | None:
    """The cache file for ``lang``'s table in one form; None (no caching) if wordfreq's version is
    unknown."""
    version = _wordfreq_version()
    if version is None:
        return None
    return cache_dir() / f"zipf-{_CACHE_FORMAT}-wordfreq{version}-py{marshal.version}-{lang}{suffix}"


def _read_cached_table(path: Path) -> dict[str, float] | None:
    """The table saved at ``path``; None if there is none or it does not check out."""
    payload = read_checked(path, CACHE_MAGIC)
    if payload is None:
        return None
    try:
        table = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    return table if isinstance(table, dict) else None


def _write_cached_table(path: Path, table: dict[str, float]) -> None:
    """Save ``table`` at ``path`` as the marshal copy."""
    write_checked(path, CACHE_MAGIC, marshal.dumps(table))


def _write_cached_db(path: Path, table: dict[str, float]) -> None:
    """Save ``table`` at ``path`` as the SQLite copy."""

    def write(f) -> None:
        f.close()  # SQLite writes the file itself
        db = sqlite3.connect(f.name)
        try:
            db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, zipf REAL NOT NULL) WITHOUT ROWID")
            db.executemany("INSERT INTO words VALUES (?, ?)", sorted(table.items()))
            db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value)")
            db.execute("INSERT INTO meta VALUES ('top', ?)", (max(table.values(), default=0.0),))
            db.commit()
        except sqlite3.Error as e:
            raise OSError(str(e)) from e
        finally:
            db.close()

    write_atomically(path, write)


def zipf(word: str, lang: str) -> float:
    """Zipf frequency of ``word`` (already lower-cased) in ``lang``; 0.0 if unknown.

    wordfreq's keys are case-folded, so "außerdem" is looked up as "ausserdem".

    >>> zipf("the", "en")
    7.73
    >>> zipf("außerdem", "de") == zipf("ausserdem", "de") > 5
    True
    """
    return zipf_table(lang).get(word.casefold(), 0.0)


@functools.cache
def stopwords(lang: str) -> frozenset[str]:
    """The language's 100 most frequent words ("und", "der", "the"); empty if unknown."""
    return frozenset(_stopwords().get(lang, ()))


def has_frequencies(lang: str | None) -> bool:
    return lang is not None and lang in available_languages()


def detect_language(text: str) -> str | None:
    """Guess the language of ``text``; ``None`` if no wordfreq language fits.

    Each of the first words votes for every language whose top-100 list has it, weighted by its
    Zipf value there; the best-scoring language wins if it covers enough of the words.

    >>> detect_language("Die Regierung hat am Montag beschlossen, dass die Steuer sinkt.")
    'de'
    >>> detect_language("The government said on Monday that the tax would fall.")
    'en'
    """
    sample = text[:20000]
    if _MAYBE_UNSPACED.search(sample):
        unspaced = len(_UNSPACED_SCRIPT.findall(sample))
        if unspaced and unspaced > len(_SPACED_SCRIPT.findall(sample)):
            return None  # CJK and Thai: no spaces to restore, and wordfreq's lists need tokenizers
    words = [w.casefold() for w in _WORD.findall(sample)[:DETECT_WORDS]]
    if not words:
        return None
    index = _stopword_index()
    scores = dict.fromkeys(sorted(_stopwords()), 0.0)  # sorted: ties go to the same language every time
    for w in words:
        for lang, z in index.get(w, ()):
            scores[lang] += z
    best = max(scores, key=scores.__getitem__)
    if not scores[best]:
        return None  # no word of any top list (each scores above 0)
    hits = sum(map(stopwords(best).__contains__, words))
    return best if hits >= DETECT_MIN_SHARE * len(words) else None


@functools.cache
def _stopword_index() -> dict[str, tuple[tuple[str, float], ...]]:
    """word -> ((language, zipf), ...) for every language whose top list has the word."""
    index: dict[str, list[tuple[str, float]]] = {}
    for lang, top in _stopwords().items():
        for word, z in top.items():
            index.setdefault(word, []).append((lang, z))
    return {w: tuple(v) for w, v in index.items()}
