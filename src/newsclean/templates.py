"""Site templates: lines that many documents of one folder repeat verbatim.

A site puts the same footer, newsletter prompt or follow widget under every article
(``For Latest Updates Follow us on Google News``). One document cannot tell such a line from its
own text; a folder of the site's documents can. So cleaning a folder with templates takes two
passes: the first cleans every document as usual and counts, for each line of the output, the
documents that have it (:func:`find_templates`); the second cleans each document with the result
in its config, and the ``templates`` stage drops the lines whose key is a template, with the reason
``repeated in N of M documents``.

The lines counted are those of the output, not of the input: the fragments stage joins the pieces
of ``Delivered by`` / ``FeedBurner`` into one line on every page of a site, and a second run over
the output would count that line where the first counted only its pieces (on the dev pages, 99
outputs changed again). The stage runs early, before those pieces are joined, so it also drops a
run of lines whose keys, put together, are a template's: a key has no spaces, so the key of a
joined line is the keys of its pieces put together, and a line between them that the line rules
may drop can be passed over.

Dropping templates changes how the fragments stage joins the lines around them, and the lines it
then makes may also repeat in many documents: the first pass counts again over the documents
cleaned with the templates found so far, until a round finds no new one. A second cleaning of the
output (which has none of those lines) then finds nothing to drop.

    >>> docs = [f"Harbour story {n} ran on Monday.\\nFollow us on Google News for updates\\n" for n in range(4)]
    >>> templates = find_templates(docs)
    >>> templates.documents, templates.counts
    (4, {'followusongooglenewsforupdates': 4})
    >>> templates.reason("Followus on Google News for updates")
    'repeated in 4 of 4 documents'

The counts are sums over documents, so they do not depend on the order of the documents or on
how they were shared out among worker processes; they do depend on which documents are counted
together. Without templates (the default) the stage does nothing, and a document comes out as it
would on its own.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .config import Config

#: A line must stand in at least this many documents to be a template. Two documents that share a
#: line are as often two copies of one wire story; on one site's folder of the dev set, three is
#: already a site's footer or comment rules (see README, Folders).
MIN_DOCS = 3
#: ... and in at least this share of the documents counted together: in a larger folder more lines
#: repeat by chance (team names, wire copy, a quote), so the bar rises with its size. Measured on
#: the 1,607 dev pages counted as one folder (1,058 sites): lines that stand in up to 10 documents
#: still include article text ("Pittsburgh Steelers", an NFL site's comment rules that its gold
#: keeps); 0.75 % asks for 13 there, where the stage drops 1,711 non-article lines and none of the
#: 32,088 article lines (asking for 8 documents, about 75 went, counted on the input lines).
MIN_SHARE = 0.0075
#: A template has at least this many letters (about three words, "Follow us on Twitter" has 17).
#: Shorter repeated lines are mostly names, dates and section labels that articles also use
#: ("New York Times", "Calvin Johnson"): on the dev pages, 12 letters lost 3 times the article lines
#: that 16 did. Short chrome ("Advertisement") is the boilerplate stage's.
MIN_LETTERS = 16


def line_key(text: str) -> str:
    """What makes two lines the same template line: case and every space ignored.

    Spaces are ignored because a scraper loses them at inline tags on one page and not on the next.

    >>> line_key("Followus on Google News") == line_key("  Follow us on  google news")
    True
    """
    return "".join(text.casefold().split())


def is_candidate(key: str) -> bool:
    """True if a line with this key is long enough to be counted as a possible template.

    >>> is_candidate(line_key("Follow us on Google News")), is_candidate(line_key("Advertisement"))
    (True, False)
    """
    return sum(c.isalpha() for c in key) >= MIN_LETTERS


def needed_documents(documents: int, min_docs: int = MIN_DOCS, min_share: float = MIN_SHARE) -> int:
    """How many of ``documents`` must have a line for it to be a template.

    >>> needed_documents(40), needed_documents(1607)
    (3, 13)
    """
    return max(min_docs, math.ceil(min_share * documents))


#: Rounds of the first pass at most. A site's chrome stands in blocks; dropping some of its lines
#: lets the fragments stage join their neighbours differently, and those joined lines may repeat
#: too. On the dev pages the second round finds no new one (before runs of pieces could pass over
#: chrome lines it found 4, and 68 outputs changed when cleaned again); the rounds are what makes a
#: second cleaning of the output find nothing, not a measured gain.
MAX_ROUNDS = 4
#: The most lines a template's pieces may stand on (``Powered by`` / ``WordPress.com VIP`` is two).
MAX_PIECES = 8


@dataclass(frozen=True)
class Templates:
    """The template lines of a set of documents: what the ``templates`` stage drops.

    - ``documents``: how many documents were counted (M in the reason).
    - ``counts``: for each template line key (:func:`line_key`), in how many documents it stands
      (N in the reason). Only keys that reached ``needed`` are kept.
    - ``needed``: the number of documents a key needed.
    """

    documents: int = 0
    counts: dict[str, int] = field(default_factory=dict, hash=False)
    needed: int = 0
    #: every beginning of a template key, so that a run of pieces can stop as soon as it leaves them
    prefixes: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # a copy, sorted: the record must not change under its owner, and it must not show the
        # order in which the documents were counted
        object.__setattr__(self, "counts", dict(sorted(self.counts.items())))
        object.__setattr__(self, "prefixes", frozenset(key[:n] for key in self.counts for n in range(1, len(key))))

    def __bool__(self) -> bool:
        return bool(self.counts)

    def reason(self, text: str) -> str | None:
        """Why a line with this text is a template, or None if it is not one."""
        return self.reason_for_key(line_key(text))

    def reason_for_key(self, key: str) -> str | None:
        count = self.counts.get(key)
        return None if count is None else f"repeated in {count} of {self.documents} documents"

    def find_run(self, keys: list[str], optional: list[bool], start: int) -> tuple[tuple[int, ...], str] | None:
        """The longest run of lines from ``start`` whose keys, put together, are a template's: the
        indexes of its lines and the reason, or None. A blank line (key ``""``) ends a run.

        A line marked ``optional`` is one that a later stage may drop (a stray ``*`` that the
        boilerplate stage drops, after which the fragments stage joins ``Erforderliche Felder sind
        mit`` / ``markiert.``): the run may take it or pass over it, and a line passed over is left
        to that stage.

        >>> t = select_templates([{"poweredbywordpress.comvip"}] * 3)
        >>> t.find_run(["poweredby", "*", "wordpress.comvip", "rates"], [False, True, False, False], 0)
        ((0, 2), 'repeated in 3 of 3 documents')
        """
        first = keys[start]
        if not first or (first not in self.counts and first not in self.prefixes):
            return None
        found = ((start,), self.reason_for_key(first)) if first in self.counts else None
        states = {first: (start,)}  # each key put together so far, with the lines it took
        for end in range(start + 1, min(start + MAX_PIECES, len(keys))):
            if not keys[end]:
                break
            following: dict[str, tuple[int, ...]] = {}
            for joined, taken in states.items():
                longer = joined + keys[end]
                if longer in self.counts or longer in self.prefixes:
                    following.setdefault(longer, (*taken, end))
                if optional[end]:
                    following.setdefault(joined, taken)
            for joined, taken in following.items():
                if taken[-1] == end and joined in self.counts:
                    found = (taken, self.reason_for_key(joined))
            states = following
            if not states:
                break
        return found


def document_keys(text: str, config: Config | None = None) -> frozenset[str]:
    """The keys of the candidate lines of one document's output, cleaned with ``config`` (and the
    templates it carries, if any).

    >>> sorted(document_keys("The council met on Monday.\\nShare this on\\nFacebook and Twitter\\n"))
    ['sharethisonfacebookandtwitter', 'thecouncilmetonmonday.']
    """
    from .model import Document
    from .pipeline import run

    output = Document.from_text(run(text, config).text)
    return frozenset(key for key in (line_key(line.text) for line in output.lines) if is_candidate(key))


def select_templates(
    key_sets: Iterable[Iterable[str]],
    min_docs: int = MIN_DOCS,
    min_share: float = MIN_SHARE,
    known: Templates | None = None,
) -> Templates:
    """Count each document's keys once and keep those that enough documents have, added to ``known``
    (the templates of the rounds before, which keep their counts).

    This is the merge step of a round: ``key_sets`` may come from worker processes in any order.

    >>> select_templates([{"a"}, {"a", "b"}, {"a"}], min_docs=2).counts
    {'a': 3}
    """
    if min_docs < 2:
        raise ValueError(f"min_docs: a template stands in at least 2 documents, got {min_docs}")
    counts: Counter[str] = Counter()
    documents = 0
    for keys in key_sets:
        documents += 1
        counts.update(set(keys))
    needed = needed_documents(documents, min_docs, min_share)
    found = {key: n for key, n in counts.items() if n >= needed}
    if known is not None:
        found.update(known.counts)
    return Templates(documents, found, needed)


def round_config(config: Config | None, templates: Templates | None) -> Config:
    """The config a round of the first pass cleans with: the caller's, with the templates so far."""
    from .config import Config

    return replace(config or Config(), templates=templates)


def settled(before: Templates | None, after: Templates) -> bool:
    """True if a round found no template that the rounds before had not."""
    return after.counts.keys() == (before.counts.keys() if before is not None else set())


def find_templates(
    texts: Iterable[str],
    min_docs: int = MIN_DOCS,
    min_share: float = MIN_SHARE,
    config: Config | None = None,
) -> Templates:
    """The first pass over the documents cleaned together; pass the result as ``Config(templates=...)``.

    ``config`` is the one the second pass will use: the documents are cleaned with it to find the
    lines counted. Round 1 cleans them without templates; each later round cleans them with the
    templates found so far and counts again, until a round finds no new template (at most
    MAX_ROUNDS): see the module's docstring.
    """
    texts = list(texts)
    templates = None
    for _ in range(MAX_ROUNDS):
        keys = (document_keys(text, round_config(config, templates)) for text in texts)
        found = select_templates(keys, min_docs, min_share, known=templates)
        if settled(templates, found):
            return found
        templates = found
    return templates
