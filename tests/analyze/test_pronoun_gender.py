"""Pronoun speakers respect gender and number: "she" is never the man named last, "they" prefers a
group. Invented sentences only."""

from __future__ import annotations

import pytest

from crosswire.analyze.first_names import gender_of_first_name
from crosswire.analyze.gender import gender_of_words


def test_gender_of_words() -> None:
    assert gender_of_words(["the", "congresswoman"]) == "f"
    assert gender_of_words(["his", "wife"]) == "f"
    assert gender_of_words(["former", "Miss", "Universe"]) == "f"
    assert gender_of_words(["Spokesman"]) == "m"
    assert gender_of_words(["first", "lady"]) == "f"
    assert gender_of_words(["Sen."]) is None  # an office says nothing
    assert gender_of_words(["her", "husband", "and", "his", "wife"]) is None  # both: no answer


def test_gender_of_first_name() -> None:
    assert gender_of_first_name("Donald Brask") == "m"
    assert gender_of_first_name("Alicia Verne") == "f"
    assert gender_of_first_name("Melanie") == "f"
    assert gender_of_first_name("Scott") is None  # a bare common surname may be anyone's
    assert gender_of_first_name("Chris Tull") is None  # given to either sex: no guess
    assert gender_of_first_name("Osei Tarr") is None


def _speakers(text: str) -> dict[str, str | None]:
    from crosswire.analyze.entities import canonical_entities
    from crosswire.analyze.nlp import load
    from crosswire.analyze.quotes import extract_quotes

    doc = load()(text)
    return {q.text: q.speaker for q in extract_quotes(doc, canonical_entities(doc))}


def _pronoun_owner(text: str, pronoun_at: int) -> str | None:
    from crosswire.analyze.entities import canonical_entities
    from crosswire.analyze.nlp import load

    for e in canonical_entities(load()(text)):
        if any(m.start == pronoun_at for m in e.mentions):
            return e.name
    return None


@pytest.mark.slow
def test_she_skips_the_man_named_last() -> None:
    text = "Alicia Verne praised Donald Brask on Monday. She said the talks in Vellmar had gone well."
    assert _pronoun_owner(text, text.index("She")) == "Alicia Verne"
    said = _speakers(text)
    assert [v for k, v in said.items() if "talks" in k] == ["Alicia Verne"]


@pytest.mark.slow
def test_a_title_noun_gives_the_gender() -> None:
    text = "Spokeswoman Robin Osei met Sam Tarr in Vellmar on Monday. She said the meeting was a success."
    assert _pronoun_owner(text, text.index("She")) == "Robin Osei"


@pytest.mark.slow
def test_one_she_does_not_make_a_man_a_woman() -> None:
    # the first "she" is the supporter's; the man named before her stays a "he" for the later pronoun
    text = (
        "Donald Brask spoke to a crowd in Vellmar on Monday. A supporter, Lena Ortiz, waved a flag as "
        "she cheered. Brask later told reporters that he would return in May."
    )
    assert _pronoun_owner(text, text.index("he would")) == "Donald Brask"


@pytest.mark.slow
def test_pronoun_prefers_the_subject_of_the_sentence_before() -> None:
    text = (
        "Laura Jensen, an economist who studies labour markets, said Maria Lind's plan fell short. "
        '"I see no details at all," she said on Tuesday.'
    )
    assert _pronoun_owner(text, text.index("she said")) == "Laura Jensen"


@pytest.mark.slow
def test_a_role_subject_carries_on_the_person_the_paragraph_is_about() -> None:
    text = (
        "Tom Vance says too much is made of the dispute.\n\n"
        "The Republican nominee was speaking in Vellmar hours after a rival shamed former Miss Universe "
        "Lena Ortiz. The Ohio governor said the press is to blame for the fuss."
    )
    said = _speakers(text)
    assert [v for k, v in said.items() if "press" in k] == ["Tom Vance"]


@pytest.mark.slow
def test_they_prefers_a_group_to_the_person_named_last() -> None:
    text = (
        "Democrats said the harbour plan was flawed. Tom Vance said the plan would pass. "
        "They also said the vote had been rushed."
    )
    said = _speakers(text)
    assert [v for k, v in said.items() if "rushed" in k] == ["Democrats"]


@pytest.mark.slow
def test_a_pronoun_speaker_is_not_a_name_inside_the_quote() -> None:
    # Mike Brask is someone the quote speaks of (an attribution inside it), not who the writer's "he" is
    text = "The crowd cheered on Wednesday. “Mike Brask said he would win, and he lost,” he said."
    said = _speakers(text)
    assert [v for k, v in said.items() if "lost" in k] == [None]
    text = "John Harlow spoke first. Then the crowd cheered. “Mike Brask told me he would win. He lost,” he said."
    said = _speakers(text)
    assert [v for k, v in said.items() if "lost" in k] == ["John Harlow"]


@pytest.mark.slow
def test_a_pronoun_after_a_quote_naming_someone_stays_with_the_speaker_before() -> None:
    text = (
        "President John Harlow will speak on Wednesday, contrasting the nominee with his rival Hillary Clinton.\n\n"
        "“Until you’ve sat at that desk, you don’t know what it’s like,” he will say. "
        "“But Hillary’s been in the room; she’s been part of those decisions.”"
    )
    said = _speakers(text)
    assert set(said.values()) == {"John Harlow"}
