"""Every view names an entity alike: the form most reports give it, then the kind most give it (trial 8
showed "POLLS -Donald Trump" and "United States | ORG" in the list: ``MAX(name)``, ``MAX(kind)``)."""

from __future__ import annotations

from crosswire.model import Analysis, Entity, Report, Story
from crosswire.store import queries


def _add(store, rid: str, story: str, *entities: Entity) -> None:
    store.add_report(
        Report(rid, None, "T", "Body text.", outlet="Example Post"),
        Analysis(rid, entities=entities),
        None,
        story,
    )
    store.save_story(Story(story, f"story {story}", (rid,), (), "2026-03-02", "2026-03-02"))


def test_list_story_list_and_page_show_the_commonest_name_and_kind(store):
    _add(
        store,
        "r1",
        "s1",
        Entity("donald-trump", "POLLS -Donald Trump", "PERSON"),
        Entity("united-states", "United States", "ORG"),
    )
    for rid in ("r2", "r3"):
        _add(
            store,
            rid,
            "s2",
            Entity("donald-trump", "Donald Trump", "PERSON"),
            Entity("united-states", "United States", "GPE"),
        )
    listed = {r["id"]: (r["name"], r["kind"]) for r in queries.entities(store.conn)}
    assert listed == {"donald-trump": ("Donald Trump", "PERSON"), "united-states": ("United States", "GPE")}
    # a story whose only form is the stray one still shows the entity's own name and kind
    in_story = {
        r["id"]: (r["name"], r["kind"], r["reports"]) for r in queries.entities(store.conn, story="s1")
    }
    assert in_story == {
        "donald-trump": ("Donald Trump", "PERSON", 1),
        "united-states": ("United States", "GPE", 1),
    }
    page = queries.entity(store.conn, "united-states")
    assert (page["name"], page["kind"]) == ("United States", "GPE")
    assert queries.entity(store.conn, "donald-trump")["name"] == "Donald Trump"


def test_ties_are_stable(store):
    _add(store, "r1", "s1", Entity("ana-ruiz", "Ana Ruiz", "PERSON"))
    _add(store, "r2", "s2", Entity("ana-ruiz", "Ana  Ruiz", "ORG"))
    row = queries.entities(store.conn)[0]
    assert (row["name"], row["kind"]) == ("Ana  Ruiz", "ORG")  # the alphabetically first of equals
    assert (
        queries.entity(store.conn, "ana-ruiz")["name"],
        queries.entity(store.conn, "ana-ruiz")["kind"],
    ) == ("Ana  Ruiz", "ORG")
