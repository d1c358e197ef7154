"""fragments: rejoin the pieces of one paragraph that a scraper put on separate lines.

``BeautifulSoup.get_text("\\n")`` starts a new line at every inline tag, so a paragraph with a link
arrives in pieces::

    The mayor of Eastbridge said on Monday that the
    harbour
    project would go ahead, whatever the council decides.

A line is joined to the previous one when that one does not end a sentence and the line continues
it: the previous line ends mid-phrase (``won by``, ``and``), or the line starts lower-case or with
closing punctuation (``tweeted``, ``, when Republican ...``), or it is a short fragment (``30
points``) followed by such a line. On the dev set's ``container`` texts,
checked against the same elements rendered with breaks only at block tags, 84% of the joins this
makes are inside a paragraph (most of the others join two comment or link lines); a line that
starts upper-case after a line without a sentence end is two paragraphs as often as one, so it is
left alone, and so are lists of short headlines. Chrome (captions, share prompts) is never joined:
the line rules must still see it alone.

The separator is a space, or nothing before closing punctuation (``he said`` + ``.``), after an
opening bracket or quote, between two CJK characters, and where the text already has a space at
the seam (``get_text`` without ``strip=True`` keeps the spaces of the text nodes).

Not in ``pipeline.STAGES`` yet: cleaning its output again still changes about 1 container text
in 40 (a merged line turns out to be a caption or a headline copy; the joins stage finds a glued
word at a seam such as ``surrounding`` + ``.Net``).

    >>> from newsclean.config import Config
    >>> doc = Document.from_text("Trump won by\\n30 points\\nin 2016, and\\n20 points\\n.\\n")
    >>> apply_edits(doc, rejoin_fragments(doc, Context(Config(), "en"))).text
    'Trump won by 30 points in 2016, and 20 points.\\n'
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterator

import regex

from ..model import JOIN_LINE, Context, Document, Edit, Line, apply_edits  # noqa: F401 (doctest)
from .lines import collapse_spaces, ends_mid_phrase, is_chrome

STAGE = "fragments"

#: A line that stands this many times in one document is template, not a piece of one paragraph:
#: the header of every comment (``by`` / ``MMA_PITBULL`` / ``on`` / ``Jan 5`` / ``reply``). On the
#: dev set's containers most inline-tag breaks next to such lines are in comment sections. Left
#: alone, they stay visible to the line rules (and each copy stays a line of its own).
TEMPLATE_COPIES = 2
#: A fragment between two pieces of one paragraph is the text of a link or an emphasis: ``30
#: points``, ``a rally``, ``four years ago``. Longer lines that start upper-case are more often a
#: paragraph or a headline of their own.
FRAGMENT_MAX_WORDS = 6

# A sentence (or a heading, or a label) is finished: its last character, past closing quotes.
_SENTENCE_END = regex.compile(r"[.!?…:;。！？][”\"’»)\]」』]*$")
# How a line that continues the previous one starts.
_CONTINUES = regex.compile(
    r"""(?x)
      \p{Ll}                 # a lower-case letter: "tweeted", "before Election Day"
    | [,.;:!?)\]}%”’»」』、。，]   # closing punctuation: ", when the mayor won"
    """
)
# "by Jane Doe" under a headline is a byline: lists of stories with their bylines are not prose
# (on dev, a line starting "by" follows a block break 8 times as often as an inline tag).
_BYLINE = regex.compile(r"by\s+\p{Lu}")
# A line of punctuation only (".", ")") is chrome on its own, but after a link it ends the sentence.
_PUNCTUATION = regex.compile(r"[\p{P}\s]+")
_CLOSING = regex.compile(r"[,.;:!?)\]}%”’»」』、。，]")
_OPENING = regex.compile(r"[(\[{“‘„«¿¡「『]$")


def _is_cjk(c: str) -> bool:
    name = unicodedata.name(c, "")
    return name.startswith(("CJK", "HIRAGANA", "KATAKANA", "FULLWIDTH", "IDEOGRAPHIC"))


def separator(previous: str, line: str) -> str:
    """What goes between two pieces of one paragraph: a space, or nothing.

    >>> separator("he said", "."), separator("Trump", "tweeted"), separator("(", "AP")
    ('', ' ', '')
    """
    if previous[-1:].isspace() or line[:1].isspace():
        return ""
    if _CLOSING.match(line) or _OPENING.search(previous):
        return ""
    if _is_cjk(previous[-1]) and _is_cjk(line[0]):
        return ""
    return " "


def _is_open(text: str) -> bool:
    return not _SENTENCE_END.search(text.rstrip())


def _not_chrome(text: str) -> bool:
    return bool(_PUNCTUATION.fullmatch(text)) or not is_chrome(text)


def _continues(text: str) -> bool:
    text = text.lstrip()
    return bool(_CONTINUES.match(text)) and not _BYLINE.match(text) and _not_chrome(text)


def _is_fragment(text: str) -> bool:
    return len(text.split()) <= FRAGMENT_MAX_WORDS and _is_open(text) and not is_chrome(text)


def _why(previous: Line, line: Line, following: Line | None, template: set[str]) -> str | None:
    """The reason to join ``line`` to ``previous`` (adjacent, not blank), or None to keep it apart."""
    if not _is_open(previous.text) or is_chrome(previous.text):
        return None
    if collapse_spaces(previous.text) in template or collapse_spaces(line.text) in template:
        return None
    tail = _tail(previous.text)
    if ends_mid_phrase(previous.text) and _not_chrome(line.text):
        return f'continues line {previous.number} ("{tail}" ends mid-phrase)'
    if _continues(line.text):
        start = line.text.lstrip()[0]
        how = "lower-case" if start.islower() else f'with "{start}"'
        return f'continues line {previous.number} ("{tail}" has no sentence end; this line starts {how})'
    if (
        following is not None
        and _is_fragment(line.text)
        and _continues(following.text)
        and collapse_spaces(following.text) not in template
    ):
        return (
            f'fragment between line {previous.number} ("{tail}" has no sentence end) and line'
            f" {following.number}, which continues it ({len(line.text.split())} words)"
        )
    return None


def _tail(text: str, width: int = 30) -> str:
    text = text.strip()
    return text if len(text) <= width else "…" + text[1 - width :]


def rejoin_fragments(doc: Document, ctx: Context) -> Iterator[Edit]:
    lines = doc.lines
    copies = Counter(collapse_spaces(line.text) for line in lines)
    template = {key for key, n in copies.items() if n >= TEMPLATE_COPIES and not _PUNCTUATION.fullmatch(key)}
    for i in range(1, len(lines)):
        previous, line = lines[i - 1], lines[i]
        if not previous.text.strip() or not line.text.strip():
            continue
        following = lines[i + 1] if i + 1 < len(lines) and lines[i + 1].text.strip() else None
        reason = _why(previous, line, following, template)
        if reason is not None:
            after = separator(previous.text, line.text)
            yield Edit(STAGE, JOIN_LINE, line.number, 0, 0, "", after, reason)
