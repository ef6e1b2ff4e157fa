"""A story's comparison and brief survive the store unchanged, and a changed story is not served stale."""

from __future__ import annotations

from crosswire.model import (
    Alignment,
    Brief,
    BriefSentence,
    Citation,
    Claim,
    Comparison,
    Contradiction,
    TimelineEntry,
    Variant,
    WhoSaid,
)
from crosswire.store.codec import DIGEST_FORMAT, digest_from_json, digest_to_json

A = Citation("r1", 0, 8, "we shall")
B = Citation("r2", 4, 11, "we will")


def _records() -> tuple[Comparison, Brief]:
    comparison = Comparison(
        story_id="s1",
        report_ids=("r1", "r2"),
        alignments=(Alignment((A, B), 0.91),),
        variants=(Variant("Ada Quell", (A, B), (((3, 8),), ((7, 11),)), 0.8),),
        only_in={"r1": (A,)},
        contradictions=(Contradiction("number: 3 vs 4", "number", (A, B), ("3", "4")),),
        claims=(Claim("we shall", (A,), ("r1",), 1, ("x",), ("y",)),),
        copies={"r3": "r1"},
    )
    brief = Brief(
        story_id="s1",
        sentences=(BriefSentence("We shall.", (A, B)),),
        timeline=(TimelineEntry("2026-03-02", "Talks", ("r1",), "Example Post", (A,)),),
        who_said=(WhoSaid("Ada Quell", (A,)),),
    )
    return comparison, brief


def test_round_trip_gives_equal_records() -> None:
    comparison, brief = _records()
    back = digest_from_json(digest_to_json(comparison, brief, ("r2", "r1")), ("r1", "r2"))
    assert back == (comparison, brief)
    assert isinstance(back[0].variants[0].differing[0][0], tuple)


def test_a_story_that_changed_or_an_old_format_is_recomputed() -> None:
    comparison, brief = _records()
    text = digest_to_json(comparison, brief, ("r1", "r2"))
    assert digest_from_json(text, ("r1", "r2", "r4")) is None
    old = text.replace(f'"format": {DIGEST_FORMAT}', f'"format": {DIGEST_FORMAT - 1}')
    assert old != text and digest_from_json(old, ("r1", "r2")) is None
    assert digest_from_json("not json", ("r1",)) is None
    assert digest_from_json(None, ("r1",)) is None
