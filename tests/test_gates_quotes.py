"""Quality gate: quote extraction on PolNeAR dev must not fall below the floors in bench/baseline.json."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / ".." / "shared" / "corpus" / "quotes-polnear" / "dev"

pytestmark = [
    pytest.mark.gate,
    pytest.mark.slow,
    pytest.mark.skipif(not DEV.is_dir(), reason="shared corpus not present"),
]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_quotes", ROOT / "bench" / "quotes.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_quotes"] = module  # dataclasses look their module up while being defined
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_quotes_above_floors() -> None:
    floors = json.loads((ROOT / "bench" / "baseline.json").read_text())["quotes"]
    got = _bench().score("dev")
    low = {k: (got[k], v) for k, v in floors.items() if got[k] < v}
    assert not low, low
