"""A subject "he"/"she" in a subordinate clause stands for the subject of the clause above it, not
for a person named more recently in object position (centering). Invented sentences only."""

from __future__ import annotations

import pytest


def _pronoun_owner(text: str, pronoun_at: int) -> str | None:
    from crosswire.analyze.entities import canonical_entities
    from crosswire.analyze.nlp import load

    for e in canonical_entities(load()(text)):
        if any(m.start == pronoun_at for m in e.mentions):
            return e.name
    return None


@pytest.mark.slow
def test_subordinate_he_follows_the_main_clause_subject() -> None:
    text = (
        "Donald Brask has tried to stay above the fray in Vellmar. He avoided open attacks on "
        "rival Peter Holm until last week, when he warned that the mayor was stoking unrest."
    )
    assert _pronoun_owner(text, text.index("he warned")) == "Donald Brask"


@pytest.mark.slow
def test_subordinate_she_follows_the_named_subject() -> None:
    text = "Alicia Verne praised her colleague Melanie Holt until Monday, when she said the deal was off."
    assert _pronoun_owner(text, text.index("she said")) == "Alicia Verne"


@pytest.mark.slow
def test_nearer_clause_subject_still_wins() -> None:
    text = "Donald Brask said that Peter Holm misled voters when he claimed the plant would stay open."
    assert _pronoun_owner(text, text.index("he claimed")) == "Peter Holm"


@pytest.mark.slow
def test_relative_who_stands_for_its_noun() -> None:
    text = "Donald Brask met Peter Holm, who said he was tired of the fight."
    assert _pronoun_owner(text, text.index("he was")) == "Peter Holm"
