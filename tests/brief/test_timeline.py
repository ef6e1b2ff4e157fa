from crosswire.brief.timeline import build_timeline
from crosswire.model import Analysis, Event, Report, TimeExpression

A = "Crews closed the Tarn bridge on Monday. The council will vote on repairs next week."
B = "The Tarn bridge was closed by crews on Monday. Traffic was diverted through Elmsford."


def _items():
    ra = Report(id="a", uri=None, title=None, body=A, published="2031-05-06")
    rb = Report(id="b", uri=None, title=None, body=B, published="2031-05-05")
    ea = Event("CLOSE", ("crews",), ("Tarn bridge",), None, "2031-05-05", 0, 38)
    ev = Event("CONSULT", ("council",), (), None, "2031-05-12/2031-05-16", 40, len(A))
    eb = Event("CLOSE", ("Crews",), ("Tarn bridge",), None, "2031-05-05", 0, 46)
    sa = ((0, 39), (40, len(A)))
    sb = ((0, 46), (47, len(B)))
    return [
        (ra, Analysis("a", events=(ev, ea), sentences=sa)),
        (rb, Analysis("b", events=(eb,), sentences=sb)),
    ]


def test_events_merge_across_reports_and_sort_by_when():
    entries = build_timeline(_items(), copies={})
    assert [e.when for e in entries] == ["2031-05-05", "2031-05-12/2031-05-16"]
    closed = entries[0]
    assert closed.report_ids == ("b", "a")  # b was published first
    assert closed.first_reported_by == "b"
    assert closed.text == B[:46]
    for c in closed.citations:
        body = A if c.report_id == "a" else B
        assert body[c.start : c.end] == c.text


def test_copies_are_not_counted_and_uncoded_reports_use_dated_sentences():
    items = _items()
    entries = build_timeline(items, copies={"b": "a"})
    assert all("b" not in e.report_ids for e in entries)
    rc = Report(id="c", uri=None, title=None, body="Crews shut the Tarn bridge on Monday, the mayor said.")
    times = (TimeExpression("Monday", 33, 39, "2031-05-05"), TimeExpression("soon", 0, 0, None))
    entries = build_timeline([items[0], (rc, Analysis("c", times=times, sentences=((0, len(rc.body)),)))], {})
    assert entries[0].when == "2031-05-05"
    assert set(entries[0].report_ids) >= {"c"}


def test_two_events_in_one_sentence_make_one_entry():
    ra = Report(id="a", uri=None, title=None, body=A)
    e1 = Event("CLOSE", ("crews",), ("Tarn bridge",), None, "2031-05-05", 0, 38)
    e2 = Event("BLOCK", ("police",), (), None, "2031-05-05", 0, 38)
    (entry,) = build_timeline([(ra, Analysis("a", events=(e1, e2), sentences=((0, 39),)))], {})
    assert entry.citations == (entry.citations[0],)


def test_a_dateline_is_no_entry_and_one_happening_told_twice_is_one_entry():
    # invented: two outlets tell the same after-fight scene; the coder gave the two different kinds
    a_body = "Updated: July 7, 2031, 10: 04 PM ET\n\nAfter the fight, Marsk led the crowd in singing to his trainer."
    b_body = "After the fight, Marsk led the crowd in singing to his trainer Ada Pell."
    ra = Report(id="a", uri=None, title=None, body=a_body, published="2031-07-07")
    rb = Report(id="b", uri=None, title=None, body=b_body, published="2031-07-08")
    stamp = TimeExpression("July 7, 2031", 9, 21, "2031-07-07")
    ea = Event("CELEBRATE", ("Marsk",), (), None, "2031-07-05", 37, len(a_body))
    eb = Event("OTHER", ("crowd",), (), None, "2031-07-05", 0, len(b_body))
    items = [
        (ra, Analysis("a", times=(stamp,), events=(ea,), sentences=((0, 35), (37, len(a_body))))),
        (rb, Analysis("b", events=(eb,), sentences=((0, len(b_body)),))),
    ]
    (entry,) = build_timeline(items, copies={})
    assert entry.when == "2031-07-05"
    assert entry.report_ids == ("a", "b")
    # a report without coded events falls back to its dated sentences: its dateline is still no entry
    assert build_timeline([(ra, Analysis("a", times=(stamp,), sentences=((0, 35),)))], {}) == ()


def test_a_sentence_naming_two_dates_is_one_entry_under_the_date_nearest_the_report():
    body = "Vell, famous for her 2019 role in Harbour Lights, entered a clinic on Monday."
    times = (
        TimeExpression("2019", 21, 25, "2019-01-01/2019-12-31"),
        TimeExpression("Monday", 68, 74, "2031-05-05"),
    )
    analysis = Analysis("v", times=times, sentences=((0, len(body)),))
    dated = Report(id="v", uri=None, title=None, body=body, published="2031-05-06")
    assert [e.when for e in build_timeline([(dated, analysis)], {})] == ["2031-05-05"]
    undated = Report(id="v", uri=None, title=None, body=body)
    assert [e.when for e in build_timeline([(undated, analysis)], {})] == ["2031-05-05"]  # the latest


def test_a_date_after_the_first_report_is_marked_scheduled():
    body = (
        "Ada Quell won the Tarn final on Saturday. "
        "She will defend her title against Cora Lind in Orlen on Sept. 8."
    )
    report = Report(id="r1", uri=None, title=None, body=body, published="2031-07-07T20:00:00")
    analysis = Analysis(
        "r1",
        sentences=((0, 41), (42, len(body))),
        times=(
            TimeExpression("Saturday", 34, 42, "2031-07-05"),
            TimeExpression("Sept. 8", body.index("Sept"), len(body) - 1, "2031-09-08"),
        ),
    )
    entries = build_timeline([(report, analysis)], {})
    assert [(e.when, e.scheduled) for e in entries] == [("2031-07-05", False), ("2031-09-08", True)]


def test_a_sentence_opening_on_its_own_time_is_dated_by_it_not_by_a_year_inside():
    body = (
        "On Wednesday night, the mayor portrayed Ada Quell as the kind of rival that "
        "Mr. Lind argued in 2019 was unfit."
    )
    at = body.index("2019")
    report = Report(id="r", uri=None, title=None, body=body, published="2031-07-29")
    times = (
        TimeExpression("On Wednesday night", 0, 18, "2031-07-27"),
        TimeExpression("2019", at, at + 4, "2019-01-01/2019-12-31"),
    )
    argued = Event("DISAPPROVE", ("Lind",), (), None, "2019-01-01/2019-12-31", at - 20, at + 4)
    analysis = Analysis("r", events=(argued,), times=times, sentences=((0, len(body)),))
    assert [e.when for e in build_timeline([(report, analysis)], {})] == ["2031-07-27"]
    # without events, the dated sentence is likewise listed under its own time
    analysis = Analysis("r", times=times, sentences=((0, len(body)),))
    assert [e.when for e in build_timeline([(report, analysis)], {})] == ["2031-07-27"]
