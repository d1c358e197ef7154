"""The stages in order, and run(): text in, Result out."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from . import lexicon
from .config import STAGE_NAMES, Config, matches_whole_line
from .model import DROP_LINE, Context, Document, Edit, Result, Stats, apply_stage
from .stages.boilerplate import drop_boilerplate
from .stages.captions import drop_captions
from .stages.fragments import rejoin_fragments
from .stages.headline import drop_duplicate_headline, find_title
from .stages.joins import insert_missing_spaces
from .stages.lines import is_chrome
from .stages.structure import drop_page_tail, drop_structure
from .stages.templates import drop_templates
from .stages.unicode import fix_unicode
from .stages.whitespace import normalize_whitespace

Stage = Callable[[Document, Context], Iterable[Edit]]

#: (name, function) in the order they run. Unicode first, so every later rule sees real characters;
#: templates next, so that a site's repeated lines are gone before any stage reads the document and
#: every later stage sees the same lines on the output as on the input; structure next, so that the
#: language detection and the joins stage (whose evidence is the words of the document) see the
#: same lines on the input and on the output, which has lost the related-links lists; joins before
#: the line rules, so patterns see words; fragments after the line rules, so that the lines it joins
#: are the lines a second run sees (no dropped line between them), and the joins stage reads again
#: what it merged; whitespace last, so the gaps that removed lines leave close up.
STAGES: tuple[tuple[str, Stage], ...] = (
    ("unicode", fix_unicode),
    ("templates", drop_templates),
    ("structure", drop_structure),
    ("joins", insert_missing_spaces),
    ("headline", drop_duplicate_headline),
    ("captions", drop_captions),
    ("boilerplate", drop_boilerplate),
    ("fragments", rejoin_fragments),
    ("whitespace", normalize_whitespace),
)
assert tuple(name for name, _ in STAGES) == STAGE_NAMES
#: The order in which the stages make edits: the joins stage reads again the lines fragments merged
#: (see _run_stages), and the page rule of the structure stage and the headline stage read the
#: output once more (see _settle), with the stages from fragments on after them.
_ORDER = tuple(step for name in STAGE_NAMES for step in ((name, "joins") if name == "fragments" else (name,)))
AFTER_LINE_RULES = STAGE_NAMES.index("fragments")
RUN_ORDER = (*_ORDER, "structure", "headline", *_ORDER[_ORDER.index("fragments") :])
#: How many times _settle reads the output again at most.
SETTLE_ROUNDS = 2
#: The stages that run before the document's language is detected (they do not use it): unicode,
#: templates and structure.
BEFORE_LANGUAGE = STAGE_NAMES.index("structure") + 1


def _kept(edits: Iterable[Edit], ctx: Context) -> Iterator[Edit]:
    """The edits, less the drops of lines the config's ``keep`` patterns match."""
    keep = ctx.config.keep
    for edit in edits:
        if not (keep and edit.kind == DROP_LINE and matches_whole_line(keep, edit.before)):
            yield edit


def _run_stages(doc: Document, stages: tuple[tuple[str, Stage], ...], ctx: Context) -> tuple[Document, list[Edit]]:
    edits: list[Edit] = []
    for name, stage in stages:
        if ctx.config.runs(name):
            doc, applied = apply_stage(doc, _kept(stage(doc, ctx), ctx))
            edits.extend(applied)
            if name == "fragments" and applied and ctx.config.runs("joins"):
                # A merged line has seams the joins stage has not read ("Average" + ".DJI fell"),
                # and its evidence has lost the lines dropped since: read it again, as a second
                # run over the output would.
                doc, applied = apply_stage(doc, insert_missing_spaces(doc, ctx))
                edits.extend(applied)
    return doc, edits


def _settle(doc: Document, ctx: Context) -> tuple[Document, list[Edit]]:
    """Read the output once more with the structure stage's page rule and the headline stage, as a
    second run would.

    Both read the page before the other stages, so they have to foresee what those will make of it:
    the page rule, which lines the fragments stage joins once the boilerplate stage has dropped the
    chrome between them; the headline stage, which copies of a heading stand next to each other once
    the lines between them are gone. Where they foresaw wrong, a second run over the output would
    drop what the first did not; this drops it now, so that cleaning the output again changes
    nothing. The fragments stage reads the shorter page again (a join it refused because the tail
    held a copy of the joined line is a join now), and whitespace closes the gap.
    """
    edits: list[Edit] = []
    rules = [
        rule
        for name, rule in (
            ("structure", functools.partial(drop_page_tail, output=True)),
            ("headline", drop_duplicate_headline),
        )
        if ctx.config.runs(name)
    ]
    for _ in range(SETTLE_ROUNDS):
        settled = True
        for rule in rules:
            doc, applied = apply_stage(doc, _kept(rule(doc, ctx), ctx))
            edits += applied
            settled = settled and not applied
        if settled:
            break
        doc, applied = _run_stages(doc, STAGES[AFTER_LINE_RULES:], ctx)
        edits += applied
    return doc, edits


def _article_sample(doc: Document) -> str:
    """The text language detection reads: each distinct line once, captions and chrome left out,
    so that a second run over the output (which has lost them) detects the same language."""
    lines = dict.fromkeys(line.text.strip() for line in doc.lines)
    return "\n".join(text for text in lines if text and not is_chrome(text))


def run(text: str, config: Config | None = None) -> Result:
    config = config or Config()
    doc = Document.from_text(text)
    lines_in = len(doc.lines)
    # The language is read after the unicode stage, from repaired text (mojibake hides it), and
    # after the templates and structure stages, from the lines a second run over the output would see.
    doc, edits = _run_stages(doc, STAGES[:BEFORE_LANGUAGE], Context(config, config.lang))
    lang = config.lang or lexicon.detect_language(_article_sample(doc))
    doc, more = _run_stages(doc, STAGES[BEFORE_LANGUAGE:], Context(config, lang))
    edits += more
    doc, more = _settle(doc, Context(config, lang))
    edits += more
    title = find_title(doc)
    paragraphs = tuple(line.text for line in doc.lines if line.text.strip() and line is not title)
    out = doc.text
    stats = Stats(
        lines_in=lines_in,
        lines_out=len(doc.lines),
        chars_in=len(text),
        chars_out=len(out),
        edits_by_stage=dict(Counter(e.stage for e in edits)),
    )
    return Result(out, title.text if title else None, paragraphs, tuple(edits), stats, lang)
