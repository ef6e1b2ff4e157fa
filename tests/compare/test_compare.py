"""compare_story end to end on the invented flood story (MiniLM loaded: slow)."""

import pytest

from crosswire.compare import compare_reports, compare_story

pytestmark = pytest.mark.slow


@pytest.fixture
def comparison(flood_story):
    return compare_story(flood_story, story_id="flood")


def _texts(cites):
    return [c.text for c in cites]


def test_syndicated_copy_is_collapsed(comparison):
    assert comparison.copies == {"herald": "ledger"}
    assert set(comparison.only_in) == {"ledger", "coastal"}


def test_paraphrases_align_across_outlets(comparison, flood_story):
    bodies = {r.id: r.body for r, _ in flood_story}
    pairs = []
    for al in comparison.alignments:
        for m in al.members:
            assert bodies[m.report_id][m.start : m.end] == m.text
        by = {m.report_id: m.text for m in al.members}
        if "ledger" in by and "coastal" in by:
            pairs.append((by["ledger"], by["coastal"]))
    firsts = [(a.split()[0], b.split()[0]) for a, b in pairs]
    assert ("Floodwaters", "Heavy") in firsts  # the lead, in other words
    assert ("The", "The") in firsts  # the rainfall figure


def test_only_in_holds_the_lone_facts(comparison):
    ledger = " ".join(_texts(comparison.only_in["ledger"]))
    coastal = " ".join(_texts(comparison.only_in["coastal"]))
    assert "rowing club" in ledger and "rail operator" not in ledger
    assert "rail operator" in coastal and "rowing club" not in coastal
    assert "millimetres" not in ledger + coastal


def test_quote_variant_marks_the_differing_words(comparison, flood_story):
    bodies = {r.id: r.body for r, _ in flood_story}
    (variant,) = [v for v in comparison.variants if {m.report_id for m in v.members} == {"ledger", "coastal"}]
    assert variant.speaker == "Elena Varga"
    words = {
        m.report_id: {bodies[m.report_id][s:e] for s, e in spans}
        for m, spans in zip(variant.members, variant.differing, strict=True)
    }
    assert {"fast"} <= words["ledger"] and "rebuild" not in words["ledger"]
    assert {"quickly", "single"} <= words["coastal"] and "street" not in words["coastal"]


def test_number_contradiction_and_independent_sources(comparison):
    numbers = [c for c in comparison.contradictions if c.kind == "number"]
    assert [sorted(c.values) for c in numbers] == [
        ["1,200", "1,500"]
    ]  # as written; herald, a copy, adds none
    rain = next(c for c in comparison.claims if "millimetres" in c.text)
    assert set(rain.reports) == {"ledger", "coastal", "herald"}
    assert rain.independent_sources == 2  # the herald copy counts with the ledger


def test_compare_reports_is_a_story_of_two(flood_story):
    result = compare_reports(flood_story[0], flood_story[1])
    assert result.report_ids == ("ledger", "coastal")
    assert result.copies == {}
    assert result.variants


def test_a_contradicting_version_disputes_a_claim_instead_of_backing_it(comparison):
    """1,200 vs 1,500 residents: the outlet with the other figure is not counted as support."""
    (number,) = [c for c in comparison.contradictions if c.kind == "number"]
    claim = next(c for c in comparison.claims if any(m in c.citations for m in number.members))
    assert claim.independent_sources == 1
    assert claim.disputed_by
    assert not set(claim.origins) & set(claim.disputed_by)
    backing = {m.report_id for m in claim.citations}
    assert len(backing & {m.report_id for m in number.members}) == 1


def test_a_claim_carried_only_by_an_original_and_its_copy_has_one_source(comparison):
    """The rowing-club fact is in the ledger and the herald's syndicated copy of it: one source."""
    rowing = [c for c in comparison.claims if "rowing club" in c.text]
    assert any(set(c.reports) == {"ledger", "herald"} for c in rowing)
    for claim in rowing:
        assert set(claim.reports) <= {"ledger", "herald"}
        assert claim.independent_sources == 1
        assert len(claim.origins) == 1


def test_a_line_two_copies_each_repeat_is_one_claim_row():
    """Two rewrites of one live blog each print "The lead is bigger." twice; alignment pairs them
    crosswise (first with second), but it is one statement of one source: one row (trial 7, finding 9)."""
    from crosswire.compare import _claims
    from crosswire.model import Alignment, Citation

    line = "Including superdelegates, the lead is bigger."
    a1, a2 = Citation("blog1", 10, 55, line), Citation("blog1", 300, 345, line)
    b1, b2 = Citation("blog2", 500, 545, line), Citation("blog2", 40, 85, line)
    alignments = (Alignment((a1, b1), 0.99), Alignment((a2, b2), 0.99))
    sources = {"blog1": "ap", "blog2": "ap"}
    claims = _claims(alignments, {}, {}, sources, groups={"blog1": "blog1", "blog2": "blog2"})
    assert len(claims) == 1
    (claim,) = claims
    assert claim.independent_sources == 1 and set(claim.reports) == {"blog1", "blog2"}
    assert set(claim.citations) == {a1, a2, b1, b2}
    # a lone line one report prints twice is one row too
    alone = {"blog1": (Citation("blog1", 600, 620, "It takes 2,383 to win."),
                       Citation("blog1", 900, 920, "It takes 2,383 to win."))}  # fmt: skip
    rows = _claims((), alone, {}, sources)
    assert [(c.text, c.independent_sources, len(c.citations)) for c in rows] == [
        ("It takes 2,383 to win.", 1, 2)
    ]
