"""Bad values are named with what is allowed (exit 2), never ignored, never a traceback."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from crosswire.cli.main import app

from .clistore import REPORT_A, REPORT_B, STORY, build

runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    return build(tmp_path / "s.db")


@pytest.mark.parametrize(
    ("args", "option", "says"),
    [
        (["quotes", "--attribution", "bogus"], "--attribution", "speech, belief, stance, scare"),
        (["events", "--kind", "NOPE"], "--kind", "CONSULT"),
        (["stories", "--since", "yesterday"], "--since", "YYYY-MM-DD"),
        (["stories", "--since", "2018-13-45"], "--since", "YYYY-MM-DD"),
        (["stories", "--limit", "-5"], "--limit", "greater than or equal to 1"),
        (["quotes", "--limit", "-1"], "--limit", "greater than or equal to 1"),
        (["search", "pier", "--limit", "0"], "--limit", "greater than or equal to 1"),
        (["entities", "--limit", "-1"], "--limit", "greater than or equal to 1"),
        (["events", "--limit", "-1"], "--limit", "greater than or equal to 1"),
        (["export", "--format", "xml"], "--format", "jsonl"),
        (["brief", STORY, "--format", "pdf"], "--format", "md"),
        (["ingest", "--workers", "-3", "x.txt"], "--workers", "greater than or equal to 0"),
        (["serve", "--port", "70000"], "--port", "65535"),
    ],
)
def test_bad_option_values_are_refused(db, args, option, says):
    result = runner.invoke(app, ["--db", db, *args])
    assert result.exit_code == 2, result.output
    assert f"Invalid value for '{option}'" in result.output
    assert says in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_choices_and_dates_accept_good_values_in_any_case(db):
    speech = runner.invoke(app, ["--db", db, "quotes", "--attribution", "SPEECH", "--json"])
    assert speech.exit_code == 0
    assert {q["attribution"] for q in json.loads(speech.stdout)} == {"speech"}
    agree = runner.invoke(app, ["--db", db, "events", "--kind", "agree", "--json"])
    assert [e["kind"] for e in json.loads(agree.stdout)] == ["AGREE"]
    since = runner.invoke(app, ["--db", db, "stories", "--since", "2024-03-06", "--json"])
    assert [s["id"] for s in json.loads(since.stdout)] == [STORY]
    later = runner.invoke(app, ["--db", db, "stories", "--since", "2024-03-07", "--json"])
    assert json.loads(later.stdout) == []


def test_export_to_a_missing_folder_is_one_error_line(db, tmp_path):
    out = tmp_path / "nodir" / "x" / "out.jsonl"
    result = runner.invoke(app, ["--db", db, "export", "-o", str(out)])
    assert result.exit_code == 2
    assert result.output.startswith(f"error {out}: CW-CLI-001: cannot write the export")
    assert "does not exist" in result.output and result.output.count("\n") == 1
    assert not out.parent.exists()


def test_export_to_a_file_says_how_many(db, tmp_path):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["--db", db, "export", "-o", str(out)])
    assert result.exit_code == 0
    assert "wrote 2 reports to" in result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_unknown_engine_is_one_error_line(db, monkeypatch):
    result = runner.invoke(app, ["--db", db, "ingest", "--engine", "foo", "x.txt"])
    assert result.exit_code == 2
    assert result.output == "error --engine: CW-CLI-001: unknown engine 'foo'; use one of: local, ray\n"
    monkeypatch.setenv("CROSSWIRE_ENGINE", "bar")
    result = runner.invoke(app, ["--db", db, "ingest", "x.txt"])
    assert (
        result.exit_code == 2
        and "unknown engine 'bar'" in result.output
        and "CROSSWIRE_ENGINE" in result.output
    )


@pytest.mark.parametrize("value", ["-3", "many"])
def test_bad_workers_setting_is_one_error_line(db, monkeypatch, value):
    monkeypatch.setenv("CROSSWIRE_WORKERS", value)
    result = runner.invoke(app, ["--db", db, "ingest", "x.txt"])
    assert result.exit_code == 2
    assert result.output.startswith(
        "error setting workers (CROSSWIRE_WORKERS or crosswire.toml): CW-CLI-001:"
    )


def test_compare_the_same_report_twice_is_refused(db):
    result = runner.invoke(app, ["--db", db, "compare", REPORT_A[:5], REPORT_A[:8]])
    assert result.exit_code == 2
    assert "Invalid value for IDS" in result.output and "the same report" in result.output


def test_compare_with_a_report_id_alone_says_what_to_give(db):
    result = runner.invoke(app, ["--db", db, "compare", REPORT_B[:6]])
    assert result.exit_code == 2
    assert f"this is report {REPORT_B[:8]}, not a story (its story is {STORY})" in result.output
    assert "two or more report ids" in result.output


def test_compare_unknown_report_points_to_show(db):
    result = runner.invoke(app, ["--db", db, "compare", REPORT_A[:6], "zzz"])
    assert result.exit_code == 2
    assert (
        result.output
        == "error zzz: CW-QUERY-001: no such report; `crosswire show STORY` lists a story's reports\n"
    )


def test_unknown_story_is_one_error_line(db):
    result = runner.invoke(app, ["--db", db, "brief", "nope"])
    assert result.exit_code == 2
    assert result.output == "error nope: CW-QUERY-001: no such story; `crosswire stories` lists them\n"


def test_event_kinds_and_attributions_match_what_the_analyzer_writes():
    """The CLI lists them itself (importing the analyzer would load spaCy): they must not drift apart."""
    from crosswire.analyze import cues, plover, quotes
    from crosswire.cli.analysis import ATTRIBUTIONS, EVENT_KINDS

    kinds = set()
    for table in vars(plover).values():
        if isinstance(table, dict):
            kinds |= {v for v in [*table.keys(), *table.values()] if isinstance(v, str) and v.isupper()}
    assert kinds == set(EVENT_KINDS)
    made = {
        cues.attribution_of("say"),
        cues.attribution_of("believe"),
        cues.attribution_of("endorse"),
        quotes.SCARE,
        cues.TOPIC,
    }
    assert made == set(ATTRIBUTIONS)


@pytest.mark.parametrize(
    ("verb", "says"), [("show", "show takes a story id"), ("brief", "brief takes a story id")]
)
def test_a_report_id_where_a_story_is_wanted_names_the_story(db, verb, says):
    result = runner.invoke(app, ["--db", db, verb, REPORT_A[:6]])
    assert result.exit_code == 2
    assert result.output == (
        f"error {REPORT_A[:6]}: CW-CLI-001: this is report {REPORT_A[:8]}, not a story (its story is {STORY}); {says}\n"
    )
