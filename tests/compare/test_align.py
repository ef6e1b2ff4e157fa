"""Alignment groups: one fact is one sentence per report, even when pairs chain through a third report."""

import numpy as np

from crosswire.compare.align import align
from crosswire.compare.lone import only_in
from crosswire.model import Citation

# Invented sentences: a boxer's title defence this week and his first win over the same man years ago.
A = [
    "Ivo Marsk stopped Pell Corran in the sixth round on Saturday to keep his title.",
    "In 2019, Marsk stopped Corran in the eleventh round.",
]
B = ["Ivo Marsk stopped Pell Corran in the sixth round on Saturday night to keep his belts."]
C = ["Marsk had beaten Corran back in 2019, stopping him in the eleventh round."]


def _cites(rid: str, texts: list[str]) -> list[Citation]:
    out, pos = [], 0
    for t in texts:
        out.append(Citation(rid, pos, pos + len(t), t))
        pos += len(t) + 2
    return out


def _unit(*xs: float) -> np.ndarray:
    v = np.array(xs, dtype=float)
    return v / np.linalg.norm(v)


def _story():
    per_report = {"a": _cites("a", A), "b": _cites("b", B), "c": _cites("c", C)}
    this_week, back_then = _unit(1, 0, 0), _unit(0, 1, 0)
    bridge = _unit(1, 1, 0)  # C's sentence is close to both of A's: pairs chain a0 - c0 - a1
    vectors = {
        "a": np.stack([this_week, back_then]),
        "b": np.stack([this_week]),
        "c": np.stack([bridge]),
    }
    return per_report, vectors


def test_a_group_holds_at_most_one_sentence_of_each_report():
    per_report, vectors = _story()
    alignments, _, linked = align(per_report, vectors, threshold=0.6)
    for al in alignments:
        ids = [m.report_id for m in al.members]
        assert len(ids) == len(set(ids)), [m.text for m in al.members]
    # the title defence lines up with the other report's title defence, not with the 2019 bout
    (defence,) = [al for al in alignments if any(m.report_id == "b" for m in al.members)]
    assert any(m.text == A[0] for m in defence.members)
    assert not any(m.text == A[1] for m in defence.members)
    # the sentence kept out of a group still counts as told elsewhere
    assert "c" in linked[("a", per_report["a"][1].start, per_report["a"][1].end)]


def test_a_sentence_kept_out_of_a_group_is_not_only_in_its_report():
    per_report, vectors = _story()
    alignments, best, linked = align(per_report, vectors, threshold=0.6)
    groups = {r: r for r in per_report}
    alone = only_in(per_report, alignments, groups, best=best, linked=linked, min_words=1)
    assert alone["a"] == ()


def test_statements_about_different_places_are_not_aligned():
    a = _cites("a", ["Ada Quell won the Varna primary, the wire declared on Thursday."])
    b = _cites("b", ["Ada Quell has won the primary in Tesk, her third win of the night."])
    vectors = {"a": np.array([_unit(1, 0.1)]), "b": np.array([_unit(1, 0.12)])}
    assert align({"a": a, "b": b}, vectors)[0]  # alike enough to align on words and meaning
    places = {("a", 0, len(a[0].text)): {"varna"}, ("b", 0, len(b[0].text)): {"tesk"}}
    assert align({"a": a, "b": b}, vectors, places=places)[0] == ()
    places[("b", 0, len(b[0].text))] = {"tesk", "varna"}  # one names both: may be one fact
    assert align({"a": a, "b": b}, vectors, places=places)[0]


def test_a_line_naming_no_place_does_not_chain_two_places_into_one_fact():
    """Varna's win and Tesk's win both pair with a place-less line of a third report; chained, one
    claim would cite the Tesk sentence as support for the Varna one (trial 7, finding 6)."""
    a = _cites("a", ["Ada Quell won the Varna primary, the wire declared on Thursday."])
    b = _cites("b", ["Ada Quell has won the primary, her third win of the night."])
    c = _cites("c", ["Ada Quell has won the primary in Tesk, her third win of the night."])
    vectors = {
        "a": np.array([_unit(1, 0.1)]),
        "b": np.array([_unit(1, 0.11)]),
        "c": np.array([_unit(1, 0.12)]),
    }
    places = {("a", 0, len(a[0].text)): {"varna"}, ("c", 0, len(c[0].text)): {"tesk"}}
    alignments, _, _ = align({"a": a, "b": b, "c": c}, vectors, places=places)
    assert alignments
    for al in alignments:
        assert {m.report_id for m in al.members} != {"a", "b", "c"}
        assert not {"a", "c"} <= {m.report_id for m in al.members}
