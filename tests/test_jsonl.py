"""JSON Lines inputs through the installed command: each record's text field cleaned, everything
else kept byte for byte, gzip in and out, and a bad record passed through with its line number."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import newsclean
from command import run

GLUED = "Rates rose.The bank said so.\nAdvertisement\n"
CLEAN = "The council met on Monday.\n"
#: a changed record, a clean one written compactly (kept as it is), a bad one, another field's text
LINES = [
    json.dumps({"id": 1, "text": GLUED, "url": "https://example.com/1", "tags": ["rates"]}) + "\n",
    '{"id":2,"text":"The council met on Monday.\\n"}\n',
    "not json at all\n",
    json.dumps({"id": 4, "body": GLUED}) + "\n",
    "\n",
    json.dumps({"id": 6, "text": "Héllo wörld.Fine.\n"}, ensure_ascii=False) + "\n",
]


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    path = tmp_path / "crawl.jsonl"
    path.write_text("".join(LINES), encoding="utf-8")
    return path


def errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("newsclean: error: ")]


def test_records_are_cleaned_one_by_one_and_the_rest_kept(crawl: Path):
    done = run(crawl)
    assert done.returncode == 2, "a bad record is an error"
    out = done.stdout.splitlines(keepends=True)
    assert len(out) == len(LINES)
    assert json.loads(out[0]) == {
        "id": 1,
        "text": newsclean.clean_text(GLUED),
        "url": "https://example.com/1",
        "tags": ["rates"],
    }
    assert list(json.loads(out[0])) == ["id", "text", "url", "tags"], "the fields keep their order"
    assert out[1:5] == LINES[1:5], "clean, bad and blank lines pass through byte for byte"
    assert json.loads(out[5])["text"] == "Héllo wörld. Fine.\n"
    assert "Héllo" in out[5], "non-ASCII text is written as it is, not escaped"


def test_a_bad_record_is_named_by_file_and_line(crawl: Path):
    done = run(crawl)
    assert errors(done.stderr) == [
        f"newsclean: error: {crawl}:3: not JSON (Expecting value at column 1); passed through unchanged",
        f'newsclean: error: {crawl}:4: no field "text"; passed through unchanged',
    ]


def test_text_field(crawl: Path):
    done = run("--text-field", "body", crawl)
    assert json.loads(done.stdout.splitlines()[3])["body"] == newsclean.clean_text(GLUED)
    assert f'newsclean: error: {crawl}:1: no field "body"; passed through unchanged' in errors(done.stderr)


def test_check_changes_if_any_record_would(tmp_path: Path, crawl: Path):
    clean = tmp_path / "clean.jsonl"
    clean.write_text(LINES[1] * 3)
    assert run("--check", clean).returncode == 0
    clean.write_text(LINES[1] * 3 + LINES[5])
    done = run("--check", clean)
    assert done.returncode == 1
    assert done.stdout == f'{clean}:4:1: joins: missing space after "." (in "text" at 1:7)\n'
    assert run("--check", crawl).returncode == 2, "a bad record outranks a change"


def test_gzip_out_dir_and_in_place(tmp_path: Path):
    news = tmp_path / "news"
    news.mkdir()
    with gzip.open(news / "crawl.jsonl.gz", "wt", encoding="utf-8") as f:
        f.writelines([LINES[0], LINES[1]])
    (news / "story.txt").write_text(GLUED)
    out = tmp_path / "out"
    done = run(news, "--out-dir", out)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["crawl.jsonl.gz", "story.txt"], "JSONL is in the default globs"
    with gzip.open(out / "crawl.jsonl.gz", "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    assert [r["text"] for r in records] == [newsclean.clean_text(GLUED), CLEAN]
    stamp = (out / "crawl.jsonl.gz").stat()
    again = run(news, "--out-dir", out)
    assert "2 files, 2 changed, 0 failed" in again.stderr, "and none written"
    assert (out / "crawl.jsonl.gz").stat().st_mtime_ns == stamp.st_mtime_ns, "the same bytes are not written again"

    assert run("--write", news).returncode == 0
    assert (news / "crawl.jsonl.gz").read_bytes() == (out / "crawl.jsonl.gz").read_bytes()
    assert sorted(p.name for p in news.iterdir()) == ["crawl.jsonl.gz", "story.txt"], "no temporary file is left"
    stamp = (news / "crawl.jsonl.gz").stat()
    assert run("--check", news).returncode == 0
    assert run("--write", news).returncode == 0
    assert (news / "crawl.jsonl.gz").stat().st_mtime_ns == stamp.st_mtime_ns, "an unchanged file is left alone"


def test_other_files_are_still_cleaned(crawl: Path, tmp_path: Path):
    (tmp_path / "broken.jsonl.gz").write_bytes(b"not gzip")
    (tmp_path / "story.txt").write_text(GLUED)
    out = tmp_path / "out"
    done = run(tmp_path, "--out-dir", out, "--exclude", "out")
    assert done.returncode == 2
    assert errors(done.stderr)[0].startswith(f"newsclean: error: {tmp_path / 'broken.jsonl.gz'}: not a valid gzip file")
    assert (out / "story.txt").read_text() == newsclean.clean_text(GLUED)
    assert (out / "crawl.jsonl").read_text().splitlines()[2] == "not json at all", "bad records pass through"
    assert not (out / "broken.jsonl.gz").exists()


def test_output_file(crawl: Path, tmp_path: Path):
    out = tmp_path / "clean.jsonl.gz"
    done = run(crawl, "-o", out)
    assert done.returncode == 2
    with gzip.open(out, "rt", encoding="utf-8") as f:
        assert len(f.readlines()) == len(LINES)


# --format jsonl: text files gathered into records.


def test_format_jsonl_gathers_one_record_per_document(tmp_path: Path):
    news = tmp_path / "news"
    (news / "may").mkdir(parents=True)
    (news / "may" / "rates.txt").write_text(GLUED)
    (news / "council.md").write_text(CLEAN)
    done = run("-f", "jsonl", news, "-j", "2", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["path"] for r in records] == [str(news / "council.md"), str(news / "may" / "rates.txt")]
    assert {"path", "title", "text", "edits", "stats", "version"} <= set(records[1])
    assert records[1]["text"] == newsclean.clean_text(GLUED)
    assert records[1]["edits"] == [e.to_dict() for e in newsclean.clean(GLUED).edits]
    into = tmp_path / "all.jsonl"
    assert run("-f", "jsonl", "-o", into, news).returncode == 0
    assert into.read_text() == done.stdout
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [], "no temporary file is left"
    single = run("-f", "jsonl", news / "council.md")
    assert json.loads(single.stdout)["path"] == str(news / "council.md")


def test_format_jsonl_leaves_jsonl_inputs_to_out_dir(crawl: Path, tmp_path: Path):
    (tmp_path / "story.txt").write_text(GLUED)
    done = run("-f", "jsonl", tmp_path / "story.txt", crawl)
    assert done.returncode == 2
    assert errors(done.stderr) == [
        f"newsclean: error: {crawl}: already JSON Lines: --format jsonl gathers text files; "
        "clean it with --out-dir or --write"
    ]
    assert len(done.stdout.splitlines()) == 1, "the text file is still gathered"
