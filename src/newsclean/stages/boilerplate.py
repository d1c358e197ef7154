"""boilerplate: drop site chrome lines: PREV/NEXT, follow and share prompts, ads, cookie notices.

>>> from newsclean.config import Config
>>> doc = Document.from_text("Seoul warned Moscow.\\nFor Latest Updates Follow us on Google News\\n")
>>> [e.before for e in drop_boilerplate(doc, Context(Config(), "en"))]
['For Latest Updates Follow us on Google News']
"""

from __future__ import annotations

from collections.abc import Iterator

from ..config import matches_whole_line
from ..model import DROP_LINE, Context, Document, Edit
from ..patterns import BOILERPLATE
from .fragments import closes_sentence
from .lines import drop_matching_lines

STAGE = "boilerplate"


def drop_boilerplate(doc: Document, ctx: Context) -> Iterator[Edit]:
    previous: dict[int, str | None] = {}  # line number -> the text of the line of content before it
    text = None
    for line in doc.lines:
        previous[line.number] = text
        if line.text.strip():
            text = line.text
    dropped = set()
    for edit in drop_matching_lines(doc, STAGE, BOILERPLATE):
        # ".”" after "part of who we are" ends that sentence: the fragments stage joins it
        if not closes_sentence(edit.before, previous[edit.line]):
            dropped.add(edit.line)
            yield edit
    if not ctx.config.boilerplate:
        return
    for line in doc.lines:
        if line.number in dropped or not line.text.strip():
            continue
        pattern = matches_whole_line(ctx.config.boilerplate, line.text)
        if pattern is not None:
            reason = f"site chrome (the boilerplate pattern {pattern!r} of the config)"
            yield Edit(STAGE, DROP_LINE, line.number, 0, len(line.text), line.text, "", reason)
