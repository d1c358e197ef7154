"""The installed ``newsclean`` command, run as a user runs it: the tests that drive it share this."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest


def installed_command() -> list[str]:
    """The ``newsclean`` script beside this Python (or on PATH); ``python -m newsclean`` if there is
    none; a skip if newsclean is not installed at all."""
    for candidate in (Path(sys.executable).with_name("newsclean"), shutil.which("newsclean")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return [str(candidate)]
    if find_spec("newsclean") is not None:
        return [sys.executable, "-m", "newsclean"]
    pytest.skip("newsclean is not installed")


def run(*args, cwd: Path | None = None, stdin: str | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    """Run the installed command with ``args``; its output as text, never raising on an exit code."""
    return subprocess.run(
        [*installed_command(), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        input=stdin,
        check=False,
    )
