"""Both engines run the real analyze stage and give the same results as running it in-process."""

from __future__ import annotations

import pytest

from crosswire.engine import LocalEngine, make_engine
from crosswire.model import Report
from crosswire.pipeline import analyze_chunk

REPORTS = [
    Report(
        id=f"r{i}",
        uri=None,
        title=None,
        body=f'Mayor Lena Holt said on Monday that the bridge in Tarvik would reopen in {2026 + i}. "We are ready," she said.',
        published="2026-03-02",
    )
    for i in range(3)
]


def _summary(analyses):
    return [(a.report_id, [q.text for q in a.quotes], [e.name for e in a.entities]) for a in analyses]


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown engine"):
        make_engine("spark")


def test_local_engine_in_process_keeps_order():
    with LocalEngine(1) as engine:
        assert engine.map(lambda xs: [x * 2 for x in xs], [1, 2, 3]) == [2, 4, 6]


@pytest.mark.slow
def test_local_pool_matches_in_process():
    expected = _summary(analyze_chunk(REPORTS))
    with LocalEngine(2) as engine:
        assert _summary(engine.map(analyze_chunk, REPORTS)) == expected


@pytest.mark.slow
def test_ray_engine_matches_in_process():
    pytest.importorskip("ray")
    expected = _summary(analyze_chunk(REPORTS))
    with make_engine("ray", workers=2) as engine:
        engine.chunk_size = 1
        assert _summary(engine.map(analyze_chunk, REPORTS)) == expected
