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


def test_things_hold_no_views() -> None:
    text = (
        "Legislation that would allow families to sue the city passed on Monday. Later in the round a "
        "series of big rights backed the challenger into the ropes. The firm may avoid new tax rules "
        "in Europe (think Brexit, for example) and elsewhere. The Council's starkest recent failure has been "
        "over the war, with Norway backing the government as the United States and France support some "
        "rebel groups."
    )
    found = _run(text)
    for part in ("families to sue", "the challenger", "tax rules", "rebel groups"):
        q = next(q for q in found if part in q.text)
        assert q.speaker is None, (part, q.speaker)


def test_a_thing_subject_gives_way_to_the_person_beside_it() -> None:
    text = (
        'With 40 days until the election, Dana Rolf, a senior adviser to the campaign, called the remarks "a '
        'true wake-up call" to voters.\n\nThe ad uses footage of Mara Quint asking, “Why am I not far '
        "ahead, you might ask?” The ad then references criticism of her email use."
    )
    found = _run(text)
    assert {q.speaker for q in found if "wake-up" in q.text} == {"Dana Rolf"}
    assert next(q for q in found if "far ahead" in q.text).speaker == "Mara Quint"
    assert next(q for q in found if "email use" in q.text).speaker == "the ad"  # a text, not Quint again


def test_a_written_thing_still_speaks_and_a_body_still_takes_a_stance() -> None:
    text = (
        "The report said the bridge was unsafe. The administration supports the plan. The investigation "
        "found that the money was missing."
    )
    found = _run(text)
    assert next(q for q in found if "unsafe" in q.text).speaker == "the report"
    assert next(q for q in found if "the plan" in q.text).speaker == "the administration"
    assert next(q for q in found if "money" in q.text).speaker == "the investigation"


def test_a_dateline_is_cut_from_a_described_subject_and_it_said_is_the_statement() -> None:
    text = (
        "BRUSSELS - European leaders gathered Friday to discuss the many challenges facing them.\n\n"
        "The statement from the union also referenced the impact it said the new law would have on pay."
    )
    found = _run(text)
    assert next(q for q in found if "challenges" in q.text).speaker == "European leaders"
    impact = next(q for q in found if "would have on pay" in q.text)
    assert impact.speaker != "the impact it"


def test_according_to_after_a_quoted_saying_relays_it() -> None:
    text = (
        "Chancellor Greta Lind met the ministers on Monday.\n\n"
        'The German chancellor said: "We are agreed on the budget," according to a spokesman.'
    )
    found = [q for q in _run(text, outlet="CNN") if "budget" in q.text]
    assert len(found) == 1, [(q.speaker, q.text) for q in found]
    q = found[0]
    assert q.speaker == "Greta Lind" and q.text == "We are agreed on the budget,"
    assert q.relayed_via == ("a spokesman", "CNN")
