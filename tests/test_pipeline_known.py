"""One report found twice is stored once: the same text from the same outlet (or, like it, from
none) is the same report, whatever path it came by; the same text from another outlet is a
syndicated copy, stored and linked to its origin."""

from __future__ import annotations

import json

import pytest

from crosswire.pipeline import Pipeline
from crosswire.store import Store

from .test_pipeline_rejections import GOOD

pytestmark = pytest.mark.slow


def _line(outlet: str, url: str) -> str:
    title, body = GOOD.split("\n\n", 1)
    return json.dumps({"url": url, "title": title, "text": body, "outlet": outlet, "published": "2024-05-07"})


def test_same_bytes_in_two_folders_are_one_report_and_another_outlet_is_a_copy(tmp_path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "ferry.txt").write_text(GOOD, encoding="utf-8")
    wire = tmp_path / "wire.jsonl"
    wire.write_text(
        _line("Quill Times", "https://quill.example/ferry")
        + "\n"
        + _line("Quill Times", "https://quill.example/amp/ferry")
        + "\n"
        + _line("Harbour Post", "https://harbour.example/ferry")
        + "\n",
        encoding="utf-8",
    )
    with Store.open(tmp_path / "t.db") as store, Pipeline(store, workers=1) as pipeline:
        first = pipeline.ingest([str(tmp_path / "a")])
        again = pipeline.ingest([str(tmp_path / "b")])
        assert (first.stored, again.stored, again.known) == (1, 0, 1)
        feed = pipeline.ingest([str(wire)])
        # the AMP page is the Quill Times report again; Quill Times and Harbour Post run the text the
        # outlet-less file had first, so both are copies of it
        assert (feed.stored, feed.known, feed.copies) == (2, 1, 2)
        rows = store.conn.execute(
            "SELECT outlet, syndicated_from IS NOT NULL FROM reports ORDER BY seq"
        ).fetchall()
    assert [tuple(r) for r in rows] == [(None, 0), ("Quill Times", 1), ("Harbour Post", 1)]
