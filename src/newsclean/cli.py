"""The newsclean command: parse options, build a Config, clean, render, exit with a clear code.

Exit codes, as ruff format has them: 0 done (or nothing to change), 1 ``--check``/``--diff`` found
changes, 2 a usage error or an input that could not be read.
"""

from __future__ import annotations

import os
import sys

import click

from . import __version__, clean
from .batch import InputError, atomic_write, decode, read_path
from .config import STAGE_NAMES, Config, ConfigError
from .render import FORMATS, explain_lines, render, split_lines, unified_diff

EXIT_CHANGED = 1
EXIT_ERROR = 2

_stage_choice = click.Choice(STAGE_NAMES)


def _fail(message: str) -> None:
    click.echo(f"newsclean: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _use_colour(stream) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ


def _emit_styled(lines, colour: bool) -> None:
    """Write (style, text) lines: through rich on a terminal, plain when piped."""
    if not colour:
        for _, text in lines:
            click.echo(text)
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=True)
    for style, text in lines:
        console.print(Text(text, style=style))


def _diff_styles(diff: str):
    for line in split_lines(diff):
        line = line.rstrip("\r\n")
        style = ""
        if line.startswith(("+++", "---")):
            style = "bold"
        elif line.startswith("@@"):
            style = "cyan"
        elif line.startswith("+"):
            style = "green"
        elif line.startswith("-"):
            style = "red"
        yield style, line


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("path", required=False, default="-", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format."
)
@click.option("--diff", is_flag=True, help="Print a unified diff from input to output; exit 1 if anything changes.")
@click.option("--explain", is_flag=True, help="List every edit with its stage, place and reason.")
@click.option("--check", is_flag=True, help="Print nothing; exit 1 if cleaning would change the input.")
@click.option("--skip", multiple=True, type=_stage_choice, metavar="STAGE", help="Do not run STAGE (repeatable).")
@click.option("--only", multiple=True, type=_stage_choice, metavar="STAGE", help="Run only STAGE (repeatable).")
@click.option("--lang", metavar="CODE", help="Force the document language (en, de, ...); default: detect.")
@click.option("--protect", multiple=True, metavar="WORD", help="Never split WORD when restoring spaces.")
@click.option("--word", "extra_words", multiple=True, metavar="WORD", help="Add WORD to the lexicon.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the output here.")
@click.version_option(__version__, "-V", "--version", prog_name="newsclean")
def main(path, fmt, diff, explain, check, skip, only, lang, protect, extra_words, output):
    """Clean the scraped news article in PATH (or stdin, with - or no PATH).

    \b
    Stages, in order: unicode, structure, joins, headline, captions, boilerplate, fragments, whitespace.
    Every change is an edit with a reason: see --diff and --explain.
    """
    try:
        config = Config(skip=skip, only=only, lang=lang, protected_words=protect, extra_words=extra_words)
    except ConfigError as exc:
        _fail(str(exc))
    name = "<stdin>" if path == "-" else path
    try:
        decoded = decode(sys.stdin.buffer.read()) if path == "-" else read_path(path)
    except InputError as exc:
        _fail(f"{name}: {exc}")
    if decoded.warning:
        click.echo(f"newsclean: warning: {name}: {decoded.warning}", err=True)
    result = clean(decoded.text, config)
    changed = result.text != decoded.text

    if check:
        if changed:
            click.echo(f"would clean {name}", err=True)
        sys.exit(EXIT_CHANGED if changed else 0)
    if diff or explain:
        if diff:
            _emit_styled(_diff_styles(unified_diff(decoded.text, result.text, name)), _use_colour(sys.stdout))
        if explain:
            _emit_styled(explain_lines(result.edits, name), _use_colour(sys.stdout))
        sys.exit(EXIT_CHANGED if diff and changed else 0)

    out = render(result, fmt)
    if output:
        try:
            atomic_write(output, out)
        except OSError as exc:
            _fail(f"{output}: {exc.strerror or exc}")
    else:
        click.echo(out, nl=False)
