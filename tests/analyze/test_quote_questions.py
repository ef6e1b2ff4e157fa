"""Questions put to a speaker ("Asked if ..., Smith said") and polls passed on ("according to")."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _run(text: str, outlet: str | None = None):
    from crosswire.analyze.entities import canonical_entities
    from crosswire.analyze.nlp import load
    from crosswire.analyze.quotes import extract_quotes

    doc = load()(text)
    return extract_quotes(doc, canonical_entities(doc), outlet=outlet)


def _said_by(found, name: str) -> list[str]:
    return [q.text for q in found if q.speaker and name in q.speaker]


def test_a_question_put_to_the_speaker_is_not_his_words() -> None:
    text = (
        "Senator Paul Varga spoke at the fair on Friday. Asked if it had seemed he was mocking the judge "
        "with his first remark, Varga answered, “Perhaps I was. That is why I apologized.”"
    )
    found = _run(text)
    said = _said_by(found, "Varga")
    assert not any("mocking" in s for s in said), said
    assert any(s.startswith("Perhaps I was") for s in said), said
    question = next(q for q in found if "mocking the judge" in q.text)
    assert question.speaker is None  # the reporter asked; the one asked did not say it
    assert question.text.startswith("if it had seemed")


def test_a_trailing_question_is_cut_from_the_answer() -> None:
    text = "Mayor Olga Brandt said the budget was balanced when asked about the shortfall on Monday."
    found = _run(text)
    said = _said_by(found, "Brandt")
    assert "the budget was balanced" in said, said
    assert not any("shortfall" in s for s in said), said


def test_respondents_who_say_are_the_speakers_and_the_poll_relays_them() -> None:
    # the parser hangs "majorities ..." inside the "according to" phrase and leaves "say" subjectless
    text = (
        "According to results of polls conducted for the Evening Star by Marlow Research, majorities of "
        "Republican voters in all five states say they feel betrayed by the party."
    )
    found = _run(text, outlet="Northern Post")
    said = next(q for q in found if q.text.startswith("they feel betrayed"))
    assert said.speaker is not None and "voters" in said.speaker, said.speaker
    assert any("Star" in v or "polls" in v for v in said.relayed_via), said.relayed_via
    # the poll's own report (PolNeAR's "according to" content) names who says it, not "say ..." alone
    assert not any(q.text.startswith("say they") for q in found), [q.text for q in found]
