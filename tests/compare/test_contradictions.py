from crosswire.compare.contradictions import (
    find_contradictions,
    number_value,
    numbers_by_unit,
    pair_contradictions,
)
from crosswire.compare.text import tokens
from crosswire.model import Alignment, Analysis, Citation, Quote, TimeExpression, Variant


def _c(rid: str, text: str, start: int = 0) -> Citation:
    return Citation(rid, start, start + len(text), text)


def test_number_value_reads_digits_words_and_scales():
    assert number_value(tokens("about 1,500 people")) == 1500
    assert number_value(tokens("3.5 million dollars")) == 3_500_000
    assert number_value(tokens("seven boats")) == 7
    assert number_value(tokens("no number here")) is None
    assert numbers_by_unit(tokens("12 boats and 40 crew members")) == {"boat": {12}, "crew": {40}}


def test_pair_rules_find_number_name_and_date():
    found = pair_contradictions(
        _c("a", "The envoy met the council in Rivermouth on Monday and 12 boats sank."),
        _c("b", "The envoy met the council in Lakeside on Wednesday and 19 boats sank."),
    )
    kinds = {c.kind: c.values for c in found}
    assert kinds["name"] == ("Rivermouth", "Lakeside")
    assert kinds["date"] == ("Monday", "Wednesday")
    assert kinds["number"] == ("12", "19")


def test_agreeing_or_loosely_related_pairs_are_not_contradictions():
    same = "The council approved 40 new berths in Rivermouth on Monday."
    assert pair_contradictions(_c("a", same), _c("b", same)) == []
    assert (
        pair_contradictions(_c("a", same), _c("b", "The Rivermouth council, meeting Monday, backed berths."))
        == []
    )
    # an alias of the same name is not a contradiction
    assert (
        pair_contradictions(
            _c("a", "Minister Ada Quell opened the bridge."), _c("b", "Minister Quell opened the bridge.")
        )
        == []
    )


def test_find_contradictions_uses_resolved_dates_and_speakers():
    a = _c("a", "The storm reached the islands early in the week.")
    b = _c("b", "The storm reached the islands late in the week.")
    analyses = {
        "a": Analysis("a", times=(TimeExpression("early in the week", 27, 44, "2031-03-03"),)),
        "b": Analysis("b", times=(TimeExpression("late in the week", 27, 43, "2031-03-07"),)),
    }
    found = find_contradictions([Alignment((a, b), 0.9)], [], analyses, {"a": "a", "b": "b"})
    assert [(c.kind, c.values) for c in found] == [("date", ("2031-03-03", "2031-03-07"))]
    # members of one copy group never contradict each other
    assert find_contradictions([Alignment((a, b), 0.9)], [], analyses, {"a": "a", "b": "a"}) == ()

    qa, qb = _c("a", "we will not close the port"), _c("b", "we shall not close the port")
    analyses = {
        "a": Analysis("a", quotes=(Quote(qa.text, 0, qa.end, "direct", "Ada Quell"),)),
        "b": Analysis("b", quotes=(Quote(qb.text, 0, qb.end, "direct", "Bram Osk"),)),
    }
    found = find_contradictions([], [Variant("Ada Quell", (qa, qb))], analyses, {"a": "a", "b": "b"})
    assert [(c.kind, c.values) for c in found] == [("speaker", ("Ada Quell", "Bram Osk"))]
    analyses["b"] = Analysis("b", quotes=(Quote(qb.text, 0, qb.end, "direct", "Quell"),))
    assert find_contradictions([], [Variant("Ada Quell", (qa, qb))], analyses, {"a": "a", "b": "b"}) == ()


def test_a_speaker_named_in_the_quoted_words_is_no_speaker_clash():
    # b's "he will say" was resolved into its own next quote, which speaks of Ada Quell
    qa = _c("a", "until you have sat at that desk you do not know")
    qb = _c("b", "until you've sat at that desk, you don't know")
    nxt = "But Ada's been in the room."
    analyses = {
        "a": Analysis("a", quotes=(Quote(qa.text, 0, qa.end, "direct", "Bram Osk"),)),
        "b": Analysis(
            "b",
            quotes=(
                Quote(qb.text, 0, qb.end, "direct", "Ada Quell"),
                Quote(nxt, qb.end + 16, qb.end + 16 + len(nxt), "direct", "Ada Quell"),
            ),
        ),
    }
    found = find_contradictions([], [Variant("Bram Osk", (qa, qb))], analyses, {"a": "a", "b": "b"})
    assert found == ()
    # a quote of hers far off in the report is another passage: the clash stands
    far = Quote(nxt, 900, 900 + len(nxt), "direct", "Ada Quell")
    analyses["b"] = Analysis("b", quotes=(Quote(qb.text, 0, qb.end, "direct", "Ada Quell"), far))
    found = find_contradictions([], [Variant("Bram Osk", (qa, qb))], analyses, {"a": "a", "b": "b"})
    assert [c.kind for c in found] == ["speaker"]


def test_the_same_time_words_resolved_against_different_days_are_no_disagreement():
    # both outlets wrote "Saturday night"; one report's guessed day put its Saturday two months later
    a = _c("a", "Ivo Marsk stopped Pell Corran in the sixth round Saturday night.")
    b = _c("b", "Ivo Marsk stopped Pell Corran in the sixth round on Saturday in Bern.")
    analyses = {
        "a": Analysis("a", times=(TimeExpression("Saturday night", 49, 63, "2031-07-05"),)),
        "b": Analysis("b", times=(TimeExpression("on Saturday", 49, 60, "2031-09-06"),)),
    }
    assert find_contradictions([Alignment((a, b), 0.9)], [], analyses, {"a": "a", "b": "b"}) == ()


def test_a_year_recalled_beside_a_day_is_an_earlier_occasion_not_a_clash():
    a = _c("a", "Marsk stopped Corran in the sixth round on Saturday.")
    b = _c("b", "In 2019, Marsk stopped Corran in the eleventh round.")
    analyses = {
        "a": Analysis("a", times=(TimeExpression("on Saturday", 40, 51, "2031-07-05"),)),
        "b": Analysis("b", times=(TimeExpression("2019", 3, 7, "2019-01-01/2019-12-31"),)),
    }
    assert find_contradictions([Alignment((a, b), 0.9)], [], analyses, {"a": "a", "b": "b"}) == ()
    # two years that cannot both be right still clash
    c = _c("c", "In 2021, Marsk stopped Corran in the eleventh round.")
    analyses["c"] = Analysis("c", times=(TimeExpression("2021", 3, 7, "2021-01-01/2021-12-31"),))
    found = find_contradictions([Alignment((b, c), 0.9)], [], analyses, {"b": "b", "c": "c"})
    assert [(x.kind, x.values) for x in found] == [("date", ("2019", "2021"))]  # a date, not a count


def test_another_place_or_a_month_ahead_is_another_occasion_not_a_date_clash():
    from crosswire.model import Entity, Mention

    a = _c("a", "Ada Quell won the Varna primary, the wire declared on Thursday.")
    b = _c("b", "Ada Quell has won the primary in Tesk, her third win on Tuesday.")
    analyses = {
        "a": Analysis(
            "a",
            entities=(Entity("varna", "Varna", "GPE", mentions=(Mention("varna", 18, 23, "Varna"),)),),
            times=(TimeExpression("on Thursday", 51, 62, "2031-03-13"),),
        ),
        "b": Analysis(
            "b",
            entities=(Entity("tesk", "Tesk", "GPE", mentions=(Mention("tesk", 33, 37, "Tesk"),)),),
            times=(TimeExpression("on Tuesday", 54, 64, "2031-03-11"),),
        ),
    }
    groups = {"a": "a", "b": "b"}
    assert find_contradictions([Alignment((a, b), 0.9)], [], analyses, groups) == ()  # two wins
    # the same place on two days does clash
    tesk = (Entity("tesk", "Tesk", "GPE", mentions=(Mention("tesk", 18, 22, "Tesk"),)),)
    analyses["a"] = Analysis("a", entities=tesk, times=analyses["a"].times)
    assert [c.kind for c in find_contradictions([Alignment((a, b), 0.9)], [], analyses, groups)] == ["date"]
    # a month named beside a day: the general election ahead, not the primary's day
    c = _c("c", "Voters back Ada Quell as the nominee in November, polls say.")
    analyses["c"] = Analysis("c", times=(TimeExpression("in November", 38, 49, "2031-11-01/2031-11-30"),))
    assert find_contradictions([Alignment((b, c), 0.9)], [], analyses, {"b": "b", "c": "c"}) == ()


def test_two_rewrites_of_one_wire_story_dispute_a_report_once():
    from crosswire.compare import _merge
    from crosswire.model import Contradiction

    x, y, z = _c("x", "On Tuesday ..."), _c("y", "On Tuesday ..."), _c("z", "On Thursday ...")
    rows = (
        Contradiction("date: a vs b", "date", (x, z), ("a", "b")),
        Contradiction("date: a vs b", "date", (y, z), ("a", "b")),
    )
    assert len(_merge(rows, [], {"x": "x", "y": "x", "z": "z"})) == 1  # y rewrites x
    assert len(_merge(rows, [], {"x": "x", "y": "y", "z": "z"})) == 2  # two sources


def test_two_alike_remarks_by_two_people_are_no_speaker_clash():
    """Trial 8: "we think we have a path toward victory" (Sanders) and "But I think we have a viable
    path." (Devine) are two quotes; the same words given to two names still clash."""
    qa, qb = (
        _c("a", "and we think we have a path toward victory,"),
        _c("b", "But I think we have a viable path."),
    )
    analyses = {
        "a": Analysis("a", quotes=(Quote(qa.text, 0, qa.end, "direct", "Ada Quell"),)),
        "b": Analysis("b", quotes=(Quote(qb.text, 0, qb.end, "direct", "Bram Osk"),)),
    }
    groups = {"a": "a", "b": "b"}
    assert find_contradictions([], [Variant(None, (qa, qb))], analyses, groups) == ()
    qc = _c("b", "and we think we've got a path toward victory")
    analyses["b"] = Analysis("b", quotes=(Quote(qc.text, 0, qc.end, "direct", "Bram Osk"),))
    found = find_contradictions([], [Variant(None, (qa, qc))], analyses, groups)
    assert [c.kind for c in found] == ["speaker"]


def test_a_tally_dated_as_of_a_day_is_no_date_clash():
    """Trial 8: "As of Wednesday, Clinton had 90% of the delegates needed" vs "could have about 90%
    ... after all the votes are counted Tuesday": one count, taken on two days."""
    a = _c("a", "As of Wednesday, Ada Quell had 90% of the delegates needed to clinch the nomination.")
    b = _c("b", "Ada Quell could have about 90% of the delegates needed once the votes are counted Tuesday.")
    analyses = {
        "a": Analysis("a", times=(TimeExpression("As of Wednesday", 0, 15, "2031-04-23"),)),
        "b": Analysis("b", times=(TimeExpression("Tuesday", 82, 89, "2031-04-22"),)),
    }
    assert find_contradictions([Alignment((a, b), 0.9)], [], analyses, {"a": "a", "b": "b"}) == ()
    # without a tally's date the two days do clash
    a2 = _c("a", "On Wednesday, Ada Quell had 90% of the delegates needed to clinch the nomination.")
    analyses["a"] = Analysis("a", times=(TimeExpression("On Wednesday", 0, 12, "2031-04-23"),))
    found = find_contradictions([Alignment((a2, b), 0.9)], [], analyses, {"a": "a", "b": "b"})
    assert [c.kind for c in found] == ["date"]


def test_a_span_of_days_beside_one_day_is_no_date_clash():
    """Trial 8: "next week's contests", resolved to a weekend, against the contests' Tuesday."""
    a = _c("a", "By the end of next week's contests in Varna, her lead will be secure.")
    b = _c("b", "By the end of Tuesday's contests in Varna, her lead was secure.")
    analyses = {
        "a": Analysis("a", times=(TimeExpression("next week's", 14, 25, "2031-04-26/2031-04-27"),)),
        "b": Analysis("b", times=(TimeExpression("Tuesday's", 14, 23, "2031-04-22"),)),
    }
    assert find_contradictions([Alignment((a, b), 0.9)], [], analyses, {"a": "a", "b": "b"}) == ()


def test_a_day_ahead_in_one_report_and_past_in_another_are_two_occasions():
    """Trial 8: "wins Tuesday in Maryland" (past when written) vs "expects to win that state's May 10
    primary" (ahead when written) were shown as a date clash."""
    a = _c("a", "Ada Quell's wins Tuesday in the north solidify her claim to the nomination.")
    b = _c("b", "Bram Osk told a crowd that he expects to win the north's May 10 primary.")
    analyses = {
        "a": Analysis("a", times=(TimeExpression("Tuesday", 17, 24, "2031-04-22"),)),
        "b": Analysis("b", times=(TimeExpression("May 10", 61, 67, "2031-05-10"),)),
    }
    al = [Alignment((a, b), 0.9)]
    groups = {"a": "a", "b": "b"}
    assert [c.kind for c in find_contradictions(al, [], analyses, groups)] == ["date"]
    published = {"a": "2031-04-23T08:00", "b": "2031-04-23T09:00"}
    assert find_contradictions(al, [], analyses, groups, published) == ()


def test_one_statement_against_several_reports_is_one_row():
    """Trial 8: one misdated statement was listed once per report it disagreed with (three rows)."""
    a = _c("a", "Ada Quell won the Varna primary on Thursday, officials said.")
    b = _c("b", "Ada Quell won the Varna primary on Tuesday, officials said.")
    c = _c("c", "Ada Quell won the Varna primary on Tuesday, officials said.")
    analyses = {
        "a": Analysis("a", times=(TimeExpression("on Thursday", 32, 43, "2031-04-24"),)),
        "b": Analysis("b", times=(TimeExpression("on Tuesday", 32, 42, "2031-04-22"),)),
        "c": Analysis("c", times=(TimeExpression("on Tuesday", 32, 42, "2031-04-22"),)),
    }
    found = find_contradictions([Alignment((a, b, c), 0.9)], [], analyses, {"a": "a", "b": "b", "c": "c"})
    assert [(x.kind, x.values) for x in found] == [("date", ("Thursday", "Tuesday"))]
    assert [m.report_id for m in found[0].members] == ["a", "b", "c"]


def test_one_statement_against_several_is_one_row_with_that_statement_first():
    from crosswire.compare.contradictions import _one_row_per_statement
    from crosswire.model import Citation, Contradiction

    b1, a, b2 = (Citation(r, 0, 5, "x") for r in ("r1", "r0", "r2"))
    rows = _one_row_per_statement(
        [
            Contradiction("date", "date", (b1, a), ("2016-03-01", "2016-03-08")),
            Contradiction("date", "date", (a, b2), ("2016-03-01", "2016-03-08")),
        ]
    )
    assert len(rows) == 1 and rows[0].members == (a, b1, b2)
