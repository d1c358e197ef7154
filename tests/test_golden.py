"""Golden files: every fixtures/<case>/input.txt against the output reviewed into expected.*.

After an intentional change to the output, run ``python tests/regen_fixtures.py`` and review the
``git diff`` of fixtures/. This test only compares; it never writes.

fixtures/clean/*.txt are the negative cases: articles that are already clean and must come out
byte for byte unchanged, with no edit at all.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

import newsclean
from newsclean.model import replay

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def _load_regen():
    spec = importlib.util.spec_from_file_location(
        "newsclean_regen_fixtures", Path(__file__).with_name("regen_fixtures.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


regen = _load_regen()
CASES = regen.case_dirs()
CLEAN_TEXTS = sorted((FIXTURES / "clean").glob("*.txt"))


def _without_version(data: bytes) -> dict:
    record = json.loads(data)
    record.pop("version", None)  # a version bump is not a change of output
    return record


def test_fixtures_exist():
    names = {case.name for case in CASES}
    assert {"seed-like", "german", "crlf", "mac-cr", "unicode-whitespace", "markdown-escape"} <= names
    assert len(CLEAN_TEXTS) >= 5


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case: Path):
    got = regen.outputs(case)
    expected_names = [name for name in regen.OUTPUTS if (case / name).exists()]
    assert "expected.txt" in expected_names and "expected.json" in expected_names
    for name in expected_names:
        expected = (case / name).read_bytes()
        if name.endswith(".json"):
            assert _without_version(got[name]) == _without_version(expected), f"{case.name}/{name}"
        else:
            assert got[name].decode() == expected.decode(), f"{case.name}/{name}"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_json_matches_text_and_replays(case: Path):
    """The JSON's text is expected.txt, and its edits replayed on the input give that text."""
    record = json.loads((case / "expected.json").read_bytes())
    text = (case / "expected.txt").read_bytes().decode()
    assert record["text"] == text
    source = (case / "input.txt").read_bytes().decode("utf-8-sig")
    edits = [newsclean.Edit(**e) for e in record["edits"]]
    assert replay(source, edits) == text


@pytest.mark.parametrize("path", CLEAN_TEXTS, ids=[p.stem for p in CLEAN_TEXTS])
def test_clean_text_is_unchanged(path: Path):
    text = path.read_bytes().decode()
    assert text.endswith("\n") and not text.endswith("\n\n") and "\n\n\n" not in text  # the fixture itself is tidy
    result = newsclean.clean(text)
    assert result.edits == ()
    assert result.text == text


@pytest.mark.parametrize("path", CLEAN_TEXTS, ids=[p.stem for p in CLEAN_TEXTS])
def test_clean_text_is_unchanged_through_the_cli(path: Path):
    result = regen.run_cli(["--check", str(path)])
    assert result.exit_code == 0, result.stderr
    result = regen.run_cli([str(path)])
    assert result.stdout_bytes == path.read_bytes()
