"""Line rules shared by the captions and boilerplate stages: drop a whole line a pattern matches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import DROP_LINE, Document, Edit
from ..patterns import Pattern


def drop_matching_lines(doc: Document, stage: str, patterns: Iterable[Pattern]) -> Iterator[Edit]:
    patterns = tuple(patterns)
    for line in doc.lines:
        text = " ".join(line.text.split())
        if not text:
            continue
        for p in patterns:
            if p.regex.match(text):
                yield Edit(stage, DROP_LINE, line.number, 0, len(line.text), line.text, "", f"{p.reason} (rule {p.name})")
                break
