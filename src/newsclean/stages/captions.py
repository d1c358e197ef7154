"""captions: drop photo caption and picture credit lines.

>>> from newsclean.config import Config
>>> doc = Document.from_text("Seoul warned Moscow.\\nMinister Mira Santos (Yonhap/Reuters)\\n")
>>> [e.reason for e in drop_captions(doc, Context(Config(), "en"))]
['photo caption ending in a picture credit: "(Yonhap/Reuters)" (rule caption-with-credit)']
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Context, Document, Edit
from ..patterns import CAPTIONS
from .lines import drop_matching_lines

STAGE = "captions"


def drop_captions(doc: Document, ctx: Context) -> Iterator[Edit]:
    return drop_matching_lines(doc, STAGE, CAPTIONS)
