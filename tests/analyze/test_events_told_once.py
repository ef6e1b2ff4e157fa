"""An event a report tells twice (the dek, then the body) is kept once, dated: ``events.told_once``."""

from __future__ import annotations

from crosswire.analyze.events import told_once
from crosswire.model import Event


def _ev(kind, actors, targets=(), where=None, when=None, start=0) -> Event:  # noqa: ANN001
    return Event(kind, tuple(actors), tuple(targets), where, when, start, start + 10)


def test_undated_dek_mention_gives_way_to_the_dated_one() -> None:
    dek = _ev("THREATEN", ["Ada Vell"], ["the union"], start=0)
    body = _ev("THREATEN", ["Ada Vell"], ["the union"], when="2024-05-02", start=200)
    assert told_once([dek, body]) == [body]


def test_the_kept_mention_takes_the_place_the_other_names() -> None:
    dek = _ev("CONSULT", ["Ada Vell", "Ben Orr"], where="Port Quill", start=0)
    body = _ev("CONSULT", ["Ben Orr", "Ada Vell"], when="2024-05-01", start=90)
    (kept,) = told_once([dek, body])
    assert (kept.when, kept.where, kept.start) == ("2024-05-01", "Port Quill", 90)


def test_two_undated_mentions_are_kept_once_the_first() -> None:
    first = _ev("CONSULT", [], ["Ben Orr"], start=10)
    again = _ev("CONSULT", [], ["Ben Orr"], start=80)
    assert told_once([first, again]) == [first]


def test_different_events_stay() -> None:
    events = [
        _ev("THREATEN", ["Ada Vell"], ["the union"], when="2024-05-02", start=0),
        _ev("THREATEN", ["Ada Vell"], ["the union"], when="2024-05-09", start=20),  # another day
        _ev("THREATEN", ["Ada Vell"], ["the board"], start=40),  # another target
        _ev("ACCUSE", ["Ada Vell"], ["the union"], start=60),  # another kind
        _ev("CONSULT", ["Ada Vell"], where="Port Quill", start=80),
        _ev("CONSULT", ["Ada Vell"], where="Vell Bay", start=100),  # another place
        _ev("AGREE", [], start=120),  # no participants: nothing says these are one
        _ev("AGREE", [], start=140),
    ]
    assert told_once(events) == events


def test_text_order_is_kept() -> None:
    a = _ev("PROTEST", ["crews"], when="2024-05-03", start=0)
    b = _ev("THREATEN", ["Ada Vell"], ["crews"], start=30)
    c = _ev("THREATEN", ["Ada Vell"], ["crews"], when="2024-05-04", start=60)
    d = _ev("ENDORSE", ["Ben Orr"], ["crews"], start=90)
    assert told_once([a, b, c, d]) == [a, c, d]


def test_a_meeting_told_with_the_parties_arranged_differently_is_one_event() -> None:
    between = _ev("CONSULT", ["Ada Vell", "Ben Orr"], where="Port Quill", when="2024-05-01", start=0)
    with_ = _ev("CONSULT", ["Ada Vell"], ["Ben Orr"], when="2024-05-01", start=90)
    undated = _ev("CONSULT", ["Ben Orr"], ["Ada Vell"], start=150)
    assert told_once([between, with_, undated]) == [between]


def test_directed_kinds_keep_their_direction() -> None:
    one = _ev("ACCUSE", ["Ada Vell"], ["Ben Orr"], start=0)
    other = _ev("ACCUSE", ["Ben Orr"], ["Ada Vell"], start=50)
    fewer = _ev("CONSULT", ["Ada Vell"], start=90)  # one party is not the same set as two
    meeting = _ev("CONSULT", ["Ada Vell"], ["Ben Orr"], start=120)
    assert told_once([one, other, fewer, meeting]) == [one, other, fewer, meeting]
