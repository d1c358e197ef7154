"""Quality floors on the full dev set in ../shared/bench, as trafilatura gates its F1 in CI.

The dev set is scored once per run (about two minutes on 2 cores) through scripts/bench.py, the same
code ``make bench`` uses. Without ../shared/bench (a clone on its own) every test here is skipped.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

# These floors may only be lowered on purpose, with the reason in the commit message. Raise them
# when newsclean gets better, so that nobody loses the gain by accident.
# Measured with `make bench` on the dev set when they were set (the targets in brackets).
JOINED_PRECISION_FLOOR = 0.971  # joined, ALL: share of inserted spaces the gold has (0.9716; issue 3: 0.95)
JOINED_RECALL_FLOOR = 0.802  # joined, ALL: share of the lost spaces put back (0.8022; issue 3: 0.80)
JOINED_DAMAGE_CEILING = 6.7  # joined, ALL: gold words intact in the input but not in the output, per 10k (6.69)
# (0.9957; 0.9960 before a container's widgets after its last paragraph went: 4 article lines of
# 16,145 go with them, a "___" rule, a byline and two related-story headlines that dragnet's gold keeps)
CONTAINER_KEPT_FLOOR = 0.995  # container.joined, ALL_full_gold: article lines that survive (issue 2: 0.99)
CONTAINER_F1_FLOOR = 0.945  # container.joined, ALL_full_gold: bag-of-words F1 (0.9454; no cleaning: 0.925)
# (0.4093; 0.4064 before the back links and more tag labels, 0.3951 before a container's widgets
# went, 0.3661 before the chrome patterns of 2026-11-30, 0.3481 before a heading repeated right
# under itself lost its copy, 0.2592 before the fragments stage: a chrome line joined into a
# paragraph is no longer a line of its own, which the scorer counts as removed, though its words stay)
CONTAINER_REMOVED_FLOOR = 0.409  # container.joined, ALL_full_gold: non-article lines removed
PAGE_F1_FLOOR = 0.806  # page (a whole <body>), ALL_full_gold: bag-of-words F1 (0.8064; issue 4: 0.80)
# (0.9763; 0.9764 before "Category:" was a tag label, 0.9769 before a container's widgets went; it
# was 0.9935 before the page tail and comment rules, which drop comment sections that some dragnet
# gold counts as article, and 0.9770 before a heading repeated right under itself lost its copy:
# some gold repeats such a heading too)
PAGE_KEPT_FLOOR = 0.976  # page, ALL_full_gold: article lines kept (issue 4: 0.95)
# (0.9938; 0.9944 before a container's widgets went: a photo essay's caption list and comments that
# dragnet's gold keeps; 0.9953 before the comment rule, for the same reason)
SPLIT_KEPT_FLOOR = 0.993  # container (a line per inline tag), ALL_full_gold: article lines kept (issue 4: 0.99)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BENCH_DIR = SHARED / "bench"


def _load_bench():
    spec = importlib.util.spec_from_file_location("newsclean_bench_script", ROOT / "scripts" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # so that its worker function pickles by name for the process pool
    spec.loader.exec_module(module)
    return module


bench = _load_bench()

pytestmark = [
    pytest.mark.bench,
    pytest.mark.skipif(not bench.bench_available(BENCH_DIR), reason=f"no scorer and dev set in {BENCH_DIR}"),
]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out_dir = tmp_path_factory.mktemp("bench-outputs")
    scores = bench.score(bench.VARIANTS, jobs=bench.JOBS, save_dir=out_dir)
    return {"scores": scores, "idempotence": bench.check_idempotence(out_dir, jobs=bench.JOBS)}


def _metrics(report, variant, source):
    return report["scores"]["variants"][variant]["by_source"][source]


#: (variant, source, metric, floor): each metric must be at least its floor.
FLOORS = [
    ("joined", "ALL", "split_precision", JOINED_PRECISION_FLOOR),
    ("joined", "ALL", "split_recall", JOINED_RECALL_FLOOR),
    ("container.joined", "ALL_full_gold", "bow_f1", CONTAINER_F1_FLOOR),
    ("container.joined", "ALL_full_gold", "nongold_lines_removed", CONTAINER_REMOVED_FLOOR),
    ("container.joined", "ALL_full_gold", "gold_in_lines_kept", CONTAINER_KEPT_FLOOR),
    ("container", "ALL_full_gold", "gold_in_lines_kept", SPLIT_KEPT_FLOOR),
    ("page", "ALL_full_gold", "bow_f1", PAGE_F1_FLOOR),
    ("page", "ALL_full_gold", "gold_in_lines_kept", PAGE_KEPT_FLOOR),
]
#: Shown beside a failing metric, so that a trade-off is visible in the message.
CONTEXT = ("split_precision", "split_recall", "tp", "fp", "fn", "bow_f1", "gold_in_lines_kept", "nongold_lines_removed")


@pytest.mark.parametrize(("variant", "source", "metric", "floor"), FLOORS, ids=[f"{v}-{m}" for v, _, m, _ in FLOORS])
def test_floor(report, variant, source, metric, floor):
    m = _metrics(report, variant, source)
    context = {k: m[k] for k in CONTEXT if k in m and k != metric}
    assert m[metric] >= floor, f"{variant} {source} {metric} {m[metric]} < floor {floor} {context}"


def test_joined_damage(report):
    m = _metrics(report, "joined", "ALL")
    assert m["damaged_words_per_10k"] <= JOINED_DAMAGE_CEILING, (
        f"joined damaged_words_per_10k {m['damaged_words_per_10k']} > ceiling {JOINED_DAMAGE_CEILING}"
    )


def test_no_errors(report):
    scores = report["scores"]
    assert scores["errors"] == 0, f"clean_text raised on {scores['errors']} inputs: {scores['error_examples']}"


def test_idempotent(report):
    idem = report["idempotence"]
    assert idem["files"] > 0, "no outputs were saved"
    assert idem["unstable"] == 0, (
        f"{idem['unstable']} of {idem['files']} outputs change when cleaned again: {idem['unstable_ids'][:10]}"
    )
