"""Quality floor for HTML main-text extraction: ``bench/extract.py`` run in-process.

The gate scores the first ``limit`` pages of trafilatura's eval set (kept small so it runs in
well under two minutes) and fails when crosswire's F1 drops below its floor, or falls further
behind bare ``trafilatura.extract`` than ``min_f1_vs_trafilatura`` allows.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "extraction-trafilatura"

pytestmark = [
    pytest.mark.gate,
    pytest.mark.skipif(not (CORPUS / "evaldata.json").is_file(), reason="shared corpus not available"),
]


def _bench():  # noqa: ANN202 - the bench module
    spec = importlib.util.spec_from_file_location("bench_extract", REPO / "bench" / "extract.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_extract_quality_floors() -> None:
    floors = json.loads((REPO / "bench" / "baseline.json").read_text(encoding="utf-8"))["extract"]
    scores = _bench().evaluate(limit=floors["limit"], corpus=CORPUS)
    ours, theirs = scores["crosswire"], scores["trafilatura"]
    figures = {"f1": ours.f1, "precision": ours.precision, "recall": ours.recall}
    low = {k: (round(figures[k], 4), v) for k, v in floors["min"].items() if figures[k] < v}
    assert not low, f"below the floor (got, floor): {low}"
    gap = ours.f1 - theirs.f1
    assert gap >= floors["min_f1_vs_trafilatura"], (
        f"crosswire F1 {ours.f1:.4f} vs trafilatura {theirs.f1:.4f}"
    )
