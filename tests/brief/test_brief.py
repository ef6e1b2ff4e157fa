"""make_brief end to end on an invented two-outlet story plus a copy (MiniLM loaded: slow)."""

import pytest

from crosswire.brief import make_brief, render
from crosswire.model import Alignment, Analysis, Citation, Comparison, Quote, Report

pytestmark = pytest.mark.slow

ONE = (
    "A fire destroyed the old grain warehouse in Millbrook on Sunday night, officials said. "
    "Firefighters from three towns fought the blaze for six hours. "
    '"It was the biggest fire this valley has seen," fire chief Rosa Penn said. '
    "No one was injured, but the building is a total loss."
)
TWO = (
    "The historic Millbrook grain warehouse burned down on Sunday night. "
    "Crews from three neighbouring towns battled the flames for six hours. "
    "The owner plans to rebuild the warehouse as a market hall."
)


def _sents(body):
    out, pos = [], 0
    for part in body.split(". "):
        end = pos + len(part) + (1 if pos + len(part) < len(body) else 0)
        out.append((pos, min(end, len(body))))
        pos = end + 1
    return tuple(out)


def test_every_sentence_is_cited_inside_its_report():
    q = "It was the biggest fire this valley has seen,"
    qs = ONE.index(q)
    items = [
        (
            Report("one", None, None, ONE),
            Analysis(
                "one", quotes=(Quote(q, qs, qs + len(q), "direct", "Rosa Penn"),), sentences=_sents(ONE)
            ),
        ),
        (Report("two", None, None, TWO), Analysis("two", sentences=_sents(TWO))),
        (Report("copy", None, None, ONE), Analysis("copy", sentences=_sents(ONE))),
    ]
    lead_one, lead_two = items[0][1].sentences[0], items[1][1].sentences[0]
    aligned = Alignment(
        (
            Citation("one", *lead_one, ONE[slice(*lead_one)]),
            Citation("two", *lead_two, TWO[slice(*lead_two)]),
        ),
        0.8,
    )
    comparison = Comparison("s", ("one", "two", "copy"), alignments=(aligned,), copies={"copy": "one"})
    brief = make_brief(items, comparison)
    bodies = {"one": ONE, "two": TWO, "copy": ONE}
    assert brief.sentences
    assert sum(len(s.text.split()) for s in brief.sentences) <= 65 * 1.25
    for s in brief.sentences:
        own = s.citations[0]
        assert own.report_id != "copy"
        assert bodies[own.report_id][own.start : own.end] == s.text
        for c in s.citations:
            assert 0 <= c.start < c.end <= len(bodies[c.report_id])
    leads = [s for s in brief.sentences if s.citations[0].start == 0]
    assert leads, "a lead sentence is the most central one"
    for s in leads:  # a lead carries its aligned twin in the other outlet as a second citation
        assert {c.report_id for c in s.citations} == {"one", "two"}
    assert [w.speaker for w in brief.who_said] == ["Rosa Penn"]
    assert "Rosa Penn" in render(brief, "md")
