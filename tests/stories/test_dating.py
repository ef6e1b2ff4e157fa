from crosswire.model import Analysis, Entity, Event, Report, TimeExpression
from crosswire.stories.dating import date_from_story

# Invented: 2031-03-03 is a Monday, 2031-02-24 the Monday before.
UNDATED_BODY = (
    "Prime Minister Oda Varn met President Teo Sarr in Kestra on Monday to discuss the river treaty."
)


def _undated() -> tuple[Report, Analysis]:
    start = UNDATED_BODY.index("met")
    ev = Event("CONSULT", ("Oda Varn",), ("Teo Sarr",), "Kestra", None, 0, len(UNDATED_BODY), "met")
    ents = (Entity("oda-varn", "Oda Varn", "PERSON"), Entity("kestra", "Kestra", "GPE"))
    assert start > 0
    return Report(id="u", uri=None, title="Varn and Sarr meet", body=UNDATED_BODY), Analysis(
        "u", entities=ents, events=(ev,)
    )


def _sibling(rid: str, when: str, kind: str = "CONSULT", where: str = "Kestra") -> tuple[Report, Analysis]:
    body = "Oda Varn and Teo Sarr held talks."
    ev = Event(kind, ("Oda Varn",), ("Teo Sarr",), where, when, 0, len(body), "talks")
    ents = (Entity("oda-varn", "Oda Varn", "PERSON"),)
    rep = Report(id=rid, uri=None, title=f"Talks report {rid}", body=body, published=when)
    return rep, Analysis(rid, entities=ents, events=(ev,))


def test_weekday_matched_to_sibling_event_gives_date_and_reason():
    report, analysis = _undated()
    got = date_from_story(report, analysis, [_sibling("s1", "2031-03-03")])
    assert got is not None
    published, reason = got
    assert published == "2031-03-03"
    assert "'Monday'" in reason and "Oda Varn" in reason and "Kestra" in reason
    assert "Talks report s1" in reason and "2031-03-03" in reason


def test_sibling_event_on_another_weekday_is_not_used():
    report, analysis = _undated()
    assert date_from_story(report, analysis, [_sibling("s1", "2031-03-04")]) is None  # a Tuesday


def test_latest_matching_monday_wins():
    report, analysis = _undated()
    got = date_from_story(report, analysis, [_sibling("s1", "2031-02-24"), _sibling("s2", "2031-03-03")])
    assert got is not None and got[0] == "2031-03-03"


def test_shared_entities_suffice_without_events():
    report = Report(id="u", uri=None, title=None, body="Oda Varn spoke in Kestra on Friday.")
    analysis = Analysis("u", entities=(Entity("oda-varn", "Oda Varn", "PERSON"),))
    sib = Report(id="s", uri=None, title="Varn speech", body="Oda Varn spoke.", published="2031-03-07")
    sib_analysis = Analysis(
        "s", entities=(Entity("oda-varn", "Oda Varn", "PERSON"),), times=(TimeExpression("x", 0, 1, None),)
    )
    got = date_from_story(report, analysis, [(sib, sib_analysis)])
    assert got is not None and got[0] == "2031-03-07"  # a Friday
    assert "Oda Varn" in got[1] and "Varn speech" in got[1]


def test_dated_report_or_no_weekday_gives_none():
    report, analysis = _undated()
    dated = Report(id="u", uri=None, title=None, body=UNDATED_BODY, published="2031-03-03")
    assert date_from_story(dated, analysis, [_sibling("s1", "2031-03-03")]) is None
    plain = Report(id="u", uri=None, title=None, body="Oda Varn met Teo Sarr in Kestra.")
    assert date_from_story(plain, analysis, [_sibling("s1", "2031-03-03")]) is None


def test_a_day_the_sibling_looks_forward_to_is_not_borrowed():
    """A sibling dated Friday 2031-03-07 that names a coming Friday (2031-04-04, "will meet again")
    vouches for its own Friday, not the future one."""
    report = Report(id="u", uri=None, title=None, body="Oda Varn spoke in Kestra on Friday.")
    analysis = Analysis("u", entities=(Entity("oda-varn", "Oda Varn", "PERSON"),))
    sib = Report(id="s", uri=None, title="Varn speech", body="Oda Varn spoke.", published="2031-03-07")
    ahead = TimeExpression("April 4", 0, 7, "2031-04-04")
    sib_analysis = Analysis("s", entities=(Entity("oda-varn", "Oda Varn", "PERSON"),), times=(ahead,))
    got = date_from_story(report, analysis, [(sib, sib_analysis)])
    assert got is not None and got[0] == "2031-03-07"
