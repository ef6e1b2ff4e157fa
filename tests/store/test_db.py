import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.errors import NotFound, StoreError
from crosswire.model import Analysis, Entity, Event, Mention, Quote, Report, Story
from crosswire.store import Store, queries
from crosswire.store.export import report_records
from crosswire.store.schema import SCHEMA_VERSION


def _report(
    rid: str = "r1", body: str = "Ministers met in Tarvik on Monday to discuss the harbour."
) -> Report:
    return Report(
        id=rid,
        uri=f"https://example.test/{rid}",
        title="Ministers meet in Tarvik",
        body=body,
        outlet="Example Post",
        published="2026-03-02",
        published_source="declared",
        boilerplate=("Subscribe now",),
        text_hash=f"h-{rid}",
    )


def _analysis(rid: str = "r1") -> Analysis:
    return Analysis(
        report_id=rid,
        entities=(Entity("tarvik", "Tarvik", "GPE", mentions=(Mention("tarvik", 19, 25, "Tarvik"),)),),
        quotes=(Quote("to discuss the harbour", 34, 56, "indirect", "Ministers", anonymous=False),),
        events=(Event("CONSULT", ("Ministers",), (), "Tarvik", "2026-03-02", 0, 57, "met"),),
    )


def test_open_is_wal_and_migrated(tmp_path):
    with Store.open(tmp_path / "a.db") as s:
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_reopen_keeps_data(tmp_path):
    path = tmp_path / "a.db"
    with Store.open(path) as s:
        s.add_report(_report(), _analysis(), None, "s1")
    with Store.open(path) as s:
        assert s.has_report("r1")
        report, analysis, story = queries.report_item(s.conn, "r1")
    assert report == _report()
    assert analysis == _analysis()
    assert story == "s1"


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "a.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer crosswire"):
        Store.open(path)


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        Store.open(path)


def test_failed_transaction_changes_nothing(store):
    store.add_report(_report("r1"), _analysis("r1"), None, "s1")
    with pytest.raises(sqlite3.IntegrityError), store.transaction():
        store.add_report(_report("r2"), _analysis("r2"), None, "s1")
        store.add_report(_report("r1"), _analysis("r1"), None, "s1")  # duplicate id
    assert not store.has_report("r2")
    assert queries.counts(store.conn)["reports"] == 1


def test_fts_search_and_queries(store):
    store.add_report(_report(), _analysis(), None, "s1")
    store.save_story(Story("s1", "Tarvik talks", ("r1",), ("Tarvik",), "2026-03-02", "2026-03-02"))
    hits = queries.search(store.conn, "harbours")  # porter stemming
    assert [h["id"] for h in hits] == ["r1"]
    assert queries.list_stories(store.conn)[0]["label"] == "Tarvik talks"
    assert queries.list_stories(store.conn, entity="tarvik")[0]["id"] == "s1"
    with pytest.raises(NotFound, match="no outlet matches"):  # an outlet the store has not: said so
        queries.list_stories(store.conn, outlet="nobody")
    assert queries.quotes(store.conn, speaker="Minister")[0]["text"] == "to discuss the harbour"
    assert queries.events(store.conn, kind="consult")[0]["where"] == "Tarvik"
    assert queries.entities(store.conn, story="s1")[0]["name"] == "Tarvik"


def test_move_story_merges(store):
    store.add_report(_report("r1"), None, None, "a")
    store.add_report(_report("r2"), None, None, "b")
    store.move_story("b", "a")
    assert {r.id for r, _ in queries.story_items(store.conn, "a")} == {"r1", "r2"}


def test_a_merged_away_story_id_still_finds_its_story(store):
    for rid, sid in (("r1", "st-aaa1"), ("r2", "st-bbb2"), ("r3", "st-ccc3")):
        store.add_report(_report(rid), None, None, sid)
        store.save_story(Story(id=sid, label=f"story {sid}", report_ids=(rid,)))
    store.move_story("st-bbb2", "st-aaa1")
    store.move_story("st-aaa1", "st-ccc3")  # merged again: the older alias follows
    for asked in ("st-aaa1", "st-bbb2", "st-bb", "st-ccc3"):
        assert queries.story_row(store.conn, asked)["id"] == "st-ccc3"
    assert {r.id for r, _ in queries.story_items(store.conn, "st-ccc3")} == {"r1", "r2", "r3"}
    with pytest.raises(NotFound):
        queries.story_row(store.conn, "st-zzz")


def test_export_record_follows_contract(store):
    store.add_report(_report(), _analysis(), None, "s1")
    (record,) = list(report_records(store.conn))
    for key in [
        "id",
        "uri",
        "outlet",
        "title",
        "published",
        "published_source",
        "published_reason",
        "language",
        "body",
        "boilerplate",
        "captions",
        "story_id",
        "syndicated_from",
        "republished_from",
        "entities",
        "quotes",
        "events",
    ]:
        assert key in record
    assert record["entities"][0]["mentions"] == [[19, 25]]
    q = record["quotes"][0]
    assert record["body"][q["start"] : q["end"]] == q["text"]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60))
def test_search_never_breaks_on_user_text(text):
    with Store.open(":memory:") as s:
        s.add_report(_report(), None, None, "s1")
        queries.search(s.conn, text)
        queries.list_stories(s.conn, text=text)


def test_search_ranks_within_the_newest_matches(store, monkeypatch):
    for i in range(3):
        store.add_report(
            _report(f"r{i}", body=f"Harbour report number {i} about the harbour."), None, None, "s"
        )
    from crosswire.store import search  # the window is read where search lives

    monkeypatch.setattr(search, "SEARCH_WINDOW", 2)
    assert {h["id"] for h in queries.search(store.conn, "harbour")} == {"r1", "r2"}
    monkeypatch.setattr(search, "SEARCH_WINDOW", 100)
    assert {h["id"] for h in queries.search(store.conn, "harbour")} == {"r0", "r1", "r2"}


def test_outlet_count_is_of_known_outlets(store):
    """Reports of unknown origin are not each an outlet: a story of five unsigned reports has none known."""
    import dataclasses

    for rid, outlet in (("r1", "Kestra Ledger"), ("r2", "Kestra Ledger"), ("r3", None), ("r4", None)):
        store.add_report(dataclasses.replace(_report(rid), outlet=outlet), None, None, "s1")
    store.add_report(dataclasses.replace(_report("r5"), outlet=None), None, None, "s2")
    store.save_story(Story("s1", "one", ("r1", "r2", "r3", "r4")))
    store.save_story(Story("s2", "two", ("r5",)))
    outlets = {s["id"]: s["outlets"] for s in queries.list_stories(store.conn)}
    assert outlets == {"s1": 1, "s2": 0}


def test_copies_count_wire_rewrites_a_comparison_found_as_the_story_pages_do(store):
    import dataclasses
    import json

    for rid in ("r1", "r2", "r3"):
        store.add_report(_report(rid), _analysis(rid), None, "s1")
    store.add_report(dataclasses.replace(_report("r4"), syndicated_from="r1"), _analysis("r4"), None, "s1")
    assert queries.counts(store.conn)["copies"] == 1
    full = json.dumps({"format": 2, "comparison": {"copies": {"r3": "r2", "r4": "r1"}}})
    store.save_story(Story(id="s1", label="Talks", report_ids=("r1", "r2", "r3", "r4")), None, full)
    assert queries.counts(store.conn)["copies"] == 2  # r4 once, and the rewrite r3
