"""Quotes and speakers on invented text: every layer (syntactic, marks, floating, relays)."""

from __future__ import annotations

import pytest

from crosswire.analyze.cues import quote_spans

pytestmark = pytest.mark.slow


def test_quote_spans_pairs_marks_and_runs_over_paragraphs() -> None:
    text = 'He said "one two" and “three.”\n\n“Four five\n\n“six seven.”'
    spans = quote_spans(text)
    inner = [text[o + 1 : c] for o, c in spans]
    assert inner[0] == "one two" and inner[1] == "three."
    assert inner[2].startswith("Four five") and inner[2].endswith("six seven.")


def test_unbalanced_mark_does_not_swallow_next_paragraph() -> None:
    text = 'A stray " mark here.\n\nNext paragraph "quoted words here."'
    assert [text[o + 1 : c] for o, c in quote_spans(text)] == ["quoted words here."]


def _run(text: str, outlet: str | None = None):
    from crosswire.analyze.entities import canonical_entities
    from crosswire.analyze.nlp import load
    from crosswire.analyze.quotes import extract_quotes

    doc = load()(text)
    found = extract_quotes(doc, canonical_entities(doc), outlet=outlet)
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


def _by_text(found, part: str):
    hits = [q for q in found if part in q.text]
    assert hits, [q.text for q in found]
    return hits[0]


def test_direct_pronoun_and_floating_quotes() -> None:
    text = (
        "Mayor Olga Brandt spoke to reporters on Tuesday. "
        "“The bridge will reopen next spring,” she said. “We have found the money for it.”"
    )
    found = _run(text)
    first = _by_text(found, "bridge will reopen")
    assert first.kind == "direct" and first.speaker == "Olga Brandt" and first.speaker_entity == "olga-brandt"
    assert first.text.endswith(",")  # punctuation inside the marks is the speaker's
    floating = _by_text(found, "found the money")
    assert floating.speaker == "Olga Brandt"


def test_indirect_speech_and_anonymous_source() -> None:
    text = "A senior ministry official said that the plan would be delayed by two months."
    q = _by_text(_run(text), "plan would be delayed")
    assert q.kind == "indirect"
    assert q.anonymous and q.speaker == "a senior ministry official"
    assert not q.text.startswith("that")


def test_according_to_strips_the_attribution() -> None:
    text = "Governor Ruth Amsel toured the plant. According to Amsel, the factory will hire 300 workers."
    q = _by_text(_run(text), "factory will hire")
    assert q.speaker == "Ruth Amsel"
    assert "According" not in q.text


def test_relay_chain_through_a_report_and_the_outlet() -> None:
    text = (
        "The army moved troops to the border, the Northern Gazette newspaper reported on Sunday.\n\n"
        "The report added that sources close to the cabinet said that the minister had ordered the move."
    )
    found = [q for q in _run(text, outlet="Daily Example") if "minister had ordered" in q.text]
    q = min(found, key=lambda q: len(q.text))  # the innermost claim, not the report's sentence about it
    assert q.anonymous and q.speaker == "sources close to the cabinet"
    assert q.relayed_via[-1] == "Daily Example"
    assert len(q.relayed_via) == 2 and "Gazette" in q.relayed_via[0]


def test_scare_quote_without_speaker_is_dropped() -> None:
    found = _run("The so-called “green wave” swept the region last year.")
    assert not [q for q in found if "green wave" in q.text]
