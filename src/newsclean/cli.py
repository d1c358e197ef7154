"""The newsclean command: parse options, build a Config, clean, render, exit with a clear code.

Exit codes, as ruff format has them: 0 done (or nothing to change), 1 ``--check``/``--diff`` found
changes, 2 a usage error or an input that could not be read (with several inputs: any of them).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import click
from click.core import ParameterSource

from . import __version__, clean
from .batch import (
    DEFAULT_INCLUDE,
    InputError,
    Job,
    LocalRunner,
    Outcome,
    Runner,
    RunnerError,
    Settings,
    atomic_write,
    atomic_writer,
    clean_jsonl_file,
    collect_inputs,
    decode,
    find_file_templates,
    first_bad_records,
    is_jsonl,
    read_path,
    read_records,
)
from .config import STAGE_NAMES, Config, ConfigError, find_config_file, read_config_file
from .render import FORMATS, REPORTS, explain_lines, render, report_json, report_lines, split_lines, unified_diff
from .templates import MIN_DOCS

EXIT_CHANGED = 1
EXIT_ERROR = 2
#: A progress bar is worth its flicker only past this many files.
PROGRESS_MIN_FILES = 5
#: Where ``--out-dir`` puts the output of ``name`` in each format: text keeps the name; the others
#: add a suffix, so that ``a.txt`` and ``a.md`` do not write the same file.
OUT_SUFFIX = {"text": "", "markdown": ".md", "json": ".json", "jsonl": ".jsonl"}

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


def _report_name(path: str, report: str) -> str:
    """The path as the report names it: for GitHub, relative to the checkout (the working folder)."""
    if report != "github":
        return path
    relative = os.path.relpath(path)
    return (path if relative.startswith("..") else relative).replace(os.sep, "/")


def _print_edits(path: str, edits, report: str) -> None:
    """The ``text`` or ``github`` report of one file that --check would change, on stdout."""
    for line in report_lines(edits, _report_name(path, report), report):
        click.echo(line)


def _settings(config: Config, options: dict) -> Settings:
    return Settings(
        config,
        options["fmt"],
        diff=options["diff"],
        explain=options["explain"],
        edits=options["check"],
        text_field=options["text_field"],
        records=_gathers_records(options),
    )


def _bad_records(path: str, bad: tuple[tuple[int, str], ...], more: int) -> None:
    """``newsclean: error: PATH:LINE: reason`` for each JSONL record that could not be cleaned."""
    for number, reason in bad:
        click.echo(f"newsclean: error: {path}:{number}: {reason}; passed through unchanged", err=True)
    if more:
        _error(path, f"{_count(more, 'more bad record')}, passed through unchanged")


def _clean_one_jsonl(path: str, config: Config, options: dict) -> None:
    """One JSONL file: the cleaned records on stdout (streamed, not gzipped) or in ``-o FILE``; a
    report with --check/--diff/--explain. A bad record is passed through, reported, and exits 2."""
    settings = _settings(config, options)
    if options["output"] or options["check"] or options["diff"] or options["explain"]:
        outcome = clean_jsonl_file(settings, Job(path, options["output"] or None))
        _report(outcome, options)
        if options["check"] and options["report"] == "json":
            click.echo(report_json([(path, outcome.edits)] if outcome.changed else []), nl=False)
        if outcome.error is not None or outcome.bad_records:
            sys.exit(EXIT_ERROR)
        sys.exit(EXIT_CHANGED if (options["check"] or options["diff"]) and outcome.changed else 0)
    bad = []
    try:
        for record in read_records(path, config, settings.text_field):
            sys.stdout.buffer.write(record.output)
            if record.error is not None:
                bad.append(record)
    except InputError as exc:
        _fail(f"{path}: {exc}")
    finally:
        sys.stdout.buffer.flush()
    _bad_records(path, *first_bad_records(bad))
    sys.exit(EXIT_ERROR if bad else 0)


def _clean_one(path: str, config: Config, options: dict) -> None:
    """One file or stdin: the output on stdout or in ``-o FILE``; a report with --check/--diff/--explain."""
    if path != "-" and is_jsonl(path):
        _clean_one_jsonl(path, config, options)
    name = "<stdin>" if path == "-" else path
    try:
        decoded = decode(sys.stdin.buffer.read()) if path == "-" else read_path(path)
    except InputError as exc:
        _fail(f"{name}: {exc}")
    if decoded.warning:
        click.echo(f"newsclean: warning: {name}: {decoded.warning}", err=True)
    result = clean(decoded.text, config)
    changed = result.text != decoded.text

    if options["check"]:
        files = [(name, result.edits)] if changed else []
        if changed:
            click.echo(f"would clean {name}", err=True)
        if options["report"] == "json":
            click.echo(report_json(files), nl=False)
        else:
            for file, edits in files:
                _print_edits(file, edits, options["report"])
        sys.exit(EXIT_CHANGED if changed else 0)
    if options["diff"] or options["explain"]:
        if options["diff"]:
            _emit_styled(_diff_styles(unified_diff(decoded.text, result.text, name)), _use_colour(sys.stdout))
        if options["explain"]:
            _emit_styled(explain_lines(result.edits, name), _use_colour(sys.stdout))
        sys.exit(EXIT_CHANGED if options["diff"] and changed else 0)

    out = render(result, options["fmt"], None if path == "-" else path)
    output = options["output"]
    if output:
        try:
            atomic_write(output, out)
        except OSError as exc:
            _fail(f"{output}: {exc.strerror or exc}")
    else:
        click.echo(out, nl=False)


# Several inputs, or folders.


def _gathers_records(options: dict) -> bool:
    """True for ``--format jsonl`` without --out-dir, --write or a report: one record per document,
    all in one stream (stdout or ``-o FILE``)."""
    report = options["check"] or options["diff"] or options["explain"]
    return options["fmt"] == "jsonl" and not (report or options["out_dir"] or options["write"])


def _usage_problem(paths: tuple[str, ...], options: dict) -> str | None:
    """Why these inputs cannot be cleaned together with these options, or None."""
    report = options["check"] or options["diff"] or options["explain"]
    writes = options["out_dir"] or options["write"]
    if "-" in paths:
        return "- (stdin) is one input: it cannot be cleaned with other inputs or with --out-dir/--write"
    if _gathers_records(options):
        return None
    if options["output"]:
        return "-o/--output takes one input; several inputs or a directory need --out-dir DIR or --write"
    if options["out_dir"] and options["write"]:
        return "--out-dir and --write: choose one"
    if report and writes:
        return "--check, --diff and --explain only report; they cannot be combined with --out-dir or --write"
    if not report and not writes:
        return "several inputs or a directory need --out-dir DIR or -w/--write (or --check/--diff to only report)"
    if options["write"] and options["fmt"] != "text":
        return "--write rewrites the inputs as text; use --out-dir DIR for --format markdown, json or jsonl"
    return None


def _error(path: str, message: str) -> None:
    click.echo(f"newsclean: error: {path}: {message}", err=True)


def _jobs(inputs, options: dict) -> tuple[list[Job], int]:
    """One job per input, with its output path; and how many inputs could not be given one."""
    if options["write"]:
        # the file a symbolic link points to is rewritten; the link stays a link
        return [Job(i.path, os.path.realpath(i.path), in_place=True) for i in inputs], 0
    if _gathers_records(options):
        for i in inputs:
            if is_jsonl(i.path):
                _error(
                    i.path, "already JSON Lines: --format jsonl gathers text files; clean it with --out-dir or --write"
                )
        return [Job(i.path) for i in inputs if not is_jsonl(i.path)], sum(is_jsonl(i.path) for i in inputs)
    if not options["out_dir"]:
        return [Job(i.path) for i in inputs], 0
    jobs: list[Job] = []
    taken: dict[str, str] = {}
    refused = 0
    for i in inputs:
        suffix = "" if is_jsonl(i.path) else OUT_SUFFIX[options["fmt"]]  # JSONL stays JSONL
        target = os.path.join(options["out_dir"], i.relative + suffix)
        real = os.path.realpath(target)
        if real == os.path.realpath(i.path):
            _error(i.path, f"its output {target} would overwrite it; use --write to clean in place")
        elif real in taken:
            _error(i.path, f"its output {target} is also the output of {taken[real]}")
        else:
            taken[real] = i.path
            jobs.append(Job(i.path, target))
            continue
        refused += 1
    return jobs, refused


def _with_progress(results, total: int, label: str, show: bool):
    """Pass the results through, advancing a progress bar on stderr when ``show``.

    The bar refreshes only when a file is done (no refresh thread): the worker processes are forked
    while it runs.
    """
    if not show:
        yield from results
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True, auto_refresh=False) as bar:
        task = bar.add_task(label, total=total)
        for result in results:
            yield result
            bar.advance(task)
            bar.refresh()


def _find_templates(inputs, config: Config, options: dict, runner: Runner, show: bool) -> tuple[Config, set[str]]:
    """The first pass of --templates: the config for the second pass, and the inputs that could not
    be read (left out of the count and of the cleaning)."""

    def progress(results, total):
        return _with_progress(results, total, "counting", show)

    paths = [i.path for i in inputs]
    templates, unread = find_file_templates(paths, config, options["template_min_docs"], runner, progress)
    for k in unread:
        _error(k.path, k.error)
    return replace(config, templates=templates), {k.path for k in unread}


def _report(outcome: Outcome, options: dict) -> None:
    if outcome.error is not None:
        _error(outcome.path, outcome.error)
        return
    _bad_records(outcome.path, outcome.bad_records, outcome.more_bad_records)
    if outcome.warning:
        click.echo(f"newsclean: warning: {outcome.path}: {outcome.warning}", err=True)
    if options["check"] and outcome.changed:
        click.echo(f"would clean {outcome.path}", err=True)
        if options["report"] != "json":
            _print_edits(outcome.path, outcome.edits, options["report"])
    if outcome.diff:
        _emit_styled(_diff_styles(outcome.diff), _use_colour(sys.stdout))
    if outcome.explain:
        _emit_styled(outcome.explain, _use_colour(sys.stdout))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _summary(outcomes: list[Outcome], failed: int, config: Config) -> str:
    """One line: files, changed, written, failed, edits by stage (in stage order), templates found."""
    done = [o for o in outcomes if o.error is None]
    edits: Counter[str] = Counter()
    for o in done:
        edits.update(o.edits_by_stage)
    parts = [_count(len(done) + failed, "file"), f"{sum(o.changed for o in done)} changed"]
    written = sum(o.written for o in done)
    if written:
        parts.append(f"{written} written")
    parts.append(f"{failed} failed")
    bad = sum(bool(o.bad_records) for o in done)
    if bad:
        parts.append(f"{bad} with bad records")
    line = "newsclean: " + ", ".join(parts)
    if edits:
        line += "; edits: " + ", ".join(f"{stage} {edits[stage]}" for stage in STAGE_NAMES if edits[stage])
    templates = config.templates
    if templates is not None:
        lines = _count(len(templates.counts), "line")
        line += f"; templates: {lines} in at least {templates.needed} of {_count(templates.documents, 'file')}"
    return line


@contextlib.contextmanager
def _record_sink(options: dict):
    """Where the records of ``--format jsonl`` go as the files are cleaned: stdout, or ``-o FILE``
    through a temporary file renamed over it at the end (see :func:`newsclean.batch.atomic_write`)."""
    output = options["output"]
    if not output:
        yield lambda record: click.echo(record, nl=False) if record else None
        return
    with atomic_writer(output) as f:
        yield f.write


def _output_is_a_folder(paths: tuple[str, ...], options: dict) -> bool:
    """True if ``-o`` names the folder outputs go to, as ``--out-dir``: for a folder input, or when
    it is a folder already or ends with a slash; not for ``--format jsonl``, whose records from many
    inputs go to one file."""
    output = options["output"]
    if not output or options["out_dir"] or options["fmt"] == "jsonl":
        return False
    return output.endswith(("/", os.sep)) or os.path.isdir(output) or any(os.path.isdir(p) for p in paths)


@contextlib.contextmanager
def _runner(options: dict):
    """Where the files are cleaned: ``-j`` worker processes here, or the Dask cluster that
    ``--scheduler`` names (a one-line error and exit 2 if Dask is missing or the scheduler cannot
    be reached)."""
    if not options["scheduler"]:
        yield LocalRunner(options["jobs"])
        return
    from .dask import ClusterError, ClusterRunner

    try:
        runner = ClusterRunner.connect(options["scheduler"])
    except ClusterError as exc:
        _fail(str(exc))
    with runner:
        yield runner


def _clean_many(paths: tuple[str, ...], config: Config, options: dict) -> int:
    """Several inputs or folders: each file cleaned in a worker, reported in input order; the exit code."""
    problem = _usage_problem(paths, options)
    if problem:
        _fail(problem)
    with _runner(options) as runner:
        try:
            return _clean_files(paths, config, options, runner)
        except RunnerError as exc:
            _fail(str(exc))


def _clean_files(paths: tuple[str, ...], config: Config, options: dict, runner: Runner) -> int:
    inputs, failures = collect_inputs(paths, options["include"], options["exclude"], skip=options["out_dir"])
    for failure in failures:
        _error(failure.path, failure.message)
    failed = len(failures)
    show = not options["quiet"] and sys.stderr.isatty() and len(inputs) > PROGRESS_MIN_FILES
    if options["use_templates"] and config.runs("templates"):
        config, unread = _find_templates(inputs, config, options, runner, show)
        inputs = [i for i in inputs if i.path not in unread]
        failed += len(unread)
    jobs, refused = _jobs(inputs, options)
    failed += refused
    settings = _settings(config, options)
    outcomes = []
    try:
        with _record_sink(options) as write_record:
            results = runner.clean(settings, jobs)
            for outcome in _with_progress(results, len(jobs), "cleaning", show):
                _report(outcome, options)
                write_record(outcome.record)
                outcomes.append(outcome)
    except OSError as exc:
        _fail(f"{options['output']}: {exc.strerror or exc}")
    if options["check"] and options["report"] == "json":
        click.echo(report_json([(o.path, o.edits) for o in outcomes if o.error is None and o.changed]), nl=False)
    failed += sum(o.error is not None for o in outcomes)
    if not options["quiet"]:
        click.echo(_summary(outcomes, failed, config), err=True)
    if failed or any(o.bad_records for o in outcomes):
        return EXIT_ERROR
    if (options["check"] or options["diff"]) and any(o.changed for o in outcomes):
        return EXIT_CHANGED
    return 0


# Config files.


def _config_path(paths: tuple[str, ...], options: dict) -> Path | None:
    """The config file to read: --config FILE, none with --isolated, else the nearest above the first
    path (above the working folder for stdin)."""
    if options["isolated"]:
        if options["config"]:
            _fail("--config and --isolated: choose one")
        return None
    if options["config"]:
        return Path(options["config"])
    first = next((Path(p) for p in paths if p != "-"), None)
    if first is None:
        return find_config_file(Path.cwd())
    return find_config_file(first if first.is_dir() else first.absolute().parent)


def _apply_config_file(paths: tuple[str, ...], options: dict) -> None:
    """Fill in the options the command line left at their defaults from the config file, if any:
    an option given on the command line replaces the file's value."""
    path = _config_path(paths, options)
    if path is None:
        return
    context = click.get_current_context()
    for name, value in read_config_file(path).items():
        if context.get_parameter_source(name) in (ParameterSource.DEFAULT, ParameterSource.DEFAULT_MAP):
            options[name] = value


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option(
    "-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format."
)
@click.option("--diff", is_flag=True, help="Print a unified diff from input to output; exit 1 if anything changes.")
@click.option("--explain", is_flag=True, help="List every edit with its stage, place and reason.")
@click.option(
    "--check", is_flag=True, help="Change nothing; list the edits cleaning would make, and exit 1 if there are any."
)
@click.option(
    "--report",
    type=click.Choice(REPORTS),
    help="With --check, list the edits as text (path:line:col: stage: reason, the default), "
    "a json document, or github workflow annotations.",
)
@click.option("--skip", multiple=True, type=_stage_choice, metavar="STAGE", help="Do not run STAGE (repeatable).")
@click.option("--only", multiple=True, type=_stage_choice, metavar="STAGE", help="Run only STAGE (repeatable).")
@click.option("--lang", metavar="CODE", help="Force the document language (en, de, ...); default: detect.")
@click.option("--protect", multiple=True, metavar="WORD", help="Never split WORD when restoring spaces.")
@click.option("--word", "extra_words", multiple=True, metavar="WORD", help="Add WORD to the lexicon.")
@click.option(
    "--boilerplate",
    multiple=True,
    metavar="REGEX",
    help="Also drop the lines REGEX matches whole: a site's own chrome (repeatable).",
)
@click.option("--keep", multiple=True, metavar="REGEX", help="Never drop a line REGEX matches whole (repeatable).")
@click.option(
    "-o",
    "--output",
    type=click.Path(writable=True),
    help="Write the output here: a file for one input, a folder (as --out-dir) for a folder or several.",
)
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False),
    metavar="DIR",
    help="Write each output under DIR, at the input's path under its folder argument.",
)
@click.option("-w", "--write", is_flag=True, help="Rewrite each input in place (only those that change).")
@click.option(
    "--include",
    multiple=True,
    metavar="GLOB",
    help=f"Clean the files of folders that match GLOB by name or path (default: {' '.join(DEFAULT_INCLUDE)}).",
)
@click.option(
    "--exclude", multiple=True, metavar="GLOB", help="Leave out files and folders matching GLOB (repeatable)."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    metavar="N",
    show_default="the number of CPUs",
    help="Worker processes for several files.",
)
@click.option(
    "--templates",
    "use_templates",
    is_flag=True,
    help="Two passes: drop lines repeated verbatim in many of the files cleaned together (a site's footer).",
)
@click.option(
    "--template-min-docs",
    type=click.IntRange(min=2),
    default=MIN_DOCS,
    show_default=True,
    metavar="N",
    help="With --templates, a line must stand in at least N files (and 0.75% of them).",
)
@click.option(
    "--config",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Read options from FILE (a pyproject.toml's [tool.newsclean], or keys at the top level).",
)
@click.option("--isolated", is_flag=True, help="Read no config file (default: the nearest one above the first PATH).")
@click.option(
    "--text-field",
    default="text",
    show_default=True,
    metavar="NAME",
    help="The field of each JSONL record (*.jsonl, *.jsonl.gz) that is cleaned; the others are kept.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Clean on the Dask cluster of this scheduler (tcp://HOST:8786) instead of -j worker processes; "
    "needs newsclean[dask]. This machine reads the inputs and writes the outputs.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line (errors are still shown).")
@click.version_option(__version__, "-V", "--version", prog_name="newsclean")
def main(paths, **options):
    """Clean the scraped news articles in PATHS: files, folders, or - for stdin (the default).

    \b
    Stages, in order: unicode, templates, structure, joins, headline, captions, boilerplate, fragments,
    whitespace (templates only with --templates).
    Every change is an edit with a reason: see --diff and --explain.
    One input is printed (or written with -o); several, or a folder, need --out-dir or --write,
    unless --check, --diff or --explain only report.
    """
    paths = paths or ("-",)
    if options["report"] and not options["check"]:
        _fail("--report lists the edits that --check finds; add --check")
    options["report"] = options["report"] or "text"
    try:
        _apply_config_file(paths, options)
        config = Config(
            skip=options["skip"],
            only=options["only"],
            lang=options["lang"],
            protected_words=options["protect"],
            extra_words=options["extra_words"],
            boilerplate=options["boilerplate"],
            keep=options["keep"],
        )
    except ConfigError as exc:
        _fail(str(exc))
    if _output_is_a_folder(paths, options):
        options["out_dir"], options["output"] = options["output"], None
    many = len(paths) > 1 or os.path.isdir(paths[0]) or options["out_dir"] or options["write"]
    if options["scheduler"] and not many:
        _fail("--scheduler cleans folders or several files: one input is cleaned here (or give --out-dir DIR)")
    if many:
        sys.exit(_clean_many(paths, config, options))
    _clean_one(paths[0], config, options)
