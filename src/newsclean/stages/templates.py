"""templates: drop the lines a folder's documents repeat verbatim (a site's footer or prompts).

Which lines those are is found in a first pass over the documents cleaned together
(:func:`newsclean.templates.find_templates`) and given to this stage in ``Config.templates``; it
knows nothing of other documents itself. Without templates it proposes nothing::

    >>> from newsclean.config import Config
    >>> from newsclean.templates import select_templates
    >>> templates = select_templates([{"erforderlichefeldersindmitmarkiert."}] * 3)
    >>> doc = Document.from_text("Rates rose.\\nErforderliche Felder sind mit\\n*\\nmarkiert.\\n")
    >>> [(e.line, e.reason) for e in drop_templates(doc, Context(Config(templates=templates), None))]
    [(2, 'repeated in 3 of 3 documents'), (4, 'repeated in 3 of 3 documents')]
    >>> list(drop_templates(doc, Context(Config(), None)))
    []
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import DROP_LINE, Context, Document, Edit
from ..templates import line_key
from .lines import is_chrome

STAGE = "templates"


def drop_templates(doc: Document, ctx: Context) -> Iterator[Edit]:
    """Drop each line, or run of lines (the pieces of one, before the fragments stage joins them),
    that is a template of the documents cleaned together."""
    templates = ctx.config.templates
    if not templates:
        return
    # chrome lines are the captions and boilerplate stages' to drop, with their own reasons; a run
    # of template pieces may pass over them
    keys = [line_key(line.text) for line in doc.lines]
    optional = [is_chrome(line.text) for line in doc.lines]
    start = 0
    while start < len(keys):
        found = templates.find_run(keys, optional, start)
        if found is None:
            start += 1
            continue
        taken, reason = found
        for index in taken:
            line = doc.lines[index]
            yield Edit(STAGE, DROP_LINE, line.number, 0, len(line.text), line.text, "", reason)
        start = taken[-1] + 1
