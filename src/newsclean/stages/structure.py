"""structure: drop what surrounds the article on a whole page, and the list of story links that
follows a "Related stories" heading.

A whole page (a ``<body>``'s text) has menus before the article and comments, story links and a
footer after it: :func:`drop_navigation` and :func:`drop_page_tail` drop them, from where the
article's paragraphs stand. A container (the element that holds the article) may end with its
widgets (tags, share buttons, story links): :func:`drop_page_tail` drops those too, on stricter
evidence.

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

import bisect
import functools
import itertools
from collections.abc import Iterator

from .. import rxcache
from ..model import DROP_LINE, Context, Document, Edit, Line, apply_edits
from ..patterns import COMMENT_HEADER, RELATED_HEADING
from .fragments import rejoin_fragments
from .lines import CHROME, collapse_spaces, drop_matching_lines, ends_mid_phrase, is_chrome

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
_NUMBER_CELL = rxcache.compile(r"\W*[\d.,:%+\-–]+\W*")
#: The page tail rule (see drop_page_tail): a paragraph is PARAGRAPH_MIN_LETTERS letters and digits
#: with a clause end, or PARAGRAPH_LONG_LETTERS whatever the end (letters, not words: the joins
#: stage, which runs later, changes the words of a glued line, and a second run must read the same);
#: an article's paragraphs stand at most BLOCK_GAP other lines apart; a page has PAGE_HEAD_LINES
#: lines before the article, or PAGE_TAIL_LINES after it; the tail starts at a run of TAIL_RUN
#: link-like lines, unless the running text after it is more than TAIL_TEXT_SHARE times the
#: article's (a forum thread, a blog's posts: which is the article is not clear, so all stays).
PARAGRAPH_MIN_LETTERS = 50
PARAGRAPH_LONG_LETTERS = 100
BLOCK_GAP = 15
PAGE_HEAD_LINES = 8
PAGE_TAIL_LINES = 80
TAIL_RUN = 5
#: The chrome lines with a letter that stand right before a run and inside it count in its length,
#: once RUN_OWN_LINES of its lines are the page's own.
RUN_OWN_LINES = 3
TAIL_TEXT_SHARE = 1.0
#: Nor does a run start the tail when another article follows it: ARTICLE_PARAGRAPHS paragraphs in
#: a row with ARTICLE_LETTERS letters (a roundup's next story, articles put together in one file).
#: A page's tail has story summaries and comments, one paragraph between short lines.
ARTICLE_PARAGRAPHS = 3
ARTICLE_LETTERS = 1500
#: A container's widgets after its last paragraph (see _container_tail): a run of CONTAINER_RUN
#: short lines, and CONTAINER_CHROME chrome lines from its start on.
CONTAINER_RUN = 6
CONTAINER_CHROME = 2
#: A text with more running text than this is not one page (the longest page of the dev set has
#: 85,000 letters of it): articles put together, a book, a dump. The page tail rule leaves it
#: alone: it would keep the densest stretch of paragraphs and cut the articles after it, and
#: cutting again until nothing is left to cut would cost time growing with the square of the size.
PAGE_MAX_LETTERS = 500_000
#: A comment section: COMMENT_HEADERS headers (COMMENT_HEADER) with comments between them; it goes
#: unless its running text is more than COMMENTS_TEXT_SHARE times the article's before it.
COMMENT_HEADERS = 3
COMMENTS_TEXT_SHARE = 5.0
#: A run is a list the article announces when the line before it, or one of its first
#: ANNOUNCE_WITHIN lines, ends with a colon ("The tour dates:", "Course:" over a recipe card).
ANNOUNCE_WITHIN = 5
_NOT_LETTER = rxcache.compile(r"[^\p{L}\p{N}]+")
_LETTER = rxcache.compile(r"\p{L}")
_NOT_CJK = rxcache.compile(r"[^\p{Han}\p{Hiragana}\p{Katakana}]+")
CJK_LETTERS = 3
_CLAUSE_END = rxcache.compile(r"[.!?…:;。！？：；][\s”\"’»)\]」』]*$")
_PIECE_START = rxcache.compile(r"\s*(?:\p{Ll}|[,.;:)])")
_CODE = rxcache.compile(r"[=_{}\[\];#<>\\]|\w\(")
_LIST_ITEM = rxcache.compile(r"\s*(?:[-–—•*·▪►・]|\d{1,3}[.)]\s)")

_SENTENCE_END = rxcache.compile(r"[.!?…][\s”\"’»)\]]*$")  # a space may have come between: "frei. »"


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


def drop_page_tail(doc: Document, ctx: Context, *, output: bool = False) -> Iterator[Edit]:
    """Drop the rest of a whole page after the article (comments, story links, the footer): from
    its comment section, or from the first run of TAIL_RUN short lines after the article's last
    paragraph, whichever comes first, to the end.

    The article is the densest stretch of paragraphs (paragraphs at most BLOCK_GAP lines apart,
    the stretch with the most running text). The rule is for pages, where chrome surrounds
    the article: it acts only when at least PAGE_HEAD_LINES lines stand before that stretch (a
    container has a headline, a byline, a date), or PAGE_TAIL_LINES after it. See
    :func:`_comment_section` and :func:`_tail_run` for what each cut needs and what they pass over.
    In a container, only its widgets after the last paragraph go (see :func:`_container_tail`).

    A text with more than PAGE_MAX_LETTERS letters of running text is not a page and keeps its end.

    Read, like the navigation rule, on the paragraphs the fragments stage will make, without the
    chrome lines later stages drop, and cut again until nothing is left to cut: a second run,
    which reads the lines before the cut, must find nothing. (Where the other stages still make
    the page read otherwise, the pipeline reads its output once more with this rule, ``output``
    true: there the chrome is gone and the pieces are joined already.)
    """
    content = [line for line in doc.lines if line.text.strip() and not is_chrome(line.text)]
    if len(content) < PAGE_HEAD_LINES + min(TAIL_RUN, COMMENT_HEADERS):
        return
    # the drops of the captions and boilerplate stages, as they will make them
    chrome = list(drop_matching_lines(doc, STAGE, CHROME))
    chrome_lines = [edit.line for edit in chrome]  # in line order
    # the chrome lines a tail run counts: a lone mark ("«", "|") is as often a piece of a sentence
    worded = [edit.line for edit in chrome if _LETTER.search(edit.before)]
    if output:
        merged = content  # the pipeline's output: its chrome is gone and its pieces are joined
    else:
        # The lines as the fragments stage will join them, once the line rules have dropped the
        # chrome between them ("Twitter" between two pieces of a sentence).
        view = apply_edits(doc, chrome)
        merged = [line for line in apply_edits(view, list(rejoin_fragments(view, ctx))).lines if line.text.strip()]
    if _running_text(merged) > PAGE_MAX_LETTERS:
        return
    # Cut until nothing is left to cut, as a second run (which reads the lines before the cut)
    # would: a cut shortens what the guards measure after an earlier candidate.
    end, reason = len(merged), None
    while True:
        cut = _page_cut(merged[:end], chrome_lines, worded, merged[end].number if end < len(merged) else None)
        if cut is None:
            break
        end, reason = cut
    if reason is None:
        return
    start = merged[end].number
    for line in doc.lines:
        if line.number >= start and line.text.strip():
            yield Edit(STAGE, DROP_LINE, line.number, 0, len(line.text), line.text, "", reason)


def _page_cut(
    lines: list[Line], chrome_lines: list[int], worded: list[int], stop: int | None
) -> tuple[int, str] | None:
    """Where the page ``lines`` (its content lines, chrome left out; the page's lines from number
    ``stop`` on are already cut) stop being the article, and why; None if they do not, or are not a
    page.

    The comment section may lie inside the article's stretch (its comments are paragraphs too):
    the stretch is found again before it, and must start where it started, or which is the article
    is not clear and the comments stay.
    """
    block = _article_block(lines)
    if block is None:
        return None
    if block[0] < PAGE_HEAD_LINES and len(lines) - block[1] - 1 < PAGE_TAIL_LINES:
        return _container_tail(lines, block, chrome_lines, stop)
    end, reason = len(lines), None
    comments = _comment_section(lines, block)
    if comments is not None:
        before = _article_block(lines[: comments[0]])
        if before is not None and before[0] == block[0]:
            block, (end, headers) = before, comments
            reason = (
                f"comment section of a page, after the article (its last paragraph is line"
                f' {lines[block[1]].number}): {headers} comment headers (a date and time, "says:") from'
                f" line {lines[end].number}; the rest of the page goes"
            )
            stop = lines[end].number
    article = _running_text(lines[block[0] : block[1] + 1])
    run = _tail_run(lines, block[1] + 1, end, article, chrome_lines, worded, stop)
    if run is not None:
        end = run
        reason = (
            f"after the article on a page (its last paragraph is line {lines[block[1]].number},"
            f" {block[0]} lines stand before it): a run of {TAIL_RUN} or more short lines starts at line"
            f" {lines[run].number}; the rest of the page goes (comments, story links, footer)"
        )
    return None if reason is None else (end, reason)


def _container_tail(
    lines: list[Line], block: tuple[int, int], chrome_lines: list[int], stop: int | None
) -> tuple[int, str] | None:
    """Where a container's widgets start after its last paragraph, and why; None if they do not.

    A container (the element that holds the article) often ends with its tags, share and print
    buttons, a rating widget and a list of related stories. Without a page around it, the page
    tail rule's guards cannot tell those from the article's own list, so this asks for more: a run
    of CONTAINER_RUN short lines after the last paragraph of all, with CONTAINER_CHROME chrome lines
    from its start on (a share button, "Print", a copyright line), not a list or table of the
    article's and not announced by it ("The tour dates:").
    """
    # the last paragraph of all: the article's stretch may end before a story's summary
    last = next((k for k in range(len(lines) - 1, block[1], -1) if _is_paragraph(lines[k].text)), block[1])
    for i, _, run in _runs(lines, last + 1, len(lines)):
        if len(run) >= CONTAINER_RUN and not _announced(lines, i) and not _is_list_or_table(run):
            chrome = _chrome_count(chrome_lines, lines[i].number, stop)
            if chrome >= CONTAINER_CHROME:
                return i, (
                    f"after the last paragraph (line {lines[last].number}): a run of"
                    f" {len(run)} short lines starts at line {lines[i].number}, with {chrome} chrome lines"
                    " from there on; the rest goes (tags, share buttons, story links)"
                )
    return None


def _comment_section(lines: list[Line], block: tuple[int, int]) -> tuple[int, int] | None:
    """Where a comment section starts after the first paragraph of the article ``block``, and its
    number of headers; None when there is none.

    A comment section is a series of COMMENT_HEADERS comment headers ("June 3, 2024 at 9:12 am",
    "says:") with a comment between each two (a line of two words or more that is not a header;
    headers with none between, as "Jo says:" over its date, count once: so do a "Published:" /
    "Updated:" pair of datelines). It starts at the commenter's name when a short line stands
    before the first header. It is left alone when it has more than COMMENTS_TEXT_SHARE times the
    running text of the article before it: a forum thread or a live blog, where which is the
    article is not clear.

    No rule on the lines' distances: other stages drop lines between the headers, and a second run
    must not find a series the first did not.
    """
    groups: list[int] = []  # where each group of headers starts ("Jo says:" / "June 3, 2024 at 9:12 am")
    body = True  # a comment since the last header
    for i in range(block[0] + 1, len(lines)):
        text = collapse_spaces(lines[i].text)
        if COMMENT_HEADER.regex.match(text):
            if body:
                groups.append(i)
            body = False
            if len(groups) == COMMENT_HEADERS:
                break
        elif len(text.split()) >= 2:
            body = True
    else:
        return None
    start = groups[0]
    if start - 1 > block[0] and _run_line(lines[start - 1].text):
        start -= 1
    if _running_text(lines[start:]) > COMMENTS_TEXT_SHARE * _running_text(lines[block[0] : start]):
        return None
    count = sum(1 for line in lines[start:] if COMMENT_HEADER.regex.match(collapse_spaces(line.text)))
    return start, count


@functools.lru_cache(maxsize=65536)
def _is_paragraph(text: str) -> bool:
    """A line of running text, looser than :func:`is_prose`: a sentence of PARAGRAPH_MIN_LETTERS
    letters and digits, or a line of PARAGRAPH_LONG_LETTERS whatever its end."""
    letters = _letters(text)
    return letters >= PARAGRAPH_LONG_LETTERS or (letters >= PARAGRAPH_MIN_LETTERS and bool(_CLAUSE_END.search(text)))


@functools.lru_cache(maxsize=65536)
def _letters(text: str) -> int:
    """Letters and digits; a Chinese or Japanese character, which is about a word, counts as
    CJK_LETTERS. (Cached: the page rule asks about each line many times.)"""
    letters = len(_NOT_LETTER.sub("", text))
    if text.isascii():
        return letters
    return letters + (CJK_LETTERS - 1) * len(_NOT_CJK.sub("", text))


def _running_text(lines: list[Line]) -> int:
    """The letters in the paragraphs among ``lines``."""
    return sum(_letters(line.text) for line in lines if _is_paragraph(line.text))


def _article_block(lines: list[Line]) -> tuple[int, int] | None:
    """The first and last index of the stretch of paragraphs with the most running text."""
    best = None
    best_letters = 0
    start = previous = None
    letters = 0
    for i, line in enumerate(lines):
        if not _is_paragraph(line.text):
            continue
        if previous is None or i - previous - 1 > BLOCK_GAP:
            start, letters = i, 0
        letters += _letters(line.text)
        previous = i
        if letters > best_letters:
            best, best_letters = (start, i), letters
    return best


def _tail_run(
    lines: list[Line],
    begin: int,
    end: int,
    article: int,
    chrome_lines: list[int],
    worded: list[int],
    stop: int | None,
) -> int | None:
    """The index of the first run of TAIL_RUN link-like lines in ``lines[begin:end]`` (the chrome
    lines among them and right before them counted, see RUN_OWN_LINES) where the page's tail may
    start: not a list or table of the article's, followed (before ``end``) by no more than
    TAIL_TEXT_SHARE times the ``article``'s running text, by a chrome line (a share button, a
    copyright line): without one, the run is more likely the end of the article's own list, and
    by no other article (see :func:`_another_article`). A line that is neither a paragraph nor
    link-like (a piece of a sentence) breaks a run: the article goes on there. ``chrome_lines``:
    the numbers of the page's chrome lines, in order (``worded``: those with a letter, which a run
    counts); ``stop``: the number of the first line already cut."""
    rest: list[int] = []  # the running text from lines[begin + k] to end, summed once when first needed
    for i, j, run in _runs(lines, begin, end):
        length = len(run)
        if length >= RUN_OWN_LINES:
            # the chrome lines right before the run and inside it are of it: the line rules drop
            # them ("Share this", "View article on single page"), and a run must not get shorter
            # because one of its lines is known for chrome
            after = lines[i - 1].number if i > 0 else 0
            length += bisect.bisect_right(worded, lines[j - 1].number) - bisect.bisect_right(worded, after)
        if length >= TAIL_RUN and not rest:
            rest = list(itertools.accumulate(reversed([_running_text([line]) for line in lines[begin:end]])))[::-1]
            rest.append(0)
        if (
            length >= TAIL_RUN
            and not _announced(lines, i)
            and not _is_list_or_table(run)
            and rest[i - begin] <= TAIL_TEXT_SHARE * article
            and _chrome_count(chrome_lines, lines[i].number, stop) > 0
            and not _another_article(lines, j, end)
        ):
            return i
    return None


def _runs(lines: list[Line], begin: int, end: int) -> Iterator[tuple[int, int, list[str]]]:
    """The runs of tail-run lines (see :func:`_run_line`) in ``lines[begin:end]``, in order: the
    index of the first line, the index after the last, and their texts, spaces collapsed."""
    i = begin
    while i < end:
        j = i
        while j < end and _run_line(lines[j].text):
            j += 1
        if j > i:
            yield i, j, [collapse_spaces(line.text) for line in lines[i:j]]
        i = j + 1


def _another_article(lines: list[Line], begin: int, end: int) -> bool:
    """True if ``lines[begin:end]`` hold ARTICLE_PARAGRAPHS paragraphs in a row with ARTICLE_LETTERS
    letters of running text or more: another article, not the page's tail, whose story summaries
    and comments stand one paragraph at a time between short lines (headlines, comment headers).

    Without it, text made of articles put together lost every article after the densest stretch
    of them and a run of short lines (the next headline, its byline, share buttons)."""
    count = letters = 0
    for i in range(begin, end):
        if not _is_paragraph(lines[i].text):
            count = letters = 0
            continue
        count += 1
        letters += _letters(lines[i].text)
        if count >= ARTICLE_PARAGRAPHS and letters >= ARTICLE_LETTERS:
            return True
    return False


def _chrome_count(chrome_lines: list[int], start: int, stop: int | None) -> int:
    """How many chrome lines stand from line number ``start`` up to (not with) ``stop``."""
    end = len(chrome_lines) if stop is None else bisect.bisect_left(chrome_lines, stop)
    return max(0, end - bisect.bisect_left(chrome_lines, start))


def _run_line(text: str) -> bool:
    """A line of a tail run: link-like, not a paragraph, and not a piece of a sentence the
    fragments stage left ("type and rejects", ". For example")."""
    return is_link_like(text) and not _is_paragraph(text) and not _PIECE_START.match(text)


def _announced(lines: list[Line], i: int) -> bool:
    """True if the line before index ``i``, or one of the first ANNOUNCE_WITHIN of the run,
    announces a list ("The tour dates:", "Ingredients:")."""
    return any(line.text.rstrip().endswith(":") for line in lines[max(0, i - 1) : i + ANNOUNCE_WITHIN])


def _is_list_or_table(run: list[str]) -> bool:
    """True if the run is a table (numbers among the cells), a list marked with bullets or numbers,
    or code (brackets, "=", "_", "#", backslashes in many of its lines)."""
    numbers = sum(1 for text in run if _NUMBER_CELL.fullmatch(text))
    marked = sum(1 for text in run if _LIST_ITEM.match(text))
    code = sum(1 for text in run if _CODE.search(text))
    return numbers >= TABLE_NUMBER_SHARE * len(run) or marked >= len(run) / 2 or code >= len(run) / 3


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
