"""Reading inputs and writing outputs safely: decoding with a fallback, atomic writes; the files of
folders, and cleaning many of them in worker processes; JSON Lines files, a record at a time.

Nothing here prints: a file that cannot be read or written becomes a record with the reason, and
the CLI reports it and goes on with the others.
"""

from __future__ import annotations

import contextlib
import errno
import filecmp
import fnmatch
import functools
import gzip
import json
import os
import tempfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple, Protocol, TypeVar

from .config import Config
from .model import Edit
from .render import explain_lines, render, unified_diff
from .templates import MAX_ROUNDS, Templates, document_keys, round_config, select_templates, settled


class InputError(Exception):
    """An input that cannot be cleaned; the message names the problem, the CLI adds the path."""


class RunnerError(Exception):
    """Where the files are cleaned failed (a Dask cluster was lost): the run stops with this message."""


class Decoded(NamedTuple):
    text: str
    warning: str | None


def decode(data: bytes) -> Decoded:
    """Decode file bytes as UTF-8, falling back to Windows-1252 (then Latin-1) with a warning.

    >>> decode(b"Caf\\xc3\\xa9").text
    'Café'
    >>> decode(b"Caf\\xe9")
    Decoded(text='Café', warning='not UTF-8; decoded as cp1252')
    """
    if b"\0" in data:
        raise InputError("binary file")
    try:
        return Decoded(data.decode("utf-8-sig"), None)
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode("cp1252"), "not UTF-8; decoded as cp1252")
    except UnicodeDecodeError:
        return Decoded(data.decode("latin-1"), "not UTF-8; decoded as latin-1")


def _input_error(path: str | Path, exc: OSError) -> InputError:
    """Why a file could not be read, in the words of the messages."""
    if isinstance(exc, IsADirectoryError):
        return InputError("is a directory")
    if isinstance(exc, FileNotFoundError):
        return InputError("broken symbolic link" if os.path.islink(path) else "no such file")
    if isinstance(exc, PermissionError):
        return InputError("permission denied")
    if exc.errno == errno.ELOOP:
        return InputError("symbolic link loop")
    return InputError(exc.strerror or str(exc))


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a file; an :class:`InputError` that says why not."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise _input_error(path, exc) from None


def read_path(path: str | Path) -> Decoded:
    return decode(read_bytes(path))


def new_file_mode() -> int:
    """The mode ``open()`` gives a new file, 0o666 less the umask: a temporary file from mkstemp is
    0o600, and renamed into place as an output, others could not read it."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def atomic_writer(path: str | Path):
    """Yield a text file to write ``path`` through: a temporary file in the same folder, renamed
    over ``path`` when the block ends, so a reader never sees half a file and a crash or Ctrl-C
    leaves the old one (and no stray temporary file). An existing file's mode is kept."""
    path = Path(path)
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    fd, tmp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            yield f
        os.chmod(tmp, new_file_mode() if mode is None else mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (see :func:`atomic_writer`)."""
    with atomic_writer(path) as f:
        f.write(text)


def write_if_changed(path: str | Path, text: str) -> bool:
    """Write ``text`` to ``path`` (atomically, making its folder) unless the file holds it already,
    so that a second run over the same inputs leaves every output and its mtime alone.
    True if the file was written."""
    path = Path(path)
    with contextlib.suppress(OSError):
        if path.read_bytes() == text.encode("utf-8"):
            return False
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, text)
    return True


# Folders.

#: The files of a folder that are cleaned unless ``--include`` says otherwise.
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.jsonl", "*.jsonl.gz")


class Input(NamedTuple):
    """One file to clean."""

    path: str  # as the user can find it: the argument, or the folder argument joined with the path under it
    relative: str  # its path under the folder argument (its name, for a file argument): its place in --out-dir


class Failure(NamedTuple):
    path: str
    message: str


def _matches(relative: str, patterns: Iterable[str]) -> bool:
    """True if the file's name or its path under the folder matches one of the glob patterns."""
    name = os.path.basename(relative)
    posix = relative.replace(os.sep, "/")
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(posix, p) for p in patterns)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)


def _walk(root: str, include: tuple[str, ...], exclude: tuple[str, ...], skip: str | None, failures: list[Failure]):
    """The files under ``root`` that ``include`` and not ``exclude`` match, in sorted order.

    Symbolic links to folders are not followed: a link back up the tree (``loop -> ..``) would
    otherwise be walked forever. Links to files are read as files, and a broken one is reported
    when it is read. ``skip`` (the output folder, when it lies inside) is left out, so that a second
    run does not clean its own outputs.
    """

    def unreadable(exc: OSError) -> None:
        failures.append(Failure(exc.filename or root, _os_reason(exc)))

    for folder, subfolders, files in os.walk(root, onerror=unreadable, followlinks=False):
        under = os.path.relpath(folder, root)
        subfolders[:] = sorted(
            d
            for d in subfolders
            if not _matches(os.path.normpath(os.path.join(under, d)), exclude)
            and os.path.realpath(os.path.join(folder, d)) != skip
        )
        for name in sorted(files):
            relative = os.path.normpath(os.path.join(under, name))
            if _matches(relative, include) and not _matches(relative, exclude):
                yield Input(os.path.join(folder, name), relative)


def collect_inputs(
    arguments: Iterable[str],
    include: Iterable[str] = DEFAULT_INCLUDE,
    exclude: Iterable[str] = (),
    skip: str | Path | None = None,
) -> tuple[list[Input], list[Failure]]:
    """The files that the path arguments name: files as given, folders walked (see :func:`_walk`).

    A file named twice (as an argument and inside a folder argument) is cleaned once. A file named
    as an argument is cleaned whatever its name, as formatters do; ``include``/``exclude`` choose
    among the files of folders.
    """
    include, exclude = tuple(include) or DEFAULT_INCLUDE, tuple(exclude)
    skip = os.path.realpath(skip) if skip else None
    inputs: list[Input] = []
    failures: list[Failure] = []
    seen: set[str] = set()
    for argument in arguments:
        if os.path.isdir(argument):
            found = _walk(argument, include, exclude, skip, failures)
        elif os.path.lexists(argument):
            found = [Input(argument, os.path.basename(argument))]
        else:
            failures.append(Failure(argument, "no such file or directory"))
            continue
        for item in found:
            real = os.path.realpath(item.path)
            if real not in seen:
                seen.add(real)
                inputs.append(item)
    return inputs, failures


# Cleaning many files.


class Settings(NamedTuple):
    """What every worker needs, the same for every file."""

    config: Config
    fmt: str = "text"
    diff: bool = False
    explain: bool = False
    edits: bool = False  # send each file's edits back (for the --check report)
    text_field: str = "text"  # the field of a JSONL record that is cleaned
    records: bool = False  # send each file's --format jsonl record back (gathered into one stream)


class Job(NamedTuple):
    path: str  # the file to read, named as in messages
    target: str | None = None  # where the output goes; None: report only
    in_place: bool = False  # target is the input itself: rewritten only if cleaning changes its text


class Outcome(NamedTuple):
    """What became of one file; small, so that sending it back from a worker costs little."""

    path: str
    error: str | None = None
    warning: str | None = None
    changed: bool = False  # the cleaned text differs from the input's
    written: bool = False
    edits_by_stage: dict[str, int] = {}  # noqa: RUF012 (a NamedTuple default, never mutated)
    diff: str = ""
    explain: tuple[tuple[str, str], ...] = ()
    edits: tuple[Edit, ...] = ()
    bad_records: tuple[tuple[int, str], ...] = ()  # JSONL records not cleaned: (line number, reason), the first few
    more_bad_records: int = 0  # ... and how many more
    record: str = ""  # the --format jsonl record, when the records are gathered


class Cleaned(NamedTuple):
    """What a worker sends back for one text file: the outcome, and the output to write at the
    job's target (None when there is nothing to write). The writing is left to the caller, so that
    a worker on another machine (``--scheduler``) need not see the output folder."""

    outcome: Outcome
    output: str | None = None


def clean_data(settings: Settings, job: Job, data: bytes) -> Cleaned:
    """Decode, clean and report on one text file's bytes. Every failure becomes the outcome's error."""
    from . import clean

    try:
        decoded = decode(data)
        result = clean(decoded.text, settings.config)
    except InputError as exc:
        return Cleaned(Outcome(job.path, error=str(exc)))
    except Exception as exc:  # a bug costs one file, not the run: the message names it
        return Cleaned(Outcome(job.path, error=f"newsclean failed: {type(exc).__name__}: {exc}"))
    changed = result.text != decoded.text
    writes = job.target is not None and (changed or not job.in_place)
    outcome = Outcome(
        job.path,
        warning=decoded.warning,
        changed=changed,
        edits_by_stage=result.stats.edits_by_stage,
        diff=unified_diff(decoded.text, result.text, job.path) if settings.diff else "",
        explain=tuple(explain_lines(result.edits, job.path)) if settings.explain else (),
        edits=tuple(result.edits) if settings.edits and changed else (),
        record=render(result, "jsonl", job.path) if settings.records else "",
    )
    return Cleaned(outcome, render(result, settings.fmt, job.path) if writes else None)


def write_output(job: Job, cleaned: Cleaned) -> Outcome:
    """Write a cleaned file's output at its target (unless it holds it already); the outcome says
    whether it was written, or why it could not be."""
    if cleaned.output is None:
        return cleaned.outcome
    try:
        written = write_if_changed(job.target, cleaned.output)
    except OSError as exc:
        return Outcome(job.path, error=f"cannot write {job.target}: {_os_reason(exc)}")
    return cleaned.outcome._replace(written=written)


def clean_file(settings: Settings, job: Job) -> Outcome:
    """Read, clean, report on and write one file. Every failure becomes the outcome's error."""
    if is_jsonl(job.path):
        return clean_jsonl_file(settings, job)
    try:
        data = read_bytes(job.path)
    except InputError as exc:
        return Outcome(job.path, error=str(exc))
    return write_output(job, clean_data(settings, job, data))


class Keys(NamedTuple):
    path: str
    error: str | None
    keys: frozenset[str]


def data_keys(config: Config, path: str, data: bytes) -> Keys:
    """A round of the first pass of ``--templates`` for one file's bytes: the keys of its candidate
    template lines (see :func:`newsclean.templates.find_templates`)."""
    try:
        return Keys(path, None, document_keys(decode(data).text, config))
    except InputError as exc:
        return Keys(path, str(exc), frozenset())
    except Exception as exc:  # as in clean_file
        return Keys(path, f"newsclean failed: {type(exc).__name__}: {exc}", frozenset())


def file_keys(config: Config, path: str) -> Keys:
    """:func:`data_keys` of the file at ``path``."""
    try:
        data = read_bytes(path)
    except InputError as exc:
        return Keys(path, str(exc), frozenset())
    return data_keys(config, path, data)


class Runner(Protocol):
    """Where the files are cleaned: worker processes here (:class:`LocalRunner`), or a Dask cluster
    (``newsclean.dask.ClusterRunner``). Either gives back the results in the order of its inputs."""

    def clean(self, settings: Settings, jobs: list[Job]) -> Iterator[Outcome]:
        """Clean, report on and write each job's file (:func:`clean_file`)."""
        ...

    def keys(self, config: Config, paths: list[str]) -> Iterator[Keys]:
        """The template keys of each file (:func:`file_keys`)."""
        ...


class LocalRunner(NamedTuple):
    """Files cleaned in ``jobs`` worker processes on this machine (see :func:`map_files`)."""

    jobs: int = 1

    def clean(self, settings: Settings, jobs: list[Job]) -> Iterator[Outcome]:
        return map_files(cleaner(settings), jobs, self.jobs)

    def keys(self, config: Config, paths: list[str]) -> Iterator[Keys]:
        return map_files(key_reader(config), paths, self.jobs)


def find_file_templates(
    paths: list[str],
    config: Config,
    min_docs: int,
    runner: Runner,
    progress: Callable = lambda results, total: results,
) -> tuple[Templates, list[Keys]]:
    """The first pass of ``--templates`` over files, with ``runner``, in rounds as
    :func:`newsclean.templates.find_templates` has it; also the files that could not be read
    (left out of the count). ``progress`` wraps each round's results (for a progress bar).

    JSONL files are not counted: their records are documents of their own, and counting them would
    mean reading every record in every round.
    """
    paths = [p for p in paths if not is_jsonl(p)]
    unread: list[Keys] = []
    templates = None
    for _ in range(MAX_ROUNDS):
        keys = list(progress(runner.keys(round_config(config, templates), paths), len(paths)))
        if templates is None:
            unread = [k for k in keys if k.error is not None]
            paths = [k.path for k in keys if k.error is None]
        found = select_templates((k.keys for k in keys if k.error is None), min_docs=min_docs, known=templates)
        done = settled(templates, found)
        templates = found
        if done:
            break
    return templates, unread


T = TypeVar("T")
R = TypeVar("R")

#: Files a worker takes at a time: enough to make the hand-over cheap, few enough that two workers
#: finish together.
MAX_CHUNK = 16


def map_files(fn: Callable[[T], R], items: Iterable[T], jobs: int) -> Iterator[R]:
    """``fn`` over ``items`` in ``jobs`` worker processes, results in the order of ``items``.

    Each file's result depends only on the file and the settings, and the results come back in
    the input order, so the output does not depend on the number of workers. One job (or one
    file) runs in this process.

    Where workers are forked (Linux), the first item is done in this process before they start:
    cleaning it imports the stages and loads the word list of its language, about 0.4 s of CPU
    that every worker of every pool would otherwise spend again, and a forked worker inherits
    it. With two workers on two free cores this only moves that cost from the workers onto the
    serial part (the same wall time); it saves CPU on a busy machine, wall time from three
    workers on, and most with ``--templates``, whose rounds each start a new pool from this
    process, warm after the first.
    """
    items = list(items)
    jobs = max(1, min(jobs, len(items)))
    if jobs == 1:
        yield from map(fn, items)
        return
    # imported here: one file, as pre-commit runs it, does not pay for them (about 15 ms)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if multiprocessing.get_start_method() == "fork":
        yield fn(items[0])
        items = items[1:]
    chunksize = max(1, min(MAX_CHUNK, len(items) // (jobs * 4)))
    with ProcessPoolExecutor(jobs) as pool:
        yield from pool.map(fn, items, chunksize=chunksize)


def cleaner(settings: Settings) -> Callable[[Job], Outcome]:
    """:func:`clean_file` with the settings bound, picklable for the worker processes."""
    return functools.partial(clean_file, settings)


def key_reader(config: Config) -> Callable[[str], Keys]:
    return functools.partial(file_keys, config)


# JSON Lines: one document per line, in the field ``text`` (``--text-field``), among other fields.

#: What a JSON Lines file's name ends with; ``.gz`` is read and written with gzip.
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
#: Bad records listed per file; past these, a count. A file of a million broken records says so once.
MAX_BAD_RECORDS = 10


def is_jsonl(path: str | Path) -> bool:
    """True for the names of JSON Lines files, gzipped or not.

    >>> is_jsonl("crawl/2024.jsonl.gz"), is_jsonl("notes.json")
    (True, False)
    """
    return str(path).lower().endswith(JSONL_SUFFIXES)


class Record(NamedTuple):
    """One line of a JSONL file, cleaned."""

    number: int  # its line number in the file
    line: bytes  # as read
    output: bytes  # as written: ``line`` itself unless the text changed, so nothing else moves
    changed: bool = False
    edits: tuple[Edit, ...] = ()  # placed at the record's line (see :func:`_placed`)
    diff: str = ""
    error: str | None = None  # why the record could not be cleaned; it is then passed through unchanged


def _placed(edits, number: int, field: str) -> tuple[Edit, ...]:
    """The edits of a record's text, placed at the record's line of the file (column 1) for the
    reports, which point at a line of the file; the reason ends with the place in the text.

    >>> edit = Edit("joins", "insert-space", 3, 4, 4, "", " ", "glued words", column=5)
    >>> placed = _placed([edit], 12, "text")[0]
    >>> placed.line, placed.column, placed.reason
    (12, 1, 'glued words (in "text" at 3:5)')
    """
    return tuple(
        e._replace(line=number, column=1, reason=f'{e.reason} (in "{field}" at {e.line}:{e.column})') for e in edits
    )


def _line_ending(line: bytes) -> bytes:
    return line[len(line.rstrip(b"\r\n")) :]


def clean_record(number: int, line: bytes, config: Config, field: str, path: str = "", diff: bool = False) -> Record:
    """Clean the text field of one JSONL line; the other fields, their order and the line's ending
    are kept. A line that is not a JSON object with a string in ``field`` is passed through
    unchanged, with the reason: never lose text. A blank line is passed through without one.
    """
    from . import clean

    if not line.strip():
        return Record(number, line, line)
    try:
        record = json.loads(line)
    except UnicodeDecodeError:
        return Record(number, line, line, error="not UTF-8")
    except json.JSONDecodeError as exc:
        return Record(number, line, line, error=f"not JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return Record(number, line, line, error="not a JSON object")
    text = record.get(field)
    if not isinstance(text, str):
        problem = f'no field "{field}"' if field not in record else f'the field "{field}" is not a string'
        return Record(number, line, line, error=problem)
    result = clean(text, config)
    if result.text == text:
        return Record(number, line, line)
    record[field] = result.text
    output = json.dumps(record, ensure_ascii=False).encode("utf-8") + (_line_ending(line) or b"\n")
    name = f"{path}:{number}"
    return Record(
        number,
        line,
        output,
        changed=True,
        edits=_placed(result.edits, number, field),
        diff=unified_diff(text, result.text, name) if diff else "",
    )


def is_gzip(path: str | Path) -> bool:
    return str(path).lower().endswith(".gz")


def open_jsonl(path: str | Path, mode: str = "rb"):
    """A JSONL file, through gzip if its name ends with ``.gz``."""
    return gzip.open(path, mode) if is_gzip(path) else open(path, mode)


def read_lines(path: str | Path) -> Iterator[bytes]:
    """The lines of a JSONL file, one at a time (never more than one held); an :class:`InputError`
    when it cannot be read."""
    try:
        with open_jsonl(path) as f:
            yield from f
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise InputError(f"not a valid gzip file ({exc})") from None
    except OSError as exc:
        raise _input_error(path, exc) from None


def read_records(path: str | Path, config: Config, field: str = "text", diff: bool = False) -> Iterator[Record]:
    """Clean a JSONL file a record at a time, never holding more than one line."""
    for number, line in enumerate(read_lines(path), 1):
        yield clean_record(number, line, config, field, str(path), diff)


def clean_lines(settings: Settings, path: str, first: int, lines: list[bytes]) -> list[Record]:
    """Clean a batch of a JSONL file's lines, the first of them line ``first`` of the file: the
    work a Dask worker does on a JSONL file (see :mod:`newsclean.dask`)."""
    field, config, diff = settings.text_field, settings.config, settings.diff
    return [clean_record(n, line, config, field, path, diff) for n, line in enumerate(lines, first)]


def write_records(records: Iterable[Record], target: str | Path, in_place: bool = False) -> Iterator[Record]:
    """Write each record's output to ``target`` as it passes through, into a temporary file in the
    target's folder that is renamed over it at the end (gzipped when its name ends with ``.gz``,
    with no time stamp, so that the same records make the same bytes).

    The target is left alone when it holds the same bytes already, or, ``in_place``, when no record
    changed (a gzipped input compressed again would not have the same bytes). Its mode is kept.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    changed = False
    try:
        with os.fdopen(fd, "wb") as raw:
            out = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) if is_gzip(target) else raw
            with out:
                for record in records:
                    out.write(record.output)
                    changed |= record.changed
                    yield record
        if (not changed) if in_place else (target.exists() and filecmp.cmp(tmp, target, shallow=False)):
            os.unlink(tmp)
            return
        try:
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        except FileNotFoundError:
            os.chmod(tmp, new_file_mode())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def first_bad_records(records: list[Record]) -> tuple[tuple[tuple[int, str], ...], int]:
    """(line number, reason) of the first MAX_BAD_RECORDS bad records, and how many more there are."""
    return tuple((r.number, r.error) for r in records[:MAX_BAD_RECORDS]), max(0, len(records) - MAX_BAD_RECORDS)


def _identity(path: str | None) -> tuple[int, int] | None:
    """What changes when a file is replaced by a rename: its inode (and device)."""
    try:
        status = os.stat(path) if path is not None else None
    except OSError:
        return None
    return (status.st_dev, status.st_ino) if status else None


def clean_jsonl_file(settings: Settings, job: Job) -> Outcome:
    """:func:`clean_file` for a JSONL file: each record's text field cleaned, the output written a
    record at a time. With ``--write`` the file is rewritten only if a record changed."""
    return jsonl_outcome(settings, job, read_records(job.path, settings.config, settings.text_field, settings.diff))


def jsonl_outcome(settings: Settings, job: Job, records: Iterable[Record]) -> Outcome:
    """Write a JSONL file's cleaned ``records`` at the job's target as they come (see
    :func:`write_records`) and sum them up as the file's outcome. ``records`` may be cleaned here
    or elsewhere; an :class:`InputError` raised while they are read becomes the outcome's error."""
    bad: list[Record] = []
    edits_by_stage: Counter[str] = Counter()
    changed = False
    edits: list[Edit] = []
    diffs: list[str] = []
    explain: list[tuple[str, str]] = []
    before = _identity(job.target)
    try:
        if job.target is not None:
            records = write_records(records, job.target, job.in_place)
        for record in records:
            if record.error is not None:
                bad.append(record)
            changed |= record.changed
            edits_by_stage.update(e.stage for e in record.edits)
            if settings.edits:
                edits.extend(record.edits)
            if settings.diff:
                diffs.append(record.diff)
            if settings.explain:
                explain.extend(explain_lines(record.edits, job.path))
    except InputError as exc:
        return Outcome(job.path, error=str(exc))
    except OSError as exc:
        return Outcome(job.path, error=f"cannot write {job.target}: {_os_reason(exc)}")
    except RunnerError:
        raise
    except Exception as exc:  # as in clean_file
        return Outcome(job.path, error=f"newsclean failed: {type(exc).__name__}: {exc}")
    return Outcome(
        job.path,
        changed=changed,
        written=job.target is not None and _identity(job.target) != before,
        edits_by_stage={stage: edits_by_stage[stage] for stage in edits_by_stage},
        diff="".join(diffs),
        explain=tuple(explain),
        edits=tuple(edits) if changed else (),
        bad_records=first_bad_records(bad)[0],
        more_bad_records=first_bad_records(bad)[1],
    )
