"""Event targets described through named parties ("Iranian and Hezbollah targets") are those parties.

Invented sentences only. Positive cases check the party names; negative ones check that a bound
demonym ("Iranian-born", "Iranian-backed"), a stateless group ("Kurdish fighters"), a rebel group
named by its country ("Rwandan rebels"), an actor, and a quote's speaker keep their description.
"""

from __future__ import annotations

import pytest

from crosswire.analyze.demonyms import DEMONYMS, country_of
from crosswire.model import Event

from .nerents import ner_entities


def test_demonyms_map_to_their_country() -> None:
    assert country_of("Iranian") == "Iran"
    assert country_of("israeli") == "Israel"
    assert country_of("North  Koreans") == "North Korea"
    assert country_of("Swiss") == "Switzerland"
    assert country_of("Filipinos") == "Philippines"
    assert country_of("Saudi") == "Saudi Arabia"


def test_ambiguous_and_unknown_words_are_no_country() -> None:
    for word in ("Korean", "Kurdish", "Arab", "Soviet", "Serb", "Ruritanian", "senior", ""):
        assert country_of(word) is None, word


def test_table_covers_the_worlds_countries() -> None:
    countries = set(DEMONYMS.values())
    assert len(countries) >= 190
    assert {"Iran", "Israel", "Russia", "United States", "China", "Brazil", "Nigeria"} <= countries


def _events(text: str) -> list[Event]:
    from crosswire.analyze.events import extract_events
    from crosswire.analyze.nlp import load
    from crosswire.analyze.time import resolve_times

    doc = load()(text)
    return extract_events(doc, ner_entities(doc), resolve_times(doc, "2018-01-31"))


def _first(text: str) -> Event:
    found = _events(text)
    assert found, f"no event in {text!r}"
    return found[0]


@pytest.mark.slow
def test_conjoined_party_modifiers_are_the_targets() -> None:
    event = _first("The general threatened a strike on Iranian and Hezbollah targets in Lebanon.")
    assert event.kind == "THREATEN"
    assert set(event.targets) >= {"Iran", "Hezbollah"}
    assert "Iranian and Hezbollah targets" not in event.targets
    assert event.where == "Lebanon"


@pytest.mark.slow
def test_state_heads_take_demonyms_and_places() -> None:
    event = _first("Anna Lind met North Korean officials and U.S. and Russian diplomats in Oslo.")
    assert event.kind == "CONSULT"
    assert set(event.targets) >= {"North Korea", "Russia"}
    assert any(t.startswith("U.S") for t in event.targets)
    assert not any("officials" in t or "diplomats" in t for t in event.targets)


@pytest.mark.slow
def test_an_organisation_stands_for_its_fighters() -> None:
    event = _first("Government troops shelled Hezbollah fighters near the border on Monday.")
    assert event.targets == ("Hezbollah",)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Police in Oslo arrested the Iranian-born writer on Tuesday.", "writer"),
        ("Government troops attacked Iranian-backed militias near the border.", "militias"),
        ("Government troops attacked Kurdish fighters near the border.", "Kurdish fighters"),
        ("Government troops attacked Rwandan rebels near the border.", "Rwandan rebels"),
    ],
)
def test_bound_or_stateless_modifiers_keep_the_description(text: str, kept: str) -> None:
    event = _first(text)
    assert any(kept in t for t in event.targets), event.targets
    assert not {"Iran", "Rwanda"} & set(event.targets)


@pytest.mark.slow
def test_actors_keep_their_description() -> None:
    event = _first("Israeli troops attacked Syrian positions near the border on Monday.")
    assert event.actors == ("Israeli troops",)
    assert event.targets == ("Syria",)


@pytest.mark.slow
def test_a_quoted_speaker_stays_a_description() -> None:
    from crosswire.analyze.entities import canonical_entities
    from crosswire.analyze.nlp import load
    from crosswire.analyze.quotes import extract_quotes

    text = "Senior Israeli officials said that the border crossing would reopen next week."
    doc = load()(text)
    quotes = extract_quotes(doc, canonical_entities(doc))
    assert [q.speaker for q in quotes if "crossing" in q.text] == ["Senior Israeli officials"]
