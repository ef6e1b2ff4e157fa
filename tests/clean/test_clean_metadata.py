"""Outlet chain, published date source, language (invented text)."""

from __future__ import annotations

import pytest

from crosswire.clean.metadata import detect_language, find_outlet, find_published
from crosswire.clean.outlets import host_of, outlet_from_domain, registrable


@pytest.mark.parametrize(
    ("address", "name"),
    [
        ("https://www.nytimes.com/2020/03/04/world/x.html", "The New York Times"),
        ("https://news.bbc.co.uk/2/hi/x.stm", "BBC"),
        ("https://www.valleycourier.com/news/1", "Valleycourier"),
        ("http://northbay-wire.co.uk/a", "Northbay Wire"),
        ("www.haaretz.com", "Haaretz"),
        ("http://espn.go.com/boxing/story/_/id/8139047/x", "ESPN"),  # a portal's site, not "Go"
        ("http://www.cbc.ca/sports/x-1.1263752", "CBC"),  # a label without a vowel is an acronym
        ("https://www.ndtv.com/world-news/x", "NDTV"),
        ("https://harbour-notes.substack.com/p/x", "Harbour Notes"),
        ("https://www.vox.com/x", "Vox"),
    ],
)
def test_outlet_from_domain(address: str, name: str) -> None:
    assert outlet_from_domain(address) == name


def test_hosts() -> None:
    assert host_of("https://WWW.Example.com/path?q=1") == "example.com"
    assert host_of("not a domain") is None
    assert registrable("edition.cnn.com") == "cnn.com"
    assert registrable("news.bbc.co.uk") == "bbc.co.uk"


BODY = "PORTSEA (Harbour Wire) - The council delayed the vote.\n\nIt will meet again."


def test_declared_outlet_wins() -> None:
    got = find_outlet(
        {"outlet": "The Valley Courier"}, "https://northbay.com/x", ["Source www.other.com"], BODY
    )
    assert (got.name, got.source, got.republished_from) == ("The Valley Courier", "declared", "other.com")


def test_url_beats_source_line() -> None:
    got = find_outlet({}, "https://www.northbay.com/x", ["Source www.other.com"], BODY)
    assert (got.name, got.source, got.republished_from) == ("Northbay", "url", "other.com")


def test_declared_url_is_used_for_a_file() -> None:
    got = find_outlet({"url": "https://www.northbay.com/x"}, "/tmp/a.html", [], BODY)
    assert (got.name, got.source) == ("Northbay", "url")


def test_source_line_for_a_file() -> None:
    got = find_outlet({}, "/data/a.txt", ["Write your comment", "Source\u00a0www.valleycourier.com"], BODY)
    assert (got.name, got.source, got.republished_from) == (
        "Valleycourier",
        "source-line",
        "valleycourier.com",
    )


def test_source_name_line_only_for_outlets() -> None:
    got = find_outlet({}, "/data/a.txt", ["Source: reuters"], BODY)
    assert (got.name, got.source, got.republished_from) == ("Reuters", "source-line", "reuters")
    got = find_outlet({}, "/data/a.txt", ["Source: Harbour Statistics Office"], "The council voted.")
    assert (got.name, got.source, got.republished_from) == (None, None, None)


@pytest.mark.parametrize(
    ("boilerplate", "body", "name"),
    [
        (["To grasp the valley's politics - subscribe to Valley Courier"], "Text.", "Valley Courier"),
        (
            ["Subscribe to The Lakeside Ledger for full access to our coverage"],
            "Text.",
            "The Lakeside Ledger",
        ),
        (["© 2019 The Valley Courier. All rights reserved."], "Text.", "The Valley Courier"),
        (["Copyright 2021 Northbay Media Ltd"], "Text.", "Northbay Media"),
        ([], BODY, "Harbour Wire"),
        ([], "The council delayed the vote.", None),
    ],
)
def test_outlet_from_text(boilerplate: list[str], body: str, name: str | None) -> None:
    got = find_outlet({}, "/data/a.txt", boilerplate, body)
    assert got.name == name
    assert got.source == ("text" if name else None)
    assert got.republished_from is None


def test_published_declared_and_html() -> None:
    assert find_published({"published": "2020-03-04T10:00:00Z"}, "x", [], None) == (
        "2020-03-04",
        "declared",
        None,
    )
    got = find_published({"published": "2020-03-04", "published_source": "html"}, "x", [], None)
    assert got == ("2020-03-04", "html", None)
    assert find_published({"published": "4 March 2020"}, "x", [], None)[0] == "2020-03-04"


def test_published_inferred_or_none() -> None:
    day, source, reason = find_published({}, "It happened on Wednesday, March 4, 2020.", [], None)
    assert (day, source) == ("2020-03-04", "inferred") and reason
    assert find_published({}, "It happened on Monday.", [], None) == (None, None, None)


@pytest.mark.parametrize(
    ("uri", "declared", "day", "where"),
    [
        ("https://example.org/world/2031/05/14/harbour-reopens", {}, "2031-05-14", "web address"),
        ("/data/feeds/ledger_2031-05-14_harbour-reopens.txt", {}, "2031-05-14", "file name"),
        ("/tmp/x.txt", {"url": "https://example.org/2031-05-14/story"}, "2031-05-14", "web address"),
        ("/crawl/2031-05-14/harbour-reopens.txt", {}, None, None),  # a folder: the crawl day, maybe
        ("https://example.org/2031/02/30/no-such-day", {}, None, None),
        ("https://example.org/id/12031-05-14", {}, None, None),  # part of a longer number
    ],
)
def test_published_from_the_address(
    uri: str, declared: dict[str, str], day: str | None, where: str | None
) -> None:
    got = find_published(declared, "It happened on Monday.", [], None, uri)
    if day is None:
        assert got == (None, None, None)
    else:
        assert got[:2] == (day, "inferred") and where in got[2]


def test_declared_date_beats_the_address_and_the_address_beats_the_text() -> None:
    uri = "https://example.org/2031/05/14/story"
    assert find_published({"published": "2031-05-15"}, "x", [], None, uri)[0] == "2031-05-15"
    assert find_published({}, "It happened on Wednesday, March 4, 2020.", [], None, uri)[0] == "2031-05-14"


def test_language() -> None:
    assert (
        detect_language("The council delayed the vote on the new harbour tariff until the spring session.")
        == "en"
    )
    assert (
        detect_language(
            "Der Stadtrat hat die Abstimmung über den neuen Hafentarif auf das Frühjahr verschoben."
        )
        == "de"
    )
    assert detect_language("Harbour vote") is None


def test_a_wire_dateline_names_the_agency_an_outlet_carries() -> None:
    """Breitbart printing "TRENTON, N.J. (AP) — ..." carries AP's story: AP is its origin, so two
    outlets carrying it count as one source. On AP's own site, or a dateline that is no agency, no origin."""
    wire = "TRENTON, N.J. (AP) — The council delayed the vote.\n\nIt will meet again."
    got = find_outlet({}, "/data/breitbart_2016-04-14_the-vote.txt", [], wire)
    assert (got.name, got.source, got.republished_from) == ("Breitbart", "file-name", "AP")
    assert find_outlet({}, "https://apnews.com/x", [], wire).republished_from is None
    assert (
        find_outlet({}, "https://www.northbay.com/x", [], BODY).republished_from is None
    )  # "(Harbour Wire)"
    got = find_outlet({}, "/data/a.txt", [], wire)  # the dateline names the outlet when nothing else does
    assert (got.name, got.republished_from) == ("AP", None)
