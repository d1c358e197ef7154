"""Guards against work that grows faster than the input (issue 6: a 10 MB line without spaces, a
50 MB file and 100,000 tiny files in time proportional to size, a 100 MB JSONL file in 400 MB).

None of these times anything: each checks a count that a quadratic path or a file read whole would
change (lines read ahead of the records, batches in flight), or runs a scaled-down input that a
quadratic path would keep from finishing.
"""

from __future__ import annotations

import contextlib
import glob
import json
import re
from pathlib import Path

import pytest

import newsclean
from command import run
from newsclean import batch

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


class CountingLines:
    """A JSONL file's lines, counting how many were read."""

    def __init__(self, lines: list[bytes]) -> None:
        self.lines = lines
        self.read = 0

    def __iter__(self):
        for line in self.lines:
            self.read += 1
            yield line

    @contextlib.contextmanager
    def open(self, path, mode="rb"):
        yield iter(self)


def records(n: int) -> list[bytes]:
    return [
        json.dumps({"id": k, "text": f"Story {k}: the council met on Monday.Advertisement\n"}).encode() + b"\n"
        for k in range(n)
    ]


def test_a_jsonl_file_is_read_a_record_at_a_time(monkeypatch):
    """Each record is cleaned as soon as its line is read: reading the file whole first (``readlines``,
    ``json.load`` of a list) would hold a 100 MB file in memory several times over."""
    source = CountingLines(records(50))
    monkeypatch.setattr(batch, "open_jsonl", source.open)
    cleaned = batch.read_records("crawl.jsonl", newsclean.Config())
    for n in range(1, 4):
        record = next(cleaned)
        assert (record.number, source.read) == (n, n)
        assert record.changed


def test_a_jsonl_file_is_written_as_it_is_read(monkeypatch, tmp_path: Path):
    """The output is written a record at a time, between the reads, not gathered first."""
    source = CountingLines(records(20))
    monkeypatch.setattr(batch, "open_jsonl", source.open)
    seen = []
    written = batch.write_records(batch.read_records("crawl.jsonl", newsclean.Config()), tmp_path / "out.jsonl")
    for record in written:
        seen.append((record.number, source.read))
    assert seen == [(n, n) for n in range(1, 21)]
    assert len((tmp_path / "out.jsonl").read_bytes().splitlines()) == 20


class FakeFuture:
    def __init__(self, client, fn, args):
        self.client, self.fn, self.args = client, fn, args

    def result(self):
        self.client.pending -= 1
        return self.fn(*self.args)


class FakeClient:
    """Just enough of ``distributed.Client`` to count the tasks in flight: one worker thread."""

    def __init__(self) -> None:
        self.pending = self.most_pending = 0

    def nthreads(self):
        return {"tcp://worker:1": 1}

    def scatter(self, data, broadcast=False, hash=True):
        return data

    def submit(self, fn, *args, pure=True):
        self.pending += 1
        self.most_pending = max(self.most_pending, self.pending)
        return FakeFuture(self, fn, args)


def test_the_cluster_runner_streams_a_jsonl_file_with_a_few_batches_in_flight(monkeypatch, tmp_path: Path):
    """Through ``--scheduler`` a JSONL file goes to the workers in batches, a bounded number at a time,
    so the client never holds more than a few batches of a file of any size."""
    from newsclean import dask as newsclean_dask

    monkeypatch.setattr(newsclean_dask, "LINES_PER_TASK", 2)
    source = CountingLines(records(60))
    monkeypatch.setattr(batch, "open_jsonl", source.open)
    client = FakeClient()
    runner = newsclean_dask.ClusterRunner(client)
    settings = batch.Settings(newsclean.Config())
    (outcome,) = runner.clean(settings, [batch.Job("crawl.jsonl", str(tmp_path / "out.jsonl"))])
    assert outcome.error is None and outcome.changed
    assert source.read == 60
    assert client.most_pending == newsclean_dask.TASKS_PER_THREAD  # the window, for one worker thread
    assert len((tmp_path / "out.jsonl").read_bytes().splitlines()) == 60


def test_a_long_line_without_spaces_finishes_and_keeps_its_text():
    """A scaled-down 10 MB line without spaces: 50,000 letters of glued article text. The joins
    stage splits it with parts of bounded length; a quadratic path would not finish here."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*/input.txt"))]
    glued = re.sub(r"\s+", "", "".join(texts))
    line = (glued * (50_000 // len(glued) + 1))[:50_000] + "\n"
    result = newsclean.clean(line)
    assert len(result.text) > len(line)  # spaces put back, nothing dropped
    assert newsclean.replay(line, result.edits) == result.text


def test_many_tiny_files_are_each_cleaned_once(tmp_path: Path):
    """A folder of many small files (issue 6 measures 100,000): each is cleaned and written once."""
    news = tmp_path / "news"
    for n in range(300):
        folder = news / f"{n // 100:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{n:04d}.txt").write_text(f"Story {n}: the council met on Monday.Advertisement\n")
    done = run(news, "-o", tmp_path / "out", "-j", "2")
    assert done.returncode == 0, done.stderr
    assert "300 files, 300 changed, 300 written, 0 failed" in done.stderr
    outputs = sorted(glob.glob(str(tmp_path / "out" / "*" / "*.txt")))
    assert len(outputs) == 300
    assert Path(outputs[7]).read_text() == "Story 7: the council met on Monday. Advertisement\n"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_first_file_is_cleaned_before_the_workers_start(tmp_path: Path, jobs: str):
    """``map_files`` cleans the first file in this process (so that forked workers inherit the
    loaded stages and word lists): the results still come back in input order, once each."""
    items = list(range(40))
    assert list(batch.map_files(str, items, int(jobs))) == [str(i) for i in items]
