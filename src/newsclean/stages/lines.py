"""Line rules shared by the captions, boilerplate, headline, structure and fragments stages."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import regex

from .. import rxcache
from ..model import DROP_LINE, Document, Edit
from ..patterns import BOILERPLATE, CAPTIONS, Pattern

# A line that ends in an article, a preposition or a conjunction is a sentence the scraper broke
# across lines ("a late goal gave the visitors a" / "2-1 lead, which left the hosts"), not a headline.
_MID_PHRASE_END = rxcache.compile(
    r"""(?<!\S)(?:a|an|the|of|to|in|on|at|by|for|from|with|and|or|but|that|which|who|as
        |der|die|das|den|dem|des|ein|eine|einen|und|oder|mit|von|zu|im|für|auf
        |el|la|los|las|un|una|de|del|y|o|en|con|por|para|que
        |le|les|une|des|du|et|ou|à|au|aux|avec|pour|sur|qui)$""",
    regex.VERBOSE | regex.VERSION1,
)


def ends_mid_phrase(text: str) -> bool:
    """True if the line stops after an article, a preposition or a conjunction ("won by").

    Such a line is a sentence the scraper broke off, not a headline or a paragraph of its own.
    """
    return bool(_MID_PHRASE_END.search(text.rstrip()))


def collapse_spaces(text: str) -> str:
    """The line as the line rules read it: whitespace runs made one space, edges stripped."""
    return " ".join(text.split())


def first_match(text: str, patterns: Iterable[Pattern]) -> tuple[Pattern, regex.Match] | None:
    """The first pattern that matches the whole line (whitespace collapsed), with its match."""
    text = collapse_spaces(text)
    if not text:
        return None
    for p in patterns:
        if p.lengths is not None and len(text) not in p.lengths:
            continue  # the pattern's own length test would fail: see patterns._LENGTH_TEST
        m = p.regex.match(text)
        if m:
            return p, m
    return None


#: Every line rule, in the order :func:`is_chrome` tries them: the captions stage's, then the
#: boilerplate stage's.
CHROME: tuple[Pattern, ...] = CAPTIONS + BOILERPLATE


class Rule(NamedTuple):
    """The rule that drops a line: its index in CHROME, and the part of the line that decided."""

    index: int
    evidence: str | None


@functools.lru_cache(maxsize=65536)
def chrome_rule(text: str) -> Rule | None:
    """The first caption or boilerplate rule that would drop this line, or None.

    Cached, because every line is asked about several times: by the language sample, the structure,
    joins and headline stages (through :func:`is_chrome`), then by the captions and boilerplate
    stages, whose drops it answers too (see :func:`drop_matching_lines`).
    """
    found = first_match(text, CHROME)
    if found is None:
        return None
    p, m = found
    return Rule(CHROME.index(p), m.groupdict().get("evidence"))


def is_chrome(text: str) -> bool:
    """True if a caption or boilerplate rule would drop this line (asked by several stages)."""
    return chrome_rule(text) is not None


def _slice_of_chrome(patterns: tuple[Pattern, ...]) -> range | None:
    """Where ``patterns`` stand in CHROME if they are a run of it, as the captions stage's rules (its
    head) and the boilerplate stage's (its tail) are; None for any other list."""
    for start, p in enumerate(CHROME):
        if patterns and p is patterns[0] and CHROME[start : start + len(patterns)] == patterns:
            return range(start, start + len(patterns))
    return None


def _first_rule(text: str, patterns: tuple[Pattern, ...], where: range | None) -> tuple[Pattern, str | None] | None:
    """The first of ``patterns`` that matches the line, with its evidence.

    For a run of CHROME (``where``) the cached :func:`chrome_rule` answers, unless a rule before the
    run matched (a caption line, when the boilerplate stage asks): then the run is tried here.
    """
    if where is not None:
        rule = chrome_rule(text)
        if rule is None or rule.index >= where.stop:
            return None
        if rule.index >= where.start:
            return CHROME[rule.index], rule.evidence
    found = first_match(text, patterns)
    if found is None:
        return None
    p, m = found
    # a pattern may name the part of the line that decided: the credit of a caption
    return p, m.groupdict().get("evidence")


def drop_matching_lines(doc: Document, stage: str, patterns: Iterable[Pattern]) -> Iterator[Edit]:
    patterns = tuple(patterns)
    where = _slice_of_chrome(patterns)
    for line in doc.lines:
        found = _first_rule(line.text, patterns, where)
        if found is not None:
            p, shown = found
            reason = f'{p.reason}: "{shown}" (rule {p.name})' if shown else f"{p.reason} (rule {p.name})"
            yield Edit(stage, DROP_LINE, line.number, 0, len(line.text), line.text, "", reason)
