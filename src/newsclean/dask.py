"""newsclean on a Dask cluster: the folder work of ``newsclean PATH -o OUT --scheduler tcp://HOST:8786``
(:class:`ClusterRunner`), and :func:`clean_bag` for Dask pipelines. Needs ``pip install newsclean[dask]``
here, and newsclean (the same version) on every worker.

Where the work happens: this machine (the client) walks the folders, reads each input and writes
each output; the workers only clean. A worker gets a batch of files' bytes (or of a JSONL file's
lines) and sends back what a local worker process would: each file's outcome and its rendered
output, which the client writes atomically, as a local run does (:func:`newsclean.batch.write_output`,
:func:`newsclean.batch.write_records`). So the workers need no access to the client's disk, a worker
lost mid-run never leaves half a file, and the output is byte for byte the output of a local run:
each file's output depends only on the file and the settings, and the outcomes come back in the
order of the inputs. The cost is that every input and output crosses the network once; cleaning
(about 1 MB/s per core) is much slower than that.

``--templates`` runs its first pass on the cluster too: each round sends the files again, the
workers send back each file's candidate keys, and the client counts them
(:func:`newsclean.templates.select_templates` is a sum over documents, so the result does not
depend on which worker counted what). The templates found then go to the workers once, with the
rest of the settings, for the second pass.

Dask is imported only when one of these is used: ``import newsclean.dask`` works without it.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from . import clean
from .batch import (
    Cleaned,
    InputError,
    Job,
    Keys,
    Outcome,
    RunnerError,
    Settings,
    clean_data,
    clean_lines,
    data_keys,
    is_jsonl,
    jsonl_outcome,
    read_bytes,
    read_lines,
    write_output,
)
from .config import Config

#: How long to wait for the scheduler to answer before saying it cannot be reached. Dask's default
#: is 30 s; a wrong address or port should not keep a user waiting that long.
CONNECT_TIMEOUT = "10s"
#: A task takes files until it has this many, or this many bytes: a task costs the scheduler about
#: a millisecond, a dev article 10 to 20 ms to clean, so 16 of them make the overhead small; the
#: byte bound keeps one task from holding a folder of large files.
FILES_PER_TASK = 16
BYTES_PER_TASK = 2_000_000
#: A JSONL file goes to the workers in batches of this many lines (or bytes, as above).
LINES_PER_TASK = 200
#: Tasks in flight per worker thread: enough that no worker waits for the client to read the next
#: batch, few enough that the client holds only a few batches' bytes (a JSONL file of any size
#: streams).
TASKS_PER_THREAD = 3


class ClusterError(RunnerError):
    """Dask is not installed, the scheduler cannot be reached, or the cluster failed mid-run; the
    message is one line for the user."""


def _batches(items: Iterable[Any], size: Callable[[Any], int], count: int, nbytes: int) -> Iterator[list]:
    """Consecutive items, in lists of at most ``count`` items and (unless one item is larger) ``nbytes``.

    >>> list(_batches(["aa", "bb", "cccc", "d"], len, count=3, nbytes=4))
    [['aa', 'bb'], ['cccc'], ['d']]
    """
    batch: list = []
    total = 0
    for item in items:
        if batch and (len(batch) == count or total + size(item) > nbytes):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += size(item)
    if batch:
        yield batch


def _read(item: Any, path: str) -> tuple[Any, bytes | None, str | None]:
    """A file as the client reads it for a worker: (its job or path, its bytes or None, why not or None)."""
    try:
        return item, read_bytes(path), None
    except InputError as exc:
        return item, None, str(exc)


def _size(read: tuple[Any, bytes | None, str | None]) -> int:
    return len(read[1] or b"")


def clean_batch(settings: Settings, batch: list[tuple[Job, bytes | None, str | None]]) -> list[Cleaned]:
    """What a worker does with a batch of text files: :func:`newsclean.batch.clean_data` on each
    (a file the client could not read keeps the client's reason)."""
    return [
        clean_data(settings, job, data) if error is None else Cleaned(Outcome(job.path, error=error))
        for job, data, error in batch
    ]


def lines_batch(shared: tuple[Settings, str], batch: tuple[int, list[bytes]]) -> list:
    """A batch of a JSONL file's lines, the first of them line ``batch[0]`` of the file
    (:func:`newsclean.batch.clean_lines`)."""
    (settings, path), (first, lines) = shared, batch
    return clean_lines(settings, path, first, lines)


def keys_batch(config: Config, batch: list[tuple[str, bytes | None, str | None]]) -> list[Keys]:
    """A round of the templates' first pass on a batch of files (:func:`newsclean.batch.data_keys`)."""
    return [
        data_keys(config, path, data) if error is None else Keys(path, error, frozenset())
        for path, data, error in batch
    ]


class ClusterRunner:
    """Clean files on a Dask cluster, as :class:`newsclean.batch.LocalRunner` does in processes:
    the client reads and writes, the workers clean (see the module's docstring).

    Use it as a context manager, which closes the connection::

        with ClusterRunner.connect("tcp://10.0.0.5:8786") as runner:
            outcomes = list(runner.clean(settings, jobs))
    """

    def __init__(self, client) -> None:
        self.client = client

    @classmethod
    def connect(cls, address: str, timeout: str | None = None) -> ClusterRunner:
        """Connect to the scheduler at ``address`` (waiting ``timeout``, default CONNECT_TIMEOUT,
        for it and for a worker); a :class:`ClusterError` if Dask is missing or the scheduler does
        not answer."""
        timeout = timeout or CONNECT_TIMEOUT
        try:
            from distributed import Client
        except ImportError:
            raise ClusterError("--scheduler needs Dask: pip install 'newsclean[dask]'") from None
        try:
            client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ClusterError(f"--scheduler {address}: cannot reach the scheduler: {reason}") from None
        try:
            # without a worker the tasks would wait for one for ever
            client.wait_for_workers(1, timeout=timeout)
        except TimeoutError:
            client.close()
            raise ClusterError(
                f"--scheduler {address}: the scheduler has no workers (start some: dask worker {address})"
            ) from None
        return cls(client)

    def __enter__(self) -> ClusterRunner:
        return self

    def __exit__(self, *exc_info) -> None:
        self.client.close()

    def _window(self) -> int:
        return max(2, TASKS_PER_THREAD * sum(self.client.nthreads().values()))

    def _ordered(self, fn: Callable, shared: Any, batches: Iterable[list]) -> Iterator:
        """``fn(shared, batch)`` on the cluster for each batch, results in order, a bounded number
        of batches in flight. ``shared`` (the settings, with any templates) is sent to the workers
        once, not with every task."""
        # hash=False: a key of its own, which no other scatter of equal data (by this run or
        # another client) can release while these tasks need it
        shared = self._call(self.client.scatter, shared, broadcast=True, hash=False)
        window = self._window()
        pending: deque = deque()
        for batch in batches:
            pending.append(self._call(self.client.submit, fn, shared, batch, pure=False))
            if len(pending) >= window:
                yield from self._call(pending.popleft().result)
        while pending:
            yield from self._call(pending.popleft().result)

    def _call(self, method: Callable, *args, **kwargs):
        """A call to the cluster. The functions the workers run turn every failure of a file into
        its outcome, so an exception here is the cluster's (a worker or the scheduler lost)."""
        try:
            return method(*args, **kwargs)
        except Exception as exc:
            reason = str(exc).splitlines()[0] if str(exc) else ""
            raise ClusterError(f"--scheduler: the Dask cluster failed: {type(exc).__name__}: {reason}") from None

    def clean(self, settings: Settings, jobs: list[Job]) -> Iterator[Outcome]:
        """Each job's outcome, in order; the outputs written here (see the module's docstring)."""
        for records, group in itertools.groupby(jobs, key=lambda job: is_jsonl(job.path)):
            if records:
                for job in group:
                    yield self._clean_jsonl(settings, job)
                continue
            group = list(group)
            reads = (_read(job, job.path) for job in group)
            batches = _batches(reads, _size, FILES_PER_TASK, BYTES_PER_TASK)
            for job, cleaned in zip(group, self._ordered(clean_batch, settings, batches)):
                yield write_output(job, cleaned)

    def _clean_jsonl(self, settings: Settings, job: Job) -> Outcome:
        """A JSONL file: its lines go to the workers in batches, the records come back in order and
        are written here as they come, so the file streams (see :func:`newsclean.batch.jsonl_outcome`)."""

        def records():
            numbered = enumerate(read_lines(job.path), 1)
            batches = _batches(numbered, lambda item: len(item[1]), LINES_PER_TASK, BYTES_PER_TASK)
            tasks = ((batch[0][0], [line for _, line in batch]) for batch in batches)
            yield from self._ordered(lines_batch, (settings, job.path), tasks)

        return jsonl_outcome(settings, job, records())

    def keys(self, config: Config, paths: list[str]) -> Iterator[Keys]:
        """The template keys of each file, in order (a round of the first pass of ``--templates``)."""
        reads = (_read(path, path) for path in paths)
        yield from self._ordered(keys_batch, config, _batches(reads, _size, FILES_PER_TASK, BYTES_PER_TASK))


# Dask pipelines.


def clean_bag(bag, config: Config | None = None, *, text_field: str | None = None, results: bool = False, **options):
    """Clean every document of a Dask bag, one partition at a time on the workers; a new bag.

    A bag of texts gives a bag of cleaned texts (``results=True``: of :class:`newsclean.Result`,
    with the edits and their reasons):

    >>> import dask.bag as db
    >>> texts = db.from_sequence(["Putinand the North Korean leader met.\\nAdvertisement\\n", "Clean text.\\n"])
    >>> clean_bag(texts).compute(scheduler="sync")
    ['Putin and the North Korean leader met.\\n', 'Clean text.\\n']
    >>> [e.reason for e in clean_bag(texts, results=True).compute(scheduler="sync")[0].edits][:1]
    ['glued words: zipf putin 4.13 + and 7.41 vs "putinand" 0.00']

    With ``text_field``, a bag of JSON Lines records (dicts, as from
    ``db.read_text("crawl/*.jsonl").map(json.loads)``) gives the records with that field cleaned and
    the others kept, as ``newsclean --text-field NAME`` does to a JSONL file; a record that is not a
    dict with a string in the field is passed through unchanged (newsclean never drops text):

    >>> records = db.from_sequence([{"url": "u1", "body": "Putinand the North Korean leader met.\\n"}, {"url": "u2"}])
    >>> clean_bag(records, text_field="body").compute(scheduler="sync")
    [{'url': 'u1', 'body': 'Putin and the North Korean leader met.\\n'}, {'url': 'u2'}]

    Options are those of :func:`newsclean.clean` (``skip=["captions"]``, ``lang="de"``, or
    ``config=Config(...)``; for site templates, ``Config(templates=find_templates(texts))``). Use
    ``.to_textfiles()`` or ``.map(json.dumps).to_textfiles()`` to write the result.
    """
    if options:
        if config is not None:
            raise TypeError("pass a Config or keyword options, not both")
        config = Config.from_options(**options)
    if results and text_field is not None:
        raise ValueError("results=True gives a Result per text; with text_field the records are returned")
    return bag.map_partitions(_clean_partition, config, text_field, results)


def _clean_partition(items: Iterable, config: Config | None, text_field: str | None, results: bool) -> list:
    """One partition of :func:`clean_bag`."""
    if text_field is None:
        return [clean(text, config) if results else clean(text, config).text for text in items]
    return [_clean_record(record, config, text_field) for record in items]


def _clean_record(record: Any, config: Config | None, field: str) -> Any:
    """A record with its text field cleaned; the record itself if it is unchanged or has no such text."""
    if not isinstance(record, dict) or not isinstance(record.get(field), str):
        return record
    text = clean(record[field], config).text
    if text == record[field]:
        return record
    return {**record, field: text}
