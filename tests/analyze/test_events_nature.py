"""Nature is no party, remembering is no sanction, history is no news, and a planned visit's
weekday lies ahead (invented sentences, dated reports)."""

from __future__ import annotations

import pytest

from crosswire.analyze.history import not_history, report_year
from crosswire.analyze.time import resolve
from crosswire.model import Event, TimeExpression

from .nerents import ner_entities

TUESDAY = "2026-03-03"


def _event(when: str | None) -> Event:
    return Event(
        kind="ASSAULT", actors=("rebels",), targets=(), where=None, when=when, start=0, end=5, trigger="x"
    )


def test_history_is_dropped_against_the_published_year() -> None:
    kept = not_history([_event("1920-01-01/1920-12-31"), _event("2010-05-01"), _event(None)], [], TUESDAY)
    assert [e.when for e in kept] == ["2010-05-01", None]


def test_report_year_is_read_off_relative_phrases_when_unpublished() -> None:
    times = [
        TimeExpression(text="1941", start=0, end=4, value="1941-01-01/1941-12-31"),
        TimeExpression(text="on Tuesday", start=10, end=20, value="2026-03-03"),
        TimeExpression(text="2050", start=30, end=34, value="2050-01-01/2050-12-31"),
    ]
    assert report_year(times) == 2026
    assert report_year(times[:1]) is None  # only absolute dates: nothing to measure against


def test_future_weekday_resolves_forward() -> None:
    assert resolve("on Wednesday", TUESDAY, future=True) == "2026-03-04"
    assert resolve("on Wednesday", TUESDAY) == "2026-02-25"


def _events(text: str, published: str = TUESDAY) -> list[Event]:
    from crosswire.analyze.events import extract_events
    from crosswire.analyze.nlp import load
    from crosswire.analyze.time import resolve_times

    doc = load()(text)
    return extract_events(doc, ner_entities(doc), resolve_times(doc, published))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Prime Minister Dana Holm said she would visit Velmora on Wednesday.", "2026-03-04"),
        ("Prime Minister Dana Holm is due to visit Velmora on Wednesday.", "2026-03-04"),
        ("Prime Minister Dana Holm plans to visit Velmora on Wednesday.", "2026-03-04"),
        ("Prime Minister Dana Holm will visit Velmora next Wednesday.", "2026-03-04"),
        ("Prime Minister Dana Holm visited Velmora on Wednesday.", "2026-02-25"),
    ],
)
def test_planned_visit_is_dated_ahead(sentence: str, day: str) -> None:
    visits = [e for e in _events(sentence) if "Velmora" in (*e.targets, e.where)]
    assert [e.when for e in visits] == [day]


@pytest.mark.slow
def test_a_done_act_beside_a_plan_does_not_take_the_plans_day() -> None:
    found = _events(
        "Minister Dita Ross pledged aid to the region and said she would travel to Velmora on Thursday."
    )
    pledged = [e for e in found if e.trigger == "pledged"]
    assert pledged and pledged[0].when is None  # told as done: the report's own day, not Thursday
    assert [e.when for e in found if e.trigger == "travel"] == ["2026-03-05"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "A magnitude 6.1 earthquake struck the port city of Velmora on Tuesday, killing at least nine people.",
        "The storm destroyed dozens of homes along the coast on Monday.",
        "A wildfire attacked the hillside villages overnight.",
    ],
)
def test_forces_of_nature_do_not_fight_or_assault(sentence: str) -> None:
    assert not [e for e in _events(sentence) if e.kind in ("FIGHT", "ASSAULT", "COERCE", "THREATEN")]


@pytest.mark.slow
def test_parties_still_fight_and_assault() -> None:
    found = _events("Rebels attacked the town of Pelvo on Monday, killing six soldiers.")
    assert {e.kind for e in found} & {"ASSAULT", "FIGHT"}


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "We might recall the promises the council made to the farmers.",
        "The charter also recalls earlier declarations of the northern towns.",
    ],
)
def test_recall_as_remembering_is_no_sanction(sentence: str) -> None:
    assert not [e for e in _events(sentence) if e.kind == "SANCTION"]


@pytest.mark.slow
def test_recalling_an_ambassador_is_a_sanction() -> None:
    assert [e.kind for e in _events("Norland recalled its ambassador to Velmora on Monday.")] == ["SANCTION"]


@pytest.mark.slow
def test_events_a_century_back_are_background() -> None:
    found = _events(
        "Rebels attacked the town of Pelvo on Monday. In 1921, rebels attacked the fort at Oster."
    )
    assert [e.when for e in found] == ["2026-03-02"]
