"""Config files through the installed command: ``[tool.newsclean]`` in the nearest pyproject.toml,
newsclean.toml, --config and --isolated, the command line over the file, and one clear line for a
mistake in a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from command import run
from newsclean.config import FILE_KEYS, find_config_file, read_config_file

#: A glued word, a caption and a chrome line: each of --protect, --skip captions and --skip
#: boilerplate shows in the output.
ARTICLE = (
    "Talks between Vladimir Putinand the envoy ended on Friday.\n"
    "\n"
    "The envoy arrives in Geneva (Reuters/Denis Balibouse)\n"
    "\n"
    "Advertisement\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """project/ with a pyproject.toml for other tools, and the article two folders down."""
    root = tmp_path / "project"
    (root / "news" / "2024").mkdir(parents=True)
    (root / "news" / "2024" / "talks.txt").write_text(ARTICLE)
    (root / "pyproject.toml").write_text('[project]\nname = "site"\n')
    return root


def configure(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def cleaned(project: Path, *args) -> str:
    done = run(*args, project / "news" / "2024" / "talks.txt", cwd=project)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_without_a_config_file(project: Path):
    assert cleaned(project) == "Talks between Vladimir Putin and the envoy ended on Friday.\n"


def test_tool_newsclean_in_the_nearest_pyproject(project: Path):
    configure(project / "pyproject.toml", '[project]\nname = "site"\n\n[tool.newsclean]\nprotect = ["Putinand"]\n')
    assert cleaned(project) == "Talks between Vladimir Putinand the envoy ended on Friday.\n"
    assert find_config_file(project / "news" / "2024") == project / "pyproject.toml"


def test_a_pyproject_without_the_table_is_passed_over(project: Path):
    (project / "news" / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n")
    configure(project / "pyproject.toml", '[tool.newsclean]\nskip = ["boilerplate"]\n')
    assert cleaned(project).endswith("\nAdvertisement\n")


def test_another_tools_broken_pyproject_is_not_ours(project: Path):
    # without the word "newsclean" it cannot configure us: it is not even parsed
    (project / "news" / "pyproject.toml").write_text("[tool.ruff\nline-length = \n")
    configure(project / "pyproject.toml", '[tool.newsclean]\nskip = ["boilerplate"]\n')
    assert cleaned(project).endswith("\nAdvertisement\n")
    # with it, a mistake is reported
    (project / "news" / "pyproject.toml").write_text("[tool.newsclean\nskip = \n")
    done = run(project / "news" / "2024" / "talks.txt", cwd=project)
    assert done.returncode == 2 and "not valid TOML" in done.stderr


def test_newsclean_toml_wins_in_its_folder_and_the_nearest_file_wins(project: Path):
    configure(project / "pyproject.toml", '[tool.newsclean]\nskip = ["boilerplate"]\n')
    configure(project / "newsclean.toml", 'skip = ["captions"]\n')
    assert "(Reuters/Denis Balibouse)" in cleaned(project)
    configure(project / "news" / "newsclean.toml", 'protect = ["Putinand"]\n')
    assert cleaned(project) == "Talks between Vladimir Putinand the envoy ended on Friday.\n", "files do not merge"


def test_the_command_line_replaces_the_files_value(project: Path):
    configure(project / "newsclean.toml", 'skip = ["captions", "boilerplate"]\nprotect = ["Putinand"]\n')
    output = cleaned(project, "--skip", "captions", "--protect", "Kim")
    assert "Advertisement" not in output, "--skip replaced the file's skip"
    assert "Putin and" in output and "(Reuters/Denis Balibouse)" in output, "--protect replaced the file's"


def test_isolated_and_config(project: Path, tmp_path: Path):
    configure(project / "newsclean.toml", 'protect = ["Putinand"]\n')
    assert "Putin and" in cleaned(project, "--isolated")
    other = configure(tmp_path / "strict.toml", 'skip = ["boilerplate"]\n')
    assert cleaned(project, "--config", other).endswith("Advertisement\n"), "--config FILE, and no other"
    assert "Putinand" in cleaned(project, "--config", project / "newsclean.toml")
    done = run("--config", other, "--isolated", project / "news", "--check")
    assert (done.returncode, done.stderr) == (2, "newsclean: error: --config and --isolated: choose one\n")


def test_stdin_looks_above_the_working_folder(project: Path):
    configure(project / "newsclean.toml", 'protect = ["Putinand"]\n')
    done = run(cwd=project / "news", stdin=ARTICLE)
    assert done.stdout == "Talks between Vladimir Putinand the envoy ended on Friday.\n"


def test_folder_options(project: Path, tmp_path: Path):
    news = project / "news"
    (news / "drafts").mkdir()
    (news / "drafts" / "draft.txt").write_text("Rates rose.The bank said so.\n")
    (news / "2024" / "notes.text").write_text("Rates rose.The bank said so.\n")
    configure(project / "newsclean.toml", 'include = ["*.text"]\nexclude = ["drafts"]\njobs = 1\ntemplates = true\n')
    done = run("--check", news, cwd=project)
    assert done.returncode == 1
    assert [line for line in done.stderr.splitlines() if line.startswith("would clean")] == [
        f"would clean {news / '2024' / 'notes.text'}"
    ]
    assert "templates: 0 lines in at least 3 of 1 file" in done.stderr, "templates = true ran the first pass"


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        pytest.param(
            "pyproject.toml",
            '[tool.newsclean]\nprotected = ["Putinand"]\n',
            '[tool.newsclean] unknown key "protected" (did you mean "protect"?)',
            id="misspelt-key",
        ),
        pytest.param(
            "newsclean.toml", 'colour = "red"\n', 'unknown key "colour" (known: skip, only, lang, ', id="unknown-key"
        ),
        pytest.param(
            "newsclean.toml", 'skip = "captions"\n', 'skip: expected a list of strings, got "captions"', id="not-a-list"
        ),
        pytest.param("newsclean.toml", 'only = ["captoins"]\n', 'only: unknown stage "captoins" (choose', id="stage"),
        pytest.param("newsclean.toml", "jobs = 0\n", "jobs: expected a whole number of at least 1, got 0", id="jobs"),
        pytest.param(
            "newsclean.toml", 'templates = "yes"\n', 'templates: expected true or false, got "yes"', id="bool"
        ),
        pytest.param("newsclean.toml", 'lang = ""\n', 'lang: expected a language code such as "en", got ""', id="lang"),
        pytest.param("newsclean.toml", "skip = [\n", "not valid TOML: ", id="toml"),
        pytest.param(
            "newsclean.toml", 'keep = ["(Reuters"]\n', 'keep: "(Reuters" is not a regular expression', id="regex"
        ),
        pytest.param("pyproject.toml", "tool.newsclean = 3\n", "[tool.newsclean] must be a table, got 3", id="table"),
    ],
)
def test_a_mistake_in_a_file_is_one_line_naming_the_file_and_key(project: Path, name: str, text: str, message: str):
    path = configure(project / name, text)
    done = run("--check", project / "news", cwd=project)
    assert done.returncode == 2
    assert done.stderr.startswith(f"newsclean: error: {path}: {message}"), done.stderr
    assert done.stderr.count("\n") == 1 and done.stdout == ""


def test_every_key_is_documented():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    section = readme[readme.index("## Config files") :].split("\n## ")[0]
    assert [key for key in FILE_KEYS if f"\n{key} = " not in section] == [], "the example shows every key"


def test_config_without_the_table(tmp_path: Path):
    path = configure(tmp_path / "pyproject.toml", "[tool.ruff]\n")
    with pytest.raises(ValueError, match=r"\[tool.newsclean\] no such table"):
        read_config_file(path)


def test_boilerplate_and_keep_patterns(project: Path):
    # the site's own chrome goes; a line a built-in rule drops stays when a keep pattern names it
    configure(project / "newsclean.toml", 'boilerplate = ["Talks between .*"]\nkeep = ["(?i)advertisement"]\n')
    out = cleaned(project, "--skip", "captions")
    assert "Talks between" not in out and out.endswith("Advertisement\n")
