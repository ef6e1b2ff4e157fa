"""StoryState's member-level evidence: the closest member, not the blurred centroid."""

from __future__ import annotations

from crosswire.stories.score import Idf
from crosswire.stories.state import StoryState, norm, sublinear
from tests.stories.helpers import feat, unit


def _query(terms: dict[str, float]) -> dict[str, float]:
    return {t: sublinear(w) for t, w in terms.items()}


def test_nearest_member_finds_the_one_member_a_newcomer_repeats() -> None:
    state = StoryState(id="st-a", row=0)
    state.absorb(feat("a", unit(1), {"quake": 2.0, "island": 1.0, "tsunami": 1.0}))
    state.absorb(feat("b", unit(2), {"ferry": 2.0, "capsize": 1.0, "harbour": 1.0}))
    idf = Idf(state.terms.copy(), 4)
    q = _query({"ferry": 2.0, "capsize": 1.0, "harbour": 1.0})
    assert state.nearest_member(q, idf, norm(q, idf)) > 0.99  # an exact repeat of member b
    centroid_terms, _, nb, _ = state.weighted(idf, idf)
    dot = sum(v * centroid_terms.get(t, 0.0) * idf.get(t) ** 2 for t, v in q.items())
    assert dot / (norm(q, idf) * nb) < 0.8  # the centroid blurs it with member a
    other = _query({"election": 1.0, "ballot": 1.0})
    assert state.nearest_member(other, idf, norm(other, idf)) == 0.0


def test_members_are_capped_and_carried_over_on_merge() -> None:
    a, b = StoryState(id="st-a", row=0), StoryState(id="st-b", row=1)
    for i in range(StoryState.MAX_MEMBERS + 3):
        a.absorb(feat(f"a{i}", unit(i), {f"t{i}": 1.0}))
    b.absorb(feat("b0", unit(99), {"only-in-b": 1.0}))
    assert len(a.members) == StoryState.MAX_MEMBERS
    a.absorb_story(b)
    idf = Idf(a.terms.copy(), 40)
    q = _query({"only-in-b": 1.0})
    assert a.nearest_member(q, idf, norm(q, idf)) > 0.99
