"""The caption and boilerplate patterns test themselves: each carries lines it must match and lines
it must leave alone (as codespell's dictionaries carry their reasons). This runs both lists and
checks that the data is well formed."""

from __future__ import annotations

import pytest
import regex

from newsclean.model import Document
from newsclean.patterns import BOILERPLATE, CAPTIONS, COMMENT_HEADER, Pattern
from newsclean.stages.lines import drop_matching_lines

#: The line rules of the captions and boilerplate stages, and the comment header the structure
#: stage counts.
PATTERNS: tuple[Pattern, ...] = CAPTIONS + BOILERPLATE + (COMMENT_HEADER,)

#: Examples a pattern lists but does not pass today: (pattern name, example) -> why. Each is a bug in
#: src/newsclean/patterns.py; strict xfail, so the fix shows up as an XPASS to remove from here.
#: Empty: every pattern passes all its examples.
KNOWN_FAILURES: dict[tuple[str, str], str] = {}


def _examples(attr: str) -> list:
    params = []
    for p in PATTERNS:
        for text in getattr(p, attr):
            why = KNOWN_FAILURES.get((p.name, text))
            marks = [pytest.mark.xfail(strict=True, reason=why)] if why else []
            params.append(pytest.param(p, text, id=f"{p.name}: {text[:50]}", marks=marks))
    return params


@pytest.mark.parametrize(("pattern", "text"), _examples("matches"))
def test_pattern_matches_its_examples(pattern: Pattern, text: str):
    assert pattern.regex.match(text), f"{pattern.name} should match {text!r}"


@pytest.mark.parametrize(("pattern", "text"), _examples("keeps"))
def test_pattern_keeps_its_counterexamples(pattern: Pattern, text: str):
    assert not pattern.regex.match(text), f"{pattern.name} should not match {text!r}"


@pytest.mark.parametrize(("pattern", "text"), _examples("keeps"))
def test_no_rule_of_the_stage_drops_a_counterexample(pattern: Pattern, text: str):
    """A line one rule keeps must not be dropped by another rule of the same stage either."""
    stage_patterns = CAPTIONS if pattern in CAPTIONS else BOILERPLATE
    doc = Document.from_text(text + "\n")
    assert [e.reason for e in drop_matching_lines(doc, "test", stage_patterns)] == []


def test_pattern_names_are_unique():
    names = [p.name for p in PATTERNS]
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})


def test_known_failures_name_real_examples():
    listed = {(p.name, t) for p in PATTERNS for t in (*p.matches, *p.keeps)}
    assert set(KNOWN_FAILURES) <= listed


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.name for p in PATTERNS])
def test_pattern_is_well_formed(pattern: Pattern):
    assert pattern.matches, f"{pattern.name} has no example it must match"
    assert pattern.keeps, f"{pattern.name} has no example it must keep"
    assert not set(pattern.matches) & set(pattern.keeps)
    assert pattern.reason and pattern.reason == pattern.reason.strip()
    assert pattern.name == pattern.name.lower() and " " not in pattern.name
    source = pattern.regex.pattern.strip()
    assert source.startswith("^") and source.endswith("$"), "a pattern must judge a whole line"


@pytest.mark.parametrize("pattern", [p for p in PATTERNS if p.lengths], ids=lambda p: p.name)
def test_length_shortcut_agrees_with_the_pattern(pattern: Pattern):
    """The line rules pass over a line whose length is outside ``lengths`` without the search: only
    right while the pattern's own opening test fails on it, and matches at the edges of the range."""
    example = pattern.matches[0]
    too_long = (example + " ") * (pattern.lengths.stop // len(example) + 1)
    assert len(too_long) not in pattern.lengths
    assert pattern.regex.match(too_long) is None
    # the opening test alone, at the edges of the range
    lookahead = regex.compile(pattern.regex.pattern[: pattern.regex.pattern.index("$)") + 2], pattern.regex.flags)
    for n in (pattern.lengths.start - 1, pattern.lengths.start, pattern.lengths.stop - 1, pattern.lengths.stop):
        if n >= 0:
            assert bool(lookahead.match("x" * n)) == (n in pattern.lengths)
