"""Outlet filters take what a user types: the file-name slug, a name without "The", any case, a
domain, a part of one outlet's name; a name that is no stored outlet is an error naming the close ones
(trial 8: ``--outlet usa-today``, ``nyt`` and "New York Times" each gave 0 stories, silently)."""

from __future__ import annotations

import pytest

from crosswire.errors import NotFound
from crosswire.model import Analysis, Report, Story
from crosswire.store import queries
from crosswire.store.outlets import outlet_key, resolve_outlet

OUTLETS = {"r1": "The New York Times", "r2": "USA Today", "r3": "The Washington Post", "r4": "HuffPost"}


@pytest.fixture
def filled(store):
    for n, (rid, outlet) in enumerate(OUTLETS.items()):
        body = f"Superdelegates met in the capital. Report number {n}."
        store.add_report(
            Report(rid, None, "T", body, outlet=outlet, published="2016-04-0" + str(n + 1)),
            Analysis(rid),
            None,
            f"s{rid}",
        )
        store.save_story(
            Story(f"s{rid}", "label", (rid,), (), "2016-04-0" + str(n + 1), "2016-04-0" + str(n + 1))
        )
    return store


@pytest.mark.parametrize(
    ("typed", "outlet"),
    [
        ("nyt", "The New York Times"),
        ("New York Times", "The New York Times"),
        ("the new york times", "The New York Times"),
        ("nytimes.com", "The New York Times"),
        ("usa-today", "USA Today"),
        ("USA  today", "USA Today"),
        ("wapo", "The Washington Post"),
        ("Washington", "The Washington Post"),
        ("huff-post", "HuffPost"),
    ],
)
def test_what_a_user_types_finds_the_outlet(filled, typed, outlet):
    rid = next(k for k, v in OUTLETS.items() if v == outlet)
    assert resolve_outlet(filled.conn, typed) == [outlet]
    assert [s["id"] for s in queries.list_stories(filled.conn, outlet=typed)] == [f"s{rid}"]
    assert queries.count_stories(filled.conn, outlet=typed) == 1
    assert [h["id"] for h in queries.search(filled.conn, "superdelegates", outlet=typed)] == [rid]
    assert queries.count_search(filled.conn, "superdelegates", outlet=typed) == 1


def test_a_name_that_is_no_stored_outlet_says_so(filled):
    with pytest.raises(NotFound, match="no outlet matches; outlets like it: USA Today"):
        queries.list_stories(filled.conn, outlet="USA Todya")
    with pytest.raises(NotFound, match=r"wsj \(The Wall Street Journal\).*no outlet matches"):
        queries.search(filled.conn, "superdelegates", outlet="wsj")
    with pytest.raises(NotFound, match="several outlets; give one of: HuffPost, The Washington Post"):
        queries.count_search(filled.conn, "superdelegates", outlet="post")


def test_blank_outlet_is_no_filter(filled):
    assert queries.count_stories(filled.conn, outlet=" ") == 4


def test_outlet_key():
    assert outlet_key("The New York Times") == outlet_key("new-york-times") == "newyorktimes"
    assert outlet_key("https://www.haaretz.com/x") == outlet_key("Haaretz")
    assert outlet_key("Le Monde diplomatique") == "lemondediplomatique"
