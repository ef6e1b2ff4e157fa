"""Who is (and is not) a source: deeds shown, things and datelines are no speakers of words."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _run(text: str, outlet: str | None = None):
    from crosswire.analyze.entities import canonical_entities
    from crosswire.analyze.nlp import load
    from crosswire.analyze.quotes import extract_quotes

    doc = load()(text)
    return extract_quotes(doc, canonical_entities(doc), outlet=outlet)


def _said(found):
    """What a who-said-what view lists: speech with a speaker."""
    return [q for q in found if q.speaker and q.attribution == "speech"]


def test_a_deed_shown_or_an_instruction_followed_is_not_speech() -> None:
    text = (
        "Champion Oleg Varnas once again displayed his power by scoring a fourth round stoppage against "
        "contender Ray Dunne. Before the fifth, his trainer Ivo Kral urged him to jab more. Varnas "
        "responded to Kral's instructions and worked with precision."
    )
    found = _run(text)
    assert not [q.text for q in _said(found) if "power" in q.text or "instructions" in q.text]
    shown = [q for q in found if "power" in q.text]
    assert all(q.attribution == "stance" for q in shown)


def test_responded_that_is_still_speech() -> None:
    text = "Mayor Olga Brandt responded that the bridge would reopen in the spring."
    q = next(q for q in _run(text) if "bridge" in q.text)
    assert q.attribution == "speech" and q.speaker == "Olga Brandt"
