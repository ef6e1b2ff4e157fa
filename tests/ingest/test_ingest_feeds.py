"""Feed entries (RSS, Atom): the entry's title element is the title, its content is all body."""

from __future__ import annotations

from crosswire.clean import clean_report
from crosswire.ingest import read_inputs
from crosswire.ingest.feeds import MEDIA_TYPE
from crosswire.model import RawReport

LEAD = "The harbour board said on Monday that the north quay would close for repairs."
SECOND = "Officials said ferries would use the south quay until May."


def _atom(entries: str) -> str:
    return (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Quay Courier</title>'
        f"{entries}</feed>"
    )


def _entry(content: str, *, title: str | None = None, kind: str = "text", n: int = 1) -> str:
    head = f"<title>{title}</title>" if title is not None else ""
    return (
        f'<entry>{head}<id>urn:test:{n}</id><link href="https://quay.test/{n}"/>'
        f'<updated>2021-03-10T00:00:00Z</updated><content type="{kind}">{content}</content></entry>'
    )


def _reports(write, feed: str, name: str = "feed.atom") -> list[RawReport]:
    items = list(read_inputs([write(name, feed)]))
    assert all(isinstance(item, RawReport) for item in items), items
    return items


def test_text_entry_without_title_keeps_its_lead(write) -> None:
    two, one = _reports(write, _atom(_entry(f"{LEAD}\n\n{SECOND}") + _entry(LEAD, n=2)))
    assert two.media_type == one.media_type == MEDIA_TYPE
    report = clean_report(two)
    assert report.title is None
    assert report.body == f"{LEAD}\n\n{SECOND}"
    assert clean_report(one).body == LEAD  # one paragraph is a body, not a rejection


def test_html_entry_without_title_keeps_its_lead(write) -> None:
    markup = f"&lt;p&gt;{LEAD}&lt;/p&gt;&lt;p&gt;{SECOND}&lt;/p&gt;"
    (raw,) = _reports(write, _atom(_entry(markup, kind="html")))
    assert raw.media_type == MEDIA_TYPE
    report = clean_report(raw)
    assert report.title is None and report.body == f"{LEAD}\n\n{SECOND}"


def test_rss_item_without_title_keeps_its_lead(write) -> None:
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Courier</title>'
        "<item><link>https://quay.test/r</link>"
        f"<description><![CDATA[<p>{LEAD}</p><p>{SECOND}</p>]]></description></item></channel></rss>"
    )
    (raw,) = _reports(write, rss, "feed.xml")
    report = clean_report(raw)
    assert report.title is None and report.body.startswith(LEAD)


def test_entry_title_is_the_title_and_the_content_all_body(write) -> None:
    (raw,) = _reports(write, _atom(_entry(f"{LEAD}\n\n{SECOND}", title="North quay to close")))
    report = clean_report(raw)
    assert report.title == "North quay to close"
    assert report.body == f"{LEAD}\n\n{SECOND}"


def test_content_repeating_the_title_drops_that_line(write) -> None:
    (raw,) = _reports(write, _atom(_entry(f"North quay to close\n\n{LEAD}", title="North quay to close")))
    report = clean_report(raw)
    assert report.title == "North quay to close" and report.body == LEAD


def test_an_entry_cut_short_says_the_feed_is_malformed(write) -> None:
    from crosswire.model import Rejection

    cut = '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>Cut</title><description>The'
    (result,) = list(read_inputs([write("cut.rss", cut)]))
    assert isinstance(result, Rejection)
    assert "has no content or summary (the feed is malformed, perhaps cut short" in result.reason
