"""``queries.search`` / ``count_search`` under the story list's filters, each applied to the hit's own report:
entity (as its analysis names it, linked name forms included), language, outlet and published day."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.errors import NotFound
from crosswire.model import Analysis, Entity, Mention, Report, Story
from crosswire.store import Store, queries, search

FILTERS = ("entity", "language", "outlet", "since", "until")


def _entity(name: str, kind: str = "PERSON", n: int = 1, aliases: tuple[str, ...] = ()) -> Entity:
    eid = "-".join(name.lower().replace(".", "").split())
    return Entity(eid, name, kind, aliases, mentions=tuple(Mention(eid, i, i + 1, name) for i in range(n)))


def _add(
    store: Store,
    rid: str,
    body: str,
    *entities: Entity,
    language: str | None = "en",
    outlet: str = "Kestra Ledger",
    published: str | None = "2026-03-02",
) -> None:
    report = Report(rid, None, "Harbour news", body, outlet=outlet, published=published, language=language)
    store.add_report(report, Analysis(rid, entities=entities), None, "s1")


@pytest.fixture
def harbour(store: Store) -> Store:
    """Five reports that all say "harbour": three name one person in three forms (linked to one id)."""
    _add(store, "r1", "Oda Varn opened the harbour on Monday.", _entity("Oda Varn", n=4))
    _add(
        store,
        "r2",
        "Varn a inauguré le port (harbour) lundi.",
        _entity("Varn", n=2),
        language="fr",
        outlet="Brask Times",
        published="2026-03-04T09:30:00Z",
    )
    _add(
        store,
        "r3",
        "Oda K. Varn toured the harbour again.",
        _entity("Oda K. Varn", aliases=("the harbour chief",)),
        published="2026-03-06",
    )
    _add(store, "r4", "Tarvik's harbour reopened.", _entity("Tarvik", "GPE"), outlet="Brask Times")
    _add(store, "r5", "An undated note on the harbour.", language=None, published=None)
    return store


def _ids(store: Store, text: str = "harbour", **filters: str | None) -> set[str]:
    hits = [h["id"] for h in queries.search(store.conn, text, limit=100, **filters)]
    assert len(hits) == len(set(hits)) == queries.count_search(store.conn, text, **filters), filters
    return set(hits)


def test_the_names_were_linked_to_one_id(harbour: Store) -> None:
    links = dict(harbour.conn.execute("SELECT old_id, new_id FROM entity_links"))
    assert links == {"varn": "oda-varn", "oda-k-varn": "oda-varn"}


def test_no_filter_finds_every_report(harbour: Store) -> None:
    assert _ids(harbour) == {"r1", "r2", "r3", "r4", "r5"}


@pytest.mark.parametrize(
    "term", ["Oda Varn", "oda-varn", "VARN", "Oda K. Varn", "oda-k-varn", "Harbour chief", "  oda   varn "]
)
def test_entity_finds_every_report_of_the_person_in_any_form(harbour: Store, term: str) -> None:
    """A name, an id, a linked-away form ("Oda K. Varn", ``oda-k-varn``) or an alias of the analysis:
    each names the one person, so the reports of all three forms match."""
    assert _ids(harbour, entity=term) == {"r1", "r2", "r3"}


def test_entity_selects_other_entities_and_nothing_for_an_unknown_one(harbour: Store) -> None:
    assert _ids(harbour, entity="tarvik") == {"r4"}
    assert _ids(harbour, entity="Putin") == set()
    assert _ids(harbour, "opened", entity="Varn") == {"r1"}  # the words still have to match


def test_language_is_the_reports_own(harbour: Store) -> None:
    assert _ids(harbour, language="fr") == {"r2"}
    assert _ids(harbour, language="en") == {"r1", "r3", "r4"}
    assert _ids(harbour, language="de") == set()
    assert _ids(harbour, entity="Oda Varn", language="en") == {"r1", "r3"}


def test_outlet_and_days_apply_to_each_report(harbour: Store) -> None:
    assert _ids(harbour, outlet="brask times") == {"r2", "r4"}
    assert _ids(harbour, since="2026-03-04") == {"r2", "r3"}  # a date-time counts by its day
    assert _ids(harbour, until="2026-03-04") == {"r1", "r2", "r4"}  # the undated report is left out
    assert _ids(harbour, since="2026-03-03", until="2026-03-05", entity="varn") == {"r2"}


def test_blank_filters_are_not_given(harbour: Store) -> None:
    assert _ids(harbour, **dict.fromkeys(FILTERS, "  ")) == _ids(harbour, **dict.fromkeys(FILTERS))


def test_filtered_pages_add_up_to_the_count(harbour: Store) -> None:
    filters = {"entity": "Varn", "language": "en"}
    walked = [
        h["id"]
        for o in range(3)
        for h in queries.search(harbour.conn, "harbour", limit=1, offset=o, **filters)
    ]
    assert sorted(walked) == ["r1", "r3"] and queries.count_search(harbour.conn, "harbour", **filters) == 2


def test_the_window_holds_the_newest_matches_that_pass_the_filters(harbour: Store, monkeypatch) -> None:
    monkeypatch.setattr(search, "SEARCH_WINDOW", 2)
    assert _ids(harbour) == {"r4", "r5"}
    assert _ids(harbour, entity="Varn") == {"r2", "r3"}
    assert _ids(harbour, language="en") == {"r3", "r4"}


HOSTILE = [
    '"',
    "'; DROP TABLE reports; --",
    'NEAR("a" "b") OR title:x*',
    "%",
    "_",
    "\\",
    "(",
    "^*-+:",
    "\x00",
    "x" * 100_000,
    '"' * 60_000,
    "%_" * 40_000,
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_filters_never_break(harbour: Store, value: str) -> None:
    for name in FILTERS:
        if name == "outlet":  # names no stored outlet: an error that says so, not an empty answer
            for read in (queries.search, queries.count_search):
                with pytest.raises(NotFound, match="no outlet matches"):
                    read(harbour.conn, "harbour", outlet=value)
            continue
        queries.search(harbour.conn, "harbour", **{name: value})
        queries.count_search(harbour.conn, "harbour", **{name: value})
    assert _ids(harbour, entity=value, language=value) == set()
    assert _ids(harbour, value, entity="Varn") <= {"r1", "r2", "r3"}


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_any_entity_or_language_text_is_safe(entity: str, language: str) -> None:
    with Store.open(":memory:") as s:
        _add(s, "r1", "Oda Varn opened the harbour.", _entity("Oda Varn"))
        hits = queries.search(s.conn, "harbour", entity=entity, language=language)
        assert len(hits) == queries.count_search(s.conn, "harbour", entity=entity, language=language)


def test_the_story_list_finds_a_linked_form_too(harbour: Store) -> None:
    """``entity_filter`` is shared: the story list follows the same links."""
    harbour.save_story(Story("s1", "Harbour", ("r1", "r2", "r3", "r4", "r5"), (), "2026-03-02", "2026-03-06"))
    for term in ("Oda K. Varn", "oda-k-varn", "harbour chief"):
        assert [s["id"] for s in queries.list_stories(harbour.conn, entity=term)] == ["s1"], term
    assert queries.entities(harbour.conn, name="oda-k-varn")[0]["id"] == "oda-varn"
