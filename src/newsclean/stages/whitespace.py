"""whitespace: tabs, no-break and repeated spaces, trailing spaces, CRLF, runs of blank lines.

It runs last, so that the gaps left by removed lines close up too. Paragraph layout is kept: one
blank line stays one blank line, and lines are never joined or re-wrapped.

    >>> from newsclean.config import Config
    >>> doc = Document.from_text("A\\tb  c \\r\\n\\n\\n\\nD")
    >>> apply_edits(doc, normalize_whitespace(doc, Context(Config(), None))).text
    'A b c\\n\\nD\\n'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from .. import rxcache
from ..model import DROP_LINE, LINE_ENDING, NORMALIZE_SPACE, Context, Document, Edit, apply_edits  # noqa: F401 (doctest)

STAGE = "whitespace"

# One alternative per defect; each match is replaced by one space, or by nothing at a line's edge.
# \s, plus the separators U+001C-U+001F that Python's str.split() also counts as whitespace: so
# str.split() finds the same spaces (tests/test_stages.py checks every code point), and a line that
# " ".join(line.split()) leaves as it is has no defect.
_SPACE_DEFECT = rxcache.compile(
    r"""(?x)
      ^[\s\x1c-\x1f]+                  # leading spaces: scraped text has no meaningful indentation
    | [\s\x1c-\x1f]+$                  # trailing spaces
    | [\s\x1c-\x1f]{2,}                # a run of spaces
    | [^\S ]|[\x1c-\x1f]              # one tab, no-break space, thin space, line separator ...
    """
)


def normalize_whitespace(doc: Document, ctx: Context) -> Iterator[Edit]:
    content = [i for i, line in enumerate(doc.lines) if line.text.strip()]
    first, last = (content[0], content[-1]) if content else (len(doc.lines), -1)
    previous_blank = False
    for i, line in enumerate(doc.lines):
        blank = not line.text.strip()
        if blank and (i < first or i > last or previous_blank):
            where = "at the start" if i < first else "at the end" if i > last else "after another blank line"
            yield Edit(STAGE, DROP_LINE, line.number, 0, len(line.text), line.text, "", f"blank line {where}")
            continue
        previous_blank = blank
        if line.ending != "\n":
            why = "missing final newline" if not line.ending else f"line ending {line.ending!r} -> '\\n'"
            yield Edit(STAGE, LINE_ENDING, line.number, len(line.text), len(line.text), line.ending, "\n", why)
        if " ".join(line.text.split()) == line.text:
            continue  # most lines: single spaces between words only, nothing the pattern could find
        for m in _SPACE_DEFECT.finditer(line.text):
            edge = m.start() == 0 or m.end() == len(line.text)
            after = "" if edge else " "
            if m.group() != after:
                yield Edit(
                    STAGE,
                    NORMALIZE_SPACE,
                    line.number,
                    m.start(),
                    m.end(),
                    m.group(),
                    after,
                    _describe(m.group(), edge),
                )


def _describe(space: str, edge: bool) -> str:
    names = ", ".join(dict.fromkeys(_name(c) for c in space))
    return f"whitespace at the line's edge removed ({names})" if edge else f"{names} -> one space"


def _name(c: str) -> str:
    return {" ": "space", "\t": "tab", "\r": "carriage return"}.get(c) or unicodedata.name(c, f"U+{ord(c):04X}").lower()
