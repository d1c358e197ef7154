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
CONTAINER_KEPT_FLOOR = 0.996  # container.joined, ALL_full_gold: article lines that survive (0.9960; issue 2: 0.99)
CONTAINER_F1_FLOOR = 0.942  # container.joined, ALL_full_gold: bag-of-words F1 (0.9423; no cleaning: 0.925)
# (0.3305; 0.2592 before the fragments stage: a chrome line joined into a paragraph is no longer a
# line of its own, which the scorer counts as removed, though its words stay)
CONTAINER_REMOVED_FLOOR = 0.330  # container.joined, ALL_full_gold: non-article lines removed
PAGE_F1_FLOOR = 0.688  # page (a whole <body>), ALL_full_gold: bag-of-words F1 (0.6883; issue 4: 0.80)
PAGE_KEPT_FLOOR = 0.993  # page, ALL_full_gold: article lines kept (0.9935; issue 4: 0.95)
SPLIT_KEPT_FLOOR = 0.995  # container (a line per inline tag), ALL_full_gold: article lines kept (0.9953; issue 4: 0.99)

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


def test_joined_split_precision(report):
    m = _metrics(report, "joined", "ALL")
    assert m["split_precision"] >= JOINED_PRECISION_FLOOR, (
        f"joined split_precision {m['split_precision']} < floor {JOINED_PRECISION_FLOOR} "
        f"(tp {m['tp']}, fp {m['fp']}, fn {m['fn']}, recall {m['split_recall']})"
    )


def test_joined_split_recall(report):
    m = _metrics(report, "joined", "ALL")
    assert m["split_recall"] >= JOINED_RECALL_FLOOR, (
        f"joined split_recall {m['split_recall']} < floor {JOINED_RECALL_FLOOR} (precision {m['split_precision']})"
    )


def test_joined_damage(report):
    m = _metrics(report, "joined", "ALL")
    assert m["damaged_words_per_10k"] <= JOINED_DAMAGE_CEILING, (
        f"joined damaged_words_per_10k {m['damaged_words_per_10k']} > ceiling {JOINED_DAMAGE_CEILING}"
    )


def test_container_bow_f1(report):
    m = _metrics(report, "container.joined", "ALL_full_gold")
    assert m["bow_f1"] >= CONTAINER_F1_FLOOR, f"container.joined bow_f1 {m['bow_f1']} < floor {CONTAINER_F1_FLOOR}"


def test_container_nongold_lines_removed(report):
    m = _metrics(report, "container.joined", "ALL_full_gold")
    assert m["nongold_lines_removed"] >= CONTAINER_REMOVED_FLOOR, (
        f"container.joined nongold_lines_removed {m['nongold_lines_removed']} < floor {CONTAINER_REMOVED_FLOOR}"
    )


def test_container_gold_lines_kept(report):
    m = _metrics(report, "container.joined", "ALL_full_gold")
    assert m["gold_in_lines_kept"] >= CONTAINER_KEPT_FLOOR, (
        f"container.joined gold_in_lines_kept {m['gold_in_lines_kept']} < floor {CONTAINER_KEPT_FLOOR} "
        f"(nongold_lines_removed {m['nongold_lines_removed']}, bow_f1 {m['bow_f1']})"
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


def test_container_lines_kept_with_fragments_joined(report):
    m = _metrics(report, "container", "ALL_full_gold")
    assert m["gold_in_lines_kept"] >= SPLIT_KEPT_FLOOR, (
        f"container gold_in_lines_kept {m['gold_in_lines_kept']} < floor {SPLIT_KEPT_FLOOR}"
    )


def test_page_bow_f1_and_lines_kept(report):
    m = _metrics(report, "page", "ALL_full_gold")
    assert m["bow_f1"] >= PAGE_F1_FLOOR, f"page bow_f1 {m['bow_f1']} < floor {PAGE_F1_FLOOR}"
    assert m["gold_in_lines_kept"] >= PAGE_KEPT_FLOOR, (
        f"page gold_in_lines_kept {m['gold_in_lines_kept']} < floor {PAGE_KEPT_FLOOR}"
    )
