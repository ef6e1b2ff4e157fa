"""`crosswire refresh`: stories an older version digested get this version's comparison and brief."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from crosswire.cli.main import app
from crosswire.store import Store, queries

runner = CliRunner()

# invented reports
A = (
    "Verlaine dam overflows, 400 families leave\n\n"
    "Floodwater topped the Verlaine dam on Tuesday, forcing 400 families from their homes, the council said."
)
B = (
    "Families flee as Verlaine dam overflows\n\n"
    "About 400 families left their homes after floodwater topped the Verlaine dam on Tuesday, officials said."
)


def test_refresh_rewrites_an_older_versions_digests_and_then_has_nothing_to_do(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(A)
    (tmp_path / "in" / "b.txt").write_text(B)
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["--db", db, "ingest", str(tmp_path / "in")]).exit_code == 0
    with Store.open(db) as store:
        assert queries.stale_story_ids(store.conn) == []
        stories = queries.iter_story_ids(store.conn)
        store.conn.execute("UPDATE stories SET digest_full = json_set(digest_full, '$.format', 0)")
        store.conn.commit()
        assert queries.stale_story_ids(store.conn) == stories  # as an older version left them
    told = runner.invoke(app, ["--db", db, "ingest", str(tmp_path / "in")])
    assert "older crosswire: `crosswire refresh` recomputes them" in " ".join(told.stdout.split())
    result = runner.invoke(app, ["--db", db, "refresh", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"refreshed": stories}
    with Store.open(db) as store:
        assert queries.stale_story_ids(store.conn) == []
        assert all(queries.stored_digest(store.conn, s) is not None for s in stories)
    nothing = runner.invoke(app, ["--db", db, "refresh"])
    assert nothing.exit_code == 0 and "refreshed 0 stories" in nothing.stdout
