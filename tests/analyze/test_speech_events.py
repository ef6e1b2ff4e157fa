"""Speech that is an event (``speech_events.py``), on invented sentences: a named speaker's
conditional warning is THREATEN, a hostile act or intent ascribed to a named party is ACCUSE, and
"I"/"we" in a quote stand for its speaker. Neutral, negated and unnamed-target quotes yield nothing.
"""

from __future__ import annotations

import pytest

from crosswire.model import Event

from .nerents import ner_entities

pytestmark = pytest.mark.slow

PUBLISHED = "2018-01-31"  # a Wednesday; "Tuesday" is 2018-01-30


def _events(text: str) -> list[Event]:
    from crosswire.analyze.events import extract_events
    from crosswire.analyze.nlp import load
    from crosswire.analyze.quotes import extract_quotes
    from crosswire.analyze.time import resolve_times

    doc = load()(text)
    entities = ner_entities(doc)
    said = extract_quotes(doc, entities)
    return extract_events(doc, entities, resolve_times(doc, PUBLISHED), quotes=said)


def _spoken(text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...], str | None]]:
    return [(e.kind, e.actors, e.targets, e.when) for e in _events(text) if e.kind in ("THREATEN", "ACCUSE")]


def test_a_conditional_warning_is_a_threat_against_the_subjects_of_the_condition() -> None:
    text = (
        "Finance Minister Maria Lindqvist spoke to reporters on Tuesday, saying, “If Norway and "
        "Denmark keep raising tariffs on our steel, it will bring ruin upon their fishing fleets.”"
    )
    assert _spoken(text) == [("THREATEN", ("Maria Lindqvist",), ("Norway", "Denmark"), "2018-01-30")]


def test_the_date_is_the_day_it_was_said_not_the_day_in_the_quote() -> None:
    text = (
        "Maria Lindqvist spoke on Tuesday, saying, “If Norway fires on our ships, "
        "we will strike back on Friday.”"
    )
    assert _spoken(text) == [("THREATEN", ("Maria Lindqvist",), ("Norway",), "2018-01-30")]


def test_a_hostile_intent_ascribed_to_a_named_party_is_an_accusation() -> None:
    text = (
        "Defence Minister Maria Lindqvist commented on the dispute on Tuesday, saying that Norway "
        "was trying “to strangle the economy of Sweden.”"
    )
    assert _spoken(text) == [("ACCUSE", ("Maria Lindqvist",), ("Norway",), "2018-01-30")]


def test_building_weapons_ascribed_to_a_named_party_is_an_accusation() -> None:
    text = "“Norway is building rocket launchers along our border,” Maria Lindqvist said on Tuesday."
    assert _spoken(text) == [("ACCUSE", ("Maria Lindqvist",), ("Norway",), "2018-01-30")]


@pytest.mark.parametrize(
    "text",
    [
        # neutral content: a pursuit with no hostile word
        "Maria Lindqvist spoke on Tuesday, saying that Norway was trying to improve trade with Sweden.",
        # a condition whose consequence names no harm
        "“If Norway lowers its tariffs, we will buy more fish,” Maria Lindqvist said on Tuesday.",
        # a denial is not an accusation
        "Maria Lindqvist said on Tuesday that Norway is not trying to build nuclear weapons.",
        # a warning aimed at no named party
        "“If they attack us, it will bring disaster upon them,” Maria Lindqvist said on Tuesday.",
        # the harm is what is to be countered, or someone else would do it
        "Maria Lindqvist said on Tuesday that Norway is trying to prevent terrorist attacks.",
        "Maria Lindqvist said on Tuesday that Norway is seeking a partner to counter missile threats.",
        # a hostile pursuit asked about, not ascribed
        "Maria Lindqvist asked on Tuesday whether Norway was trying to build nuclear weapons.",
    ],
)
def test_neutral_negated_and_targetless_quotes_yield_no_speech_event(text: str) -> None:
    assert _spoken(text) == []


def test_we_in_a_quote_is_its_speaker() -> None:
    text = "“We just finished two rounds of talks with Prime Minister Erna Solberg,” said Maria Lindqvist."
    consults = [(e.actors, e.targets) for e in _events(text) if e.kind == "CONSULT"]
    assert consults == [(("Maria Lindqvist",), ("Erna Solberg",))]


def test_we_outside_a_quote_stays_nobody() -> None:
    text = "We held talks with Prime Minister Erna Solberg on Tuesday."
    consults = [(e.actors, e.targets) for e in _events(text) if e.kind == "CONSULT"]
    assert consults == [((), ("Erna Solberg",))]


def test_an_event_noun_mentioned_in_passing_spans_its_own_phrase() -> None:
    text = "Sweden sent an envoy to Oslo in view of Denmark's opposition to Norway's request for a loan."
    demands = [e for e in _events(text) if e.kind == "DEMAND"]
    assert [text[e.start : e.end] for e in demands] == ["Norway's request for a loan"]
