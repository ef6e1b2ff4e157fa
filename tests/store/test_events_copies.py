"""A syndicated copy tells its origin's events again: a story's events (and its timeline chart) list
them once while the origin is stored; ``copies=True`` lists both."""

from __future__ import annotations

from pathlib import Path

from crosswire.model import Analysis, Event, Report, Story
from crosswire.store import Store, queries

BODY = "The harbour board closed the northern pier on Monday."
STORY = "st-copies0000000001"


def _add(store: Store, rid: str, outlet: str, copy_of: str | None = None) -> None:
    event = Event(
        "COERCE", ("The harbour board",), ("the northern pier",), None, "2024-05-06", 0, len(BODY) - 1
    )
    report = Report(
        rid, f"https://{rid}.example/pier", "Pier closed", BODY, outlet=outlet, syndicated_from=copy_of
    )
    store.add_report(report, Analysis(rid, events=(event,)), None, STORY)


def test_a_copys_events_are_listed_once(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.db") as store:
        _add(store, "a1b2c3d4e5f6a7b8c9d0", "Quill Times")
        _add(store, "f0e9d8c7b6a5f4e3d2c1", "Harbour Post", copy_of="a1b2c3d4e5f6a7b8c9d0")
        store.save_story(
            Story(
                STORY,
                "Pier closed",
                ("a1b2c3d4e5f6a7b8c9d0", "f0e9d8c7b6a5f4e3d2c1"),
                (),
                "2024-05-06",
                "2024-05-06",
            )
        )
        listed = queries.events(store.conn, story=STORY)
        every = queries.events(store.conn, story=STORY, copies=True)
        assert [e["outlet"] for e in listed] == ["Quill Times"]
        assert queries.count_events(store.conn, story=STORY) == 1
        assert sorted(e["outlet"] for e in every) == ["Harbour Post", "Quill Times"]
