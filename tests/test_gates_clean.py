"""Quality floors for the clean stage: ``bench/clean.py`` run in-process against ``bench/baseline.json``."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"

pytestmark = [
    pytest.mark.gate,
    pytest.mark.skipif(not (CORPUS / "quotes-polnear").is_dir(), reason="shared corpus not available"),
]


def _bench():  # noqa: ANN202 - the bench module
    spec = importlib.util.spec_from_file_location("bench_clean", REPO / "bench" / "clean.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_clean_quality_floors() -> None:
    floors = json.loads((REPO / "bench" / "baseline.json").read_text(encoding="utf-8"))["clean"]
    figures = _bench().run()
    low = {k: (figures[k], v) for k, v in floors["min"].items() if figures[k] < v}
    high = {k: (figures[k], v) for k, v in floors["max"].items() if figures[k] > v}
    assert not low, f"below the floor (got, floor): {low}"
    assert not high, f"above the ceiling (got, ceiling): {high}"
