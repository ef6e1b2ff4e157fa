from __future__ import annotations

import gzip

from crosswire.errors import NoText
from crosswire.ingest import read_inputs
from crosswire.model import RawReport, Rejection

from .ingest_samples import PARAGRAPHS, article_html


def record(uri: str, content_type: str, payload: bytes) -> bytes:
    http = (
        f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n\r\n".encode()
        + payload
    )
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2021-03-10T00:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{abs(hash(uri))}>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


def test_warc_html_responses_become_reports(write) -> None:
    page = article_html(url=None).encode()
    data = record("https://g.test/pier", "text/html; charset=utf-8", page) + record(
        "https://g.test/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"
    )
    for name, content in (("crawl.warc", data), ("crawl.warc.gz", gzip.compress(data))):
        items = list(read_inputs([write(name, content)]))
        assert len(items) == 1
        report = items[0]
        assert isinstance(report, RawReport)
        assert report.uri == "https://g.test/pier"
        assert PARAGRAPHS[0] in report.text


def test_warc_without_pages_is_rejected(write) -> None:
    data = record("https://g.test/logo.png", "image/png", b"\x89PNG\r\n\x1a\n")
    (result,) = read_inputs([write("images.warc", data)])
    assert isinstance(result, Rejection) and result.code == NoText.code


def test_truncated_warc_record_is_rejected_not_stored_as_a_fragment(write) -> None:
    """A crawl cut off mid-record (disk full, interrupted download) must not store the page's first
    kilobyte as a report of its own: it is a different text from the whole page, so it would be
    stored beside it as a "new" report, silently."""
    whole = record("https://g.test/pier", "text/html; charset=utf-8", article_html(url=None).encode())
    second = record("https://g.test/quay", "text/html; charset=utf-8", article_html(url=None).encode())
    for name, data in (
        ("cut.warc", whole + second[: len(second) // 2]),
        ("cut.warc.gz", gzip.compress(whole) + gzip.compress(second)[: len(second) // 3]),
    ):
        items = list(read_inputs([write(name, data)]))
        assert isinstance(items[0], RawReport) and items[0].uri == "https://g.test/pier"
        rejected = [i for i in items[1:] if isinstance(i, Rejection)]
        assert len(items) == 2 and rejected, items
        # the input names the record's URI once; the reason says what is wrong with it
        assert (
            "cut short" in rejected[0].reason
            and "quay" in rejected[0].uri
            and "quay" not in rejected[0].reason
        )
