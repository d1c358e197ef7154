"""boilerplate: drop site chrome lines: PREV/NEXT, follow and share prompts, ads, cookie notices.

>>> from newsclean.config import Config
>>> doc = Document.from_text("Seoul warned Moscow.\\nFor Latest Updates Follow us on Google News\\n")
>>> [e.before for e in drop_boilerplate(doc, Context(Config(), "en"))]
['For Latest Updates Follow us on Google News']
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Context, Document, Edit
from ..patterns import BOILERPLATE
from .lines import drop_matching_lines

STAGE = "boilerplate"


def drop_boilerplate(doc: Document, ctx: Context) -> Iterator[Edit]:
    return drop_matching_lines(doc, STAGE, BOILERPLATE)
