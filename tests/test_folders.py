"""Folder mode through the installed command (several inputs, --out-dir, --write, -j, bad files),
and the site templates of --templates: the counting, the stage, and the two passes end to end."""

from __future__ import annotations

import json
import os
import random
import shutil
from pathlib import Path

import pytest

import newsclean
from command import run
from newsclean import Config, ConfigError
from newsclean.templates import MIN_LETTERS, find_templates, is_candidate, line_key, needed_documents, select_templates

#: The footer every article of the made-up site carries; one copy has lost a space at a tag.
FOOTER = "The Harbour Herald is published by Coastline Media Group"
GLUED_FOOTER = "TheHarbour Herald is published by Coastline Media Group"
STORIES = [
    ("Ferry fares rise in spring", "The ferry company said on Tuesday that fares would rise by a tenth in April."),
    ("Council approves new pier", "Councillors voted on Monday to build a second pier north of the old market."),
    ("Fishing fleet returns early", "Storms kept the fleet in port for most of the week, the harbour master said."),
    ("Lighthouse to reopen", "The lighthouse will open to visitors again in June after two years of repairs."),
    ("School wins sailing cup", "Pupils from the harbour school won the regional sailing cup on Saturday."),
]


def article(n: int, footer: str = FOOTER) -> str:
    title, body = STORIES[n]
    return f"{title}\n\n{body}\n\n{footer}\n"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """news/ with five articles of one site in two folders, a Markdown file, and a file not included."""
    root = tmp_path / "news"
    (root / "2024" / "may").mkdir(parents=True)
    (root / "2024" / "june").mkdir()
    for n in range(4):
        folder = "may" if n < 2 else "june"
        (root / "2024" / folder / f"story{n}.txt").write_text(article(n, GLUED_FOOTER if n == 3 else FOOTER))
    (root / "story4.md").write_text(article(4))
    (root / "notes.csv").write_text("id,title\n1,ferry\n")
    return root


def files_under(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# Paths and outputs.


def test_out_dir_mirrors_the_tree(site: Path, tmp_path: Path):
    before = files_under(site)
    out = tmp_path / "out"
    done = run(site, "--out-dir", out)
    assert done.returncode == 0, done.stderr
    assert sorted(files_under(out)) == [
        "2024/june/story2.txt",
        "2024/june/story3.txt",
        *(["2024/may/story0.txt", "2024/may/story1.txt", "story4.md"]),
    ]
    single = run(site / "2024" / "may" / "story0.txt")
    assert (out / "2024" / "may" / "story0.txt").read_text() == single.stdout, "the same output as one file alone"
    assert files_under(site) == before, "the inputs are never touched without --write"
    umask = os.umask(0)
    os.umask(umask)
    assert (out / "story4.md").stat().st_mode & 0o777 == 0o666 & ~umask, "a new output has the usual mode"
    assert done.stderr.startswith("newsclean: 5 files, "), done.stderr


def test_include_and_exclude(site: Path, tmp_path: Path):
    out = tmp_path / "out"
    done = run(site, "--out-dir", out, "--include", "*.txt", "--include", "*.csv", "--exclude", "june", "-q")
    assert done.returncode == 0, done.stderr
    assert sorted(files_under(out)) == ["2024/may/story0.txt", "2024/may/story1.txt", "notes.csv"]
    assert done.stderr == "", "-q prints no summary"


def test_write_rewrites_only_changed_files_and_keeps_their_mode(tmp_path: Path):
    dirty = tmp_path / "dirty.txt"
    dirty.write_text("Ferry fares rise\n\nThe ferry company said on Tuesday fares would rise.Buses will not.\n")
    os.chmod(dirty, 0o640)
    clean = tmp_path / "clean.txt"
    clean.write_text("The council met on Monday.\n")
    stamp = clean.stat()
    done = run("--write", dirty, clean)
    assert done.returncode == 0, done.stderr
    assert "rise. Buses" in dirty.read_text()
    assert dirty.stat().st_mode & 0o777 == 0o640
    assert (clean.stat().st_ino, clean.stat().st_mtime_ns) == (stamp.st_ino, stamp.st_mtime_ns), "left alone"
    assert "2 files, 1 changed, 1 written, 0 failed" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean.txt", "dirty.txt"], "no temporary file is left"


def test_write_through_a_symlink_rewrites_its_target(tmp_path: Path):
    target = tmp_path / "real.txt"
    target.write_text("Rates rose.The bank said so.\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target.name)
    assert run("-w", link).returncode == 0
    assert link.is_symlink()
    assert target.read_text() == "Rates rose. The bank said so.\n"


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["{a}", "{b}"], id="two-files"),
        pytest.param(["{dir}"], id="a-folder"),
        pytest.param(["-o", "{out}", "{a}", "{b}"], id="output-file-with-two"),
        pytest.param(["--out-dir", "{out}", "--write", "{a}", "{b}"], id="out-dir-and-write"),
        pytest.param(["--out-dir", "{out}", "-"], id="stdin-to-out-dir"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(tmp_path: Path, args: list[str]):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(article(0))
    b.write_text(article(1))
    values = {"a": a, "b": b, "dir": tmp_path, "out": tmp_path / "out"}
    done = run(*(arg.format(**values) for arg in args))
    assert done.returncode == 2
    assert done.stderr.startswith("newsclean: error: ") and done.stderr.count("\n") == 1, done.stderr
    assert done.stdout == ""
    assert not (tmp_path / "out").exists()


def test_check_and_diff_over_a_folder(site: Path, tmp_path: Path):
    check = run("--check", site)
    assert check.returncode == 1
    story3 = site / "2024" / "june" / "story3.txt"
    assert f"would clean {story3}" in check.stderr.splitlines()
    assert check.stdout.splitlines() == [
        f'{story3}:5:1: joins: case change: "The" + "Harbour" ("The" is a function word)'
    ]
    diff = run("--diff", site)
    assert diff.returncode == 1
    assert f"--- {site / '2024' / 'june' / 'story3.txt'}" in diff.stdout.splitlines()
    assert "+The Harbour Herald is published by Coastline Media Group" in diff.stdout.splitlines()

    out = tmp_path / "out"
    assert run(site, "--out-dir", out).returncode == 0
    assert run("--check", out).returncode == 0
    done = run("--diff", out)
    assert (done.returncode, done.stdout) == (0, "")


def test_check_reports_over_a_folder(site: Path, tmp_path: Path):
    (site / "rates.txt").write_text("Rates rose.The bank said so.\nAdvertisement\n")
    (site / "image.txt").write_bytes(b"GIF89a\x00\x01")
    listed = run("--check", "--report", "json", "news", cwd=tmp_path)
    assert listed.returncode == 2, "an input failed: that outranks a change"
    assert [(f["path"], [e["stage"] for e in f["edits"]]) for f in json.loads(listed.stdout)] == [
        ("news/rates.txt", ["joins", "boilerplate"]),  # a folder's files come before its folders'
        ("news/2024/june/story3.txt", ["joins"]),
    ]
    (site / "image.txt").unlink()
    github = run("--check", "--report", "github", site, cwd=tmp_path)
    assert github.returncode == 1
    assert github.stdout.splitlines()[:2] == [
        '::warning file=news/rates.txt,line=1,col=7::joins: missing space after "."',
        "::warning file=news/rates.txt,line=2,col=1::boilerplate: site chrome (a single menu or widget label) "
        "(rule chrome-word)",
    ]
    clean = tmp_path / "clean"
    assert run(site, "--out-dir", clean).returncode == 0
    assert (run("--check", "--report", "json", clean).stdout, run("--check", clean).stdout) == ("[]\n", "")


def test_bad_files_are_reported_and_the_others_cleaned(site: Path, tmp_path: Path):
    (site / "image.txt").write_bytes(b"GIF89a\x00\x01")
    (site / "broken.txt").symlink_to("nowhere.txt")
    (site / "loop.txt").symlink_to("loop.txt")
    (site / "2024" / "up").symlink_to("..")  # a folder loop: not followed
    unreadable = site / "locked.txt"
    unreadable.write_text(article(0))
    unreadable.chmod(0)
    out = tmp_path / "out"
    done = run(site, "--out-dir", out)
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if line.startswith("newsclean: error: ")]
    expected = [
        f"newsclean: error: {site / 'broken.txt'}: broken symbolic link",
        f"newsclean: error: {site / 'image.txt'}: binary file",
        f"newsclean: error: {site / 'loop.txt'}: symbolic link loop",
    ]
    if os.geteuid() != 0:  # root reads any file
        expected.insert(2, f"newsclean: error: {site / 'locked.txt'}: permission denied")
    assert errors == expected
    assert "Traceback" not in done.stderr
    assert len(files_under(out)) == 5 + (os.geteuid() == 0), "every readable article is still cleaned"


def test_missing_argument_is_reported(site: Path, tmp_path: Path):
    done = run("--check", site, tmp_path / "nope.txt")
    assert done.returncode == 2
    assert f"newsclean: error: {tmp_path / 'nope.txt'}: no such file or directory" in done.stderr


def test_output_does_not_depend_on_the_number_of_workers(site: Path, tmp_path: Path):
    for n in range(5, 12):  # enough files for each worker to take several
        (site / f"extra{n}.txt").write_text(article(n % 5).replace("said", f"said {n} times"))
    one, two = tmp_path / "one", tmp_path / "two"
    assert run(site, "--templates", "-j1", "--out-dir", one).returncode == 0
    assert run(site, "--templates", "-j2", "--out-dir", two).returncode == 0
    assert files_under(one) == files_under(two)


# Site templates, end to end.


def test_templates_drop_the_footer_with_its_count(site: Path):
    done = run("--templates", "--explain", site)
    assert done.returncode == 0, done.stderr
    reasons = [line for line in done.stdout.splitlines() if " templates drop-line: " in line]
    assert len(reasons) == 5
    assert all(line.endswith("templates drop-line: repeated in 5 of 5 documents") for line in reasons)
    assert f"{site / '2024' / 'june' / 'story3.txt'}:5:1: templates drop-line" in done.stdout, "the glued copy too"
    assert "templates: 1 line in at least 3 of 5 files" in done.stderr


def test_templates_are_off_by_default_and_can_be_skipped(site: Path, tmp_path: Path):
    for args in ([], ["--templates", "--skip", "templates"]):
        out = tmp_path / "out"
        assert run(site, "--out-dir", out, *args).returncode == 0
        assert FOOTER in (out / "2024" / "may" / "story0.txt").read_text()
        shutil.rmtree(out)


def test_templates_do_not_depend_on_the_order_of_the_files(site: Path, tmp_path: Path):
    paths = sorted(str(p) for p in site.rglob("story*"))
    forward, backward = tmp_path / "forward", tmp_path / "backward"
    assert run("--templates", "--out-dir", forward, *paths).returncode == 0
    assert run("--templates", "--out-dir", backward, *reversed(paths)).returncode == 0
    assert files_under(forward) == files_under(backward)
    assert FOOTER not in (forward / "story0.txt").read_text()


def test_templates_output_is_stable(site: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert run(site, "--templates", "--out-dir", out).returncode == 0
    again = run(out, "--templates", "--check")
    assert again.returncode == 0, again.stderr


# Template counting, in the library.


def test_line_key_ignores_case_and_every_space():
    assert line_key("Followus on Google News") == line_key("FOLLOW US ON  GOOGLE NEWS ") == "followusongooglenews"


def test_short_lines_are_not_candidates():
    assert not is_candidate(line_key("New York Times"))
    assert is_candidate(line_key(FOOTER))
    assert is_candidate("a" * MIN_LETTERS) and not is_candidate("1" * 40)


def test_a_document_counts_a_line_once():
    templates = select_templates([["footer", "footer", "footer"], ["footer"], ["other"]], min_docs=2)
    assert templates.counts == {"footer": 2}
    assert templates.documents == 3


def test_the_bar_rises_with_the_number_of_documents():
    assert needed_documents(10) == 3
    assert needed_documents(2000) == 15
    assert needed_documents(10, min_docs=5) == 5
    with pytest.raises(ValueError, match="min_docs"):
        select_templates([], min_docs=1)


def test_counting_does_not_depend_on_the_order():
    key_sets = [{"a", "b"}, {"a"}, {"a", "c"}, {"b", "c"}, {"c"}]
    expected = select_templates(key_sets, min_docs=2)
    for seed in range(5):
        shuffled = key_sets[:]
        random.Random(seed).shuffle(shuffled)
        assert select_templates(shuffled, min_docs=2) == expected


def test_find_templates_and_clean_with_them():
    texts = [article(n, GLUED_FOOTER if n == 3 else FOOTER) for n in range(5)]
    templates = find_templates(texts)
    assert templates.counts == {line_key(FOOTER): 5}
    result = newsclean.clean(texts[3], templates=templates)
    assert FOOTER not in result.text and GLUED_FOOTER not in result.text
    assert [(e.stage, e.line, e.reason) for e in result.edits if e.stage == "templates"] == [
        ("templates", 5, "repeated in 5 of 5 documents")
    ]
    assert newsclean.replay(texts[3], result.edits) == result.text
    assert newsclean.clean(texts[3]).text == newsclean.clean(texts[3], templates=find_templates(texts[:2])).text


def test_a_template_split_over_lines_is_dropped_whole():
    templates = select_templates([{line_key(FOOTER)}] * 3)
    text = "Rates rose on Monday.\nThe Harbour Herald is published by\nCoastline Media Group\n"
    result = newsclean.clean(text, templates=templates)
    assert result.text == "Rates rose on Monday.\n"
    assert [e.line for e in result.edits if e.stage == "templates"] == [2, 3]


def test_config_rejects_other_templates():
    with pytest.raises(ConfigError, match="templates"):
        Config(templates={"footer": 3})
