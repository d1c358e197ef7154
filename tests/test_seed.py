"""The team's sample article, ../shared/samples/seed-article.txt, if this checkout has it.

Nothing from the sample is copied here: body paragraphs are read from the file at run time, and the
checks name only the defects the sample is known for. Without the file, every test is skipped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsclean
from newsclean.cli import main
from newsclean.model import replay

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "samples" / "seed-article.txt"

CAPTION_ENDINGS = ("(Yonhap/Reuters)", "via AP)", "(Song Kyung-Seok/REUTERS)")


@pytest.fixture(scope="module")
def source() -> str:
    if not SEED.is_file():
        pytest.skip(f"{SEED} is not available")
    return SEED.read_bytes().decode("utf-8-sig")


@pytest.fixture(scope="module")
def result(source: str) -> newsclean.Result:
    return newsclean.clean(source)


def _squash(text: str) -> str:
    return "".join(text.split())


def _is_chrome(line: str) -> bool:
    words = line.split()
    return line.startswith(("PREV ", "NEXT ")) or (words[-2:] == ["Google", "News"] and "Follow us" in line)


def _body_lines(source: str) -> list[str]:
    """Input lines that are article text: not the headline, not a caption, not site chrome."""
    lines = [line.strip() for line in source.splitlines() if line.strip()]
    headline = lines[0]
    return [line for line in lines if line != headline and not line.endswith(CAPTION_ENDINGS) and not _is_chrome(line)]


def test_headline_appears_once(source: str, result: newsclean.Result):
    headline = source.splitlines()[0].strip()
    assert source.count(headline) >= 2, "the sample repeats its headline"
    assert result.text.count(headline) == 1
    assert result.title == headline
    assert result.text.startswith(headline + "\n\n")


@pytest.mark.parametrize("ending", CAPTION_ENDINGS)
def test_caption_is_removed(source: str, result: newsclean.Result, ending: str):
    assert any(line.rstrip().endswith(ending) for line in source.splitlines())
    assert not any(line.endswith(ending) for line in result.text.splitlines())


def test_site_chrome_is_removed(result: newsclean.Result):
    for line in result.text.splitlines():
        assert not line.startswith(("PREV", "NEXT")), line
        assert "Google News" not in line and "Google\u00a0News" not in line, line


REPAIRS = [
    "Putin and",
    "border heavily",
    "weapons all",
    "aggression set",
    "mines the",
    "does” said",
    "us” Chang added",
    "North or",
    "war since",
]


def _glued(repair: str) -> str:
    """The form the sample has: the first space lost ("us” Chang added" -> "us”Chang added")."""
    return repair.replace(" ", "", 1)


@pytest.mark.parametrize("repair", REPAIRS)
def test_glued_words_are_repaired(source: str, result: newsclean.Result, repair: str):
    assert _glued(repair) in source, "the sample has this join"
    assert repair in result.text
    assert _glued(repair) not in result.text


@pytest.mark.parametrize(
    "name", ["Zinoviev", "Pyongyang", "Kim Jong-un", "Chang Ho Jin", "Kim Hong-kyun", "Kim Yo-jong"]
)
def test_names_are_intact(result: newsclean.Result, name: str):
    assert name in result.text
    body_words = set(result.text.split())
    for part in name.split():
        assert any(part in word for word in body_words)


def test_every_body_paragraph_is_kept(source: str, result: newsclean.Result):
    body = _body_lines(source)
    assert len(body) >= 15
    assert len(result.paragraphs) == len(body)
    out = _squash(result.text)
    missing = [line[:30] for line in body if _squash(line[:30]) not in out]
    assert missing == []


def test_output_is_tidy(result: newsclean.Result):
    assert result.text.endswith("\n") and "\n\n\n" not in result.text
    assert all(line == line.strip() for line in result.text.splitlines())


def test_edits_replay(source: str, result: newsclean.Result):
    assert replay(source, result.edits) == result.text


def test_markdown(source: str):
    run = CliRunner().invoke(main, ["--format", "markdown", str(SEED)], catch_exceptions=False)
    assert run.exit_code == 0
    assert run.stdout.startswith("# South Korea warned again")
    assert run.stdout.count("\n# ") == 0, "one heading only"


def test_json_has_one_edit_per_change(source: str, result: newsclean.Result):
    run = CliRunner().invoke(main, ["--format", "json", str(SEED)], catch_exceptions=False)
    assert run.exit_code == 0
    record = json.loads(run.stdout)
    assert record["text"] == result.text
    edits = record["edits"]
    by_stage = record["stats"]["edits_by_stage"]
    assert by_stage["headline"] == source.count(source.splitlines()[0].strip()) - 1
    assert by_stage["captions"] == sum(line.rstrip().endswith(CAPTION_ENDINGS) for line in source.splitlines())
    assert by_stage["boilerplate"] == 3  # follow prompt, PREV, NEXT
    assert sum(by_stage.values()) == len(edits)
    joins = [e for e in edits if e["stage"] == "joins"]
    assert len({(e["line"], e["column"]) for e in joins}) == len(joins), "one edit per glued token"
    for e in edits:
        assert e["line"] >= 1 and e["column"] >= 1 and e["reason"]
        if e["kind"] == "insert-space":
            assert e["after"].replace(" ", "") == e["before"]
            line = source.splitlines()[e["line"] - 1]
            assert line[e["column"] - 1 :].startswith(e["before"])
