"""Quality gate: crosswire's briefs on an AllSides val subset stay at or above the recorded floors.

Runs ``bench/briefs.py`` in-process on the first ``limit`` val stories (the floors in
``bench/baseline.json`` under "briefs" were measured on that subset, with LexRank beside them).
Skips when the shared corpus is absent.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus" / "briefs-allsides"

pytestmark = [pytest.mark.gate, pytest.mark.slow]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_briefs", ROOT / "bench" / "briefs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_briefs_rouge_at_or_above_floor():
    if not (CORPUS / "val.source").is_file():
        pytest.skip("shared corpus not present")
    gate = json.loads((ROOT / "bench" / "baseline.json").read_text())["briefs"]["gate"]
    result = _bench().run("val", limit=gate["limit"])
    ours, lexrank = result["crosswire"], result["lexrank"]
    for metric, floor in gate["floors"].items():
        assert ours[metric] >= floor, f"{metric} {ours[metric]} below floor {floor}"
    for metric in ("rouge1", "rouge2", "rougeL"):
        assert ours[metric] > lexrank[metric], (
            f"{metric}: crosswire {ours[metric]} <= LexRank {lexrank[metric]}"
        )
