"""The bundled demo corpus through the whole pipeline: look-alike quakes apart, the copy linked."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from crosswire.cli.main import app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from tests.conftest import EXAMPLES

    db = str(tmp_path_factory.mktemp("demo") / "demo.db")
    result = CliRunner().invoke(app, ["--db", db, "ingest", str(EXAMPLES), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    out = CliRunner().invoke(app, ["--db", db, "export", "--format", "jsonl"])
    records = [json.loads(line) for line in out.stdout.splitlines()]
    return summary, records, db


def test_malformed_line_rejected_others_stored(demo):
    summary, records, _ = demo
    assert summary["stored"] == len(records) == 7
    assert [r["code"] for r in summary["rejected"]] == ["CW-INGEST-006"]
    assert "wire.jsonl" in summary["rejected"][0]["input"]


def test_copy_linked_and_grouped(demo):
    _, records, _ = demo
    copies = [r for r in records if r["syndicated_from"]]
    assert len(copies) == 1
    (copy,) = copies
    origin = next(r for r in records if r["id"] == copy["syndicated_from"])
    assert copy["story_id"] == origin["story_id"]
    assert copy["republished_from"] == "harbourcourier.example"


def test_look_alike_quakes_are_separate_stories(demo):
    _, records, _ = demo
    story_of = {}
    for r in records:
        key = (
            "mirova"
            if "Mirova" in (r["title"] or "")
            else "port-alder"
            if "Port Alder" in (r["title"] or "")
            else None
        )
        if key and not (key == "mirova" and "Second Quake" in r["title"]):
            story_of.setdefault(key, set()).add(r["story_id"])
    assert len(story_of["mirova"]) == 1
    assert len(story_of["port-alder"]) == 1
    assert story_of["mirova"] != story_of["port-alder"]


def test_report_prints_every_story(demo):
    _, records, db = demo
    result = CliRunner().invoke(app, ["--db", db, "report"])
    assert result.exit_code == 0
    stories = {r["story_id"] for r in records}
    assert len(stories) == 3
    for story_id in stories:
        assert story_id in result.output
