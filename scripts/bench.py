"""Score newsclean on the team's dev set (../shared/bench) and print a compact table.

    make bench
    python scripts/bench.py --limit 20 --variants joined --json bench-out/bench.json

It runs the team's scorer in-process (``score.evaluate``) on ``newsclean.clean_text`` and adds the
checks the scorer does not make: how many inputs made ``clean_text`` raise, whether cleaning the
output again changes it (idempotence, over every scored input), and one speed table (issue 6):

- throughput in MB/s against ftfy's ``fix_text``, the named baseline (and jusText, when it is
  installed), timed in this process over the same ``container.joined`` inputs;
- cold start: ``newsclean small.txt`` against ``python -c "import click, ftfy, regex"``, each in a
  fresh process, best and median of several runs;
- cores: ``newsclean DIR -o OUT --jobs 1`` against ``--jobs 2`` on 300 dev inputs copied to a
  temporary folder, run in turns; the ratio of the best times, and the range of the ratios of
  each pair (the machine may be shared: the pairs show how much the figure moves).

tests/test_bench.py imports this module, so the floors are checked on the same numbers.

With ``--templates`` each variant is cleaned as one folder with the site templates of
``newsclean --templates``: the templates are found over all the dev inputs of that variant (as
``newsclean --templates DEV --include '*.<variant>.txt'`` would), then every input is cleaned with
them. The dev set mixes 1,058 sites, so this shows what the rule costs in article lines more than
what it gains on one site's folder.

Without ../shared/bench/score.py (a clone on its own) it says so and exits 0.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import html
import json
import multiprocessing
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT.parent / "shared" / "bench"
DEV_DIR = BENCH_DIR / "dev"

VARIANTS = ("joined", "container.joined", "container", "page")
JOBS = 2
#: The variant whose inputs are timed: the closest to what users feed newsclean.
SPEED_VARIANT = "container.joined"
#: How many unstable ids to list.
SHOW_IDS = 5
#: Runs of each command for the cold start; the best shows the machine's floor, the median its noise.
COLD_RUNS = 7
#: The input of the cold start: one small article.
SMALL_INPUT = ROOT / "fixtures" / "seed-like" / "input.txt"
#: Dev inputs in the folder that --jobs 1 and --jobs 2 clean (issue 6: "a folder of 300 articles").
SCALING_FILES = 300
#: Pairs of runs (--jobs 1, then --jobs 2) of the scaling.
SCALING_RUNS = 3

JOINED_COLUMNS = ("split_precision", "split_recall", "split_f1", "tp", "fp", "fn", "damaged_words_per_10k")
FULL_COLUMNS = (
    "bow_precision",
    "bow_recall",
    "bow_f1",
    "gold_in_lines_kept",
    "nongold_lines_removed",
    "headline_lines_out_avg",
)
SNIPPET_COLUMNS = ("with_kept", "without_removed")
SHORT_NAMES = {
    "split_precision": "P",
    "split_recall": "R",
    "split_f1": "F1",
    "damaged_words_per_10k": "dmg/10k",
    "bow_precision": "bowP",
    "bow_recall": "bowR",
    "bow_f1": "bowF1",
    "gold_in_lines_kept": "kept",
    "nongold_lines_removed": "nongold_rm",
    "headline_lines_out_avg": "hl_out",
    "with_kept": "with_kept",
    "without_removed": "without_rm",
}


def bench_available(bench_dir: Path = BENCH_DIR) -> bool:
    return (bench_dir / "score.py").is_file() and (bench_dir / "dev" / "manifest.json").is_file()


def load_evaluate(bench_dir: Path = BENCH_DIR):
    """The scorer's ``evaluate``, imported by path: the bench folder is not a package."""
    if str(bench_dir) not in sys.path:
        sys.path.insert(0, str(bench_dir))
    from score import evaluate

    return evaluate


def variant_templates(variants, jobs: int = JOBS) -> dict:
    """For each variant, the templates of all its dev inputs cleaned together (the first pass)."""
    from newsclean.batch import LocalRunner, find_file_templates
    from newsclean.config import Config
    from newsclean.templates import MIN_DOCS

    found = {}
    for variant in variants:
        paths = sorted(str(p) for p in DEV_DIR.glob(f"*.{variant}.txt"))
        found[variant], _ = find_file_templates(paths, Config(), MIN_DOCS, LocalRunner(jobs))
    return found


def with_templates(templates_by_variant: dict):
    """A scorer callable that cleans each input with its variant's templates (the scorer passes
    ``variant`` to a callable that names it; its forked workers inherit the closure)."""
    import newsclean
    from newsclean.config import Config

    def clean_with_templates(text: str, variant: str) -> str:
        return newsclean.clean_text(text, Config(templates=templates_by_variant.get(variant)))

    return clean_with_templates


def score(
    variants=VARIANTS, limit: int = 0, jobs: int = JOBS, save_dir: Path | None = None, templates: dict | None = None
) -> dict:
    """Run the scorer on ``newsclean.clean_text`` (with ``templates``: per variant, see
    :func:`with_templates`); outputs go to ``save_dir`` as ``<id>.<variant>.out.txt``."""
    import newsclean

    evaluate = load_evaluate()
    system = newsclean.clean_text if templates is None else with_templates(templates)
    return evaluate(
        str(DEV_DIR),
        system,
        variants=list(variants),
        limit=limit,
        jobs=jobs,
        save_dir=str(save_dir) if save_dir else None,
        name="newsclean.clean_text" + (" --templates" if templates is not None else ""),
    )


def _read(path: Path) -> str:
    # newline="" keeps a stray "\r" as it is, so that what is compared is exactly what was written
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def _unstable(path: Path) -> str | None:
    """The output file's name if cleaning it again changes it."""
    import newsclean

    once = _read(path)
    try:
        twice = newsclean.clean_text(once)
    except Exception:
        return path.name
    return path.name if twice != once else None


def check_idempotence(save_dir: Path, jobs: int = JOBS) -> dict:
    """Clean every saved output again: ``clean_text(clean_text(x)) == clean_text(x)`` for each input."""
    paths = sorted(Path(save_dir).glob("*.out.txt"))
    if jobs > 1:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            names = pool.map(_unstable, paths, chunksize=8)
    else:
        names = [_unstable(p) for p in paths]
    unstable = [n.removesuffix(".out.txt") for n in names if n]
    return {"files": len(paths), "unstable": len(unstable), "unstable_ids": unstable}


def measure_speed(save_dir: Path) -> dict:
    """MB/s of newsclean.clean_text and ftfy.fix_text over the scored container.joined inputs, one process.

    Both are warmed up first (newsclean loads its word lists once), so one-off loading is not timed.
    The joins stage is also timed on its own, inside the pipeline: cold (it decides each distinct
    token once and remembers it; it starts with empty memories) and warm (a second pass over the
    same texts, as on a corpus large enough that its tokens repeat).
    """
    import ftfy

    import newsclean
    from newsclean import pipeline
    from newsclean.stages import joins

    ids = sorted(p.name.removesuffix(f".{SPEED_VARIANT}.out.txt") for p in save_dir.glob(f"*.{SPEED_VARIANT}.out.txt"))
    texts = [_read(DEV_DIR / f"{i}.{SPEED_VARIANT}.txt") for i in ids]
    if not texts:
        return {}
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    joins_seconds = {"joins stage, cold": 0.0, "joins stage, warm": 0.0}

    def timed_stage(stage, key):
        def run(doc, ctx):
            t0 = time.perf_counter()
            edits = list(stage(doc, ctx))
            joins_seconds[key] += time.perf_counter() - t0
            return edits

        return run

    def clean_all(fn) -> float:
        t0 = time.perf_counter()
        for text in texts:
            with contextlib.suppress(Exception):  # the scorer counts errors
                fn(text)
        return time.perf_counter() - t0

    ftfy.fix_text(texts[0])
    newsclean.clean_text(texts[0])
    seconds = {"ftfy.fix_text": clean_all(ftfy.fix_text)}
    justext = justext_cleaner()
    if justext is not None:
        justext(texts[0])
        seconds["jusText"] = clean_all(justext)
    stages = pipeline.STAGES
    try:
        for key in joins_seconds:
            pipeline.STAGES = tuple((n, timed_stage(f, key) if n == joins.STAGE else f) for n, f in stages)
            if key.endswith("cold"):
                joins._cached_segmenter.cache_clear()
                seconds["newsclean.clean_text"] = clean_all(newsclean.clean_text)
            else:
                clean_all(newsclean.clean_text)
    finally:
        pipeline.STAGES = stages
    seconds.update(joins_seconds)
    rate = {name: megabytes / s for name, s in seconds.items()}
    return {
        "variant": SPEED_VARIANT,
        "files": len(texts),
        "megabytes": round(megabytes, 3),
        "seconds": {k: round(v, 2) for k, v in seconds.items()},
        "mb_per_s": {k: round(v, 3) for k, v in rate.items()},
        "ratio_vs_ftfy": round(rate["newsclean.clean_text"] / rate["ftfy.fix_text"], 3),
        "joins_ratio_vs_ftfy": round(rate["joins stage, cold"] / rate["ftfy.fix_text"], 3),
        "joins_warm_ratio_vs_ftfy": round(rate["joins stage, warm"] / rate["ftfy.fix_text"], 3),
    }


def justext_cleaner():
    """jusText's boilerplate removal as a text -> text function, or None if it is not installed.

    jusText reads HTML: each line becomes a ``<p>`` (escaped), as the paragraphs of the page it came
    from were, and the paragraphs it keeps are joined again. The wrapping is part of what is timed;
    it is a small share of it.
    """
    try:
        import justext
    except ImportError:
        return None
    stoplist = justext.get_stoplist("English")

    def clean(text: str) -> str:
        page = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
        paragraphs = justext.justext(f"<html><body>{page}</body></html>".encode(), stoplist, encoding="utf-8")
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return clean


def newsclean_command() -> list[str]:
    """The installed ``newsclean`` script beside this Python, else ``python -m newsclean``."""
    script = Path(sys.executable).with_name("newsclean")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "newsclean"]


def _seconds(command: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def measure_cold_start(runs: int = COLD_RUNS) -> dict:
    """Milliseconds from start to exit of ``newsclean small.txt`` and of the bare imports of its
    dependencies (issue 6: within 1.6x), each in a fresh process, in turns, after one untimed run
    of each (which fills the disk cache and any cache newsclean keeps).

    newsclean's modules are byte-compiled first, as pip compiles a package it installs: click, ftfy
    and regex were, and where ``PYTHONDONTWRITEBYTECODE`` is set (this machine sets it) an editable
    install would otherwise compile newsclean's sources again at every start (about 40 ms)."""
    import newsclean

    compileall.compile_dir(Path(newsclean.__file__).parent, quiet=1)
    commands = {
        "newsclean small.txt": [*newsclean_command(), str(SMALL_INPUT)],
        "import click, ftfy, regex": [sys.executable, "-c", "import click, ftfy, regex"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for command in commands.values():
        _seconds(command)
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(_seconds(command) * 1000)
    best = {name: min(t) for name, t in times.items()}
    return {
        "runs": runs,
        "best_ms": {name: round(t) for name, t in best.items()},
        "median_ms": {name: round(statistics.median(t)) for name, t in times.items()},
        "ratio_best": round(best["newsclean small.txt"] / best["import click, ftfy, regex"], 2),
    }


def measure_jobs(files: int = SCALING_FILES, runs: int = SCALING_RUNS) -> dict:
    """Seconds of ``newsclean DIR -o OUT -q --jobs N`` for N = 1 and 2 on the first ``files`` dev
    inputs of SPEED_VARIANT, copied to a temporary folder, in ``runs`` pairs (issue 6: --jobs 2 at
    1.6x the speed of --jobs 1 or better)."""
    paths = sorted(DEV_DIR.glob(f"*.{SPEED_VARIANT}.txt"))[:files]
    if not paths:
        return {}
    times: dict[str, list[float]] = {"1": [], "2": []}
    with tempfile.TemporaryDirectory(prefix="newsclean-jobs-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for path in paths:
            shutil.copy(path, folder)
        out = Path(tmp) / "out"
        for _ in range(runs):
            for jobs in times:
                shutil.rmtree(out, ignore_errors=True)
                times[jobs].append(_seconds([*newsclean_command(), str(folder), "-o", f"{out}/", "-q", "-j", jobs]))
    ratios = [one / two for one, two in zip(times["1"], times["2"])]
    return {
        "files": len(paths),
        "megabytes": round(sum(p.stat().st_size for p in paths) / 1e6, 3),
        "seconds": {jobs: [round(t, 2) for t in ts] for jobs, ts in times.items()},
        "best_seconds": {jobs: round(min(ts), 2) for jobs, ts in times.items()},
        "ratio_best": round(min(times["1"]) / min(times["2"]), 2),
        "ratio_range": [round(min(ratios), 2), round(max(ratios), 2)],
    }


def run(
    variants=VARIANTS,
    limit: int = 0,
    jobs: int = JOBS,
    templates: bool = False,
    cold_runs: int = COLD_RUNS,
    scaling_files: int = SCALING_FILES,
) -> dict:
    """Score, then check idempotence and speed on the same outputs; everything as one dict.

    With ``templates``, the idempotence check still cleans each output alone (without templates),
    and the speed is that of single documents.
    """
    with tempfile.TemporaryDirectory(prefix="newsclean-bench-") as tmp:
        out_dir = Path(tmp)
        t0 = time.time()
        found = variant_templates(variants, jobs) if templates else None
        scores = score(variants, limit=limit, jobs=jobs, save_dir=out_dir, templates=found)
        if found is not None:
            scores["templates"] = {
                v: {"lines": len(t.counts), "needed": t.needed, "documents": t.documents} for v, t in found.items()
            }
        t1 = time.time()
        idempotence = check_idempotence(out_dir, jobs=jobs)
        t2 = time.time()
        speed = measure_speed(out_dir)
    cold_start = measure_cold_start(cold_runs) if cold_runs else {}
    scaling = measure_jobs(scaling_files) if scaling_files else {}
    t3 = time.time()
    return {
        "scores": scores,
        "errors": scores["errors"],
        "error_examples": scores["error_examples"],
        "idempotence": idempotence,
        "speed": speed,
        "cold_start": cold_start,
        "jobs": scaling,
        "wall_seconds": {"score": round(t1 - t0, 1), "idempotence": round(t2 - t1, 1), "speed": round(t3 - t2, 1)},
    }


def _cell(value, column: str = "") -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}" if column == "damaged_words_per_10k" else f"{value:.4f}"
    return str(value)


def _table(rows: list[tuple[str, dict]], columns: tuple[str, ...]) -> list[str]:
    header = ["source", "docs", *(SHORT_NAMES.get(c, c) for c in columns)]
    body = [[src, _cell(m.get("docs")), *(_cell(m.get(c), c) for c in columns)] for src, m in rows]
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    fmt = "  ".join(f"{{:{'<' if i == 0 else '>'}{w}}}" for i, w in enumerate(widths))
    return [fmt.format(*r) for r in [header, *body]]


def _source_order(name: str) -> tuple:
    return (not name.startswith("ALL"), name)


def format_report(report: dict) -> str:
    lines = []
    templates = report["scores"].get("templates", {})
    for variant, vres in report["scores"]["variants"].items():
        by_source = vres["by_source"]
        lines.append(f"== {variant}  ({vres['docs']} docs, {vres['wall_seconds']} s wall)")
        if variant in templates:
            t = templates[variant]
            lines.append(f"templates: {t['lines']} lines in at least {t['needed']} of {t['documents']} inputs")
        names = sorted(by_source, key=_source_order)
        if variant == "joined":
            lines += _table([(s, by_source[s]) for s in names], JOINED_COLUMNS)
        else:
            full = [(s, by_source[s]) for s in names if not s.endswith("_snippets") and by_source[s]]
            snips = [(s, by_source[s]) for s in names if s.endswith("_snippets") and by_source[s]]
            lines += _table(full, FULL_COLUMNS)
            if snips:
                lines += _table(snips, SNIPPET_COLUMNS)
        lines.append("")
    lines.append(f"errors: {report['errors']}")
    for example in report["error_examples"]:
        lines.append(f"  {example['variant']}: {example['error']}")
    idem = report["idempotence"]
    shown = ", ".join(idem["unstable_ids"][:SHOW_IDS])
    idem_line = f"idempotence: {idem['unstable']} of {idem['files']} outputs change when cleaned again"
    lines.append(idem_line + (f" ({shown})" if shown else ""))
    lines += ["", *speed_table(report)]
    wall = report["wall_seconds"]
    lines.append(f"wall time: score {wall['score']} s, idempotence {wall['idempotence']} s, speed {wall['speed']} s")
    return "\n".join(lines)


def speed_table(report: dict) -> list[str]:
    """The speed, cold start and jobs scaling of the report as one table: what, its figure, and the
    comparison with issue 6's target."""
    rows: list[tuple[str, str, str]] = []
    speed, cold, scaling = report["speed"], report.get("cold_start"), report.get("jobs")
    if speed:
        rate = speed["mb_per_s"]
        ftfy = rate["ftfy.fix_text"]

        def vs_ftfy(name: str) -> str:
            return f"{rate[name] / ftfy:.2f}x ftfy"

        where = f"{speed['files']} {speed['variant']} inputs, {speed['megabytes']} MB, one process"
        rows.append((f"MB/s ({where})", "", ""))
        rate_note = vs_ftfy("newsclean.clean_text") + " (target >= 2x)"
        rows.append(("  newsclean.clean_text", f"{rate['newsclean.clean_text']:.2f}", rate_note))
        rows.append(("  ftfy.fix_text", f"{ftfy:.2f}", ""))
        jus = (
            ("  jusText", f"{rate['jusText']:.2f}", vs_ftfy("jusText"))
            if "jusText" in rate
            else ("  jusText", "-", "not installed")
        )
        rows.append(jus)
        for name in ("joins stage, cold", "joins stage, warm"):
            rows.append((f"  {name}", f"{rate[name]:.2f}", vs_ftfy(name)))
    if cold:
        best, median = cold["best_ms"], cold["median_ms"]
        rows.append((f"cold start, ms (best of {cold['runs']}; median; newsclean byte-compiled)", "", ""))
        ratio = f"; {cold['ratio_best']:.2f}x the imports (target <= 1.6x)"
        for name in best:
            note = f"median {median[name]}" + (ratio if name == "newsclean small.txt" else "")
            rows.append((f"  {name}", str(best[name]), note))
    if scaling:
        best, (low, high) = scaling["best_seconds"], scaling["ratio_range"]
        rows.append((f"cores, s ({scaling['files']} inputs, best of {len(scaling['seconds']['1'])})", "", ""))
        rows.append(("  --jobs 1", f"{best['1']:.2f}", ""))
        note = f"{scaling['ratio_best']:.2f}x --jobs 1 (each pair {low:.2f}-{high:.2f}; target >= 1.6x)"
        rows.append(("  --jobs 2", f"{best['2']:.2f}", note))
    if not rows:
        return []
    # a row without a value heads the rows under it, and does not set the width of the columns
    width = max(len(name) for name, value, _ in rows if value)
    value_width = max(len(value) for _, value, _ in rows)
    return [
        f"{name:<{width}}  {value:>{value_width}}  {note}".rstrip() if value else name for name, value, note in rows
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score newsclean on ../shared/bench/dev.")
    parser.add_argument("--json", metavar="FILE", help="also write the whole report here")
    parser.add_argument("--limit", type=int, default=0, metavar="N", help="articles per source (default: all)")
    parser.add_argument("--variants", default=",".join(VARIANTS), help="comma list (default: %(default)s)")
    parser.add_argument("--jobs", type=int, default=JOBS, help="worker processes (default: %(default)s)")
    parser.add_argument(
        "--templates", action="store_true", help="clean each variant's inputs as one folder with --templates"
    )
    parser.add_argument(
        "--cold-runs", type=int, default=COLD_RUNS, metavar="N", help="cold start runs (0: skip; default: %(default)s)"
    )
    parser.add_argument(
        "--scaling-files",
        type=int,
        default=SCALING_FILES,
        metavar="N",
        help="dev inputs for --jobs 1 vs --jobs 2 (0: skip; default: %(default)s)",
    )
    args = parser.parse_args(argv)
    if not bench_available():
        print(f"bench: {BENCH_DIR / 'score.py'} (and its dev set) not found; nothing to score.")
        return 0
    variants = [v for v in args.variants.split(",") if v]
    report = run(
        variants,
        limit=args.limit,
        jobs=args.jobs,
        templates=args.templates,
        cold_runs=args.cold_runs,
        scaling_files=args.scaling_files,
    )
    print(format_report(report))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
