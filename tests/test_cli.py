"""The newsclean command, driven through Click's CliRunner with named cases, and once through the
installed command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsclean
from command import installed_command, run
from newsclean.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED_LIKE = ROOT / "fixtures" / "seed-like"
CLEAN = ROOT / "fixtures" / "clean" / "dateline-ap.txt"

ARTICLE = (
    "Finland says it may send air defence to Moldova\n"
    "\n"
    "Finland says it may send air defence to Moldova\n"
    "\n"
    "Finnish Defence Minister Aino Lehtonen (Lehtikuva/Reuters)\n"
    "\n"
    "Helsinki said on Thursday it would decide soon.The cabinet meets on Monday.\n"
    "\n"
    "Advertisement\n"
)
CLEANED = (
    "Finland says it may send air defence to Moldova\n"
    "\n"
    "Helsinki said on Thursday it would decide soon. The cabinet meets on Monday.\n"
)


def invoke(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_file_path(article: Path):
    result = invoke(str(article))
    assert result.exit_code == 0
    assert result.stdout == CLEANED
    assert result.stderr == ""


def test_golden_fixture(tmp_path: Path):
    result = invoke(str(SEED_LIKE / "input.txt"))
    assert result.stdout_bytes == (SEED_LIKE / "expected.txt").read_bytes()


@pytest.mark.parametrize("args", [["-"], []], ids=["dash", "no-argument"])
def test_stdin(args: list[str]):
    result = invoke(*args, stdin=ARTICLE.encode())
    assert result.exit_code == 0
    assert result.stdout == CLEANED


def test_format_markdown(article: Path):
    result = invoke("--format", "markdown", str(article))
    assert result.exit_code == 0
    assert result.stdout.startswith("# Finland says it may send air defence to Moldova\n\n")
    assert result.stdout.endswith("The cabinet meets on Monday.\n")


def test_format_json(article: Path):
    result = invoke("-f", "json", str(article))
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert {"title", "paragraphs", "text", "edits", "stats", "version"} <= set(record)
    assert record["title"] == "Finland says it may send air defence to Moldova"
    assert record["text"] == CLEANED
    assert record["paragraphs"] == ["Helsinki said on Thursday it would decide soon. The cabinet meets on Monday."]
    assert record["version"] == newsclean.__version__
    assert record["edits"]
    for edit in record["edits"]:
        assert {"stage", "kind", "line", "column", "before", "after", "reason"} <= set(edit)
    assert [(e["stage"], e["line"]) for e in record["edits"] if e["stage"] != "whitespace"] == [
        ("joins", 7),
        ("headline", 3),
        ("captions", 5),
        ("boilerplate", 9),
    ]
    assert record["stats"]["edits_by_stage"]["captions"] == 1


def test_diff(article: Path):
    result = invoke("--diff", str(article))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"--- {article}"
    assert lines[1] == f"+++ {article} (cleaned)"
    assert lines[2].startswith("@@ ")
    assert "-Finnish Defence Minister Aino Lehtonen (Lehtikuva/Reuters)" in lines
    assert "-Advertisement" in lines
    assert "+Helsinki said on Thursday it would decide soon. The cabinet meets on Monday." in lines


def test_diff_of_a_clean_file_is_empty():
    result = invoke("--diff", str(CLEAN))
    assert result.exit_code == 0
    assert result.stdout == ""


def test_explain(article: Path):
    result = invoke("--explain", str(article))
    assert result.exit_code == 0
    column = ARTICLE.splitlines()[6].index("soon.The") + 1
    assert column == 43
    assert f'{article}:7:{column}: joins insert-space: missing space after "."' in result.stdout.splitlines()
    assert (
        f'{article}:5:1: captions drop-line: photo caption ending in a picture credit: "(Lehtikuva/Reuters)" '
        "(rule caption-with-credit)" in result.stdout
    )
    assert "    - decide soon.The" not in result.stdout  # edits show the token, not the line
    assert "    - soon.The" in result.stdout
    assert "    + soon. The" in result.stdout


def test_diff_and_explain_together(article: Path):
    result = invoke("--diff", "--explain", str(article))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"--- {article}")
    assert "captions drop-line" in result.stdout


@pytest.mark.parametrize(
    ("path", "code", "stderr"),
    [
        pytest.param(None, 1, "would clean", id="changes"),
        pytest.param(CLEAN, 0, "", id="clean"),
    ],
)
def test_check(article: Path, path: Path | None, code: int, stderr: str):
    path = path or article
    result = invoke("--check", str(path))
    assert result.exit_code == code
    assert stderr in result.stderr
    assert str(path) in result.stderr or not stderr
    assert (result.stdout == "") == (code == 0), "the edits are listed only when there are some"
    assert path.read_text() == (ARTICLE if code else CLEAN.read_text()), "--check changes nothing"


# --check --report: the edits as a linter lists its findings.


def test_report_text_is_the_default(article: Path):
    result = invoke("--check", str(article))
    assert result.exit_code == 1
    assert result.stdout == invoke("--check", "--report", "text", str(article)).stdout
    expected = [f"{article}:{e.line}:{e.column}: {e.stage}: {e.reason}" for e in newsclean.clean(ARTICLE).edits]
    assert result.stdout.splitlines() == expected
    assert f'{article}:7:43: joins: missing space after "."' in expected


def test_report_json(article: Path):
    result = invoke("--check", "--report", "json", str(article))
    assert result.exit_code == 1
    [record] = json.loads(result.stdout)
    assert record["path"] == str(article)
    assert record["edits"] == json.loads(invoke("-f", "json", str(article)).stdout)["edits"]
    clean = invoke("--check", "--report", "json", str(CLEAN))
    assert (clean.exit_code, clean.stdout) == (0, "[]\n"), "a clean run is still a document"


def test_report_github(article: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(article.parent)
    result = invoke("--check", "--report", "github", str(article))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert all(line.startswith("::warning file=article.txt,line=") for line in lines), "relative to the checkout"
    assert '::warning file=article.txt,line=7,col=43::joins: missing space after "."' in lines


def test_report_needs_check(article: Path):
    result = invoke("--report", "json", str(article))
    assert result.exit_code == 2
    assert result.stderr == "newsclean: error: --report lists the edits that --check finds; add --check\n"


def test_skip(article: Path):
    result = invoke("--skip", "captions", "--skip", "boilerplate", str(article))
    assert "(Lehtikuva/Reuters)" in result.stdout and "Advertisement" in result.stdout
    assert "soon. The" in result.stdout


def test_only(article: Path):
    result = invoke("--only", "captions", str(article))
    assert result.stdout == ARTICLE.replace("Finnish Defence Minister Aino Lehtonen (Lehtikuva/Reuters)\n", "")


@pytest.mark.parametrize("option", ["--skip", "--only"])
def test_invalid_stage_name(article: Path, option: str):
    result = invoke(option, "captoins", str(article))
    assert result.exit_code == 2
    assert "'captoins' is not one of" in result.stderr
    assert "captions" in result.stderr.replace("'captoins'", "")
    assert result.stdout == ""


def test_language_and_word_options(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("Talks between Sergei Lavrovand the envoy ended on Friday.\n", encoding="utf-8")
    assert (
        invoke("--word", "Lavrov", str(path)).stdout == "Talks between Sergei Lavrov and the envoy ended on Friday.\n"
    )
    path.write_text("Talks between Vladimir Putinand the envoy ended on Friday.\n", encoding="utf-8")
    assert invoke("--protect", "Putinand", str(path)).stdout == path.read_text()
    assert invoke("--lang", "en", "--only", "joins", str(path)).stdout == path.read_text().replace(
        "Putinand", "Putin and"
    )


def test_output_file(article: Path, tmp_path: Path):
    out = tmp_path / "out" / "clean.txt"
    out.parent.mkdir()
    before = article.read_bytes()
    result = invoke("-o", str(out), str(article))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == CLEANED
    assert article.read_bytes() == before, "the input is never modified"
    assert sorted(p.name for p in out.parent.iterdir()) == ["clean.txt"], "no temporary file is left"


def test_output_file_is_replaced_atomically(article: Path, tmp_path: Path):
    out = tmp_path / "clean.txt"
    out.write_text("old contents\n")
    os.chmod(out, 0o640)
    inode = out.stat().st_ino
    assert invoke("--output", str(out), str(article)).exit_code == 0
    assert out.read_text(encoding="utf-8") == CLEANED
    assert out.stat().st_ino != inode, "written to a new file and renamed over the old one"
    assert out.stat().st_mode & 0o777 == 0o640, "the existing file's mode is kept"


def test_output_file_in_a_missing_folder(article: Path, tmp_path: Path):
    out = tmp_path / "missing" / "clean.txt"
    result = invoke("-o", str(out), str(article))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"newsclean: error: {out}: ")


def test_output_json_to_file(article: Path, tmp_path: Path):
    out = tmp_path / "clean.json"
    assert invoke("-f", "json", "-o", str(out), str(article)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["text"] == CLEANED


def test_missing_file(tmp_path: Path):
    path = tmp_path / "nope.txt"
    result = invoke(str(path))
    assert result.exit_code == 2
    assert result.stderr == f"newsclean: error: {path}: no such file\n"
    assert result.stdout == ""


def test_directory(tmp_path: Path):
    result = invoke(str(tmp_path))
    assert result.exit_code == 2
    assert "directory" in result.stderr


def test_binary_file(tmp_path: Path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"GIF89a\x00\x01\x00")
    result = invoke(str(path))
    assert result.exit_code == 2
    assert result.stderr == f"newsclean: error: {path}: binary file\n"


def test_cp1252_file(tmp_path: Path):
    path = tmp_path / "legacy.txt"
    path.write_bytes(b"The Caf\xe9 Europa reopened on Monday.\n")
    result = invoke(str(path))
    assert result.exit_code == 0
    assert result.stdout == "The Café Europa reopened on Monday.\n"
    assert result.stderr == f"newsclean: warning: {path}: not UTF-8; decoded as cp1252\n"


def test_cp1252_stdin():
    result = invoke(stdin=b"The Caf\xe9 Europa reopened on Monday.\n")
    assert result.stdout == "The Café Europa reopened on Monday.\n"
    assert "<stdin>" in result.stderr and "cp1252" in result.stderr


def test_utf8_bom_is_dropped(tmp_path: Path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffThe Café Europa reopened on Monday.\n".encode())
    result = invoke("--check", str(path))
    assert result.exit_code == 0, "a byte-order mark is an encoding detail, not a change"


LINE_ENDINGS = (
    b"Rail strike halts trains in the north\r\n\r\nTrains were cancelled on Tuesday.\rBuses will run instead."
)


def test_line_endings_become_lf(tmp_path: Path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(LINE_ENDINGS)
    result = invoke(str(path))
    assert result.exit_code == 0
    assert (
        result.stdout_bytes
        == b"Rail strike halts trains in the north\n\nTrains were cancelled on Tuesday.\nBuses will run instead.\n"
    )
    assert invoke(stdin=b"One.\r\nTwo.\r\n").stdout_bytes == b"One.\nTwo.\n"


def test_line_endings_are_explained_and_checked(tmp_path: Path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(LINE_ENDINGS)
    headers = [line for line in invoke("--explain", str(path)).stdout.splitlines() if line.startswith(str(path))]
    assert headers == [
        f"{path}:1:38: whitespace line-ending: line ending '\\r\\n' -> '\\n'",
        f"{path}:2:1: whitespace line-ending: line ending '\\r\\n' -> '\\n'",
        f"{path}:3:34: whitespace line-ending: line ending '\\r' -> '\\n'",
        f"{path}:4:24: whitespace line-ending: missing final newline",
    ]
    assert invoke("--check", str(path)).exit_code == 1


def test_missing_final_newline_is_a_change(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"The council met on Monday.")
    result = invoke("--check", str(path))
    assert result.exit_code == 1
    assert f"would clean {path}" in result.stderr
    path.write_bytes(b"The council met on Monday.\n")
    assert invoke("--check", str(path)).exit_code == 0


def test_empty_file(tmp_path: Path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = invoke(str(path))
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr == ""
    assert invoke("--check", str(path)).exit_code == 0


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag: str):
    result = invoke(flag)
    assert result.exit_code == 0
    assert result.stdout == f"newsclean, version {newsclean.__version__}\n"


def test_help_lists_the_stages():
    result = invoke("--help")
    assert result.exit_code == 0
    listed = " ".join(result.stdout.split())  # help wraps lines
    assert ", ".join(newsclean.STAGE_NAMES) in listed


# Through the installed command, once.


def test_installed_command_on_a_fixture():
    command = installed_command()
    done = subprocess.run([*command, str(SEED_LIKE / "input.txt")], capture_output=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (SEED_LIKE / "expected.txt").read_bytes()


def test_python_dash_m_version():
    done = subprocess.run(
        [sys.executable, "-m", "newsclean", "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"newsclean, version {newsclean.__version__}\n"


def test_python_dash_m_cleans_stdin():
    done = subprocess.run(
        [sys.executable, "-m", "newsclean"], input=ARTICLE, capture_output=True, text=True, timeout=60, check=False
    )
    assert (done.returncode, done.stdout) == (0, CLEANED), done.stderr


def _complete(shell: str, words: str) -> subprocess.CompletedProcess:
    """What the shell's completion script asks the command for (Click's protocol)."""
    env = {**os.environ, "_NEWSCLEAN_COMPLETE": f"{shell}_complete", "COMP_WORDS": words}
    env["COMP_CWORD"] = str(len(words.split()) - 1)
    return subprocess.run(installed_command(), env=env, capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_shell_completion_script(shell: str):
    env = {**os.environ, "_NEWSCLEAN_COMPLETE": f"{shell}_source"}
    done = subprocess.run(installed_command(), env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert "_NEWSCLEAN_COMPLETE" in done.stdout


def test_shell_completion_of_options_and_stages():
    assert "plain,--skip" in _complete("bash", "newsclean --sk").stdout.splitlines()
    assert _complete("bash", "newsclean --skip cap").stdout.splitlines() == ["plain,captions"]
    assert _complete("bash", "newsclean --report g").stdout.splitlines() == ["plain,github"]


def test_keep_and_boilerplate_options():
    text = "The council voted on Monday to keep the ferry.\nShare this article\nSponsored by Acme Ferries\n"
    result = invoke("--keep", "Share this article", "--boilerplate", "Sponsored by .*", "-", stdin=text.encode())
    assert result.exit_code == 0, result.output
    assert result.stdout == "The council voted on Monday to keep the ferry.\nShare this article\n"
    explained = invoke("--explain", "--boilerplate", "Sponsored by .*", "-", stdin=text.encode())
    assert "the boilerplate pattern 'Sponsored by .*' of the config" in explained.stdout


def test_a_bad_pattern_is_a_usage_error():
    result = invoke("--keep", "(unclosed", "-", stdin=b"Text.\n")
    assert result.exit_code == 2
    assert "keep: '(unclosed' is not a regular expression" in result.stderr


def test_dash_o_names_a_folder_for_a_folder(tmp_path: Path):
    (tmp_path / "in" / "a").mkdir(parents=True)
    (tmp_path / "in" / "a" / "x.txt").write_text("Seoul warned Moscow.\nShare this article\n")
    done = run("in", "-o", "out", "-q", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "a" / "x.txt").read_text() == "Seoul warned Moscow.\n"
