"""Quality floors for event coding: ``bench/events.py`` run in-process against ``bench/baseline.json``."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "events-plover"

pytestmark = [
    pytest.mark.gate,
    pytest.mark.slow,
    pytest.mark.skipif(
        not (CORPUS / "PLOVER_GSR_CAMEO.json").is_file(), reason="shared corpus not available"
    ),
]


def _bench():  # noqa: ANN202 - the bench module
    spec = importlib.util.spec_from_file_location("bench_events", REPO / "bench" / "events.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_event_quality_floors() -> None:
    floors = json.loads((REPO / "bench" / "baseline.json").read_text(encoding="utf-8"))["events"]
    figures = _bench().run(CORPUS)
    assert figures["n"] == 322
    low = {k: (figures[k], v) for k, v in floors["min"].items() if figures[k] < v}
    assert not low, f"below the floor (got, floor): {low}"
