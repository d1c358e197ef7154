"""The contract every stage shares: lines, edits, results, and the one function that applies edits.

A document is a tuple of :class:`Line` records. Each line keeps the number it had in the input, so an
edit made by the fifth stage still points at the line a user sees in their file. Stages never change
a document; they *propose* :class:`Edit` records, and :func:`apply_edits` is the only code that turns
edits into a new document. Because ``--diff``, ``--explain`` and the JSON ``edits`` array are all
rendered from the same records, they cannot disagree with the output, and :func:`replay` proves it::

    >>> doc = Document.from_text("Putinand Kim\\n")
    >>> edit = Edit("joins", "insert-space", 1, 5, 5, "", " ", "glued words")
    >>> apply_edits(doc, [edit]).text
    'Putin and Kim\\n'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .config import Config

#: Edit kinds. An in-line edit replaces ``line.text[start:end]``; DROP_LINE removes the whole line;
#: LINE_ENDING replaces the line's terminator (``before`` -> ``after``, e.g. "\r\n" -> "\n");
#: JOIN_LINE appends the line to the previous line of the document (``before`` is "", ``after`` the
#: separator put between the two texts, " " or ""). The merged line keeps the number of its first
#: line and the ending of its last one; later stages edit it under that number.
FIX_UNICODE = "fix-unicode"
NORMALIZE_SPACE = "normalize-space"
INSERT_SPACE = "insert-space"
DROP_LINE = "drop-line"
LINE_ENDING = "line-ending"
JOIN_LINE = "join-line"

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class Line(NamedTuple):
    number: int  # 1-based line number in the original input
    text: str  # without its terminator
    ending: str = "\n"  # "\n", "\r\n", "\r", or "" for a last line without one


class Edit(NamedTuple):
    """One change, with the evidence for it.

    ``start`` and ``end`` index the line's text as the proposing stage saw it (earlier stages may
    have changed it); ``column`` is the 1-based column of ``start`` in the *original* input line,
    filled in by :func:`apply_edits` so that users can find the spot in their own file.

    After a JOIN_LINE, the merged line is edited under the number of its first line, and a column
    in it counts through the original texts of its lines as joined by the separators: in lines
    ``"Trump"`` and ``"tweeted"`` joined by ``" "``, the ``t`` of ``tweeted`` is column 7 of line 1.
    """

    stage: str  # "joins"
    kind: str  # one of the kinds above
    line: int  # line number in the original input
    start: int
    end: int
    before: str  # text[start:end]
    after: str  # "" when text is removed
    reason: str  # 'glued words: "Putinand" -> "Putin and" (zipf putin 4.13 + and 7.41 vs 0)'
    column: int = 0

    def to_dict(self) -> dict:
        return {
            "stage": self.stage,
            "kind": self.kind,
            "line": self.line,
            "column": self.column,
            "start": self.start,
            "end": self.end,
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Document:
    lines: tuple[Line, ...]
    #: ``history[n]`` lists the in-line edits applied so far to input line n (for column mapping);
    #: for a merged line, the edits of the virtual line its joined originals make (see Edit).
    history: dict[int, tuple[Edit, ...]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_text(cls, text: str) -> Document:
        """Split into lines at ``\\n``, ``\\r\\n`` and a lone ``\\r``, keeping each terminator.

        Other separators (U+2028, form feed) stay inside lines: they are the stages' business.

        >>> [(line.text, line.ending) for line in Document.from_text("a\\r\\nb\\rc").lines]
        [('a', '\\r\\n'), ('b', '\\r'), ('c', '')]
        """
        if "\r" not in text:
            # the usual case, split without the pattern: every piece but the last ended in "\n",
            # and the last is a line (without a terminator) only if it is not empty
            *ended, rest = text.split("\n")
            lines = [Line(number, piece) for number, piece in enumerate(ended, 1)]
            if rest:
                lines.append(Line(len(lines) + 1, rest, ""))
            return cls(tuple(lines))
        lines, start = [], 0
        for number, m in enumerate(_LINE_BREAK.finditer(text), 1):
            lines.append(Line(number, text[start : m.start()], m.group()))
            start = m.end()
        if start < len(text):
            lines.append(Line(len(lines) + 1, text[start:], ""))
        return cls(tuple(lines))

    @property
    def text(self) -> str:
        return "".join(line.text + line.ending for line in self.lines)


class Context(NamedTuple):
    """What a stage may know besides the document: the options and facts found once per document."""

    config: Config
    lang: str | None  # the document's language (wordfreq code), detected or forced; None if unknown


class Stats(NamedTuple):
    lines_in: int
    lines_out: int
    chars_in: int
    chars_out: int
    edits_by_stage: dict[str, int]

    def to_dict(self) -> dict:
        return self._asdict()


@dataclass(frozen=True)
class Result:
    """What :func:`newsclean.clean` returns: the cleaned text and every edit that made it."""

    text: str
    title: str | None
    paragraphs: tuple[str, ...]
    edits: tuple[Edit, ...]
    stats: Stats
    lang: str | None = None

    @property
    def changed(self) -> bool:
        return bool(self.edits)


class EditConflict(ValueError):
    """Two edits of one stage overlap, or an edit does not match the text it claims to replace."""


def original_column(history: Sequence[Edit], pos: int) -> int:
    """Map offset ``pos`` in a line's current text back to a 1-based column in the input line.

    Walks the earlier in-line edits of that line backwards, undoing the length change of each one
    that lies before ``pos``; a position inside replaced text maps to the start of that edit.
    """
    for e in reversed(history):
        new_end = e.start + len(e.after)
        if pos >= new_end:
            pos -= len(e.after) - (e.end - e.start)
        elif pos > e.start:
            pos = e.start
    return pos + 1


def apply_edits(doc: Document, edits: Iterable[Edit]) -> Document:
    """Apply one stage's edits (all made against ``doc``) and return the new document.

    The applied edits are recorded in the returned document's history with their original column;
    use :func:`apply_stage` to get those records back.
    """
    return apply_stage(doc, edits)[0]


def _length_change(history: Sequence[Edit]) -> int:
    return sum(len(e.after) - (e.end - e.start) for e in history)


def _joined_history(first: Line, first_past: tuple[Edit, ...], second: Line, second_past: tuple[Edit, ...], sep: str):
    """The history of ``first.text + sep + second.text``, as if it had been one input line.

    That virtual input line is the two original texts joined by ``sep``. Its history is the second
    line's edits shifted past the first line's original text and the separator, then the first
    line's edits (which lie before that point, so they do not move the second line's offsets), so
    :func:`original_column` can undo them one at a time.
    """
    offset = len(first.text) - _length_change(first_past) + len(sep)
    shifted = tuple(e._replace(start=e.start + offset, end=e.end + offset) for e in second_past)
    return shifted + first_past


def apply_stage(doc: Document, edits: Iterable[Edit]) -> tuple[Document, list[Edit]]:
    by_line: dict[int, list[Edit]] = {}
    for e in edits:
        by_line.setdefault(e.line, []).append(e)
    if not by_line:
        return doc, []
    history = dict(doc.history)
    new_lines: list[Line] = []
    applied: list[Edit] = []
    previous_dropped = False  # whether the line before this one was dropped by this stage
    for line in doc.lines:
        mine = by_line.pop(line.number, None)
        if not mine:
            new_lines.append(line)
            previous_dropped = False
            continue
        past = history.get(line.number, ())
        joins = [e for e in mine if e.kind == JOIN_LINE]
        if joins:
            e = joins[0]
            if len(mine) > 1:
                raise EditConflict(f"line {line.number}: a joined line has other edits")
            if e.before or e.start or e.end:
                raise EditConflict(f"line {line.number}: a join has no span and replaces nothing")
            if not new_lines or previous_dropped:
                raise EditConflict(f"line {line.number}: no previous line to join to")
            target = new_lines[-1]
            history[target.number] = _joined_history(target, history.get(target.number, ()), line, past, e.after)
            history.pop(line.number, None)
            applied.append(e._replace(column=original_column(past, 0)))
            new_lines[-1] = target._replace(text=target.text + e.after + line.text, ending=line.ending)
            continue
        endings = [e for e in mine if e.kind == LINE_ENDING]
        if endings:
            e = endings[0]
            if len(endings) > 1 or e.before != line.ending or any(x.kind == DROP_LINE for x in mine):
                raise EditConflict(f"line {line.number}: line-ending edit does not match the line's ending")
            applied.append(e._replace(column=original_column(past, len(line.text))))
            line = line._replace(ending=e.after)
            mine = [x for x in mine if x.kind != LINE_ENDING]
            if not mine:
                new_lines.append(line)
                previous_dropped = False
                continue
        if any(e.kind == DROP_LINE for e in mine):
            if len(mine) > 1:
                raise EditConflict(f"line {line.number}: a dropped line has other edits")
            e = mine[0]
            if e.before != line.text:
                raise EditConflict(f"line {line.number}: drop does not match the line's text")
            applied.append(e._replace(column=original_column(past, 0)))
            previous_dropped = True
            continue
        mine.sort(key=lambda e: (e.start, e.end))
        text, prev_end, pieces = line.text, 0, []
        for e in mine:
            if e.start < prev_end or text[e.start : e.end] != e.before:
                raise EditConflict(f"line {line.number}: edit at {e.start} overlaps or mismatches")
            pieces.append(text[prev_end : e.start])
            pieces.append(e.after)
            prev_end = e.end
        pieces.append(text[prev_end:])
        # Record in application order with offsets in the *new* text of the earlier ones so that
        # original_column() can undo them one at a time.
        shift, recorded = 0, []
        for e in mine:
            applied.append(e._replace(column=original_column(past, e.start)))
            recorded.append(e._replace(start=e.start + shift, end=e.end + shift))
            shift += len(e.after) - (e.end - e.start)
        history[line.number] = past + tuple(recorded)
        new_lines.append(line._replace(text="".join(pieces)))
        previous_dropped = False
    if by_line:
        raise EditConflict(f"edits for lines not in the document: {sorted(by_line)}")
    return Document(tuple(new_lines), history), applied


def replay(text: str, edits: Iterable[Edit]) -> str:
    """Re-apply recorded edits, stage by stage, to the original input; returns the output text.

    This is how the tests prove that the explanation is honest: ``replay(input, result.edits)``
    must equal ``result.text``.
    """
    doc = Document.from_text(text)
    batch: list[Edit] = []
    stage = None
    for e in edits:
        if batch and e.stage != stage:
            doc = apply_edits(doc, batch)
            batch = []
        stage = e.stage
        batch.append(e)
    if batch:
        doc = apply_edits(doc, batch)
    return doc.text
