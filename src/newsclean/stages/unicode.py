"""unicode: repair mojibake, HTML entities, control and zero-width characters; NFC.

ftfy does the repair with settings that keep what a news text means to keep: typographic quotes
and dashes stay curly (``uncurl_quotes=False``), full-width CJK punctuation stays full-width, and
line breaks are the whitespace stage's business. Each changed stretch of a line becomes one edit
whose reason names ftfy's steps::

    >>> from newsclean.config import Config
    >>> doc = Document.from_text("Caf\u00c3\u00a9 &amp; bar")
    >>> [(e.before, e.after) for e in fix_unicode(doc, Context(Config(), None))]
    [('CafÃ©', 'Café'), ('&amp;', '&')]
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from collections.abc import Iterator

from .. import rxcache
from ..model import FIX_UNICODE, Context, Document, Edit

STAGE = "unicode"

# ftfy only reads lines that could need it. Its encoding repairs act only where its own badness
# test (ftfy.badness.is_bad) finds mojibake; its other fixes need one of these characters. Curly
# quotes, dashes and accented letters alone are not a reason: that keeps most lines away from it.
_SUSPECT = rxcache.compile(
    r"""(?x)
      &\#?[0-9A-Za-z]{1,24};                     # HTML entity (ftfy's HTML_ENTITY_RE)
    | [\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]         # C0 and C1 controls, terminal escapes
    | [\u200b\u2060-\u206f\ufeff\ufff9-\ufffc]     # zero-width and other invisible format characters
    | [\u0132\u0133\u0149\u01c4-\u01cc\u01f1-\u01f3\ufb00-\ufb06]  # ligatures ftfy splits
    | [\ud800-\udfff\ufffd]                      # surrogates, replacement character
    """
)


def _needs_ftfy(text: str) -> bool:
    if text.isascii():
        return "&" in text or not text.isprintable()
    return (
        bool(_SUSPECT.search(text))
        or (_maybe_mojibake().search(text) is not None and _is_bad(text))
        or not unicodedata.is_normalized("NFC", text)
    )


def _is_bad(text: str) -> bool:
    from ftfy.badness import is_bad

    return is_bad(text)


@functools.cache
def _maybe_mojibake():
    """A character without which ftfy's badness test (ftfy.badness.BADNESS_RE) cannot match.

    That regex reads each character of a line against some forty alternatives (65 µs a line on
    the dev set, most of the stage's time). Every alternative needs a character of one of its rare
    categories (C1 controls, "bad" marks, currency, numeric and legal signs, accented capitals
    and small letters, box drawing) or one of a few letters it names ("Ù", "‚", Cyrillic
    "вВГРС", Greek "βΒΓΞΟ"): "Ã©" needs "Ã", "â€™" needs "€", "Ð¿" needs "Ð". Curly quotes, dashes,
    the ellipsis, "©" and "™" ("common", "start_punctuation", "end_punctuation" in ftfy's terms)
    only ever stand next to one of those, so an English line with typographic punctuation is
    passed over without the test.
    """
    import re

    from ftfy.badness import MOJIBAKE_CATEGORIES as cat

    needed = ("c1", "bad", "law", "currency", "numeric", "upper_accented", "lower_accented", "box")
    return re.compile("[" + "".join(cat[name] for name in needed) + "Ù‚вВГРСβΒΓΞΟ" + "]")


# Invisible characters that scraped text carries but a reader never needs: zero-width space, word
# joiner, byte-order mark. ZWJ and ZWNJ are kept: emoji and Indic and Persian spelling need them.
_INVISIBLE = rxcache.compile(r"[\u200b\u2060\ufeff]")


@functools.lru_cache(maxsize=1)
def _ftfy_config():
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=True,  # scraped text is not HTML: "&amp;" is always an artifact
        # "Â" before a plain space is left alone: reading it as a mangled no-break space made
        # "Â\t0" -> "Â 0" -> "0" across two runs, and ftfy calls the option the riskier one
        restore_byte_a0=False,
        uncurl_quotes=False,
        fix_character_width=False,
        fix_line_breaks=False,
        normalization="NFC",
        explain=True,
    )


def fix_unicode(doc: Document, ctx: Context) -> Iterator[Edit]:
    for line in doc.lines:
        # ftfy reads the line with its tabs and other spaces already made spaces (one character
        # for one, so offsets hold): what it decides must not change once the whitespace stage has
        # run, or a second run would repair "Â\t0" differently from the first.
        probe = _OTHER_SPACE.sub(" ", line.text)
        if not _needs_ftfy(probe):
            continue
        fixed, steps = _fix_line(probe)
        if fixed == probe:
            continue
        reason = "ftfy: " + ", ".join(steps) if steps else "unicode repair"
        # the probe has the line's length, so its spans index the line too, and the edit replaces
        # the line's own characters (tabs included)
        for start, end, after in _changed_spans(probe, fixed):
            yield Edit(STAGE, FIX_UNICODE, line.number, start, end, line.text[start:end], after, reason)


# Whitespace that the whitespace stage turns into spaces later and that is never part of mojibake.
# Not U+00A0 or U+0085: they are bytes of damaged UTF-8 ("Ã\xa0" is "à", "Ï\x85" is "υ").
# (\x0b and \x1c-\x1f are left too: ftfy removes them as control characters.)
_OTHER_SPACE = rxcache.compile(r"[\t\x0c\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


@functools.lru_cache(maxsize=65536)
def _fix_line(text: str) -> tuple[str, tuple[str, ...]]:
    """ftfy's repair of one line, then invisible characters removed; with the steps taken."""
    import ftfy

    fixed, explanation = ftfy.fix_and_explain(text, config=_ftfy_config())
    steps = [name for _, name in explanation or ()]
    cleaned = _INVISIBLE.sub("", fixed)
    if cleaned != fixed:
        steps.append("remove_zero_width")
    return cleaned, tuple(dict.fromkeys(steps))


#: The longest stretch (between the first and the last changed character of a line) diffed
#: character by character. The suffix automaton costs about 400 bytes a character, so a longer
#: stretch (a line of megabytes, never an article's paragraph: the dev set's longest line is 49,369
#: characters) becomes one edit from its first to its last change, in linear time and memory.
MAX_DIFF_CHARS = 200_000


def _changed_spans(before: str, after: str) -> list[tuple[int, int, str]]:
    """The stretches of ``before`` that differ from ``after``, as (start, end, replacement).

    Each stretch is widened to whole words, so an explanation reads ``"&amp;" -> "&"`` rather than
    ``"amp;" -> ""``; stretches that then touch are merged.

    >>> _changed_spans("Caf\u00c3\u00a9 &amp; bar", "Café & bar")
    [(0, 5, 'Café'), (6, 11, '&')]
    """
    opcodes = _long_stretch(before, after) if len(before) > MAX_DIFF_CHARS else None
    if opcodes is None:
        opcodes = _Matcher(None, before, after, autojunk=False).get_opcodes()
    spans: list[list[int]] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        while i1 > 0 and j1 > 0 and not before[i1 - 1].isspace() and before[i1 - 1] == after[j1 - 1]:
            i1, j1 = i1 - 1, j1 - 1
        while i2 < len(before) and j2 < len(after) and not before[i2].isspace() and before[i2] == after[j2]:
            i2, j2 = i2 + 1, j2 + 1
        if spans and i1 <= spans[-1][1]:
            spans[-1][1], spans[-1][3] = max(i2, spans[-1][1]), max(j2, spans[-1][3])
        else:
            spans.append([i1, i2, j1, j2])
    return [(i1, i2, after[j1:j2]) for i1, i2, j1, j2 in spans]


def _long_stretch(before: str, after: str) -> list[tuple[str, int, int, int, int]] | None:
    """The stretch from the first to the last changed character, as one opcode, if it is longer
    than MAX_DIFF_CHARS; None if it is not (the line is then diffed)."""
    head = _common_prefix(before, after)
    tail = _common_prefix(before[head:][::-1], after[head:][::-1])
    if len(before) - head - tail <= MAX_DIFF_CHARS:
        return None
    return [("replace", head, len(before) - tail, head, len(after) - tail)]


def _common_prefix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their start (blocks compared in C, then the
    last one a character at a time)."""
    n, i = min(len(a), len(b)), 0
    while i + 4096 <= n and a[i : i + 4096] == b[i : i + 4096]:
        i += 4096
    while i < n and a[i] == b[i]:
        i += 1
    return i


class _Matcher(difflib.SequenceMatcher):
    """difflib's SequenceMatcher (no junk), with its longest-match search done in linear time.

    SequenceMatcher compares every character of ``a`` with every equal character of ``b``: on a
    long paragraph with one repair that is millions of steps (0.6 s for one 8,600-character line of
    the dev set, most of the stage's time). The opcodes are the same, only found faster.
    """

    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):
        ahi = len(self.a) if ahi is None else ahi
        bhi = len(self.b) if bhi is None else bhi
        return _longest_match(self.a, self.b, alo, ahi, blo, bhi)


def _longest_match(a: str, b: str, alo: int, ahi: int, blo: int, bhi: int) -> difflib.Match:
    """The longest common substring of ``a[alo:ahi]`` and ``b[blo:bhi]``, as SequenceMatcher's
    find_longest_match (without junk) returns it: the first in ``a`` of the longest, matched to
    its first occurrence in ``b``; ``(alo, blo, 0)`` if there is none.

    It builds the suffix automaton of ``b[blo:bhi]`` (a state for each set of substrings that end
    at the same places; ``moves`` extend a substring by one character, ``link`` drops characters
    from its start), then walks ``a`` through it, keeping the longest substring of ``b`` that ends
    at each character of ``a``.
    """
    length, link, moves = [0], [-1], [{}]
    last = 0
    for c in b[blo:bhi]:
        cur = len(length)
        length.append(length[last] + 1)
        link.append(0)
        moves.append({})
        p = last
        while p != -1 and c not in moves[p]:
            moves[p][c] = cur
            p = link[p]
        if p != -1:
            q = moves[p][c]
            if length[p] + 1 == length[q]:
                link[cur] = q
            else:  # q also stands for longer substrings: split off the ones that end here too
                clone = len(length)
                length.append(length[p] + 1)
                link.append(link[q])
                moves.append(dict(moves[q]))
                while p != -1 and moves[p].get(c) == q:
                    moves[p][c] = clone
                    p = link[p]
                link[q] = link[cur] = clone
        last = cur
    state = size = best = 0
    end = alo
    for i in range(alo, ahi):
        while state and a[i] not in moves[state]:
            state = link[state]
            size = length[state]
        if a[i] in moves[state]:
            state = moves[state][a[i]]
            size += 1
        if size > best:  # strictly longer: a tie keeps the earlier one, as SequenceMatcher does
            best, end = size, i
    if not best:
        return difflib.Match(alo, blo, 0)
    start = end - best + 1
    return difflib.Match(start, b.find(a[start : end + 1], blo, bhi), best)
