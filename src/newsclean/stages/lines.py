"""Line rules shared by the captions, boilerplate, headline, structure and fragments stages."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import regex

from ..model import DROP_LINE, Document, Edit
from ..patterns import BOILERPLATE, CAPTIONS, Pattern

# A line that ends in an article, a preposition or a conjunction is a sentence the scraper broke
# across lines ("a late goal gave the visitors a" / "2-1 lead, which left the hosts"), not a headline.
_MID_PHRASE_END = regex.compile(
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
        m = p.regex.match(text)
        if m:
            return p, m
    return None


@functools.lru_cache(maxsize=65536)
def is_chrome(text: str) -> bool:
    """True if a caption or boilerplate rule would drop this line (asked by several stages)."""
    return first_match(text, CAPTIONS + BOILERPLATE) is not None


def drop_matching_lines(doc: Document, stage: str, patterns: Iterable[Pattern]) -> Iterator[Edit]:
    patterns = tuple(patterns)
    for line in doc.lines:
        found = first_match(line.text, patterns)
        if found is not None:
            p, m = found
            # a pattern may name the part of the line that decided: the credit of a caption
            shown = m.groupdict().get("evidence")
            reason = f'{p.reason}: "{shown}" (rule {p.name})' if shown else f"{p.reason} (rule {p.name})"
            yield Edit(stage, DROP_LINE, line.number, 0, len(line.text), line.text, "", reason)
