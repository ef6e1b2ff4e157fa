"""Quality floor for story clustering: ``bench/stories.py`` and ``bench/stories_dated.py``, in-process.

ECB+ dev (197 documents, 10 topics, each with two look-alike events) is fed online in file order
and in two shuffled orders; BCubed F1 at event (subtopic) and topic level must stay at or above
the floors in ``bench/baseline.json`` under ``"stories"``. Both ECB+ and AllSides are undated, so
the dated regime every real ingest is in is held by the check half of the PolNeAR season (438
reports with published dates, our story labels): its BCubed precision and F1.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus"

pytestmark = [
    pytest.mark.gate,
    pytest.mark.slow,
    pytest.mark.skipif(not (CORPUS / "stories-ecbplus").is_dir(), reason="shared corpus not available"),
]


def _bench(name: str = "stories"):  # noqa: ANN202 - the bench module
    spec = importlib.util.spec_from_file_location(f"bench_{name}", REPO / "bench" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_story_clustering_floors() -> None:
    floors = json.loads((REPO / "bench" / "baseline.json").read_text(encoding="utf-8"))["stories"]["min"]
    scores = _bench().ecb_dev_scores(shuffles=2)
    figures = {
        "ecb_dev_event_f1": scores["event"]["F1"],
        "ecb_dev_topic_f1": scores["topic"]["F1"],
        "ecb_dev_topic_precision": scores["topic"]["P"],
    }
    low = {k: (figures[k], v) for k, v in floors.items() if k in figures and figures[k] < v}
    assert not low, f"below the floor (got, floor): {low}"


@pytest.mark.skipif(not (CORPUS / "quotes-polnear").is_dir(), reason="shared corpus not available")
def test_dated_story_clustering_floors() -> None:
    floors = json.loads((REPO / "bench" / "baseline.json").read_text(encoding="utf-8"))["stories"]["min"]
    check = _bench("stories_dated").scores(parts=("check",), shuffles=2)["check"]
    figures = {"polnear_check_f1": check["F1"], "polnear_check_precision": check["P"]}
    low = {k: (figures[k], v) for k, v in floors.items() if k in figures and figures[k] < v}
    assert not low, f"below the floor (got, floor): {low}"
