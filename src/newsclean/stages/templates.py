"""templates: drop the lines a folder's documents repeat verbatim (a site's footer or prompts).

Which lines those are is found in a first pass over the documents cleaned together
(:func:`newsclean.templates.find_templates`) and given to this stage in ``Config.templates``; it
knows nothing of other documents itself. Without templates it proposes nothing::

    >>> from newsclean.config import Config
    >>> from newsclean.templates import select_templates
    >>> templates = select_templates([{"followusongooglenews"}] * 3)
    >>> doc = Document.from_text("Rates rose.\\nFollow us on Google News\\n")
    >>> [(e.line, e.reason) for e in drop_templates(doc, Context(Config(templates=templates), None))]
    [(2, 'repeated in 3 of 3 documents')]
    >>> list(drop_templates(doc, Context(Config(), None)))
    []
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import DROP_LINE, Context, Document, Edit

STAGE = "templates"


def drop_templates(doc: Document, ctx: Context) -> Iterator[Edit]:
    templates = ctx.config.templates
    if not templates:
        return
    for line in doc.lines:
        reason = templates.reason(line.text)
        if reason is not None:
            yield Edit(STAGE, DROP_LINE, line.number, 0, len(line.text), line.text, "", reason)
