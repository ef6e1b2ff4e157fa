"""``crosswire search --entity / --language``: the hits of the words, each report filtered as the API filters it."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from crosswire.cli.main import app
from crosswire.model import Analysis, Report
from crosswire.store import Store

from .clistore import REPORT_A, REPORT_B, STORY, build

runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    path = build(tmp_path / "s.db")
    with Store.open(path) as store:  # the invented store's reports have no language; this one is French
        body = "La jetée nord (pier) ouvrira avant l'hiver."
        store.add_report(
            Report("rf", None, "Jetée", body, outlet="Quill Times", language="fr"), Analysis("rf"), None, None
        )
    return path


def _ids(db: str, *args: str) -> list[str]:
    result = runner.invoke(app, ["--db", db, "search", "pier", *args, "--json"])
    assert result.exit_code == 0, result.output
    return sorted(h["id"] for h in json.loads(result.stdout))


def test_search_filters_by_entity_and_language(db):
    assert _ids(db) == sorted([REPORT_A, REPORT_B, "rf"])
    assert _ids(db, "--entity", "Vell") == sorted([REPORT_A, REPORT_B])
    assert _ids(db, "--entity", "Harbour Minister Vell") == sorted([REPORT_A, REPORT_B])  # an alias
    assert _ids(db, "--entity", "port-quill") == [REPORT_A]
    assert _ids(db, "--entity", "Netanyahu") == []
    assert _ids(db, "--language", "fr") == ["rf"]
    assert _ids(db, "--language", "en") == []
    assert _ids(db, "--entity", "Vell", "--language", "fr") == []


@pytest.mark.parametrize("value", ['"', 'NEAR("a" "b") OR x*', "%_\\", "x" * 5_000])
def test_hostile_filters_find_nothing_and_do_not_fail(db, value):
    assert _ids(db, "--entity", value) == [] and _ids(db, "--language", value) == []


def test_help_names_the_filters():
    out = runner.invoke(app, ["search", "--help"], terminal_width=100).output
    assert "--entity" in out and "--language" in out


def test_search_filters_by_outlet_and_dates_as_the_api_does(db):
    """Trial 8: the CLI had no outlet or date filter, and outlets matched only as stored."""
    assert _ids(db, "--outlet", "quill-times") == sorted([REPORT_A, REPORT_B, "rf"])
    assert _ids(db, "--outlet", "QUILL TIMES", "--since", "2024-03-06") == [REPORT_B]
    assert _ids(db, "--outlet", "Quill", "--until", "2024-03-05") == [REPORT_A]  # rf is undated: left out
    assert _ids(db, "--since", "2024-03-05", "--until", "2024-03-05") == [REPORT_A]


def test_an_outlet_that_is_none_stored_is_an_error_naming_the_close_ones(db):
    result = runner.invoke(app, ["--db", db, "search", "pier", "--outlet", "Quil Tmes"])
    assert result.exit_code == 2
    assert "no outlet matches; outlets like it: Quill Times" in " ".join(result.stderr.split())


def test_stories_until(db):
    def stories(*args: str) -> list[str]:
        result = runner.invoke(app, ["--db", db, "stories", *args, "--json"])
        assert result.exit_code == 0, result.output
        return [s["id"] for s in json.loads(result.stdout)]

    assert stories("--until", "2024-03-05", "--outlet", "quill-times") == [STORY]
    assert stories("--until", "2024-03-04") == []
