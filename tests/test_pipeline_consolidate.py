"""The second look that ends an ingest, through the real pipeline: fragments merged in the store too."""

from __future__ import annotations

import functools

import pytest

from crosswire import pipeline as pipeline_module
from crosswire.pipeline import Pipeline
from crosswire.store import Store, queries
from crosswire.stories.consolidate import consolidate

pytestmark = pytest.mark.slow


def test_ingest_ends_by_merging_fragments_and_the_store_follows(tmp_path, monkeypatch):
    from tests.conftest import SEEDS

    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not beside this checkout")
    # a join threshold no report reaches: online, each of the two seed reports starts its own story;
    # the seeds are dated, and a dated fragment's second look needs that same threshold, so the
    # consolidation is given the undated bar here
    monkeypatch.setenv("CROSSWIRE_STORY_THRESHOLD", "1.01")
    monkeypatch.setattr(pipeline_module, "consolidate", functools.partial(consolidate, dated_threshold=0.3))
    db = tmp_path / "c.db"
    with Store.open(db) as store, Pipeline(store) as pipeline:
        summary = pipeline.ingest([str(SEEDS)])
        assert summary.stored == 2
        (story,) = pipeline.stories.stories()  # consolidated: one story
        conn = store.conn
        assert {r[0] for r in conn.execute("SELECT story_id FROM reports")} == {story.id}
        assert [r[0] for r in conn.execute("SELECT id FROM stories")] == [story.id]
        row = queries.story_row(conn, story.id)
        assert row["reports"] == 2 and row["digest"]  # its digest was rewritten over both reports
        for (report_id,) in conn.execute("SELECT id FROM reports"):
            # each report started a story named after it; the merged-away one's id still finds the story
            assert queries.story_row(conn, f"st-{report_id}")["id"] == story.id
