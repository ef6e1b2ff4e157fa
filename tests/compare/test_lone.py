"""Only-in: variant sides, the same event in other words, and one quote over several sentences."""

import re

from crosswire.compare import _claims
from crosswire.compare.lone import names, only_in, same_event
from crosswire.model import Alignment, Analysis, Citation, Entity, Event, Mention, Variant

A = (
    "The two mayors met for two hours in Lindholm. "
    "The ferry fare will rise by a third in May. "
    '"We had no choice. The fuel bill doubled this winter and nobody warned us," the operator said.'
)
B = (
    "Mayor Ida Brask and Mayor Otto Wren met in Lindholm on Monday. "
    "Fishermen in the harbour say the new quay is far too short for their boats."
)


def _cites(rid: str, body: str) -> list[Citation]:
    """Sentences by a plain rule: the invented text ends each one with a full stop (maybe in quotes)."""
    return [Citation(rid, m.start(), m.end(), m.group(0)) for m in re.finditer(r'\S.*?[.!?]"?(?=\s|$)', body)]


def _event(body: str, text: str, actors: tuple[str, ...], when: str | None = None) -> Event:
    s = body.index(text)
    return Event("CONSULT", actors, (), "Lindholm", when, s, s + len(text))


def test_same_event_needs_the_kind_and_a_participant_or_the_place():
    a = _event(A, "met for two hours", ("mayors",))
    b = _event(B, "met in Lindholm", ("Ida Brask", "Otto Wren"), "2031-05-05")
    assert same_event(a, b)
    elsewhere = Event("CONSULT", ("mayors",), (), "Kettle Bay", None, 0, 4)
    assert not same_event(elsewhere, b)
    assert not same_event(Event("ACCUSE", ("mayors",), (), "Lindholm", None, 0, 4), b)


def test_only_in_leaves_out_the_same_meeting_told_twice_and_variant_sides():
    per = {"a": _cites("a", A), "b": _cites("b", B)}
    analyses = {
        "a": Analysis("a", events=(_event(A, "met for two hours", ("mayors",)),)),
        "b": Analysis("b", events=(_event(B, "met in Lindholm", ("Ida Brask", "Otto Wren")),)),
    }
    fare = per["a"][1]
    variant = Variant(None, (fare, per["b"][1]), ((), ()))
    alone = only_in(
        per, (), {"a": "a", "b": "b"}, variants=(variant,), analyses=analyses, bodies={"a": A, "b": B}
    )
    texts = [c.text for c in alone["a"]]
    assert not any("met" in t for t in texts)  # the other report has the meeting
    assert fare.text not in texts  # a side of a quote variant is not a lone fact
    assert [c.text for c in alone["b"]] == []  # its one other sentence is the variant's other side


def test_one_quote_over_several_sentences_is_one_statement():
    per = {"a": _cites("a", A), "b": _cites("b", B)}
    alone = only_in(per, (), {"a": "a", "b": "b"}, bodies={"a": A, "b": B})
    quoted = [c for c in alone["a"] if "choice" in c.text or "fuel" in c.text]
    assert len(quoted) == 1 and "choice" in quoted[0].text and "fuel" in quoted[0].text
    assert A[quoted[0].start : quoted[0].end] == quoted[0].text


def test_names_all_recurring_in_a_similar_sentence_is_shared():
    per = {"a": _cites("a", A), "b": _cites("b", B)}
    first = per["a"][0]
    key = (first.report_id, first.start, first.end)
    assert names(first.text) == {"lindholm"}  # one name is too little to call it the same fact
    shared = only_in(per, (), {"a": "a", "b": "b"}, best={key: 0.6}, bodies={"a": A, "b": B})
    assert first in shared["a"]


def test_claims_count_outlets_not_reports_and_show_names():
    one = Citation("a", 0, 10, A[:10])
    two = Citation("b", 0, 10, B[:10])
    sources = {"a": "harbourpost", "b": "harbourpost", "c": "valleyherald"}
    names_ = {"harbourpost": "Harbour Post", "valleyherald": "Valley Herald"}
    same_outlet = Alignment((one, two), 0.8)
    (claim,) = _claims((same_outlet,), {}, {}, sources, (), {}, names_)
    assert claim.independent_sources == 1 and claim.origins == ("Harbour Post",)
    other = Citation("c", 0, 10, "x" * 10)
    (claim,) = _claims((Alignment((one, other), 0.8),), {}, {}, sources, (), {}, names_)
    assert claim.independent_sources == 2 and set(claim.origins) == {"Harbour Post", "Valley Herald"}


def test_a_lone_fact_already_in_an_aligned_claim_is_not_listed_again():
    one = Citation("a", 0, 10, A[:10])
    copy = Citation("copy", 0, 10, A[:10])
    claims = _claims(
        (Alignment((one, copy), 1.0),), {"a": (one,)}, {}, {"a": "p", "copy": "p"}, (), {"copy": "a"}
    )
    assert len(claims) == 1 and claims[0].independent_sources == 1


def test_headline_and_deck_lines_are_no_lone_facts():
    """Trial 7, finding 6: a USA Today deck ("States set records; GOP's close contest helps bring them
    out.") was listed as a fact only one report carries; the clean stage's deck spans are not."""
    deck = "Harbours set records; a cold winter helps bring the fares up."
    body = deck + "\n\n" + B
    per = {"a": _cites("a", A), "b": _cites("b", body)}
    groups = {"a": "a", "b": "b"}
    kept = only_in(per, (), groups, bodies={"a": A, "b": body})
    assert deck in [c.text for c in kept["b"]]
    alone = only_in(per, (), groups, bodies={"a": A, "b": body}, decks={"b": ((0, len(deck)),)})
    texts = [c.text for c in alone["b"]]
    assert deck not in texts and any("quay" in t for t in texts)


def test_questions_and_exclamations_are_no_lone_facts_but_quoted_cries_are():
    body = (
        "So the ferry fare is what makes a good mayor? "
        "What a clever move by the harbour board! "
        '"We will open the northern pier before winter!" '
        "The ferry fare will rise by a third in May."
    )
    per = {"a": _cites("a", body), "b": _cites("b", B)}
    alone = only_in(per, (), {"a": "a", "b": "b"}, bodies={"a": body, "b": B})
    assert [c.text for c in alone["a"]] == [
        '"We will open the northern pier before winter!"',
        "The ferry fare will rise by a third in May.",
    ]


def _person(rid: str, body: str, words: tuple[str, ...]) -> Entity:
    spans = [(m.start(), m.end(), w) for w in words for m in re.finditer(rf"\b{w}\b", body)]
    return Entity(
        "ida-brask", "Ida Brask", "PERSON", mentions=tuple(Mention("ida-brask", s, e, w) for s, e, w in spans)
    )


def test_one_dated_act_in_other_words_is_told_elsewhere():
    a = "In 2029, Brask resigned as mayor after she accidentally posted the budget online. The quay opened in June."
    b = "In 2029, she resigned from the council after accidentally mailing the budget to a rival. Rain fell."
    c = "In 2029, she married a fisherman from the harbour town after a long engagement. Rain fell."
    analyses = {
        "a": Analysis("a", entities=(_person("a", a, ("Brask", "she")),)),
        "b": Analysis("b", entities=(_person("b", b, ("she",)),)),
        "c": Analysis("c", entities=(_person("c", c, ("she",)),)),
    }
    resigned = _cites("a", a)[0]
    for other, shared in (("b", True), ("c", False)):
        per = {"a": _cites("a", a), other: _cites(other, {"b": b, "c": c}[other])}
        best = {(x.report_id, x.start, x.end): 0.6 for cs in per.values() for x in cs}
        alone = only_in(per, (), {"a": "a", other: other}, best=best, analyses=analyses, bodies={"a": a})
        assert (resigned.text not in [x.text for x in alone["a"]]) is shared
