"""Event extraction on invented sentences: kind, actors, targets, place and date from the parse.

Entities are built from spaCy's own entities (one mention each), the way the bench-free unit tests
stand in for ``entities.canonical_entities``; one test checks that a canonical entity's name wins.
"""

from __future__ import annotations

import pytest

from crosswire.model import Entity, Event, Mention

from .nerents import ner_entities

pytestmark = pytest.mark.slow

PUBLISHED = "2018-01-31"  # a Wednesday


def _events(text: str, entities: list[Entity] | None = None) -> list[Event]:
    from crosswire.analyze.events import extract_events
    from crosswire.analyze.nlp import load
    from crosswire.analyze.time import resolve_times

    doc = load()(text)
    return extract_events(
        doc, ner_entities(doc) if entities is None else entities, resolve_times(doc, PUBLISHED)
    )


def _only(text: str) -> Event:
    found = _events(text)
    assert found, f"no event in {text!r}"
    return found[0]


def test_meeting_with_place_and_date() -> None:
    event = _only("Foreign Minister Anna Lind met with Kenyan officials in Nairobi on Monday.")
    assert event.kind == "CONSULT"
    assert event.actors == ("Anna Lind",)
    assert event.targets == ("Kenya",)  # officials stand for their state (test_event_parties)
    assert event.where == "Nairobi"
    assert event.when == "2018-01-29"
    assert event.trigger == "met"


def test_conjoined_subjects_are_all_actors() -> None:
    event = _only("Norway and Kenya held talks in Oslo.")
    assert (event.kind, event.actors, event.where) == ("CONSULT", ("Norway", "Kenya"), "Oslo")
    assert event.trigger == "held talks"


def test_event_noun_between_parties() -> None:
    found = _events("The meeting between Anna Lind and Boris Kuznetsov in Oslo lasted an hour.")
    assert [(e.kind, e.actors, e.where) for e in found] == [
        ("CONSULT", ("Anna Lind", "Boris Kuznetsov"), "Oslo")
    ]


def test_passive_voice_swaps_roles() -> None:
    event = _only("The convoy was attacked by Ruritanian militants near Gulu on Tuesday.")
    assert event.kind == "ASSAULT"
    assert event.actors == ("Ruritanian militants",)
    assert event.targets == ("convoy",)
    assert (event.where, event.when) == ("Gulu", "2018-01-30")


def test_military_attackers_make_it_fight() -> None:
    assert _only("Government troops attacked rebel positions in the north.").kind == "FIGHT"


@pytest.mark.parametrize(
    ("text", "kind", "actors", "targets"),
    [
        ("Norway imposed sanctions on Ruritania last week.", "SANCTION", ("Norway",), ("Ruritania",)),
        ("Ruritania threatened to attack Norway.", "THREATEN", ("Ruritania",), ("Norway",)),
        ("Ruritania accused Norway of spying.", "ACCUSE", ("Ruritania",), ("Norway",)),
        ("Norway urged Ruritania to release the prisoners.", "DEMAND", ("Norway",), ("Ruritania",)),
        ("Police arrested three activists in Madrid.", "COERCE", ("Police",), ("activists",)),
        ("Students protested in Lagos on Monday.", "PROTEST", ("Students",), ()),
        ("Sweden agreed to cooperate with Finland.", "AGREE", ("Sweden",), ("Finland",)),
        ("Japan sent humanitarian aid to Nepal.", "AID", ("Japan",), ("Nepal",)),
        ("Ruritania rejected the proposal from Norway.", "REJECT", ("Ruritania",), ()),
        ("Ruritania deployed troops along the border.", "MOBILIZE", ("Ruritania",), ("troops",)),
    ],
)
def test_kinds_and_roles(text: str, kind: str, actors: tuple[str, ...], targets: tuple[str, ...]) -> None:
    event = _only(text)
    assert (event.kind, event.actors, event.targets) == (kind, actors, targets)


def test_threatened_act_is_not_reported_as_done() -> None:
    kinds = [e.kind for e in _events("Ruritania threatened an attack on Norwegian ships in the Baltic.")]
    assert kinds == ["THREATEN"]


def test_negated_cooperation_is_a_rejection_and_negated_attack_is_nothing() -> None:
    assert _only("Norway did not agree to the plan.").kind == "REJECT"
    assert _events("The army did not attack the village.") == []


def test_future_cooperation_is_agree_future_force_is_threaten() -> None:
    assert _only("Ruritania will withdraw its troops from the border.").kind == "AGREE"
    assert _only("Ruritania said it would blockade the port.").kind == "THREATEN"


def test_visit_takes_its_place_from_the_object() -> None:
    event = _only("The minister visited Berlin on Friday.")
    assert (event.kind, event.where, event.when) == ("VISIT", "Berlin", "2018-01-26")


def test_sentences_without_triggers_give_no_event() -> None:
    assert _events("The weather in Oslo was cold and the streets were empty.") == []
    assert _events("Officials spoke with reporters after lunch.") == []


def test_canonical_entity_name_wins_over_mention_text() -> None:
    from crosswire.analyze.nlp import load

    text = "Lind met Kuznetsov in Oslo."
    doc = load()(text)
    lind = Entity(
        id="anna-lind", name="Anna Lind", kind="PERSON", mentions=(Mention("anna-lind", 0, 4, "Lind"),)
    )
    others = [e for e in ner_entities(doc) if e.mentions[0].start != 0]
    event = _events(text, [lind, *others])[0]
    assert event.actors == ("Anna Lind",)
    assert event.targets == ("Kuznetsov",)


def test_spans_cover_the_clause() -> None:
    text = "It rained.\n\nNorway and Kenya held talks in Oslo on Monday, and the talks ended late."
    event = _events(text)[0]
    assert text[event.start : event.end].startswith("Norway and Kenya held talks in Oslo on Monday")


def test_an_event_told_in_the_dek_and_the_body_is_kept_once_dated() -> None:
    text = (
        "Ada Vell threatened the dockers' union\n\n"
        "Harbour Minister Ada Vell threatened the dockers' union on Tuesday, officials said."
    )
    threats = [e for e in _events(text) if e.kind == "THREATEN"]
    assert len(threats) == 1, threats
    assert threats[0].when == "2018-01-30" and threats[0].start >= text.index("Harbour")


def test_talks_before_their_own_act_are_theirs_and_not_dated_by_the_sentence() -> None:
    text = (
        "The Norwegian delegation, led by Erna Solberg, met Swedish officials in Oslo on Friday "
        "and said that their visit came after talks with Danish ministers."
    )
    talks = [e for e in _events(text) if e.trigger == "talks"]
    assert [(e.actors, e.targets, e.when) for e in talks] == [
        (("Erna Solberg",), ("Danish ministers",), None)
    ]


def test_without_a_pronoun_of_the_speaker_an_earlier_act_has_no_actor() -> None:
    text = "The ministry said on Friday that the crisis came after talks with Danish ministers."
    talks = [e for e in _events(text) if e.trigger == "talks"]
    assert [(e.actors, e.targets) for e in talks] == [((), ("Danish ministers",))]


def test_a_date_in_a_relative_clause_dates_that_clause_not_the_event() -> None:
    """ "urged North Korea to resume talks it abandoned in 2009": 2009 is when the talks were
    abandoned, not when the urging happened; the event keeps no date rather than a wrong one."""
    found = _events("Ban Ki-moon urged North Korea to resume the talks it abandoned in 2009.")
    urged = [e for e in found if e.kind == "DEMAND"]
    assert urged and urged[0].when != "2009-01-01/2009-12-31", urged
    found = _events(
        "Former Governor Ed Rendell, who served as chairman during the 2000 election, agreed with the plan on Monday."
    )
    agreed = [e for e in found if e.kind == "AGREE"]
    assert agreed and agreed[0].when == "2018-01-29", agreed


def test_a_staff_credit_line_is_no_aid() -> None:
    assert not _events("Mara Quint in Paris and Dana Rolf contributed reporting.")
    assert _only("Donors contributed $5 million to the relief fund.").kind == "AID"


@pytest.mark.parametrize(
    "sentence",
    [
        "Senator Ted Marsk thanked Governor Anna Lind on Twitter after the vote.",
        "Senator Ted Marsk attacked Governor Anna Lind on CNN after the vote.",
    ],
)
def test_the_channel_an_act_went_through_is_no_target(sentence: str) -> None:
    found = [e for e in _events(sentence) if "Anna Lind" in e.targets]
    assert found, _events(sentence)
    assert all(t in ("Anna Lind",) for e in found for t in e.targets)


@pytest.mark.parametrize(
    "sentence",
    [
        "Managers at Quill Bank were under pressure to meet sales targets last year.",
        "Anna Lind met the deadline on Monday.",
        "A man who committed suicide in June 2015 was named on Monday.",
        "Governor Anna Lind beat back a challenge from the left in the primary.",
    ],
)
def test_an_object_that_is_no_party_makes_no_meeting_pact_or_attack(sentence: str) -> None:
    assert [e for e in _events(sentence) if e.kind in ("CONSULT", "AGREE", "ASSAULT", "FIGHT")] == []


def test_an_actor_is_a_noun_phrase_never_a_clause_the_tagger_ran_a_name_into() -> None:
    """The tagger ran "Marr accused Quell" on into one ORG whose name took the clause ("Marr accused
    Quell of being a"): the actor is the person, by the surname of the report's one Ode Marr (trial 8,
    finding 10)."""
    text = (
        "Ode Marr debated Ada Quell on Monday.\n\nMarr accused Quell of being a Democrat, the campaign said."
    )
    at = text.index("Marr accused")
    clause = text[at : text.index(" Democrat")]
    marr = Entity("ode-marr", "Ode Marr", "PERSON", mentions=(Mention("ode-marr", 0, 8, "Ode Marr"),))
    quell = Entity("ada-quell", "Ada Quell", "PERSON", mentions=(Mention("ada-quell", 17, 26, "Ada Quell"),))
    glued = Entity("glued", clause, "ORG", mentions=(Mention("glued", at, at + len(clause), clause),))
    event = next(e for e in _events(text, [marr, quell, glued]) if e.trigger == "accused")
    assert event.actors == ("Ode Marr",)
    assert not any("accused" in name for name in (*event.actors, *event.targets))


def test_since_a_year_is_the_start_of_a_state_not_the_events_date() -> None:
    """ "accused Quell of being a Democrat, though records show she has been a Republican since 2003":
    the accusation is not dated 2003."""
    event = next(
        e
        for e in _events(
            "Ode Marr accused Ada Quell of being a Democrat, though records show she has been a "
            "registered Republican since 2003."
        )
        if e.trigger == "accused"
    )
    assert event.when is None
