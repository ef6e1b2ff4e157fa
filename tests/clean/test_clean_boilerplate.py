"""Boilerplate families and captions, on invented lines (never a real outlet's text)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosswire.clean.boilerplate import boilerplate_kind, is_caption, split_paragraphs

FURNITURE = {
    "subscription": [
        "To truly grasp the politics of the valley - subscribe to The Valley Courier",
        "Subscribe now for unlimited digital access",
        "Sign up for our newsletter to get the morning briefing",
        "Become a member and support independent journalism",
    ],
    "related": [
        ">> Harbour authority weighs new tariff on grain ships | Analysis <<",
        "» Ferry strike enters third day",
        "Read more: Mayor defends bridge budget",
        "Related: How the port expansion was financed",
        "RELATED Council vote delayed again",
        "See also: Timeline of the dispute",
    ],
    "source": [
        "Source www.valleycourier.example.com",
        "Source: Northbay Wire",
        "Source: https://news.northbay.example.org/story/123",
        "Originally published at the Northbay Wire",
    ],
    "comment": [
        'Be the first to comment at "Harbour Tariff Vote Delayed"',
        "Write your comment",
        "Leave a Reply",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "Your email address will not be published. Required fields are marked *",
        "12 Comments",
    ],
    "footer": [
        "Share this:",
        "Click to share on Twitter (Opens in new window)",
        "Follow us on Instagram and Facebook",
        "We use cookies to improve your experience on our site.",
        "Advertisement",
        "WhatsApp",
    ],
    "credit": [
        "Photo: Lena Marsh",
        "(Getty Images)",
        "Credit: Harbour Press Agency",
        "REUTERS/Tomas Ferrell",
        "AFP via Getty Images",
    ],
    "copyright": [
        "© 2019 The Valley Courier",
        "Copyright 2021 Northbay Media Ltd. All rights reserved.",
        "All Rights Reserved",
    ],
}

PROSE = [
    "The harbour authority said on Tuesday it would delay the tariff vote until the spring.",
    "Residents who subscribe to the ferry pass will pay less from March, the transport office said.",
    "“We will not be rushed,” said council leader Ada Brenner, who chairs the finance committee.",
    "Read the full council minutes, and you will find that the plan was never costed, critics argue "
    "in a letter signed by forty residents and two former mayors of the town.",
    "Photographers waited outside the town hall for hours as councillors argued over the bridge.",
    ">>> print(harbour.tariff)",
    "»Wann stimmt der Rat endlich ab?«",
    "The licence sits between “all rights reserved” and the public domain, the author argues.",
    "The vote is due on March 3, 2019.",
    "Reuters said the talks had stalled.",
]


@pytest.mark.parametrize(("family", "line"), [(f, line) for f, lines in FURNITURE.items() for line in lines])
def test_each_family_is_recognised(family: str, line: str) -> None:
    assert boilerplate_kind(line) == family


@pytest.mark.parametrize("line", PROSE)
def test_prose_is_kept(line: str) -> None:
    assert boilerplate_kind(line) is None
    assert not is_caption(line)


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ada Brenner and port director Jonas Pell at the Maritime Museum in Portsea, Northland March 4, 2020.",
        "Pictured: the new ferry terminal under construction",
        "Photo: Ferry workers gather outside the terminal before the morning shift",
        "Council leader Ada Brenner speaks to reporters in Portsea, Northland, Monday, Jan. 6, 2020. REUTERS/Tomas Ferrell",
        "Protesters outside parliament in Ostrava, 14 May 2021.",
    ],
)
def test_captions(text: str) -> None:
    assert is_caption(text)


def test_dek_after_headline_and_quotes_are_not_captions() -> None:
    assert not is_caption(
        "After weeks of talks, the port and the unions agreed on a pay deal for dock workers"
    )
    assert not is_caption('"We met in Portsea, Northland March 4, 2020."')
    assert not is_caption("The port recovered fast. What is the secret? Portsea, Northland March 4, 2020.")


def test_split_sorts_lines_and_keeps_order() -> None:
    paragraphs = [
        ["The council met on Tuesday."],
        ["Share this:", "Twitter"],
        ["Mayor Ada Brenner at the town hall in Portsea, Northland March 4, 2020."],
        ["   ", "\u00a0"],
        ["The vote was delayed.", "Advertisement"],
    ]
    split = split_paragraphs(paragraphs)
    assert split.body == ["The council met on Tuesday.", "The vote was delayed."]
    assert split.boilerplate == ["Share this:", "Twitter", "Advertisement"]
    assert split.captions == ["Mayor Ada Brenner at the town hall in Portsea, Northland March 4, 2020."]


@given(st.lists(st.lists(st.text(max_size=120), max_size=4), max_size=8))
def test_split_never_keeps_a_removed_line(paragraphs: list[list[str]]) -> None:
    split = split_paragraphs(paragraphs)
    for line in split.boilerplate:
        assert boilerplate_kind(line) is not None
        assert line not in split.body
    for paragraph in split.body:
        assert paragraph.strip() == paragraph and paragraph
