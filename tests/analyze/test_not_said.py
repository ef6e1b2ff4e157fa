"""Bylines, contact lines, subheadings and repeated rows are not quotes; a pronoun in what a named
speaker said is that speaker (invented sentences only)."""

from __future__ import annotations

import pytest

from crosswire.analyze.not_said import is_contact, unique
from crosswire.model import Quote


def _run(text: str):
    from crosswire.analyze.entities import canonical_entities
    from crosswire.analyze.nlp import load
    from crosswire.analyze.quotes import extract_quotes

    doc = load()(text)
    return extract_quotes(doc, canonical_entities(doc))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Follow Jo Pell on Facebook: @jopell. Reach her directly at jo@example.org.", True),
        ("Write to them at desk@example.net with tips.", True),
        ("Mayor Ada Roth said the port would reopen on Monday.", False),
        ("The senator posted a reply to @cityhall on Monday, saying the vote was rigged.", False),
        ("Police said they would follow them to the border.", False),
    ],
)
def test_contact_lines(text: str, expected: bool) -> None:
    assert is_contact(text) is expected


def test_one_row_per_span_and_kind() -> None:
    first = Quote(text="the levy", start=3, end=11, kind="indirect", speaker="Ada Roth")
    other = Quote(text="the levy", start=3, end=11, kind="direct", speaker="Ada Roth")
    assert unique([first, first, other]) == [first, other]


@pytest.mark.slow
def test_bio_line_is_not_attributed_to_a_platform() -> None:
    text = (
        "The council voted to close the ferry line, Mayor Ada Roth said.\n\n"
        "Follow Jo Pell on Facebook: @jopell. Reach her directly at jo@example.org."
    )
    found = _run(text)
    assert not [q for q in found if "Reach her" in q.text or q.speaker == "Facebook"]
    assert [q.speaker for q in found if "ferry line" in q.text] == ["Ada Roth"]


@pytest.mark.slow
def test_subheading_is_not_a_speaker_and_label_rows_are_unique() -> None:
    text = (
        "Harbours.\n\n"
        "Slow Repairs for Small Harbours: The storm season left dozens of piers broken along the coast.\n\n"
        "Senator Ada Roth: The Levy Will Be Gone By Spring.\n\n"
        "Roth spoke in Dover."
    )
    found = _run(text)
    assert not [q for q in found if q.speaker and "Harbours" in q.speaker]
    levy = [q for q in found if "Levy Will Be Gone" in q.text]
    assert [q.speaker for q in levy] == ["Ada Roth"]
    assert len({(q.start, q.end, q.kind) for q in found}) == len(found)


@pytest.mark.slow
def test_pronoun_in_what_a_speaker_said_is_that_speaker() -> None:
    text = (
        "Mayor Ada Roth spoke on Tuesday about the death of Tomas Weil in Dover. "
        "The mayor said she wanted to speak \u201cdirectly to the dock workers\u201d and let them know "
        "that \u201cthe port will not close.\u201d"
    )
    found = _run(text)
    assert [q.speaker for q in found if q.text == "directly to the dock workers"] == ["Ada Roth"]
    assert [q.speaker for q in found if q.text.startswith("the port will")] == ["Ada Roth"]
