"""Rewrite the golden files under ``fixtures/<case>/`` from the current newsclean.

Run ``python tests/regen_fixtures.py`` after an intentional change to the output, then review the
change as a ``git diff`` of ``fixtures/``: every line of it should be a change you meant. The golden
test (``tests/test_golden.py``) uses :func:`outputs` too, but only ever compares.

Each case is a folder with an ``input.txt``; the files written next to it are what the command
prints for it::

    expected.txt   newsclean input.txt
    expected.json  newsclean --format json input.txt
    expected.md    newsclean --format markdown input.txt

``fixtures/clean/*.txt`` are not regenerated: they are articles that must come out unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

#: Golden file name -> the extra command-line arguments that produce it.
OUTPUTS = {
    "expected.txt": [],
    "expected.json": ["--format", "json"],
    "expected.md": ["--format", "markdown"],
}


def case_dirs() -> list[Path]:
    """Every fixture case: a folder under fixtures/ with an input.txt, sorted by name."""
    return sorted(p.parent for p in FIXTURES.glob("*/input.txt"))


def run_cli(args: list[str], stdin: bytes | None = None):
    """Run the newsclean command in-process (Click's CliRunner) and return the Click result."""
    from click.testing import CliRunner

    from newsclean.cli import main

    return CliRunner().invoke(main, args, input=stdin, catch_exceptions=False)


def outputs(case: Path) -> dict[str, bytes]:
    """What the current newsclean prints for ``case/input.txt``, by golden file name."""
    out = {}
    for name, args in OUTPUTS.items():
        result = run_cli([*args, str(case / "input.txt")])
        if result.exit_code != 0:
            raise RuntimeError(f"{case.name}: newsclean {' '.join(args)} exited {result.exit_code}: {result.stderr}")
        out[name] = result.stdout_bytes
    return out


def main() -> int:
    try:
        import newsclean  # noqa: F401
    except ImportError:  # run from a checkout without installing
        sys.path.insert(0, str(ROOT / "src"))
    changed = 0
    for case in case_dirs():
        for name, data in outputs(case).items():
            path = case / name
            if not path.exists() or path.read_bytes() != data:
                path.write_bytes(data)
                changed += 1
                print(f"wrote {path.relative_to(ROOT)}")
    print(f"{changed} file(s) changed" if changed else "all golden files are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
