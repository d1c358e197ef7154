"""Site templates: lines that many documents of one folder repeat verbatim.

A site puts the same footer, newsletter prompt or follow widget under every article
(``For Latest Updates Follow us on Google News``). One document cannot tell such a line from its
own text; a folder of the site's documents can. So cleaning a folder with templates takes two
passes: the first reads every document and counts, for each line key, the documents that have it
(:func:`find_templates`); the second cleans each document with the result in its config, and the
``templates`` stage drops the lines whose key is a template, with the reason
``repeated in N of M documents``.

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
from dataclasses import dataclass, field
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
#: keeps); 0.75 % asks for 13 there, where 4 of 32,088 article lines go.
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

    def __post_init__(self) -> None:
        # a copy, sorted: the record must not change under its owner, and it must not show the
        # order in which the documents were counted
        object.__setattr__(self, "counts", dict(sorted(self.counts.items())))

    def __bool__(self) -> bool:
        return bool(self.counts)

    def reason(self, text: str) -> str | None:
        """Why a line with this text is a template, or None if it is not one."""
        count = self.counts.get(line_key(text))
        return None if count is None else f"repeated in {count} of {self.documents} documents"


def document_keys(text: str, config: Config | None = None) -> frozenset[str]:
    """The keys of the candidate lines of one document, as the ``templates`` stage will see them.

    The lines are read after the stages that run before it (unicode repair), so that a footer
    with mojibake on one page and without on the next counts as one line.

    >>> sorted(document_keys("Share this on Facebook and Twitter\\nShort line\\n"))
    ['sharethisonfacebookandtwitter']
    """
    from .pipeline import before_templates

    doc = before_templates(text, config)
    return frozenset(key for key in map(line_key, (line.text for line in doc.lines)) if is_candidate(key))


def select_templates(
    key_sets: Iterable[Iterable[str]], min_docs: int = MIN_DOCS, min_share: float = MIN_SHARE
) -> Templates:
    """Count each document's keys once and keep those that enough documents have.

    This is the merge step of the first pass: ``key_sets`` may come from worker processes in any
    order.

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
    return Templates(documents, {key: n for key, n in counts.items() if n >= needed}, needed)


def find_templates(
    texts: Iterable[str], min_docs: int = MIN_DOCS, min_share: float = MIN_SHARE, config: Config | None = None
) -> Templates:
    """The first pass over the documents cleaned together; pass the result as ``Config(templates=...)``.

    ``config`` is the one the second pass will use (its ``skip``/``only`` decide whether the
    unicode stage runs before the lines are read).
    """
    return select_templates((document_keys(text, config) for text in texts), min_docs, min_share)
