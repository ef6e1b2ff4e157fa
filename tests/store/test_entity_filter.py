"""``queries.list_stories(entity=...)``: part of a name, id or alias, any case; wildcards taken literally."""

from __future__ import annotations

from crosswire.model import Analysis, Entity, Mention, Report, Story
from crosswire.store import queries

BODY = "Prime Minister Oren Kalev met the 100% Club in Tarvik."


def _add(store, rid: str, story: str, *entities: Entity) -> None:
    store.add_report(
        Report(rid, None, "T", BODY, outlet="Example Post"), Analysis(rid, entities=entities), None, story
    )
    store.save_story(Story(story, f"story {story}", (rid,), (), "2026-03-02", "2026-03-02"))


def _ids(store, entity: str) -> list[str]:
    return [s["id"] for s in queries.list_stories(store.conn, entity=entity)]


def test_entity_matches_part_of_name_or_id_any_case(store):
    _add(
        store,
        "r1",
        "s1",
        Entity("oren-kalev", "Oren Kalev", "PERSON", mentions=(Mention("oren-kalev", 15, 25, "Oren Kalev"),)),
    )
    _add(store, "r2", "s2", Entity("tarvik", "Tarvik", "GPE"))
    for term in ("Kalev", "kalev", "OREN KALEV", "oren-kalev", "Oren  Kalev", "n-kal"):
        assert _ids(store, term) == ["s1"], term
    assert _ids(store, "tarv") == ["s2"]
    assert _ids(store, "Putin") == []


def test_entity_falls_back_to_aliases(store):
    _add(store, "r1", "s1", Entity("oren-kalev", "Oren Kalev", "PERSON", aliases=("the premier",)))
    _add(store, "r2", "s2", Entity("tarvik", "Tarvik", "GPE"))
    assert _ids(store, "Premier") == ["s1"]


def test_like_wildcards_in_the_term_are_literal(store):
    _add(store, "r1", "s1", Entity("100-club", "100% Club", "ORG"))
    _add(store, "r2", "s2", Entity("tarvik", "Tarvik", "GPE"))
    assert _ids(store, "100%") == ["s1"]
    assert _ids(store, "%") == ["s1"]
    assert _ids(store, "_") == []


def test_date_filters_leave_undated_stories_out(store):
    _add(store, "r1", "s1")
    store.add_report(Report("r2", None, "T", BODY), Analysis("r2"), None, "s2")
    store.save_story(Story("s2", "undated", ("r2",), (), None, None))
    assert [s["id"] for s in queries.list_stories(store.conn, since="2026-03-01")] == ["s1"]
    assert [s["id"] for s in queries.list_stories(store.conn, until="2026-03-05")] == ["s1"]
    assert queries.list_stories(store.conn, since="2026-03-03") == []
    assert {s["id"] for s in queries.list_stories(store.conn)} == {"s1", "s2"}
