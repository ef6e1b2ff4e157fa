"""``clean_report`` end to end on an invented scraped article."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.clean import clean_report, text_hash
from crosswire.clean.boilerplate import boilerplate_kind
from crosswire.clean.report import blocks
from crosswire.errors import NoText, ReportTooLong
from crosswire.model import RawReport, make_report_id

ARTICLE = """Harbour Council Delays Tariff Vote After Union Protest

After a week of protests by dock workers, the council put off its vote on a new grain tariff

Mayor Ada Brenner and port director Jonas Pell at the Maritime Museum in Portsea, Northland March 2, 2020.

The Portsea harbour council delayed its vote on the grain tariff earlier this week, the Northbay Wire reported on Thursday.

To truly understand the valley - subscribe to The Valley Courier

“We will not be rushed,” said council leader Ada Brenner.

>> Ferry strike enters third day <<

\u00a0

© 2020 The Valley Courier. All rights reserved."""


def raw(text: str, uri: str = "/data/portsea.txt", **declared: str) -> RawReport:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return RawReport(uri, "text/plain", text, digest, dict(declared))


def test_clean_article() -> None:
    report = clean_report(raw(ARTICLE))
    assert report.id == make_report_id("/data/portsea.txt", raw(ARTICLE).content_hash)
    assert report.title == "Harbour Council Delays Tariff Vote After Union Protest"
    assert report.paragraphs == [
        "After a week of protests by dock workers, the council put off its vote on a new grain tariff",
        "The Portsea harbour council delayed its vote on the grain tariff earlier this week, "
        "the Northbay Wire reported on Thursday.",
        "“We will not be rushed,” said council leader Ada Brenner.",
    ]
    assert report.body == "\n\n".join(report.paragraphs)
    assert report.boilerplate == (
        "To truly understand the valley - subscribe to The Valley Courier",
        ">> Ferry strike enters third day <<",
        "© 2020 The Valley Courier. All rights reserved.",
    )
    assert report.captions == (
        "Mayor Ada Brenner and port director Jonas Pell at the Maritime Museum in Portsea, Northland March 2, 2020.",
    )
    assert (report.outlet, report.outlet_source) == ("The Valley Courier", "text")
    assert (report.published, report.published_source) == ("2020-03-05", "inferred")
    assert "caption dated 2020-03-02" in (report.published_reason or "")
    assert report.language == "en"
    assert report.text_hash == text_hash(report.body)
    assert len(report.fingerprint) == 512


def test_declared_metadata_wins() -> None:
    report = clean_report(
        raw(
            ARTICLE,
            uri="https://www.portsea-post.com/a/1",
            title="Harbour Council Delays Tariff Vote After Union Protest",
            published="2020-03-06",
            outlet="Portsea Post",
        )
    )
    assert report.title == "Harbour Council Delays Tariff Vote After Union Protest"
    assert not report.body.startswith("Harbour Council")  # the repeated headline line is dropped
    assert (report.outlet, report.outlet_source) == ("Portsea Post", "declared")
    assert (report.published, report.published_source, report.published_reason) == (
        "2020-03-06",
        "declared",
        None,
    )


def test_declared_title_different_from_line_one_keeps_it() -> None:
    report = clean_report(raw("A first paragraph of real text.\n\nA second one.", title="Another Headline"))
    assert report.title == "Another Headline"
    assert report.paragraphs == ["A first paragraph of real text.", "A second one."]


def test_single_newlines_split_when_no_blank_lines() -> None:
    report = clean_report(raw("Headline\nFirst paragraph.\nShare this:\nSecond paragraph."))
    assert report.title == "Headline"
    assert report.paragraphs == ["First paragraph.", "Second paragraph."]
    assert report.boilerplate == ("Share this:",)
    assert blocks("a\n \nb") == [["a"], ["b"]]


def test_copies_under_other_urls_share_text_hash() -> None:
    a = clean_report(raw(ARTICLE))
    b = clean_report(raw(ARTICLE.replace("earlier this week", "earlier  this   week"), uri="/other.txt"))
    assert a.id != b.id and a.text_hash == b.text_hash


@pytest.mark.parametrize(
    "text", ["Only a headline", "Headline\n\nShare this:\n\nAdvertisement", "Headline\n\n\u00a0"]
)
def test_no_body_raises(text: str) -> None:
    with pytest.raises(NoText) as err:
        clean_report(raw(text))
    assert err.value.code == "CW-INGEST-007"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_never_crashes_and_body_keeps_no_removed_line(text: str) -> None:
    try:
        report = clean_report(raw(text))
    except NoText:
        return
    assert report.body.strip()
    paragraphs = report.body.split("\n\n")
    for line in report.boilerplate:
        assert boilerplate_kind(line) is not None
        assert line not in paragraphs


def test_body_over_max_chars_is_rejected_with_its_length_and_the_limit() -> None:
    with pytest.raises(ReportTooLong) as err:
        clean_report(raw(ARTICLE), max_chars=100)
    assert err.value.code == "CW-INGEST-009"
    assert err.value.subject == "/data/portsea.txt"
    body_chars = len(clean_report(raw(ARTICLE)).body)
    assert f"{body_chars:,} characters" in err.value.reason and "100" in err.value.reason
    assert "max_report_chars" in err.value.reason


def test_max_report_chars_setting_is_the_default_limit(monkeypatch) -> None:
    assert clean_report(raw(ARTICLE)).body  # far below the built-in 1,000,000
    monkeypatch.setenv("CROSSWIRE_MAX_REPORT_CHARS", "100")
    with pytest.raises(ReportTooLong):
        clean_report(raw(ARTICLE))


def jsonl_raw(text: str, **declared: str) -> RawReport:
    return RawReport("https://wire.test/1", "application/x-ndjson", text, "h", dict(declared))


def test_jsonl_record_without_title_is_all_body() -> None:
    lead = "The ministry said on Monday that the coastal road would close for repairs."
    report = clean_report(jsonl_raw(f"{lead}\n\nOfficials said traffic would be limited."))
    assert report.title is None
    assert report.body == f"{lead}\n\nOfficials said traffic would be limited."


def test_one_paragraph_jsonl_record_without_title_is_kept() -> None:
    report = clean_report(jsonl_raw("The ministry said on Monday that the coastal road would close."))
    assert report.title is None and report.body.startswith("The ministry said")


def test_jsonl_record_with_title_drops_only_a_repeated_first_line() -> None:
    text = "Coast road to close\n\nThe ministry said on Monday that the road would close."
    repeated = clean_report(jsonl_raw(text, title="Coast Road to Close"))
    assert repeated.title == "Coast Road to Close" and repeated.body.startswith("The ministry")
    other = clean_report(jsonl_raw(text, title="Repairs ahead"))
    assert other.title == "Repairs ahead" and other.body.startswith("Coast road to close")


def test_plain_text_still_takes_its_headline_from_line_one() -> None:
    report = clean_report(
        raw("Coast road to close\n\nThe ministry said on Monday that the road would close.")
    )
    assert report.title == "Coast road to close" and report.body.startswith("The ministry")


def test_a_declared_title_that_is_a_time_stamp_dates_the_report_and_the_headline_line_is_the_title() -> None:
    text = "Varnas stops Dunne in six with efficient work\n\nChampion Oleg Varnas stopped Ray Dunne on Saturday.\n"
    for stamp, day in (
        ("Article posted on 08. 07. 2012", "2012-07-08"),
        ("Updated: July 7, 2012", "2012-07-07"),
    ):
        rec = RawReport("/data/r.jsonl#1", "application/x-ndjson", text, "h", {"title": stamp})
        report = clean_report(rec)
        assert report.title == "Varnas stops Dunne in six with efficient work"
        assert report.body.startswith("Champion Oleg Varnas")
        assert report.published == day and report.published_source == "inferred"


def test_a_stamp_title_over_a_lead_paragraph_leaves_the_report_untitled() -> None:
    text = "Champion Oleg Varnas stopped Ray Dunne on Saturday.\n\nHe won in six rounds.\n"
    rec = RawReport("/data/r.jsonl#2", "application/x-ndjson", text, "h", {"title": "Updated: July 7, 2012"})
    report = clean_report(rec)
    assert report.title is None and report.body.startswith("Champion Oleg Varnas")


@pytest.mark.parametrize(
    ("headline", "title"),
    [
        ("Jobs report gives Democrats a lift;", "Jobs report gives Democrats a lift"),
        ("Momentum builds to tax consumption in U.S.;", "Momentum builds to tax consumption in U.S."),
        ("Harbour vote delayed: ", "Harbour vote delayed"),
        ("Will the pier open?", "Will the pier open?"),
        ("Council says ‘not yet’", "Council says ‘not yet’"),
    ],
)
def test_a_title_loses_a_trailing_separator(headline, title):
    """Trial 8: story labels kept the ";" of print headlines cut from their deck."""
    body = "The Portsea harbour council delayed its vote on the grain tariff earlier this week."
    assert clean_report(raw(f"{headline}\n\n{body}")).title == title
    assert clean_report(raw(body, title=headline)).title == title
