"""Numbers read as intervals with a unit and a holder: the rules that keep false alarms out."""

from crosswire.compare.contradictions import find_contradictions, pair_contradictions
from crosswire.compare.numbers import amounts, compatible, same_holder
from crosswire.model import Alignment, Analysis, Citation, Quote, TimeExpression, Variant


def _c(rid: str, text: str, start: int = 0) -> Citation:
    return Citation(rid, start, start + len(text), text)


def test_amounts_keep_the_written_form_unit_and_holder():
    (x,) = amounts("The audit found that Orla Venn lost more than $915 million in 1998.")
    assert (x.written, x.unit, x.holder, x.value) == ("$915 million", "amount", "Orla Venn", 915e6)
    assert x.low == 914.5e6 and x.high == float("inf")
    (y,) = amounts("Bram Osk holds 41 seats, and the rest went elsewhere.")
    assert (y.written, y.unit, y.holder) == ("41", "seats", "Bram Osk")


def test_bounds_approximations_and_precision_are_intervals():
    def one(text: str):
        (x,) = amounts(text)
        return x

    assert compatible(one("a loss of more than $915 million"), one("a loss of $916 million"))
    assert compatible(one("about 1,500 residents left"), one("1,480 residents left"))
    assert compatible(one("a bill of $1.2 billion"), one("a bill of $1.18 billion"))
    assert compatible(one("up to 30 boats sank"), one("25 boats sank"))
    assert not compatible(one("up to 30 boats sank"), one("35 boats sank"))
    assert not compatible(one("nearly 200 berths"), one("230 berths"))
    assert not compatible(one("12 boats sank"), one("19 boats sank"))


def test_numbers_of_different_holders_are_not_compared():
    a = _c("a", "Ada Quell has 370 delegates, Bram Osk has 129 and Cora Lind left with 163.")
    b = _c("b", "Cora Lind quits the race having won 163 delegates to the convention.")
    assert pair_contradictions(a, b) == []
    c = _c("c", "Ada Quell has 352 delegates after the vote in the north.")
    (found,) = pair_contradictions(a, c)
    assert (found.kind, found.what, found.values) == ("number", "delegates: 370 vs 352", ("370", "352"))
    # a name on one side only: cannot tell whose number it is
    (x,) = amounts("Ada Quell has 370 delegates.")
    (y,) = amounts("The favourite has 352 delegates.")
    assert not same_holder(x, y)


def test_consistent_bound_is_no_contradiction_and_values_are_shown_as_written():
    a = _c("a", "The audit found that Orla Venn had a net loss of more than $915 million in 1998.")
    b = _c("b", "The paper wrote that Venn had claimed a loss of $916 million in 1998.")
    assert pair_contradictions(a, b) == []
    b2 = _c("b", "The paper wrote that Venn had claimed a loss of $870 million in 1998.")
    (found,) = pair_contradictions(a, b2)
    assert found.values == ("$915 million", "$870 million")
    assert "e+" not in found.what and "number of" not in found.what


def test_a_later_higher_running_count_is_an_update():
    a = _c("a", "The ferry fire killed 9 people and 31 people were injured, the coastguard said.")
    b = _c("b", "The ferry fire has now killed 11 people and 31 people were injured, the coastguard said.")
    found = pair_contradictions(a, b, ("2031-05-01", "2031-05-02"))
    assert [(c.kind, c.values) for c in found] == [("update", ("9", "11"))]
    assert found[0].what == "people rose from 9 (2031-05-01) to 11 (2031-05-02)"
    # the same figures on the same day with no word of a rise still disagree
    b3 = _c("b", "The ferry fire killed 11 people and 31 people were injured, the coastguard said.")
    assert [c.kind for c in pair_contradictions(a, b3, ("2031-05-01", "2031-05-01"))] == ["number"]


def test_a_description_and_a_name_of_the_speaker_do_not_clash():
    qa, qb = _c("a", "we will not close the port"), _c("b", "we will not close the port now")
    groups = {"a": "a", "b": "b"}

    def found(sa: str, sb: str, ea: str | None = None, eb: str | None = None):
        analyses = {
            "a": Analysis("a", quotes=(Quote(qa.text, 0, qa.end, "direct", sa, speaker_entity=ea),)),
            "b": Analysis("b", quotes=(Quote(qb.text, 0, qb.end, "direct", sb, speaker_entity=eb),)),
        }
        return find_contradictions([], [Variant(sa, (qa, qb))], analyses, groups)

    assert found("the harbour minister and party leader", "Ada Quell") == ()
    assert found("Ada Quell", "Minister Quell") == ()
    assert found("Ada Quell", "Bram Osk", "ada-quell", "ada-quell") == ()
    assert [c.values for c in found("Ada Quell", "Bram Osk")] == [("Ada Quell", "Bram Osk")]


def test_find_contradictions_reads_publication_days():
    a = _c("a", "The ferry fire killed 9 people on the crossing, the coastguard said.")
    b = _c("b", "The ferry fire killed 11 people on the crossing, the coastguard said.")
    groups = {"a": "a", "b": "b"}
    al = [Alignment((a, b), 0.9)]
    same_day = find_contradictions(al, [], {}, groups, {"a": "2031-05-01T08:00", "b": "2031-05-01T20:00"})
    assert [c.kind for c in same_day] == ["number"]
    later = find_contradictions(al, [], {}, groups, {"a": "2031-05-01T08:00", "b": "2031-05-02T09:00"})
    assert [c.kind for c in later] == ["update"]
    assert [m.report_id for m in later[0].members] == ["a", "b"]


def test_a_unit_noun_follows_the_number_directly():
    (year,) = amounts("In 2019, Marsk stopped Corran.", require_unit=False)
    assert year.unit is None  # the comma ends the figure: "Marsk" is not what 2019 counts
    (boats,) = amounts("they seized 12 boats, 31 magazines", require_unit=True)[:1]
    assert boats.unit == "boats"


def test_a_total_over_many_events_is_not_set_against_the_figure_for_one():
    """The navy's running total "in five operations so far" neither confirms nor disputes the arms
    taken in this one; two figures for this one operation do disagree."""
    total = _c(
        "a", "The Navy has so far seized 14 AK-47 rifles, 31 magazines and 923 rounds in five operations."
    )
    this_op = _c("b", "The Navy seized six AK 47 rifles, 12 magazines and about 300 rounds from the skiff.")
    assert pair_contradictions(total, this_op) == []
    other = _c("c", "The Navy seized 14 AK-47 rifles, 31 magazines and 923 rounds from the skiff.")
    found = pair_contradictions(this_op, other)
    assert "rifles: six vs 14" in {f.what for f in found}  # the model name is no number, nor the unit
    (day, year) = amounts(
        "The quake killed 14 people on Tuesday, bringing this year's toll to 300.", require_unit=False
    )
    assert (day.written, day.total, year.written, year.total) == ("14", False, "300", True)


def test_margins_of_error_of_two_polls_and_a_subgroup_are_other_quantities():
    """Trial 8: "plus or minus 5.7" (552 voters) and "plus or minus four" (996 voters) were shown as
    reports differing on a percentage; each poll's margin is its own, and a subgroup's is not the whole's."""
    a = _c("a", "The margin of error is plus or minus 5.7 percentage points.")
    b = _c("b", "The margin of sampling error among that group was plus or minus four percentage points.")
    assert pair_contradictions(a, b) == []
    whole = _c("a", "Support for the harbour levy stood at 52 percent, the survey found.")
    part = _c("b", "Support for the harbour levy stood at 41 percent among renters, the survey found.")
    assert pair_contradictions(whole, part) == []
    other = _c("b", "Support for the harbour levy stood at 41 percent, the survey found.")
    assert [c.kind for c in pair_contradictions(whole, other)] == ["number"]


def test_a_sum_over_places_is_not_set_against_one_place():
    """Trial 8: "In all, 691 delegates are up for grabs in five states" vs "Florida, 99 delegates, and
    Ohio, 66 delegates" and "1,585 delegates outstanding": different quantities."""
    total = _c("a", "In all, 240 seats are up for grabs in four provinces.")
    each = _c("b", "Both Varna, 40 seats, and Tesk, 30 seats, are winner-take-all.")
    left = _c("b", "There are currently 610 seats outstanding.")
    assert pair_contradictions(total, each) == []
    assert pair_contradictions(total, left) == []
    *_, x = amounts("Across the three provinces, 240 seats are up for grabs.")
    assert (x.value, x.total) == (240, True)


def test_a_percent_sign_and_a_total_before_the_noun_keep_the_unit():
    (pct,) = amounts("As of Wednesday, Ada Quell had 90% of the seats needed.")
    assert (pct.written, pct.unit, pct.end - pct.start) == ("90%", "percent", 3)
    (seats,) = amounts("Ada Quell had 2,205 total delegates.")
    assert seats.unit == "delegates"


def test_a_delegate_tally_taken_on_a_later_day_is_an_update():
    """Trial 8: "As of Wednesday, Clinton had 2,205 total delegates" (05-04) against "Clinton had
    captured 1,944 delegates heading into Tuesday's primaries" (04-26) was a date clash."""
    a = _c("a", "Ada Quell had captured 1,944 delegates heading into Tuesday's primaries.")
    b = _c("b", "As of Wednesday, Ada Quell had 2,205 total delegates, according to a tally.")
    analyses = {
        "a": Analysis("a", times=(TimeExpression("Tuesday's", 50, 59, "2031-04-22"),)),
        "b": Analysis("b", times=(TimeExpression("As of Wednesday", 0, 15, "2031-04-30"),)),
    }
    published = {"a": "2031-04-22T08:00", "b": "2031-05-01T09:00"}
    found = find_contradictions([Alignment((a, b), 0.9)], [], analyses, {"a": "a", "b": "b"}, published)
    assert [c.kind for c in found] == ["update"]
    assert found[0].values == ("1,944", "2,205")


def test_a_rise_and_a_fall_or_a_figure_the_other_sentence_gives_are_other_quantities():
    """Trial 8 (with "%" read as percent): "turnout ... was up more than 70 percent" vs "a 30% decline";
    "Clinton needs 67 delegates to reach the 2,383 needed" vs "has reached the 2,383 delegates"."""
    up = _c("a", "Turnout in the Varna primary, by contrast, was up more than 70 percent from 2028.")
    down = _c("b", "In Varna, 367,000 people voted in the other primary, a 30% decline from 2028.")
    assert pair_contradictions(up, down) == []
    needs = _c("a", "Ada Quell needs 67 delegates to reach the 2,383 needed to win.")
    reached = _c("b", "Ada Quell has reached the 2,383 delegates needed to win.")
    assert pair_contradictions(needs, reached, ("2031-06-04", "2031-06-06")) == []
