"""A report the pipeline cannot take is rejected on its own; the rest of its batch is stored."""

from __future__ import annotations

import pytest

from crosswire import pipeline as pipeline_module
from crosswire.errors import AnalysisFailed, ReportTooLong
from crosswire.model import Analysis, Rejection, Report
from crosswire.pipeline import Pipeline, analyze_each
from crosswire.store import Store

GOOD = (
    "Ferry timetable changes in Port Quill\n\n"
    "The ferry to Port Quill will leave an hour earlier from May, the operator said on Tuesday.\n\n"
    '"Passengers asked for an earlier crossing," said operator spokeswoman Mira Tell.'
)
LONG_PARAGRAPH = "The harbour board met again to discuss the dredging of the northern channel. " * 40


def _report(report_id: str, body: str) -> Report:
    return Report(id=report_id, uri=f"/in/{report_id}.txt", title=None, body=body)


def test_analyze_each_turns_one_failure_into_a_rejection(monkeypatch) -> None:
    def fake(reports):  # noqa: ANN001, ANN202 - stands in for analyze_reports
        for r in reports:
            if "boom" in r.body:
                raise ValueError("[E088] Text of length 9 exceeds maximum of 5\nsecond line")
            yield Analysis(report_id=r.id)

    monkeypatch.setattr(pipeline_module, "analyze_reports", fake)
    out = analyze_each([_report("a", "fine"), _report("b", "boom"), _report("c", "fine too")])
    assert [a.report_id for a in out if isinstance(a, Analysis)] == ["a", "c"]
    (rejected,) = [r for r in out if isinstance(r, Rejection)]
    assert rejected.uri == "/in/b.txt" and rejected.code == AnalysisFailed.code == "CW-ANALYZE-001"
    assert "ValueError: [E088] Text of length 9" in rejected.reason and "second line" not in rejected.reason


@pytest.mark.slow
def test_too_long_report_is_rejected_and_the_good_one_stored(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CROSSWIRE_MAX_REPORT_CHARS", "2000")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-huge.txt").write_text("A very long file\n\n" + LONG_PARAGRAPH, encoding="utf-8")
    (folder / "b-good.txt").write_text(GOOD, encoding="utf-8")
    seen: list[tuple[str, str]] = []
    with Store.open(tmp_path / "t.db") as store, Pipeline(store) as pipeline:
        summary = pipeline.ingest([str(folder)], progress=lambda kind, what: seen.append((kind, what)))
        (rejected,) = summary.rejected
        assert rejected.uri.endswith("a-huge.txt") and rejected.code == ReportTooLong.code
        assert f"{len(LONG_PARAGRAPH.strip()):,} characters" in rejected.reason and "2,000" in rejected.reason
        assert summary.stored == 1
        assert [r[0] for r in store.conn.execute("SELECT uri FROM reports")] == [str(folder / "b-good.txt")]
    assert [kind for kind, _ in seen] == ["rejected", "stored"]


@pytest.mark.slow
def test_analysis_error_rejects_that_report_and_stores_the_batch(tmp_path, monkeypatch) -> None:
    from crosswire.analyze.nlp import load

    # the first trial's crash: spaCy's E088 for a text over nlp.max_length, made cheap to reach
    monkeypatch.setenv("CROSSWIRE_MAX_REPORT_CHARS", "100000")
    monkeypatch.setattr(load(), "max_length", len(LONG_PARAGRAPH) - 100)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-long.txt").write_text("A long file\n\n" + LONG_PARAGRAPH, encoding="utf-8")
    (folder / "b-good.txt").write_text(GOOD, encoding="utf-8")
    seen: list[str] = []
    with Store.open(tmp_path / "t.db") as store, Pipeline(store) as pipeline:
        summary = pipeline.ingest([str(folder)], progress=lambda kind, _what: seen.append(kind))
        (rejected,) = summary.rejected
        assert rejected.uri.endswith("a-long.txt") and rejected.code == AnalysisFailed.code
        assert "E088" in rejected.reason
        assert summary.stored == 1 and len(summary.stories) == 1
        assert [r[0] for r in store.conn.execute("SELECT uri FROM reports")] == [str(folder / "b-good.txt")]
    assert sorted(seen) == ["rejected", "stored"]
