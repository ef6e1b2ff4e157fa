"""Gate: the web bench's quality figures on a small recombined store stay at their floors.

Latency is printed by ``bench/web.py``, never asserted; what is held here is that every request of
the bench is answered and that every brief citation highlights exactly its passage.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.gate


def _bench():
    spec = importlib.util.spec_from_file_location("bench_web", ROOT / "bench" / "web.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_web_quality_floors(tmp_path):
    bench = _bench()
    if not bench.POLNEAR.is_dir():
        pytest.skip("../shared/corpus/quotes-polnear is not beside this checkout")
    floors = json.loads((ROOT / "bench" / "baseline.json").read_text())["web"]["min"]
    result = bench.run(1000, 15, rebuild=True, folder=tmp_path)
    assert result["citations_checked"] > 0
    for key, floor in floors.items():
        assert result[key] >= floor, (key, result[key], floor)
