from crosswire.stories import StoryIndex
from crosswire.stories.consolidate import consolidate
from tests.stories.helpers import feat, unit

QUAKE = {"earthquake": 2.0, "magnitude": 1.0, "tremor": 1.0, "rescue": 1.0}
SUMMIT = {"summit": 2.0, "talks": 1.0, "leader": 1.0, "trade": 1.0}


def _reports():
    q, s = unit(1), unit(9)
    quakes = [feat(f"q{i}", unit(10 + i, q, 0.3), QUAKE, [("ostvik", "GPE")]) for i in range(4)]
    summits = [feat(f"s{i}", unit(20 + i, s, 0.3), SUMMIT, [("ada-lind", "PERSON")]) for i in range(3)]
    return quakes, summits


def _groups(index: StoryIndex) -> set[frozenset[str]]:
    return {frozenset(s.report_ids) for s in index.stories()}


def test_fragments_join_the_story_their_reports_prefer_and_events_stay_apart():
    quakes, summits = _reports()
    by_id = {f.report_id: f for f in quakes + summits}
    # a join threshold no report reaches: online, every report is left a fragment of its own
    index = StoryIndex(threshold=1.01, undated_threshold=1.01)
    for f in [quakes[0], summits[0], quakes[1], summits[1], quakes[2], quakes[3], summits[2]]:
        index.add(f)
    assert len(index) == 7
    merged = consolidate(index, lambda ids: [by_id[i] for i in ids])
    assert _groups(index) == {frozenset({"q0", "q1", "q2", "q3"}), frozenset({"s0", "s1", "s2"})}
    # every merged-away id points at a live story, and still answers through the index
    assert merged and all(new in index for new in merged.values())
    assert all(index.story(old).id == new for old, new in merged.items())
    # nothing changed since: a second look does nothing
    assert consolidate(index, lambda ids: [by_id[i] for i in ids]) == {}


def test_a_fragment_whose_reports_disagree_or_doubt_stays_alone():
    quakes, summits = _reports()
    by_id = {f.report_id: f for f in quakes + summits}
    index = StoryIndex(threshold=1.01, undated_threshold=1.01)
    for f in quakes[:2] + summits[:2]:
        index.add(f)
    # a threshold no belief reaches: nothing is merged
    assert consolidate(index, lambda ids: [by_id[i] for i in ids], threshold=1.01) == {}
    assert len(index) == 4


def test_large_stories_are_not_taken_apart_or_compared_member_by_member():
    quakes, _ = _reports()
    by_id = {f.report_id: f for f in quakes}
    index = StoryIndex()
    index.restore([(f, "st-big") for f in quakes[:3]])
    asked: list[str] = []

    def features_of(ids):
        asked.extend(ids)
        return [by_id[i] for i in ids]

    late = index.add(quakes[3])
    assert late.story_id == "st-big"
    assert consolidate(index, features_of) == {}
    assert asked == []  # the touched story has four members: beyond a fragment's size


def test_dated_fragments_need_the_join_threshold_undated_ones_a_lower_bar():
    # on a dated election-season stream a lower bar merged unrelated single reports; undated sets
    # (ECB+, AllSides) are where it was measured to help
    q = unit(1)
    undated = [feat(f"u{i}", unit(30 + i, q, 0.3), QUAKE, [("ostvik", "GPE")]) for i in range(2)]
    dated = [
        feat(f"d{i}", unit(40 + i, q, 0.3), QUAKE, [("ostvik", "GPE")], date="2031-05-01") for i in range(2)
    ]
    for reports, expect in ((undated, 1), (dated, 2)):
        by_id = {f.report_id: f for f in reports}
        index = StoryIndex(threshold=1.01, undated_threshold=1.01)
        for f in reports:
            index.add(f)
        consolidate(
            index, lambda ids, by_id=by_id: [by_id[i] for i in ids], threshold=0.0, dated_threshold=1.01
        )
        assert len(index) == expect
