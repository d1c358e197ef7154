"""newsclean on a Dask cluster: ``--scheduler`` through the installed command against a real
``LocalCluster``, compared with a local run of the same folder (plain, ``--templates``, reports), the
errors when Dask is missing or the scheduler does not answer, and ``clean_bag``.

The cluster runs in this process (threads, ``processes=False``) but listens on TCP, so the command
reaches it as it would reach a real scheduler. Skipped when Dask is not installed (``.[test]``
installs it).
"""

from __future__ import annotations

import gzip
import json
import shutil
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsclean
from command import run
from newsclean.batch import Job, Settings, clean_jsonl_file
from newsclean.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FOOTER = "The Harbour Herald is published by Coastline Media Group"
STORIES = [
    "The ferry company said on Tuesday that fares would rise by a tenth in April.",
    "Councillors voted on Monday to build a second pier north of the old market.",
    "Storms kept the fleet in port for most of the week, the harbour master said.",
    "The lighthouse will open to visitors again in June after two years of repairs.",
]


@pytest.fixture(scope="module")
def cluster():
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", dashboard_address=":0"
    ) as cluster:
        yield cluster


@pytest.fixture
def client(cluster):
    from distributed import Client

    with Client(cluster) as client:
        yield client


def fixture_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*/input.txt"))]


@pytest.fixture
def news(tmp_path: Path) -> Path:
    """A folder as a crawl leaves it: the fixture inputs, a site's articles with its footer (for
    --templates), a JSONL file with a bad record, a gzipped one, and a binary file."""
    root = tmp_path / "news"
    for case in sorted(FIXTURES.glob("*/input.txt")):
        (root / "fixtures").mkdir(parents=True, exist_ok=True)
        shutil.copy(case, root / "fixtures" / f"{case.parent.name}.txt")
    (root / "site").mkdir()
    for n, story in enumerate(STORIES):
        (root / "site" / f"story{n}.txt").write_text(f"Harbour news\n\n{story}\n\n{FOOTER}\n")
    records = [json.dumps({"id": n, "text": text}) for n, text in enumerate(fixture_texts())]
    (root / "crawl.jsonl").write_text("\n".join([*records, "not json", *records]) + "\n")
    with gzip.open(root / "crawl2.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write("\n".join(records) + "\n")
    (root / "image.txt").write_bytes(b"GIF89a\0\0")
    return root


def files_under(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("options", [(), ("--templates",), ("-f", "json")], ids=["plain", "templates", "json"])
def test_cluster_output_is_the_local_output(cluster, news: Path, tmp_path: Path, options):
    local = run(news, "-o", tmp_path / "local", "-j", "1", *options)
    remote = run(news, "-o", tmp_path / "remote", "--scheduler", cluster.scheduler_address, *options)
    assert remote.returncode == local.returncode == 2  # the binary file and the bad record
    assert remote.stderr == local.stderr
    assert "image.txt: binary file" in remote.stderr
    assert "crawl.jsonl:" in remote.stderr
    outputs = files_under(tmp_path / "local")
    assert files_under(tmp_path / "remote") == outputs
    assert len(outputs) == len(list(news.rglob("*"))) - 3  # every file but the binary (less 2 folders)
    if options == ("--templates",):
        assert "templates 4" in remote.stderr  # the footer, from the site's four articles
        assert all(FOOTER.encode() not in outputs[f"site/story{n}.txt"] for n in range(4))


@pytest.mark.parametrize("report", ["--check", "--diff", "--explain"])
def test_cluster_reports_are_the_local_reports(cluster, news: Path, report: str):
    local = run(news, report, "-j", "1")
    remote = run(news, report, "--scheduler", cluster.scheduler_address)
    assert (remote.returncode, remote.stdout, remote.stderr) == (local.returncode, local.stdout, local.stderr)
    assert remote.stdout


def test_cluster_rewrites_in_place_as_a_local_run(cluster, news: Path, tmp_path: Path):
    copy = tmp_path / "copy"
    shutil.copytree(news, copy)
    run(copy, "--write", "-q", "-j", "1")
    remote = run(news, "--write", "-q", "--scheduler", cluster.scheduler_address)
    assert remote.returncode == 2
    assert files_under(news) == files_under(copy)


def test_jsonl_goes_to_the_workers_in_batches_and_comes_back_in_order(client, news: Path, tmp_path, monkeypatch):
    from newsclean import dask as newsclean_dask

    monkeypatch.setattr(newsclean_dask, "LINES_PER_TASK", 3)
    settings = Settings(newsclean.Config(), edits=True)
    local = clean_jsonl_file(settings, Job(str(news / "crawl.jsonl"), str(tmp_path / "local.jsonl")))
    runner = newsclean_dask.ClusterRunner(client)
    (remote,) = runner.clean(settings, [Job(str(news / "crawl.jsonl"), str(tmp_path / "remote.jsonl"))])
    assert (tmp_path / "remote.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    assert remote == local
    assert remote.bad_records == ((len(fixture_texts()) + 1, "not JSON (Expecting value at column 1)"),)


def test_an_unreachable_scheduler_is_one_line_and_exit_2(news: Path, tmp_path: Path, monkeypatch):
    pytest.importorskip("distributed")
    from newsclean import dask as newsclean_dask

    monkeypatch.setattr(newsclean_dask, "CONNECT_TIMEOUT", "1s")  # Dask retries a refused connection until then
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{s.getsockname()[1]}"
    done = CliRunner().invoke(main, [str(news), "-o", str(tmp_path / "out"), "--scheduler", address])
    assert done.exit_code == 2
    assert done.output.startswith(f"newsclean: error: --scheduler {address}: cannot reach the scheduler")
    assert len(done.output.splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_without_dask_the_scheduler_option_says_what_to_install(news: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "distributed", None)  # as if not installed
    done = CliRunner().invoke(main, [str(news), "-o", str(tmp_path / "out"), "--scheduler", "tcp://h:8786"])
    assert done.exit_code == 2
    assert done.output == "newsclean: error: --scheduler needs Dask: pip install 'newsclean[dask]'\n"


def test_one_input_is_not_sent_to_a_cluster(news: Path):
    done = CliRunner().invoke(main, [str(news / "site" / "story0.txt"), "--scheduler", "tcp://h:8786"])
    assert done.exit_code == 2
    assert "--scheduler cleans folders or several files" in done.output


# clean_bag


def test_clean_bag_of_texts_is_clean_text_on_each(client):
    import dask.bag as db

    from newsclean.dask import clean_bag

    texts = fixture_texts()
    bag = db.from_sequence(texts, npartitions=3)
    assert clean_bag(bag).compute() == [newsclean.clean_text(t) for t in texts]
    results = clean_bag(bag, results=True, skip=["captions"]).compute()
    assert results == [newsclean.clean(t, skip=["captions"]) for t in texts]
    assert any(r.edits for r in results)


def test_clean_bag_of_records_is_the_jsonl_mode(client, news: Path, tmp_path: Path):
    """The records a bag gives are those ``newsclean --text-field body`` writes for the same lines."""
    import dask.bag as db

    from newsclean.dask import clean_bag

    lines = [json.dumps({"url": f"u{n}", "body": text, "n": n}) for n, text in enumerate(fixture_texts())]
    lines += [json.dumps({"url": "no body"}), json.dumps({"url": "u", "body": 7})]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n")
    done = run(tmp_path / "in.jsonl", "--text-field", "body")
    assert done.returncode == 2  # the two records without a string body are passed through and reported
    expected = [json.loads(line) for line in done.stdout.splitlines()]
    records = db.from_sequence(lines, npartitions=2).map(json.loads)
    cleaned = clean_bag(records, text_field="body").compute()
    assert cleaned == expected
    assert cleaned != [json.loads(line) for line in lines]


def test_clean_bag_options():
    pytest.importorskip("dask")
    import dask.bag as db

    from newsclean.dask import clean_bag

    bag = db.from_sequence(["a"])
    with pytest.raises(TypeError):
        clean_bag(bag, newsclean.Config(), skip=["captions"])
    with pytest.raises(ValueError, match="results=True"):
        clean_bag(bag, text_field="text", results=True)
    with pytest.raises(newsclean.ConfigError):
        clean_bag(bag, skip=["no-such-stage"])


def test_a_scheduler_without_workers_is_an_error_not_a_wait():
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    from newsclean.dask import ClusterError, ClusterRunner

    with (
        LocalCluster(n_workers=0, processes=False, protocol="tcp", dashboard_address=":0") as empty,
        pytest.raises(ClusterError, match="the scheduler has no workers"),
    ):
        ClusterRunner.connect(empty.scheduler_address, timeout="1s")
