"""The CLI as a user meets it: help with examples, bad input named and skipped, JSON on every listing."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from crosswire.cli.main import app
from crosswire.store import Store

runner = CliRunner()


def _commands() -> list[str]:
    return sorted(c.name for c in typer.main.get_command(app).commands.values())


@pytest.mark.parametrize("command", _commands())
def test_every_help_shows_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: crosswire" in result.output


def test_top_help_shows_global_db_option():
    result = runner.invoke(app, ["--help"])
    assert "--db" in result.output and "Example:" in result.output


def test_only_bad_input_exits_non_zero_and_names_each(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "blob.bin").write_bytes(bytes(range(256)) * 8)
    db = tmp_path / "x.db"
    result = runner.invoke(app, ["--db", str(db), "ingest", str(tmp_path / "in"), "--json"])
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["stored"] == 0
    named = {r["input"].rsplit("/", 1)[-1]: r for r in summary["rejected"]}
    assert set(named) == {"empty.txt", "blob.bin"}
    assert named["empty.txt"]["code"] == "CW-INGEST-001"
    assert named["blob.bin"]["code"] == "CW-INGEST-002"


def test_listing_commands_speak_json_on_an_empty_store(tmp_path):
    db = str(tmp_path / "empty.db")
    Store.open(db).close()  # only ingest creates a store
    for args in (["stories"], ["entities"], ["quotes"], ["events"], ["search", "anything"], ["report"]):
        result = runner.invoke(app, ["--db", db, *args, "--json"])
        assert result.exit_code == 0, (args, result.output)
        assert json.loads(result.stdout) == []


def test_unknown_story_is_a_clear_error(tmp_path):
    db = tmp_path / "e.db"
    Store.open(db).close()
    result = runner.invoke(app, ["--db", str(db), "show", "nope"])
    assert result.exit_code == 2
    assert result.output == "error nope: CW-QUERY-001: no such story; `crosswire stories` lists them\n"


def test_db_from_environment(tmp_path, monkeypatch):
    db = tmp_path / "env.db"
    monkeypatch.setenv("CROSSWIRE_DB", str(db))
    missing = runner.invoke(app, ["stories", "--json"])
    assert missing.exit_code == 2 and str(db) in missing.output
    assert not db.exists()
    Store.open(db).close()
    result = runner.invoke(app, ["stories", "--json"])
    assert result.exit_code == 0


def test_report_says_when_who_said_what_is_cut_short(monkeypatch):
    from rich.console import Console

    from crosswire.cli import stories
    from crosswire.model import Analysis, Quote, Report

    body = " ".join(f"Remark {i} was made." for i in range(14))
    quotes = tuple(Quote(f"Remark {i}", 0, 8, "indirect", f"Speaker {i}") for i in range(14))
    items = [(Report(id="r1", uri=None, title="T", body=body), Analysis("r1", quotes=quotes))]
    out = Console(width=200, record=True)
    monkeypatch.setattr(stories, "console", out)
    stories._print_quotes(items, "st-r1")
    text = out.export_text()
    assert f"first {stories.SHOWN_QUOTES} of 14" in text and "crosswire quotes --story st-r1" in text
    assert "Speaker 11" in text and "Speaker 12" not in text
