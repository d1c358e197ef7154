"""Word frequencies and language detection: the only module that knows where they come from.

Frequencies are wordfreq's "best" lists, read with ``get_frequency_list`` into a plain dict (it
needs none of wordfreq's tokenizers, so Japanese and Chinese do not pull in MeCab or jieba).
Everything is expressed on wordfreq's Zipf scale: ``log10(frequency per billion words)``, so
``the`` is 7.73, ``putin`` 4.13 and a word the list has never seen is 0.

Language detection uses ``data/stopwords.json``, the 100 most frequent words of each wordfreq
language with their Zipf values, rebuilt by ``scripts/build_stopwords.py``.
"""

from __future__ import annotations

import functools
import json
import math
from importlib import resources

import regex

#: Languages whose words are written with spaces between them in an alphabet that has case or at
#: least letters we can segment: only these get dictionary-based segmentation.
_SPACED_SCRIPT = regex.compile(r"[\p{Latin}\p{Cyrillic}\p{Greek}]")
#: Han, kana, Hangul, Thai: scripts where a missing space is not a defect we can see.
_UNSPACED_SCRIPT = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")
#: A character that may be of those scripts: none is below Thai (U+0E00) or a General Punctuation
#: mark (curly quotes, dashes). A plain range, scanned much faster than the script properties.
_MAYBE_UNSPACED = regex.compile(r"[^\x00-\u0dff\u2000-\u206f]")
# Words for detection; a lower-case word glued to a capitalised one is split so that "theSenate"
# counts its "the" (but "DeSantis" is one word, not Portuguese "de"). Possessive: inside a run of
# lower-case letters no capital follows, so giving letters back could not make the lookahead match.
_WORD = regex.compile(r"\p{Ll}{2,}+(?=\p{Lu}\p{Ll})|\p{L}+")

#: How many words of a document detection looks at; the top words of a language settle it fast.
DETECT_WORDS = 2000
#: A language must account for this share of the words looked at, or the document is "unknown".
#: English news text scores about 0.45, German 0.40; random names and numbers score near 0.
DETECT_MIN_SHARE = 0.12


@functools.cache
def _stopwords() -> dict[str, dict[str, float]]:
    data = resources.files("newsclean").joinpath("data/stopwords.json").read_text(encoding="utf-8")
    return json.loads(data)["languages"]


def available_languages() -> frozenset[str]:
    return frozenset(_stopwords())


@functools.lru_cache(maxsize=8)
def zipf_table(lang: str) -> dict[str, float]:
    """Case-folded word -> Zipf value, for every word of the language's wordfreq list. Shared by
    every caller: do not change it.

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
