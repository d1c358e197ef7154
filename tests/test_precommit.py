"""The pre-commit hooks of .pre-commit-hooks.yaml, run by the real pre-commit in temporary git
repositories, as a project that adopts them would run them.

pre-commit installs a hook by cloning its repository at a commit and pip-installing it (with its
dependencies, from the package index) into a virtualenv of its own. So the tests commit a snapshot
of this checkout (its tracked and new files, as they are on disk: the hooks under test are the ones
being edited, and a fresh CI clone's ``.venv`` stays out because git ignores it) and point pre-commit
at it. The hook's virtualenv is built once per session, in a shared ``PRE_COMMIT_HOME``; ``try-repo``
builds its own in a temporary store, so it runs once. ``-m "not precommit"`` leaves these tests out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

pytestmark = pytest.mark.precommit

ROOT = Path(__file__).resolve().parent.parent
#: Building the hook's virtualenv downloads newsclean's dependencies: minutes on a slow network.
TIMEOUT = 900

DIRTY = "Ferry fares rise in spring\n\nThe ferry company said on Tuesday fares would rise.Buses will not.\n"
CLEANED = "Ferry fares rise in spring\n\nThe ferry company said on Tuesday fares would rise. Buses will not.\n"
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "newsclean tests",
    "GIT_AUTHOR_EMAIL": "tests@newsclean.invalid",
    "GIT_COMMITTER_NAME": "newsclean tests",
    "GIT_COMMITTER_EMAIL": "tests@newsclean.invalid",
}


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, env={**os.environ, **GIT_IDENTITY}, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


def commit_all(repo: Path) -> str:
    git("add", "-A", cwd=repo)
    git("commit", "-q", "--no-verify", "-m", "snapshot", cwd=repo)
    return git("rev-parse", "HEAD", cwd=repo).strip()


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory) -> Path:
    """One cache for the session, so that the hook's virtualenv is built once."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed (it is in the test extras)")
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="session")
def hook_repo(pre_commit_home: Path, tmp_path_factory) -> tuple[Path, str]:
    """A git repository with this checkout's files as they are on disk, committed; and its commit."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if listed.returncode != 0:
        pytest.skip("the project is not a git checkout")
    repo = tmp_path_factory.mktemp("hook-repo")
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = ROOT / name
        if source.is_file():  # a file deleted but not yet committed is left out
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / name)
    git("init", "-q", cwd=repo)
    return repo, commit_all(repo)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project that keeps its articles in git: one that newsclean would change, one clean."""
    root = tmp_path / "project"
    (root / "news").mkdir(parents=True)
    (root / "news" / "dirty.txt").write_text(DIRTY)
    (root / "news" / "clean.md").write_text("The council met on Monday.\n")
    (root / "setup.py").write_text("x = 1.0\nprint(x)\n")  # not plain text: no hook touches it
    git("init", "-q", cwd=root)
    commit_all(root)
    return root


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, **GIT_IDENTITY, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def adopt(project: Path, hook_repo: tuple[Path, str], hook: str) -> None:
    """What the README asks a project to paste into its .pre-commit-config.yaml, committed."""
    repo, rev = hook_repo
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n      - id: {hook}\n"
    )
    commit_all(project)


def test_fix_hook_cleans_the_file_then_passes(project: Path, hook_repo, pre_commit_home: Path):
    adopt(project, hook_repo, "newsclean")
    first = pre_commit("run", "--all-files", cwd=project, home=pre_commit_home)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert (project / "news" / "dirty.txt").read_text() == CLEANED
    assert (project / "setup.py").read_text() == "x = 1.0\nprint(x)\n"
    second = pre_commit("run", "--all-files", cwd=project, home=pre_commit_home)
    assert second.returncode == 0, second.stdout + second.stderr


def test_check_hook_fails_and_changes_nothing(project: Path, hook_repo, pre_commit_home: Path):
    adopt(project, hook_repo, "newsclean-check")
    done = pre_commit("run", "--all-files", cwd=project, home=pre_commit_home)
    assert done.returncode == 1, done.stdout + done.stderr
    assert (project / "news" / "dirty.txt").read_text() == DIRTY
    assert "would clean news/dirty.txt" in done.stdout
    assert git("status", "--porcelain", cwd=project) == ""


def test_try_repo(project: Path, hook_repo, pre_commit_home: Path):
    """``pre-commit try-repo``, the way to try the hooks before adopting them (its own virtualenv)."""
    repo, _ = hook_repo
    first = pre_commit("try-repo", str(repo), "newsclean", "--all-files", cwd=project, home=pre_commit_home)
    assert first.returncode == 1, first.stdout + first.stderr
    assert (project / "news" / "dirty.txt").read_text() == CLEANED
    second = pre_commit(
        "try-repo", str(repo), "newsclean", "--files", "news/dirty.txt", cwd=project, home=pre_commit_home
    )
    assert second.returncode == 0, second.stdout + second.stderr
