"""Only ``ingest`` creates a store: every other verb on a missing or foreign --db names it and creates nothing."""

from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from crosswire.cli.main import app
from crosswire.store import Store

from .clistore import build

runner = CliRunner()


@pytest.fixture(autouse=True)
def _no_token(monkeypatch):
    monkeypatch.delenv("CROSSWIRE_TOKEN", raising=False)  # with a token, serve may create a store for uploads


READ_VERBS = [
    ["stories"],
    ["show", "st-x"],
    ["report"],
    ["quotes"],
    ["events"],
    ["entities"],
    ["search", "pier"],
    ["export"],
    ["compare", "st-x"],
    ["compare", "a3c9", "b7d2"],
    ["brief", "st-x"],
    ["serve"],
]


@pytest.mark.parametrize("args", READ_VERBS, ids=lambda a: a[0] + str(len(a)))
def test_read_verbs_refuse_a_missing_store_and_create_nothing(tmp_path, args):
    db = tmp_path / "nodir" / "typo.db"
    result = runner.invoke(app, ["--db", str(db), *args])
    assert result.exit_code == 2, result.output
    assert f"error {db}: CW-STORE-001: no crosswire store" in result.output
    assert "crosswire ingest" in result.output
    assert result.output.count("\n") == 1  # one line, no traceback
    assert not (tmp_path / "nodir").exists()


def test_a_missing_store_in_an_existing_folder_is_not_created_either(tmp_path):
    result = runner.invoke(app, ["--db", str(tmp_path / "typo.db"), "stories", "--json"])
    assert result.exit_code == 2
    assert list(tmp_path.iterdir()) == []


def test_another_sqlite_file_is_refused_and_left_unchanged(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    result = runner.invoke(app, ["--db", str(other), "stories"])
    assert result.exit_code == 2
    assert "no crosswire store" in result.output
    assert other.read_bytes() == before


def test_a_file_that_is_not_a_database_is_named(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 100)
    result = runner.invoke(app, ["--db", str(bad), "quotes"])
    assert result.exit_code == 2
    assert "CW-STORE-001: cannot open as a crosswire database" in result.output


def test_an_existing_empty_store_reads_fine(tmp_path):
    db = tmp_path / "empty.db"
    Store.open(db).close()
    result = runner.invoke(app, ["--db", str(db), "stories", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_ingest_creates_the_store_and_its_folder(tmp_path):
    (tmp_path / "in.txt").write_text("", encoding="utf-8")  # rejected, so no model is loaded
    db = tmp_path / "new" / "x.db"
    result = runner.invoke(app, ["--db", str(db), "ingest", str(tmp_path / "in.txt"), "--json"])
    assert result.exit_code == 1  # nothing stored: the one input was empty
    assert db.is_file()
    assert runner.invoke(app, ["--db", str(db), "stories", "--json"]).exit_code == 0


def test_reads_work_on_a_built_store(tmp_path):
    db = build(tmp_path / "s.db")
    result = runner.invoke(app, ["--db", db, "stories", "--json"])
    assert result.exit_code == 0
    assert [s["label"] for s in json.loads(result.stdout)] == ["Northern pier"]
