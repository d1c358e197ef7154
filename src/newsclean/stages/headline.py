"""headline: keep a headline the scraper repeated only once, as the title.

Scrapers pick up the headline from the page title, the ``<h1>`` and the social card, so the same
line often stands two or three times at the top (the seed article has it three times). The first
copy stays; every later copy of it is dropped, wherever it stands. A heading that stands twice in a
row (an ``<h1>`` and its link, a section title and its anchor) loses its second copy wherever it
stands, however short it is: the lines between two copies do not count when a later stage drops
them (a share prompt), and the pipeline reads its output once more with this stage, so that a
second run finds nothing new next to each other (see ``pipeline._settle``).

    >>> from newsclean.config import Config
    >>> title = "Seoul warns Moscow over arms\\n"
    >>> doc = Document.from_text(title + "\\n" + title + "Seoul said on Friday it would act.\\n")
    >>> [(e.line, e.reason) for e in drop_duplicate_headline(doc, Context(Config(), "en"))]
    [(3, 'repeat of the headline on line 1')]
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from collections.abc import Iterator

from .. import rxcache
from ..model import DROP_LINE, Context, Document, Edit, Line
from .lines import is_chrome

STAGE = "headline"

#: Where a headline can stand: among the first letters of content (each distinct line counted
#: once). Later lines are the article. Letters, not lines, because the fragments stage merges lines
#: and a second run must see the same window: merging moves no letter.
HEADLINE_WINDOW_LETTERS = 600
#: A headline is a short line of at most MAX_WORDS words. To be dropped as a repeat it needs
#: MIN_REPEATED_WORDS: short repeated lines ("Everybody's a Critic") are more often subheadings.
MIN_TITLE_WORDS = 2
MIN_REPEATED_WORDS = 4
MAX_WORDS = 40
#: Scrapers repeat a headline two or three times (title, h1, social card). A line that stands
#: more often is a repeated subheading or widget (a subheading such as "Drink water an hour before the race" six times).
MAX_COPIES = 3

#: Typographic quotes, each with the plain quote it stands for in a headline key.
_QUOTES = tuple(zip("‘’‚‛“”„‟«»", '\'\'\'\'""""""', strict=True))
_SENTENCE_END = rxcache.compile(r"[.;:,][”\"’»)]*$")
#: A headline may end in an abbreviation ("Kleiderschrank & Co.", "Martin Luther King Jr."); a
#: sentence may end in a short name ("The prize went to Tom."), so only these count.
_ABBREVIATIONS = frozenset(
    ("Co.", "Jr.", "Sr.", "Inc.", "Ltd.", "Corp.", "Bros.", "Cie.", "Nr.", "No.", "Vol.", "etc.", "usw.", "e.V.")
)
_LETTERS = rxcache.compile(r"\p{L}.*\p{L}")
_LOWER_START = rxcache.compile(r"\W*\p{Ll}")


@functools.lru_cache(maxsize=65536)  # each line is asked about by three stages, some more than once
def headline_key(text: str) -> str:
    """What makes two lines the same headline: case, spacing, quote style, soft hyphens (U+00AD,
    where a browser may break a long word: invisible on the page) and NFKC ignored.

    This stage and the joins stage ask it for every line. The quotes are replaced one at a time,
    not with str.translate, which reads a non-ASCII text a character at a time and made this the
    costliest line test; each replace is a fast scan, and no quote maps to another, so their order
    does not matter.
    """
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    for quote, plain in _QUOTES:
        text = text.replace(quote, plain)
    return " ".join(text.casefold().split())


def looks_like_headline(text: str, min_words: int = MIN_TITLE_WORDS) -> bool:
    words = text.split()
    return min_words <= len(words) <= MAX_WORDS and (
        not _SENTENCE_END.search(text.strip()) or words[-1] in _ABBREVIATIONS
    )


def _is_heading(text: str) -> bool:
    """Two letters or more, and no lower-case start ("from", "and more")."""
    return bool(_LETTERS.search(text)) and not _LOWER_START.match(text)


def find_title(doc: Document) -> Line | None:
    """The document's first line if it reads as a headline and something follows it."""
    content = [line for line in doc.lines if line.text.strip()]
    if len(content) >= 2 and looks_like_headline(content[0].text):
        return content[0]
    return None


def drop_duplicate_headline(doc: Document, ctx: Context) -> Iterator[Edit]:
    # Captions and chrome do not count, and the window is made of distinct lines: the later stages
    # drop chrome and this one drops copies, and cleaning the output again must see the same
    # candidates. Every repeated heading in the window is deduplicated (a headline and a
    # standfirst, each scraped twice), the first of them is the headline.
    content = [line for line in doc.lines if line.text.strip() and not is_chrome(line.text)]
    keys = [headline_key(line.text) for line in content]
    counts = Counter(keys)
    window, letters = set(), 0
    for key in dict.fromkeys(keys):
        if letters >= HEADLINE_WINDOW_LETTERS:
            break
        window.add(key)
        letters += sum(c.isalnum() for c in key)
    # the first line of content, if it reads as a headline, is the title: its copies go however
    # short it is ("Ferienhaus Feinen") and however many there are (in a page's menus, breadcrumbs
    # and share links), while a short line repeated further down is a subheading
    title = keys[0] if content and looks_like_headline(content[0].text) else None
    first: dict[str, int] = {}
    above = 0  # the first of the run of equal lines the current line would end
    for index, (line, key) in enumerate(zip(content, keys)):
        reason = None
        if (
            key in window
            and counts[key] >= 2
            and (counts[key] <= MAX_COPIES or key == title)
            and looks_like_headline(line.text, MIN_TITLE_WORDS if key == title else MIN_REPEATED_WORDS)
        ):
            if key not in first:
                first[key] = line.number
            else:
                what = "the headline" if first[key] == min(first.values()) else "a heading"
                reason = f"repeat of {what} on line {first[key]}"
        if reason is None:
            # a heading scraped twice in a row (the <h1> and its link), whatever its length; the
            # copies this stage drops do not stand between ("Watch", a copy, "Watch")
            if key != keys[above]:
                above = index
            elif index != above and looks_like_headline(line.text, 1) and _is_heading(line.text):
                reason = f"repeat of the heading right above it on line {content[above].number}"
        if reason:
            yield Edit(STAGE, DROP_LINE, line.number, 0, len(line.text), line.text, "", reason)
