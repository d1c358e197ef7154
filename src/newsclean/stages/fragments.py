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

It runs after the line rules, so chrome between two pieces is gone first (and never joined), and
runs to a fixed point, so that cleaning its output again finds nothing to join: a join that would
make chrome or a copy of another line is not made. The joins stage reads a merged line again.

    >>> from newsclean.config import Config
    >>> doc = Document.from_text("Trump won by\\n30 points\\nin 2016, and\\n20 points\\n.\\n")
    >>> apply_edits(doc, rejoin_fragments(doc, Context(Config(), "en"))).text
    'Trump won by 30 points in 2016, and 20 points.\\n'
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterator

from .. import rxcache
from ..model import JOIN_LINE, Context, Document, Edit, Line, apply_edits
from .headline import find_title, headline_key
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
_SENTENCE_END = rxcache.compile(r"[.!?…:;。！？][”\"’»)\]」』]*$")
# How a line that continues the previous one starts.
_CONTINUES = rxcache.compile(
    r"""(?x)
      \p{Ll}                 # a lower-case letter: "tweeted", "before Election Day"
    | [,.;:!?)\]}%”’»」』、。，]   # closing punctuation: ", when the mayor won"
    """
)
# "by Jane Doe" under a headline is a byline: lists of stories with their bylines are not prose
# (on dev, a line starting "by" follows a block break 8 times as often as an inline tag).
_BYLINE = rxcache.compile(r"by\s+\p{Lu}")
# A line of punctuation only (".", ")") is chrome on its own, but after a link it ends the sentence.
_PUNCTUATION = rxcache.compile(r"[\p{P}\s]+")
_CLOSING_RUN = rxcache.compile(r"[,.;:!?…)\]}%”’»\"']{1,3}")
_CLOSING = rxcache.compile(r"[,.;:!?)\]}%”’»」』、。，]")
# A quote opens only after a space or a bracket: "wollen“" ends a German quotation.
_OPENING = rxcache.compile(r"[(\[{¿¡「『]$|(?:^|[\s(\[{])[“‘„«]$")


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


# A byline or a dateline under the title: "by randfish on January 31, 2011", "updated 4:36 p.m. ET".
_BYLINE_OR_DATELINE = rxcache.compile(r"(?i:by|updated|posted|published)\s")


def _apart_from_title(text: str) -> bool:
    """True if the line stays apart from the title: it starts upper-case ("Lierfeld,"), or it is
    the byline or dateline under it; a lower-case continuation joins it."""
    text = text.lstrip()
    return not text[:1].islower() or bool(_BYLINE_OR_DATELINE.match(text))


def _is_open(text: str) -> bool:
    return not _SENTENCE_END.search(text.rstrip())


def closes_sentence(text: str, previous: str | None) -> bool:
    """True if ``text`` is only the punctuation that ends the sentence of ``previous``: a link or
    an emphasis ended just before it (``part of who we are`` / ``.”``). This stage joins it; the
    boilerplate stage leaves it for this one, though a line of symbols is chrome elsewhere."""
    return (
        previous is not None
        and bool(_CLOSING_RUN.fullmatch(text.strip()))
        and _is_open(previous)
        and not is_chrome(previous)
    )


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
    """The joins of one pass, then of another over the result, until a pass finds none.

    Each pass can change what the next one sees (a line refused as a copy of another may find that
    other merged away), and cleaning the output again must find nothing: so the stage runs to its
    fixed point. A join found in a later pass joins the first line of a merged paragraph to the
    paragraph before it, which is an edit of that input line like any other.
    """
    found: list[Edit] = []
    while True:
        more = list(_one_pass(doc))
        if not more:
            return iter(found)
        found += more
        doc = apply_edits(doc, more)


def _one_pass(doc: Document) -> Iterator[Edit]:
    """Join each piece to the paragraph built so far, judged as a second run would see it.

    The paragraph's merged text is what the next piece is tested against (its end, whether it is
    chrome or template), because cleaning the output again sees that merged line. A join that would
    make chrome, or a copy of another line of the document (which the headline stage would drop),
    is not made.
    """
    lines = doc.lines
    copies = Counter(collapse_spaces(line.text) for line in lines)
    template = {key for key, n in copies.items() if n >= TEMPLATE_COPIES and not _PUNCTUATION.fullmatch(key)}
    keys = {headline_key(line.text) for line in lines if line.text.strip()}
    # a capitalised short line after the title is not a fragment of it ("Ferienhaus Feinen" +
    # "Lierfeld,"), unless the title is the first piece of a broken sentence ("Trump won by",
    # "The report (")
    title = find_title(doc)
    if title is not None and (ends_mid_phrase(title.text) or not title.text.rstrip()[-1:].isalnum()):
        title = None
    paragraph: Line | None = None
    for i, line in enumerate(lines):
        if not line.text.strip():
            paragraph = None
            continue
        if paragraph is not None and not (paragraph is title and _apart_from_title(line.text)):
            following = lines[i + 1] if i + 1 < len(lines) and lines[i + 1].text.strip() else None
            reason = _why(paragraph, line, following, template)
            if reason is not None:
                after = separator(paragraph.text, line.text)
                merged = paragraph.text + after + line.text
                if is_chrome(merged) or headline_key(merged) in keys:
                    # the line stays apart, and nothing joins it: its own continuation would make
                    # a different line, which a second run would test against the paragraph again
                    paragraph = None
                    continue
                yield Edit(STAGE, JOIN_LINE, line.number, 0, 0, "", after, reason)
                paragraph = paragraph._replace(text=merged)
                continue
        paragraph = line
