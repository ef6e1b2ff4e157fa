"""``queries.events`` lists events by their own date: dated first (oldest first), undated last with
the date of the report that tells them. The CLI, the API and the pages show the same order."""

from __future__ import annotations

import json
from pathlib import Path

from crosswire.model import Analysis, Event, Report, Story
from crosswire.store import Store, queries

STORY = "st-0e7a5c3b9d1f2a46"
EARLY = "e1a2b3c4d5e6f7a8b9c0"  # published 2024-05-02
LATE = "f9e8d7c6b5a4f3e2d1c0"  # published 2024-05-10
BODY_EARLY = "Harbour staff walked out on Thursday.\n\nThe board warned the union.\n\nTalks were held."
BODY_LATE = "The union met the board on May 1.\n\nThe mayor praised the crews.\n\nThe port reopened."


def _span(body: str, text: str) -> tuple[int, int]:
    start = body.index(text)
    return start, start + len(text)


def build_events_store(path: Path | str) -> str:
    """Two reports whose undated events would sort among the dated ones by their report's date."""
    with Store.open(path) as store:
        store.add_report(
            Report(
                EARLY,
                "https://a.example/walkout",
                "Walkout",
                BODY_EARLY,
                outlet="Quay Post",
                published="2024-05-02",
            ),
            Analysis(
                EARLY,
                events=(
                    Event(
                        "PROTEST",
                        ("Harbour staff",),
                        (),
                        None,
                        "2024-05-02",
                        *_span(BODY_EARLY, "Harbour staff walked out on Thursday"),
                    ),
                    Event(
                        "THREATEN",
                        ("the board",),
                        ("the union",),
                        None,
                        None,
                        *_span(BODY_EARLY, "The board warned the union"),
                    ),
                    Event("CONSULT", (), (), None, None, *_span(BODY_EARLY, "Talks were held")),
                ),
            ),
            None,
            STORY,
        )
        store.add_report(
            Report(
                LATE,
                "https://b.example/reopen",
                "Reopened",
                BODY_LATE,
                outlet="Quay Post",
                published="2024-05-10",
            ),
            Analysis(
                LATE,
                events=(
                    Event(
                        "CONSULT",
                        ("the union",),
                        ("the board",),
                        None,
                        "2024-05-01",
                        *_span(BODY_LATE, "The union met the board on May 1"),
                    ),
                    Event(
                        "ENDORSE",
                        ("the mayor",),
                        ("the crews",),
                        None,
                        None,
                        *_span(BODY_LATE, "The mayor praised the crews"),
                    ),
                    Event(
                        "RETREAT",
                        ("the port",),
                        (),
                        None,
                        "2024-04-29/2024-05-05",
                        *_span(BODY_LATE, "The port reopened"),
                    ),
                ),
            ),
            None,
            STORY,
        )
        store.save_story(Story(STORY, "Harbour walkout", (EARLY, LATE), (), "2024-05-02", "2024-05-10"))
    return str(path)


# Dated by their own day (a period by its first), then undated by their report's date.
ORDER = [
    ("RETREAT", "2024-04-29/2024-05-05"),
    ("CONSULT", "2024-05-01"),
    ("PROTEST", "2024-05-02"),
    ("THREATEN", None),
    ("CONSULT", None),
    ("ENDORSE", None),
]


def test_dated_events_first_by_their_own_date_then_undated(tmp_path) -> None:
    with Store.open(build_events_store(tmp_path / "ev.db")) as store:
        rows = queries.events(store.conn)
    assert [(r["kind"], r["when"]) for r in rows] == ORDER
    undated = [r for r in rows if r["when"] is None]
    assert [r["published"] for r in undated] == ["2024-05-02", "2024-05-02", "2024-05-10"]


def test_filters_and_limit_keep_the_order(tmp_path) -> None:
    with Store.open(build_events_store(tmp_path / "ev.db")) as store:
        assert [r["when"] for r in queries.events(store.conn, kind="consult")] == ["2024-05-01", None]
        assert [r["kind"] for r in queries.events(store.conn, story=STORY, limit=2)] == ["RETREAT", "CONSULT"]


def test_cli_and_api_show_the_same_order(tmp_path, monkeypatch) -> None:
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from crosswire.cli.main import app
    from crosswire.web.app import create_app

    db = build_events_store(tmp_path / "ev.db")
    result = CliRunner().invoke(app, ["--db", db, "events", "--json"])
    assert result.exit_code == 0, result.output
    cli_rows = json.loads(result.stdout)
    assert [(r["kind"], r["when"]) for r in cli_rows] == ORDER
    monkeypatch.delenv("CROSSWIRE_TOKEN", raising=False)
    with TestClient(create_app(db)) as client:
        api_rows = client.get("/api/v1/events").json()
        page = client.get(f"/stories/{STORY}").text
    assert api_rows == cli_rows
    assert "(reported 2024-05-10)" in page


def test_cli_table_labels_undated_events_with_their_report_date(tmp_path) -> None:
    from typer.testing import CliRunner

    from crosswire.cli.main import app

    db = build_events_store(tmp_path / "ev.db")
    result = CliRunner().invoke(app, ["--db", db, "events"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    lines = [
        line
        for line in result.output.splitlines()
        if "RETREAT" in line or "ENDORSE" in line or "PROTEST" in line
    ]
    assert ["RETREAT" in lines[0], "PROTEST" in lines[1], "ENDORSE" in lines[2]] == [True, True, True]
    assert "undated (reported 2024-05-10)" in lines[2]
    assert "?" not in "".join(lines)
