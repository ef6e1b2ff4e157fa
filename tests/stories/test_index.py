import numpy as np
import pytest

from crosswire.errors import NotFound
from crosswire.stories import StoryFeatures, StoryIndex
from tests.stories.helpers import feat, unit

QUAKE = {"earthquake": 2.0, "magnitude": 1.0, "tremor": 1.0, "rescue": 1.0}
SUMMIT = {"summit": 2.0, "talks": 1.0, "leader": 1.0, "trade": 1.0}


def _quake(rid: str, base: np.ndarray, seed: int, place: str, **kw) -> StoryFeatures:
    ents = [(place, "GPE"), ("norland", "GPE")]
    return feat(rid, unit(seed, base, 0.4), QUAKE, ents, **kw)


def test_same_event_joins_and_other_topic_starts_new():
    q = unit(1)
    index = StoryIndex(threshold=0.5)
    a = index.add(_quake("a", q, 2, "ostvik", date="2031-05-01"))
    b = index.add(_quake("b", q, 3, "ostvik", date="2031-05-02"))
    c = index.add(feat("c", unit(9), SUMMIT, [("ada-lind", "PERSON")], date="2031-05-02"))
    assert a.is_new and a.story_id == "st-a"
    assert not b.is_new and b.story_id == a.story_id
    assert c.is_new and c.story_id != a.story_id
    assert len(index) == 2


def test_look_alike_event_in_another_place_and_month_stays_apart():
    q = unit(1)
    index = StoryIndex()
    first = index.add(_quake("a", q, 2, "ostvik", date="2031-05-01", years=(2031,)))
    index.add(_quake("b", q, 3, "ostvik", date="2031-05-02", years=(2031,)))
    # the same kind of event, same country, same wording, but another town and weeks later
    later = index.add(_quake("c", q, 4, "brennmark", date="2031-05-28", years=(2031,)))
    assert later.is_new and later.story_id != first.story_id


def test_different_years_named_count_against_joining():
    q = unit(1)
    index = StoryIndex()
    index.add(_quake("a", q, 2, "ostvik", years=(2029,)))
    index.add(_quake("b", q, 3, "ostvik", years=(2029,)))
    same = index.explain(_quake("c", q, 4, "ostvik", years=(2029,)))[0]
    other = index.explain(_quake("c", q, 4, "ostvik", years=(2033,)))[0]
    assert other[2]["year_conflict"] == 1.0 and same[2]["year_match"] == 1.0
    assert other[1] < same[1]


def test_undated_reports_naming_another_weekday_count_against_joining():
    # two look-alike undated events: the one that names the story's weekday fits it better
    q = unit(1)
    index = StoryIndex()
    index.add(_quake("a", q, 2, "ostvik", weekdays=("Tuesday",)))
    index.add(_quake("b", q, 3, "ostvik", weekdays=("Tuesday", "Wednesday")))
    same = index.explain(_quake("c", q, 4, "ostvik", weekdays=("Tuesday",)))[0]
    half = index.explain(_quake("c", q, 4, "ostvik", weekdays=("Wednesday",)))[0]
    other = index.explain(_quake("c", q, 4, "ostvik", weekdays=("Sunday",)))[0]
    silent = index.explain(_quake("c", q, 4, "ostvik"))[0]
    assert same[2]["weekday_match"] == 1.0 and other[2]["weekday_conflict"] == 1.0
    assert half[2]["weekday_match"] == half[2]["weekday_conflict"] == 0.5  # member by member
    assert silent[2]["weekday_match"] == silent[2]["weekday_conflict"] == 0.0
    assert other[1] < half[1] < same[1] and other[1] < silent[1]


def test_event_days_match_only_undated_reports_and_veto_only_dated_ones():
    # in a dated stream every report of the week names the week's days ("on Monday"), so a shared
    # day is no evidence there (it had chained a season's election reports into one story); in
    # undated text only dates that name their year resolve, and a shared one is
    q = unit(1)
    index = StoryIndex()
    index.add(_quake("a", q, 2, "ostvik", date="2031-05-02", dates=("2031-05-01",)))
    dated_same = index.explain(_quake("b", q, 3, "ostvik", date="2031-05-03", dates=("2031-05-01",)))[0][2]
    dated_other = index.explain(_quake("c", q, 3, "ostvik", date="2031-05-03", dates=("2031-05-20",)))[0][2]
    undated_same = index.explain(_quake("d", q, 3, "ostvik", dates=("2031-05-01",)))[0][2]
    undated_other = index.explain(_quake("e", q, 3, "ostvik", dates=("2031-05-20",)))[0][2]
    assert dated_same["date_match"] == 0.0 and dated_same["date_conflict"] == 0.0
    assert dated_other["date_conflict"] == 1.0
    assert undated_same["date_match"] == 1.0 and undated_same["date_conflict"] == 0.0
    assert undated_other["date_match"] == 0.0 and undated_other["date_conflict"] == 0.0


def test_time_closeness_decides_between_otherwise_equal_stories():
    q = unit(1)
    index = StoryIndex()
    index.add(_quake("a", q, 2, "ostvik", date="2031-05-01"))
    late = index.explain(_quake("b", q, 3, "ostvik", date="2031-05-20"))
    near = index.explain(_quake("c", q, 3, "ostvik", date="2031-05-02"))
    assert near[0][1] > late[0][1]
    assert near[0][2]["time"] > late[0][2]["time"]


def test_restore_rebuilds_without_re_deciding():
    q, s = unit(1), unit(9)
    items = [
        (_quake("a", q, 2, "ostvik"), "st-x"),
        (feat("b", unit(3, s, 0.3), SUMMIT, [("ada-lind", "PERSON")]), "st-y"),
        (_quake("c", q, 4, "ostvik"), "st-x"),
    ]
    index = StoryIndex()
    index.restore(items)
    assert {st.id: st.report_ids for st in index.stories()} == {"st-x": ("a", "c"), "st-y": ("b",)}
    nxt = index.add(_quake("d", q, 5, "ostvik"))
    assert nxt.story_id == "st-x" and not nxt.is_new


def test_bridging_report_merges_two_stories_and_reports_it():
    q = unit(1)
    index = StoryIndex(merge_threshold=0.6)
    # two halves of one event that the first reports could not connect (threshold high for them)
    index.restore([(_quake("a", q, 2, "ostvik"), "st-a"), (_quake("b", q, 3, "ostvik"), "st-b")])
    bridge = index.add(_quake("c", q, 4, "ostvik"))
    assert not bridge.is_new
    assert len(bridge.merged_into) == 1
    gone, kept = next(iter(bridge.merged_into.items()))
    assert kept == bridge.story_id and gone in {"st-a", "st-b"}
    assert len(index) == 1
    assert index.story(gone).id == kept  # a merged-away id still answers
    assert set(index.story(kept).report_ids) == {"a", "b", "c"}


def test_story_record_has_label_entities_and_span():
    q = unit(1)
    index = StoryIndex()
    for i, d in enumerate(["2031-05-03", "2031-05-01", "2031-05-02"]):
        index.add(_quake(f"r{i}", q, i + 2, "ostvik", date=d, title=f"Quake report {i}"))
    (story,) = index.stories()
    assert story.first_seen == "2031-05-01" and story.last_seen == "2031-05-03"
    assert story.label.startswith("Quake report")
    assert "ostvik" in story.entities
    with pytest.raises(NotFound):
        index.story("st-nope")


def test_reports_with_empty_analysis_cluster_by_text():
    q = unit(1)
    index = StoryIndex()
    terms = {"flood": 3.0, "varnholt": 2.0, "levee": 2.0, "evacuat": 1.0}
    a = index.add(feat("a", unit(2, q, 0.3), terms))
    b = index.add(feat("b", unit(3, q, 0.3), terms))
    c = index.add(feat("c", unit(7), {"election": 2.0, "ballot": 1.0}))
    assert b.story_id == a.story_id
    assert c.story_id != a.story_id


def test_topics_group_look_alike_stories_and_keep_other_topics_apart():
    q = unit(1)
    index = StoryIndex()
    index.restore(
        [
            (_quake("a", unit(2, q, 0.3), 2, "ostvik"), "st-a"),
            (_quake("b", unit(3, q, 0.3), 3, "brennmark"), "st-b"),
            (feat("c", unit(9), SUMMIT, [("ada-lind", "PERSON")]), "st-c"),
        ]
    )
    topics = index.topics(threshold=0.6)
    assert topics["st-a"] == topics["st-b"] == "st-a"
    assert topics["st-c"] == "st-c"


def test_join_evidence_reports_the_margin_over_the_runner_up():
    q = unit(1)
    index = StoryIndex()
    index.restore([(_quake("a", q, 2, "ostvik"), "st-a"), (feat("b", unit(9), SUMMIT), "st-b")])
    scored = index.explain(_quake("c", q, 3, "ostvik"))
    x = index.join_evidence(scored)
    assert x is not None and scored[0][0].id == "st-a"
    assert x["margin"] > 0 and "size" not in x  # story size does not transfer between sets
    assert index.join_evidence([]) is None


def test_merged_ids_resolve_through_chains_of_merges():
    q = unit(1)
    index = StoryIndex()
    index.restore([(_quake(r, q, i + 2, "ostvik"), f"st-{r}") for i, r in enumerate("abc")])
    assert index.merge("st-a", "st-b").id == "st-a"  # equal sizes: the older keeps its id
    assert index.merge("st-c", "st-a").id == "st-a"  # the larger keeps its id
    index.restore([(_quake("d", q, 9, "ostvik"), "st-d"), (_quake("e", q, 8, "ostvik"), "st-d")])
    index.restore([(_quake("f", q, 7, "ostvik"), "st-d"), (_quake("g", q, 6, "ostvik"), "st-d")])
    assert index.merge("st-a", "st-d").id == "st-d"  # 4 reports beat 3
    # st-b went into st-a, which went into st-d: followed, not rewritten at each merge
    assert {index.resolve(s) for s in ("st-a", "st-b", "st-c", "st-d")} == {"st-d"}
    assert len(index) == 1 and index.story("st-b").id == "st-d"


def test_bridging_report_does_not_merge_dated_stories_a_week_apart():
    # a caucus and a primary a week later read alike; a round-up written between them fits both,
    # but the two stories are centred eight days apart, so the round-up joins one and merges nothing
    q = unit(1)
    index = StoryIndex(merge_threshold=0.6)
    early = [_quake(f"a{i}", q, 10 + i, "ostvik", date=f"2031-05-0{i + 1}") for i in range(3)]
    late = [_quake(f"b{i}", q, 20 + i, "ostvik", date=f"2031-05-{i + 9:02d}") for i in range(3)]
    index.restore([(f, "st-a") for f in early] + [(f, "st-b") for f in late])
    bridge = index.add(_quake("c", q, 4, "ostvik", date="2031-05-06"))
    assert not bridge.is_new and bridge.merged_into == {}
    assert len(index) == 2


def test_bridging_report_still_merges_dated_halves_of_one_event():
    q = unit(1)
    index = StoryIndex(merge_threshold=0.6)
    index.restore(
        [
            (_quake("a", q, 2, "ostvik", date="2031-05-01"), "st-a"),
            (_quake("b", q, 3, "ostvik", date="2031-05-02"), "st-b"),
        ]
    )
    bridge = index.add(_quake("c", q, 4, "ostvik", date="2031-05-02"))
    assert len(bridge.merged_into) == 1 and len(index) == 1


def test_a_story_does_not_chain_past_its_centre():
    # a caucus story of four days, then one report a day after it: each is within a week of the
    # story's last report, but the one six days from the story's median day is another happening's
    q = unit(1)
    index = StoryIndex()
    days = ["2031-05-01", "2031-05-02", "2031-05-02", "2031-05-03"]
    index.restore([(_quake(f"a{i}", q, 10 + i, "ostvik", date=d), "st-a") for i, d in enumerate(days)])
    near = index.add(_quake("near", q, 20, "ostvik", date="2031-05-06"))
    assert not near.is_new
    far = index.add(_quake("far", q, 21, "ostvik", date="2031-05-09"))
    assert far.is_new
