"""The outlet a local file's name gives ("wash-post_2016-09-08_slug.txt"), and only a known one."""

from __future__ import annotations

import pytest

from crosswire.clean.metadata import find_outlet
from crosswire.clean.outlets import outlet_from_file_name

BODY = "The council met on Monday to discuss the harbour."


@pytest.mark.parametrize(
    ("uri", "name"),
    [
        ("/data/in/wash-post_2031-03-02_council-meets.txt", "The Washington Post"),
        ("C:\\in\\nyt_2031-03-02_x.txt", "The New York Times"),
        ("/in/breitbart_2031-01-01_y.txt", "Breitbart"),
        ("/in/reuters-2031-01-01-harbour.txt", "Reuters"),  # a known domain's own label
        ("/in/nytimes-review-of-books.txt", None),  # not the whole first part
        ("/in/kestra-ledger_2031-01-01_x.txt", None),  # unknown slug: no guess
        ("/in/breitbart/council.txt", None),  # folders are not the file's name
        ("https://example.test/nyt_2031-03-02_x", None),  # a web address is the URL step's
    ],
)
def test_outlet_from_file_name(uri: str, name: str | None) -> None:
    got = outlet_from_file_name(uri)
    assert (got[0] if got else None) == name


def test_file_name_step_comes_after_declared_and_url_and_before_source_line() -> None:
    path = "/in/usa-today_2031-03-02_council.txt"
    assert find_outlet({}, path, [], BODY).name == "USA Today"
    assert find_outlet({}, path, [], BODY).source == "file-name"
    assert find_outlet({"outlet": "Kestra Ledger"}, path, [], BODY).source == "declared"
    got = find_outlet({"url": "https://www.northbay.com/x"}, path, [], BODY)
    assert (got.name, got.source) == ("Northbay", "url")
    got = find_outlet({}, path, ["Source: Reuters"], BODY)
    assert (got.name, got.source, got.republished_from) == ("USA Today", "file-name", "Reuters")
    assert find_outlet({}, "/in/kestra_2031-03-02.txt", [], BODY).source is None


def test_known_outlet_reads_slugs_labels_and_domains():
    from crosswire.clean.outlets import known_outlet

    assert known_outlet("nyt") == "The New York Times"
    assert known_outlet("USA Today") == "USA Today"  # "usa-today", as the file names spell it
    assert known_outlet("washingtonpost") == "The Washington Post"
    assert known_outlet("https://www.wsj.com/articles/x") == "The Wall Street Journal"
    assert known_outlet("Kestra Ledger") is None
