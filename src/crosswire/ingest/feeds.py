"""RSS and Atom feeds: each entry is a report.

feedparser is lenient (it recovers entries from malformed XML), so a feed is only rejected when
nothing at all could be recovered from it. Entry content is usually the article itself as HTML,
so it goes through the HTML path in fragment mode; the entry's own title, link and date are
declared metadata and beat anything found inside the content.

An entry's title is its ``title`` element and its content is all body, so every entry keeps this
module's media type: clean then never takes the content's first line for a headline (an entry with
no title has none, rather than losing its lead paragraph; a first line repeating the title is still
dropped).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

import feedparser

from crosswire.errors import BadFeed, NoText
from crosswire.ingest.dates import to_day
from crosswire.ingest.decode import normalise
from crosswire.ingest.html import html_report
from crosswire.ingest.text import text_report
from crosswire.model import RawReport, Rejection

_SNIFF = (b"<rss", b"<feed", b"<rdf:rdf")
# A feed entry's content, HTML or text: all body, its headline is the entry's title element.
MEDIA_TYPE = "application/x-feed-entry"


def looks_like_feed(head: bytes) -> bool:
    """True when the first 2 KiB open an RSS, Atom or RSS 1.0 (RDF) document."""
    head = head[:2048].lower()
    return any(tag in head for tag in _SNIFF) and b"<html" not in head


def _content(entry: Any) -> tuple[str, str]:
    """The fullest body an entry offers, with its media type (content beats summary)."""
    best = ("", "text/html")
    for part in entry.get("content") or []:
        value = part.get("value") or ""
        if len(value) > len(best[0]):
            best = (value, part.get("type") or "text/html")
    if not best[0]:
        detail = entry.get("summary_detail") or {}
        best = (entry.get("summary") or "", detail.get("type") or "text/html")
    return best


def _declared(entry: Any, outlet: str | None) -> dict[str, str]:
    declared: dict[str, str] = {}
    title = entry.get("title")
    if title and title.strip():
        declared["title"] = " ".join(normalise(title).split())
    if entry.get("link"):
        declared["url"] = entry["link"].strip()
    day = to_day(entry.get("published_parsed") or entry.get("updated_parsed"))
    if day:
        declared["published"] = day
        declared["published_source"] = "declared"
    if outlet:
        declared["outlet"] = outlet
    return declared


def read_feed(path: str, data: bytes) -> Iterator[RawReport | Rejection]:
    """Yield one report (or rejection) per feed entry; ``BadFeed`` if no entry could be read."""
    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # feedparser's own failures are not typed
        yield Rejection(path, BadFeed.code, f"feed that cannot be parsed ({exc})")
        return
    if not parsed.entries:
        why = f"malformed feed ({parsed.bozo_exception})" if parsed.bozo else "feed with no entries"
        yield Rejection(path, BadFeed.code, why)
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(parsed.entries, start=1):
        declared = _declared(entry, outlet and " ".join(normalise(outlet).split()))
        uri = declared.get("url") or f"{path}#entry{number}"
        body, media_type = _content(entry)
        key = [entry.get("id"), entry.get("link"), entry.get("title"), body]
        content_hash = hashlib.sha256(json.dumps(key, ensure_ascii=False).encode("utf-8")).hexdigest()
        if not body.strip():
            why = f"feed entry {number} has no content or summary"
            if parsed.bozo:  # feedparser recovered what it could: the feed is broken, maybe cut short
                why += f" (the feed is malformed, perhaps cut short: {parsed.bozo_exception})"
            yield Rejection(uri, NoText.code, why)
        elif "html" in media_type:
            yield html_report(
                uri, normalise(body), content_hash, declared, fragment=True, media_type=MEDIA_TYPE
            )
        else:
            yield text_report(uri, normalise(body), content_hash, declared, media_type=MEDIA_TYPE)
