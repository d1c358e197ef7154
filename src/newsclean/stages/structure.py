"""structure: drop the list of story links that follows a "Related stories" heading.

A rule on one line cannot tell a related-story headline from a subheading: both are a few words
without a full stop. Their context can. A container often ends (or pauses) with a widget such as::

    Related Stories
    Harbour town votes to keep its ferry
    Mira Santos, City Desk
    Schools: Despite the storm, exams will go ahead on Monday

The heading names the list, and the list is a run of short lines without a sentence end: the run is
dropped, up to the first line that is not a headline or its byline. (The heading is a boilerplate
pattern, ``related-heading``, and goes in that stage.) Headings before the article's first
paragraph are left alone: there the short lines are usually the headline, the byline and the
standfirst, which some readers count as the article.

    >>> from newsclean.config import Config
    >>> text = (
    ...     "The council approved the budget on Tuesday after a long and heated debate in the chamber.\\n"
    ...     "Related Stories\\n"
    ...     "Mayor opens new bridge\\n"
    ...     "Floods close the ring road\\n"
    ... )
    >>> for e in drop_related_links(Document.from_text(text), Context(Config(), "en")):
    ...     print(e.line, e.reason)
    3 related-links list under "Related Stories" (line 2): 4 words, no sentence end (1 of 2 short lines)
    4 related-links list under "Related Stories" (line 2): 5 words, no sentence end (2 of 2 short lines)

The heading itself is dropped by the boilerplate stage.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..model import DROP_LINE, Context, Document, Edit, Line, apply_edits
from ..patterns import RELATED_HEADING
from .fragments import rejoin_fragments
from .lines import collapse_spaces, ends_mid_phrase, is_chrome

STAGE = "structure"

#: A line that reads as prose: at least this many words and a sentence end. The first one marks
#: where the article starts. 15 words is a long headline and a short paragraph.
PROSE_MIN_WORDS = 15
#: A line of a link list: at most this many words and no sentence end (a headline, or its byline).
LINK_MAX_WORDS = 15
#: A page's navigation: at least this many link-like lines before the article's first paragraph
#: (a container has a headline, a byline, a date). The last NAV_KEEP of them stay: the headline and
#: its byline and dateline stand there.
NAV_MIN_LINES = 25
NAV_KEEP = 10
#: A table's cells are link-like lines too; a head where this share of them are numbers is a table.
TABLE_NUMBER_SHARE = 0.15
_NUMBER_CELL = regex.compile(r"\W*[\d.,:%+\-–]+\W*")
#: The page tail rule (see drop_page_tail): a paragraph is PARAGRAPH_MIN_WORDS words with a clause
#: end, or PARAGRAPH_LONG_WORDS whatever the end; an article's paragraphs stand at most BLOCK_GAP
#: other lines apart; a page has PAGE_HEAD_LINES lines before the article; the tail starts at a run
#: of TAIL_RUN link-like lines, unless the running text after it is more than TAIL_WORDS_SHARE times
#: the article's (a forum thread, a blog's posts: which is the article is not clear, so all stays).
PARAGRAPH_MIN_WORDS = 10
PARAGRAPH_LONG_WORDS = 20
BLOCK_GAP = 15
PAGE_HEAD_LINES = 8
TAIL_RUN = 5
TAIL_WORDS_SHARE = 1.0
ANNOUNCE_WITHIN = 5
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*|\d+")
_CLAUSE_END = regex.compile(r"[.!?…:;][\s”\"’»)\]]*$")
_PIECE_START = regex.compile(r"\s*(?:\p{Ll}|[,.;:)])")
_LIST_ITEM = regex.compile(r"\s*(?:[-–—•*·▪►]|\d{1,3}[.)]\s)")

_SENTENCE_END = regex.compile(r"[.!?…][\s”\"’»)\]]*$")  # a space may have come between: "frei. »"


def is_prose(text: str) -> bool:
    """A full sentence of paragraph length (and not a chrome line such as a long cookie notice)."""
    text = text.strip()
    return len(text.split()) >= PROSE_MIN_WORDS and bool(_SENTENCE_END.search(text)) and not is_chrome(text)


def is_link_like(text: str) -> bool:
    """A headline-like line: short, no sentence end, and not a sentence broken off mid-phrase."""
    text = text.strip()
    return len(text.split()) <= LINK_MAX_WORDS and not _SENTENCE_END.search(text) and not ends_mid_phrase(text)


def drop_structure(doc: Document, ctx: Context) -> Iterator[Edit]:
    """The stage: a page's navigation before the article, what follows the article on a page, then
    related-links lists after the first paragraph (the lines the page rule left)."""
    dropped: set[int] = set()
    for rule in (drop_navigation, drop_page_tail, drop_related_links):
        for edit in rule(doc, ctx):
            if edit.line not in dropped:  # the rules may find the same line (a page with no paragraph first)
                dropped.add(edit.line)
                yield edit


def drop_navigation(doc: Document, ctx: Context) -> Iterator[Edit]:
    """Drop a page's menus: the link-like lines before the article's first paragraph, when there
    are many (a whole ``<body>``), except the last NAV_KEEP, where the headline stands.

    The first paragraph is looked for among the paragraphs the fragments stage will make of the
    pieces (a page has a line per inline tag), as a second run over the output sees them; what
    stays before it is fewer than NAV_MIN_LINES link-like lines, so the second run drops nothing.
    """
    head = _head(doc.lines)
    if head is not None and len(_distinct(head)) < NAV_MIN_LINES:
        return  # joining pieces only brings the first paragraph nearer
    joins = list(rejoin_fragments(doc, ctx))
    head = _head(apply_edits(doc, joins).lines)
    # lines count once: the headline stage drops copies, and a second run must count the same
    distinct = _distinct(head) if head is not None else []
    if len(distinct) < NAV_MIN_LINES:
        return  # (no paragraph at all: nothing tells the menus from the article)
    if sum(1 for text in distinct if _NUMBER_CELL.fullmatch(text)) >= TABLE_NUMBER_SHARE * len(distinct):
        return  # a table before the first paragraph (standings, results) is the article's
    keep = _distinct(head[-NAV_KEEP:])
    pieces = _pieces(doc, joins)
    texts = {line.number: line.text for line in doc.lines}
    reason = (
        f"navigation before the article: {len(head)} short lines without a sentence end before its"
        f" first paragraph; the last {NAV_KEEP} stay"
    )
    for line in head:
        if collapse_spaces(line.text) in keep:
            continue
        for number in pieces[line.number]:
            yield Edit(STAGE, DROP_LINE, number, 0, len(texts[number]), texts[number], "", reason)


def drop_page_tail(doc: Document, ctx: Context) -> Iterator[Edit]:
    """Drop the rest of a whole page after the article: from the first run of TAIL_RUN short lines
    after the article's last paragraph to the end (comments, story links, the footer).

    The article is the densest stretch of paragraphs (paragraphs at most BLOCK_GAP lines apart,
    the stretch with the most words in paragraphs). The rule is for pages, where chrome surrounds
    the article: it acts only when at least PAGE_HEAD_LINES lines stand before that stretch (a
    container has a headline, a byline, a date). Runs that belong to the article are passed over:
    a list its text announces (the line before ends with a colon), a table (numbers among the
    cells) and a list of items marked with bullets or numbers.

    Read, like the navigation rule, on the paragraphs the fragments stage will make. A second run
    finds the same stretch and the same runs before the cut, and nothing after it.
    """
    content = [line for line in doc.lines if line.text.strip() and not is_chrome(line.text)]
    if len(content) < PAGE_HEAD_LINES + TAIL_RUN:
        return
    joins = list(rejoin_fragments(doc, ctx))
    merged = [line for line in apply_edits(doc, joins).lines if line.text.strip() and not is_chrome(line.text)]
    block = _article_block(merged)
    if block is None or block[0] < PAGE_HEAD_LINES:
        return
    cut = _tail_run(merged, block[1] + 1)
    if cut is None:
        return
    if _paragraph_words(merged[cut:]) > TAIL_WORDS_SHARE * _paragraph_words(merged[block[0] : block[1] + 1]):
        return  # as much running text follows as the article has: a thread, a blog's posts; unsure
    start = merged[cut].number
    if not any(is_chrome(line.text) for line in doc.lines if line.number >= start):
        return  # no share button, copyright or comment count after it: the end of the article's own list
    last = merged[block[1]].number
    reason = (
        f"after the article on a page: its last paragraph is line {last}, {block[0]} lines stand before"
        f" it, and a run of {TAIL_RUN} or more short lines starts at line {start}; the rest of the page"
        " goes (comments, story links, footer)"
    )
    for line in doc.lines:
        if line.number >= start and line.text.strip():
            yield Edit(STAGE, DROP_LINE, line.number, 0, len(line.text), line.text, "", reason)


def _is_paragraph(text: str) -> bool:
    """A line of running text, looser than :func:`is_prose`: a sentence of PARAGRAPH_MIN_WORDS,
    or a long line whatever its end."""
    words = len(_WORD.findall(text))
    return words >= PARAGRAPH_LONG_WORDS or (words >= PARAGRAPH_MIN_WORDS and bool(_CLAUSE_END.search(text)))


def _paragraph_words(lines: list[Line]) -> int:
    return sum(len(_WORD.findall(line.text)) for line in lines if _is_paragraph(line.text))


def _article_block(lines: list[Line]) -> tuple[int, int] | None:
    """The first and last index of the stretch of paragraphs with the most words in them."""
    best = None
    best_words = 0
    start = previous = None
    words = 0
    for i, line in enumerate(lines):
        if not _is_paragraph(line.text):
            continue
        if previous is None or i - previous - 1 > BLOCK_GAP:
            start, words = i, 0
        words += len(_WORD.findall(line.text))
        previous = i
        if words > best_words:
            best, best_words = (start, i), words
    return best


def _tail_run(lines: list[Line], begin: int) -> int | None:
    """The index of the first run of TAIL_RUN link-like lines from ``begin`` that is not a list or
    table of the article's. A line that is neither a paragraph nor link-like (a piece of a sentence)
    breaks a run: the article goes on there."""
    i = begin
    while i < len(lines):
        j = i
        while j < len(lines) and _run_line(lines[j].text):
            j += 1
        run = [collapse_spaces(line.text) for line in lines[i:j]]
        if len(run) >= TAIL_RUN and not _announced(lines, i) and not _is_list_or_table(run):
            return i
        i = j + 1
    return None


def _run_line(text: str) -> bool:
    """A line of a tail run: link-like, not a paragraph, and not a piece of a sentence the
    fragments stage left ("type and rejects", ". For example")."""
    return is_link_like(text) and not _is_paragraph(text) and not _PIECE_START.match(text)


def _announced(lines: list[Line], i: int) -> bool:
    """True if the line before index ``i``, or the first of the run, announces a list ("The tour
    dates:")."""
    return any(line.text.rstrip().endswith(":") for line in lines[max(0, i - 1) : i + ANNOUNCE_WITHIN])


def _is_list_or_table(run: list[str]) -> bool:
    numbers = sum(1 for text in run if _NUMBER_CELL.fullmatch(text))
    marked = sum(1 for text in run if _LIST_ITEM.match(text))
    return numbers >= TABLE_NUMBER_SHARE * len(run) or marked >= len(run) / 2


def _pieces(doc: Document, joins: list[Edit]) -> dict[int, list[int]]:
    """For each line, the numbers of the lines it stands for once the fragments stage has joined the
    lines after it to it (itself first)."""
    joined = {e.line for e in joins}
    pieces: dict[int, list[int]] = {}
    first = None
    for line in doc.lines:
        if line.number in joined and first is not None:
            pieces[first].append(line.number)
        else:
            pieces[line.number] = [line.number]
            if line.text.strip():
                first = line.number
    return pieces


def _first_prose(content: list[Line]) -> int | None:
    """Where the article starts among the lines of content: its first paragraph."""
    return next((i for i, line in enumerate(content) if is_prose(line.text)), None)


def _distinct(lines: list[Line]) -> set[str]:
    return {collapse_spaces(line.text) for line in lines}


def _head(lines: tuple[Line, ...]) -> list[Line] | None:
    """The link-like lines before the first paragraph; None if there is no paragraph."""
    content = [line for line in lines if line.text.strip()]
    first_prose = _first_prose(content)
    if first_prose is None:
        return None
    # chrome is left to its own stages: a second run, which no longer has it, must count the same
    return [line for line in content[:first_prose] if is_link_like(line.text) and not is_chrome(line.text)]


def drop_related_links(doc: Document, ctx: Context) -> Iterator[Edit]:
    """Drop the run of short lines under a related-links heading after the first paragraph.

    Idempotent by design: every heading is a boilerplate line, so the output has none left and a
    second pass drops nothing (and when boilerplate is skipped, the run under a heading that
    stays ends where it ended before). Chrome lines inside the run are left to the captions and
    boilerplate stages (the run continues over them).
    """
    lines = [line for line in doc.lines if line.text.strip()]
    first_prose = _first_prose(lines)
    if first_prose is None:
        return
    i = first_prose + 1
    while i < len(lines):
        heading = lines[i]
        label = collapse_spaces(heading.text)
        if not RELATED_HEADING.regex.match(label):
            i += 1
            continue
        run: list[Line] = []
        j = i + 1
        while j < len(lines) and is_link_like(lines[j].text):
            run.append(lines[j])
            j += 1
        items = [line for line in run if not is_chrome(line.text)]
        where = f'under "{label}" (line {heading.number})'
        for k, line in enumerate(items, 1):
            reason = (
                f"related-links list {where}: {len(line.text.split())} words, no sentence end "
                f"({k} of {len(items)} short lines)"
            )
            yield Edit(STAGE, DROP_LINE, line.number, 0, len(line.text), line.text, "", reason)
        i = j
