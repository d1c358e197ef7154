"""Text, Markdown, JSON, unified diff and explanation, all rendered from one Result.

With cli.py, the only code that knows about output formats. Nothing here prints: each function
returns a string (or, for colour, a list of styled lines) for the CLI to write.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator

from . import __version__, rxcache
from .model import JOIN_LINE, Document, Edit, Result

FORMATS = ("text", "markdown", "json", "jsonl")
#: How ``--check`` lists the edits it would make: for people and editors, for programs, for GitHub.
REPORTS = ("text", "json", "github")

# Characters that would make a line Markdown syntax instead of text. At a line start: headings,
# quotes, list bullets, ordered-list numbers, thematic breaks, tables, indented code is impossible
# (lines are stripped). Inside a line: emphasis, code spans, links, raw HTML, entities.
_MD_LINE_START = rxcache.compile(r"^(?:[#>+\-*=|~]|\d{1,9}(?=[.)]))")
_MD_INLINE = rxcache.compile(r"([\\`*_\[\]<])|&(?=#?\w+;)")


def markdown_escape(line: str) -> str:
    r"""Escape ``line`` so that Markdown renders it as written.

    >>> markdown_escape("# 1 in the charts: *really*")
    '\\# 1 in the charts: \\*really\\*'
    >>> markdown_escape("1. Liverpool")
    '1\\. Liverpool'
    """
    line = _MD_INLINE.sub(lambda m: "\\" + (m.group(1) or "&"), line)
    m = _MD_LINE_START.match(line)
    if m is None:
        return line
    if m.group()[0].isdigit():
        end = m.end()
        return line[:end] + "\\" + line[end:]
    return "\\" + line


def to_markdown(result: Result) -> str:
    """``# title``, a blank line, then the paragraphs separated by blank lines."""
    blocks = []
    if result.title:
        title = markdown_escape(result.title)
        if title.endswith("#"):  # else it closes the heading: "# Why we love C #" shows "Why we love C"
            title = title[:-1] + "\\#"
        blocks.append("# " + title)
    blocks.extend(markdown_escape(p) for p in result.paragraphs)
    return "\n\n".join(blocks) + "\n" if blocks else ""


def to_dict(result: Result, path: str | None = None) -> dict:
    record = {"path": path} if path is not None else {}
    record.update(
        {
            "title": result.title,
            "paragraphs": list(result.paragraphs),
            "text": result.text,
            "lang": result.lang,
            "edits": [e.to_dict() for e in result.edits],
            "stats": result.stats.to_dict(),
            "version": __version__,
        }
    )
    return record


def to_json(result: Result, path: str | None = None) -> str:
    return json.dumps(to_dict(result, path), ensure_ascii=False, indent=2) + "\n"


def to_json_line(result: Result, path: str | None = None) -> str:
    """The JSON object on one line, for ``--format jsonl``: one record per document, with its path."""
    return json.dumps(to_dict(result, path), ensure_ascii=False) + "\n"


def render(result: Result, fmt: str, path: str | None = None) -> str:
    """``result`` in format ``fmt``; ``path`` names the input in a ``jsonl`` record."""
    if fmt == "markdown":
        return to_markdown(result)
    if fmt == "json":
        return to_json(result)
    if fmt == "jsonl":
        return to_json_line(result, path)
    return result.text


def split_lines(text: str) -> list[str]:
    """Lines with their terminators, broken where the document breaks them (not at U+2028)."""
    return [line.text + line.ending for line in Document.from_text(text).lines]


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff from input to output, ``--- name`` / ``+++ name (cleaned)``; "" if equal."""
    lines = difflib.unified_diff(
        split_lines(before),
        split_lines(after),
        fromfile=name,
        tofile=f"{name} (cleaned)",
    )
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


_CONTROL = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _short(text: str, width: int = 70) -> str:
    text = text.translate(_CONTROL)
    return text if len(text) <= width else text[: width - 1] + "…"


def explain_lines(edits: tuple[Edit, ...] | list[Edit], name: str) -> Iterator[tuple[str, str]]:
    """One ``(style, text)`` pair per output line: a header per edit, then what was removed/added.

    The style is a rich style name; the CLI drops it when not writing to a terminal.
    """
    for e in edits:
        yield "bold", f"{name}:{e.line}:{e.column}: {e.stage} {e.kind}: {e.reason}"
        if e.kind == JOIN_LINE:
            yield "green", f"    + joined to the previous line with {e.after!r}"
            continue
        if e.before:
            yield "red", f"    - {_short(e.before)!s}"
        if e.after:
            yield "green", f"    + {_short(e.after)!s}"


# The edits --check would make, as linters report their findings.


def _one_line(text: str) -> str:
    return text.translate(_CONTROL)


def report_lines(edits: tuple[Edit, ...] | list[Edit], name: str, fmt: str = "text") -> Iterator[str]:
    """One line per edit: ``path:line:col: stage: reason`` (``text``, the form compilers and
    editors jump to), or a GitHub workflow annotation (``github``), which shows on the line of the
    pull request's diff.

    >>> edit = Edit("joins", "insert-space", 7, 42, 42, "", " ", 'missing space after "."', column=43)
    >>> list(report_lines([edit], "news/a.txt"))
    ['news/a.txt:7:43: joins: missing space after "."']
    >>> list(report_lines([edit], "news/a.txt", "github"))
    ['::warning file=news/a.txt,line=7,col=43::joins: missing space after "."']
    """
    for e in edits:
        message = f"{e.stage}: {_one_line(e.reason)}"
        if fmt == "github":
            place = f"file={_annotation_property(name)},line={e.line},col={e.column}"
            yield f"::warning {place}::{_annotation_data(message)}"
        else:
            yield f"{name}:{e.line}:{e.column}: {message}"


def _annotation_data(text: str) -> str:
    """Escape a workflow command's message, as GitHub's toolkit does (``%``, CR and LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _annotation_property(text: str) -> str:
    """Escape a workflow command's property value: the message's escapes, and ``:`` and ``,``.

    >>> _annotation_property("news/a,b: c.txt")
    'news/a%2Cb%3A c.txt'
    """
    return _annotation_data(text).replace(":", "%3A").replace(",", "%2C")


def report_json(files: list[tuple[str, tuple[Edit, ...] | list[Edit]]]) -> str:
    """The ``json`` report: a list with one object per file that would change, ``path`` and
    ``edits`` (as in the JSON output); ``[]`` when none would."""
    records = [{"path": path, "edits": [e.to_dict() for e in edits]} for path, edits in files]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
