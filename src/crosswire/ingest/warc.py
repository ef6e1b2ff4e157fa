"""WARC archives (web crawls): each HTML response record is a report.

Only ``response`` records with an HTML payload count; a crawl also holds images, scripts and
redirects, and rejecting each of those would bury the real problems, so they are skipped. The
record's target URI is the report's URI (it is where the page was fetched from). Compressed
WARCs are gzipped record by record; fastwarc detects that itself.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator

from fastwarc.warc import ArchiveIterator, WarcRecordType

from crosswire.errors import NoText, UnreadableInput
from crosswire.ingest.decode import binary_reason, decode_bytes
from crosswire.ingest.html import declared_charset, html_report
from crosswire.model import RawReport, Rejection

_HTTP_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
WARC_MAGIC = (b"WARC/",)


def looks_like_warc(head: bytes) -> bool:
    return head.startswith(WARC_MAGIC)


def read_warc(path: str, data: bytes, max_bytes: int) -> Iterator[RawReport | Rejection]:
    """Yield a report or rejection per HTML response record of a (possibly gzipped) WARC."""
    found = 0
    try:
        records = ArchiveIterator(
            io.BytesIO(data),
            record_types=WarcRecordType.response,
            parse_http=True,
            max_content_length=max_bytes,
        )
        for record in records:
            content_type = (record.http_headers.get("Content-Type") or "") if record.http_headers else ""
            if "html" not in content_type.lower():
                continue
            target = record.headers.get("WARC-Target-URI") or f"{path}#record{found + 1}"
            found += 1
            payload = record.reader.read()
            if len(payload) < record.content_length:
                yield _truncated(path, target, len(payload), record.content_length)
                continue
            if binary_reason(payload):
                continue  # mislabelled images and the like: not a page
            match = _HTTP_CHARSET.search(content_type)
            charset = match.group(1) if match else declared_charset(payload)
            markup, _ = decode_bytes(payload, charset)
            content_hash = hashlib.sha256(payload).hexdigest()
            yield html_report(target, markup, content_hash, {"url": target})
    except (OSError, ValueError, RuntimeError) as exc:
        yield Rejection(path, UnreadableInput.code, f"malformed WARC after {found} HTML records ({exc})")
        return
    if not found:
        yield Rejection(path, NoText.code, "WARC archive with no HTML response records")


def _truncated(path: str, target: str, got: int, declared: int) -> Rejection:
    """A record cut short (an interrupted crawl or copy) holds the page's first part only: stored,
    it would sit beside the whole page as a "new" report with half its text, so it is refused."""
    return Rejection(
        f"{path}#{target}",
        UnreadableInput.code,
        f"WARC record cut short: {got:,} of {declared:,} payload bytes",
    )
